// Prepared statements kept for reuse (issue 16: Prisma's better-sqlite3 adapter prepared every
// statement again on each request, 10–38 per page). Two users: the cached reads
// (read-connection.server.ts) and Prisma's own adapter (keepPreparedStatements below), each with
// its own statements, because they read rows in different modes (objects with numbers vs raw
// arrays with BigInt). Relative imports only: the server entry loads this module outside the app bundle.
import type Database from "better-sqlite3";

/** Prepared statements by SQL text, at most `max`, the least recently used dropped first. */
export class StatementLru<S> {
  readonly #statements = new Map<string, S>();

  constructor(
    private readonly max: number,
    private readonly prepare: (sql: string) => S,
  ) {}

  get size(): number {
    return this.#statements.size;
  }

  /** The kept statement for `sql`, prepared on first use; most recently used last. */
  get(sql: string): S {
    let statement = this.#statements.get(sql);
    if (statement === undefined) statement = this.prepare(sql);
    else this.#statements.delete(sql); // re-inserted below: most recently used last
    this.#statements.set(sql, statement);
    if (this.#statements.size > this.max) this.#statements.delete(this.#statements.keys().next().value!);
    return statement;
  }
}

/** Distinct statements kept for Prisma per connection (SQL with IN lists varies with their length). */
export const PRISMA_STATEMENTS_KEPT = 500;

/** What Prisma's adapter does with a prepared statement: bind once, then run, or read raw rows. */
type AdapterStatement = {
  readonly reader: boolean;
  bind(args: unknown[]): BoundStatement;
};
type BoundStatement = {
  readonly reader: boolean;
  run(): Database.RunResult;
  columns(): Database.ColumnDefinition[];
  raw(): { all(): unknown[] };
};

/**
 * Makes `client.prepare` (the better-sqlite3 connection under Prisma's adapter) return kept
 * statements. The adapter binds each statement it prepares (`prepare(sql).bind(args)`), and
 * better-sqlite3 binds a statement only once, so the adapter gets a light stand-in per call that
 * passes the arguments to the kept statement when it runs. Returns the connection's own `prepare`
 * for callers that keep statements of their own.
 */
export function keepPreparedStatements(
  client: Database.Database,
  max = PRISMA_STATEMENTS_KEPT,
): (sql: string) => Database.Statement {
  const prepare = client.prepare.bind(client) as (sql: string) => Database.Statement;
  const kept = new StatementLru(max, prepare);
  const reusable = (sql: string): AdapterStatement => {
    const statement = kept.get(sql);
    return {
      reader: statement.reader,
      bind: (args) => ({
        reader: statement.reader,
        run: () => statement.run(args),
        columns: () => statement.columns(),
        raw: () => ({ all: () => statement.raw(true).all(args) }),
      }),
    };
  };
  (client as unknown as { prepare: typeof reusable }).prepare = reusable;
  return prepare;
}
