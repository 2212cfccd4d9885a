// Employers find their own way in (issue 11, docs/product-rules.md#employer-onboarding): a registration at
// /for-arbetsgivare is kept unconfirmed until the contact confirms their email; confirming creates
// the employer, its first workplace and the contact's account (they can draft openings). The
// organisations whose service area includes the workplace's municipality see the request, and the
// coach who accepts it becomes the contact coach — then the employer can publish.
// See docs/decisions/0015-onboarding.md.
import { currentTime } from "./clock.server.ts";
import { enqueueEmail, kickOutbox } from "../../emails/outbox.server.ts";
import {
  REGISTRATION_CONFIRM_HOURS,
  REGISTRATIONS_PER_IP_PER_HOUR,
  type RegistrationInput,
} from "~/domain/onboarding.ts";
import type { FieldErrors } from "~/domain/forms.ts";
import { audit } from "./audit.server.ts";
import { notFound } from "./responses.server.ts";
import { db, type DbOrTx } from "./db.server.ts";
import { resolveWorkplaceLocation } from "./employers.server.ts";
import { absoluteUrl } from "./env.server.ts";
import { hashToken, randomToken } from "./tokens.server.ts";

export type SubmitResult =
  | { ok: true; kind: "confirm"; email: string; municipalityName: string; served: boolean }
  | { ok: true; kind: "exists"; companyName: string }
  | { ok: false; errors: FieldErrors }
  | { ok: false; limited: true };

async function isServed(tx: DbOrTx, municipalityCode: string) {
  return (await tx.organizationMunicipality.count({ where: { municipalityCode } })) > 0;
}

/**
 * A registration from the public page. Nothing is stored when the input fails a check; the rate
 * limit counts the registrations a client address made in the last hour.
 */
export async function submitRegistration(
  input: RegistrationInput & { municipalityCode: string | null },
  ip: string,
  now = currentTime(),
): Promise<SubmitResult> {
  const result = await db.$transaction(async (tx): Promise<SubmitResult> => {
    const recent = await tx.employerRegistration.count({
      where: { ip, createdAt: { gt: new Date(now.getTime() - 3_600_000) } },
    });
    if (recent >= REGISTRATIONS_PER_IP_PER_HOUR) return { ok: false, limited: true };

    const existing = await tx.employer.findUnique({
      where: { orgNumber: input.orgNumber },
      select: {
        id: true,
        name: true,
        organization: { select: { sharedInboxEmail: true } },
        contactCoach: { select: { name: true, email: true, deactivatedAt: true } },
      },
    });
    if (existing) {
      const coach = existing.contactCoach?.deactivatedAt ? null : existing.contactCoach;
      const to = coach?.email ?? existing.organization?.sharedInboxEmail ?? null;
      if (to)
        await enqueueEmail(tx, {
          template: "employerAlreadyRegistered",
          to,
          data: {
            coachName: coach?.name ?? null,
            companyName: existing.name,
            contactName: input.contactName,
            contactEmail: input.contactEmail,
            contactPhone: input.contactPhone,
            url: absoluteUrl(`/coach/arbetsgivare/${existing.id}/foretaget`),
          },
        });
      await audit(tx, {
        actorId: null,
        participantId: null,
        action: "read",
        entity: "employer-registration",
        detail: `${input.contactName} (${input.contactEmail}) anmälde ${existing.name}, som redan finns; kontaktpersonen fick veta`,
        ip,
      });
      return { ok: true, kind: "exists", companyName: existing.name };
    }

    if (await tx.user.findUnique({ where: { email: input.contactEmail }, select: { id: true } }))
      return {
        ok: false,
        errors: {
          contactEmail: [
            "E-postadressen har redan ett konto i Brygga. Logga in med den, eller använd en annan adress.",
          ],
        },
      };
    const place = await resolveWorkplaceLocation(tx, {
      name: input.companyName,
      street: input.street,
      postalCode: input.postalCode,
      municipalityCode: input.municipalityCode,
      lat: null,
      lng: null,
    });
    if (!place.ok) return place;
    const municipality = await tx.municipality.findUniqueOrThrow({
      where: { code: place.location.municipalityCode },
      select: { name: true },
    });
    const token = randomToken();
    const { municipalityCode: _chosen, ...fields } = input;
    await tx.employerRegistration.create({
      data: {
        ...fields,
        municipalityCode: place.location.municipalityCode,
        confirmTokenHash: hashToken(token),
        confirmExpiresAt: new Date(now.getTime() + REGISTRATION_CONFIRM_HOURS * 3_600_000),
        ip,
        createdAt: now,
      },
    });
    await enqueueEmail(tx, {
      template: "registrationConfirm",
      to: input.contactEmail,
      data: {
        name: input.contactName,
        companyName: input.companyName,
        url: absoluteUrl(`/for-arbetsgivare/bekrafta?token=${encodeURIComponent(token)}`),
        expiresHours: REGISTRATION_CONFIRM_HOURS,
      },
    });
    return {
      ok: true,
      kind: "confirm",
      email: input.contactEmail,
      municipalityName: municipality.name,
      served: await isServed(tx, place.location.municipalityCode),
    };
  });
  if (result.ok) kickOutbox();
  return result;
}

/** The registration behind a confirmation link, if it can still be confirmed. */
export async function findConfirmableRegistration(token: string) {
  const registration = await db.employerRegistration.findUnique({
    where: { confirmTokenHash: hashToken(token) },
    select: { id: true, companyName: true, status: true, confirmExpiresAt: true },
  });
  if (!registration) return { ok: false as const, reason: "unknown" as const };
  if (registration.status !== "unconfirmed") return { ok: false as const, reason: "used" as const };
  if (registration.confirmExpiresAt < currentTime()) return { ok: false as const, reason: "expired" as const };
  return { ok: true as const, companyName: registration.companyName };
}

export type ConfirmResult =
  | { ok: true; userId: string; served: boolean; municipalityName: string }
  | { ok: false; reason: "unknown" | "used" | "expired" | "exists" | "email-taken" };

/** Confirms the email once: creates the employer, its workplace and the contact's account. */
export async function confirmRegistration(token: string): Promise<ConfirmResult> {
  const result = await db.$transaction(async (tx): Promise<ConfirmResult> => {
    const r = await tx.employerRegistration.findUnique({
      where: { confirmTokenHash: hashToken(token) },
      include: { municipality: { select: { name: true, lat: true, lng: true } } },
    });
    if (!r) return { ok: false, reason: "unknown" };
    if (r.status !== "unconfirmed") return { ok: false, reason: "used" };
    if (r.confirmExpiresAt < currentTime()) return { ok: false, reason: "expired" };
    if (await tx.employer.findUnique({ where: { orgNumber: r.orgNumber }, select: { id: true } }))
      return { ok: false, reason: "exists" };
    if (await tx.user.findUnique({ where: { email: r.contactEmail }, select: { id: true } }))
      return { ok: false, reason: "email-taken" };
    const { count } = await tx.employerRegistration.updateMany({
      where: { id: r.id, status: "unconfirmed" },
      data: { status: "waiting", confirmedAt: currentTime() },
    });
    if (count !== 1) return { ok: false, reason: "used" };
    const employer = await tx.employer.create({
      data: {
        name: r.companyName,
        orgNumber: r.orgNumber,
        sector: r.sector,
        phone: r.contactPhone,
        description: r.offer,
        workplaces: {
          create: {
            name: r.companyName,
            street: r.street,
            postalCode: r.postalCode,
            municipalityCode: r.municipalityCode,
            lat: r.municipality.lat,
            lng: r.municipality.lng,
          },
        },
      },
      select: { id: true },
    });
    const user = await tx.user.create({
      data: {
        role: "employer",
        employerId: employer.id,
        name: r.contactName,
        email: r.contactEmail,
        phone: r.contactPhone,
      },
      select: { id: true },
    });
    await tx.employerRegistration.update({ where: { id: r.id }, data: { employerId: employer.id } });
    await audit(tx, {
      actorId: user.id,
      participantId: null,
      action: "create",
      entity: "employer-registration",
      detail: `${r.contactName} bekräftade anmälan för ${r.companyName} (${r.municipality.name})`,
    });
    return {
      ok: true,
      userId: user.id,
      served: await isServed(tx, r.municipalityCode),
      municipalityName: r.municipality.name,
    };
  });
  return result;
}

/** Confirmed registrations from the organisation's service area that no coach has accepted yet. */
export async function waitingRegistrations(organizationId: string) {
  const rows = await db.employerRegistration.findMany({
    where: {
      status: "waiting",
      employerId: { not: null },
      municipality: { servedBy: { some: { organizationId } } },
    },
    orderBy: { confirmedAt: "asc" },
    select: {
      id: true,
      companyName: true,
      orgNumber: true,
      sector: true,
      street: true,
      postalCode: true,
      contactName: true,
      contactEmail: true,
      contactPhone: true,
      offer: true,
      confirmedAt: true,
      municipality: { select: { name: true } },
    },
  });
  return rows.map(({ municipality, ...r }) => ({ ...r, municipalityName: municipality.name }));
}

/** The coach who accepts becomes the employer's contact coach; the employer is told who, with phone and email. */
export async function acceptRegistration(
  staff: { id: string; organizationId: string },
  registrationId: string,
  ip: string,
): Promise<{ ok: true; employerId: string; companyName: string } | { ok: false; message: string }> {
  const result = await db.$transaction(async (tx) => {
    const r = await tx.employerRegistration.findFirst({
      where: {
        id: registrationId,
        employerId: { not: null },
        status: { in: ["waiting", "accepted"] },
        municipality: { servedBy: { some: { organizationId: staff.organizationId } } },
      },
      select: { id: true, status: true, companyName: true, contactName: true, contactEmail: true, employerId: true },
    });
    if (!r) notFound("Anmälan finns inte.");
    const { count } = await tx.employerRegistration.updateMany({
      where: { id: r.id, status: "waiting" },
      data: { status: "accepted", acceptedById: staff.id, acceptedAt: currentTime() },
    });
    if (count !== 1) return { ok: false as const, message: `${r.companyName} har redan fått en kontaktperson.` };
    const coach = await tx.user.findUniqueOrThrow({
      where: { id: staff.id },
      select: { name: true, email: true, phone: true, organization: { select: { name: true } } },
    });
    await tx.employer.update({
      where: { id: r.employerId! },
      data: { organizationId: staff.organizationId, contactCoachId: staff.id },
    });
    const users = await tx.user.findMany({
      where: { employerId: r.employerId!, deactivatedAt: null, email: { not: null } },
      select: { name: true, email: true },
    });
    for (const u of users)
      await enqueueEmail(tx, {
        template: "employerAccepted",
        to: u.email!,
        data: {
          name: u.name,
          companyName: r.companyName,
          coachName: coach.name,
          coachEmail: coach.email!,
          coachPhone: coach.phone,
          organizationName: coach.organization?.name ?? "Brygga",
          url: absoluteUrl("/arbetsgivare/annonser"),
        },
      });
    await audit(tx, {
      actorId: staff.id,
      participantId: null,
      action: "update",
      entity: "employer-registration",
      detail: `${coach.name} tog emot ${r.companyName} och blev kontaktperson`,
      ip,
    });
    return { ok: true as const, employerId: r.employerId!, companyName: r.companyName };
  });
  if (result.ok) kickOutbox();
  return result;
}

/** For the employer's start page: is the registration still waiting for a coach? */
export async function registrationStatus(employerId: string) {
  const r = await db.employerRegistration.findUnique({
    where: { employerId },
    select: { status: true, municipality: { select: { name: true, servedBy: { select: { organizationId: true } } } } },
  });
  if (!r || r.status === "accepted") return null;
  return { municipalityName: r.municipality.name, served: r.municipality.servedBy.length > 0 };
}
