// Small-group suppression for funder exports: primary (1–2 people), complementary (no hidden count
// can be worked out from a sum), derived figures, and whole small groups — on hand-made numbers,
// on the hand-built cohort, and as properties over random cohorts.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  computeReport,
  genderKeys,
  groupKeys,
  type ReportInput,
  type ReportParticipantRow,
} from "~/domain/reports/compute.ts";
import { Suppressor } from "~/domain/reports/suppression.ts";
import { buildTables, tableById, type Cell, type ReportTable } from "~/domain/reports/tables.ts";
import { exitReasons, incomeSources, occupationStatuses } from "~/domain/vocab/outcomes.ts";
import { cohort, PERIOD, person } from "./report-cohort.ts";

describe("Suppressor", () => {
  test("hides counts of 1 and 2, never 0 or 3+, and only when enabled", () => {
    const s = new Suppressor(true, 3);
    for (const [id, v] of [
      ["a", 0],
      ["b", 1],
      ["c", 2],
      ["d", 3],
      ["e", 40],
    ] as const)
      s.count(id, v);
    expect(["a", "b", "c", "d", "e"].map((id) => s.reason(id))).toEqual([null, "small", "small", null, null]);
    const off = new Suppressor(false, 3);
    off.count("b", 1);
    expect(off.isHidden("b")).toBe(false);
    expect(off.hideDerived(["b"], 1)).toBe(false);
  });

  test("the threshold is configurable", () => {
    const s = new Suppressor(true, 5);
    s.count("a", 4);
    s.count("b", 5);
    expect(s.reason("a")).toBe("small");
    expect(s.isHidden("b")).toBe(false);
  });

  test("one hidden part of a shown sum: one more part is hidden (detail before the total, then the smallest)", () => {
    const s = new Suppressor(true, 3);
    const ids = ["w", "m", "o", "u"];
    [5, 2, 0, 9].forEach((v, i) => s.count(ids[i]!, v));
    s.count("t", 16, 2);
    s.sum(ids, "t");
    expect(ids.map((id) => s.reason(id))).toEqual(["protected", "small", null, null]);
    expect(s.isHidden("t")).toBe(false);
  });

  test("when the other parts are zero, the total is hidden (it equals the hidden part)", () => {
    const s = new Suppressor(true, 3);
    s.count("w", 0);
    s.count("m", 1);
    s.count("t", 1);
    s.sum(["w", "m"], "t");
    expect(s.reason("t")).toBe("small");
    expect(s.isHidden("w")).toBe(false);
  });

  test("a hidden total with every part shown is protected by hiding a part", () => {
    const s = new Suppressor(true, 3);
    s.count("a", 4);
    s.count("b", 6);
    s.count("t", 10);
    s.sum(["a", "b"], "t");
    s.sum(["t", "x"], "grand");
    s.count("x", 2);
    s.count("grand", 12);
    // x (2) hidden → in grand = t + x one hidden → t hidden (priority equal, fewer sums? t is in 2, grand in 1) …
    const hidden = ["a", "b", "t", "x", "grand"].filter((id) => s.isHidden(id));
    // Whatever was chosen, no sum has exactly one hidden cell.
    for (const sum of [
      ["a", "b", "t"],
      ["t", "x", "grand"],
    ])
      expect(sum.filter((id) => hidden.includes(id)).length).not.toBe(1);
  });

  test("a cell registered twice must have one value", () => {
    const s = new Suppressor(true, 3);
    s.count("a", 4);
    expect(() => s.count("a", 5)).toThrow(/registered with 4 and 5/);
  });

  test("derived figures hide with their inputs or on too few people", () => {
    const s = new Suppressor(true, 3);
    s.count("n", 2);
    s.count("d", 10);
    expect(s.hideDerived(["n", "d"])).toBe(true);
    expect(s.hideDerived(["d"], 10)).toBe(false);
    expect(s.hideDerived([], 2)).toBe(true);
    expect(s.hideDerived([], 0)).toBe(false);
  });
});

// ───────────── properties of funder tables ─────────────

/**
 * Whether a reader could work out a hidden cell of a sum from the shown cells: exactly one hidden;
 * or what is left of a shown total is the least (or most) the hidden parts can hold, knowing that
 * counts are never negative and "<k" means 1 to k − 1.
 */
function derivable(parts: Array<Cell | undefined>, total: Cell | undefined, k: number): boolean {
  const hidden = parts.filter((c) => c?.hidden);
  if (hidden.length + (total?.hidden ? 1 : 0) === 1) return true;
  if (!total || total.hidden || hidden.length === 0) return false;
  const rest =
    (total.v as number) - parts.filter((c) => !c?.hidden).reduce((sum, c) => sum + ((c?.v as number) ?? 0), 0);
  const small = hidden.filter((c) => c!.hidden === "small").length;
  return rest === small || (small === hidden.length && rest === small * (k - 1));
}

function problems(tables: ReportTable[], k: number): string[] {
  const found: string[] = [];
  for (const t of tables) {
    for (const row of t.rows) {
      for (const [key, c] of Object.entries(row.cells)) {
        // A change (after − before, signed) is not a group of people: it may be shown only next
        // to a visible before and after, and then it tells nothing they do not (4 − 3 = 1).
        if (key === "change") {
          if (!c.hidden && (row.cells.before?.hidden || row.cells.after?.hidden))
            found.push(`${t.id}/${row.key}/change: shown beside a hidden before or after`);
          continue;
        }
        // (a) no visible count of 1 to k − 1 people (the caseload basis counts work, not a group)
        if (
          c.k === "count" &&
          !c.hidden &&
          typeof c.v === "number" &&
          c.v > 0 &&
          c.v < k &&
          !(t.id === "fidelity" && row.key === "caseload")
        ) {
          found.push(`${t.id}/${row.key}/${key}: visible ${c.v}`);
        }
      }
      // (b) matrix rows: women + men + other + not stated = total
      if (
        t.columns.some((c) => c.key === "woman") &&
        row.cells.total?.k === "count" &&
        derivable(
          genderKeys.map((g) => row.cells[g]),
          row.cells.total,
          k,
        )
      ) {
        found.push(`${t.id}/${row.key}: a hidden gender can be worked out`);
      }
    }
    // (c) long tables: the groups of a category and column add up to the total group
    if (t.rows.some((r) => r.group)) {
      const byLabel = new Map<string, typeof t.rows>();
      for (const r of t.rows) {
        const label = `${r.cells.label?.v}`;
        byLabel.set(label, [...(byLabel.get(label) ?? []), r]);
      }
      for (const [label, rows] of byLabel) {
        // Not the change column: it is after − before, so its sums add nothing to theirs (see above).
        for (const col of t.columns.filter((c) => c.kind === "count" && c.key !== "change")) {
          const total = rows.find((r) => r.group === "total")?.cells[col.key];
          const parts = rows.filter((r) => r.group !== "total").map((r) => r.cells[col.key]);
          if (derivable(parts, total, k)) found.push(`${t.id}/${label}/${col.key}: a hidden group can be worked out`);
        }
      }
    }
  }
  // (d) single-choice categories add up to the exited participants of each group; consent rows to the total
  const byKey = (id: string) => tables.find((t) => t.id === id)!;
  const exits = byKey("exit-reasons");
  const consent = byKey("participants");
  for (const g of groupKeys) {
    const cells = exits.rows.map((r) => r.cells[g]);
    const total = cells.pop();
    if (derivable(cells, total, k)) found.push(`exit-reasons/${g}: a hidden reason can be worked out`);
    const consentCells = consent.rows.map((r) => r.cells[g]);
    const consentTotal = consentCells.pop();
    if (derivable(consentCells, consentTotal, k))
      found.push(`participants/${g}: a hidden consent group can be worked out`);
    for (const col of ["before", "after"]) {
      const cells2 = byKey("occupation")
        .rows.filter((r) => r.group === g)
        .map((r) => r.cells[col]);
      if (derivable(cells2, exits.rows.find((r) => r.key === "total")!.cells[g], k))
        found.push(`occupation/${g}/${col}: a hidden category can be worked out`);
    }
  }
  // (e) the municipalities add up to the total
  const map = byKey("municipalities");
  const mapCells = map.rows.map((r) => r.cells.count);
  const mapTotal = mapCells.pop();
  if (derivable(mapCells, mapTotal, k)) found.push("municipalities: a hidden municipality can be worked out");
  return found;
}

describe("funder tables", () => {
  test("the hand-built cohort: small groups hidden, nothing can be worked out", () => {
    const tables = buildTables(computeReport(cohort(), PERIOD), { suppress: true });
    expect(problems(tables, 3)).toEqual([]);
    const cell = (id: Parameters<typeof tableById>[1], row: string, col: string) =>
      tableById(tables, id).rows.find((r) => r.key === row)!.cells[col]!;
    // 7 registered: women 2, men 3, other 1, not stated 1.
    expect(cell("period", "active", "total")).toEqual({ v: 7, k: "count" });
    expect(cell("period", "active", "woman")).toEqual({ v: null, k: "count", hidden: "small" });
    expect(cell("period", "active", "man")).toEqual({ v: 3, k: "count" });
    // Women are a small group: nothing about them is shown, zeros included.
    expect(cell("period", "ongoing", "woman")).toEqual({ v: null, k: "count", hidden: "protected" });
    expect(cell("income", "woman:salary", "before")).toMatchObject({ hidden: "protected" });
    // Four exits, each for a different reason: four "<3" cells adding up to 4 would each be 1, so
    // the total is hidden too (everywhere it is shown).
    expect(cell("exit-reasons", "total", "total")).toEqual({ v: null, k: "count", hidden: "protected" });
    expect(cell("period", "exited", "total")).toEqual({ v: null, k: "count", hidden: "protected" });
    expect(cell("exit-reasons", "work", "total")).toMatchObject({ hidden: "small" });
    expect(cell("exit-reasons", "work", "share")).toMatchObject({ hidden: "protected" });
    // Nobody moved, but a total of 0 would tell that none of the few (every gender group here has
    // fewer than 3 registered participants or exits) moved.
    expect(cell("exit-reasons", "moved", "other")).toEqual({ v: null, k: "count", hidden: "protected" });
    expect(cell("exit-reasons", "moved", "woman")).toEqual({ v: null, k: "count", hidden: "protected" });
    expect(cell("exit-reasons", "moved", "total")).toEqual({ v: null, k: "count", hidden: "protected" });
    // A share of shown counts stays: 3 of 7 proposed, 5 of 7 profiled.
    // 3 of 7 = 42.86 %: the funder view truncates toward zero, as SUS prints it.
    expect(cell("funnel", "proposed", "shareOfEnrolled")).toEqual({ v: 42, k: "percent" });
    expect(cell("funnel", "proposed", "shareOfPrevious")).toEqual({ v: 60, k: "percent" });
    // The three employed started 57–91, 92–182 and 183–365 days after enrolment: three "<3" cells
    // adding up to 3 would each be 1, so the number employed is hidden, and the share with it.
    expect(cell("time-distribution", "employment", "d57_91")).toMatchObject({ hidden: "small" });
    expect(cell("funnel", "employed", "total")).toMatchObject({ hidden: "protected" });
    expect(cell("results", "employed-share", "total")).toMatchObject({ hidden: "protected" });
    // A median over 3 men is shown; over fewer, or of a hidden group, it is not.
    expect(cell("milestones", "employer_contact:man", "reached")).toEqual({ v: 3, k: "count" });
    expect(cell("milestones", "employer_contact:man", "median")).toEqual({ v: 42, k: "days" });
    // 1 + 1 in Nässjö and Tranås of 7 would give Jönköping's 5 away: it is hidden too.
    expect(cell("municipalities", "0682", "count")).toMatchObject({ hidden: "small" });
    expect(cell("municipalities", "0680", "count")).toMatchObject({ hidden: "protected" });
    expect(cell("municipalities", "total", "count")).toEqual({ v: 7, k: "count" });
    expect(cell("milestones", "employment:woman", "median")).toMatchObject({ hidden: "protected" });
    // Hours rest on 2 people.
    expect(cell("fidelity", "hours-median", "total")).toMatchObject({ hidden: "protected" });
    expect(cell("fidelity", "hours-median", "basis")).toMatchObject({ hidden: "small" });
    // The caseload is not about a group of people: always shown.
    expect(cell("fidelity", "caseload", "total")).toEqual({ v: 3.3, k: "decimal" });
  });

  test("random cohorts: no visible small count, no hidden count that a sum would reveal", () => {
    const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000);
    const participant = fc.record({
      gender: fc.constantFrom("woman", "man", "other", "undisclosed"),
      consent: fc.boolean(),
      enrolled: fc.integer({ min: 0, max: 700 }),
      stay: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
      reason: fc.option(fc.constantFrom(...exitReasons.codes), { nil: null }),
      start: fc.option(fc.constantFrom(...occupationStatuses.codes), { nil: null }),
      end: fc.option(fc.constantFrom(...occupationStatuses.codes), { nil: null }),
      before: fc.subarray([...incomeSources.codes], { maxLength: 3 }),
      after: fc.subarray([...incomeSources.codes], { maxLength: 3 }),
      contact: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
      job: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
      municipality: fc.constantFrom("0680", "0682", "0687", "0604"),
    });
    fc.assert(
      fc.property(fc.array(participant, { maxLength: 40 }), fc.constantFrom(3, 4), (rows, k) => {
        const participants: ReportParticipantRow[] = rows.map((r, i) => {
          const enrolled = day(r.enrolled);
          const exited = r.stay === null ? null : day(r.enrolled + r.stay);
          return {
            ...person(`p${i}`, { enrolled: enrolled.toISOString().slice(0, 10) }),
            gender: r.gender,
            municipalityCode: r.municipality,
            exitedAt: exited,
            phase: exited ? "exited" : "job_search",
            consents: [{ scope: "statistics", given: r.consent, withdrawnAt: null, createdAt: enrolled }],
            startOccupation: r.start,
            startIncomeSources: r.before,
            employerContactsAt: r.contact === null ? [] : [day(r.enrolled + r.contact)],
            placements:
              r.job === null
                ? []
                : [
                    {
                      startDate: day(r.enrolled + r.job),
                      endDate: null,
                      kind: "job",
                      employmentSupport: "none",
                      hoursPerWeek: 20,
                    },
                  ],
            outcome: exited
              ? {
                  exitOccupation: r.end,
                  exitIncomeSources: r.after,
                  exitReason: r.reason,
                  firstEmployerContactAt: null,
                  firstPlacementAt: null,
                  firstEmploymentAt: null,
                  employmentForm: null,
                  competitive: null,
                  retention: [],
                }
              : null,
          };
        });
        const input: ReportInput = {
          participants,
          anonymous: [],
          coaches: [{ id: "c1", role: "coach", employmentPercent: 100, active: true }],
        };
        const figures = computeReport(input, { from: "2024-06-01", to: "2025-05-31", today: "2026-01-01" });
        const exact = buildTables(figures, { suppress: false });
        expect(exact.flatMap((t) => t.rows.flatMap((r) => Object.values(r.cells))).some((c) => c.hidden)).toBe(false);
        expect(problems(buildTables(figures, { suppress: true, minGroupSize: k }), k)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
