// Runs before each test file: gives it a fresh SQLite file copied from the migrated template,
// so test files never see each other's data.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { TEMPLATE_DB, TEST_DB_DIR } from "./paths.ts";

const file = path.join(TEST_DB_DIR, `w${process.env.VITEST_POOL_ID ?? "0"}-${crypto.randomUUID()}.db`);
fs.copyFileSync(TEMPLATE_DB, file);
process.env.DATABASE_URL = `file:${file}`;
process.env.NODE_ENV = "test";
process.env.MAILBOX_DIR = path.join(TEST_DB_DIR, `${path.basename(file, ".db")}-mailbox`);

afterAll(async () => {
  const { db } = await import("../../app/utils/db.server.ts");
  await db.$disconnect();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});
