// Builds one migrated template database with the reference data loaded; every test file then
// works on its own copy (tests/setup/database-per-file.ts).
import fs from "node:fs";
import { prepareDatabase } from "../../scripts/prepare-database.ts";
import { TEMPLATE_DB, TEST_DB_DIR } from "./paths.ts";

export default async function globalSetup() {
  fs.rmSync(TEST_DB_DIR, { recursive: true, force: true });
  fs.mkdirSync(TEST_DB_DIR, { recursive: true });
  await prepareDatabase(`file:${TEMPLATE_DB}`, { quiet: true });
  return () => fs.rmSync(TEST_DB_DIR, { recursive: true, force: true });
}
