// The figures of an organisation's outcome report, from plain rows (no I/O; see
// app/utils/reports.server.ts for loading). Every rule here is written out for users in
// ./definitions.ts and docs/reports.md: change both together.
//
// Who is counted:
// - the cohort: participants active at any time in the period (enrolled on or before its last day,
//   not exited before its first day), optionally only those living in one municipality;
// - registered participants (statistics consent) get every figure; participants without statistics
//   consent and erased participants (anonymous statistics) are only counted, by gender;
// - exits are counted by exit date within the period; before/after and exit reasons cover them;
// - milestones, funnel and retention count what happened up to the end of the period (or today).
import { sectors } from "../vocab/openings.ts";
import { exitReasons, incomeSources, occupationStatuses } from "../vocab/outcomes.ts";
import {
  CASELOAD_PER_FULL_TIME,
  DAY_BINS,
  FIRST_CONTACT_DAYS,
  RETENTION_MONTHS,
  type RetentionMonths,
} from "./config.ts";
import { addMonthsToDay, dayNumberOf, dayOf, isoOfDay, monthStartOfDay } from "./days.ts";
import {
  deriveMilestones,
  hasStatisticsConsent,
  parseRetention,
  phaseOnDay,
  reachedProfiling,
  type ConsentRow,
  type PlacementRow,
  type StoredOutcome,
} from "./milestones.ts";
import { roundHalfAwayFromZero } from "./numbers.ts";

// ───────────── input ─────────────

export type ReportParticipantRow = {
  id: string;
  gender: string;
  municipalityCode: string | null;
  coachId: string | null;
  enrolledAt: Date;
  exitedAt: Date | null;
  phase: string;
  phaseChangedAt: Date;
  phaseChanges: Array<{ toPhase: string; at: Date }>;
  consents: ConsentRow[];
  /** Enrolled but not counted in results (with the reason); null: counted. */
  notCountedReason?: string | null;
  startOccupation: string | null;
  startIncomeSources: string[];
  employerContactsAt: Date[];
  proposals: Array<{ proposedAt: Date; presentedAt: Date | null }>;
  placements: PlacementRow[];
  outcome:
    | (StoredOutcome & {
        exitOccupation: string | null;
        exitIncomeSources: string[];
        exitReason: string | null;
        /** The raw retention JSON (parsed with parseRetention). */
        retention: unknown;
      })
    | null;
};

/** Erased participants: only anonymous statistics are kept, dates to the month (privacy.server.ts). */
export type AnonymousOutcomeRow = {
  gender: string;
  municipalityCode: string | null;
  enrolledAt: Date;
  exitedAt: Date | null;
};

export type CoachRow = { id: string; role: string; employmentPercent: number; active: boolean };

export type ReportInput = {
  participants: ReportParticipantRow[];
  anonymous: AnonymousOutcomeRow[];
  coaches: CoachRow[];
};

export type ReportOptions = {
  /** First and last day of the period, "YYYY-MM-DD" (Swedish calendar days). */
  from: string;
  to: string;
  /** Today, "YYYY-MM-DD": figures are counted as of the period's last day, or today if earlier. */
  today: string;
  municipalityCode?: string | null;
};

// ───────────── output ─────────────

export const genderKeys = ["woman", "man", "other", "undisclosed"] as const;
export type GenderKey = (typeof genderKeys)[number];
export const groupKeys = [...genderKeys, "total"] as const;
export type GroupKey = (typeof groupKeys)[number];
export type ByGroup<T> = Record<GroupKey, T>;

export const milestoneKeys = ["employer_contact", "placement", "employment"] as const;
export type MilestoneKey = (typeof milestoneKeys)[number];
export const funnelStages = ["enrolled", "profiled", "proposed", "placed", "employed"] as const;
export type FunnelStage = (typeof funnelStages)[number];

/** A category row of a before/after table (`code` null: not recorded). */
export type BeforeAfterRow = { code: string | null; before: ByGroup<number>; after: ByGroup<number> };

export type ReportFigures = {
  period: { from: string; to: string; asOf: string };
  municipalityCode: string | null;
  consent: {
    /** Registered and counted in results. */
    registered: ByGroup<number>;
    /** Registered, enrolled, but not counted in results (e.g. started too late in the project). */
    notCounted: ByGroup<number>;
    anonymous: ByGroup<number>;
    erased: ByGroup<number>;
    total: ByGroup<number>;
  };
  /** Why registered participants were not counted in results, and how many. */
  notCountedReasons: Array<{ reason: string; count: number }>;
  flow: {
    active: ByGroup<number>;
    enrolled: ByGroup<number>;
    exited: ByGroup<number>;
    ongoing: ByGroup<number>;
    employedSupport: ByGroup<number>;
  };
  exitReasons: Array<{ code: string | null; counts: ByGroup<number> }>;
  results: { workOrStudies: ByGroup<number>; work: ByGroup<number>; employedEver: ByGroup<number> };
  /** People with a paid employment up to the end of the period, by the employer's sector (a person counts once per sector). */
  sectors: Array<{ sector: string | null; counts: ByGroup<number> }>;
  /** People employed at the period's end date (a paid employment started and not ended by then). */
  employedAtEnd: ByGroup<number>;
  occupation: BeforeAfterRow[];
  income: BeforeAfterRow[];
  milestones: Array<{ key: MilestoneKey; days: ByGroup<number[]> }>;
  retention: Array<{
    months: RetentionMonths;
    due: ByGroup<number>;
    checked: ByGroup<number>;
    employed: ByGroup<number>;
    hours: ByGroup<number[]>;
  }>;
  funnel: Array<{ stage: FunnelStage; counts: ByGroup<number> }>;
  fidelity: {
    caseload: {
      activeParticipants: number;
      fullTimeEquivalents: number;
      perFullTime: number | null;
      coaches: number;
      target: number;
    };
    contact: { eligible: ByGroup<number>; within: ByGroup<number> };
    competitive: { employed: ByGroup<number>; competitive: ByGroup<number> };
    hours: ByGroup<number[]>;
  };
  /** Registered participants active in the period per home municipality (ignores the municipality filter). */
  municipalities: Array<{ code: string | null; count: number }>;
};

export function genderKey(gender: string | null | undefined): GenderKey {
  return gender === "woman" || gender === "man" || gender === "other" ? gender : "undisclosed";
}

export function emptyByGroup(): ByGroup<number> {
  return { woman: 0, man: 0, other: 0, undisclosed: 0, total: 0 };
}

function emptyLists(): ByGroup<number[]> {
  return { woman: [], man: [], other: [], undisclosed: [], total: [] };
}

function bump(counts: ByGroup<number>, gender: GenderKey, by = 1) {
  counts[gender] += by;
  counts.total += by;
}

function push(lists: ByGroup<number[]>, gender: GenderKey, value: number) {
  lists[gender].push(value);
  lists.total.push(value);
}

/** The bin of DAY_BINS a number of days falls in. */
export function dayBinIndex(days: number): number {
  const i = DAY_BINS.findIndex((b) => b.max !== null && days <= b.max);
  return i === -1 ? DAY_BINS.length - 1 : i;
}

// ───────────── the rules ─────────────

type Prepared = {
  row: ReportParticipantRow;
  gender: GenderKey;
  enrolledDay: number;
  exitDay: number | null;
  registered: boolean;
  counted: boolean;
};

/** Active at any time in [fromDay, toDay]. */
function activeIn(enrolledDay: number, exitDay: number | null, fromDay: number, toDay: number) {
  return enrolledDay <= toDay && (exitDay === null || exitDay >= fromDay);
}

export function computeReport(input: ReportInput, options: ReportOptions): ReportFigures {
  const fromDay = dayNumberOf(options.from);
  const toDay = dayNumberOf(options.to);
  const todayDay = dayNumberOf(options.today);
  if (fromDay === null || toDay === null || todayDay === null || fromDay > toDay)
    throw new Error(`Ogiltig period: ${options.from}–${options.to}`);
  const asOfDay = Math.min(toDay, todayDay);
  const municipality = options.municipalityCode ?? null;

  const prepared: Prepared[] = input.participants.map((row) => ({
    row,
    gender: genderKey(row.gender),
    enrolledDay: dayOf(row.enrolledAt),
    exitDay: row.exitedAt ? dayOf(row.exitedAt) : null,
    registered: hasStatisticsConsent(row.consents),
    counted: !row.notCountedReason,
  }));
  const inPeriod = prepared.filter((p) => activeIn(p.enrolledDay, p.exitDay, fromDay, toDay));
  const inPlace = (code: string | null) => municipality === null || code === municipality;
  const cohortAll = inPeriod.filter((p) => inPlace(p.row.municipalityCode));
  // Results count registered participants who are counted in results; the others only as enrolled.
  const cohort = cohortAll.filter((p) => p.registered && p.counted);

  // Erased participants: month precision (their dates were coarsened at erasure).
  const fromMonth = monthStartOfDay(fromDay);
  const anonymousInPeriod = input.anonymous.filter((a) => {
    const enrolled = monthStartOfDay(dayOf(a.enrolledAt));
    const exited = a.exitedAt ? monthStartOfDay(dayOf(a.exitedAt)) : null;
    return enrolled <= toDay && (exited === null || exited >= fromMonth) && inPlace(a.municipalityCode);
  });

  // Consent split.
  const consent = {
    registered: emptyByGroup(),
    notCounted: emptyByGroup(),
    anonymous: emptyByGroup(),
    erased: emptyByGroup(),
    total: emptyByGroup(),
  };
  const reasons = new Map<string, number>();
  for (const p of cohortAll) {
    bump(!p.registered ? consent.anonymous : p.counted ? consent.registered : consent.notCounted, p.gender);
    bump(consent.total, p.gender);
    if (p.registered && !p.counted) {
      const reason = p.row.notCountedReason!.trim();
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
  }
  for (const a of anonymousInPeriod) {
    bump(consent.erased, genderKey(a.gender));
    bump(consent.total, genderKey(a.gender));
  }

  // Milestones of every registered participant in the cohort, as of the period's end.
  const derived = cohort.map((p) => {
    const r = p.row;
    const milestones = deriveMilestones(
      {
        enrolledAt: r.enrolledAt,
        exitedAt: r.exitedAt,
        employerContactsAt: r.employerContactsAt,
        presentedAt: r.proposals.flatMap((x) => (x.presentedAt ? [x.presentedAt] : [])),
        placements: r.placements,
        stored: r.outcome,
      },
      asOfDay,
    );
    const exitedInPeriod = p.exitDay !== null && p.exitDay >= fromDay && p.exitDay <= toDay;
    return { p, milestones, exitedInPeriod, retention: parseRetention(r.outcome?.retention) };
  });

  // Flow through the period.
  const flow = {
    active: emptyByGroup(),
    enrolled: emptyByGroup(),
    exited: emptyByGroup(),
    ongoing: emptyByGroup(),
    employedSupport: emptyByGroup(),
  };
  for (const { p, exitedInPeriod } of derived) {
    bump(flow.active, p.gender);
    if (p.enrolledDay >= fromDay) bump(flow.enrolled, p.gender);
    if (exitedInPeriod) bump(flow.exited, p.gender);
    if (p.exitDay === null || p.exitDay > asOfDay) {
      bump(flow.ongoing, p.gender);
      if (phaseOnDay(p.row, asOfDay) === "employed_support") bump(flow.employedSupport, p.gender);
    }
  }

  // Exits: reasons, results, before and after.
  const exited = derived.filter((d) => d.exitedInPeriod);
  const reasonCodes: Array<string | null> = [...exitReasons.codes, null];
  const exitReasonRows = reasonCodes.map((code) => ({ code, counts: emptyByGroup() }));
  const results = { workOrStudies: emptyByGroup(), work: emptyByGroup(), employedEver: emptyByGroup() };
  const occupationRows = [...occupationStatuses.codes, null].map((code) => ({
    code,
    before: emptyByGroup(),
    after: emptyByGroup(),
  }));
  const incomeRows = [...incomeSources.codes, null].map((code) => ({
    code,
    before: emptyByGroup(),
    after: emptyByGroup(),
  }));
  const known = <C extends string>(codes: readonly C[], code: string | null | undefined): C | null =>
    code && (codes as readonly string[]).includes(code) ? (code as C) : null;
  for (const { p } of exited) {
    const o = p.row.outcome;
    const reason = known(exitReasons.codes, o?.exitReason);
    bump(exitReasonRows.find((r) => r.code === reason)!.counts, p.gender);
    if (reason === "work" || reason === "studies" || reason === "work_and_studies")
      bump(results.workOrStudies, p.gender);
    if (reason === "work" || reason === "work_and_studies") bump(results.work, p.gender);

    bump(
      occupationRows.find((r) => r.code === known(occupationStatuses.codes, p.row.startOccupation))!.before,
      p.gender,
    );
    bump(occupationRows.find((r) => r.code === known(occupationStatuses.codes, o?.exitOccupation))!.after, p.gender);
    // Several income sources may apply: each counts once per participant; none recorded → "not recorded".
    const sources = (list: string[] | undefined) => {
      const codes = [
        ...new Set(
          (list ?? []).map((c) => known(incomeSources.codes, c)).filter((c): c is NonNullable<typeof c> => c !== null),
        ),
      ];
      return codes.length > 0 ? codes : [null];
    };
    for (const code of sources(p.row.startIncomeSources))
      bump(incomeRows.find((r) => r.code === code)!.before, p.gender);
    for (const code of sources(o?.exitIncomeSources)) bump(incomeRows.find((r) => r.code === code)!.after, p.gender);
  }

  // Milestones, funnel, retention, fidelity.
  const milestoneDays: Record<MilestoneKey, ByGroup<number[]>> = {
    employer_contact: emptyLists(),
    placement: emptyLists(),
    employment: emptyLists(),
  };
  const funnel = funnelStages.map((stage) => ({ stage, counts: emptyByGroup() }));
  const retention = RETENTION_MONTHS.map((months) => ({
    months,
    due: emptyByGroup(),
    checked: emptyByGroup(),
    employed: emptyByGroup(),
    hours: emptyLists(),
  }));
  const contact = { eligible: emptyByGroup(), within: emptyByGroup() };
  const sectorCodes: readonly string[] = sectors.codes;
  const sectorRows = [...sectors.codes, null].map((sector) => ({
    sector: sector as string | null,
    counts: emptyByGroup(),
  }));
  const employedAtEnd = emptyByGroup();
  const competitive = { employed: emptyByGroup(), competitive: emptyByGroup() };
  const hours = emptyLists();
  const daysFromEnrolment = (p: Prepared, at: Date | null) => (at ? Math.max(0, dayOf(at) - p.enrolledDay) : null);

  for (const { p, milestones: m, retention: checks } of derived) {
    const contactDays = daysFromEnrolment(p, m.firstEmployerContactAt);
    const placementDays = daysFromEnrolment(p, m.firstPlacementAt);
    const employmentDays = daysFromEnrolment(p, m.firstEmploymentAt);
    if (contactDays !== null) push(milestoneDays.employer_contact, p.gender, contactDays);
    if (placementDays !== null) push(milestoneDays.placement, p.gender, placementDays);
    if (employmentDays !== null) push(milestoneDays.employment, p.gender, employmentDays);

    // Funnel: each stage counts everyone who reached it or a later one.
    const employed = m.firstEmploymentAt !== null;
    const placed = employed || m.firstPlacementAt !== null;
    const proposed = placed || p.row.proposals.some((x) => dayOf(x.proposedAt) <= asOfDay);
    const profiled = proposed || reachedProfiling(p.row, asOfDay);
    const reached: Record<FunnelStage, boolean> = { enrolled: true, profiled, proposed, placed, employed };
    for (const f of funnel) if (reached[f.stage]) bump(f.counts, p.gender);
    if (employed) {
      bump(results.employedEver, p.gender);
      const jobs = p.row.placements.filter((x) => x.kind === "job" && dayOf(x.startDate) <= asOfDay);
      for (const sector of new Set(jobs.map((x) => x.sector ?? null)))
        bump(
          sectorRows.find((r) => r.sector === (sectorCodes.includes(sector as string) ? sector : null))!.counts,
          p.gender,
        );
      if (jobs.some((x) => x.endDate === null || dayOf(x.endDate) >= asOfDay)) bump(employedAtEnd, p.gender);
    }

    // IPS: the first employer contact within four weeks, for those whose four weeks have passed.
    if (p.enrolledDay + FIRST_CONTACT_DAYS <= asOfDay) {
      bump(contact.eligible, p.gender);
      if (contactDays !== null && contactDays <= FIRST_CONTACT_DAYS) bump(contact.within, p.gender);
    }

    if (employed) {
      bump(competitive.employed, p.gender);
      if (m.anyCompetitive) bump(competitive.competitive, p.gender);
      const latestJob = p.row.placements
        .filter((x) => x.kind === "job" && dayOf(x.startDate) <= asOfDay)
        .sort((a, b) => b.startDate.getTime() - a.startDate.getTime())[0];
      const latestCheck = checks.filter((c) => c.employed && c.hours !== null && dayOf(c.checkedAt) <= asOfDay).at(-1);
      const h = latestJob?.hoursPerWeek ?? latestCheck?.hours ?? null;
      if (h !== null) push(hours, p.gender, h);

      const employmentDay = dayOf(m.firstEmploymentAt!);
      for (const r of retention) {
        if (addMonthsToDay(employmentDay, r.months) > asOfDay) continue;
        bump(r.due, p.gender);
        const check = checks.find((c) => c.months === r.months && dayOf(c.checkedAt) <= asOfDay);
        if (!check) continue;
        bump(r.checked, p.gender);
        if (check.employed) {
          bump(r.employed, p.gender);
          if (check.hours !== null) push(r.hours, p.gender, check.hours);
        }
      }
    }
  }

  // Caseload per full-time coach: the whole organisation (not the municipality filter), every
  // participant (consent does not matter for a count of work), at the period's end.
  const ongoingAtEnd = prepared.filter((p) => p.enrolledDay <= asOfDay && (p.exitDay === null || p.exitDay > asOfDay));
  const withCaseload = new Set(ongoingAtEnd.map((p) => p.row.coachId).filter(Boolean));
  const countedCoaches = input.coaches.filter((c) => c.active && (c.role === "coach" || withCaseload.has(c.id)));
  const fte = roundHalfAwayFromZero(
    countedCoaches.reduce((sum, c) => sum + c.employmentPercent / 100, 0),
    2,
  );

  // The map: registered participants active in the period by home municipality, every municipality.
  const byMunicipality = new Map<string | null, number>();
  for (const p of inPeriod)
    if (p.registered) byMunicipality.set(p.row.municipalityCode, (byMunicipality.get(p.row.municipalityCode) ?? 0) + 1);

  return {
    period: { from: options.from, to: options.to, asOf: isoOfDay(asOfDay) },
    municipalityCode: municipality,
    consent,
    notCountedReasons: [...reasons.entries()]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason, "sv")),
    flow,
    exitReasons: exitReasonRows,
    results,
    sectors: sectorRows,
    employedAtEnd,
    occupation: occupationRows,
    income: incomeRows,
    milestones: milestoneKeys.map((key) => ({ key, days: milestoneDays[key] })),
    retention,
    funnel,
    fidelity: {
      caseload: {
        activeParticipants: ongoingAtEnd.length,
        fullTimeEquivalents: fte,
        perFullTime: fte > 0 ? roundHalfAwayFromZero(ongoingAtEnd.length / fte, 1) : null,
        coaches: countedCoaches.length,
        target: CASELOAD_PER_FULL_TIME,
      },
      contact,
      competitive,
      hours,
    },
    municipalities: [...byMunicipality.entries()]
      .map(([code, count]) => ({ code, count }))
      .sort((a, b) => (a.code ?? "9999").localeCompare(b.code ?? "9999")),
  };
}
