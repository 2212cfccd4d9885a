// Brings a SQLite database up to date: migrations, WAL mode, the embedded search engine's tables,
// and the reference data from ../shared/data. Idempotent: safe to run on every start.
import { execFileSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFile } from "../app/utils/database-url.ts";
import { loadReferenceData } from "../prisma/reference/load.ts";
import { ensureSearchSchema, rebuildVocabularyIndex, searchIndexStatus } from "../search/sqlite/schema.ts";

/** Returns whether the opening search index must be rebuilt (after a search schema change). */
export async function prepareDatabase(
  url: string,
  options: { quiet?: boolean } = {},
): Promise<{ openingsReindexRequired: boolean }> {
  const log = options.quiet ? () => {} : (line: string) => console.log(line);
  const file = databaseFile(url);

  log("Databas: kör migreringar …");
  execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: options.quiet ? "pipe" : "inherit",
  });

  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("busy_timeout = 5000");
    ensureSearchSchema(sqlite);
    const changed = await loadReferenceData(sqlite, { log });
    if (changed) rebuildVocabularyIndex(sqlite, { log });
    return { openingsReindexRequired: searchIndexStatus(sqlite).openingsReindexRequired };
  } finally {
    sqlite.close();
  }
}
