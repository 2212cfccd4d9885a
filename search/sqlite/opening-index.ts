// Writes to the sqlite engine's opening index, through whatever Prisma client or interactive
// transaction the caller passes, so the index changes commit or roll back with the opening.
import type { DbOrTx } from "../../app/utils/db.server.ts";
import type { OpeningDocument } from "../engine.ts";
import { geoCellTokens, municipalityToken } from "../geo-cells.ts";
import { indexTerms } from "../text.ts";
import { OPENING_FTS_COLUMNS } from "./schema.ts";

/** Rows per statement: 17 values each stays far below SQLite's limit on bound parameters. */
const CHUNK = 100;

const SIDE_COLUMNS = [
  "id",
  "kind",
  "occupation_id",
  "ssyk4_code",
  "ssyk2_code",
  "employer_id",
  "municipality_code",
  "hours_min",
  "hours_max",
  "schedule",
  "environment",
  "accommodations",
  "lat",
  "lng",
  "end_date",
  "published_at",
] as const;

type SqlValue = string | number | null;

/** A list stored for `instr` filtering: ["day", "night"] → "|day|night|". */
export function flagList(values: string[]): string {
  return values.length ? `|${values.join("|")}|` : "";
}

function sideRow(d: OpeningDocument): SqlValue[] {
  return [
    d.id,
    d.kind,
    d.occupationId,
    d.ssyk4Code,
    d.ssyk2Code,
    d.employerId,
    d.municipalityCode,
    d.hoursMin,
    d.hoursMax,
    flagList(d.schedule),
    flagList(d.environment),
    flagList(d.accommodations),
    d.lat,
    d.lng,
    d.endDate,
    d.publishedAt,
  ];
}

/** The processed text of each FTS column, in OPENING_FTS_COLUMNS order. */
export function ftsRow(d: OpeningDocument): [title: string, labels: string, body: string, place: string, geo: string] {
  return [
    indexTerms(d.title),
    indexTerms(d.occupationLabel, d.occupationGroupLabel, ...d.skillLabels),
    indexTerms(d.description, ...d.tasks),
    indexTerms(d.employerName, d.municipalityName),
    [...geoCellTokens(d.lat, d.lng), municipalityToken(d.municipalityCode)].join(" "),
  ];
}

function placeholders(rows: number, columns: number): string {
  const row = `(${new Array(columns).fill("?").join(", ")})`;
  return new Array(rows).fill(row).join(", ");
}

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Remove these openings from the index (ids that are not there are ignored). */
export async function deleteOpeningRows(tx: DbOrTx, ids: string[]): Promise<void> {
  for (const part of chunks(ids, 500)) {
    const list = placeholders(1, part.length).slice(1, -1);
    await tx.$executeRawUnsafe(
      `DELETE FROM opening_fts WHERE rowid IN (SELECT doc_id FROM opening_search WHERE id IN (${list}))`,
      ...part,
    );
    await tx.$executeRawUnsafe(`DELETE FROM opening_search WHERE id IN (${list})`, ...part);
  }
}

/** Insert documents that are not in the index (delete them first when they may be). */
export async function insertOpeningRows(tx: DbOrTx, documents: OpeningDocument[]): Promise<void> {
  for (const part of chunks(documents)) {
    await tx.$executeRawUnsafe(
      `INSERT INTO opening_search (${SIDE_COLUMNS.join(", ")}) VALUES ${placeholders(part.length, SIDE_COLUMNS.length)}`,
      ...part.flatMap(sideRow),
    );
    const values = OPENING_FTS_COLUMNS.map((_, i) => `v.column${i + 2}`).join(", ");
    await tx.$executeRawUnsafe(
      `INSERT INTO opening_fts (rowid, ${OPENING_FTS_COLUMNS.join(", ")})
       SELECT s.doc_id, ${values}
       FROM (VALUES ${placeholders(part.length, OPENING_FTS_COLUMNS.length + 1)}) AS v
       JOIN opening_search s ON s.id = v.column1`,
      ...part.flatMap((d) => [d.id, ...ftsRow(d)]),
    );
  }
}
