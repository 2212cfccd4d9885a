// Cached read statements (app/utils/read-connection.server.ts) keep the isolation of
// docs/decisions/0013-transaction-isolation.md: a read outside a transaction never sees the
// uncommitted rows of an open one, and a read through `tx` sees the transaction's own writes.
import { describe, expect, it } from "vitest";
import { databaseFileOf, db } from "../../app/utils/db.server.ts";
import type * as DbModule from "../../app/utils/db.server.ts";
import { cachedRead } from "../../app/utils/read-connection.server.ts";

const COUNT = "SELECT COUNT(*) AS n FROM Organization WHERE name = ?";
const count = async (client: Parameters<typeof cachedRead>[0], name: string) =>
  Number((await cachedRead<{ n: number | bigint }>(client, COUNT, [name]))[0]!.n);

describe("cached read statements", () => {
  it("know the client's database file in a second copy of the module, as in the production build", async () => {
    // The compiled server and the app bundle each import their own copy of db.server.ts and share
    // one client (on globalThis); the copy that did not create it must still know its file, or
    // every cached read goes through Prisma instead.
    const copy = (await import(
      /* @vite-ignore */ `../../app/utils/db.server.ts?copy=${Date.now()}`
    )) as typeof DbModule;
    expect(copy.databaseFileOf).not.toBe(databaseFileOf);
    expect(copy.db).toBe(db);
    expect(copy.databaseFileOf(db)).toBe(databaseFileOf(db));
    expect(databaseFileOf(db)).toMatch(/\.db$/);
  });

  it("run on Prisma's own connection once it is open (sharing its page cache)", async () => {
    // A temporary table exists only on the connection that made it.
    await db.$executeRawUnsafe("CREATE TEMP TABLE IF NOT EXISTS read_probe (a)");
    await db.$executeRawUnsafe("INSERT INTO read_probe (a) VALUES (1)");
    const rows = await cachedRead<{ n: number }>(db, "SELECT COUNT(*) AS n FROM temp.read_probe", []);
    expect(Number(rows[0]!.n)).toBe(1);
    await db.$executeRawUnsafe("DROP TABLE temp.read_probe");
  });

  it("return integers as numbers (Prisma's connection reads them as BigInt, which JSON cannot hold)", async () => {
    await db.organization.count(); // Prisma has connected: the read runs on its connection
    const [row] = await cachedRead<{ n: unknown; big: unknown }>(db, "SELECT 42 AS n, 9007199254740 AS big", []);
    expect(row).toEqual({ n: 42, big: 9007199254740 });
  });

  it("a read that arrives during a transaction waits for it and sees only what it committed", async () => {
    let read: Promise<number> | null = null;
    await db.$transaction(async (tx) => {
      await tx.organization.create({ data: { name: "Läsprov commit", municipalityCode: "0680" } });
      read = count(db, "Läsprov commit"); // not awaited here: it waits for the gate
      expect(await count(tx, "Läsprov commit")).toBe(1); // the transaction sees its own row
    });
    expect(await read!).toBe(1);
  });

  it("never sees the rows of a transaction that rolls back", async () => {
    let read: Promise<number> | null = null;
    await expect(
      db.$transaction(async (tx) => {
        await tx.organization.create({ data: { name: "Läsprov rollback", municipalityCode: "0680" } });
        read = count(db, "Läsprov rollback");
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await read!).toBe(0);
    expect(await db.organization.count({ where: { name: "Läsprov rollback" } })).toBe(0);
  });

  it("sees what Prisma committed a moment ago, with the same statement reused", async () => {
    expect(await count(db, "Läsprov senare")).toBe(0);
    await db.organization.create({ data: { name: "Läsprov senare", municipalityCode: "0680" } });
    expect(await count(db, "Läsprov senare")).toBe(1);
  });
});
