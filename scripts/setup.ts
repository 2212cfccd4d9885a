// `npm run setup`: prepares the database (migrations, search tables, reference data) and loads
// the demo data when the database is empty. Safe to run on every start.
import { databaseUrl } from "../app/utils/database-url.ts";
import { prepareDatabase } from "./prepare-database.ts";

const started = Date.now();
const url = databaseUrl();
let openingsReindexRequired: boolean;
try {
  ({ openingsReindexRequired } = await prepareDatabase(url));
} catch (error) {
  // One clear line (the messages say what to do), no stack trace.
  console.error((error as Error).message);
  process.exit(1);
}

const { db } = await import("../app/utils/db.server.ts");
if (openingsReindexRequired) {
  const { getSearchEngine } = await import("../search/index.ts");
  const { reindexOpenings } = await import("../search/sqlite/engine.ts");
  const engine = getSearchEngine(db);
  if (engine.name === "sqlite") await reindexOpenings(db, { log: (line: string) => console.log(line) });
}
const { seedDemoData } = await import("../prisma/seed/index.ts");
const result = await seedDemoData(db, { log: (line: string) => console.log(line) });
if (result.skipped) console.log("Demodata: databasen har redan innehåll – inget ändrat.");
await db.$disconnect();
console.log(`Klart på ${((Date.now() - started) / 1000).toFixed(1)} s.`);
