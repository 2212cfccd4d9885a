// `npm run search:reindex`: rebuild the opening search index from the Opening table, whichever
// engine is configured. With MEILI_URL: a new Meilisearch index built alongside the live one and
// swapped in atomically (search/meilisearch/reindex.ts). Without: the embedded FTS5 index is refilled
// (search/sqlite/engine.ts `reindexOpenings`). Progress goes to stderr, the summary to stdout.
import Database from "better-sqlite3";
import { databaseFile, databaseUrl } from "../app/utils/database-url.ts";
import { createMeiliClient } from "./meilisearch/client.ts";
import { meilisearchOptionsFromEnv } from "./meilisearch/engine.ts";
import { createProgressPrinter, reindexMeilisearch, type ReindexPhase } from "./meilisearch/reindex.ts";
import { OPENING_INDEX_UID } from "./meilisearch/settings.ts";
import { ensureSearchSchema } from "./sqlite/schema.ts";

const PHASE_LABELS: Record<Exclude<ReindexPhase, "done">, string> = {
  send: "platser skickade",
  index: "indexeringsuppgifter klara",
  swap: "byte av index",
};

const started = Date.now();
const url = databaseUrl();
const printer = createProgressPrinter(process.stderr);
const meili = meilisearchOptionsFromEnv();

// The sqlite engine's tables must exist before they can be refilled (idempotent, cheap).
if (!meili) {
  const sqlite = new Database(databaseFile(url));
  try {
    sqlite.pragma("busy_timeout = 5000");
    ensureSearchSchema(sqlite);
  } finally {
    sqlite.close();
  }
}

const { db } = await import("../app/utils/db.server.ts");
try {
  if (meili) {
    const client = createMeiliClient(meili.url, meili.adminKey);
    const indexUid = meili.indexUid ?? OPENING_INDEX_UID;
    console.log(`Sökindex (Meilisearch ${meili.url}): bygger ett nytt index och byter in det som "${indexUid}" …`);
    const result = await reindexMeilisearch({
      db,
      client,
      indexUid,
      progress: (p) => {
        if (p.phase !== "done") printer.update(p.done, p.total, PHASE_LABELS[p.phase]);
      },
    });
    printer.end();
    console.log(
      `Sökindex: ${result.documents} publicerade platser indexerade i ${result.builtUid} och inbytt som "${result.indexUid}"` +
        (result.requeued ? `; ${result.requeued} ändringar under bygget köade igen.` : "."),
    );
  } else {
    const { reindexOpenings } = await import("./sqlite/engine.ts");
    console.log("Sökindex (inbyggd SQLite FTS5): bygger om …");
    await reindexOpenings(db, {
      log: (line) => {
        printer.end();
        console.log(line);
      },
      progress: (done, total) => printer.update(done, total, "platser indexerade"),
    });
    printer.end();
  }
  console.log(`Klart på ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  printer.end();
  console.error(`Sökindex: omindexeringen misslyckades: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
