// `npm run setup` on a real SQLite file: one clear line for a locked database, and a missing
// reference data folder is fine when the database already holds that data.
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, test } from "vitest";
import { databaseFile } from "~/utils/database-url.ts";
import { loadReferenceData } from "../../prisma/reference/load.ts";
import { prepareDatabase } from "../../scripts/prepare-database.ts";

const savedDir = process.env.REFERENCE_DATA_DIR;
afterEach(() => {
  if (savedDir === undefined) delete process.env.REFERENCE_DATA_DIR;
  else process.env.REFERENCE_DATA_DIR = savedDir;
});

describe("npm run setup", () => {
  test("a database locked by another writer: one line that says to stop it, no WASM_ERROR", async () => {
    const holder = new Database(databaseFile(), { timeout: 0 });
    holder.exec("BEGIN IMMEDIATE");
    try {
      const outcome = await prepareDatabase(process.env.DATABASE_URL!, { quiet: true }).catch((e: Error) => e);
      expect(outcome).toBeInstanceOf(Error);
      expect((outcome as Error).message).toMatch(
        /^Databasen .* är låst av ett annat program .*: stoppa det och kör igen\./,
      );
      expect((outcome as Error).message).not.toMatch(/WASM_ERROR|SocketTimeout/);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
  });

  test("the reference data folder is missing but the database holds the data: setup goes on", async () => {
    process.env.REFERENCE_DATA_DIR = path.resolve("does-not-exist");
    const sqlite = new Database(databaseFile());
    const lines: string[] = [];
    try {
      expect(await loadReferenceData(sqlite, { log: (line) => lines.push(line) })).toBe(false);
    } finally {
      sqlite.close();
    }
    expect(lines.join("\n")).toMatch(/mappen saknas .* men databasen har redan referensdata – den används/);
  });

  test("the folder is missing and the database has no reference data: the clear error stays", async () => {
    process.env.REFERENCE_DATA_DIR = path.resolve("does-not-exist");
    const sqlite = new Database(databaseFile());
    try {
      sqlite.exec(`DELETE FROM "ReferenceDataVersion"`);
      await expect(loadReferenceData(sqlite, { log: () => {} })).rejects.toThrow(/Hittar inte referensdata i /);
    } finally {
      sqlite.close();
    }
  });
});
