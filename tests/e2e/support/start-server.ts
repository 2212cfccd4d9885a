// Starts the built app for browser tests on a fresh database with the reference data loaded.
import fs from "node:fs";
import path from "node:path";
import { prepareDatabase } from "../../../scripts/prepare-database.ts";

const dir = path.dirname(process.env.DATABASE_URL!.slice("file:".length));
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
if (!process.env.SMTP_URL) delete process.env.SMTP_URL;
await prepareDatabase(process.env.DATABASE_URL!, { quiet: true });
await import("../../../server/index.ts");
