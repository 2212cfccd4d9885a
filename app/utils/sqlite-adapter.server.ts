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
    if (next) next();
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
};

type SharedState = {
  gates: Map<string, FifoGate>;
  fault: string | null;
  /** Set while `captureQueries` runs: every statement sent to SQLite (tests of the query plans). */
  capture: SqlQuery[] | null;
};

// On globalThis: the server and the app bundle each have a copy of this module.
const shared: SharedState = ((globalThis as unknown as { __bryggaSqlite?: SharedState }).__bryggaSqlite ??= {
  gates: new Map(),
  fault: null,
  capture: null,
});
shared.capture ??= null;

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

async function watched<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const text = describe(error);
    if (FAULT.test(text)) shared.fault ??= text.slice(0, 500);
    throw error;
  }
}

function gatedAdapter(inner: SqlDriverAdapter, gate: FifoGate): SqlDriverAdapter {
  const adapter: SqlDriverAdapter = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query: SqlQuery) => gate.run(() => watched(() => inner.queryRaw(captured(query)))),
    executeRaw: (query: SqlQuery) => gate.run(() => watched(() => inner.executeRaw(captured(query)))),
    executeScript: (script: string) => gate.run(() => watched(() => inner.executeScript(script))),
    dispose: () => gate.run(() => inner.dispose()),
    async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
      if (isolationLevel && isolationLevel !== "SERIALIZABLE") {
        // The same refusal as the inner adapter: SQLite transactions are serializable.
        return inner.startTransaction(isolationLevel);
      }
      const release = await gate.acquire();
      try {
        // IMMEDIATE takes SQLite's write lock now (waiting up to busy_timeout for another
        // process), so a transaction that reads first never fails later with SQLITE_BUSY.
        await watched(() => inner.executeScript("BEGIN IMMEDIATE"));
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
 * Wraps Prisma's better-sqlite3 adapter factory so that each connection is gated (see above) and
 * opens with `journal_mode = WAL` and the given `synchronous` level.
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
        connection.executeScript(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${options.synchronous};`),
      );
      return gatedAdapter(connection, gate);
    },
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
}
