// A report cohort in the database (issue 7): participants with known genders, consents, start and
// exit occupation and income sources, exit reasons, employer contacts, proposals, placements
// (practice, jobs with and without support) and retention checks. The same people as the unit
// tests' hand-built cohort (tests/unit/report-cohort.ts), so the expected figures are the same.
import { db } from "../../app/utils/db.server.ts";
import { eraseParticipant } from "../../app/utils/privacy.server.ts";
import { createUser, createWorkplace, OCCUPATION_LAGERARBETARE } from "./factories.ts";

export const REPORT_PERIOD = { from: "2025-01-01", to: "2025-12-31" };

const at = (iso: string) => new Date(`${iso}T10:00:00Z`);

type PersonSpec = {
  pseudonym: string;
  gender: string;
  enrolled: string;
  exited?: string;
  coach?: "coach" | "coach2";
  municipalityCode?: string;
  statistics?: "given" | "refused" | "withdrawn";
  phase?: string;
  phases?: Array<[phase: string, date: string]>;
  startOccupation?: string | null;
  startIncome?: string[];
  exit?: { reason: string; occupation: string; income: string[] };
  contacts?: string[];
  proposals?: Array<{ proposed: string; presented?: string }>;
  placements?: Array<{
    start: string;
    end?: string;
    kind: "practice" | "job";
    support?: string;
    hours?: number | null;
  }>;
  retention?: Array<{ months: number; employed: boolean; hours: number | null; checked: string }>;
};

/** The people of the cohort (see tests/unit/report-cohort.ts for the worked-out figures). */
export const COHORT: PersonSpec[] = [
  {
    pseudonym: "A",
    gender: "woman",
    enrolled: "2025-01-10",
    exited: "2025-06-30",
    startOccupation: "job_seeking",
    startIncome: ["activity_compensation", "social_assistance"],
    exit: { reason: "work", occupation: "employed", income: ["salary"] },
    contacts: ["2025-01-20"],
    proposals: [{ proposed: "2025-01-25", presented: "2025-02-01" }],
    placements: [
      { start: "2025-02-15", end: "2025-03-09", kind: "practice", hours: 15 },
      { start: "2025-03-10", kind: "job", support: "none", hours: 30 },
    ],
    retention: [
      { months: 3, employed: true, hours: 30, checked: "2025-06-10" },
      { months: 6, employed: true, hours: 25, checked: "2025-09-10" },
    ],
  },
  {
    pseudonym: "B",
    gender: "man",
    enrolled: "2025-02-01",
    exited: "2025-09-15",
    startIncome: ["sickness_compensation"],
    contacts: ["2025-03-15"],
    phases: [["profiling", "2025-02-10"]],
    exit: { reason: "studies", occupation: "studies", income: ["study_support", "sickness_compensation"] },
  },
  {
    pseudonym: "C",
    gender: "woman",
    enrolled: "2025-03-01",
    exited: "2025-11-30",
    exit: { reason: "rehabilitation", occupation: "none", income: ["social_assistance"] },
  },
  {
    pseudonym: "D",
    gender: "man",
    enrolled: "2024-06-01",
    phase: "employed_support",
    phases: [
      ["profiling", "2024-06-05"],
      ["employed_support", "2025-04-01"],
    ],
    startOccupation: "job_seeking",
    startIncome: ["unemployment_benefit"],
    proposals: [{ proposed: "2024-06-18", presented: "2024-06-20" }],
    placements: [{ start: "2025-04-01", kind: "job", support: "lonestod", hours: 20 }],
    retention: [{ months: 3, employed: true, hours: 20, checked: "2025-07-03" }],
  },
  {
    pseudonym: "E",
    gender: "other",
    enrolled: "2025-05-05",
    phase: "profiling",
    phases: [["profiling", "2025-05-20"]],
    startIncome: [],
  },
  { pseudonym: "F", gender: "woman", enrolled: "2025-04-01", statistics: "refused" },
  { pseudonym: "G", gender: "man", enrolled: "2025-04-01", coach: "coach2", statistics: "withdrawn" },
  { pseudonym: "H", gender: "woman", enrolled: "2026-01-15" },
  { pseudonym: "I", gender: "woman", enrolled: "2024-01-10", exited: "2024-12-20" },
  {
    pseudonym: "J",
    gender: "undisclosed",
    municipalityCode: "0687",
    enrolled: "2025-08-01",
    exited: "2025-10-01",
    startOccupation: null,
    startIncome: [],
  },
  {
    pseudonym: "K",
    gender: "man",
    municipalityCode: "0682",
    coach: "coach2",
    enrolled: "2025-01-15",
    placements: [{ start: "2025-05-01", kind: "job", support: "osa", hours: null }],
  },
];

type World = { organization: { id: string }; coach: { id: string }; employer: { id: string } };

/**
 * Creates the cohort in the world's organisation: the people above, a second coach (50 %), a
 * deactivated coach, and one erased participant (a woman, March–August 2025) whose anonymous
 * statistics remain. Returns the participants by pseudonym.
 */
export async function createReportCohort(world: World) {
  const coach2 = await createUser("coach", { organizationId: world.organization.id });
  await db.user.update({ where: { id: coach2.id }, data: { employmentPercent: 50 } });
  const gone = await createUser("coach", { organizationId: world.organization.id });
  await db.user.update({ where: { id: gone.id }, data: { deactivatedAt: new Date() } });
  const coaches = { coach: world.coach.id, coach2: coach2.id };

  const workplace = await createWorkplace(world.employer.id);
  const openings = new Map<string, string>();
  const openingFor = async (kind: string, support: string | null) => {
    const key = `${kind}:${support}`;
    if (!openings.has(key)) {
      const opening = await db.opening.create({
        data: {
          employerId: world.employer.id,
          workplaceId: workplace.id,
          kind,
          status: "filled",
          title: `${kind} ${support ?? ""}`.trim(),
          description: "Ett lugnt lager.",
          occupationId: OCCUPATION_LAGERARBETARE,
          hoursMin: 10,
          hoursMax: 30,
          employmentSupport: support,
          competitive: kind === "job" && support !== "osa" && support !== "kommunal",
        },
      });
      openings.set(key, opening.id);
    }
    return openings.get(key)!;
  };

  const byPseudonym: Record<string, { id: string }> = {};
  for (const p of COHORT) {
    const exitedAt = p.exited ? at(p.exited) : null;
    const phase = p.phase ?? (exitedAt ? "exited" : "job_search");
    const participant = await db.participant.create({
      data: {
        organizationId: world.organization.id,
        coachId: coaches[p.coach ?? "coach"],
        pseudonym: p.pseudonym,
        gender: p.gender,
        referralSource: "arbetsformedlingen",
        municipalityCode: p.municipalityCode ?? "0680",
        enrolledAt: at(p.enrolled),
        exitedAt,
        phase,
        phaseChangedAt: at(p.phases?.at(-1)?.[1] ?? p.exited ?? p.enrolled),
        startOccupation: p.startOccupation === undefined ? "none" : p.startOccupation,
        startIncomeSources: JSON.stringify(p.startIncome ?? ["social_assistance"]),
        profile: { create: {} },
        consents: {
          create: [
            { scope: "brygga", given: true, date: at(p.enrolled), createdAt: at(p.enrolled) },
            {
              scope: "statistics",
              given: (p.statistics ?? "given") !== "refused",
              date: at(p.enrolled),
              createdAt: at(p.enrolled),
              withdrawnAt: p.statistics === "withdrawn" ? at("2025-05-01") : null,
            },
          ],
        },
        phaseChanges: {
          create: [
            { fromPhase: null, toPhase: "enrolled", at: at(p.enrolled) },
            ...(p.phases ?? []).map(([toPhase, date]) => ({ toPhase, at: at(date) })),
            ...(exitedAt ? [{ toPhase: "exited", at: exitedAt }] : []),
          ],
        },
      },
    });
    byPseudonym[p.pseudonym] = participant;
    for (const c of p.contacts ?? []) {
      await db.employerContact.create({
        data: {
          organizationId: world.organization.id,
          employerId: world.employer.id,
          coachId: world.coach.id,
          participantId: participant.id,
          kind: "visit",
          occurredAt: at(c),
        },
      });
    }
    for (const x of p.proposals ?? []) {
      await db.proposal.create({
        data: {
          participantId: participant.id,
          openingId: await openingFor("practice", null),
          score: 70,
          status: x.presented ? "presented" : "proposed",
          proposedAt: at(x.proposed),
          presentedAt: x.presented ? at(x.presented) : null,
        },
      });
    }
    for (const x of p.placements ?? []) {
      await db.placement.create({
        data: {
          participantId: participant.id,
          openingId: await openingFor(x.kind, x.kind === "job" ? (x.support ?? "none") : null),
          kind: x.kind,
          startDate: at(x.start),
          endDate: x.end ? at(x.end) : null,
          hoursPerWeek: x.hours ?? null,
          status: x.end ? "ended" : "follow_up",
        },
      });
    }
    if (p.exit || p.retention) {
      await db.outcomeRecord.create({
        data: {
          participantId: participant.id,
          exitReason: p.exit?.reason ?? null,
          exitOccupation: p.exit?.occupation ?? null,
          exitIncomeSources: JSON.stringify(p.exit?.income ?? []),
          retention: JSON.stringify(
            (p.retention ?? []).map((r) => ({
              months: r.months,
              employed: r.employed,
              hours: r.hours,
              checkedAt: at(r.checked).toISOString(),
            })),
          ),
        },
      });
    }
  }

  // An erased participant: only anonymous statistics remain (enrolment and exit month).
  const erased = await db.participant.create({
    data: {
      organizationId: world.organization.id,
      pseudonym: "Raderas",
      gender: "woman",
      referralSource: "self",
      municipalityCode: "0680",
      enrolledAt: at("2025-03-03"),
      exitedAt: at("2025-08-04"),
      phase: "exited",
    },
  });
  await db.$transaction((tx) => eraseParticipant(tx, erased.id, { actorId: world.coach.id }));

  return { participants: byPseudonym, coach2 };
}
