// One request's transaction must never swallow another request's query: Prisma's better-sqlite3
// adapter runs everything on one connection, so app/utils/sqlite-adapter.server.ts gates it.
// Uses the app's own `db` module on a real SQLite file (docs/decisions/0013).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { db } from "~/utils/db.server.ts";
import { createUser } from "../support/factories.ts";

class Rollback extends Error {}

/** A promise with its resolve function, to step two concurrent requests by hand. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * Gives a concurrent query the chance to run. Before the fix it would have run (inside the open
 * transaction) in this time; with the gate it waits. The test's outcome never depends on it.
 */
async function letOthersRun<T>(other: Promise<T>) {
  await Promise.race([other, new Promise((r) => setTimeout(r, 150))]);
}

/** Starts a transaction that updates `userId`'s title, then throws when `proceed` resolves. */
function rollingBackTransaction(userId: string, proceed: Promise<void>) {
  const updated = deferred();
  const done = db
    .$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { title: "uncommitted" } });
      updated.resolve();
      await proceed;
      throw new Rollback("roll back");
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
      return "rolled back" as const;
    });
  return { updated: updated.promise, done };
}

describe("transaction isolation on the shared connection", () => {
  test("a write outside a transaction survives that transaction's rollback", async () => {
    const user = await createUser("coach", { name: "Före" });
    const proceed = deferred();
    const tx = rollingBackTransaction(user.id, proceed.promise);
    await tx.updated;

    const outside = db.user.update({ where: { id: user.id }, data: { name: "Efter" } });
    await letOthersRun(outside);
    proceed.resolve();

    expect(await tx.done).toBe("rolled back");
    await outside; // acknowledged
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.name).toBe("Efter");
    expect(row.title).toBeNull();
  });

  test("a read outside a transaction never sees its uncommitted rows", async () => {
    const user = await createUser("coach");
    const proceed = deferred();
    const tx = rollingBackTransaction(user.id, proceed.promise);
    await tx.updated;

    const outside = db.user.findUniqueOrThrow({ where: { id: user.id }, select: { title: true } });
    const raw = db.$queryRaw<{ title: string | null }[]>`SELECT title FROM User WHERE id = ${user.id}`;
    await letOthersRun(Promise.all([outside, raw]));
    proceed.resolve();

    expect(await tx.done).toBe("rolled back");
    expect((await outside).title).toBeNull();
    expect((await raw)[0]?.title).toBeNull();
  });

  test("a batch transaction and raw statements are isolated too", async () => {
    const user = await createUser("coach", { name: "Före" });
    const proceed = deferred();
    const tx = rollingBackTransaction(user.id, proceed.promise);
    await tx.updated;

    const batch = db.$transaction([
      db.user.update({ where: { id: user.id }, data: { name: "Batch" } }),
      db.user.update({ where: { id: user.id }, data: { phone: "070-1234567" } }),
    ]);
    const raw = db.$executeRaw`UPDATE User SET employmentPercent = 50 WHERE id = ${user.id}`;
    await letOthersRun(Promise.all([batch, raw]));
    proceed.resolve();

    expect(await tx.done).toBe("rolled back");
    await Promise.all([batch, raw]);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ name: "Batch", phone: "070-1234567", employmentPercent: 50, title: null });
  });

  test("property: concurrent transactions that randomly roll back never undo acknowledged plain writes", async () => {
    const users = await Promise.all(Array.from({ length: 6 }, () => createUser("coach")));
    const op = fc.oneof(
      fc.record({
        kind: fc.constant("tx" as const),
        user: fc.nat(users.length - 1),
        rollback: fc.boolean(),
        pauseMs: fc.integer({ min: 0, max: 20 }),
      }),
      fc.record({ kind: fc.constant("plain" as const), user: fc.nat(users.length - 1) }),
      fc.record({ kind: fc.constant("read" as const), user: fc.nat(users.length - 1) }),
    );

    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 2, maxLength: 24 }), async (ops) => {
        round++;
        const ids = users.map((u) => u.id);
        await db.user.updateMany({ where: { id: { in: ids } }, data: { employmentPercent: 100 } });

        const outcomes = await Promise.all(
          ops.map(async (o, i) => {
            const id = ids[o.user]!;
            if (o.kind === "plain") {
              // Each plain write makes a row of its own; every acknowledged one must exist at the end.
              await db.organization.create({ data: { name: `r${round}-op${i}`, municipalityCode: "0680" } });
              return { i, id, kind: o.kind, ok: true };
            }
            if (o.kind === "read") {
              const row = await db.user.findUniqueOrThrow({ where: { id }, select: { employmentPercent: true } });
              // Transactions write 1–99 and either commit or roll back; a read may see a committed
              // value but never one of a transaction that rolls back (those write 0).
              return { i, id, kind: o.kind, ok: row.employmentPercent !== 0 };
            }
            const committed = await db
              .$transaction(async (tx) => {
                await tx.user.update({ where: { id }, data: { employmentPercent: o.rollback ? 0 : 1 + (i % 99) } });
                // A pause inside the transaction, as if it did more work; the property holds for any length.
                await new Promise((r) => setTimeout(r, o.pauseMs));
                if (o.rollback) throw new Rollback("random rollback");
                return true;
              })
              .catch((error: unknown) => {
                if (error instanceof Rollback) return false;
                throw error;
              });
            return { i, id, kind: o.kind, ok: committed === !o.rollback };
          }),
        );

        expect(outcomes.every((o) => o.ok)).toBe(true);
        const acknowledged = outcomes.filter((o) => o.kind === "plain").map((o) => `r${round}-op${o.i}`);
        const stored = await db.organization.findMany({ where: { name: { startsWith: `r${round}-` } } });
        expect(stored.map((o) => o.name).sort()).toEqual(acknowledged.sort());
        const rows = await db.user.findMany({ where: { id: { in: ids } } });
        for (const row of rows) expect(row.employmentPercent).not.toBe(0);
      }),
      { numRuns: 25 },
    );
  });
});
