// Runs before each test file: gives it the environment the worker started with and a fresh SQLite
// file copied from the migrated template, so test files never see each other's data or settings.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";

// Files run one after another in a worker's VM contexts and share its process.env (vitest.config.ts),
// so whatever an earlier file set or removed is undone first.
const STARTING_ENV = Symbol.for("brygga.test.startingEnv");
const processWithEnv = process as typeof process & { [STARTING_ENV]?: Record<string, string | undefined> };
const startingEnv = (processWithEnv[STARTING_ENV] ??= { ...process.env });
for (const key of Object.keys(process.env)) if (!(key in startingEnv)) delete process.env[key];
Object.assign(process.env, startingEnv);

const runDir = inject("testRunDir");
const name = `w${process.env.VITEST_POOL_ID ?? "0"}-${crypto.randomUUID()}`;
const file = path.join(runDir, `${name}.db`);
fs.copyFileSync(path.join(runDir, "template.db"), file);
process.env.DATABASE_URL = `file:${file}`;
process.env.NODE_ENV = "test";
process.env.MAILBOX_DIR = path.join(runDir, `${name}-mailbox`);
delete process.env.SMTP_URL;

afterAll(async () => {
  // Only a file that used the database has a client to close (app/utils/db.server.ts keeps it on
  // globalThis). Importing the module just to close it would load Prisma's query compiler (about
  // a second of CPU) in every pure unit test file.
  const { __bryggaDb: db } = globalThis as { __bryggaDb?: { $disconnect(): Promise<void> } };
  await db?.$disconnect();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});
