// Loads the reference data (../shared/data: municipalities, postal codes, SSYK occupation groups,
// occupations, substitutability, skills, languages) into the SQLite database. Called by
// scripts/prepare-database.ts on every start and runnable on its own: `npm run db:reference`.
//
// Idempotent and cheap to re-run: a fingerprint of the source files (and LOADER_VERSION) is kept
// in "ReferenceDataVersion"; when it matches and the row counts agree nothing is parsed or written.
// Otherwise every row is upserted in one transaction, and an update only touches rows whose
// values differ, so the return value says whether anything really changed.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { databaseFile } from "../../app/utils/database-url.ts";
import { readReferenceData, SOURCE_FILES, type ReferenceData, type SourceName, type SourceTexts } from "./sources.ts";

/** Bump when the loader maps the same files differently, so that existing databases reload. */
export const LOADER_VERSION = 1;

const VERSION_TABLE = "ReferenceDataVersion";

type Params = Record<string, string | number | null>;

/** How one table is written: its key, its columns, and whether rows missing from the source are deleted. */
type TableSpec<Row> = {
  table: string;
  key: readonly string[];
  columns: readonly string[];
  /** Delete rows no longer in the source. Only for tables no other table points at. */
  prune: boolean;
  params: (row: Row) => Params;
  label: (data: ReferenceData) => string;
};

type TableResult = {
  table: string;
  label: string;
  count: number;
  changed: number;
  removed: number;
  stale: number;
  ms: number;
};

const nf = new Intl.NumberFormat("sv-SE");
const n = (value: number) => nf.format(value);

// ───────────────────────────── Where the data is ─────────────────────────────

/** The reference data folder: $REFERENCE_DATA_DIR, or ../shared/data from the repository root (cwd). */
export function referenceDataDir(): string {
  const fromEnv = process.env.REFERENCE_DATA_DIR;
  const dir = path.resolve(fromEnv || "../shared/data");
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    const how = fromEnv
      ? `REFERENCE_DATA_DIR är satt till "${fromEnv}"`
      : `REFERENCE_DATA_DIR är inte satt, så standardvägen ../shared/data från ${process.cwd()} användes`;
    throw new Error(
      `Hittar inte referensdata i ${dir} (${how}). ` +
        "Sätt REFERENCE_DATA_DIR till mappen som innehåller geo/ och jobtech-taxonomy/.",
    );
  }
  return dir;
}

function readSourceTexts(dir: string): SourceTexts {
  const texts = {} as SourceTexts;
  for (const [name, file] of Object.entries(SOURCE_FILES) as [SourceName, string][]) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) throw new Error(`Referensdata: filen ${full} saknas (REFERENCE_DATA_DIR = ${dir}).`);
    texts[name] = fs.readFileSync(full, "utf8");
  }
  return texts;
}

function fingerprint(texts: SourceTexts): string {
  const hash = crypto.createHash("sha256").update(`brygga-reference-loader:${LOADER_VERSION}\0`);
  for (const name of Object.keys(SOURCE_FILES).sort() as SourceName[]) {
    hash.update(`${SOURCE_FILES[name]}\0`).update(texts[name]).update("\0");
  }
  return hash.digest("hex");
}

// ───────────────────────────── Tables ─────────────────────────────

const municipalities: TableSpec<ReferenceData["municipalities"][number]> = {
  table: "Municipality",
  key: ["code"],
  columns: ["code", "name", "county", "countyCode", "population", "lat", "lng", "conceptId"],
  prune: false,
  params: (r) => ({ ...r }),
  label: (d) =>
    "kommuner" +
    (d.pointCorrections.length
      ? ` (${n(d.pointCorrections.length)} koordinater låg utanför kommungränsen och ersattes med en punkt i kommunen)`
      : ""),
};

const postalCodes: TableSpec<ReferenceData["postalCodes"][number]> = {
  table: "PostalCode",
  key: ["code"],
  columns: ["code", "locality", "municipalityCode"],
  prune: true,
  params: (r) => ({ ...r }),
  label: (d) =>
    "postnummer" +
    (d.skippedPostalCodes ? ` (${n(d.skippedPostalCodes)} hoppades över: okänd kommun eller ogiltigt)` : ""),
};

const occupationGroups: TableSpec<ReferenceData["occupationGroups"][number]> = {
  table: "OccupationGroup",
  key: ["code"],
  columns: ["code", "level", "label", "conceptId", "parentCode", "definition"],
  prune: false,
  params: (r) => ({ ...r }),
  label: () => "yrkesgrupper (SSYK nivå 1–4)",
};

const occupations: TableSpec<ReferenceData["occupations"][number]> = {
  table: "Occupation",
  key: ["id"],
  columns: ["id", "label", "ssyk4Code", "noEducationRequired"],
  prune: false,
  params: (r) => ({ ...r, noEducationRequired: r.noEducationRequired ? 1 : 0 }),
  label: (d) => `yrken (${n(d.occupations.filter((o) => o.noEducationRequired).length)} utan krav på utbildning)`,
};

const substitutes: TableSpec<ReferenceData["substitutes"][number]> = {
  table: "OccupationSubstitute",
  key: ["fromId", "toId"],
  columns: ["fromId", "toId", "percentage"],
  prune: true,
  params: (r) => ({ ...r }),
  label: (d) =>
    "utbytbarhetsrelationer mellan yrken" +
    (d.skippedSubstitutes ? ` (${n(d.skippedSubstitutes)} till okända yrken hoppades över)` : ""),
};

const skills: TableSpec<ReferenceData["skills"][number]> = {
  table: "Skill",
  key: ["id"],
  columns: ["id", "label"],
  prune: false,
  params: (r) => ({ ...r }),
  label: () => "kompetenser",
};

const languages: TableSpec<ReferenceData["languages"][number]> = {
  table: "Language",
  key: ["id"],
  columns: ["id", "label"],
  prune: false,
  params: (r) => ({ ...r }),
  label: () => "språk",
};

type Table = { name: string; write: (sqlite: Database.Database, data: ReferenceData) => TableResult };

function table<Row>(spec: TableSpec<Row>, rows: (data: ReferenceData) => Row[]): Table {
  return { name: spec.table, write: (sqlite, data) => writeTable(sqlite, spec, rows(data), spec.label(data)) };
}

/** Write order: referenced tables before the tables that point at them. */
const TABLES: Table[] = [
  table(municipalities, (d) => d.municipalities),
  table(postalCodes, (d) => d.postalCodes),
  table(occupationGroups, (d) => d.occupationGroups),
  table(occupations, (d) => d.occupations),
  table(substitutes, (d) => d.substitutes),
  table(skills, (d) => d.skills),
  table(languages, (d) => d.languages),
];

type TableShape = Pick<TableSpec<unknown>, "table" | "key" | "columns" | "prune">;

const q = (identifier: string) => `"${identifier}"`;

/** INSERT … ON CONFLICT DO UPDATE that leaves identical rows untouched (so `changes` counts real changes). */
function upsertSql(spec: TableShape): string {
  const values = spec.columns.map((c) => `@${c}`).join(", ");
  const updated = spec.columns.filter((c) => !spec.key.includes(c));
  const head = `INSERT INTO ${q(spec.table)} (${spec.columns.map(q).join(", ")}) VALUES (${values})`;
  if (updated.length === 0) return `${head} ON CONFLICT DO NOTHING`;
  const set = updated.map((c) => `${q(c)} = excluded.${q(c)}`).join(", ");
  const differs = updated.map((c) => `${q(c)} IS NOT excluded.${q(c)}`).join(" OR ");
  return `${head} ON CONFLICT (${spec.key.map(q).join(", ")}) DO UPDATE SET ${set} WHERE ${differs}`;
}

const keyOf = (spec: TableShape, values: Params) => spec.key.map((k) => values[k]).join("\u0000");

/** Deletes (when the table may be pruned) or counts the rows whose key is not in the source. */
function removeStale(
  sqlite: Database.Database,
  spec: TableShape,
  keep: Set<string>,
): { removed: number; stale: number } {
  const keys = sqlite.prepare(`SELECT ${spec.key.map(q).join(", ")} FROM ${q(spec.table)}`).all() as Params[];
  const stale = keys.filter((row) => !keep.has(keyOf(spec, row)));
  if (!spec.prune || stale.length === 0) return { removed: 0, stale: stale.length };
  const remove = sqlite.prepare(
    `DELETE FROM ${q(spec.table)} WHERE ${spec.key.map((k) => `${q(k)} = @${k}`).join(" AND ")}`,
  );
  for (const row of stale) remove.run(row);
  return { removed: stale.length, stale: 0 };
}

function writeTable<Row>(sqlite: Database.Database, spec: TableSpec<Row>, rows: Row[], label: string): TableResult {
  const started = performance.now();
  const upsert = sqlite.prepare(upsertSql(spec));
  const keep = new Set<string>();
  let changed = 0;
  for (const row of rows) {
    const params = spec.params(row);
    keep.add(keyOf(spec, params));
    changed += upsert.run(params).changes;
  }
  const { removed, stale } = removeStale(sqlite, spec, keep);
  return { table: spec.table, label, count: rows.length, changed, removed, stale, ms: performance.now() - started };
}

// ───────────────────────────── Version bookkeeping ─────────────────────────────

function ensureVersionTable(sqlite: Database.Database): void {
  sqlite.exec(
    `CREATE TABLE IF NOT EXISTS ${q(VERSION_TABLE)} (` +
      `"id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1), "fingerprint" TEXT NOT NULL, ` +
      `"counts" TEXT NOT NULL, "loadedAt" TEXT NOT NULL)`,
  );
}

function assertTablesExist(sqlite: Database.Database): void {
  const existing = new Set(
    (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
      (t) => t.name,
    ),
  );
  const missing = TABLES.map((t) => t.name).filter((table) => !existing.has(table));
  if (missing.length > 0) {
    throw new Error(
      `Referensdata: databasen saknar tabellerna ${missing.join(", ")}. Kör \`npm run db:migrate\` först.`,
    );
  }
}

function tableCounts(sqlite: Database.Database): string {
  const counts = TABLES.map(({ name }) => [
    name,
    (sqlite.prepare(`SELECT COUNT(*) AS c FROM ${q(name)}`).get() as { c: number }).c,
  ]);
  return JSON.stringify(Object.fromEntries(counts));
}

function isUpToDate(sqlite: Database.Database, print: string): boolean {
  const row = sqlite.prepare(`SELECT "fingerprint", "counts" FROM ${q(VERSION_TABLE)} WHERE "id" = 1`).get() as
    { fingerprint: string; counts: string } | undefined;
  return row?.fingerprint === print && row.counts === tableCounts(sqlite);
}

/** An earlier load finished and its tables still hold what it wrote. */
function hasCompleteLoad(sqlite: Database.Database): boolean {
  const row = sqlite.prepare(`SELECT "counts" FROM ${q(VERSION_TABLE)} WHERE "id" = 1`).get() as
    { counts: string } | undefined;
  return row !== undefined && row.counts === tableCounts(sqlite);
}

function saveVersion(sqlite: Database.Database, print: string): void {
  sqlite
    .prepare(
      `INSERT INTO ${q(VERSION_TABLE)} ("id", "fingerprint", "counts", "loadedAt") VALUES (1, ?, ?, ?) ` +
        `ON CONFLICT ("id") DO UPDATE SET "fingerprint" = excluded."fingerprint", "counts" = excluded."counts", "loadedAt" = excluded."loadedAt"`,
    )
    .run(print, tableCounts(sqlite), new Date().toISOString());
}

// ───────────────────────────── The loader ─────────────────────────────

function summary(result: TableResult): string {
  const parts = [`${n(result.changed)} nya/ändrade`];
  if (result.removed) parts.push(`${n(result.removed)} borttagna`);
  if (result.stale) parts.push(`${n(result.stale)} finns inte längre i källan men behålls`);
  return `Referensdata: ${n(result.count)} ${result.label} – ${parts.join(", ")}, ${Math.round(result.ms)} ms`;
}

/** Loads the reference data into `sqlite`. Returns true when any row was added, changed or removed. */
export async function loadReferenceData(
  sqlite: Database.Database,
  o: { log: (line: string) => void },
): Promise<boolean> {
  const started = performance.now();
  assertTablesExist(sqlite);
  ensureVersionTable(sqlite);
  let dir: string;
  try {
    dir = referenceDataDir();
  } catch (error) {
    // No folder, but a complete earlier load: keep using what the database holds.
    if (!hasCompleteLoad(sqlite)) throw error;
    o.log(
      `Referensdata: mappen saknas (${(error as Error).message.replace(/^Hittar inte referensdata i /, "").split(" (")[0]}), ` +
        "men databasen har redan referensdata – den används. (Reference data folder missing; using the data already loaded.)",
    );
    return false;
  }

  const texts = readSourceTexts(dir);
  const print = fingerprint(texts);
  if (isUpToDate(sqlite, print)) {
    o.log("Referensdata: redan inläst");
    return false;
  }

  o.log(`Referensdata: läser in från ${dir} …`);
  const data = readReferenceData(texts);
  o.log(`Referensdata: källfilerna tolkade på ${Math.round(performance.now() - started)} ms`);

  const results = sqlite.transaction(() => {
    const written = TABLES.map((t) => {
      const result = t.write(sqlite, data);
      o.log(summary(result));
      return result;
    });
    saveVersion(sqlite, print);
    return written;
  })();

  const changed = results.reduce((sum, r) => sum + r.changed + r.removed, 0);
  o.log(`Referensdata: klart på ${Math.round(performance.now() - started)} ms (${n(changed)} rader ändrade)`);
  return changed > 0;
}

// ───────────────────────────── Run directly: npm run db:reference ─────────────────────────────

async function main(): Promise<void> {
  const sqlite = new Database(databaseFile());
  try {
    sqlite.pragma("busy_timeout = 5000");
    await loadReferenceData(sqlite, { log: (line) => console.log(line) });
  } finally {
    sqlite.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
