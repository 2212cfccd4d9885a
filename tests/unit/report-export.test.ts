// CSV and JSON exports of report tables: what Swedish Excel expects (BOM, semicolons, decimal
// comma, CRLF), quoting, hidden cells, and the JSON document; the definitions are in the docs.
import fs from "node:fs";
import { describe, expect, test } from "vitest";
import { computeReport } from "~/domain/reports/compute.ts";
import { reportDefinitions } from "~/domain/reports/definitions.ts";
import { BOM, csvCell, toCsv, toJsonDocument, type ReportMeta } from "~/domain/reports/export.ts";
import { displayCell } from "~/domain/reports/format.ts";
import { buildTables, tableById, type ReportTable } from "~/domain/reports/tables.ts";
import { cohort, PERIOD } from "./report-cohort.ts";

const table: ReportTable = {
  id: "results",
  title: "Resultat; test",
  description: "Beskrivning",
  columns: [
    { key: "label", label: "Mått", kind: "text" },
    { key: "a", label: "Antal", kind: "count" },
    { key: "b", label: "Andel (%)", kind: "percent" },
    { key: "c", label: "Median (dagar)", kind: "days" },
  ],
  rows: [
    {
      key: "r1",
      cells: {
        label: { v: 'Säger "hej"', k: "text" },
        a: { v: 12, k: "count" },
        b: { v: 43, k: "percent" },
        c: { v: 30.5, k: "days" },
      },
    },
    {
      key: "r2",
      cells: {
        label: { v: "=SUMMA(A1)", k: "text" },
        a: { v: null, k: "count", hidden: "small" },
        b: { v: null, k: "percent", hidden: "protected" },
        c: { v: null, k: "days" },
      },
    },
    {
      key: "r3",
      cells: {
        label: { v: "Minus", k: "text" },
        a: { v: -3, k: "count" },
        b: { v: -50, k: "percent" },
        c: { v: 0, k: "days" },
      },
    },
  ],
};

describe("CSV for Swedish Excel", () => {
  test("one table: BOM, semicolons, decimal comma, CRLF, quoting, hidden markers, no formulas", () => {
    const csv = toCsv([table]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Mått;Antal;Andel (%);Median (dagar)",
      '"Säger ""hej""";12;43;30,5',
      "'=SUMMA(A1);<3;x;",
      "Minus;-3;-50;0",
      "",
    ]);
  });

  test("several tables: title lines, each table under its title, a blank line between", () => {
    const csv = toCsv([table, { ...table, id: "funnel", title: "Andra" }], { heading: ["Brygga – rapport"] });
    const lines = csv.slice(1).split("\r\n");
    expect(lines.slice(0, 4)).toEqual([
      "Brygga – rapport",
      "",
      '"Resultat; test"',
      "Mått;Antal;Andel (%);Median (dagar)",
    ]);
    expect(lines).toContain("Andra");
    expect(lines[lines.indexOf("Andra") - 1]).toBe("");
  });

  test("the threshold shows in the marker", () => {
    expect(csvCell({ v: null, k: "count", hidden: "small" }, 5)).toBe("<5");
    expect(csvCell(undefined)).toBe("");
  });

  test("on the page: Swedish number format, – for what cannot be computed", () => {
    expect(displayCell({ v: 1234, k: "count" })).toBe("1\u00a0234");
    expect(displayCell({ v: 43, k: "percent" })).toBe("43 %");
    expect(displayCell({ v: 30.5, k: "days" })).toBe("30,5");
    expect(displayCell({ v: null, k: "percent" })).toBe("–");
    expect(displayCell({ v: null, k: "count", hidden: "small" })).toBe("<3");
    expect(displayCell({ v: null, k: "count", hidden: "protected" })).toBe("x");
  });
});

describe("JSON", () => {
  const meta: ReportMeta = {
    organization: { id: "org1", name: "Testorganisationen" },
    period: { from: "2025-01-01", to: "2025-12-31", asOf: "2025-12-31" },
    municipality: null,
    view: "funder",
    minGroupSize: 3,
  };

  test("the same tables with numbers as numbers, hidden cells as their markers", () => {
    const doc = toJsonDocument(meta, [table], reportDefinitions(), new Date("2026-01-02T08:00:00Z"));
    expect(doc).toMatchObject({
      format: "brygga-report/1",
      generatedAt: "2026-01-02T08:00:00.000Z",
      hiddenMarkers: { small: "<3", protected: "x" },
      organization: meta.organization,
    });
    expect(doc.tables[0]!.rows).toEqual([
      { label: 'Säger "hej"', a: 12, b: 43, c: 30.5 },
      { label: "=SUMMA(A1)", a: "<3", b: "x", c: null },
      { label: "Minus", a: -3, b: -50, c: 0 },
    ]);
    expect(doc.tables[0]!.columns[1]).toEqual({ key: "a", label: "Antal", kind: "count" });
    expect(toJsonDocument({ ...meta, view: "exact" }, [table], []).hiddenMarkers).toBeNull();
  });

  test("long tables keep each row's group", () => {
    const income = tableById(buildTables(computeReport(cohort(), PERIOD), { suppress: false }), "income");
    const doc = toJsonDocument({ ...meta, view: "exact" }, [income], []);
    expect(doc.tables[0]!.rows[0]).toEqual({
      groupKey: "total",
      group: "Totalt",
      label: "Aktivitetsersättning",
      before: 1,
      after: 0,
      shareAfter: 0,
      change: -1,
      changePercent: -100,
    });
  });
});

describe("definitions", () => {
  test("every definition shown on the page is in docs/reports.md, word for word", () => {
    const docs = fs.readFileSync("docs/reports.md", "utf8").replace(/\s+/g, " ");
    for (const d of reportDefinitions()) {
      expect(docs, d.term).toContain(d.term);
      expect(docs, d.term).toContain(d.text.replace(/\s+/g, " "));
    }
  });
});
