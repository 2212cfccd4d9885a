// Starts the built app for browser tests on a fresh database with the reference data loaded: the
// production path, i.e. the compiled server (build/server/runtime/index.js, `npm run build`) with
// its cluster of web processes and one background process (WEB_CONCURRENCY, default one per core).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { prepareDatabase } from "../../../scripts/prepare-database.ts";
import { RUNTIME_ENTRY } from "../../../scripts/build-check.ts";

const dir = path.dirname(process.env.DATABASE_URL!.slice("file:".length));
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
if (!process.env.SMTP_URL) delete process.env.SMTP_URL;
await prepareDatabase(process.env.DATABASE_URL!, { quiet: true });
await import(pathToFileURL(path.resolve(process.env.BUILD_DIR ?? "build", RUNTIME_ENTRY)).href);
