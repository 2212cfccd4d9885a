// Employers: the profile, workplaces (postal code → municipality → coordinates) and the employer's
// users (colleagues invited by email). Every write that changes what an indexed opening shows
// (employer name, a workplace's place) re-syncs those openings in the same transaction.
import { currentTime } from "./clock.server.ts";
import { enqueueEmail, kickOutbox } from "../../emails/outbox.server.ts";
import { getSearchEngine } from "../../search/index.ts";
import {
  INVITATION_LIFETIME_DAYS,
  type EmployerProfileInput,
  type InviteInput,
  type WorkplaceInput,
} from "~/domain/employers.ts";
import { createSignInLinkToken, signInLinkUrl, type SessionUser } from "./auth.server.ts";
import { db, type DbOrTx } from "./db.server.ts";
import { absoluteUrl } from "./env.server.ts";
import type { EmployerScope } from "./employer-access.server.ts";
import type { FieldErrors } from "~/domain/forms.ts";
import { notFound } from "./responses.server.ts";
import { cachedReference } from "./reference-cache.server.ts";
import { fail, ok, type FieldRefusal, type Result } from "~/domain/result.ts";

export type WriteResult<T extends object = object> = Result<T, FieldRefusal>;

async function resyncPublishedOpenings(tx: DbOrTx, where: { employerId?: string; workplaceId?: string }) {
  const openings = await tx.opening.findMany({ where: { ...where, status: "published" }, select: { id: true } });
  if (openings.length)
    await getSearchEngine(db).syncOpenings(
      tx,
      openings.map((o) => o.id),
    );
}

// ───────────── profile ─────────────

export async function loadEmployerProfile(employerId: string) {
  return db.employer.findUniqueOrThrow({
    where: { id: employerId },
    select: {
      id: true,
      name: true,
      orgNumber: true,
      sector: true,
      phone: true,
      website: true,
      description: true,
      updatedAt: true,
      organization: { select: { name: true } },
      contactCoach: { select: { name: true, email: true, phone: true } },
    },
  });
}

async function orgNumberTaken(tx: DbOrTx, orgNumber: string | null, exceptEmployerId?: string): Promise<boolean> {
  if (!orgNumber) return false;
  const other = await tx.employer.findFirst({
    where: { orgNumber, ...(exceptEmployerId ? { id: { not: exceptEmployerId } } : {}) },
    select: { id: true },
  });
  return Boolean(other);
}

const ORG_NUMBER_TAKEN =
  "Det organisationsnumret används redan av en annan arbetsgivare i Brygga. Kontakta din coach om ni ska slås ihop.";

export async function updateEmployerProfile(scope: EmployerScope, input: EmployerProfileInput): Promise<WriteResult> {
  return db.$transaction(async (tx) => {
    if (await orgNumberTaken(tx, input.orgNumber, scope.employerId))
      return fail({ errors: { orgNumber: [ORG_NUMBER_TAKEN] } });
    const before = await tx.employer.findUniqueOrThrow({ where: { id: scope.employerId }, select: { name: true } });
    await tx.employer.update({ where: { id: scope.employerId }, data: input });
    if (before.name !== input.name) await resyncPublishedOpenings(tx, { employerId: scope.employerId });
    return ok();
  });
}

/**
 * A coach adds an employer to their organisation (contact coach: the chosen coach, or themselves)
 * and may invite the employer's first user — in one transaction, so nothing is half-saved.
 */
export async function createEmployerForOrganization(
  staff: SessionUser & { organizationId: string },
  input: EmployerProfileInput & { contactCoachId: string | null },
  invite: InviteInput | null,
): Promise<WriteResult<{ employerId: string }>> {
  const result = await db.$transaction(async (tx) => {
    const errors: FieldErrors = {};
    if (await orgNumberTaken(tx, input.orgNumber)) errors.orgNumber = [ORG_NUMBER_TAKEN];
    const contactCoachId = input.contactCoachId ?? staff.id;
    const coach = await tx.user.findFirst({
      where: {
        id: contactCoachId,
        organizationId: staff.organizationId,
        role: { in: ["coach", "admin"] },
        deactivatedAt: null,
      },
      select: { id: true },
    });
    if (!coach) errors.contactCoachId = ["Välj en coach i din organisation."];
    if (invite && (await tx.user.findUnique({ where: { email: invite.email }, select: { id: true } }))) {
      errors.inviteEmail = ["E-postadressen används redan i Brygga."];
    }
    if (Object.keys(errors).length) return fail({ errors });
    const { contactCoachId: _chosen, ...profile } = input;
    const employer = await tx.employer.create({
      data: { ...profile, organizationId: staff.organizationId, contactCoachId },
      select: { id: true, name: true },
    });
    if (invite) {
      const invited = await inviteInTransaction(
        tx,
        { user: staff, employerId: employer.id, employerName: employer.name },
        invite,
      );
      if (!invited.ok) throw new Error("invitation failed after the address was checked");
    }
    return ok({ employerId: employer.id });
  });
  if (result.ok && invite) kickOutbox();
  return result;
}

/** The organisation's employers for the coach's list, with what is going on at each. */
export async function listOrganizationEmployers(organizationId: string, query: string | null) {
  const employers = await db.employer.findMany({
    where: { organizationId, ...(query ? { name: { contains: query } } : {}) },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      orgNumber: true,
      sector: true,
      contactCoach: { select: { id: true, name: true } },
      _count: { select: { users: { where: { deactivatedAt: null } }, workplaces: true } },
    },
  });
  const ids = employers.map((e) => e.id);
  const [openings, questions] = await Promise.all([
    db.opening.groupBy({ by: ["employerId", "status"], where: { employerId: { in: ids } }, _count: { _all: true } }),
    db.thread.groupBy({
      by: ["employerId"],
      where: { employerId: { in: ids }, organizationId, kind: "question", status: "open" },
      _count: { _all: true },
    }),
  ]);
  const count = (employerId: string, status: string) =>
    openings.find((o) => o.employerId === employerId && o.status === status)?._count._all ?? 0;
  return employers.map((e) => ({
    id: e.id,
    name: e.name,
    orgNumber: e.orgNumber,
    sector: e.sector,
    contactCoach: e.contactCoach,
    users: e._count.users,
    workplaces: e._count.workplaces,
    published: count(e.id, "published"),
    drafts: count(e.id, "draft"),
    openQuestions: questions.find((q) => q.employerId === e.id)?._count._all ?? 0,
  }));
}

/** Coaches (and admins) of the organisation, for "contact coach". */
export async function organizationCoaches(organizationId: string) {
  return db.user.findMany({
    where: { organizationId, role: { in: ["coach", "admin"] }, deactivatedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

// ───────────── workplaces ─────────────

export async function listWorkplaces(employerId: string) {
  const rows = await db.workplace.findMany({
    where: { employerId },
    orderBy: { name: "asc" },
    include: {
      municipality: { select: { name: true } },
      _count: { select: { openings: true } },
    },
  });
  const published = await db.opening.groupBy({
    by: ["workplaceId"],
    where: { employerId, status: "published" },
    _count: { _all: true },
  });
  const publishedBy = new Map(published.map((p) => [p.workplaceId, p._count._all]));
  return rows.map((w) => ({
    id: w.id,
    name: w.name,
    street: w.street,
    postalCode: w.postalCode,
    municipalityName: w.municipality.name,
    openings: w._count.openings,
    publishedOpenings: publishedBy.get(w.id) ?? 0,
  }));
}

export async function requireWorkplace(scope: EmployerScope, workplaceId: string | undefined) {
  const workplace = workplaceId
    ? await db.workplace.findFirst({
        where: { id: workplaceId, employerId: scope.employerId },
        include: {
          municipality: { select: { code: true, name: true, lat: true, lng: true } },
          _count: { select: { openings: true } },
        },
      })
    : null;
  if (!workplace) notFound("Arbetsplatsen finns inte.");
  return workplace;
}

export type MunicipalityOption = { code: string; name: string; county: string };

/**
 * The 290 municipalities by name (reference data, read once per process): the search filter and
 * the fallback list for postal codes not in the reference data. Callers get their own array.
 */
export async function municipalityOptions(): Promise<MunicipalityOption[]> {
  const options = await cachedReference("municipality options", db, async () => {
    const rows = await db.municipality.findMany({
      orderBy: [{ name: "asc" }],
      select: { code: true, name: true, county: true },
    });
    return Object.freeze(rows.map((m) => Object.freeze({ code: m.code, name: m.name, county: m.county })));
  });
  return [...options];
}

type Location = { municipalityCode: string; lat: number; lng: number };

/**
 * Postal code → municipality (reference data), unless a municipality was chosen; coordinates are
 * the municipality's centre unless given.
 */
export async function resolveWorkplaceLocation(
  tx: DbOrTx,
  input: WorkplaceInput,
): Promise<Result<{ location: Location }, FieldRefusal>> {
  let municipalityCode = input.municipalityCode;
  if (!municipalityCode) {
    const postal = await tx.postalCode.findUnique({
      where: { code: input.postalCode },
      select: { municipalityCode: true },
    });
    if (!postal) {
      return {
        ok: false,
        errors: {
          postalCode: ["Vi hittar inte postnumret i vår lista. Kontrollera det, eller välj kommun i listan nedanför."],
          municipalityCode: ["Välj kommun, eftersom vi inte hittar postnumret."],
        },
      };
    }
    municipalityCode = postal.municipalityCode;
  }
  const municipality = await tx.municipality.findUnique({
    where: { code: municipalityCode },
    select: { code: true, lat: true, lng: true },
  });
  if (!municipality) return { ok: false, errors: { municipalityCode: ["Välj en kommun i listan."] } };
  const hasCoordinates = input.lat != null && input.lng != null;
  return {
    ok: true,
    location: {
      municipalityCode: municipality.code,
      lat: hasCoordinates ? input.lat! : municipality.lat,
      lng: hasCoordinates ? input.lng! : municipality.lng,
    },
  };
}

export async function createWorkplace(
  scope: EmployerScope,
  input: WorkplaceInput,
): Promise<WriteResult<{ workplaceId: string }>> {
  return db.$transaction(async (tx) => {
    const resolved = await resolveWorkplaceLocation(tx, input);
    if (!resolved.ok) return resolved;
    const workplace = await tx.workplace.create({
      data: {
        employerId: scope.employerId,
        name: input.name,
        street: input.street,
        postalCode: input.postalCode,
        ...resolved.location,
      },
      select: { id: true },
    });
    return ok({ workplaceId: workplace.id });
  });
}

export async function updateWorkplace(
  scope: EmployerScope,
  workplaceId: string,
  input: WorkplaceInput,
): Promise<WriteResult> {
  return db.$transaction(async (tx) => {
    const existing = await tx.workplace.findFirst({
      where: { id: workplaceId, employerId: scope.employerId },
      select: { id: true },
    });
    if (!existing) notFound("Arbetsplatsen finns inte.");
    const resolved = await resolveWorkplaceLocation(tx, input);
    if (!resolved.ok) return resolved;
    await tx.workplace.update({
      where: { id: workplaceId },
      data: { name: input.name, street: input.street, postalCode: input.postalCode, ...resolved.location },
    });
    await resyncPublishedOpenings(tx, { workplaceId });
    return ok();
  });
}

/** Only a workplace without openings can be removed (openings keep their place). */
export async function deleteWorkplace(scope: EmployerScope, workplaceId: string): Promise<Result> {
  return db.$transaction(async (tx) => {
    const workplace = await tx.workplace.findFirst({
      where: { id: workplaceId, employerId: scope.employerId },
      select: { id: true, _count: { select: { openings: true } } },
    });
    if (!workplace) notFound("Arbetsplatsen finns inte.");
    if (workplace._count.openings > 0) {
      return fail({
        message:
          "Arbetsplatsen har annonser och kan inte tas bort. Stäng annonserna eller flytta dem till en annan arbetsplats först.",
      });
    }
    await tx.workplace.delete({ where: { id: workplaceId } });
    return ok();
  });
}

// ───────────── colleagues ─────────────

export async function listColleagues(employerId: string) {
  const users = await db.user.findMany({
    where: { employerId, role: "employer", deactivatedAt: null },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      phone: true,
      title: true,
      createdAt: true,
      _count: { select: { sessions: true } },
    },
  });
  return users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    phone: u.phone,
    title: u.title,
    invitedAt: u.createdAt,
    hasSignedIn: u._count.sessions > 0,
  }));
}

type Inviter = { user: { id: string; name: string }; employerId: string; employerName: string };

/**
 * Inside a transaction: the invited user, a long-lived sign-in link and the invitation mail. An
 * address that already has an account elsewhere in Brygga gets the same answer as a new one (the
 * inviter must not learn that the person is in a supported-employment programme); its owner is
 * told by email instead, and no account is created (`userId` null).
 */
async function inviteInTransaction(
  tx: DbOrTx,
  inviter: Inviter,
  input: InviteInput,
): Promise<WriteResult<{ userId: string | null }>> {
  const existing = await tx.user.findUnique({
    where: { email: input.email },
    select: { employerId: true, deactivatedAt: true },
  });
  if (existing?.employerId === inviter.employerId && !existing.deactivatedAt) {
    // Already one of the inviter's own colleagues, listed on the same page: nothing to hide.
    return fail({ errors: { email: ["Personen har redan ett konto hos er."] } });
  }
  if (existing) {
    await enqueueEmail(tx, {
      template: "invitationConflict",
      to: input.email,
      data: {
        inviterName: inviter.user.name,
        organizationName: inviter.employerName,
        url: absoluteUrl("/logga-in"),
      },
    });
    return ok({ userId: null });
  }
  const user = await tx.user.create({
    data: { role: "employer", employerId: inviter.employerId, name: input.name, email: input.email },
    select: { id: true },
  });
  const token = await createSignInLinkToken(user.id, { lifetimeMinutes: INVITATION_LIFETIME_DAYS * 24 * 60, tx });
  await enqueueEmail(tx, {
    template: "invitation",
    to: input.email,
    data: {
      inviterName: inviter.user.name,
      organizationName: inviter.employerName,
      url: signInLinkUrl(token, "/arbetsgivare"),
      expiresDays: INVITATION_LIFETIME_DAYS,
    },
  });
  return ok({ userId: user.id });
}

/**
 * Create the colleague's account (role employer, this employer) and email an invitation with a
 * sign-in link valid for INVITATION_LIFETIME_DAYS days — all in one transaction; mail goes out via
 * the outbox after the commit.
 */
export async function inviteColleague(
  scope: EmployerScope,
  input: InviteInput,
): Promise<WriteResult<{ userId: string | null }>> {
  const result = await db.$transaction((tx) => inviteInTransaction(tx, scope, input));
  if (result.ok) kickOutbox();
  return result;
}

/** Remove a colleague's access: the account is deactivated and signed out everywhere. */
export async function removeColleague(scope: EmployerScope, userId: string): Promise<Result> {
  if (userId === scope.user.id) return { ok: false, message: "Du kan inte ta bort dig själv." };
  return db.$transaction(async (tx) => {
    const colleague = await tx.user.findFirst({
      where: { id: userId, employerId: scope.employerId, role: "employer", deactivatedAt: null },
      select: { id: true },
    });
    if (!colleague) notFound("Personen finns inte bland era användare.");
    await tx.user.update({ where: { id: userId }, data: { deactivatedAt: currentTime() } });
    await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: currentTime() } });
    return ok();
  });
}
