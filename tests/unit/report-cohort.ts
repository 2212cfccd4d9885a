// A hand-built cohort for the report unit tests: every figure of the report is worked out by hand
// in the comments of report-compute.test.ts. Period 2025-01-01 – 2025-12-31, today 2026-06-30.
import type { ReportInput, ReportParticipantRow } from "~/domain/reports/compute.ts";

export const PERIOD = { from: "2025-01-01", to: "2025-12-31", today: "2026-06-30" };

const d = (iso: string) => new Date(`${iso}T10:00:00Z`);
const consent = (given: boolean, withdrawn?: string) => ({
  scope: "statistics",
  given,
  withdrawnAt: withdrawn ? d(withdrawn) : null,
  createdAt: d("2024-01-01"),
});

export function person(
  id: string,
  o: Partial<ReportParticipantRow> & { enrolled: string; exited?: string | null },
): ReportParticipantRow {
  const { enrolled, exited, ...rest } = o;
  return {
    id,
    gender: "woman",
    municipalityCode: "0680",
    coachId: "c1",
    enrolledAt: d(enrolled),
    exitedAt: exited ? d(exited) : null,
    phase: exited ? "exited" : "job_search",
    phaseChangedAt: d(exited ?? enrolled),
    phaseChanges: [],
    consents: [{ scope: "brygga", given: true, withdrawnAt: null, createdAt: d("2024-01-01") }, consent(true)],
    startOccupation: "none",
    startIncomeSources: ["social_assistance"],
    employerContactsAt: [],
    proposals: [],
    placements: [],
    outcome: null,
    ...rest,
  };
}

const outcome = (
  o: Partial<NonNullable<ReportParticipantRow["outcome"]>>,
): NonNullable<ReportParticipantRow["outcome"]> => ({
  exitOccupation: null,
  exitIncomeSources: [],
  exitReason: null,
  firstEmployerContactAt: null,
  firstPlacementAt: null,
  firstEmploymentAt: null,
  employmentForm: null,
  competitive: null,
  retention: [],
  ...o,
});

const job = (start: string, support: string, hours: number | null) => ({
  startDate: d(start),
  endDate: null,
  kind: "job",
  employmentSupport: support,
  hoursPerWeek: hours,
});

export function cohort(): ReportInput {
  return {
    participants: [
      // A: woman, exits to work. Contact day 10, placement day 36, employment day 59.
      person("A", {
        enrolled: "2025-01-10",
        exited: "2025-06-30",
        startOccupation: "job_seeking",
        startIncomeSources: ["activity_compensation", "social_assistance"],
        employerContactsAt: [d("2025-01-20")],
        proposals: [{ proposedAt: d("2025-01-25"), presentedAt: d("2025-02-01") }],
        placements: [
          {
            startDate: d("2025-02-15"),
            endDate: d("2025-03-09"),
            kind: "practice",
            employmentSupport: null,
            hoursPerWeek: 15,
          },
          job("2025-03-10", "none", 30),
        ],
        outcome: outcome({
          exitReason: "work",
          exitOccupation: "employed",
          exitIncomeSources: ["salary"],
          retention: [
            { months: 3, employed: true, hours: 30, checkedAt: "2025-06-10T10:00:00.000Z" },
            { months: 6, employed: true, hours: 25, checkedAt: "2025-09-10T10:00:00.000Z" },
          ],
        }),
      }),
      // B: man, exits to studies; contact day 42; profiled.
      person("B", {
        gender: "man",
        enrolled: "2025-02-01",
        exited: "2025-09-15",
        startIncomeSources: ["sickness_compensation"],
        employerContactsAt: [d("2025-03-15")],
        phaseChanges: [{ toPhase: "profiling", at: d("2025-02-10") }],
        outcome: outcome({
          exitReason: "studies",
          exitOccupation: "studies",
          exitIncomeSources: ["study_support", "sickness_compensation"],
        }),
      }),
      // C: woman, exits to rehabilitation; never profiled, no contact.
      person("C", {
        enrolled: "2025-03-01",
        exited: "2025-11-30",
        outcome: outcome({
          exitReason: "rehabilitation",
          exitOccupation: "none",
          exitIncomeSources: ["social_assistance"],
        }),
      }),
      // D: man enrolled before the period, employed with wage subsidy, follow-along support at the end.
      person("D", {
        gender: "man",
        enrolled: "2024-06-01",
        coachId: "c1",
        phase: "employed_support",
        phaseChangedAt: d("2025-04-01"),
        phaseChanges: [
          { toPhase: "profiling", at: d("2024-06-05") },
          { toPhase: "employed_support", at: d("2025-04-01") },
        ],
        startOccupation: "job_seeking",
        startIncomeSources: ["unemployment_benefit"],
        proposals: [{ proposedAt: d("2024-06-18"), presentedAt: d("2024-06-20") }],
        placements: [job("2025-04-01", "lonestod", 20)],
        outcome: outcome({
          retention: [{ months: 3, employed: true, hours: 20, checkedAt: "2025-07-03T10:00:00.000Z" }],
        }),
      }),
      // E: other gender, in profiling, no income recorded.
      person("E", {
        gender: "other",
        enrolled: "2025-05-05",
        phase: "profiling",
        phaseChangedAt: d("2025-05-20"),
        phaseChanges: [{ toPhase: "profiling", at: d("2025-05-20") }],
        startIncomeSources: [],
      }),
      // F: woman without statistics consent (anonymous).
      person("F", { enrolled: "2025-04-01", consents: [consent(false)] }),
      // G: man whose statistics consent was withdrawn (anonymous); coach c2.
      person("G", { gender: "man", enrolled: "2025-04-01", coachId: "c2", consents: [consent(true, "2025-05-01")] }),
      // H: enrolled after the period. I: exited before it.
      person("H", { enrolled: "2026-01-15" }),
      person("I", { enrolled: "2024-01-10", exited: "2024-12-20" }),
      // J: not stated, lives in Tranås, exit without an outcome record; no start occupation.
      person("J", {
        gender: "undisclosed",
        municipalityCode: "0687",
        enrolled: "2025-08-01",
        exited: "2025-10-01",
        startOccupation: null,
        startIncomeSources: [],
      }),
      // K: man in Nässjö, employed in OSA (not competitive) from day 106, no hours, no checks; coach c2.
      person("K", {
        gender: "man",
        municipalityCode: "0682",
        coachId: "c2",
        enrolled: "2025-01-15",
        placements: [job("2025-05-01", "osa", null)],
      }),
    ],
    anonymous: [
      { gender: "woman", municipalityCode: "0680", enrolledAt: d("2025-03-01"), exitedAt: d("2025-08-01") },
      { gender: "man", municipalityCode: "0680", enrolledAt: d("2023-01-01"), exitedAt: d("2024-05-01") },
    ],
    coaches: [
      { id: "c1", role: "coach", employmentPercent: 100, active: true },
      { id: "c2", role: "coach", employmentPercent: 50, active: true },
      { id: "admin", role: "admin", employmentPercent: 100, active: true },
      { id: "c3", role: "coach", employmentPercent: 100, active: false },
    ],
  };
}
