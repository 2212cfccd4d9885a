// The embedded search engine's tables (docs/product-rules.md#search). They live in the application database but
// outside Prisma's schema and migrations (docs/decisions/0002-fts5-tables-outside-prisma.md):
// `ensureSearchSchema` creates them at start, idempotently.
//
// - opening_search: one row per published opening, with the columns the filters need.
// - opening_fts: FTS5 over the opening's processed text (search/text.ts), rowid = opening_search.doc_id,
//   and its grid cell and municipality tokens (column geo, search/geo-cells.ts) so a radius or a
//   municipality filter narrows the text search.
//   Contentless: the text itself stays in Opening; rows can still be deleted (contentless_delete).
// - opening_terms: the terms in opening_fts by column (fts5vocab), for the typo dictionary.
// - vocabulary_fts / vocabulary_terms: occupation and skill labels for search-as-you-type.
// - search_meta: the schema version of these tables.
import type Database from "better-sqlite3";
import { occupationCommonness } from "../commonness.ts";
import { invalidateDictionaries } from "../dictionary.ts";
import { indexTerms } from "../text.ts";

/**
 * Bump when a table below changes shape or the text processing changes: the tables are rebuilt.
 * 3: municipality tokens in the geo column.
 */
export const SEARCH_SCHEMA_VERSION = 3;
/**
 * Bump when what rebuildVocabularyIndex stores changes but the tables keep their shape: only the
 * vocabulary is rebuilt (the opening index is left alone). 2: `boost` holds the commonness.
 */
export const VOCABULARY_INDEX_VERSION = 2;

export const OPENING_FTS_COLUMNS = ["title", "labels", "body", "place", "geo"] as const;
/** The columns text queries search; `geo` holds grid cell tokens (search/geo-cells.ts) for the radius. */
export const OPENING_TEXT_COLUMNS = ["title", "labels", "body", "place"] as const;
/** bm25 weights, in OPENING_FTS_COLUMNS order (the cell tokens never score). */
export const OPENING_FTS_WEIGHTS = [10, 4, 1, 2, 0] as const;

const TOKENIZE = `tokenize = 'unicode61 remove_diacritics 2'`;

/**
 * The side table's secondary indexes. ensureSearchSchema makes them; a full reindex drops them
 * first and makes each again once the rows are in (one sorted build instead of 92,000 inserts
 * into each, search/sqlite/engine.ts).
 */
export const OPENING_SEARCH_INDEXES: ReadonlyArray<{ name: string; sql: string }> = [
  {
    name: "opening_search_published",
    sql: "CREATE INDEX IF NOT EXISTS opening_search_published ON opening_search (published_at)",
  },
  // By place, holding every column the matcher's filters read (issue 16): a query with a radius
  // reads the index alone, not a table row for each opening in the box that its filters then
  // reject (the fill of a participant with two "must" accommodations in Stockholm: 26 → 10 ms).
  {
    name: "opening_search_geo_filters",
    sql: `CREATE INDEX IF NOT EXISTS opening_search_geo_filters ON opening_search (
      lat, lng, kind, end_date, published_at, hours_min, hours_max, accommodations, schedule, environment, id)`,
  },
  // By occupation and place: the matcher's neighbourhood query (a list of occupations within a
  // radius) reads only those occupations' openings in the radius's latitude band.
  {
    name: "opening_search_occupation_geo",
    sql: "CREATE INDEX IF NOT EXISTS opening_search_occupation_geo ON opening_search (occupation_id, lat, lng)",
  },
  {
    name: "opening_search_ssyk4",
    sql: "CREATE INDEX IF NOT EXISTS opening_search_ssyk4 ON opening_search (ssyk4_code)",
  },
  {
    name: "opening_search_municipality",
    sql: "CREATE INDEX IF NOT EXISTS opening_search_municipality ON opening_search (municipality_code)",
  },
  {
    name: "opening_search_employer",
    sql: "CREATE INDEX IF NOT EXISTS opening_search_employer ON opening_search (employer_id)",
  },
];

const DDL = `
CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS opening_search (
  doc_id INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  occupation_id TEXT NOT NULL,
  ssyk4_code TEXT NOT NULL,
  ssyk2_code TEXT NOT NULL,
  employer_id TEXT NOT NULL,
  municipality_code TEXT NOT NULL,
  hours_min INTEGER NOT NULL,
  hours_max INTEGER NOT NULL,
  schedule TEXT NOT NULL,       -- '|day|evening|'
  environment TEXT NOT NULL,    -- '|pace:calm|instructions:written|'
  accommodations TEXT NOT NULL, -- '|flexible_start|extra_breaks|'
  lat REAL NOT NULL,
  lng REAL NOT NULL,
  end_date INTEGER,             -- epoch ms
  published_at INTEGER NOT NULL -- epoch ms
);
${OPENING_SEARCH_INDEXES.map((i) => `${i.sql};`).join("\n")}

CREATE VIRTUAL TABLE IF NOT EXISTS opening_fts USING fts5(
  ${OPENING_FTS_COLUMNS.join(", ")},
  content = '', contentless_delete = 1, prefix = '2 3', ${TOKENIZE}
);
CREATE VIRTUAL TABLE IF NOT EXISTS opening_terms USING fts5vocab(opening_fts, 'col');

CREATE VIRTUAL TABLE IF NOT EXISTS vocabulary_fts USING fts5(
  label_terms, detail_terms,
  id UNINDEXED, kind UNINDEXED, label UNINDEXED, detail UNINDEXED, boost UNINDEXED,
  prefix = '2 3', ${TOKENIZE}
);
CREATE VIRTUAL TABLE IF NOT EXISTS vocabulary_terms USING fts5vocab(vocabulary_fts, 'row');
`;

const DROP = `
DROP TABLE IF EXISTS opening_terms;
DROP TABLE IF EXISTS opening_fts;
DROP TABLE IF EXISTS opening_search;
DROP TABLE IF EXISTS vocabulary_terms;
DROP TABLE IF EXISTS vocabulary_fts;
`;

function readMeta(sqlite: Database.Database, key: string): string | undefined {
  const row = sqlite.prepare("SELECT value FROM search_meta WHERE key = ?").get(key) as { value: string } | undefined;
  return row?.value;
}

function writeMeta(sqlite: Database.Database, key: string, value: string): void {
  sqlite
    .prepare(
      "INSERT INTO search_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .run(key, value);
}

/**
 * Create the search tables when missing; idempotent. Tables made by another SEARCH_SCHEMA_VERSION
 * are dropped and recreated. When the opening index is (re)created while published openings
 * exist, `openings_reindex_required` is set (see `searchIndexStatus`): run `reindexOpenings`
 * (search/sqlite/engine.ts), which clears it.
 */
export function ensureSearchSchema(sqlite: Database.Database): void {
  const rebuildVocabulary = sqlite.transaction(() => {
    sqlite.exec("CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    const version = readMeta(sqlite, "schema_version");
    if (version !== undefined && version !== String(SEARCH_SCHEMA_VERSION)) sqlite.exec(DROP);
    // New (or recreated) tables start empty: note what must be filled from existing data.
    if (!tableExists(sqlite, "opening_search") && countRows(sqlite, "Opening", "status = 'published'") > 0) {
      writeMeta(sqlite, "openings_reindex_required", "1");
    }
    if (
      !tableExists(sqlite, "vocabulary_fts") ||
      readMeta(sqlite, "vocabulary_version") !== String(VOCABULARY_INDEX_VERSION)
    ) {
      writeMeta(sqlite, "vocabulary_rebuild_required", "1");
    }
    sqlite.exec(DDL);
    writeMeta(sqlite, "schema_version", String(SEARCH_SCHEMA_VERSION));
    return readMeta(sqlite, "vocabulary_rebuild_required") === "1" && countRows(sqlite, "Occupation") > 0;
  })();
  invalidateDictionaries();
  // Reference data loaded earlier but no vocabulary index yet: build it now (the reference loader
  // only asks for a rebuild when the reference data itself changes).
  if (rebuildVocabulary) rebuildVocabularyIndex(sqlite, { log: () => {} });
}

/** What ensureSearchSchema found missing and could not fill by itself. */
export function searchIndexStatus(sqlite: Database.Database): {
  openingsReindexRequired: boolean;
  vocabularyRebuildRequired: boolean;
} {
  return {
    openingsReindexRequired: readMeta(sqlite, "openings_reindex_required") === "1",
    vocabularyRebuildRequired: readMeta(sqlite, "vocabulary_rebuild_required") === "1",
  };
}

function tableExists(sqlite: Database.Database, name: string): boolean {
  return sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = ?").get(name) !== undefined;
}

/** Rows in a Prisma table; 0 when the table does not exist (yet). */
function countRows(sqlite: Database.Database, table: string, where = "1"): number {
  if (!tableExists(sqlite, table)) return 0;
  return (sqlite.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE ${where}`).get() as { n: number }).n;
}

type VocabularyRow = { id: string; label: string; detail: string | null; boost: number };
type OccupationRow = {
  id: string;
  label: string;
  detail: string | null;
  ssyk4Code: string;
  noEducationRequired: number;
};

/** Refill the occupation and skill vocabulary from the reference tables. */
export function rebuildVocabularyIndex(sqlite: Database.Database, o: { log: (line: string) => void }): void {
  // boost = how everyday the occupation is (search/commonness.ts), used to rank suggestions.
  const occupations = (
    sqlite
      .prepare(
        `SELECT o.id, o.label, g.label AS detail, o.ssyk4Code, o.noEducationRequired
         FROM Occupation o LEFT JOIN OccupationGroup g ON g.code = o.ssyk4Code`,
      )
      .all() as OccupationRow[]
  ).map((o): VocabularyRow => ({
    id: o.id,
    label: o.label,
    detail: o.detail,
    boost: occupationCommonness({ ...o, noEducationRequired: o.noEducationRequired === 1 }),
  }));
  const skills = sqlite.prepare("SELECT id, label, NULL AS detail, 0 AS boost FROM Skill").all() as VocabularyRow[];
  const insert = sqlite.prepare(
    `INSERT INTO vocabulary_fts (label_terms, detail_terms, id, kind, label, detail, boost)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  sqlite.transaction(() => {
    sqlite.exec("DELETE FROM vocabulary_fts");
    for (const [kind, rows] of [
      ["occupation", occupations],
      ["skill", skills],
    ] as const) {
      for (const r of rows)
        insert.run(indexTerms(r.label), indexTerms(r.detail), r.id, kind, r.label, r.detail, r.boost);
    }
    sqlite.exec("INSERT INTO vocabulary_fts (vocabulary_fts) VALUES ('optimize')");
    sqlite.prepare("DELETE FROM search_meta WHERE key = 'vocabulary_rebuild_required'").run();
    writeMeta(sqlite, "vocabulary_version", String(VOCABULARY_INDEX_VERSION));
  })();
  invalidateDictionaries();
  o.log(`Sökindex: ${occupations.length} yrken och ${skills.length} kompetenser i ordförrådet.`);
}
