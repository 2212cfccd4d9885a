// Reads an import file into a header row and rows of text cells (issue 12, docs/import.md):
// CSV in UTF-8 (with or without a byte order mark) separated by ";" or ",", or an Excel .xlsx
// workbook (its first sheet, through read-excel-file). A file over IMPORT_MAX_BYTES is refused
// before it is read; a CSV file that is not valid UTF-8 (e.g. saved as Latin-1 / "CSV (semikolon)"
// in an old Excel) is refused with a Swedish message saying how to save it.
import fs from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { readSheet } from "read-excel-file/node";
import { IMPORT_MAX_BYTES } from "~/domain/import/columns.ts";
import { fail, ok, type Result } from "~/domain/result.ts";

export type ImportTable = { format: "csv" | "xlsx"; headers: string[]; rows: string[][] };

export const tooLargeMessage = (bytes?: number) =>
  `Filen är för stor${bytes ? ` (${megabytes(bytes)} MB)` : ""}: högst ${megabytes(IMPORT_MAX_BYTES)} MB. Dela upp den i flera filer.`;

const megabytes = (bytes: number) => String(Math.round((bytes / 1024 / 1024) * 10) / 10).replace(".", ",");

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

/** An import file from disk: its size is checked before a byte is read. */
export async function readImportFileFromDisk(file: string): Promise<Result<ImportTable>> {
  let size: number;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return fail({ message: `${file} är ingen fil.` });
    size = stat.size;
  } catch {
    return fail({ message: `Filen ${file} finns inte eller kan inte läsas.` });
  }
  if (size > IMPORT_MAX_BYTES) return fail({ message: tooLargeMessage(size) });
  return readImportFile(await fs.readFile(file), file);
}

/** An import file's bytes (at most IMPORT_MAX_BYTES) → header and rows. */
export async function readImportFile(bytes: Uint8Array, fileName: string): Promise<Result<ImportTable>> {
  if (bytes.byteLength > IMPORT_MAX_BYTES) return fail({ message: tooLargeMessage(bytes.byteLength) });
  if (bytes.byteLength === 0) return fail({ message: "Filen är tom." });
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".xls") || (lower.endsWith(".xlsx") && !isZip(bytes)) || bytes[0] === 0xd0)
    return fail({ message: "Excelfilen kan inte läsas. Spara den som Excel-arbetsbok (.xlsx) eller CSV UTF-8." });
  if (isZip(bytes)) return readXlsx(bytes);
  return readCsv(bytes);
}

async function readXlsx(bytes: Uint8Array): Promise<Result<ImportTable>> {
  let data: unknown[][];
  try {
    data = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as unknown[][];
  } catch {
    return fail({ message: "Excelfilen kan inte läsas. Spara den som Excel-arbetsbok (.xlsx) eller CSV UTF-8." });
  }
  const text = (v: unknown): string => {
    if (v === null || v === undefined) return "";
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
    return String(v);
  };
  const [header, ...rows] = data.map((r) => r.map(text));
  if (!header || header.every((h) => h.trim() === "")) return fail({ message: "Filen har ingen rubrikrad." });
  return ok({ format: "xlsx" as const, headers: header.map((h) => h.trim()), rows });
}

function readCsv(bytes: Uint8Array): Result<ImportTable> {
  let content: string;
  try {
    content = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fail({
      message:
        "Filen är inte sparad som UTF-8 (den ser ut att vara Latin-1 / Windows-1252, där å, ä och ö blir fel). Spara den i Excel som ”CSV UTF-8 (kommaavgränsad)” och försök igen.",
    });
  }
  const firstLine = content.slice(0, content.search(/\r?\n|$/));
  const delimiter = count(firstLine, ";") >= count(firstLine, ",") ? ";" : ",";
  let records: string[][];
  try {
    records = parse(content, {
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return fail({
      message: `CSV-filen kan inte läsas${line ? ` (rad ${line})` : ""}: kontrollera citattecknen. Spara den i Excel som ”CSV UTF-8”.`,
    });
  }
  const [header, ...rows] = records;
  if (!header || header.every((h) => h.trim() === "")) return fail({ message: "Filen har ingen rubrikrad." });
  return ok({ format: "csv" as const, headers: header.map((h) => h.trim()), rows });
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n += 1;
  return n;
}
