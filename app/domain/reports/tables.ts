// The report as tables: what the page shows, what the CSV and JSON exports hold and what the CLI
// prints. Built from the figures (./compute.ts) with small-group suppression applied in the funder
// view (./suppression.ts). Swedish headers; numbers stay numbers (formatting is the reader's job).
import { sectors } from "../vocab/openings.ts";
import {
  exitReasons,
  incomeSources,
  occupationStatuses,
  susExitReasonOf,
  susExitReasons,
  type ExitReason,
} from "../vocab/outcomes.ts";
import { MIN_GROUP_SIZE, DAY_BINS, FIRST_CONTACT_DAYS } from "./config.ts";
import {
  dayBinIndex,
  funnelStages,
  genderKeys,
  groupKeys,
  milestoneKeys,
  type BeforeAfterRow,
  type ByGroup,
  type FunnelStage,
  type GroupKey,
  type MilestoneKey,
  type ReportFigures,
} from "./compute.ts";
import { changePercent, mean, median, percent, truncatedChangePercent, truncatedPercent } from "./numbers.ts";
import { Suppressor, type HiddenReason } from "./suppression.ts";

export type CellKind = "text" | "count" | "percent" | "days" | "hours" | "decimal";
/**
 * A cell: its value, its kind (for formatting), and whether it is hidden — "small" (a count of 1–2
 * people, shown "<3") or "protected" (hidden so that a small count cannot be worked out, or a
 * figure resting on one; shown "x"). A hidden cell's value is null.
 */
export type Cell = { v: number | string | null; k: CellKind; hidden?: HiddenReason };
export type Column = { key: string; label: string; kind: CellKind };
export type TableRow = { key: string; group?: GroupKey; cells: Record<string, Cell> };
export const tableIds = [
  "participants",
  "period",
  "results",
  "exit-reasons",
  "sus-exit-reasons",
  "sectors",
  "status-at-end",
  "occupation",
  "income",
  "milestones",
  "time-distribution",
  "retention",
  "funnel",
  "fidelity",
  "municipalities",
] as const;
export type TableId = (typeof tableIds)[number];
export type ReportTable = { id: TableId; title: string; description: string; columns: Column[]; rows: TableRow[] };

export type TableOptions = {
  /** Hide small groups (funder view). */
  suppress: boolean;
  /** Percentages truncated toward zero as SUS prints them (default: in the funder view). */
  truncate?: boolean;
  minGroupSize?: number;
  /** Municipality names by code, for the map table. */
  municipalityNames?: Record<string, string>;
};

export const groupLabels: Record<GroupKey, string> = {
  woman: "Kvinnor",
  man: "Män",
  other: "Annat",
  undisclosed: "Ej angivet",
  total: "Totalt",
};
/** Long tables list the total first, then each gender. */
export const groupOrder: readonly GroupKey[] = ["total", ...genderKeys];

export const NOT_RECORDED = "Uppgift saknas";
export const milestoneLabels: Record<MilestoneKey, string> = {
  employer_contact: "Första arbetsgivarkontakt",
  placement: "Första placering",
  employment: "Första anställning",
};
export const funnelLabels: Record<FunnelStage, string> = {
  enrolled: "Inskrivna",
  profiled: "Kartlagda (yrkesprofil)",
  proposed: "Fått förslag",
  placed: "Placerade",
  employed: "Anställda",
};

/** Marker for a hidden cell in CSV, JSON and on the page: "<3" for a small count, "x" for a protected value. */
export function hiddenMarker(minGroupSize: number, reason: HiddenReason = "small"): string {
  return reason === "small" ? `<${minGroupSize}` : PROTECTED_MARKER;
}
export const PROTECTED_MARKER = "x";

const text = (v: string): Cell => ({ v, k: "text" });
const groupColumns = (kind: CellKind = "count"): Column[] =>
  groupKeys.map((g) => ({ key: g, label: groupLabels[g], kind }));

type Bases = (g: GroupKey) => string[];

/**
 * Step 1: register every count and constraint with the suppressor (bases before what rests on
 * them) and return the cell ids of each figure. Nothing is evaluated yet: a cell is only read once
 * every constraint is known (step 2, the table builders).
 */
function registerFigures(f: ReportFigures, s: Suppressor, k: number) {
  const isSmall = (id: string) => {
    const v = s.value(id);
    return s.enabled && v > 0 && v < k;
  };
  /**
   * Registers a by-gender count vector (parts add up to the total) and returns its cell ids.
   * `bases`: the counts the vector's cells rest on; a group whose base is small (1 to k − 1 people)
   * shows no breakdown at all, zeros included, so nobody can tell which category the few are in.
   */
  const vector = (prefix: string, counts: ByGroup<number>, priority = 1, bases?: Bases): ByGroup<string> => {
    // A group's total is kept before its parts.
    const ids = Object.fromEntries(
      groupKeys.map((g) => [g, s.count(`${prefix}:${g}`, counts[g], g === "total" ? priority + 1 : priority)]),
    ) as ByGroup<string>;
    s.sum(
      genderKeys.map((g) => ids[g]),
      ids.total,
    );
    if (bases) for (const g of groupKeys) if (bases(g).some(isSmall)) s.protect(ids[g]);
    return ids;
  };
  /** Categories of a single-choice question add up to the base, in every group. */
  const column = (parts: Array<ByGroup<string>>, base: ByGroup<string>) => {
    for (const g of groupKeys)
      s.sum(
        parts.map((p) => p[g]),
        base[g],
      );
  };

  // ── register every count and constraint (bases before what rests on them) ──
  // Priorities: the base numbers (participants, exited) are kept before the detail that rests on
  // them; the anonymous rows and grand totals of the consent table give way first.
  const consentTotal = vector("consent:total", f.consent.total, 0);
  const ofConsent: Bases = (g) => [consentTotal[g]];
  const consent = {
    registered: vector("flow:active", f.consent.registered, 3, ofConsent),
    notCounted: vector("consent:not-counted", f.consent.notCounted, 0, ofConsent),
    anonymous: vector("consent:anonymous", f.consent.anonymous, 0, ofConsent),
    erased: vector("consent:erased", f.consent.erased, 0, ofConsent),
    total: consentTotal,
  };
  column([consent.registered, consent.notCounted, consent.anonymous, consent.erased], consent.total);

  const active = vector("flow:active", f.flow.active, 3);
  const ofActive: Bases = (g) => [active[g]];
  const exited = vector("flow:exited", f.flow.exited, 3, ofActive);
  const ofExited: Bases = (g) => [active[g], exited[g]];
  const flow = {
    active,
    enrolled: vector("flow:enrolled", f.flow.enrolled, 1, ofActive),
    exited,
    ongoing: vector("flow:ongoing", f.flow.ongoing, 1, ofActive),
    employedSupport: vector("flow:employed-support", f.flow.employedSupport, 1, ofActive),
  };

  const exitIds = f.exitReasons.map((r) => ({
    code: r.code,
    ids: vector(`exit:${r.code ?? "not-recorded"}`, r.counts, 1, ofExited),
  }));
  column(
    exitIds.map((r) => r.ids),
    flow.exited,
  );
  // SUS's exit reasons: each is the sum of the Brygga reasons mapped to it.
  const susIds = susExitReasons.codes.map((sus) => {
    const parts = f.exitReasons.filter((r) => r.code !== null && susExitReasonOf[r.code as ExitReason] === sus);
    const counts = Object.fromEntries(
      groupKeys.map((g) => [g, parts.reduce((a, r) => a + r.counts[g], 0)]),
    ) as ByGroup<number>;
    const ids = vector(`sus-exit:${sus}`, counts, 1, ofExited);
    column(
      exitIds.filter((r) => parts.some((p) => p.code === r.code)).map((r) => r.ids),
      ids,
    );
    return { code: sus, ids };
  });
  column([...susIds.map((r) => r.ids), exitIds.find((r) => r.code === null)!.ids], flow.exited);
  const reasonIds = (codes: string[]) =>
    exitIds.filter((r) => r.code !== null && codes.includes(r.code)).map((r) => r.ids);
  const results = {
    workOrStudies: vector("results:work-or-studies", f.results.workOrStudies, 1, ofExited),
    work: vector("results:work", f.results.work, 1, ofExited),
  };
  column(reasonIds(["work", "studies", "work_and_studies"]), results.workOrStudies);
  column(reasonIds(["work", "work_and_studies"]), results.work);

  const beforeAfter = (prefix: string, rows: BeforeAfterRow[], singleChoice: boolean) => {
    const ids = rows.map((r) => ({
      code: r.code,
      before: vector(`${prefix}:before:${r.code ?? "not-recorded"}`, r.before, 1, ofExited),
      after: vector(`${prefix}:after:${r.code ?? "not-recorded"}`, r.after, 1, ofExited),
    }));
    if (singleChoice) {
      column(
        ids.map((r) => r.before),
        flow.exited,
      );
      column(
        ids.map((r) => r.after),
        flow.exited,
      );
    }
    return ids;
  };
  const occupationIds = beforeAfter("occupation", f.occupation, true);
  const incomeIds = beforeAfter("income", f.income, false);

  const funnelIds = f.funnel.map((x) => ({
    stage: x.stage,
    ids:
      x.stage === "enrolled" ? vector("flow:active", x.counts, 3) : vector(`funnel:${x.stage}`, x.counts, 1, ofActive),
  }));
  const funnelOf = (stage: FunnelStage) => funnelIds.find((x) => x.stage === stage)!.ids;
  const employedEver = vector("funnel:employed", f.results.employedEver, 1, ofActive);
  const ofEmployed: Bases = (g) => [active[g], employedEver[g]];
  // A person with jobs in two sectors counts in both: the sector rows do not add up to the total.
  const sectorIds = f.sectors.map((r) => ({
    sector: r.sector,
    ids: vector(`sector:${r.sector ?? "not-recorded"}`, r.counts, 1, ofEmployed),
  }));
  const employedAtEnd = vector("status:employed-at-end", f.employedAtEnd, 1, ofEmployed);

  const lengths = (lists: ByGroup<number[]>): ByGroup<number> =>
    Object.fromEntries(groupKeys.map((g) => [g, lists[g].length])) as ByGroup<number>;
  const milestoneIds = f.milestones.map((m) => {
    // The same people as funnel stages (placed, employed) share their cells.
    const prefix =
      m.key === "placement" ? "funnel:placed" : m.key === "employment" ? "funnel:employed" : `milestone:${m.key}`;
    return { key: m.key, days: m.days, ids: vector(prefix, lengths(m.days), 1, ofActive) };
  });
  const distribution = f.milestones.map((m) => {
    const reached = milestoneIds.find((x) => x.key === m.key)!.ids.total;
    const bins = DAY_BINS.map(() => 0);
    for (const d of m.days.total) bins[dayBinIndex(d)]! += 1;
    const ids = DAY_BINS.map((b, i) => s.count(`distribution:${m.key}:${b.key}`, bins[i]!));
    s.sum(ids, reached);
    if ([active.total, reached].some(isSmall)) ids.forEach((id) => s.protect(id));
    return { key: m.key, ids };
  });

  const retentionIds = f.retention.map((r) => {
    const due = vector(`retention:${r.months}:due`, r.due, 1, ofEmployed);
    const ofDue: Bases = (g) => [active[g], employedEver[g], due[g]];
    return {
      months: r.months,
      hours: r.hours,
      due,
      checked: vector(`retention:${r.months}:checked`, r.checked, 1, ofDue),
      employed: vector(`retention:${r.months}:employed`, r.employed, 1, ofDue),
    };
  });

  const eligible = vector("fidelity:contact-eligible", f.fidelity.contact.eligible, 1, ofActive);
  const fid = {
    eligible,
    within: vector("fidelity:contact-within", f.fidelity.contact.within, 1, (g) => [active[g], eligible[g]]),
    competitive: vector("fidelity:competitive", f.fidelity.competitive.competitive, 1, ofEmployed),
    employed: vector("funnel:employed", f.fidelity.competitive.employed, 1, ofActive),
  };

  const mapTotal = s.count(
    "map:total",
    f.municipalities.reduce((a, m) => a + m.count, 0),
    2,
  );
  const mapIds = f.municipalities.map((m) => ({
    code: m.code,
    id: s.count(`map:${m.code ?? "not-recorded"}`, m.count),
  }));
  s.sum(
    mapIds.map((m) => m.id),
    mapTotal,
  );
  if (isSmall(mapTotal)) mapIds.forEach((m) => s.protect(m.id));

  return {
    isSmall,
    consent,
    flow,
    ofActive,
    ofExited,
    exitIds,
    susIds,
    sectorIds,
    employedAtEnd,
    ofEmployed,
    results,
    occupationIds,
    incomeIds,
    funnelIds,
    funnelOf,
    employedEver,
    milestoneIds,
    distribution,
    retentionIds,
    fid,
    mapTotal,
    mapIds,
  };
}
type Figures = ReturnType<typeof registerFigures>;

/** Step 2: how cells and rows are made, once every constraint is registered. */
function cellKit(s: Suppressor, fig: Figures, truncate: boolean) {
  const { isSmall, flow } = fig;
  const percentOf = truncate ? truncatedPercent : percent;
  const changeOf = truncate ? truncatedChangePercent : changePercent;
  const count = (id: string): Cell => {
    const reason = s.reason(id);
    return reason ? { v: null, k: "count", hidden: reason } : { v: s.value(id), k: "count" };
  };
  const share = (num: string, den: string): Cell => {
    const hidden = s.hideDerived([num, den], s.value(den));
    return hidden
      ? { v: null, k: "percent", hidden: "protected" }
      : { v: percentOf(s.value(num), s.value(den)), k: "percent" };
  };
  const stat = (kind: CellKind, values: number[], fn: (v: number[]) => number | null, inputs: string[] = []): Cell =>
    s.hideDerived(inputs, values.length) ? { v: null, k: kind, hidden: "protected" } : { v: fn(values), k: kind };

  // Derived cells (shares, medians) of a small group are hidden like its counts.
  const guard = (cell: Cell, bases: string[]): Cell =>
    cell.k !== "text" && bases.some(isSmall) ? { v: null, k: cell.k, hidden: "protected" } : cell;
  const registeredBases = (g: GroupKey, ...more: Array<ByGroup<string>>) => [flow.active[g], ...more.map((m) => m[g])];

  const matrixRow = (
    key: string,
    label: string,
    ids: ByGroup<string>,
    bases: Bases,
    extra: Record<string, Cell> = {},
  ): TableRow => ({
    key,
    cells: {
      label: text(label),
      ...Object.fromEntries(groupKeys.map((g) => [g, guard(count(ids[g]), bases(g))])),
      ...extra,
    },
  });
  const shareRow = (
    key: string,
    label: string,
    num: ByGroup<string>,
    den: ByGroup<string>,
    bases: Bases,
  ): TableRow => ({
    key,
    cells: {
      label: text(label),
      ...Object.fromEntries(groupKeys.map((g) => [g, guard(share(num[g], den[g]), bases(g))])),
    },
  });
  const noBases: Bases = () => [];
  const ofRegistered: Bases = (g) => registeredBases(g);
  return { s, count, share, stat, guard, registeredBases, matrixRow, shareRow, noBases, ofRegistered, changeOf };
}
type Kit = ReturnType<typeof cellKit>;

/** Columns of the before-and-after tables (occupation, income). */
function beforeAfterColumns(label: string): Column[] {
  return [
    { key: "group", label: "Kön", kind: "text" },
    { key: "label", label, kind: "text" },
    { key: "before", label: "Före (antal)", kind: "count" },
    { key: "after", label: "Efter (antal)", kind: "count" },
    { key: "shareAfter", label: "Andel efter (%)", kind: "percent" },
    { key: "change", label: "Förändring (antal)", kind: "count" },
    { key: "changePercent", label: "Förändring (%)", kind: "percent" },
  ];
}

/** Rows of a before-and-after table: each category in each group, with shares and change. */
function beforeAfterRows(
  fig: Figures,
  kit: Kit,
  rows: Array<{ code: string | null; before: ByGroup<string>; after: ByGroup<string> }>,
  label: (code: string) => string,
): TableRow[] {
  const { flow, ofExited } = fig;
  const { s, count, share, guard, changeOf } = kit;
  return groupOrder.flatMap((g) =>
    rows.map((r) => {
      const before = r.before[g];
      const after = r.after[g];
      const hideChange = s.hideDerived([before, after]);
      const bases = ofExited(g);
      return {
        key: `${g}:${r.code ?? "not-recorded"}`,
        group: g,
        cells: {
          group: text(groupLabels[g]),
          label: text(r.code ? label(r.code) : NOT_RECORDED),
          before: guard(count(before), bases),
          after: guard(count(after), bases),
          shareAfter: guard(share(after, flow.exited[g]), bases),
          change: guard(
            hideChange
              ? { v: null, k: "count", hidden: "protected" }
              : { v: s.value(after) - s.value(before), k: "count" },
            bases,
          ),
          changePercent: guard(
            hideChange
              ? { v: null, k: "percent", hidden: "protected" }
              : { v: changeOf(s.value(before), s.value(after)), k: "percent" },
            bases,
          ),
        },
      } satisfies TableRow;
    }),
  );
}

/** Participants by consent (the anonymous and erased ones only as counts). */
function participantsTable(fig: Figures, kit: Kit): ReportTable {
  const { consent } = fig;
  const { matrixRow, noBases } = kit;
  return {
    id: "participants",
    title: "Deltagare och samtycke",
    description:
      "Alla deltagare som var aktiva någon gång under perioden, efter samtycke till registrering för statistik. Deltagare utan samtycke och raderade deltagare räknas bara som antal (anonymt) och ingår inte i övriga tabeller. Deltagare som är inskrivna men inte räknas i resultat (till exempel för att de började för sent i projektet) räknas bara här.",
    columns: [{ key: "label", label: "Grupp", kind: "text" }, ...groupColumns()],
    rows: [
      matrixRow("registered", "Med samtycke (registrerade)", consent.registered, (g) => [consent.total[g]]),
      matrixRow("not-counted", "Med samtycke, räknas inte i resultat", consent.notCounted, (g) => [consent.total[g]]),
      matrixRow("anonymous", "Utan samtycke (anonyma)", consent.anonymous, (g) => [consent.total[g]]),
      matrixRow("erased", "Raderade (anonym statistik)", consent.erased, (g) => [consent.total[g]]),
      matrixRow("total", "Totalt", consent.total, noBases),
    ],
  };
}

/** Registered participants active, enrolled, exited and ongoing in the period. */
function periodTable(fig: Figures, kit: Kit): ReportTable {
  const { flow } = fig;
  const { matrixRow, noBases, ofRegistered } = kit;
  return {
    id: "period",
    title: "Deltagare under perioden",
    description:
      "Registrerade deltagare: aktiva under perioden, nyinskrivna och avslutade under perioden, och pågående när perioden slutade (varav anställda med efterstöd).",
    columns: [{ key: "label", label: "Antal deltagare", kind: "text" }, ...groupColumns()],
    rows: [
      matrixRow("active", "Aktiva under perioden", flow.active, noBases),
      matrixRow("enrolled", "Nyinskrivna under perioden", flow.enrolled, ofRegistered),
      matrixRow("exited", "Avslutade under perioden", flow.exited, ofRegistered),
      matrixRow("ongoing", "Pågående vid periodens slut", flow.ongoing, ofRegistered),
      matrixRow("employed-support", "varav anställda med efterstöd", flow.employedSupport, ofRegistered),
    ],
  };
}

/** Exits to work or studies, and who has been employed. */
function resultsTable(fig: Figures, kit: Kit): ReportTable {
  const { flow, ofExited, results, employedEver } = fig;
  const { matrixRow, shareRow, noBases, ofRegistered } = kit;
  return {
    id: "results",
    title: "Resultat",
    description:
      "Avslutade under perioden och vart de gick, och hur många av periodens deltagare som har fått en anställning. Arbete: avslutsorsaken arbete eller arbete och studier.",
    columns: [{ key: "label", label: "Mått", kind: "text" }, ...groupColumns()],
    rows: [
      matrixRow("exited", "Avslutade under perioden (antal)", flow.exited, ofRegistered),
      matrixRow("work-or-studies", "till arbete eller studier (antal)", results.workOrStudies, ofExited),
      shareRow(
        "work-or-studies-share",
        "Andel som gick till arbete eller studier (%), nämnare: avslutade under perioden",
        results.workOrStudies,
        flow.exited,
        ofExited,
      ),
      matrixRow("work", "till arbete (antal)", results.work, ofExited),
      shareRow(
        "work-share",
        "Andel som gick till arbete (%), nämnare: avslutade under perioden",
        results.work,
        flow.exited,
        ofExited,
      ),
      matrixRow("active", "Aktiva under perioden (antal)", flow.active, noBases),
      matrixRow("employed", "har fått en anställning (antal)", employedEver, ofRegistered),
      shareRow(
        "employed-share",
        "Andel som har fått en anställning (%), nämnare: aktiva under perioden",
        employedEver,
        flow.active,
        ofRegistered,
      ),
    ],
  };
}

/** Exits by reason. */
function exitReasonsTable(fig: Figures, kit: Kit): ReportTable {
  const { flow, ofExited, exitIds } = fig;
  const { share, guard, matrixRow, ofRegistered } = kit;
  return {
    id: "exit-reasons",
    title: "Avslutsorsaker",
    description:
      "Registrerade deltagare som avslutades under perioden, efter avslutsorsak och kön. Andelen räknas av alla avslutade.",
    columns: [
      { key: "label", label: "Avslutsorsak", kind: "text" },
      ...groupColumns(),
      { key: "share", label: "Andel av alla avslutade (%)", kind: "percent" },
    ],
    rows: [
      ...exitIds.map((r) =>
        matrixRow(r.code ?? "not-recorded", r.code ? exitReasons.label(r.code) : NOT_RECORDED, r.ids, ofExited, {
          share: guard(share(r.ids.total, flow.exited.total), ofExited("total")),
        }),
      ),
      matrixRow("total", "Totalt", flow.exited, ofRegistered, {
        share: guard(share(flow.exited.total, flow.exited.total), ofExited("total")),
      }),
    ],
  };
}

/** Exits by SUS's "Avslutsanledning" (each Brygga reason maps to one). */
function susExitReasonsTable(fig: Figures, kit: Kit): ReportTable {
  const { flow, ofExited, susIds, exitIds } = fig;
  const { share, guard, matrixRow, ofRegistered } = kit;
  const notRecorded = exitIds.find((r) => r.code === null)!.ids;
  return {
    id: "sus-exit-reasons",
    title: "Avslutsanledning (SUS)",
    description:
      "Samma avslut som i tabellen Avslutsorsaker, grupperade som i SUS: arbete, studier och övrigt är Utskrivning; flytt, sjukdom och fortsatt rehabilitering har egna anledningar. Andelen räknas av alla avslutade.",
    columns: [
      { key: "label", label: "Avslutsanledning", kind: "text" },
      ...groupColumns(),
      { key: "share", label: "Andel av alla avslutade (%)", kind: "percent" },
    ],
    rows: [
      ...susIds.map((r) =>
        matrixRow(r.code, susExitReasons.label(r.code), r.ids, ofExited, {
          share: guard(share(r.ids.total, flow.exited.total), ofExited("total")),
        }),
      ),
      matrixRow("not-recorded", NOT_RECORDED, notRecorded, ofExited, {
        share: guard(share(notRecorded.total, flow.exited.total), ofExited("total")),
      }),
      matrixRow("total", "Totalt", flow.exited, ofRegistered, {
        share: guard(share(flow.exited.total, flow.exited.total), ofExited("total")),
      }),
    ],
  };
}

/** People in paid employment by the employer's sector. */
function sectorsTable(fig: Figures, kit: Kit): ReportTable {
  const { sectorIds, employedEver, ofEmployed } = fig;
  const { share, guard, matrixRow, ofRegistered } = kit;
  return {
    id: "sectors",
    title: "Anställning efter sektor",
    description:
      "Registrerade deltagare som har fått en anställning till och med periodens slut, efter arbetsgivarens sektor (offentlig: kommun, region och stat). Personer räknas: den som har haft anställning i två sektorer räknas en gång i varje och en gång i totalen, så sektorerna kan bli fler än totalen. Andelen räknas av alla som har fått en anställning.",
    columns: [
      { key: "label", label: "Sektor", kind: "text" },
      ...groupColumns(),
      { key: "share", label: "Andel av de anställda (%)", kind: "percent" },
    ],
    rows: [
      ...sectorIds.map((r) =>
        matrixRow(r.sector ?? "not-recorded", r.sector ? sectors.label(r.sector) : NOT_RECORDED, r.ids, ofEmployed, {
          share: guard(share(r.ids.total, employedEver.total), ofEmployed("total")),
        }),
      ),
      matrixRow("total", "Totalt (personer)", employedEver, ofRegistered, {
        share: guard(share(employedEver.total, employedEver.total), ofEmployed("total")),
      }),
    ],
  };
}

/** Who is still employed when the period ends. */
function statusAtEndTable(fig: Figures, kit: Kit): ReportTable {
  const { employedAtEnd, employedEver, ofEmployed, flow } = fig;
  const { matrixRow, shareRow, noBases, ofRegistered } = kit;
  return {
    id: "status-at-end",
    title: "Status vid periodens slut",
    description:
      "Registrerade deltagare som var anställda på sin arbetsplats på periodens sista dag (en anställning som hade börjat och inte slutat). Andelarna anger sin nämnare.",
    columns: [{ key: "label", label: "Mått", kind: "text" }, ...groupColumns()],
    rows: [
      matrixRow("active", "Aktiva under perioden (antal)", flow.active, noBases),
      matrixRow("employed", "har fått en anställning (antal)", employedEver, ofRegistered),
      matrixRow("employed-at-end", "anställda vid periodens slut (antal)", employedAtEnd, ofEmployed),
      shareRow(
        "employed-at-end-share",
        "Andel anställda vid periodens slut (%), nämnare: har fått en anställning",
        employedAtEnd,
        employedEver,
        ofEmployed,
      ),
      shareRow(
        "employed-at-end-share-of-active",
        "Andel anställda vid periodens slut (%), nämnare: aktiva under perioden",
        employedAtEnd,
        flow.active,
        ofRegistered,
      ),
    ],
  };
}

/** Occupation before and after. */
function occupationTable(fig: Figures, kit: Kit): ReportTable {
  const { occupationIds } = fig;
  return {
    id: "occupation",
    title: "Sysselsättning före och efter",
    description:
      "Registrerade deltagare som avslutades under perioden: sysselsättning vid inskrivning (före) och vid avslut (efter). Andel efter räknas av de avslutade i gruppen; förändring i procent av antalet före.",
    columns: beforeAfterColumns("Sysselsättning"),
    rows: beforeAfterRows(fig, kit, occupationIds, occupationStatuses.label),
  };
}

/** Income sources before and after. */
function incomeTable(fig: Figures, kit: Kit): ReportTable {
  const { incomeIds } = fig;
  return {
    id: "income",
    title: "Försörjning före och efter",
    description:
      "Registrerade deltagare som avslutades under perioden: försörjningskällor vid inskrivning (före) och vid avslut (efter). En deltagare kan ha flera källor, så andelarna kan bli mer än 100 % tillsammans. Andel efter räknas av de avslutade i gruppen; förändring i procent av antalet före.",
    columns: beforeAfterColumns("Försörjningskälla"),
    rows: beforeAfterRows(fig, kit, incomeIds, incomeSources.label),
  };
}

/** Days from enrolment to each milestone (count and median). */
function milestonesTable(fig: Figures, kit: Kit): ReportTable {
  const { milestoneIds } = fig;
  const { count, stat, guard, ofRegistered } = kit;
  return {
    id: "milestones",
    title: "Tid till milstolpar",
    description:
      "Registrerade deltagare som var aktiva under perioden och som hade nått milstolpen när perioden slutade: antal och median av antal dagar från inskrivning.",
    columns: [
      { key: "label", label: "Milstolpe", kind: "text" },
      { key: "group", label: "Kön", kind: "text" },
      { key: "reached", label: "Har nått milstolpen (antal)", kind: "count" },
      { key: "median", label: "Median (dagar)", kind: "days" },
    ],
    rows: milestoneIds.flatMap((m) =>
      groupOrder.map((g) => ({
        key: `${m.key}:${g}`,
        group: g,
        cells: {
          label: text(milestoneLabels[m.key]),
          group: text(groupLabels[g]),
          reached: guard(count(m.ids[g]), ofRegistered(g)),
          median: guard(stat("days", m.days[g], median, [m.ids[g]]), ofRegistered(g)),
        },
      })),
    ),
  };
}

/** How many reached each milestone within each span of days. */
function timeDistributionTable(fig: Figures, kit: Kit): ReportTable {
  const { milestoneIds, distribution } = fig;
  const { count, guard, ofRegistered } = kit;
  return {
    id: "time-distribution",
    title: "Fördelning av tid till milstolpar",
    description:
      "Antal deltagare efter hur många dagar efter inskrivningen de nådde milstolpen (samma deltagare som i tabellen Tid till milstolpar, alla kön).",
    columns: [
      { key: "label", label: "Milstolpe", kind: "text" },
      ...DAY_BINS.map((b) => ({ key: b.key, label: b.label, kind: "count" as const })),
    ],
    rows: distribution.map((d) => {
      const bases = [...ofRegistered("total"), milestoneIds.find((m) => m.key === d.key)!.ids.total];
      return {
        key: d.key,
        cells: {
          label: text(milestoneLabels[d.key]),
          ...Object.fromEntries(DAY_BINS.map((b, i) => [b.key, guard(count(d.ids[i]!), bases)])),
        },
      };
    }),
  };
}

/** Still employed 3, 6 and 12 months after the first employment. */
function retentionTable(fig: Figures, kit: Kit): ReportTable {
  const { retentionIds, fid } = fig;
  const { count, share, stat, guard, registeredBases } = kit;
  return {
    id: "retention",
    title: "Kvar i arbete",
    description:
      "Uppföljning 3, 6 och 12 månader efter första anställningen, för registrerade deltagare vars uppföljning skulle ha skett före periodens slut. Andelen räknas av de uppföljda.",
    columns: [
      { key: "label", label: "Uppföljning", kind: "text" },
      { key: "group", label: "Kön", kind: "text" },
      { key: "due", label: "Skulle följas upp (antal)", kind: "count" },
      { key: "checked", label: "Uppföljda (antal)", kind: "count" },
      { key: "employed", label: "Fortfarande anställda (antal)", kind: "count" },
      { key: "share", label: "Andel fortfarande anställda (%)", kind: "percent" },
      { key: "hours", label: "Median timmar per vecka", kind: "hours" },
    ],
    rows: retentionIds.flatMap((r) =>
      groupOrder.map((g) => {
        const ofEmployed = registeredBases(g, fid.employed);
        const ofDue = registeredBases(g, fid.employed, r.due);
        return {
          key: `${r.months}:${g}`,
          group: g,
          cells: {
            label: text(`Efter ${r.months} månader`),
            group: text(groupLabels[g]),
            due: guard(count(r.due[g]), ofEmployed),
            checked: guard(count(r.checked[g]), ofDue),
            employed: guard(count(r.employed[g]), ofDue),
            share: guard(share(r.employed[g], r.checked[g]), ofDue),
            hours: guard(stat("hours", r.hours[g], median, [r.employed[g]]), ofDue),
          },
        };
      }),
    ),
  };
}

/** The road to work, step by step. */
function funnelTable(fig: Figures, kit: Kit): ReportTable {
  const { funnelOf } = fig;
  const { share, guard, matrixRow, noBases, ofRegistered } = kit;
  return {
    id: "funnel",
    title: "Vägen till arbete",
    description:
      "Registrerade deltagare som var aktiva under perioden och hur långt de hade kommit när perioden slutade. Varje steg räknar alla som nått steget eller ett senare steg.",
    columns: [
      { key: "label", label: "Steg", kind: "text" },
      ...groupColumns(),
      { key: "shareOfEnrolled", label: "Andel av inskrivna (%)", kind: "percent" },
      { key: "shareOfPrevious", label: "Andel av föregående steg (%)", kind: "percent" },
    ],
    rows: funnelStages.map((stage, i) => {
      const ids = funnelOf(stage);
      const previous = i === 0 ? ids : funnelOf(funnelStages[i - 1]!);
      return matrixRow(stage, funnelLabels[stage], ids, i === 0 ? noBases : ofRegistered, {
        shareOfEnrolled: guard(share(ids.total, funnelOf("enrolled").total), ofRegistered("total")),
        shareOfPrevious:
          i === 0 ? { v: null, k: "percent" } : guard(share(ids.total, previous.total), ofRegistered("total")),
      });
    }),
  };
}

/** IPS fidelity indicators. */
function fidelityTable(f: ReportFigures, fig: Figures, kit: Kit): ReportTable {
  const { fid } = fig;
  const { s, count, share, stat, guard, registeredBases, ofRegistered } = kit;
  const caseload = f.fidelity.caseload;
  const valueRow = (key: string, label: string, cells: ByGroup<Cell>, basis: Cell, target: string): TableRow => ({
    key,
    cells: { label: text(label), ...cells, basis, target: text(target) },
  });
  const byGroup = (fn: (g: GroupKey) => Cell): ByGroup<Cell> =>
    Object.fromEntries(groupKeys.map((g) => [g, fn(g)])) as ByGroup<Cell>;
  const none: Cell = { v: null, k: "decimal" };
  const hoursCount = f.fidelity.hours.total.length;
  const hoursBasis: Cell = guard(
    s.hideDerived([], hoursCount) ? { v: null, k: "count", hidden: "small" } : { v: hoursCount, k: "count" },
    registeredBases("total", fid.employed),
  );
  return {
    id: "fidelity",
    title: "IPS-trohet",
    description:
      "Indikatorer från IPS-modellen. Antal deltagare per heltidscoach gäller hela organisationen vid periodens slut; övriga indikatorer registrerade deltagare som var aktiva under perioden.",
    columns: [
      { key: "label", label: "Indikator", kind: "text" },
      ...groupColumns("decimal"),
      { key: "basis", label: "Underlag (antal)", kind: "count" },
      { key: "target", label: "Mål", kind: "text" },
    ],
    rows: [
      valueRow(
        "caseload",
        `Pågående deltagare per heltidscoach (${caseload.activeParticipants} deltagare, ${String(
          caseload.fullTimeEquivalents,
        ).replace(".", ",")} heltidstjänster)`,
        byGroup((g) => (g === "total" ? { v: caseload.perFullTime, k: "decimal" } : none)),
        { v: caseload.activeParticipants, k: "count" },
        `Högst ${caseload.target}`,
      ),
      valueRow(
        "contact-within",
        `Första arbetsgivarkontakt inom ${FIRST_CONTACT_DAYS / 7} veckor från inskrivning (%)`,
        byGroup((g) => guard(share(fid.within[g], fid.eligible[g]), registeredBases(g, fid.eligible))),
        guard(count(fid.eligible.total), ofRegistered("total")),
        "Så många som möjligt",
      ),
      valueRow(
        "competitive",
        "Anställning på den öppna arbetsmarknaden, andel av de anställda (%)",
        byGroup((g) => guard(share(fid.competitive[g], fid.employed[g]), registeredBases(g, fid.employed))),
        guard(count(fid.employed.total), ofRegistered("total")),
        "Konkurrensutsatt anställning",
      ),
      valueRow(
        "hours-median",
        "Timmar per vecka i anställning, median",
        byGroup((g) => guard(stat("hours", f.fidelity.hours[g], median), registeredBases(g, fid.employed))),
        hoursBasis,
        "Efter deltagarens önskemål",
      ),
      valueRow(
        "hours-mean",
        "Timmar per vecka i anställning, medelvärde",
        byGroup((g) => guard(stat("hours", f.fidelity.hours[g], mean), registeredBases(g, fid.employed))),
        hoursBasis,
        "Efter deltagarens önskemål",
      ),
    ],
  };
}

/** Participants by home municipality. */
function municipalitiesTable(fig: Figures, kit: Kit, names: Record<string, string>): ReportTable {
  const { mapTotal, mapIds } = fig;
  const { s, count, share, guard } = kit;
  const mapTotalValue = s.value(mapTotal);
  return {
    id: "municipalities",
    title: "Deltagare per kommun",
    description:
      "Registrerade deltagare som var aktiva under perioden, efter hemkommun (alla kommuner, oavsett kommunfilter).",
    columns: [
      { key: "code", label: "Kommunkod", kind: "text" },
      { key: "label", label: "Kommun", kind: "text" },
      { key: "count", label: "Deltagare (antal)", kind: "count" },
      { key: "share", label: "Andel (%)", kind: "percent" },
    ],
    rows: [
      ...mapIds
        .map((m) => ({ ...m, name: m.code ? (names[m.code] ?? m.code) : NOT_RECORDED }))
        .sort((a, b) => (a.code === null ? 1 : b.code === null ? -1 : a.name.localeCompare(b.name, "sv")))
        .map((m) => ({
          key: m.code ?? "not-recorded",
          cells: {
            code: text(m.code ?? ""),
            label: text(m.name),
            count: guard(count(m.id), [mapTotal]),
            share: mapTotalValue ? guard(share(m.id, mapTotal), [mapTotal]) : { v: null, k: "percent" as const },
          },
        })),
      {
        key: "total",
        cells: {
          code: text(""),
          label: text("Totalt"),
          count: count(mapTotal),
          share: mapTotalValue ? guard(share(mapTotal, mapTotal), [mapTotal]) : { v: null, k: "percent" },
        },
      },
    ],
  };
}

export function buildTables(f: ReportFigures, options: TableOptions): ReportTable[] {
  const k = options.minGroupSize ?? MIN_GROUP_SIZE;
  const s = new Suppressor(options.suppress, k);
  const names = options.municipalityNames ?? {};
  const fig = registerFigures(f, s, k);
  const kit = cellKit(s, fig, options.truncate ?? options.suppress);
  // One builder per table, in the order of the report (cells are read in this order).
  return [
    participantsTable(fig, kit),
    periodTable(fig, kit),
    resultsTable(fig, kit),
    exitReasonsTable(fig, kit),
    susExitReasonsTable(fig, kit),
    sectorsTable(fig, kit),
    statusAtEndTable(fig, kit),
    occupationTable(fig, kit),
    incomeTable(fig, kit),
    milestonesTable(fig, kit),
    timeDistributionTable(fig, kit),
    retentionTable(fig, kit),
    funnelTable(fig, kit),
    fidelityTable(f, fig, kit),
    municipalitiesTable(fig, kit, names),
  ];
}

export function tableById(tables: readonly ReportTable[], id: TableId): ReportTable {
  const table = tables.find((t) => t.id === id);
  if (!table) throw new Error(`Report table ${id} is missing`);
  return table;
}

/** Milestone keys in display order (re-exported for charts). */
export { milestoneKeys, funnelStages };
