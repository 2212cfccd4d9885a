// Participant records for coaches and admins: scoped look-ups (another organisation's participant
// is a 404), enrolment with consent, edits, phases, contacts and reassignment. Every read and
// change is audited (the writes below audit in their own transaction).
import { currentTime } from "./clock.server.ts";
import { earliest } from "~/domain/first-contact.ts";
import { normalizePostalCode } from "~/domain/geo.ts";
import type { EnrolmentInput } from "~/domain/enrolment.ts";
import type { Phase } from "~/domain/vocab/participants.ts";
import { enqueueEmail, kickOutbox } from "../../emails/outbox.server.ts";
import type { ConsentInput } from "~/domain/enrolment.ts";
import { audit } from "./audit.server.ts";
import { absoluteUrl } from "./env.server.ts";
import { db, type DbOrTx, type ParticipantModel } from "./db.server.ts";
import { cachedRead } from "./read-connection.server.ts";
import { toDate, type SqlDate } from "./raw-values.ts";
import type { FieldErrors } from "~/domain/forms.ts";
import { notFound } from "./responses.server.ts";
import type { FieldRefusal, Result } from "~/domain/result.ts";
import { fail, ok } from "~/domain/result.ts";
import { backdatedDetail, dateOrderProblem, isBackdated } from "~/domain/date-order.ts";
import { dayKey } from "~/domain/swedish-time.ts";

export type Staff = { id: string; role: "coach" | "admin"; organizationId: string };

const PARTICIPANT_DATES = [
  "phaseChangedAt",
  "enrolledAt",
  "nextContactAt",
  "lastContactAt",
  "exitedAt",
  "erasedAt",
  "createdAt",
  "updatedAt",
] as const;
type ParticipantDate = (typeof PARTICIPANT_DATES)[number];
type ParticipantRow = Omit<ParticipantModel, ParticipantDate> & Record<ParticipantDate, SqlDate>;

/**
 * A participant of the staff member's organisation (not erased), or a 404. Every coach page about
 * a participant starts here, so the read is a kept prepared statement (read-connection.server.ts):
 * through Prisma, compiling the query cost more than running it (issue 16).
 */
export async function requireOrgParticipant(participantId: string | undefined, organizationId: string) {
  const [row] = await cachedRead<ParticipantRow>(
    db,
    `SELECT * FROM "Participant" WHERE "id" = ? AND "organizationId" = ? AND "erasedAt" IS NULL`,
    [participantId ?? "", organizationId],
  );
  if (!row) notFound("Deltagaren finns inte.");
  const participant = { ...row } as ParticipantModel;
  for (const key of PARTICIPANT_DATES) (participant as Record<ParticipantDate, Date | null>)[key] = toDate(row[key]);
  return participant;
}

/** Coaches (and admins, who may carry a caseload) of the organisation who can be assigned participants. */
export async function assignableCoaches(organizationId: string) {
  return db.user.findMany({
    where: { organizationId, role: { in: ["coach", "admin"] }, deactivatedAt: null },
    orderBy: [{ role: "desc" }, { name: "asc" }],
    select: { id: true, name: true, role: true, employmentPercent: true },
  });
}

type ResolvedPlace = { municipalityCode: string; postalCode: string | null; lat: number; lng: number };

/**
 * Checks the parts of enrolment data only the database can: postal code and municipality exist
 * (the postal code decides the municipality), the coach belongs to the organisation, the email is
 * not used by another account. Returns field errors, or the resolved home place.
 */
export type EnrolmentRefs = Pick<EnrolmentInput, "postalCode" | "municipalityCode" | "coachId" | "email">;

/** The reference fields of raw form values (used when other fields failed, so every error shows at once). */
export function enrolmentRefs(values: Record<string, string | string[]>): EnrolmentRefs {
  const one = (name: string) => {
    const v = values[name];
    const s = (Array.isArray(v) ? v[0] : v)?.trim();
    return s ? s : undefined;
  };
  return {
    postalCode: one("postalCode"),
    municipalityCode: one("municipalityCode"),
    coachId: one("coachId"),
    email: one("email")?.toLowerCase(),
  };
}

export async function checkEnrolment(
  input: EnrolmentRefs,
  o: { organizationId: string; participantUserId?: string | null },
): Promise<Result<{ place: ResolvedPlace }, FieldRefusal>> {
  const errors: FieldErrors = {};
  let place: ResolvedPlace | null = null;
  if (input.postalCode) {
    const code = normalizePostalCode(input.postalCode);
    const postal = code ? await db.postalCode.findUnique({ where: { code }, include: { municipality: true } }) : null;
    if (!code) errors.postalCode = ["Skriv postnumret med fem siffror, till exempel 553 20."];
    else if (!postal)
      errors.postalCode = ["Postnumret finns inte i vårt register. Kontrollera det, eller välj kommun i stället."];
    else if (input.municipalityCode && input.municipalityCode !== postal.municipalityCode) {
      errors.municipalityCode = [
        `Postnumret ligger i ${postal.municipality.name}. Välj den kommunen eller lämna kommunen tom.`,
      ];
    } else
      place = {
        municipalityCode: postal.municipalityCode,
        postalCode: code,
        lat: postal.municipality.lat,
        lng: postal.municipality.lng,
      };
  } else if (input.municipalityCode) {
    const municipality = await db.municipality.findUnique({ where: { code: input.municipalityCode } });
    if (!municipality) errors.municipalityCode = ["Välj en kommun i listan."];
    else
      place = { municipalityCode: municipality.code, postalCode: null, lat: municipality.lat, lng: municipality.lng };
  }
  if (input.coachId) {
    const coach = await db.user.findFirst({
      where: {
        id: input.coachId,
        organizationId: o.organizationId,
        role: { in: ["coach", "admin"] },
        deactivatedAt: null,
      },
    });
    if (!coach) errors.coachId = ["Välj en coach i din organisation."];
  }
  if (input.email) {
    const other = await db.user.findUnique({ where: { email: input.email } });
    if (other && other.id !== o.participantUserId)
      errors.email = ["E-postadressen används redan av ett annat konto i Brygga."];
  }
  if (Object.keys(errors).length > 0 || !place) return { ok: false, errors };
  return { ok: true, place };
}

/** The participant fields written from an enrolment form. */
export function enrolmentColumns(input: EnrolmentInput, place: ResolvedPlace) {
  return {
    pseudonym: input.pseudonym,
    realName: input.realName ?? null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    gender: input.gender,
    birthYear: input.birthYear ?? null,
    municipalityCode: place.municipalityCode,
    postalCode: place.postalCode,
    lat: place.lat,
    lng: place.lng,
    referralSource: input.referralSource,
    goals: JSON.stringify(input.goals),
    startOccupation: input.startOccupation,
    startIncomeSources: JSON.stringify(input.startIncomeSources),
  };
}

/**
 * Keeps the participant's sign-in account in step with the email: an email creates (or updates)
 * a participant user so they can sign in by link; a participant without email keeps any account
 * they have (they sign in with a code from the coach).
 */
export async function syncParticipantUser(
  tx: DbOrTx,
  participant: { id: string; userId: string | null; pseudonym: string },
  email: string | null,
): Promise<string | null> {
  if (participant.userId) {
    await tx.user.update({ where: { id: participant.userId }, data: { email, name: participant.pseudonym } });
    return participant.userId;
  }
  if (!email) return null;
  const user = await tx.user.create({ data: { role: "participant", name: participant.pseudonym, email } });
  await tx.participant.update({ where: { id: participant.id }, data: { userId: user.id } });
  return user.id;
}

/** Moves a participant to a new phase and records the change. */
export async function changePhase(
  tx: DbOrTx,
  participant: { id: string; phase: string },
  toPhase: Phase,
  byId: string,
  at = currentTime(),
) {
  if (participant.phase === toPhase) return false;
  await tx.phaseChange.create({
    data: { participantId: participant.id, fromPhase: participant.phase, toPhase, at, byId },
  });
  await tx.participant.update({
    where: { id: participant.id },
    data: { phase: toPhase, phaseChangedAt: at, exitedAt: toPhase === "exited" ? at : null },
  });
  return true;
}

/** The first employer contact for each participant: earliest logged contact or presented proposal. */
export async function firstEmployerContacts(participantIds: string[]): Promise<Map<string, Date | null>> {
  const result = new Map<string, Date | null>(participantIds.map((id) => [id, null]));
  if (participantIds.length === 0) return result;
  const [contacts, proposals, outcomes] = await Promise.all([
    db.employerContact.groupBy({
      by: ["participantId"],
      where: { participantId: { in: participantIds } },
      _min: { occurredAt: true },
    }),
    db.proposal.groupBy({
      by: ["participantId"],
      where: { participantId: { in: participantIds }, presentedAt: { not: null } },
      _min: { presentedAt: true },
    }),
    db.outcomeRecord.findMany({
      where: { participantId: { in: participantIds }, firstEmployerContactAt: { not: null } },
      select: { participantId: true, firstEmployerContactAt: true },
    }),
  ]);
  const add = (id: string | null, at: Date | null | undefined) => {
    if (!id || !at) return;
    result.set(id, earliest([result.get(id), at]));
  };
  for (const c of contacts) add(c.participantId, c._min.occurredAt);
  for (const p of proposals) add(p.participantId, p._min.presentedAt);
  for (const o of outcomes) add(o.participantId, o.firstEmployerContactAt);
  return result;
}

/** Participant comments on the profile that no coach has answered yet, per participant. */
export async function unansweredComments(participantIds: string[]): Promise<Map<string, number>> {
  const comments = await db.profileComment.findMany({
    where: { participantId: { in: participantIds } },
    select: { id: true, participantId: true, replyToId: true, author: { select: { role: true } } },
  });
  const answered = new Set(
    comments.filter((c) => c.replyToId && c.author?.role !== "participant").map((c) => c.replyToId),
  );
  const counts = new Map<string, number>();
  for (const c of comments) {
    if (c.author?.role === "participant" && !answered.has(c.id))
      counts.set(c.participantId, (counts.get(c.participantId) ?? 0) + 1);
  }
  return counts;
}

/** A caseload: participants with what the coach needs to plan the week. */
export async function caseloadRows(where: {
  organizationId: string;
  coachId?: string | null;
  includeExited?: boolean;
}) {
  const participants = await db.participant.findMany({
    where: {
      organizationId: where.organizationId,
      erasedAt: null,
      ...(where.coachId !== undefined ? { coachId: where.coachId } : {}),
      ...(where.includeExited ? {} : { phase: { not: "exited" } }),
    },
    orderBy: [{ phaseChangedAt: "asc" }],
    select: {
      id: true,
      pseudonym: true,
      phase: true,
      phaseChangedAt: true,
      enrolledAt: true,
      lastContactAt: true,
      nextContactAt: true,
      coachId: true,
      userId: true,
      user: { select: { email: true } },
    },
  });
  const ids = participants.map((p) => p.id);
  const [firstContacts, comments] = await Promise.all([firstEmployerContacts(ids), unansweredComments(ids)]);
  return participants.map((p) => ({
    ...p,
    firstEmployerContactAt: firstContacts.get(p.id) ?? null,
    unansweredComments: comments.get(p.id) ?? 0,
  }));
}

/**
 * Enrolment with consent: the participant, the consents, the first phase, the sign-in account (when
 * there is an email), the audit event and (when asked for) the welcome email, in one transaction.
 */
export async function enrolParticipant(
  user: Staff,
  input: EnrolmentInput,
  place: ResolvedPlace,
  consent: ConsentInput,
  options: { sendWelcome: boolean; ip?: string; now?: Date },
) {
  const coachId = input.coachId ?? user.id;
  const now = options.now ?? currentTime();
  const statisticsGiven = consent.consentStatistics === "yes";
  // A date in the past is the real enrolment day (noon, from the form); today keeps the moment.
  const enrolledAt = input.enrolledAt && isBackdated(input.enrolledAt, now) ? input.enrolledAt : now;
  const participant = await db.$transaction(async (tx) => {
    const created = await tx.participant.create({
      data: {
        organizationId: user.organizationId,
        coachId,
        ...enrolmentColumns(input, place),
        phase: "enrolled",
        phaseChangedAt: enrolledAt,
        enrolledAt,
        profile: { create: {} },
        phaseChanges: { create: { fromPhase: null, toPhase: "enrolled", at: enrolledAt, byId: user.id } },
        consents: {
          create: [
            { scope: "brygga", given: true, date: consent.consentBryggaDate, recordedById: user.id },
            {
              scope: "statistics",
              given: statisticsGiven,
              date: consent.consentStatisticsDate ?? consent.consentBryggaDate,
              recordedById: user.id,
            },
          ],
        },
      },
    });
    await syncParticipantUser(tx, created, input.email ?? null);
    await audit(tx, {
      actorId: user.id,
      participantId: created.id,
      action: "create",
      entity: "participant",
      detail: "Inskrivning med samtycke",
      ip: options.ip,
    });
    if (enrolledAt !== now) {
      await audit(tx, {
        actorId: user.id,
        participantId: created.id,
        action: "update",
        entity: "enrolment_date",
        detail: backdatedDetail("Inskrivningsdatum", enrolledAt),
        ip: options.ip,
      });
    }
    if (input.email && options.sendWelcome) {
      const url = absoluteUrl("/logga-in", { email: input.email });
      const coach = await tx.user.findUniqueOrThrow({ where: { id: coachId }, select: { name: true } });
      await enqueueEmail(tx, {
        template: "participantWelcome",
        to: input.email,
        data: { name: input.pseudonym, coachName: coach.name, url },
      });
    }
    return created;
  });
  kickOutbox();
  return participant;
}

/**
 * "Ändra uppgifter": the enrolment data and the sign-in account change together; audited (a new coach
 * too). A changed enrolment date must stay before the placements and the exit, and is audited as
 * back-dated when it moves into the past.
 */
export async function updateEnrolment(
  user: { id: string },
  participant: {
    id: string;
    userId: string | null;
    coachId: string | null;
    enrolledAt: Date;
    exitedAt: Date | null;
  },
  input: EnrolmentInput,
  place: ResolvedPlace,
  ip?: string,
  now: Date = currentTime(),
): Promise<Result<object, FieldRefusal>> {
  const coachId = input.coachId ?? participant.coachId;
  const newDate =
    input.enrolledAt && dayKey(input.enrolledAt) !== dayKey(participant.enrolledAt) ? input.enrolledAt : null;
  return db.$transaction(async (tx) => {
    if (newDate) {
      const placements = await tx.placement.findMany({
        where: { participantId: participant.id },
        select: { startDate: true },
      });
      const problem = dateOrderProblem("enrolment", {
        enrolledAt: newDate,
        placementStarts: placements.map((p) => p.startDate),
        exitedAt: participant.exitedAt,
      });
      if (problem) return fail({ errors: { enrolledAt: [problem] } });
    }
    await tx.participant.update({
      where: { id: participant.id },
      data: { ...enrolmentColumns(input, place), coachId, ...(newDate ? { enrolledAt: newDate } : {}) },
    });
    if (newDate) {
      // The first phase change is the enrolment: it moves with the date.
      await tx.phaseChange.updateMany({
        where: { participantId: participant.id, fromPhase: null, toPhase: "enrolled" },
        data: { at: newDate },
      });
      await audit(tx, {
        actorId: user.id,
        participantId: participant.id,
        action: "update",
        entity: "enrolment_date",
        detail: isBackdated(newDate, now)
          ? backdatedDetail("Inskrivningsdatum", newDate, participant.enrolledAt)
          : `Inskrivningsdatum ändrat: ${dayKey(participant.enrolledAt)} → ${dayKey(newDate)}`,
        ip,
      });
    }
    await syncParticipantUser(
      tx,
      { id: participant.id, userId: participant.userId, pseudonym: input.pseudonym },
      input.email ?? null,
    );
    await audit(tx, { actorId: user.id, participantId: participant.id, action: "update", entity: "participant", ip });
    if (coachId !== participant.coachId) {
      await audit(tx, {
        actorId: user.id,
        participantId: participant.id,
        action: "update",
        entity: "coach",
        detail: "Ny ansvarig coach",
        ip,
      });
    }
    return ok();
  });
}

/** The participant's sign-in account; one without email gets an account now (to sign in with a code). */
export async function ensureParticipantAccount(participant: {
  id: string;
  userId: string | null;
  pseudonym: string;
}): Promise<string> {
  if (participant.userId) return participant.userId;
  return db.$transaction(async (tx) => {
    const created = await tx.user.create({ data: { name: participant.pseudonym, role: "participant" } });
    await tx.participant.update({ where: { id: participant.id }, data: { userId: created.id } });
    return created.id;
  });
}
