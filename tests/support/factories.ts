// Test data factories: each call makes a complete, valid record with unique values, so tests
// state only what matters to them. Used by integration tests and browser tests alike.
import crypto from "node:crypto";
import { db } from "../../app/utils/db.server.ts";

const uid = () => crypto.randomUUID().slice(0, 8);

export async function createOrganization(overrides: { name?: string } = {}) {
  return db.organization.create({ data: { name: overrides.name ?? `Coachorganisation ${uid()}`, municipalityCode: "0680" } });
}

type Role = "admin" | "coach" | "employer" | "participant";

export async function createUser(role: Role, overrides: { organizationId?: string; employerId?: string; email?: string | null; name?: string; phone?: string } = {}) {
  const id = uid();
  return db.user.create({
    data: {
      role,
      name: overrides.name ?? `${role} ${id}`,
      email: overrides.email === null ? null : (overrides.email ?? `${role}-${id}@test.brygga.se`),
      organizationId: overrides.organizationId,
      employerId: overrides.employerId,
      phone: overrides.phone,
    },
  });
}

export async function createEmployer(overrides: { organizationId?: string; contactCoachId?: string; name?: string } = {}) {
  return db.employer.create({
    data: {
      name: overrides.name ?? `Arbetsgivare ${uid()} AB`,
      sector: "private",
      organizationId: overrides.organizationId,
      contactCoachId: overrides.contactCoachId,
    },
  });
}

export async function createWorkplace(employerId: string, overrides: { municipalityCode?: string; lat?: number; lng?: number } = {}) {
  return db.workplace.create({
    data: {
      employerId,
      name: "Huvudkontoret",
      street: "Storgatan 1",
      postalCode: "55320",
      municipalityCode: overrides.municipalityCode ?? "0680",
      lat: overrides.lat ?? 57.7826,
      lng: overrides.lng ?? 14.1618,
    },
  });
}

export async function createParticipant(organizationId: string, overrides: { coachId?: string; pseudonym?: string; userId?: string } = {}) {
  return db.participant.create({
    data: {
      organizationId,
      coachId: overrides.coachId,
      userId: overrides.userId,
      pseudonym: overrides.pseudonym ?? `Deltagare ${uid()}`,
      gender: "undisclosed",
      referralSource: "self",
      goals: JSON.stringify(["work"]),
      municipalityCode: "0680",
      profile: { create: {} },
    },
  });
}

/** A coaching organisation with an admin and a coach, plus an employer (with one user) linked to it. */
export async function createWorld() {
  const organization = await createOrganization();
  const admin = await createUser("admin", { organizationId: organization.id });
  const coach = await createUser("coach", { organizationId: organization.id, phone: "036-10 20 30" });
  const employer = await createEmployer({ organizationId: organization.id, contactCoachId: coach.id });
  const employerUser = await createUser("employer", { employerId: employer.id });
  const participantUser = await createUser("participant");
  const participant = await createParticipant(organization.id, { coachId: coach.id, userId: participantUser.id });
  return { organization, admin, coach, employer, employerUser, participant, participantUser };
}
