// CSV and JSON for the report's tables. CSV: semicolon separated, decimal comma, CRLF line ends,
// UTF-8 with a byte order mark — what Swedish Excel opens correctly with a double click. JSON:
// the same tables with numbers as numbers; a hidden cell is its marker text ("<3" or "x").
import { MIN_GROUP_SIZE } from "./config.ts";
import type { Definition } from "./definitions.ts";
import { decimalComma } from "./numbers.ts";
import { hiddenMarker, type Cell, type ReportTable } from "./tables.ts";

export const CSV_SEPARATOR = ";";
export const BOM = "\uFEFF";
export const REPORT_FORMAT = "brygga-report/1";

function csvField(value: string): string {
  return /[";\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A cell's CSV text: numbers with decimal comma, hidden cells as "<3" or "x", empty for none. */
export function csvCell(cell: Cell | undefined, minGroupSize = MIN_GROUP_SIZE): string {
  if (!cell) return "";
  if (cell.hidden) return hiddenMarker(minGroupSize, cell.hidden);
  if (cell.v === null) return "";
  if (typeof cell.v === "number") return decimalComma(cell.v);
  // A text starting like a formula is kept as text by Excel when prefixed with an apostrophe.
  return /^[=+\-@\t\r]/.test(cell.v) ? `'${cell.v}` : cell.v;
}

function tableLines(table: ReportTable, minGroupSize: number): string[] {
  return [
    table.columns.map((c) => csvField(c.label)).join(CSV_SEPARATOR),
    ...table.rows.map((row) =>
      table.columns.map((c) => csvField(csvCell(row.cells[c.key], minGroupSize))).join(CSV_SEPARATOR),
    ),
  ];
}

/** One table: a header row and the rows. Several tables: each under a title line, a blank line between. */
export function toCsv(
  tables: readonly ReportTable[],
  options: { minGroupSize?: number; heading?: string[] } = {},
): string {
  const k = options.minGroupSize ?? MIN_GROUP_SIZE;
  const lines: string[] = [];
  if (tables.length === 1 && !options.heading) lines.push(...tableLines(tables[0]!, k));
  else {
    for (const h of options.heading ?? []) lines.push(csvField(h));
    if (options.heading?.length) lines.push("");
    tables.forEach((t, i) => {
      if (i > 0) lines.push("");
      lines.push(csvField(t.title), ...tableLines(t, k));
    });
  }
  return BOM + lines.join("\r\n") + "\r\n";
}

export type JsonCell = number | string | null;
export type JsonTable = {
  id: string;
  title: string;
  description: string;
  columns: Array<{ key: string; label: string; kind: string }>;
  rows: Array<Record<string, JsonCell>>;
};

export function jsonCell(cell: Cell | undefined, minGroupSize = MIN_GROUP_SIZE): JsonCell {
  if (!cell) return null;
  return cell.hidden ? hiddenMarker(minGroupSize, cell.hidden) : cell.v;
}

export function tableToJson(table: ReportTable, minGroupSize = MIN_GROUP_SIZE): JsonTable {
  return {
    id: table.id,
    title: table.title,
    description: table.description,
    columns: table.columns.map((c) => ({ key: c.key, label: c.label, kind: c.kind })),
    rows: table.rows.map((row) => ({
      ...(row.group ? { groupKey: row.group } : {}),
      ...Object.fromEntries(table.columns.map((c) => [c.key, jsonCell(row.cells[c.key], minGroupSize)])),
    })),
  };
}

export type ReportMeta = {
  organization: { id: string; name: string };
  period: { from: string; to: string; asOf: string };
  municipality: { code: string; name: string } | null;
  view: "exact" | "funder";
  minGroupSize: number;
};

export type ReportDocument = ReportMeta & {
  format: typeof REPORT_FORMAT;
  generatedAt: string;
  /** The markers of hidden cells (funder view only). */
  hiddenMarkers: { small: string; protected: string } | null;
  tables: JsonTable[];
  definitions: Definition[];
};

export function toJsonDocument(
  meta: ReportMeta,
  tables: readonly ReportTable[],
  definitions: Definition[],
  generatedAt = new Date(),
): ReportDocument {
  return {
    format: REPORT_FORMAT,
    generatedAt: generatedAt.toISOString(),
    ...meta,
    hiddenMarkers:
      meta.view === "funder"
        ? { small: hiddenMarker(meta.minGroupSize, "small"), protected: hiddenMarker(meta.minGroupSize, "protected") }
        : null,
    tables: tables.map((t) => tableToJson(t, meta.minGroupSize)),
    definitions,
  };
}

/** The title lines at the top of a CSV with every table. */
export function csvHeading(meta: ReportMeta): string[] {
  return [
    `Brygga – rapport för ${meta.organization.name}`,
    `Period: ${meta.period.from} – ${meta.period.to} (räknat till och med ${meta.period.asOf})`,
    `Kommun: ${meta.municipality ? `${meta.municipality.name} (${meta.municipality.code})` : "alla"}`,
    meta.view === "funder"
      ? `Små grupper dolda: antal under ${meta.minGroupSize} visas som ${hiddenMarker(meta.minGroupSize, "small")}; ${hiddenMarker(
          meta.minGroupSize,
          "protected",
        )} = dolt för att skydda ett annat värde`
      : "Exakta tal (internt bruk, små grupper visas)",
  ];
}
