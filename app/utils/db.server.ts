// The Prisma client for the application, scripts and tests. SQLite via the better-sqlite3
// driver adapter (docs/product-rules.md#toolchain); WAL mode, synchronous = NORMAL and a busy timeout are set on
// every connection. The one connection is gated so that a transaction is isolated from every
// other query of the process (app/utils/sqlite-adapter.server.ts, docs/decisions/0013).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../prisma/generated/client.ts";
import { databaseFile, databaseUrl } from "./database-url.ts";
import { gatedSqliteAdapter } from "./sqlite-adapter.server.ts";

export type { Prisma } from "../../prisma/generated/client.ts";
export * from "../../prisma/generated/models.ts";

export const BUSY_TIMEOUT_MS = 5000;

/**
 * How long a transaction may wait for its turn (the in-process gate, then SQLite's write lock)
 * before Prisma gives up; generous, so a write burst queues instead of failing.
 */
export const TRANSACTION_MAX_WAIT_MS = 15_000;

// On globalThis, like the client: the server and the app bundle each have a copy of this module,
// and the copy that did not create the client must still know its file (cachedRead and the health
// probe use it; without it every cached read fell back to Prisma in production, issue 16).
const files: WeakMap<object, string> = ((
  globalThis as unknown as { __bryggaDbFiles?: WeakMap<object, string> }
).__bryggaDbFiles ??= new WeakMap());

function createClient() {
  const url = databaseUrl();
  const file = databaseFile(url);
  const adapter = gatedSqliteAdapter(new PrismaBetterSQLite3({ url, timeout: BUSY_TIMEOUT_MS }), {
    synchronous: "NORMAL",
    gateKey: file,
    busyTimeoutMs: BUSY_TIMEOUT_MS,
  });
  const client = new PrismaClient({ adapter, transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS } });
  files.set(client, file);
  return client;
}

/** The database file of a client made here (also its gate key); undefined for any other object. */
export function databaseFileOf(client: object): string | undefined {
  return files.get(client);
}

export type Db = ReturnType<typeof createClient>;
/** A client or an interactive transaction: what write helpers accept so callers can compose them. */
export type DbOrTx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

const globalForDb = globalThis as unknown as { __bryggaDb?: Db };

// One client per process, in production too: the server (workers) and the app bundle (requests)
// each import a copy of this module, and two connections in one process would make SQLite's
// synchronous busy wait stall the event loop (docs/decisions/0013-transaction-isolation.md).
export const db: Db = (globalForDb.__bryggaDb ??= createClient());

/** Parse a JSON text column, falling back when it is empty or broken. */
export function parseJson<T>(value: string | null | undefined, fallback: T): T {
  if (!value) return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}
