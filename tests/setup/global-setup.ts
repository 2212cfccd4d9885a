// Builds one migrated template database with the reference data loaded; every test file then
// works on its own copy (tests/setup/database-per-file.ts).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { prepareDatabase } from "../../scripts/prepare-database.ts";
import { compileClis } from "./compile-cli.ts";
import { TEST_DB_ROOT } from "./paths.ts";

export default async function globalSetup(project: TestProject) {
  const runDir = path.join(TEST_DB_ROOT, `run-${Date.now()}-${crypto.randomUUID().slice(0, 6)}`);
  fs.mkdirSync(runDir, { recursive: true });
  const cliDir = path.join(runDir, "cli");
  await Promise.all([
    prepareDatabase(`file:${path.join(runDir, "template.db")}`, { quiet: true }),
    compileClis(cliDir),
  ]);
  project.provide("testRunDir", runDir);
  project.provide("cliDir", cliDir);
  return () => fs.rmSync(runDir, { recursive: true, force: true });
}
