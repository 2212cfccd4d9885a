// Organisation onboarding (issue 11, docs/product-rules.md#organisation-onboarding): the operator creates an organisation and
// its first admin; the admin invites staff, changes roles, deactivates people (handing their
// caseload to named colleagues in the same transaction), reactivates them, and keeps the
// organisation's details and service area. Every change is written to the audit log in plain Swedish.
// See docs/decisions/0015-onboarding.md.
import { currentTime } from "./clock.server.ts";
import { enqueueEmail, kickOutbox } from "../../emails/outbox.server.ts";
import { OPEN_STATUSES } from "~/domain/proposals.ts";
import {
  STAFF_INVITATION_DAYS,
  staffRoles,
  type OrganizationDetailsInput,
  type StaffInviteInput,
  type StaffRole,
} from "~/domain/onboarding.ts";
import type { FieldErrors } from "~/domain/forms.ts";
import { audit } from "./audit.server.ts";
import { createSignInLinkToken, signInLinkUrl } from "./auth.server.ts";
import { notFound } from "./responses.server.ts";
import { db, type DbOrTx } from "./db.server.ts";
import { joinSv } from "~/domain/swedish.ts";

export type Admin = { id: string; name: string; organizationId: string };
type Result = { ok: true; message: string } | { ok: false; errors: FieldErrors; message?: string };

const roleLabel = (role: string) => staffRoles.label(role).toLowerCase();

// ───────────── the operator: org:create / org:list ─────────────

export type CreateOrganizationInput = {
  name: string;
  adminEmail: string;
  adminName: string;
  municipalityCodes: string[];
};

/** Checks everything first; creates the organisation, its service area and admin, and the invitation mail together. */
export async function createOrganizationWithAdmin(
  input: CreateOrganizationInput,
): Promise<{ ok: true; organizationId: string; adminId: string } | { ok: false; message: string }> {
  const result = await db.$transaction(async (tx) => {
    const all = await tx.organization.findMany({ select: { name: true } });
    if (all.some((o) => o.name.toLocaleLowerCase("sv") === input.name.toLocaleLowerCase("sv")))
      return { ok: false as const, message: `Det finns redan en organisation som heter "${input.name}".` };
    const known = await tx.municipality.findMany({
      where: { code: { in: input.municipalityCodes } },
      select: { code: true },
    });
    const unknown = input.municipalityCodes.filter((c) => !known.some((k) => k.code === c));
    if (unknown.length) return { ok: false as const, message: `Okänd kommunkod: ${unknown.join(", ")}.` };
    if (await tx.user.findUnique({ where: { email: input.adminEmail }, select: { id: true } }))
      return { ok: false as const, message: `E-postadressen ${input.adminEmail} används redan i Brygga.` };
    const organization = await tx.organization.create({
      data: {
        name: input.name,
        municipalityCode: input.municipalityCodes[0] ?? null,
        serviceArea: { create: input.municipalityCodes.map((municipalityCode) => ({ municipalityCode })) },
      },
      select: { id: true, name: true },
    });
    const admin = await tx.user.create({
      data: {
        role: "admin",
        name: input.adminName,
        email: input.adminEmail,
        organizationId: organization.id,
        invitedAt: currentTime(),
      },
      select: { id: true },
    });
    await sendInvitation(tx, { id: admin.id, email: input.adminEmail }, "Brygga", organization.name);
    await audit(tx, {
      actorId: null,
      participantId: null,
      action: "create",
      entity: "organization",
      detail: `Organisationen ${organization.name} skapades med ${input.adminName} (${input.adminEmail}) som administratör`,
    });
    return { ok: true as const, organizationId: organization.id, adminId: admin.id };
  });
  return result;
}

/** For `npm run org:list`: every organisation with counts, and registrations that wait for a coach. */
export async function operatorOverview() {
  const organizations = await db.organization.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      createdAt: true,
      serviceArea: { select: { municipalityCode: true } },
      users: {
        where: { deactivatedAt: null },
        select: { role: true, invitedAt: true, _count: { select: { sessions: true } } },
      },
      _count: { select: { participants: { where: { erasedAt: null, phase: { not: "exited" } } }, employers: true } },
    },
  });
  const waiting = await db.employerRegistration.findMany({
    where: { status: "waiting" },
    orderBy: { confirmedAt: "asc" },
    select: {
      companyName: true,
      orgNumber: true,
      confirmedAt: true,
      municipality: { select: { code: true, name: true, servedBy: { select: { organizationId: true } } } },
    },
  });
  return {
    organizations: organizations.map((o) => ({
      id: o.id,
      name: o.name,
      municipalities: o.serviceArea.map((a) => a.municipalityCode),
      admins: o.users.filter((u) => u.role === "admin").length,
      coaches: o.users.filter((u) => u.role === "coach").length,
      pendingInvitations: o.users.filter((u) => u.invitedAt && u._count.sessions === 0).length,
      participants: o._count.participants,
      employers: o._count.employers,
    })),
    waitingRegistrations: waiting.map((r) => ({
      companyName: r.companyName,
      orgNumber: r.orgNumber,
      municipality: `${r.municipality.name} (${r.municipality.code})`,
      confirmedAt: r.confirmedAt,
      served: r.municipality.servedBy.length > 0,
    })),
  };
}

// ───────────── staff ─────────────

async function sendInvitation(
  tx: DbOrTx,
  user: { id: string; email: string },
  inviterName: string,
  organizationName: string,
) {
  const token = await createSignInLinkToken(user.id, { lifetimeMinutes: STAFF_INVITATION_DAYS * 24 * 60, tx });
  await enqueueEmail(tx, {
    template: "invitation",
    to: user.email,
    data: { inviterName, organizationName, url: signInLinkUrl(token), expiresDays: STAFF_INVITATION_DAYS },
  });
}

export async function listStaff(organizationId: string) {
  const users = await db.user.findMany({
    where: { organizationId, role: { in: ["coach", "admin"] } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      employmentPercent: true,
      invitedAt: true,
      deactivatedAt: true,
      _count: {
        select: {
          sessions: true,
          caseload: { where: { erasedAt: null, phase: { not: "exited" } } },
          contactFor: true,
        },
      },
    },
  });
  const rows = users.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    employmentPercent: u.employmentPercent,
    invitedAt: u.invitedAt,
    deactivatedAt: u.deactivatedAt,
    participants: u._count.caseload,
    employers: u._count.contactFor,
    pending: !u.deactivatedAt && Boolean(u.invitedAt) && u._count.sessions === 0,
  }));
  return {
    active: rows.filter((r) => !r.deactivatedAt && !r.pending),
    pending: rows.filter((r) => r.pending),
    deactivated: rows.filter((r) => r.deactivatedAt),
  };
}

/** A staff member of the admin's organisation, or a 404 (another organisation's people are not revealed). */
export async function requireStaffMember(admin: Admin, userId: string | undefined) {
  const person = userId
    ? await db.user.findFirst({
        where: { id: userId, organizationId: admin.organizationId, role: { in: ["coach", "admin"] } },
        select: {
          id: true,
          name: true,
          email: true,
          role: true,
          phone: true,
          employmentPercent: true,
          invitedAt: true,
          deactivatedAt: true,
          _count: { select: { sessions: true } },
        },
      })
    : null;
  if (!person) notFound("Personen finns inte i din organisation.");
  return { ...person, pending: !person.deactivatedAt && Boolean(person.invitedAt) && person._count.sessions === 0 };
}

export async function inviteStaff(admin: Admin, input: StaffInviteInput, ip: string): Promise<Result> {
  const result = await db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { organizationId: true } });
    if (existing) {
      const message =
        existing.organizationId === admin.organizationId
          ? "Personen finns redan i er organisation."
          : "E-postadressen används redan i Brygga.";
      return { ok: false as const, errors: { email: [message] } };
    }
    const organization = await tx.organization.findUniqueOrThrow({
      where: { id: admin.organizationId },
      select: { name: true },
    });
    const user = await tx.user.create({
      data: {
        role: input.role,
        name: input.name,
        email: input.email,
        employmentPercent: input.employmentPercent,
        organizationId: admin.organizationId,
        invitedAt: currentTime(),
        invitedById: admin.id,
      },
      select: { id: true },
    });
    await sendInvitation(tx, { id: user.id, email: input.email }, admin.name, organization.name);
    await audit(tx, {
      actorId: admin.id,
      participantId: null,
      action: "create",
      entity: "staff",
      detail: `Bjöd in ${input.name} (${input.email}) som ${roleLabel(input.role)}, ${input.employmentPercent} %`,
      ip,
    });
    return {
      ok: true as const,
      message: `Inbjudan till ${input.name} är skickad. Länken gäller i ${STAFF_INVITATION_DAYS} dagar.`,
    };
  });
  if (result.ok) kickOutbox();
  return result;
}

async function requirePending(tx: DbOrTx, admin: Admin, userId: string) {
  const person = await tx.user.findFirst({
    where: {
      id: userId,
      organizationId: admin.organizationId,
      role: { in: ["coach", "admin"] },
      deactivatedAt: null,
      invitedAt: { not: null },
    },
    select: { id: true, name: true, email: true, _count: { select: { sessions: true } } },
  });
  if (!person) notFound("Inbjudan finns inte.");
  return person;
}

/** A new link (the old ones stop working), valid for another STAFF_INVITATION_DAYS days. */
export async function resendInvitation(admin: Admin, userId: string, ip: string): Promise<Result> {
  const result = await db.$transaction(async (tx) => {
    const person = await requirePending(tx, admin, userId);
    if (person._count.sessions > 0 || !person.email)
      return { ok: false as const, errors: {}, message: `${person.name} har redan loggat in.` };
    await tx.loginToken.updateMany({ where: { userId, usedAt: null }, data: { expiresAt: currentTime() } });
    const organization = await tx.organization.findUniqueOrThrow({
      where: { id: admin.organizationId },
      select: { name: true },
    });
    await sendInvitation(tx, { id: person.id, email: person.email }, admin.name, organization.name);
    await tx.user.update({ where: { id: person.id }, data: { invitedAt: currentTime() } });
    await audit(tx, {
      actorId: admin.id,
      participantId: null,
      action: "update",
      entity: "staff",
      detail: `Skickade inbjudan till ${person.name} (${person.email}) igen`,
      ip,
    });
    return { ok: true as const, message: `En ny inbjudan är skickad till ${person.name}.` };
  });
  if (result.ok) kickOutbox();
  return result;
}

/** A pending invitation is withdrawn: the account that was never used is removed, with its links. */
export async function revokeInvitation(admin: Admin, userId: string, ip: string): Promise<Result> {
  return db.$transaction(async (tx) => {
    const person = await requirePending(tx, admin, userId);
    if (person._count.sessions > 0)
      return {
        ok: false as const,
        errors: {},
        message: `${person.name} har redan loggat in. Inaktivera personen i stället.`,
      };
    await audit(tx, {
      actorId: admin.id,
      participantId: null,
      action: "erase",
      entity: "staff",
      detail: `Drog tillbaka inbjudan till ${person.name} (${person.email})`,
      ip,
    });
    await tx.user.delete({ where: { id: person.id } });
    return { ok: true as const, message: `Inbjudan till ${person.name} är tillbakadragen.` };
  });
}

async function otherActiveAdmins(tx: DbOrTx, organizationId: string, exceptId: string) {
  return tx.user.count({
    where: { organizationId, role: "admin", deactivatedAt: null, id: { not: exceptId } },
  });
}

export async function changeRole(admin: Admin, userId: string, role: StaffRole, ip: string): Promise<Result> {
  return db.$transaction(async (tx) => {
    const person = await tx.user.findFirst({
      where: { id: userId, organizationId: admin.organizationId, role: { in: ["coach", "admin"] } },
      select: { id: true, name: true, role: true },
    });
    if (!person) notFound("Personen finns inte i din organisation.");
    if (person.role === role) return { ok: true as const, message: `${person.name} är redan ${roleLabel(role)}.` };
    if (person.role === "admin" && (await otherActiveAdmins(tx, admin.organizationId, person.id)) === 0)
      return {
        ok: false as const,
        errors: { role: ["Organisationen behöver minst en administratör. Gör någon annan till administratör först."] },
      };
    await tx.user.update({ where: { id: person.id }, data: { role } });
    await audit(tx, {
      actorId: admin.id,
      participantId: null,
      action: "update",
      entity: "staff",
      detail: `Ändrade rollen för ${person.name} från ${roleLabel(person.role)} till ${roleLabel(role)}`,
      ip,
    });
    return { ok: true as const, message: `${person.name} är nu ${roleLabel(role)}.` };
  });
}

/** What a person is responsible for, which must be handed over before they are deactivated. */
export async function responsibilities(tx: DbOrTx, organizationId: string, userId: string) {
  const [participants, employers, questionThreads] = await Promise.all([
    tx.participant.findMany({
      where: { coachId: userId, organizationId, erasedAt: null, phase: { not: "exited" } },
      select: { id: true },
    }),
    tx.employer.findMany({ where: { contactCoachId: userId }, select: { id: true } }),
    tx.thread.count({
      where: { organizationId, kind: "question", status: "open", employer: { contactCoachId: userId } },
    }),
  ]);
  const placementThreads = await tx.thread.count({
    where: {
      kind: "placement",
      status: "open",
      placement: { participant: { coachId: userId, organizationId } },
    },
  });
  return {
    participantIds: participants.map((p) => p.id),
    employerIds: employers.map((e) => e.id),
    questionThreads,
    placementThreads,
  };
}

async function requireColleague(tx: DbOrTx, organizationId: string, id: string | undefined, exceptId: string) {
  if (!id || id === exceptId) return null;
  return tx.user.findFirst({
    where: { id, organizationId, role: { in: ["coach", "admin"] }, deactivatedAt: null },
    select: { id: true, name: true },
  });
}

/**
 * Participants to another coach, with their open proposals and upcoming employer-contact follow-ups
 * (inside the caller's transaction), each participant audited. Used by the caseload page and by
 * deactivation.
 */
export async function handOverParticipants(
  tx: DbOrTx,
  input: {
    actorId: string;
    organizationId: string;
    participantIds: string[];
    toCoach: { id: string; name: string };
    ip?: string;
  },
) {
  const participants = await tx.participant.findMany({
    where: { id: { in: input.participantIds }, organizationId: input.organizationId, erasedAt: null },
    select: { id: true, coachId: true, coach: { select: { name: true } } },
  });
  let moved = 0;
  for (const p of participants) {
    if (p.coachId === input.toCoach.id) continue;
    await tx.participant.update({ where: { id: p.id }, data: { coachId: input.toCoach.id } });
    const proposals = await tx.proposal.updateMany({
      where: { participantId: p.id, status: { in: [...OPEN_STATUSES] } },
      data: { coachId: input.toCoach.id },
    });
    const followUps = await tx.employerContact.updateMany({
      where: { participantId: p.id, organizationId: input.organizationId, followUpDate: { gte: startOfToday() } },
      data: { coachId: input.toCoach.id },
    });
    await audit(tx, {
      actorId: input.actorId,
      participantId: p.id,
      action: "update",
      entity: "coach",
      detail: `Ny ansvarig coach: ${input.toCoach.name}${p.coach ? ` (tidigare ${p.coach.name})` : ""}; ${proposals.count} öppna förslag och ${followUps.count} uppföljningar följde med`,
      ip: input.ip,
    });
    moved++;
  }
  return { found: participants.length, moved };
}

/** The admin's caseload page: move participants (one or many) to a coach, all or nothing. */
export async function reassignParticipants(
  admin: Admin,
  participantIds: string[],
  toCoachId: string,
  ip: string,
): Promise<Result> {
  return db.$transaction(async (tx) => {
    const coach = await tx.user.findFirst({
      where: {
        id: toCoachId,
        organizationId: admin.organizationId,
        role: { in: ["coach", "admin"] },
        deactivatedAt: null,
      },
      select: { id: true, name: true },
    });
    if (!coach) return { ok: false as const, errors: { toCoachId: ["Välj en coach i organisationen."] } };
    const ids = [...new Set(participantIds)];
    const moved = await handOverParticipants(tx, {
      actorId: admin.id,
      organizationId: admin.organizationId,
      participantIds: ids,
      toCoach: coach,
      ip,
    });
    // Throwing rolls the transaction back: nothing moves when one participant is not the organisation's.
    if (moved.found !== ids.length) notFound("Deltagaren finns inte.");
    return {
      ok: true as const,
      message: `${ids.length} deltagare har nu ${coach.name} som coach. Öppna förslag och uppföljningar följde med.`,
    };
  });
}

function startOfToday() {
  const d = currentTime();
  d.setHours(0, 0, 0, 0);
  return d;
}

/**
 * Deactivate a person: their participants and employer contacts go to the named colleagues in the
 * same transaction (nothing is left without a coach), their sessions end and links stop working.
 */
export async function deactivateStaff(
  admin: Admin,
  userId: string,
  handOver: { participantsTo?: string; employersTo?: string },
  ip: string,
): Promise<Result> {
  return db.$transaction(async (tx) => {
    const person = await tx.user.findFirst({
      where: { id: userId, organizationId: admin.organizationId, role: { in: ["coach", "admin"] } },
      select: { id: true, name: true, role: true, deactivatedAt: true },
    });
    if (!person) notFound("Personen finns inte i din organisation.");
    if (person.deactivatedAt)
      return { ok: false as const, errors: {}, message: `${person.name} är redan inaktiverad.` };
    if (person.id === admin.id)
      return {
        ok: false as const,
        errors: {},
        message: "Du kan inte inaktivera dig själv. Be en annan administratör.",
      };
    if (person.role === "admin" && (await otherActiveAdmins(tx, admin.organizationId, person.id)) === 0)
      return { ok: false as const, errors: {}, message: "Organisationen behöver minst en aktiv administratör." };

    const owns = await responsibilities(tx, admin.organizationId, person.id);
    const errors: FieldErrors = {};
    const toParticipants = await requireColleague(tx, admin.organizationId, handOver.participantsTo, person.id);
    const toEmployers = await requireColleague(tx, admin.organizationId, handOver.employersTo, person.id);
    if (owns.participantIds.length > 0 && !toParticipants)
      errors.participantsTo = ["Välj en kollega som tar över deltagarna."];
    if (owns.employerIds.length > 0 && !toEmployers)
      errors.employersTo = ["Välj en kollega som tar över arbetsgivarkontakterna."];
    if (Object.keys(errors).length) return { ok: false as const, errors };

    const moved: string[] = [];
    if (toParticipants && owns.participantIds.length) {
      await handOverParticipants(tx, {
        actorId: admin.id,
        organizationId: admin.organizationId,
        participantIds: owns.participantIds,
        toCoach: toParticipants,
        ip,
      });
      // Proposals the person made for participants who were not theirs follow the participants' coach.
      moved.push(`${owns.participantIds.length} deltagare till ${toParticipants.name}`);
    }
    if (toEmployers && owns.employerIds.length) {
      await tx.employer.updateMany({
        where: { id: { in: owns.employerIds } },
        data: { contactCoachId: toEmployers.id },
      });
      await tx.employerContact.updateMany({
        where: {
          coachId: person.id,
          organizationId: admin.organizationId,
          participantId: null,
          followUpDate: { gte: startOfToday() },
        },
        data: { coachId: toEmployers.id },
      });
      moved.push(`${owns.employerIds.length} arbetsgivarkontakter till ${toEmployers.name}`);
    }
    const now = currentTime();
    await tx.user.update({ where: { id: person.id }, data: { deactivatedAt: now } });
    await tx.session.updateMany({ where: { userId: person.id, revokedAt: null }, data: { revokedAt: now } });
    await tx.loginToken.updateMany({ where: { userId: person.id, usedAt: null }, data: { expiresAt: now } });
    await audit(tx, {
      actorId: admin.id,
      participantId: null,
      action: "update",
      entity: "staff",
      detail: `Inaktiverade ${person.name}${moved.length ? `; lämnade över ${joinSv(moved)}` : ""}`,
      ip,
    });
    return {
      ok: true as const,
      message: `${person.name} är inaktiverad och kan inte logga in.${moved.length ? ` ${capitalizeFirst(joinSv(moved))}.` : ""}`,
    };
  });
}

function capitalizeFirst(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export async function reactivateStaff(admin: Admin, userId: string, ip: string): Promise<Result> {
  return db.$transaction(async (tx) => {
    const person = await tx.user.findFirst({
      where: { id: userId, organizationId: admin.organizationId, role: { in: ["coach", "admin"] } },
      select: { id: true, name: true, deactivatedAt: true },
    });
    if (!person) notFound("Personen finns inte i din organisation.");
    if (!person.deactivatedAt) return { ok: true as const, message: `${person.name} är redan aktiv.` };
    await tx.user.update({ where: { id: person.id }, data: { deactivatedAt: null } });
    await audit(tx, {
      actorId: admin.id,
      participantId: null,
      action: "update",
      entity: "staff",
      detail: `Aktiverade ${person.name} igen`,
      ip,
    });
    return { ok: true as const, message: `${person.name} är aktiv igen och kan logga in.` };
  });
}

// ───────────── the organisation's details ─────────────

export function loadOrganizationDetails(organizationId: string) {
  return loadOrganizationDetailsTx(db, organizationId);
}

export async function updateOrganizationDetails(
  admin: Admin,
  input: OrganizationDetailsInput,
  ip: string,
): Promise<Result> {
  return db.$transaction(async (tx) => {
    const known = await tx.municipality.findMany({
      where: { code: { in: input.municipalityCodes } },
      select: { code: true, name: true },
    });
    if (known.length !== new Set(input.municipalityCodes).size)
      return { ok: false as const, errors: { municipalityCodes: ["Välj kommuner i listan."] } };
    const others = await tx.organization.findMany({
      where: { id: { not: admin.organizationId } },
      select: { name: true },
    });
    if (others.some((o) => o.name.toLocaleLowerCase("sv") === input.name.toLocaleLowerCase("sv")))
      return { ok: false as const, errors: { name: ["Det finns redan en organisation med det namnet i Brygga."] } };
    const before = await loadOrganizationDetailsTx(tx, admin.organizationId);
    const { municipalityCodes, ...details } = input;
    await tx.organization.update({ where: { id: admin.organizationId }, data: details });
    await tx.organizationMunicipality.deleteMany({ where: { organizationId: admin.organizationId } });
    await tx.organizationMunicipality.createMany({
      data: [...new Set(municipalityCodes)].map((municipalityCode) => ({
        organizationId: admin.organizationId,
        municipalityCode,
      })),
    });
    const labels: Record<keyof typeof details, string> = {
      name: "namn",
      orgNumber: "organisationsnummer",
      phone: "telefon",
      visitingAddress: "besöksadress",
      funderName: "finansiär",
    };
    const changed = (Object.keys(labels) as Array<keyof typeof details>)
      .filter((k) => (before[k] ?? null) !== (details[k] ?? null))
      .map((k) => labels[k]);
    const beforeCodes = [...before.municipalityCodes].sort().join(",");
    if (beforeCodes !== [...new Set(municipalityCodes)].sort().join(","))
      changed.push(
        `kommuner (nu ${known
          .map((m) => m.name)
          .sort((a, b) => a.localeCompare(b, "sv"))
          .join(", ")})`,
      );
    if (changed.length)
      await audit(tx, {
        actorId: admin.id,
        participantId: null,
        action: "update",
        entity: "organization",
        detail: `Ändrade organisationens ${changed.join(", ")}`,
        ip,
      });
    return { ok: true as const, message: "Organisationens uppgifter är sparade." };
  });
}

async function loadOrganizationDetailsTx(tx: DbOrTx, organizationId: string) {
  const org = await tx.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: {
      name: true,
      orgNumber: true,
      phone: true,
      visitingAddress: true,
      funderName: true,
      serviceArea: { select: { municipalityCode: true } },
    },
  });
  return { ...org, municipalityCodes: org.serviceArea.map((a) => a.municipalityCode) };
}
