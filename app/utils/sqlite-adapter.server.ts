// Prisma's better-sqlite3 driver adapter runs every query of a client on ONE SQLite connection.
// Without more, a plain query from request B that arrives while request A holds an interactive
// transaction runs inside A's open transaction: B sees A's uncommitted rows, and when A rolls back,
// B's acknowledged write is rolled back too. This wrapper puts a FIFO gate in front of the
// connection: a transaction holds the gate from BEGIN to COMMIT/ROLLBACK, and every query outside
// a transaction waits for it. Queries of the transaction itself go straight through.
// See docs/decisions/0013-transaction-isolation.md.
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";
import type Database from "better-sqlite3";
import { keepPreparedStatements } from "./statement-cache.server.ts";

/** A first-in first-out async lock. `run` holds it for the duration of one async function. */
export class FifoGate {
  #held = false;
  #waiting: Array<() => void> = [];

  /** How many callers wait for the gate right now (for diagnostics and tests). */
  get waiting(): number {
    return this.#waiting.length;
  }

  get held(): boolean {
    return this.#held;
  }

  /** Resolves with a release function once the gate is ours; release exactly once. */
  acquire(): Promise<() => void> {
    return new Promise((resolve) => {
      const grant = () => {
        this.#held = true;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.#release();
        });
      };
      if (this.#held) this.#waiting.push(grant);
      else grant();
    });
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }

  #release() {
    const next = this.#waiting.shift();
    // The next holder starts in a later turn of the event loop, not in this one's microtasks.
    // better-sqlite3 answers synchronously, so a queue of waiters handed the gate directly would
    // run back to back as one long chain of microtasks, and the process would read no socket
    // (a /healthz probe, a static file, a new request) until the whole queue had run. The gate
    // stays held in between, so no one can slip in ahead of the queue.
    if (next) setImmediate(next);
    else this.#held = false;
  }
}

export type GatedAdapterOptions = {
  /** The fsync policy of commits (journal_mode is always WAL). */
  synchronous: "FULL" | "NORMAL";
  /**
   * Connections with the same key share one gate, process-wide (the database file). Two
   * connections to one file in one process must never wait for each other inside SQLite: its
   * busy handler sleeps synchronously, so the holder could never finish while the other waits.
   */
  gateKey: string;
  /**
   * How long a statement outside a transaction, or a transaction's `BEGIN IMMEDIATE`, waits for
   * another process's write lock before it fails with SQLITE_BUSY. The wait is asynchronous (see
   * `whenUnlocked`): SQLite's own busy handler is switched off because it sleeps synchronously.
   */
  busyTimeoutMs: number;
};

type SharedState = {
  gates: Map<string, FifoGate>;
  /** The better-sqlite3 connection under Prisma's adapter (its own `prepare`), per gate key (see `connectionFor`). */
  connections: Map<string, BetterSqliteConnection>;
  fault: string | null;
  /** Set while `captureQueries` runs: every statement sent to SQLite (tests of the query plans). */
  capture: SqlQuery[] | null;
};

// On globalThis: the server and the app bundle each have a copy of this module.
const shared: SharedState = ((globalThis as unknown as { __bryggaSqlite?: SharedState }).__bryggaSqlite ??= {
  gates: new Map(),
  connections: new Map(),
  fault: null,
  capture: null,
});
shared.capture ??= null;
shared.connections ??= new Map();

/** What this module needs of a better-sqlite3 connection (the adapter's `client`). */
export type BetterSqliteConnection = {
  prepare(sql: string): { all(...params: unknown[]): unknown[]; safeIntegers(toggle: boolean): unknown };
  readonly open: boolean;
};

/**
 * The better-sqlite3 connection that Prisma's adapter opened for this gate key, for cached read
 * statements (read-connection.server.ts): statements on it share the connection's page cache,
 * which a second connection would lose whenever this one writes. Use it only inside the gate
 * (`runGated`), never while a transaction of the process is open. Undefined before Prisma connects.
 */
export function connectionFor(gateKey: string): BetterSqliteConnection | undefined {
  const connection = shared.connections.get(gateKey);
  return connection?.open ? connection : undefined;
}

/**
 * Every statement Prisma (or raw SQL through Prisma) sends to SQLite while `run` runs, in order,
 * with its arguments: the tests of the query plans explain exactly what the services execute.
 */
export async function captureQueries<T>(run: () => Promise<T>): Promise<{ value: T; queries: SqlQuery[] }> {
  const queries: SqlQuery[] = [];
  const previous = shared.capture;
  shared.capture = queries;
  try {
    return { value: await run(), queries };
  } finally {
    shared.capture = previous;
  }
}

/** Run `fn` holding the gate of this database file (reads on another connection, see read-connection.server.ts). */
export function runGated<T>(gateKey: string, fn: () => T): Promise<T> {
  return gateFor(gateKey).run(async () => fn());
}

/** Record a statement sent to SQLite outside Prisma (the cached read statements) for `captureQueries`. */
export function recordQuery(sql: string, args: unknown[]): void {
  shared.capture?.push({ sql, args, argTypes: [] });
}

function captured(query: SqlQuery): SqlQuery {
  shared.capture?.push(query);
  return query;
}

function gateFor(key: string): FifoGate {
  let gate = shared.gates.get(key);
  if (!gate) shared.gates.set(key, (gate = new FifoGate()));
  return gate;
}

/** Error codes that mean the database file itself is unusable (not a query's fault). */
const FAULT = /SQLITE_(CORRUPT|NOTADB|IOERR|CANTOPEN|FULL)|database disk image is malformed|file is not a database/i;

/**
 * The first error since start that says the database file is unusable (corrupt, not a
 * database, I/O error, disk full), or null. /healthz answers 503 while it is set.
 */
export function databaseFault(): string | null {
  return shared.fault;
}

/** Only for tests: forget a recorded fault. */
export function clearDatabaseFault(): void {
  shared.fault = null;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  return [error.message, cause ? JSON.stringify(cause) : ""].join(" ");
}

/** Remember `error` as the database fault if it says the file is unusable (see `databaseFault`). */
export function noteDatabaseError(error: unknown): void {
  const text = describe(error);
  if (FAULT.test(text)) shared.fault ??= text.slice(0, 500);
}

async function watched<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    noteDatabaseError(error);
    throw error;
  }
}

/** SQLITE_BUSY (and its extended codes) as better-sqlite3 throws it or Prisma's adapter wraps it. */
export function isBusyError(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { originalCode?: unknown } } | null;
  const code = typeof e?.cause?.originalCode === "string" ? e.cause.originalCode : e?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/** The longest pause between two attempts to take another process's write lock. */
const MAX_BUSY_PAUSE_MS = 5;

/**
 * Runs `attempt` (one statement that either takes SQLite's write lock or changes nothing) and, while
 * it fails with SQLITE_BUSY because another process holds the lock, tries again after a short
 * timer, for up to `timeoutMs`. SQLite's busy handler would do the same but sleeping inside the
 * call, i.e. blocking this process's event loop (every request, /healthz, static files, the
 * outbox) for as long as another process writes. Only for statements outside a transaction and
 * for `BEGIN IMMEDIATE`: a statement that fails with SQLITE_BUSY there has done nothing, so trying
 * again is safe. The caller holds the gate, so nothing else of this process runs in between.
 */
export async function whenUnlocked<T>(attempt: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (let pause = 1; ; pause = Math.min(pause * 2, MAX_BUSY_PAUSE_MS)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusyError(error) || performance.now() >= deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

function gatedAdapter(inner: SqlDriverAdapter, gate: FifoGate, busyTimeoutMs: number): SqlDriverAdapter {
  const adapter: SqlDriverAdapter = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query: SqlQuery) =>
      gate.run(() => watched(() => whenUnlocked(() => inner.queryRaw(captured(query)), busyTimeoutMs))),
    executeRaw: (query: SqlQuery) =>
      gate.run(() => watched(() => whenUnlocked(() => inner.executeRaw(captured(query)), busyTimeoutMs))),
    // A script (migrations, maintenance) may have run some of its statements before it meets a
    // lock, so it is never tried again: it waits inside SQLite, synchronously, as before. Nothing
    // on a request's path sends scripts.
    executeScript: (script: string) =>
      gate.run(() =>
        watched(async () => {
          await inner.executeScript(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
          try {
            await inner.executeScript(script);
          } finally {
            await inner.executeScript("PRAGMA busy_timeout = 0");
          }
        }),
      ),
    dispose: () => gate.run(() => inner.dispose()),
    async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
      if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
        // The same refusal as the inner adapter: SQLite transactions are serializable.
        return inner.startTransaction(isolationLevel);
      }
      const release = await gate.acquire();
      try {
        // IMMEDIATE takes SQLite's write lock now (waiting, asynchronously, up to busyTimeoutMs
        // for another process), so a transaction that reads first never fails later with
        // SQLITE_BUSY; and once it holds the lock no statement of it meets a busy lock again.
        await watched(() => whenUnlocked(() => inner.executeScript("BEGIN IMMEDIATE"), busyTimeoutMs));
      } catch (error) {
        release();
        throw error;
      }
      // Prisma sends COMMIT or ROLLBACK through executeRaw (usePhantomQuery: false) and then
      // calls commit()/rollback(), which only open the gate again.
      return {
        provider: inner.provider,
        adapterName: inner.adapterName,
        options: { usePhantomQuery: false },
        queryRaw: (query: SqlQuery) => watched(() => inner.queryRaw(captured(query))),
        executeRaw: (query: SqlQuery) => watched(() => inner.executeRaw(captured(query))),
        commit: async () => release(),
        rollback: async () => release(),
      };
    },
  };
  if (inner.getConnectionInfo) adapter.getConnectionInfo = () => inner.getConnectionInfo!();
  return adapter;
}

/**
 * Reads map the database file into memory up to this size (docs/decisions/0028-memory-mapped-reads.md):
 * a page is then read straight from the operating system's page cache, which all of the server's
 * processes share, instead of being copied into each connection's own 2 MB cache. At 100k
 * openings a national search joins ~12,000 rows of the search table (26 MB): 25 → 12 ms.
 * Writes still go through the WAL as before.
 */
export const MMAP_SIZE_BYTES = 1024 * 1024 * 1024;

/**
 * Wraps Prisma's better-sqlite3 adapter factory so that each connection is gated (see above) and
 * opens with `journal_mode = WAL`, the given `synchronous` level, memory-mapped reads and no busy
 * handler of SQLite's own (waits for another process's lock are asynchronous, `whenUnlocked`).
 */
export function gatedSqliteAdapter(
  inner: SqlMigrationAwareDriverAdapterFactory,
  options: GatedAdapterOptions,
): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const connection = await inner.connect();
      const gate = gateFor(options.gateKey);
      await gate.run(() =>
        connection.executeScript(
          `PRAGMA journal_mode = WAL; PRAGMA synchronous = ${options.synchronous}; PRAGMA busy_timeout = 0; ` +
            `PRAGMA mmap_size = ${MMAP_SIZE_BYTES};`,
        ),
      );
      // Prisma's better-sqlite3 adapter keeps its connection as `client`. Its statements are kept
      // for reuse from now on; cached reads prepare theirs with the connection's own `prepare`.
      const client = (connection as unknown as { client?: Database.Database }).client;
      if (client && typeof client.prepare === "function") {
        const prepare = keepPreparedStatements(client);
        shared.connections.set(options.gateKey, {
          prepare,
          get open() {
            return client.open;
          },
        });
      }
      return gatedAdapter(connection, gate, options.busyTimeoutMs);
    },
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
}
