// The embedded search engine (docs/product-rules.md#search): SQLite FTS5 in the application database, written in
// the caller's transaction so the index never disagrees with the committed openings.
import type { Db, DbOrTx } from "../../app/utils/db.server.ts";
import { cachedRead } from "../../app/utils/read-connection.server.ts";
import { invalidateDictionaries, OpeningDictionary } from "../dictionary.ts";
import { loadOpeningDocuments } from "../documents.ts";
import type { OpeningHit, OpeningQuery, OpeningSearchResult, SearchEngine } from "../engine.ts";
import { correctTerms, matchExpression, parseQuery, tokenize } from "../text.ts";
import {
  createTextStage,
  deleteOpeningRows,
  dropTextStage,
  fillTextIndexFromStage,
  insertOpeningRows,
  insertOpeningRowsStaged,
} from "./opening-index.ts";
import { OPENING_SEARCH_INDEXES } from "./schema.ts";
import {
  openingBrowseSql,
  openingCountSql,
  openingTextSearchSql,
  pageBounds,
  type TextMatch,
} from "./opening-query.ts";

/** SQLite's page cache during a full reindex (KiB). */
const REINDEX_CACHE_KIB = 65_536;

/** Openings loaded and written per round in `syncOpenings`. */
const SYNC_BATCH = 500;

type HitRow = {
  id: string;
  distance_km: number | null;
  preferred: number;
  relevance: number;
  total?: number | bigint;
};

export type SqliteEngineOptions = {
  /** How long the typo dictionary of opening terms is used before it is reloaded. */
  dictionaryMaxAgeMs?: number;
};

export function createSqliteEngine(db: Db, o: SqliteEngineOptions = {}): SearchEngine {
  const dictionary = new OpeningDictionary(db, { maxAgeMs: o.dictionaryMaxAgeMs });

  async function syncOpenings(tx: DbOrTx, openingIds: string[]): Promise<void> {
    const ids = [...new Set(openingIds)];
    for (let i = 0; i < ids.length; i += SYNC_BATCH) {
      const batch = ids.slice(i, i + SYNC_BATCH);
      const { documents } = await loadOpeningDocuments(tx, batch);
      await deleteOpeningRows(tx, batch);
      await insertOpeningRows(tx, documents);
      dictionary.add(documents.flatMap((d) => [...tokenize(d.title), ...tokenize(d.employerName)]));
    }
  }

  async function textMatch(text: string | undefined, typoTolerance: boolean): Promise<TextMatch | null> {
    const terms = parseQuery(text ?? "");
    const exact = matchExpression(terms);
    if (!exact) return null;
    if (!typoTolerance) return { match: exact, exact: null };
    const match = matchExpression(terms, correctTerms(terms, await dictionary.get())) ?? exact;
    return { match, exact: match === exact ? null : exact };
  }

  async function searchOpenings(query: OpeningQuery): Promise<OpeningSearchResult> {
    const text = await textMatch(query.text, query.typoTolerance !== false);
    const page = text ? openingTextSearchSql(query, text) : openingBrowseSql(query);
    // Cached prepared statements (app/utils/read-connection.server.ts).
    const rows = await cachedRead<HitRow>(db, page.sql, page.params);
    const { limit, offset } = pageBounds(query);
    let total: number;
    const firstTotal = rows[0]?.total;
    if (firstTotal !== undefined) total = Number(firstTotal);
    else if (query.countTotal === false || (rows.length < limit && (rows.length > 0 || offset === 0)))
      total = offset + rows.length; // the last page
    else {
      const count = openingCountSql(query, text);
      const [row] = await cachedRead<{ total: number | bigint }>(db, count.sql, count.params);
      total = Number(row?.total ?? 0);
    }
    const hits = rows.map((r): OpeningHit => {
      const hit: OpeningHit = { id: r.id, relevance: Math.min(1, Math.max(0, Number(r.relevance))) };
      if (query.geo && r.distance_km !== null) hit.distanceKm = Number(r.distance_km);
      if (query.prefer) hit.preferred = Number(r.preferred);
      return hit;
    });
    return { hits, total };
  }

  return { name: "sqlite", syncOpenings, searchOpenings };
}

/**
 * Rebuild the whole opening index from the Opening table (after ensureSearchSchema recreated the
 * tables for a new schema version, or to repair). Runs in batches, each in its own transaction.
 */
export async function reindexOpenings(
  db: Db,
  o: {
    log?: (line: string) => void;
    progress?: (done: number, total: number) => void;
    /** Staged openings moved into the text index per transaction (opening-index.ts). */
    textRowsPerStatement?: number;
  } = {},
): Promise<number> {
  // Building the index touches far more pages than SQLite's default cache (2 MB) holds: with
  // 64 MB for the duration, a full reindex of 92,000 openings took 21 s instead of 42 s (issue 16).
  const [{ cache_size: cacheSize } = { cache_size: -2000 }] =
    await db.$queryRawUnsafe<Array<{ cache_size: number | bigint }>>("PRAGMA cache_size");
  const ids = (await db.opening.findMany({ where: { status: "published" }, select: { id: true } })).map((r) => r.id);
  await db.$executeRawUnsafe(`PRAGMA cache_size = -${REINDEX_CACHE_KIB}`);
  try {
    // Emptied, and without its secondary indexes until the rows are in: each is then built once,
    // sorted, instead of growing with every insert (a search meanwhile sees a partial index anyway).
    await db.$transaction([
      db.$executeRawUnsafe("INSERT INTO opening_fts (opening_fts) VALUES ('delete-all')"),
      db.$executeRawUnsafe("DELETE FROM opening_search"),
      ...OPENING_SEARCH_INDEXES.map((index) => db.$executeRawUnsafe(`DROP INDEX IF EXISTS ${index.name}`)),
    ]);
    // The side rows first, the text staged beside them and moved into the index at the end in a
    // few large statements (opening-index.ts says why). An opening that another process syncs
    // meanwhile is deleted and staged again here if its batch is still to come.
    await createTextStage(db);
    for (let i = 0; i < ids.length; i += SYNC_BATCH) {
      const batch = ids.slice(i, i + SYNC_BATCH);
      await db.$transaction(async (tx) => {
        const { documents } = await loadOpeningDocuments(tx, batch);
        await deleteOpeningRows(tx, batch);
        await insertOpeningRowsStaged(tx, documents);
      });
      o.progress?.(i + batch.length, ids.length);
    }
    await fillTextIndexFromStage(db, o.textRowsPerStatement);
    invalidateDictionaries();
    for (const index of OPENING_SEARCH_INDEXES) await db.$executeRawUnsafe(index.sql);
    await db.$executeRawUnsafe("DELETE FROM search_meta WHERE key = 'openings_reindex_required'");
  } finally {
    await dropTextStage(db);
    await db.$executeRawUnsafe(`PRAGMA cache_size = ${Number(cacheSize)}`);
  }
  o.log?.(`Sökindex: ${ids.length} publicerade platser indexerade.`);
  return ids.length;
}
