// Prisma's statements are prepared once per connection and reused (app/utils/statement-cache.server.ts,
// issue 16), and reuse changes no answer: arguments, raw reads with BigInt, writes, errors, a
// changed schema, transactions.
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../../app/utils/db.server.ts";
import { keepPreparedStatements, StatementLru } from "../../app/utils/statement-cache.server.ts";

/** A connection that counts the statements SQLite really prepares, as the adapter would use it. */
function countingConnection(max?: number) {
  const sqlite = new Database(":memory:");
  sqlite.defaultSafeIntegers(true); // as Prisma's adapter opens it
  let prepared = 0;
  const original = sqlite.prepare.bind(sqlite);
  (sqlite as unknown as { prepare: (sql: string) => Database.Statement }).prepare = (sql: string) => {
    prepared++;
    return original(sql);
  };
  const ownPrepare = keepPreparedStatements(sqlite, max);
  // What Prisma's adapter does (performIO / executeIO): prepare(sql).bind(args), then run or read raw.
  const adapter = sqlite as unknown as {
    prepare(sql: string): { bind(args: unknown[]): { reader: boolean; run(): unknown; raw(): { all(): unknown[] } } };
  };
  const read = (sql: string, args: unknown[] = []) => adapter.prepare(sql).bind(args).raw().all();
  const write = (sql: string, args: unknown[] = []) => adapter.prepare(sql).bind(args).run();
  return { sqlite, read, write, ownPrepare, prepared: () => prepared };
}

const open: Database.Database[] = [];
afterEach(() => {
  for (const sqlite of open.splice(0)) sqlite.close();
});

describe("kept statements under Prisma's adapter", () => {
  it("prepare a statement once and bind new arguments on every use", () => {
    const c = countingConnection();
    open.push(c.sqlite);
    c.sqlite.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
    for (const name of ["a", "b", "c"]) c.write("INSERT INTO t (name) VALUES (?)", [name]);
    expect(c.read("SELECT id, name FROM t WHERE name = ?", ["b"])).toEqual([[2n, "b"]]);
    expect(c.read("SELECT id, name FROM t WHERE name = ?", ["c"])).toEqual([[3n, "c"]]);
    expect(c.read("SELECT id, name FROM t WHERE name = ?", ["x"])).toEqual([]);
    expect(c.prepared()).toBe(2); // one INSERT, one SELECT
  });

  it("keep the connection's own prepare for statements kept elsewhere (cached reads)", () => {
    const c = countingConnection();
    open.push(c.sqlite);
    const statement = c.ownPrepare("SELECT 1 AS n");
    expect(statement.safeIntegers(false).get()).toEqual({ n: 1 }); // an object row, not the adapter's raw array
    expect(c.read("SELECT 1 AS n")).toEqual([[1n]]);
  });

  it("drop the least recently used statement beyond the limit and prepare it again when needed", () => {
    const c = countingConnection(2);
    open.push(c.sqlite);
    c.read("SELECT 1");
    c.read("SELECT 2");
    c.read("SELECT 1"); // used again: now the most recent
    c.read("SELECT 3"); // drops SELECT 2
    expect(c.prepared()).toBe(3);
    c.read("SELECT 1");
    expect(c.prepared()).toBe(3);
    c.read("SELECT 2");
    expect(c.prepared()).toBe(4);
  });

  it("still read rightly after the schema changed under a kept statement", () => {
    const c = countingConnection();
    open.push(c.sqlite);
    c.sqlite.exec("CREATE TABLE t (a INTEGER)");
    c.write("INSERT INTO t (a) VALUES (?)", [1]);
    expect(c.read("SELECT * FROM t")).toEqual([[1n]]);
    c.sqlite.exec("ALTER TABLE t ADD COLUMN b TEXT DEFAULT 'x'");
    expect(c.read("SELECT * FROM t")).toEqual([[1n, "x"]]);
  });

  it("report a wrong number of arguments as an error, and go on working", () => {
    const c = countingConnection();
    open.push(c.sqlite);
    expect(() => c.read("SELECT ? AS a", [])).toThrow();
    expect(c.read("SELECT ? AS a", ["ja"])).toEqual([["ja"]]);
  });
});

describe("StatementLru", () => {
  it("holds at most its limit", () => {
    const lru = new StatementLru(3, (sql) => ({ sql }));
    for (let i = 0; i < 10; i++) lru.get(`SELECT ${i}`);
    expect(lru.size).toBe(3);
  });
});

describe("Prisma through kept statements", () => {
  it("reads, writes, counts and rolls back as before", async () => {
    const org = await db.organization.create({ data: { name: "Återanvänd sats", municipalityCode: "0680" } });
    for (let i = 0; i < 3; i++) {
      expect(await db.organization.findUnique({ where: { id: org.id }, select: { name: true } })).toEqual({
        name: "Återanvänd sats",
      });
    }
    await db.organization.update({ where: { id: org.id }, data: { name: "Återanvänd sats 2" } });
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe("Återanvänd sats 2");
    await expect(
      db.$transaction(async (tx) => {
        await tx.organization.update({ where: { id: org.id }, data: { name: "aldrig" } });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe("Återanvänd sats 2");
    const [row] = await db.$queryRawUnsafe<Array<{ n: bigint }>>(
      "SELECT COUNT(*) AS n FROM Organization WHERE id = ?",
      org.id,
    );
    expect(Number(row!.n)).toBe(1);
  });
});
