// The coaches' employer-contact log: visits, calls, meetings and study visits, with notes and a
// follow-up date, optionally about one participant (which then counts as that participant's
// employer contact for the four-week target). A new employer can be added on the fly.
import { z } from "zod";
import { choice, dateAtNoonField, notInFuture, optionalDateAtNoonField } from "~/domain/enrolment.ts";
import { sectors } from "~/domain/vocab/openings.ts";
import { employerContactKinds } from "~/domain/vocab/outcomes.ts";
import { audit } from "./audit.server.ts";
import { db } from "./db.server.ts";
import { formValues, parseWith, type FieldErrors } from "~/domain/forms.ts";
import { dayKey } from "~/domain/swedish-time.ts";
import { fail, ok, type FormRefusal, type Result } from "~/domain/result.ts";
import { backdatedDetail, dateOrderProblem, isBackdated } from "~/domain/date-order.ts";
import { currentTime } from "./clock.server.ts";
import { participantDates } from "./participant-dates.server.ts";

const blank = (v: string | undefined) => (v ? v : undefined);

/** The contact form; `now` (the caller's clock) says which days are in the future. */
export const contactSchema = (now: Date) =>
  z
    .object({
      employerId: z.string().trim().max(40).optional().transform(blank),
      newEmployerName: z.string().trim().max(200, "Namnet får vara högst 200 tecken.").optional().transform(blank),
      newEmployerSector: z
        .union([z.literal(""), sectors.schema])
        .optional()
        .transform((v) => (v ? v : undefined)),
      kind: choice(employerContactKinds, "Välj typ av kontakt."),
      occurredAt: dateAtNoonField("datum för kontakten"),
      notes: z.string().trim().max(4000, "Anteckningen får vara högst 4000 tecken.").optional().transform(blank),
      followUpDate: optionalDateAtNoonField("datum för uppföljning"),
      participantId: z.string().trim().max(40).optional().transform(blank),
    })
    .superRefine((v, ctx) => {
      if (!v.employerId && !v.newEmployerName)
        ctx.addIssue({
          code: "custom",
          path: ["employerId"],
          message: "Välj en arbetsgivare, eller skriv namnet på en ny.",
        });
      if (v.newEmployerName && !v.employerId && !v.newEmployerSector)
        ctx.addIssue({
          code: "custom",
          path: ["newEmployerSector"],
          message: "Välj sektor för den nya arbetsgivaren.",
        });
      if (!notInFuture(v.occurredAt, now))
        ctx.addIssue({ code: "custom", path: ["occurredAt"], message: "Kontakten kan inte ha skett i framtiden." });
      if (v.followUpDate && dayKey(v.followUpDate) < dayKey(v.occurredAt)) {
        ctx.addIssue({
          code: "custom",
          path: ["followUpDate"],
          message: "Uppföljningen kan inte vara före kontakten.",
        });
      }
    });

export type ContactResult = Result<{ employerId: string }, FormRefusal>;

/** Parses and records one contact (with a fixed employer when `employerId` is given). */
export async function recordEmployerContact(
  formData: FormData,
  o: { user: { id: string; organizationId: string }; ip: string; employerId?: string; now?: Date },
): Promise<ContactResult> {
  const now = o.now ?? currentTime();
  const values = formValues(formData);
  if (o.employerId) values.employerId = o.employerId;
  const parsed = parseWith(contactSchema(now), values, values);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, values };
  const input = parsed.data;
  const errors: FieldErrors = {};
  if (input.employerId && !(await db.employer.findUnique({ where: { id: input.employerId }, select: { id: true } }))) {
    errors.employerId = ["Arbetsgivaren finns inte. Välj från listan."];
  }
  if (
    input.participantId &&
    !(await db.participant.findFirst({
      where: { id: input.participantId, organizationId: o.user.organizationId, erasedAt: null },
      select: { id: true },
    }))
  ) {
    errors.participantId = ["Välj en deltagare i din organisation."];
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };

  const saved = await db.$transaction(async (tx) => {
    if (input.participantId) {
      // A contact about a participant is one of their milestones (first employer contact): on or
      // after the enrolment and not after the exit (app/domain/date-order.ts).
      const dates = await participantDates(tx, input.participantId);
      const problem = dateOrderProblem("milestone", {
        enrolledAt: dates.enrolledAt,
        milestones: [input.occurredAt],
        exitedAt: dates.exitedAt,
      });
      if (problem) return fail({ errors: { occurredAt: [problem] } as FieldErrors });
    }
    const employer = input.employerId
      ? { id: input.employerId }
      : await tx.employer.create({
          data: {
            name: input.newEmployerName!,
            sector: input.newEmployerSector!,
            organizationId: o.user.organizationId,
            contactCoachId: o.user.id,
          },
        });
    await tx.employerContact.create({
      data: {
        organizationId: o.user.organizationId,
        employerId: employer.id,
        coachId: o.user.id,
        participantId: input.participantId ?? null,
        kind: input.kind,
        notes: input.notes ?? null,
        occurredAt: input.occurredAt,
        followUpDate: input.followUpDate ?? null,
      },
    });
    if (input.participantId) {
      // Keep the outcome record's milestone in step (reports read it); the earliest contact wins.
      const outcome = await tx.outcomeRecord.findUnique({ where: { participantId: input.participantId } });
      if (!outcome)
        await tx.outcomeRecord.create({
          data: { participantId: input.participantId, firstEmployerContactAt: input.occurredAt },
        });
      else if (!outcome.firstEmployerContactAt || outcome.firstEmployerContactAt > input.occurredAt) {
        await tx.outcomeRecord.update({
          where: { participantId: input.participantId },
          data: { firstEmployerContactAt: input.occurredAt },
        });
      }
      await audit(tx, {
        actorId: o.user.id,
        participantId: input.participantId,
        action: "create",
        entity: "employer-contact",
        detail: employerContactKinds.label(input.kind),
        ip: o.ip,
      });
      if (isBackdated(input.occurredAt, now)) {
        await audit(tx, {
          actorId: o.user.id,
          participantId: input.participantId,
          action: "update",
          entity: "employer_contact_date",
          detail: backdatedDetail(`Arbetsgivarkontakt (${employerContactKinds.label(input.kind)})`, input.occurredAt),
          ip: o.ip,
        });
      }
    }
    return ok({ employerId: employer.id });
  });
  return saved.ok ? saved : { ok: false, errors: saved.errors, values };
}

const contactInclude = {
  employer: { select: { id: true, name: true } },
  coach: { select: { name: true } },
  participant: { select: { id: true, pseudonym: true, erasedAt: true } },
} as const;

/** The organisation's contacts, newest first (optionally with one employer). */
export async function listEmployerContacts(organizationId: string, o: { employerId?: string; take?: number } = {}) {
  const contacts = await db.employerContact.findMany({
    where: { organizationId, ...(o.employerId ? { employerId: o.employerId } : {}) },
    orderBy: [{ occurredAt: "desc" }, { createdAt: "desc" }],
    take: o.take ?? 200,
    include: contactInclude,
  });
  return contacts.map((c) => ({
    id: c.id,
    kind: c.kind,
    occurredAt: c.occurredAt,
    followUpDate: c.followUpDate,
    notes: c.notes,
    employer: c.employer,
    coach: c.coach?.name ?? null,
    participant:
      c.participant && !c.participant.erasedAt ? { id: c.participant.id, pseudonym: c.participant.pseudonym } : null,
  }));
}

/** Follow-ups due from today on (and overdue ones), for the organisation. */
export async function upcomingFollowUps(organizationId: string, coachId?: string) {
  const contacts = await db.employerContact.findMany({
    where: { organizationId, followUpDate: { not: null }, ...(coachId ? { coachId } : {}) },
    orderBy: { followUpDate: "asc" },
    include: contactInclude,
  });
  // Only the latest contact per employer counts: a newer contact replaces an older follow-up.
  const latestByEmployer = new Map<string, Date>();
  const all = await db.employerContact.groupBy({
    by: ["employerId"],
    where: { organizationId },
    _max: { occurredAt: true },
  });
  for (const row of all) if (row._max.occurredAt) latestByEmployer.set(row.employerId, row._max.occurredAt);
  return contacts
    .filter((c) => c.occurredAt.getTime() === latestByEmployer.get(c.employerId)?.getTime())
    .map((c) => ({
      id: c.id,
      followUpDate: c.followUpDate!,
      employer: c.employer,
      coach: c.coach?.name ?? null,
      kind: c.kind,
    }));
}
