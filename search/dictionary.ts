// In-memory typo dictionaries, cached per process and per database. They are rebuilt when the search tables or the vocabulary index are
// rebuilt in this process (`invalidateDictionaries`); the opening dictionary also grows as
// openings are indexed, and is reloaded in the background now and then to drop old terms.
import type { DbOrTx } from "../app/utils/db.server.ts";
import { TermDictionary } from "./typo.ts";

let generation = 0;

/** Forget every cached dictionary (called when the search tables are created or rebuilt). */
export function invalidateDictionaries(): void {
  generation++;
}

type Cached = { generation: number; loadedAt: number; dictionary: Promise<TermDictionary> };

async function selectTerms(db: DbOrTx, sql: string): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<Array<{ term: string }>>(sql);
  return rows.map((r) => r.term);
}

/** The terms of the occupation and skill vocabulary (labels, group labels and their stems). */
export function loadVocabularyTerms(db: DbOrTx): Promise<string[]> {
  return selectTerms(db, "SELECT term FROM vocabulary_terms");
}

/**
 * A cached dictionary. After `maxAgeMs` it is reloaded in the background while the old one keeps
 * serving; after `invalidateDictionaries` the next caller waits for a fresh one. A failed load is
 * not kept.
 */
class DictionaryCache {
  private cached: Cached | undefined;
  private refreshing = false;
  constructor(private readonly maxAgeMs: number) {}

  /** The cached dictionary, or a new one from `load` (which must work with the caller's client). */
  get(load: () => Promise<TermDictionary>): Promise<TermDictionary> {
    const c = this.cached;
    if (c && c.generation === generation) {
      if (Date.now() - c.loadedAt >= this.maxAgeMs) this.refresh(c, load);
      return c.dictionary;
    }
    const entry: Cached = { generation, loadedAt: Date.now(), dictionary: load() };
    entry.dictionary.catch(() => {
      if (this.cached === entry) this.cached = undefined;
    });
    this.cached = entry;
    return entry.dictionary;
  }

  private refresh(current: Cached, load: () => Promise<TermDictionary>): void {
    if (this.refreshing) return;
    this.refreshing = true;
    const dictionary = load();
    dictionary
      .then(
        () => {
          if (this.cached === current)
            this.cached = { generation: current.generation, loadedAt: Date.now(), dictionary };
        },
        () => {},
      )
      .finally(() => {
        this.refreshing = false;
      });
  }

  /** Add terms to the loaded dictionary, if there is one (else the next load will see them). */
  add(terms: Iterable<string>): void {
    const c = this.cached;
    if (!c || c.generation !== generation) return;
    const list = [...terms];
    void c.dictionary.then(
      (d) => list.forEach((t) => d.add(t)),
      () => {},
    );
  }
}

const databaseFiles = new WeakMap<object, Promise<string>>();

/**
 * The file behind a client or transaction: the vocabulary cache is per database, so callers may
 * pass a transaction (a new object each time) and still share one dictionary.
 */
function databaseFile(db: DbOrTx): Promise<string> {
  let file = databaseFiles.get(db);
  if (!file) {
    file = db
      .$queryRawUnsafe<Array<{ file: string }>>("SELECT file FROM pragma_database_list WHERE name = 'main'")
      .then((rows) => rows[0]?.file ?? "");
    file.catch(() => databaseFiles.delete(db));
    databaseFiles.set(db, file);
  }
  return file;
}

const vocabularyCaches = new Map<string, DictionaryCache>();

/** The vocabulary dictionary for search-as-you-type: loaded once per process and database. */
export async function vocabularyDictionary(db: DbOrTx): Promise<TermDictionary> {
  const file = await databaseFile(db);
  let cache = vocabularyCaches.get(file);
  if (!cache) {
    cache = new DictionaryCache(Number.POSITIVE_INFINITY);
    vocabularyCaches.set(file, cache);
  }
  return cache.get(async () => new TermDictionary(await loadVocabularyTerms(db)));
}

/**
 * The dictionary for opening search: the vocabulary plus the words of opening titles and places
 * (employer and municipality names). Descriptions are left out to keep it small.
 */
export class OpeningDictionary {
  private readonly cache: DictionaryCache;

  constructor(
    private readonly db: DbOrTx,
    o: { maxAgeMs?: number } = {},
  ) {
    this.cache = new DictionaryCache(o.maxAgeMs ?? 10 * 60_000);
  }

  get(): Promise<TermDictionary> {
    return this.cache.get(async () => {
      const [vocabulary, openings] = await Promise.all([
        loadVocabularyTerms(this.db),
        selectTerms(this.db, "SELECT DISTINCT term FROM opening_terms WHERE col IN ('title', 'place')"),
      ]);
      const dictionary = new TermDictionary(vocabulary);
      for (const t of openings) dictionary.add(t);
      return dictionary;
    });
  }

  /** Terms just indexed (maybe not yet committed: a correction that matches nothing is harmless). */
  add(terms: Iterable<string>): void {
    this.cache.add(terms);
  }
}
