// Reference data (occupations, municipalities: prisma/reference/load.ts) read once per process and
// database client, then served from memory. It changes only when the reference loader runs (at
// start, before the server listens); a process that reloads it while running calls
// `invalidateReferenceData()` afterwards, and the next caller of each cache reads it again.

type Entry = { promise: Promise<unknown>; generation: number };

let generation = 0;
const caches = new Map<string, WeakMap<object, Entry>>();

/** Forget every cached piece of reference data: the next callers read it from the database again. */
export function invalidateReferenceData(): void {
  generation++;
}

/**
 * `load()` once per `name` and database client (until `invalidateReferenceData`). Concurrent first
 * callers share one load; a failed load is not cached.
 */
export function cachedReference<T>(name: string, db: object, load: () => Promise<T>): Promise<T> {
  let cache = caches.get(name);
  if (!cache) caches.set(name, (cache = new WeakMap()));
  const cached = cache.get(db);
  if (cached && cached.generation === generation) return cached.promise as Promise<T>;
  const entry: Entry = { promise: load(), generation };
  cache.set(db, entry);
  entry.promise.catch(() => {
    if (cache.get(db) === entry) cache.delete(db);
  });
  return entry.promise as Promise<T>;
}
