// Brings a SQLite database up to date: migrations, WAL mode, the embedded search engine's tables,
// and the reference data from ../shared/data. Idempotent: safe to run on every start.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseFile } from "../app/utils/database-url.ts";
import { optimizeSqlite } from "../app/utils/db-maintenance.server.ts";
import { loadReferenceData } from "../prisma/reference/load.ts";
import { ensureSearchSchema, rebuildVocabularyIndex, searchIndexStatus } from "../search/sqlite/schema.ts";

function lockedMessage(file: string): string {
  return (
    `Databasen ${file} är låst av ett annat program (en server eller ett skript som skriver): ` +
    "stoppa det och kör igen. (The database is locked by another process: stop it and run again.)"
  );
}

/** Fails with one clear line when another process holds the write lock for longer than 5 s. */
function assertNotLocked(file: string): void {
  if (!fs.existsSync(file)) return;
  const sqlite = new Database(file, { timeout: 5000 });
  try {
    sqlite.exec("BEGIN IMMEDIATE; ROLLBACK;");
  } catch (error) {
    if (String((error as { code?: string }).code).startsWith("SQLITE_BUSY")) throw new Error(lockedMessage(file));
    throw error;
  } finally {
    sqlite.close();
  }
}

/** Returns whether the opening search index must be rebuilt (after a search schema change). */
export async function prepareDatabase(
  url: string,
  options: { quiet?: boolean } = {},
): Promise<{ openingsReindexRequired: boolean }> {
  const log = options.quiet ? () => {} : (line: string) => console.log(line);
  const file = databaseFile(url);

  assertNotLocked(file);
  log("Databas: kör migreringar …");
  try {
    execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: "pipe",
    });
  } catch (error) {
    const output = `${(error as { stdout?: Buffer }).stdout ?? ""}${(error as { stderr?: Buffer }).stderr ?? ""}`;
    // Prisma's schema engine reports a lock it gave up on as "WASM_ERROR: unknown variant 'SocketTimeout'".
    if (/SocketTimeout|database is locked|SQLITE_BUSY/i.test(output)) throw new Error(lockedMessage(file));
    throw new Error(`Databas: migreringarna misslyckades (the migrations failed):\n${output.trim()}`);
  }

  const sqlite = new Database(file);
  try {
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("busy_timeout = 5000");
    ensureSearchSchema(sqlite);
    const changed = await loadReferenceData(sqlite, { log });
    if (changed) rebuildVocabularyIndex(sqlite, { log });
    optimizeSqlite(sqlite); // planner statistics for the tables that have none or stale ones
    return { openingsReindexRequired: searchIndexStatus(sqlite).openingsReindexRequired };
  } finally {
    sqlite.close();
  }
}
