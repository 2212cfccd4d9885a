// Outcome milestones derived from what happened (docs/product-rules.md#outcomes): enrolment, first employer contact,
// first placement, first paid employment, exit; the statistics consent; the phase on a given day.
// Pure functions over plain rows: the report and the coach's outcome page use the same rules.
import { isCompetitive, type EmploymentSupport, type OpeningKind } from "../vocab/openings.ts";
import { RETENTION_MONTHS, type RetentionMonths } from "./config.ts";
import { dayOf } from "./days.ts";

export type ConsentRow = { scope: string; given: boolean; withdrawnAt: Date | null; createdAt: Date };

/**
 * Registered for funder statistics: the latest statistics consent that is not withdrawn says yes.
 * Everyone else is counted anonymously (docs/product-rules.md#vocabulary, issue 4).
 */
export function hasStatisticsConsent(consents: readonly ConsentRow[]): boolean {
  let latest: ConsentRow | null = null;
  for (const c of consents) {
    if (c.scope !== "statistics" || c.withdrawnAt) continue;
    if (!latest || c.createdAt >= latest.createdAt) latest = c;
  }
  return latest?.given === true;
}

export type PlacementRow = {
  startDate: Date;
  endDate: Date | null;
  /** The opening's kind (job = paid employment). */
  kind: string;
  employmentSupport: string | null;
  hoursPerWeek: number | null;
  /** The employer's sector (public | private | non_profit), for employment by sector. */
  sector?: string | null;
};

export type RetentionCheck = { months: RetentionMonths; employed: boolean; hours: number | null; checkedAt: string };

export type StoredOutcome = {
  firstEmployerContactAt: Date | null;
  firstPlacementAt: Date | null;
  firstEmploymentAt: Date | null;
  employmentForm: string | null;
  competitive: boolean | null;
};

export type MilestoneEvents = {
  enrolledAt: Date;
  exitedAt: Date | null;
  /** Logged employer contacts about the participant (EmployerContact.participantId). */
  employerContactsAt: readonly Date[];
  /** Proposals presented to an employer (Proposal.presentedAt). */
  presentedAt: readonly Date[];
  placements: readonly PlacementRow[];
  /** What the outcome record holds (recorded earlier, or migrated data): the earliest date wins. */
  stored?: StoredOutcome | null;
};

export type Milestones = {
  enrolledAt: Date;
  firstEmployerContactAt: Date | null;
  firstPlacementAt: Date | null;
  firstEmploymentAt: Date | null;
  /** Employment support form of the first employment (none, lonestod, …). */
  employmentForm: string | null;
  /** The first employment is on the open labour market (not OSA or kommunal anställning). */
  competitive: boolean | null;
  /** Any paid employment up to the day is competitive. */
  anyCompetitive: boolean;
  exitedAt: Date | null;
};

function earliestOf(dates: Iterable<Date | null | undefined>): Date | null {
  let best: Date | null = null;
  for (const d of dates) if (d && !Number.isNaN(d.getTime()) && (!best || d < best)) best = d;
  return best;
}

/**
 * Milestones as of the end of `asOfDay` (a Swedish day number; everything later is ignored), or
 * as of now when no day is given.
 */
export function deriveMilestones(events: MilestoneEvents, asOfDay?: number): Milestones {
  const upTo = (d: Date | null | undefined): d is Date => Boolean(d) && (asOfDay === undefined || dayOf(d!) <= asOfDay);
  const stored = events.stored ?? null;
  const placements = events.placements.filter((p) => upTo(p.startDate));
  const jobs = placements.filter((p) => p.kind === "job").sort((a, b) => a.startDate.getTime() - b.startDate.getTime());
  const firstJob = jobs[0] ?? null;

  const firstEmployerContactAt = earliestOf([
    ...events.employerContactsAt.filter(upTo),
    ...events.presentedAt.filter(upTo),
    upTo(stored?.firstEmployerContactAt) ? stored!.firstEmployerContactAt : null,
  ]);
  const firstPlacementAt = earliestOf([
    ...placements.map((p) => p.startDate),
    upTo(stored?.firstPlacementAt) ? stored!.firstPlacementAt : null,
  ]);
  const storedEmployment = upTo(stored?.firstEmploymentAt) ? stored!.firstEmploymentAt : null;
  const firstEmploymentAt = earliestOf([firstJob?.startDate, storedEmployment]);

  let employmentForm: string | null = null;
  let competitive: boolean | null = null;
  if (firstJob && (!storedEmployment || firstJob.startDate <= storedEmployment)) {
    employmentForm = firstJob.employmentSupport ?? "none";
    competitive = isCompetitive("job", employmentForm as EmploymentSupport);
  } else if (storedEmployment) {
    employmentForm = stored!.employmentForm;
    competitive =
      stored!.competitive ?? (employmentForm ? isCompetitive("job", employmentForm as EmploymentSupport) : null);
  }
  const anyCompetitive =
    competitive === true ||
    jobs.some((j) => isCompetitive(j.kind as OpeningKind, (j.employmentSupport ?? "none") as EmploymentSupport));

  return {
    enrolledAt: events.enrolledAt,
    // A first placement counts as an employer contact too (the coach met the employer).
    firstEmployerContactAt: earliestOf([firstEmployerContactAt, firstPlacementAt]),
    firstPlacementAt: earliestOf([firstPlacementAt, firstEmploymentAt]),
    firstEmploymentAt,
    employmentForm,
    competitive,
    anyCompetitive,
    exitedAt: upTo(events.exitedAt) ? events.exitedAt : null,
  };
}

/** Retention checks from the outcome record's JSON, cleaned (unknown months and broken rows dropped). */
export function parseRetention(value: unknown): RetentionCheck[] {
  if (!Array.isArray(value)) return [];
  const checks: RetentionCheck[] = [];
  for (const raw of value) {
    if (!raw || typeof raw !== "object") continue;
    const r = raw as Record<string, unknown>;
    const months = Number(r.months);
    if (!(RETENTION_MONTHS as readonly number[]).includes(months)) continue;
    if (typeof r.checkedAt !== "string" || Number.isNaN(new Date(r.checkedAt).getTime())) continue;
    const hours = typeof r.hours === "number" && Number.isFinite(r.hours) ? r.hours : null;
    checks.push({ months: months as RetentionMonths, employed: r.employed === true, hours, checkedAt: r.checkedAt });
  }
  // One check per checkpoint: the latest recorded wins.
  const byMonths = new Map<number, RetentionCheck>();
  for (const c of checks) {
    const prev = byMonths.get(c.months);
    if (!prev || c.checkedAt >= prev.checkedAt) byMonths.set(c.months, c);
  }
  return [...byMonths.values()].sort((a, b) => a.months - b.months);
}

const LATER_THAN_ENROLLED = new Set(["profiling", "job_search", "practice", "employed_support"]);

/** The phase a participant was in at the end of `day`, from the phase history. */
export function phaseOnDay(
  p: {
    phase: string;
    phaseChangedAt: Date;
    enrolledAt: Date;
    exitedAt: Date | null;
    phaseChanges: ReadonlyArray<{ toPhase: string; at: Date }>;
  },
  day: number,
): string | null {
  if (dayOf(p.enrolledAt) > day) return null;
  if (p.exitedAt && dayOf(p.exitedAt) <= day) return "exited";
  let phase: string | null = null;
  let at = -Infinity;
  for (const c of p.phaseChanges) {
    const t = c.at.getTime();
    // "exited" only counts through exitedAt (a participant can be taken back in).
    if (c.toPhase !== "exited" && dayOf(c.at) <= day && t >= at) {
      phase = c.toPhase;
      at = t;
    }
  }
  if (phase) return phase;
  if (p.phase !== "exited" && dayOf(p.phaseChangedAt) <= day) return p.phase;
  return "enrolled";
}

/** Reached vocational profiling (kartläggning) or a later phase by the end of `day`. */
export function reachedProfiling(
  p: { phase: string; phaseChangedAt: Date; phaseChanges: ReadonlyArray<{ toPhase: string; at: Date }> },
  day: number,
): boolean {
  if (p.phaseChanges.some((c) => LATER_THAN_ENROLLED.has(c.toPhase) && dayOf(c.at) <= day)) return true;
  return LATER_THAN_ENROLLED.has(p.phase) && dayOf(p.phaseChangedAt) <= day;
}
