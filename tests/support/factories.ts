// Test data factories: each call makes a complete, valid record with unique values, so tests
// state only what matters to them. Used by integration tests and browser tests alike.
import crypto from "node:crypto";
import { db } from "../../app/utils/db.server.ts";

const uid = () => crypto.randomUUID().slice(0, 8);

export async function createOrganization(overrides: { name?: string } = {}) {
  return db.organization.create({
    data: { name: overrides.name ?? `Coachorganisation ${uid()}`, municipalityCode: "0680" },
  });
}

type Role = "admin" | "coach" | "employer" | "participant";

export async function createUser(
  role: Role,
  overrides: {
    organizationId?: string;
    employerId?: string;
    email?: string | null;
    name?: string;
    phone?: string;
  } = {},
) {
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

export async function createEmployer(
  overrides: { organizationId?: string; contactCoachId?: string; name?: string } = {},
) {
  return db.employer.create({
    data: {
      name: overrides.name ?? `Arbetsgivare ${uid()} AB`,
      sector: "private",
      organizationId: overrides.organizationId,
      contactCoachId: overrides.contactCoachId,
    },
  });
}

export async function createWorkplace(
  employerId: string,
  overrides: { municipalityCode?: string; lat?: number; lng?: number } = {},
) {
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

export async function createParticipant(
  organizationId: string,
  overrides: { coachId?: string; pseudonym?: string; userId?: string; enrolledAt?: Date; phase?: string } = {},
) {
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
      ...(overrides.enrolledAt ? { enrolledAt: overrides.enrolledAt, phaseChangedAt: overrides.enrolledAt } : {}),
      ...(overrides.phase ? { phase: overrides.phase } : {}),
    },
  });
}

/** The fields of a valid enrolment form (app/routes/coach/participant-new.tsx); override what a test is about. */
export function enrolmentFields(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    consentBrygga: "yes",
    consentBryggaDate: new Date().toISOString().slice(0, 10),
    consentStatistics: "yes",
    pseudonym: `Deltagare ${uid()}`,
    gender: "woman",
    birthYear: "1990",
    postalCode: "553 20",
    referralSource: "arbetsformedlingen",
    goals: ["work", "practice"],
    startOccupation: "job_seeking",
    startIncomeSources: ["activity_support"],
    ...overrides,
  };
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

// ───────────── openings and questions (issue 3) ─────────────

/** Real JobTech concept ids from the reference data. */
export const OCCUPATION_LAGERARBETARE = "DLEi_bTh_oLA"; // Lagerarbetare/Terminalarbetare
export const SKILL_TRUCKVANA = "pGts_PKK_c8W";

/** The fields of a valid opening form (app/components/opening-form.tsx): a practice place. */
export function openingFields(
  workplaceId: string,
  overrides: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
  return {
    kind: "practice",
    title: `Praktik på lagret ${uid()}`,
    workplaceId,
    occupationId: OCCUPATION_LAGERARBETARE,
    occupationQuery: "Lagerarbetare/Terminalarbetare",
    description: "Ett lugnt lager med fem kollegor. Du får en fast handledare och en egen checklista.",
    tasks: "Plocka varor efter plocklista\nPacka order i kartonger\nSortera returer",
    skillIds: [SKILL_TRUCKVANA],
    hoursMin: "10",
    hoursMax: "20",
    scheduleTimes: ["day"],
    startFlexible: "flexible",
    pace: "calm",
    noise: "normal",
    instructions: ["written", "shown"],
    accommodations: ["written_instructions", "fixed_supervisor"],
    supervisorName: "Maria Lind",
    supervisorFixed: "on",
    leadsToEmployment: "maybe",
    purpose: "Prova lagerarbete och träna på att följa en plocklista.",
    lengthWeeks: "4",
    places: "1",
    startDate: "",
    endDate: "",
    ...overrides,
  };
}

/** An opening (published unless told otherwise) at a new workplace of the employer, indexed for search. */
export async function createOpening(
  employerId: string,
  overrides: {
    status?: string;
    title?: string;
    kind?: string;
    workplaceId?: string;
    hoursMin?: number;
    hoursMax?: number;
    endDate?: Date | null;
  } = {},
) {
  const { getSearchEngine } = await import("../../search/index.ts");
  const workplaceId = overrides.workplaceId ?? (await createWorkplace(employerId)).id;
  const status = overrides.status ?? "published";
  return db.$transaction(async (tx) => {
    const opening = await tx.opening.create({
      data: {
        employerId,
        workplaceId,
        kind: overrides.kind ?? "practice",
        status,
        title: overrides.title ?? `Lagerpraktik ${uid()}`,
        description: "Ett lugnt lager med fem kollegor.",
        tasks: JSON.stringify(["Plocka varor", "Packa order"]),
        occupationId: OCCUPATION_LAGERARBETARE,
        skillIds: JSON.stringify([SKILL_TRUCKVANA]),
        hoursMin: overrides.hoursMin ?? 10,
        hoursMax: overrides.hoursMax ?? 20,
        schedule: JSON.stringify({ times: ["day"], startFlexible: true }),
        environment: JSON.stringify({ pace: "calm", instructions: ["written"] }),
        accommodationsOffered: JSON.stringify(["written_instructions"]),
        purpose: "Prova lagerarbete.",
        lengthWeeks: 4,
        endDate: overrides.endDate ?? null,
        publishedAt: status === "published" ? new Date() : null,
      },
    });
    await getSearchEngine(db).syncOpenings(tx, [opening.id]);
    return opening;
  });
}

/** A "fråga coachen" thread from an employer user, with its first message. */
export async function createQuestion(
  employerUser: { id: string; employerId: string | null },
  organizationId: string,
  overrides: { subject?: string; body?: string } = {},
) {
  return db.thread.create({
    data: {
      kind: "question",
      employerId: employerUser.employerId!,
      organizationId,
      subject: overrides.subject ?? `Fråga ${uid()}`,
      createdById: employerUser.id,
      messages: { create: { authorId: employerUser.id, body: overrides.body ?? "Hur fungerar lönestöd?" } },
    },
  });
}

// ───────────── placements with a support thread (issue 6) ─────────────

/**
 * A placement of the world's participant at a new opening of the world's employer, made the way the
 * proposal workflow makes it (createPlacementFromProposal): the placement, its support thread with
 * a first message, and the participant's phase moved on.
 */
export async function createPlacementWithThread(
  world: { employer: { id: string }; employerUser: { id: string }; participant: { id: string } },
  overrides: { kind?: string; startDate?: Date; endDate?: Date | null; title?: string } = {},
) {
  const { createPlacementFromProposal } = await import("../../app/utils/placements.server.ts");
  const opening = await createOpening(world.employer.id, {
    kind: overrides.kind ?? "practice",
    title: overrides.title,
  });
  const proposal = await db.proposal.create({
    data: {
      participantId: world.participant.id,
      openingId: opening.id,
      score: 80,
      status: "presented",
      participantAnswer: "yes",
      participantAnsweredAt: new Date(),
      presentedAt: new Date(),
    },
  });
  const startDate = overrides.startDate ?? new Date(Date.now() - 14 * 86_400_000);
  const { placement, thread } = await db.$transaction((tx) =>
    createPlacementFromProposal(tx, {
      proposalId: proposal.id,
      startDate,
      actorId: world.employerUser.id,
      endDate: overrides.endDate,
    }),
  );
  return { opening, proposal, placement, thread };
}
