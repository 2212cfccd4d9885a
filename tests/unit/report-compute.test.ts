// Every figure of the report from a hand-built cohort (tests/unit/report-cohort.ts), worked out by
// hand: consent split, flow, exits, before/after tables, milestones, funnel, retention, fidelity,
// the map, and the tables built from them in the exact view.
import { describe, expect, test } from "vitest";
import { computeReport, type ByGroup } from "~/domain/reports/compute.ts";
import { buildTables, tableById, type ReportTable } from "~/domain/reports/tables.ts";
import { cohort, PERIOD } from "./report-cohort.ts";

const g = (woman: number, man: number, other: number, undisclosed: number): ByGroup<number> => ({
  woman,
  man,
  other,
  undisclosed,
  total: woman + man + other + undisclosed,
});
const figures = () => computeReport(cohort(), PERIOD);

/** A table as plain values: row key → column key → value (hidden cells as "<3"/"x"). */
function plain(table: ReportTable): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    table.rows.map((r) => [
      r.key,
      Object.fromEntries(
        Object.entries(r.cells).map(([k, c]) => [k, c.hidden ? (c.hidden === "small" ? "<3" : "x") : c.v]),
      ),
    ]),
  );
}

describe("who is counted", () => {
  test("consent split: registered, anonymous (no or withdrawn consent) and erased, by gender", () => {
    const f = figures();
    expect(f.period).toEqual({ from: "2025-01-01", to: "2025-12-31", asOf: "2025-12-31" });
    // Active in 2025: A B C D E F G J K (H starts later, I left before). F, G anonymous.
    expect(f.consent.registered).toEqual(g(2, 3, 1, 1));
    expect(f.consent.anonymous).toEqual(g(1, 1, 0, 0));
    // One erased woman (2025-03 – 2025-08); the other left in 2024.
    expect(f.consent.erased).toEqual(g(1, 0, 0, 0));
    expect(f.consent.total).toEqual(g(4, 4, 1, 1));
  });

  test("flow through the period", () => {
    const f = figures();
    expect(f.flow.active).toEqual(g(2, 3, 1, 1));
    expect(f.flow.enrolled).toEqual(g(2, 2, 1, 1)); // D was enrolled in 2024
    expect(f.flow.exited).toEqual(g(2, 1, 0, 1)); // A C, B, J
    expect(f.flow.ongoing).toEqual(g(0, 2, 1, 0)); // D K, E
    expect(f.flow.employedSupport).toEqual(g(0, 1, 0, 0)); // D
  });

  test("the period's end decides: a later period counts later events, today caps the period", () => {
    const later = computeReport(cohort(), { from: "2026-01-01", to: "2026-12-31", today: "2026-06-30" });
    expect(later.period.asOf).toBe("2026-06-30");
    // Still active: D E F G K (ongoing) and H (enrolled 2026-01-15).
    expect(later.consent.registered.total).toBe(4);
    expect(later.consent.anonymous.total).toBe(2);
    expect(later.flow.exited.total).toBe(0);
    // 12 months after D's and K's employments (2026-04-01, 2026-05-01) are now due; A has left.
    expect(later.retention.find((r) => r.months === 12)!.due).toEqual(g(0, 2, 0, 0));
  });

  test("a municipality filter keeps only those living there; the map keeps everyone", () => {
    const f = computeReport(cohort(), { ...PERIOD, municipalityCode: "0682" });
    expect(f.consent.registered).toEqual(g(0, 1, 0, 0)); // K
    expect(f.consent.anonymous.total).toBe(0);
    expect(f.consent.erased.total).toBe(0);
    expect(f.municipalities).toEqual([
      { code: "0680", count: 5 },
      { code: "0682", count: 1 },
      { code: "0687", count: 1 },
    ]);
  });

  test("an invalid period is refused", () => {
    expect(() => computeReport(cohort(), { from: "2025-12-31", to: "2025-01-01", today: "2026-01-01" })).toThrow(
      /Ogiltig period/,
    );
    expect(() => computeReport(cohort(), { from: "2025-02-30", to: "2025-03-01", today: "2026-01-01" })).toThrow(
      /Ogiltig period/,
    );
  });
});

describe("exits, before and after", () => {
  test("exit reasons by gender and the share reaching work or studies", () => {
    const f = figures();
    const reason = (code: string | null) => f.exitReasons.find((r) => r.code === code)!.counts;
    expect(reason("work")).toEqual(g(1, 0, 0, 0));
    expect(reason("studies")).toEqual(g(0, 1, 0, 0));
    expect(reason("rehabilitation")).toEqual(g(1, 0, 0, 0));
    expect(reason(null)).toEqual(g(0, 0, 0, 1)); // J has no outcome record
    expect(reason("moved").total + reason("other").total + reason("work_and_studies").total).toBe(0);
    expect(f.results.workOrStudies).toEqual(g(1, 1, 0, 0));
    expect(f.results.work).toEqual(g(1, 0, 0, 0));
    expect(f.results.employedEver).toEqual(g(1, 2, 0, 0)); // A, D, K

    const results = plain(tableById(buildTables(f, { suppress: false }), "results"));
    expect(results["work-or-studies-share"]).toMatchObject({
      woman: 50,
      man: 100,
      other: null,
      undisclosed: 0,
      total: 50,
    });
    expect(results["work-share"]).toMatchObject({ total: 25 });
    // 3 of 7 → 42.86 → 43 %; men 2 of 3 → 66.67 → 67 %.
    expect(results["employed-share"]).toMatchObject({ woman: 50, man: 67, other: 0, undisclosed: 0, total: 43 });
    const exits = plain(tableById(buildTables(f, { suppress: false }), "exit-reasons"));
    expect(exits.work).toMatchObject({ label: "Arbete", woman: 1, total: 1, share: 25 });
    expect(exits["not-recorded"]).toMatchObject({ label: "Uppgift saknas", undisclosed: 1, share: 25 });
    expect(exits.total).toMatchObject({ woman: 2, man: 1, other: 0, undisclosed: 1, total: 4, share: 100 });
  });

  test("occupation before and after: count, share after, change, change in %", () => {
    const f = figures();
    const row = (code: string | null) => f.occupation.find((r) => r.code === code)!;
    expect(row("job_seeking").before).toEqual(g(1, 0, 0, 0));
    expect(row("none").before).toEqual(g(1, 1, 0, 0));
    expect(row(null).before).toEqual(g(0, 0, 0, 1));
    expect(row("employed").after).toEqual(g(1, 0, 0, 0));
    expect(row("studies").after).toEqual(g(0, 1, 0, 0));
    expect(row("none").after).toEqual(g(1, 0, 0, 0));

    const table = plain(tableById(buildTables(f, { suppress: false }), "occupation"));
    expect(table["total:employed"]).toEqual({
      group: "Totalt",
      label: "Förvärvsarbete",
      before: 0,
      after: 1,
      shareAfter: 25,
      change: 1,
      changePercent: null,
    });
    expect(table["total:job_seeking"]).toMatchObject({
      before: 1,
      after: 0,
      shareAfter: 0,
      change: -1,
      changePercent: -100,
    });
    expect(table["total:none"]).toMatchObject({ before: 2, after: 1, shareAfter: 25, change: -1, changePercent: -50 });
    expect(table["total:not-recorded"]).toMatchObject({
      label: "Uppgift saknas",
      before: 1,
      after: 1,
      shareAfter: 25,
      change: 0,
      changePercent: 0,
    });
    expect(table["woman:none"]).toMatchObject({
      group: "Kvinnor",
      before: 1,
      after: 1,
      shareAfter: 50,
      change: 0,
      changePercent: 0,
    });
    expect(table["man:studies"]).toMatchObject({
      before: 0,
      after: 1,
      shareAfter: 100,
      change: 1,
      changePercent: null,
    });
    // No other-gender participant exited: shares cannot be computed.
    expect(table["other:none"]).toMatchObject({ before: 0, after: 0, shareAfter: null });
  });

  test("income sources before and after: several per participant, the funders' five columns", () => {
    const f = figures();
    const row = (code: string | null) => f.income.find((r) => r.code === code)!;
    // Before: A has two sources.
    expect(row("activity_compensation").before).toEqual(g(1, 0, 0, 0));
    expect(row("social_assistance").before).toEqual(g(2, 0, 0, 0));
    expect(row("sickness_compensation").before).toEqual(g(0, 1, 0, 0));
    expect(row(null).before).toEqual(g(0, 0, 0, 1));
    // After: B has two sources.
    expect(row("salary").after).toEqual(g(1, 0, 0, 0));
    expect(row("study_support").after).toEqual(g(0, 1, 0, 0));
    expect(row("sickness_compensation").after).toEqual(g(0, 1, 0, 0));
    expect(row("social_assistance").after).toEqual(g(1, 0, 0, 0));
    // Counts add up to more than the 4 exited participants.
    expect(f.income.reduce((sum, r) => sum + r.before.total, 0)).toBe(5);
    expect(f.income.reduce((sum, r) => sum + r.after.total, 0)).toBe(5);

    const table = plain(tableById(buildTables(f, { suppress: false }), "income"));
    expect(table["total:social_assistance"]).toMatchObject({
      label: "Försörjningsstöd",
      before: 2,
      after: 1,
      shareAfter: 25,
      change: -1,
      changePercent: -50,
    });
    expect(table["total:activity_compensation"]).toMatchObject({
      before: 1,
      after: 0,
      shareAfter: 0,
      change: -1,
      changePercent: -100,
    });
    expect(table["total:sickness_compensation"]).toMatchObject({
      before: 1,
      after: 1,
      shareAfter: 25,
      change: 0,
      changePercent: 0,
    });
    expect(table["total:salary"]).toMatchObject({
      label: "Lön",
      before: 0,
      after: 1,
      shareAfter: 25,
      change: 1,
      changePercent: null,
    });
    expect(table["woman:social_assistance"]).toMatchObject({
      before: 2,
      after: 1,
      shareAfter: 50,
      change: -1,
      changePercent: -50,
    });
    expect(table["man:sickness_compensation"]).toMatchObject({
      before: 1,
      after: 1,
      shareAfter: 100,
      change: 0,
      changePercent: 0,
    });
    expect(Object.keys(table).filter((k) => k.startsWith("total:"))).toHaveLength(12); // 11 sources + not recorded
  });
});

describe("milestones, funnel, retention, fidelity", () => {
  test("days to first employer contact, placement and employment, with medians", () => {
    const f = figures();
    const days = (key: string) => f.milestones.find((m) => m.key === key)!.days;
    // Contact: A 10 (logged contact), D 19 (presented proposal), B 42, K 106 (placement counts as contact).
    expect([...days("employer_contact").total].sort((a, b) => a - b)).toEqual([10, 19, 42, 106]);
    expect(days("employer_contact").woman).toEqual([10]);
    expect(days("placement").total.sort((a, b) => a - b)).toEqual([36, 106, 304]);
    expect(days("employment").total.sort((a, b) => a - b)).toEqual([59, 106, 304]);

    const table = plain(tableById(buildTables(f, { suppress: false }), "milestones"));
    expect(table["employer_contact:total"]).toMatchObject({ reached: 4, median: 30.5 }); // (19 + 42) / 2
    expect(table["employer_contact:man"]).toMatchObject({ reached: 3, median: 42 });
    expect(table["placement:total"]).toMatchObject({ reached: 3, median: 106 });
    expect(table["placement:man"]).toMatchObject({ reached: 2, median: 205 });
    expect(table["employment:woman"]).toMatchObject({ reached: 1, median: 59 });
    expect(table["employment:other"]).toMatchObject({ reached: 0, median: null });

    const distribution = plain(tableById(buildTables(f, { suppress: false }), "time-distribution"));
    expect(distribution.employer_contact).toMatchObject({
      d0_7: 0,
      d8_14: 1,
      d15_28: 1,
      d29_56: 1,
      d57_91: 0,
      d92_182: 1,
      d366: 0,
    });
    expect(distribution.employment).toMatchObject({ d57_91: 1, d92_182: 1, d183_365: 1 });
  });

  test("the funnel: each stage counts everyone who reached it or a later one", () => {
    const f = figures();
    const stage = (s: string) => f.funnel.find((x) => x.stage === s)!.counts;
    expect(stage("enrolled")).toEqual(g(2, 3, 1, 1));
    expect(stage("profiled")).toEqual(g(1, 3, 1, 0)); // A (proposed), B, D, E, K (employed); not C, J
    expect(stage("proposed")).toEqual(g(1, 2, 0, 0)); // A, D, K (placed)
    expect(stage("placed")).toEqual(g(1, 2, 0, 0));
    expect(stage("employed")).toEqual(g(1, 2, 0, 0));
    const table = plain(tableById(buildTables(f, { suppress: false }), "funnel"));
    expect(table.enrolled).toMatchObject({ total: 7, shareOfEnrolled: 100, shareOfPrevious: null });
    expect(table.profiled).toMatchObject({ total: 5, shareOfEnrolled: 71, shareOfPrevious: 71 });
    expect(table.proposed).toMatchObject({ total: 3, shareOfEnrolled: 43, shareOfPrevious: 60 });
    expect(table.employed).toMatchObject({ total: 3, shareOfEnrolled: 43, shareOfPrevious: 100 });
  });

  test("retention 3, 6 and 12 months after the first employment", () => {
    const f = figures();
    const r = (months: number) => f.retention.find((x) => x.months === months)!;
    expect(r(3).due).toEqual(g(1, 2, 0, 0)); // A, D, K
    expect(r(3).checked).toEqual(g(1, 1, 0, 0));
    expect(r(3).employed).toEqual(g(1, 1, 0, 0));
    expect(r(6).due).toEqual(g(1, 2, 0, 0));
    expect(r(6).checked).toEqual(g(1, 0, 0, 0));
    expect(r(12).due).toEqual(g(0, 0, 0, 0));
    const table = plain(tableById(buildTables(f, { suppress: false }), "retention"));
    expect(table["3:total"]).toMatchObject({
      label: "Efter 3 månader",
      due: 3,
      checked: 2,
      employed: 2,
      share: 100,
      hours: 25,
    });
    expect(table["6:total"]).toMatchObject({ due: 3, checked: 1, employed: 1, share: 100, hours: 25 });
    expect(table["12:total"]).toMatchObject({ due: 0, checked: 0, share: null, hours: null });
  });

  test("IPS fidelity: caseload per full-time coach, contact within 4 weeks, competitive employment, hours", () => {
    const f = figures();
    // Ongoing at the end of 2025: D E F (c1) and G K (c2); c1 100 % + c2 50 %; the admin has no caseload, c3 has left.
    expect(f.fidelity.caseload).toEqual({
      activeParticipants: 5,
      fullTimeEquivalents: 1.5,
      perFullTime: 3.3,
      coaches: 2,
      target: 20,
    });
    expect(f.fidelity.contact.eligible).toEqual(g(2, 3, 1, 1));
    expect(f.fidelity.contact.within).toEqual(g(1, 1, 0, 0)); // A day 10, D day 19
    expect(f.fidelity.competitive.employed).toEqual(g(1, 2, 0, 0));
    expect(f.fidelity.competitive.competitive).toEqual(g(1, 1, 0, 0)); // K is in OSA
    expect(f.fidelity.hours.total.sort()).toEqual([20, 30]); // K has no hours

    const table = plain(tableById(buildTables(f, { suppress: false }), "fidelity"));
    expect(table.caseload).toMatchObject({ total: 3.3, woman: null, basis: 5, target: "Högst 20" });
    expect(table["contact-within"]).toMatchObject({
      woman: 50,
      man: 33,
      other: 0,
      undisclosed: 0,
      total: 29,
      basis: 7,
    }); // 2/7 = 28.6
    expect(table.competitive).toMatchObject({ woman: 100, man: 50, total: 67, basis: 3 });
    expect(table["hours-median"]).toMatchObject({ woman: 30, man: 20, total: 25, basis: 2 });
    expect(table["hours-mean"]).toMatchObject({ total: 25 });
  });

  test("the municipality table lists registered participants by home municipality, with names", () => {
    const table = plain(
      tableById(
        buildTables(figures(), {
          suppress: false,
          municipalityNames: { "0680": "Jönköping", "0682": "Nässjö", "0687": "Tranås" },
        }),
        "municipalities",
      ),
    );
    expect(table["0680"]).toEqual({ code: "0680", label: "Jönköping", count: 5, share: 71 });
    expect(table["0687"]).toEqual({ code: "0687", label: "Tranås", count: 1, share: 14 });
    expect(table.total).toMatchObject({ label: "Totalt", count: 7, share: 100 });
  });

  test("the exact view hides nothing; every table is there with Swedish headers", () => {
    const tables = buildTables(figures(), { suppress: false });
    expect(tables.map((t) => t.id)).toEqual([
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
    ]);
    expect(tables.flatMap((t) => t.rows.flatMap((r) => Object.values(r.cells))).some((c) => c.hidden)).toBe(false);
    expect(tableById(tables, "income").columns.map((c) => c.label)).toEqual([
      "Kön",
      "Försörjningskälla",
      "Före (antal)",
      "Efter (antal)",
      "Andel efter (%)",
      "Förändring (antal)",
      "Förändring (%)",
    ]);
    expect(plain(tableById(tables, "participants")).total).toEqual({
      label: "Totalt",
      woman: 4,
      man: 4,
      other: 1,
      undisclosed: 1,
      total: 10,
    });
  });
});
