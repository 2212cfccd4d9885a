// Downloadable import templates (issue 12): each kind's header row and an example row, as CSV
// (";", UTF-8 with BOM, CRLF: Swedish Excel opens it directly) or as an Excel workbook.
import writeXlsxFile from "write-excel-file/node";
import { templateRows, type ImportKind } from "~/domain/import/columns.ts";

const csvCell = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export function templateCsv(kind: ImportKind): string {
  return `\uFEFF${templateRows(kind)
    .map((row) => row.map(csvCell).join(";"))
    .join("\r\n")}\r\n`;
}

/** A table of text cells as an .xlsx workbook (templates; tests build import files with it too). */
export async function xlsxOf(rows: readonly (readonly string[])[]): Promise<Buffer> {
  return writeXlsxFile(rows.map((r) => r.map((v) => (v === "" ? null : v)))).toBuffer();
}

export function templateXlsx(kind: ImportKind): Promise<Buffer> {
  return xlsxOf(templateRows(kind));
}
