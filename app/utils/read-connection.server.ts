// Cached prepared statements for the hot read paths (issue 16: the Prisma adapter prepares every
// statement again on each request). `cachedRead(db, sql, params)` runs a SELECT through a kept
// prepared statement (LRU) on the better-sqlite3 connection under Prisma's adapter
// (`connectionFor`), so it shares that connection's page cache. (A second, read-only connection
// loses its cache whenever another connection writes, and every audited page view writes: the
// match page was 20 % slower that way.) Until Prisma has connected, a read goes through Prisma,
// which connects it.
//
// Isolation (docs/decisions/0013-transaction-isolation.md): the read runs while holding the same
// in-process gate as every Prisma statement, so it never runs while a transaction of this process
// is open, and never meets another statement of this process inside SQLite's locks. In WAL mode a
// reader takes no write lock, so other processes' writers do not block it (nor it them); it sees
// the last committed state, exactly like a Prisma read outside a transaction. Statements of a
// transaction must still go through its `tx`.
//
// The health probe alone uses a read-only connection of its own, outside the gate (probeDatabase).
// Relative imports only: the server entry loads this module outside the app bundle.
import Database from "better-sqlite3";
import { BUSY_TIMEOUT_MS, databaseFileOf, type DbOrTx } from "./db.server.ts";
import {
  connectionFor,
  recordQuery,
  runGated,
  whenUnlocked,
  type BetterSqliteConnection,
} from "./sqlite-adapter.server.ts";
import { StatementLru } from "./statement-cache.server.ts";

/** Distinct statements kept per connection (the SQL of the engine varies with the filters). */
const MAX_STATEMENTS = 300;

type Prepared = { all(...params: unknown[]): unknown[] };

// On globalThis: the server and the app bundle each have a copy of this module.
/** Kept statements of Prisma's connections (a new connection starts with none). */
const keptStatements: WeakMap<BetterSqliteConnection, StatementLru<Prepared>> = ((
  globalThis as unknown as { __bryggaKeptStatements?: WeakMap<BetterSqliteConnection, StatementLru<Prepared>> }
).__bryggaKeptStatements ??= new WeakMap());
type Probe = { sqlite: Database.Database; statement: Database.Statement };
/** The health probe's read-only connection per file, with its one statement. */
const probes: Map<string, Probe> = ((
  globalThis as unknown as { __bryggaProbes?: Map<string, Probe> }
).__bryggaProbes ??= new Map());

/** The kept statement for `sql` on `connection`. */
function statementFor(connection: BetterSqliteConnection, sql: string): Prepared {
  let statements = keptStatements.get(connection);
  if (!statements) {
    statements = new StatementLru(MAX_STATEMENTS, (text) => {
      const prepared = connection.prepare(text);
      // Prisma's adapter reads integers as BigInt; cached reads return numbers (callers map rows
      // like Prisma's raw rows, and JSON cannot hold a BigInt).
      prepared.safeIntegers(false);
      return prepared;
    });
    keptStatements.set(connection, statements);
  }
  return statements.get(sql);
}

/**
 * The rows of one read-only statement, through a cached prepared statement; through Prisma for an
 * interactive transaction (it must see its own writes), a client this module does not know, or
 * before Prisma has connected. Values come back as SQLite stores them (integers as numbers,
 * booleans 0/1, DateTime as stored): callers map them like Prisma's raw rows.
 */
export async function cachedRead<T>(
  db: DbOrTx,
  sql: string,
  params: ReadonlyArray<string | number | null>,
): Promise<T[]> {
  const file = databaseFileOf(db);
  const connection = file ? connectionFor(file) : undefined;
  if (!file || !connection) return db.$queryRawUnsafe<T[]>(sql, ...params);
  return runGated(file, () => {
    recordQuery(sql, [...params]);
    const statement = statementFor(connection, sql);
    // Prisma's connection has no busy handler of its own (sqlite-adapter.server.ts): a read that
    // meets SQLITE_BUSY (rare in WAL mode) is tried again on a timer, like Prisma's statements.
    return whenUnlocked(async () => statement.all(...params) as T[], BUSY_TIMEOUT_MS);
  });
}

/**
 * The health probe (/healthz): reads the schema of the database file on a read-only connection,
 * WITHOUT the gate, so it does not queue behind this process's transactions (a write burst). That
 * is safe: the statement runs synchronously to its end and leaves no lock behind, so it never
 * meets another statement of this process inside SQLite; in WAL mode a reader waits for no
 * writer; and a separate connection never sees uncommitted rows. Throws when the file cannot be
 * read (missing, not a database, corrupt, I/O error); false for a client this module does not know.
 */
export function probeDatabase(db: DbOrTx): boolean {
  const file = databaseFileOf(db);
  if (!file) return false;
  let probe = probes.get(file);
  if (!probe?.sqlite.open) {
    const sqlite = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    probe = { sqlite, statement: sqlite.prepare("SELECT count(*) AS n FROM sqlite_schema") };
    probes.set(file, probe);
  }
  probe.statement.get();
  return true;
}

/** Close the health probe's connections (shutdown, tests). */
export function closeReadConnections(): void {
  for (const [file, probe] of probes) {
    if (probe.sqlite.open) probe.sqlite.close();
    probes.delete(file);
  }
}
