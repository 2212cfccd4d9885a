// Writes to the sqlite engine's opening index, through whatever Prisma client or interactive
// transaction the caller passes, so the index changes commit or roll back with the opening.
import type { Db, DbOrTx } from "../../app/utils/db.server.ts";
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
    await insertSideRows(tx, part);
    await insertTextRows(tx, "opening_fts", part);
  }
}

function insertSideRows(tx: DbOrTx, part: OpeningDocument[]): Promise<number> {
  return tx.$executeRawUnsafe(
    `INSERT INTO opening_search (${SIDE_COLUMNS.join(", ")}) VALUES ${placeholders(part.length, SIDE_COLUMNS.length)}`,
    ...part.flatMap(sideRow),
  );
}

/** The documents' text, keyed by their side rows' doc_id, into the index or the reindex's stage. */
function insertTextRows(
  tx: DbOrTx,
  into: "opening_fts" | "temp.opening_text_stage",
  part: OpeningDocument[],
): Promise<number> {
  const key = into === "opening_fts" ? "rowid" : "doc_id";
  const values = OPENING_FTS_COLUMNS.map((_, i) => `v.column${i + 2}`).join(", ");
  return tx.$executeRawUnsafe(
    `INSERT INTO ${into} (${key}, ${OPENING_FTS_COLUMNS.join(", ")})
     SELECT s.doc_id, ${values}
     FROM (VALUES ${placeholders(part.length, OPENING_FTS_COLUMNS.length + 1)}) AS v
     JOIN opening_search s ON s.id = v.column1`,
    ...part.flatMap((d) => [d.id, ...ftsRow(d)]),
  );
}

// A full reindex writes the text index last, from a temporary table, in a few large statements.
// FTS5 writes its pending terms to a new segment at the start of every statement in a
// transaction (its savepoint), so inserting 100 documents per statement left thousands of small
// segments whose merging grew faster than the index: 275,754 openings took 255–420 s instead of
// about three times the 92,098 openings' 21 s. From the stage, with 16 MB of pending terms
// allowed before FTS5 writes a segment (`hashsize`, default 1 MB; kept in the index's config, it
// only matters to statements that write that much), the same reindex takes 54 s (issue 16).

/** Pending terms FTS5 may hold in memory before it writes a segment (bytes). */
const FTS_HASH_SIZE = 16 * 1024 * 1024;

/** Staged rows moved into the text index per statement, each in its own transaction (~0.7 s at 300k). */
const TEXT_ROWS_PER_STATEMENT = 10_000;

/** Create the connection's text stage, empty (a temporary table: gone with the connection). */
export async function createTextStage(db: Db): Promise<void> {
  await dropTextStage(db);
  await db.$executeRawUnsafe(
    `CREATE TEMP TABLE opening_text_stage (doc_id INTEGER PRIMARY KEY, ${OPENING_FTS_COLUMNS.join(", ")})`,
  );
}

export async function dropTextStage(db: Db): Promise<void> {
  await db.$executeRawUnsafe("DROP TABLE IF EXISTS temp.opening_text_stage");
}

/** Insert the side rows of documents that are not in the index, and stage their text. */
export async function insertOpeningRowsStaged(tx: DbOrTx, documents: OpeningDocument[]): Promise<void> {
  for (const part of chunks(documents)) {
    await insertSideRows(tx, part);
    await insertTextRows(tx, "temp.opening_text_stage", part);
  }
}

/**
 * Move the staged text into the index, `rowsPerStatement` at a time, each in its own transaction.
 * A staged row whose side row is gone meanwhile (the opening was synced again by a write in
 * another process: its new row and text are in the index already, or it was unpublished) is left
 * out.
 */
export async function fillTextIndexFromStage(db: Db, rowsPerStatement = TEXT_ROWS_PER_STATEMENT): Promise<void> {
  await db.$executeRawUnsafe(`INSERT INTO opening_fts (opening_fts, rank) VALUES ('hashsize', ${FTS_HASH_SIZE})`);
  const [{ last } = { last: 0 }] = await db.$queryRawUnsafe<Array<{ last: number | bigint | null }>>(
    "SELECT max(doc_id) AS last FROM temp.opening_text_stage",
  );
  const columns = OPENING_FTS_COLUMNS.map((c) => `t.${c}`).join(", ");
  for (let from = 1; from <= Number(last ?? 0); from += rowsPerStatement) {
    await db.$executeRawUnsafe(
      `INSERT INTO opening_fts (rowid, ${OPENING_FTS_COLUMNS.join(", ")})
       SELECT t.doc_id, ${columns}
       FROM temp.opening_text_stage t
       WHERE t.doc_id >= ? AND t.doc_id < ? AND EXISTS (SELECT 1 FROM opening_search s WHERE s.doc_id = t.doc_id)`,
      from,
      from + rowsPerStatement,
    );
  }
}
