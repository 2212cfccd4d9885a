// The one place that chooses the search engine (docs/product-rules.md#search): Meilisearch when MEILI_URL is set
// (MEILI_KEY = admin key for writes; queries use MEILI_SEARCH_KEY or the server's default
// search-only key), otherwise the embedded sqlite engine.
import type { Db } from "../app/utils/db.server.ts";
import type { SearchEngine } from "./engine.ts";
import { createMeilisearchEngine, isMeilisearchEngine, meilisearchOptionsFromEnv } from "./meilisearch/engine.ts";
import { startSearchOutboxWorker, type SearchOutboxWorker } from "./meilisearch/outbox.ts";
import { createSqliteEngine } from "./sqlite/engine.ts";

export type {
  OpeningDocument,
  OpeningHit,
  OpeningQuery,
  OpeningSearchResult,
  SearchEngine,
  VocabularyHit,
} from "./engine.ts";
export { suggestVocabulary } from "./vocabulary.ts";

const engines = new WeakMap<Db, SearchEngine>();

function createEngine(db: Db): SearchEngine {
  const meilisearch = meilisearchOptionsFromEnv();
  return meilisearch ? createMeilisearchEngine(meilisearch) : createSqliteEngine(db);
}

/** The search engine for this database client, created once per process (it caches dictionaries). */
export function getSearchEngine(db: Db): SearchEngine {
  let engine = engines.get(db);
  if (!engine) {
    engine = createEngine(db);
    engines.set(db, engine);
  }
  return engine;
}

/**
 * Start the loop that feeds the search outbox to Meilisearch (call once at server start, stop it on
 * shutdown). Null with the sqlite engine, which is written in the opening's own transaction.
 */
export function startSearchIndexWorker(db: Db): SearchOutboxWorker | null {
  const engine = getSearchEngine(db);
  if (!isMeilisearchEngine(engine)) return null;
  return startSearchOutboxWorker({ db, client: engine.admin, indexUid: engine.indexUid });
}
