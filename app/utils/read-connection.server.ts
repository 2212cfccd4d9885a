// Cached prepared statements for the hot read paths (issue 16: the Prisma adapter prepares every
// statement again on each request). `cachedRead(db, sql, params)` runs a SELECT through a kept
// prepared statement (LRU) on the better-sqlite3 connection under Prisma's adapter
// (`connectionFor`), or, before Prisma has connected, on a second, read-only connection to the
// same file. The first is preferred: a second connection's page cache is thrown away whenever
// another connection writes, and every audited page view writes (the match page was 20 % slower).
//
// Isolation (docs/decisions/0013-transaction-isolation.md): the read runs while holding the same
// in-process gate as every Prisma statement, so it never runs while a transaction of this process
// is open, and never meets another statement of this process inside SQLite's locks. In WAL mode a
// reader takes no write lock, so other processes' writers do not block it (nor it them); it sees
// the last committed state, exactly like a Prisma read outside a transaction. Statements of a
// transaction must still go through its `tx`.
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

/** Distinct statements kept per connection (the SQL of the engine varies with the filters). */
const MAX_STATEMENTS = 300;

type Reader = { sqlite: Database.Database; statements: Map<string, Database.Statement> };
type Prepared = { all(...params: unknown[]): unknown[] };

/** Kept statements of Prisma's connections (a new connection starts with none). */
const primaryStatements: WeakMap<BetterSqliteConnection, Map<string, Prepared>> = ((
  globalThis as unknown as { __bryggaPrimaryStatements?: WeakMap<BetterSqliteConnection, Map<string, Prepared>> }
).__bryggaPrimaryStatements ??= new WeakMap());

// On globalThis: the server and the app bundle each have a copy of this module (one connection per file).
const readers: Map<string, Reader> = ((
  globalThis as unknown as { __bryggaReaders?: Map<string, Reader> }
).__bryggaReaders ??= new Map());

function readerFor(file: string): Reader {
  let reader = readers.get(file);
  if (!reader || !reader.sqlite.open) {
    const sqlite = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
    reader = { sqlite, statements: new Map() };
    readers.set(file, reader);
  }
  return reader;
}

/** The kept statement for `sql` in `statements` (prepared on `prepare` when missing), most recently used last. */
function keptStatement<S>(statements: Map<string, S>, sql: string, prepare: (sql: string) => S): S {
  let statement = statements.get(sql);
  if (statement)
    statements.delete(sql); // re-inserted below: most recently used last
  else statement = prepare(sql);
  statements.set(sql, statement);
  if (statements.size > MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
  return statement;
}

function statementFor(reader: Reader, sql: string): Database.Statement {
  return keptStatement(reader.statements, sql, (s) => reader.sqlite.prepare(s));
}

function primaryStatementFor(connection: BetterSqliteConnection, sql: string): Prepared {
  let statements = primaryStatements.get(connection);
  if (!statements) primaryStatements.set(connection, (statements = new Map()));
  return keptStatement(statements, sql, (s) => {
    const statement = connection.prepare(s);
    // Prisma's adapter reads integers as BigInt; cached reads return numbers, like the read-only
    // connection (callers map rows like Prisma's raw rows, and JSON cannot hold a BigInt).
    statement.safeIntegers(false);
    return statement;
  });
}

/**
 * The rows of one read-only statement, through a cached prepared statement; through Prisma for an
 * interactive transaction (it must see its own writes) or a client this module does not know. Values come back as SQLite stores them
 * (integers as numbers, booleans 0/1, DateTime as stored): callers map them like Prisma's raw rows.
 */
export async function cachedRead<T>(
  db: DbOrTx,
  sql: string,
  params: ReadonlyArray<string | number | null>,
): Promise<T[]> {
  const file = databaseFileOf(db);
  if (!file) return db.$queryRawUnsafe<T[]>(sql, ...params);
  return runGated(file, () => {
    recordQuery(sql, [...params]);
    const primary = connectionFor(file);
    if (!primary) return statementFor(readerFor(file), sql).all(...params) as T[];
    // Prisma's connection has no busy handler of its own (sqlite-adapter.server.ts): a read that
    // meets SQLITE_BUSY (rare in WAL mode) is tried again on a timer, like Prisma's statements.
    const statement = primaryStatementFor(primary, sql);
    return whenUnlocked(async () => statement.all(...params) as T[], BUSY_TIMEOUT_MS);
  });
}

/**
 * The health probe (/healthz): reads the schema of the database file on the read connection,
 * WITHOUT the gate, so it does not queue behind this process's transactions (a write burst). That
 * is safe: the statement runs synchronously to its end and leaves no lock behind, so it never
 * meets another statement of this process inside SQLite; in WAL mode a reader waits for no
 * writer; and a separate connection never sees uncommitted rows. Throws when the file cannot be
 * read (missing, not a database, corrupt, I/O error); false for a client this module does not know.
 */
export function probeDatabase(db: DbOrTx): boolean {
  const file = databaseFileOf(db);
  if (!file) return false;
  statementFor(readerFor(file), "SELECT count(*) AS n FROM sqlite_schema").get();
  return true;
}

/** Close the read connections (shutdown, tests). */
export function closeReadConnections(): void {
  for (const [file, reader] of readers) {
    reader.statements.clear();
    if (reader.sqlite.open) reader.sqlite.close();
    readers.delete(file);
  }
}
