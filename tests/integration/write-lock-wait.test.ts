// Issue 10 item 2: a process whose write waits for another process's SQLite write lock must keep
// serving. SQLite's busy handler sleeps inside the call, so before the fix a waiting write froze
// the whole event loop (every request, /healthz, static files, the outbox) for up to 5 s. Here a
// second connection in the test stands in for the other process: it holds the write lock while the
// app's write waits; /healthz answers over real HTTP meanwhile; after the other side commits, the
// waiting write goes through and both writes are stored. Also: /healthz does not queue behind this
// process's own transactions, and still answers 503 when the database file is damaged.
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import express from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PrismaClient } from "../../prisma/generated/client.ts";
import { healthz } from "../../server/healthz.ts";
import { databaseFile, databaseUrl } from "~/utils/database-url.ts";
import { db } from "~/utils/db.server.ts";
import { cachedRead, closeReadConnections } from "~/utils/read-connection.server.ts";
import { clearDatabaseFault, FifoGate, gatedSqliteAdapter, MMAP_SIZE_BYTES } from "~/utils/sqlite-adapter.server.ts";
import { createUser } from "../support/factories.ts";

let base = "";
let close = async () => {};
// The app's client, but with a wait budget that no loaded machine reaches: the test must not
// depend on how fast it runs. (The app waits up to BUSY_TIMEOUT_MS, then fails with SQLITE_BUSY.)
let patient: PrismaClient;

beforeAll(async () => {
  const app = express();
  app.get("/healthz", (req, res) => void healthz(req, res));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  const file = databaseFile();
  patient = new PrismaClient({
    adapter: gatedSqliteAdapter(new PrismaBetterSQLite3({ url: databaseUrl() }), {
      synchronous: "NORMAL",
      gateKey: file,
      busyTimeoutMs: 600_000,
    }),
  });
});

afterAll(async () => {
  await close();
  await patient.$disconnect();
  closeReadConnections();
  clearDatabaseFault();
});

/** The other process: its own connection to the file, holding SQLite's write lock until `commit`. */
function otherProcessHoldsWriteLock(userId: string) {
  const other = new Database(databaseFile(), { timeout: 0 });
  other.exec("BEGIN IMMEDIATE");
  other.prepare(`UPDATE "User" SET "title" = 'från den andra processen' WHERE "id" = ?`).run(userId);
  return {
    commit() {
      other.exec("COMMIT");
      other.close();
    },
  };
}

function track<T>(promise: Promise<T>) {
  const state = { settled: false, promise };
  void promise.then(
    () => (state.settled = true),
    () => (state.settled = true),
  );
  return state;
}

async function health() {
  const res = await fetch(`${base}/healthz`);
  return { status: res.status, body: (await res.json()) as { status: string; database?: string } };
}

describe("waiting for another process's write lock", () => {
  test("a plain write waits without stalling the process, then is stored", async () => {
    const user = await createUser("coach", { name: "Före" });
    await patient.user.findUniqueOrThrow({ where: { id: user.id } }); // connected before the lock is taken

    const other = otherProcessHoldsWriteLock(user.id);
    const write = track(patient.user.update({ where: { id: user.id }, data: { name: "Efter" } }));

    // The event loop is free while the write waits: timers fire, and /healthz answers over HTTP.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await health()).toEqual({ status: 200, body: { status: "ok" } });
    expect(write.settled).toBe(false); // still waiting: the lock is held

    other.commit();
    await write.promise; // acknowledged
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.name).toBe("Efter");
    expect(row.title).toBe("från den andra processen");
  });

  test("a transaction waits for the lock at BEGIN; /healthz does not queue behind it", async () => {
    const user = await createUser("coach", { name: "Före" });
    await patient.user.findUniqueOrThrow({ where: { id: user.id } });

    const other = otherProcessHoldsWriteLock(user.id);
    const transaction = track(
      patient.$transaction(
        async (tx) => {
          const before = await tx.user.findUniqueOrThrow({ where: { id: user.id } });
          await tx.user.update({ where: { id: user.id }, data: { name: `${before.name} och efter` } });
        },
        { maxWait: 600_000, timeout: 600_000 },
      ),
    );
    // Queued behind the transaction on this process's gate.
    const plain = track(patient.user.update({ where: { id: user.id }, data: { phone: "070-123 45 67" } }));

    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await health()).toEqual({ status: 200, body: { status: "ok" } });
    expect(transaction.settled).toBe(false);
    expect(plain.settled).toBe(false);

    other.commit();
    await transaction.promise;
    await plain.promise;
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({
      name: "Före och efter",
      title: "från den andra processen",
      phone: "070-123 45 67",
    });
  });

  test("the gate hands over in a later turn of the event loop, so sockets are read between holders", async () => {
    const gate = new FifoGate();
    const order: string[] = [];
    let releaseFirst!: () => void;
    const first = gate.run(
      () =>
        new Promise<void>((resolve) => {
          order.push("first");
          releaseFirst = resolve;
        }),
    );
    const second = gate.run(async () => void order.push("second"));
    await Promise.resolve();
    setImmediate(() => order.push("an I/O callback"));
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(["first", "an I/O callback", "second"]);
  });
});

describe("memory-mapped reads (docs/decisions/0028-memory-mapped-reads.md)", () => {
  test("the app's connection maps the file, and its reads see another process's commit at once", async () => {
    const [pragma] = await db.$queryRawUnsafe<Array<{ mmap_size: number | bigint }>>("PRAGMA mmap_size");
    expect(Number(pragma?.mmap_size)).toBe(MMAP_SIZE_BYTES);
    const user = await createUser("coach");
    await db.user.update({ where: { id: user.id }, data: { title: "före" } });
    const titleNow = async () =>
      (await cachedRead<{ title: string }>(db, `SELECT "title" FROM "User" WHERE "id" = ?`, [user.id]))[0]?.title;
    expect(await titleNow()).toBe("före");

    const other = new Database(databaseFile(), { timeout: 5000 });
    other.prepare(`UPDATE "User" SET "title" = 'i loggen' WHERE "id" = ?`).run(user.id);
    expect(await titleNow()).toBe("i loggen"); // the page is in the WAL, not yet in the mapped file
    other.prepare(`UPDATE "User" SET "title" = 'i filen' WHERE "id" = ?`).run(user.id);
    other.pragma("wal_checkpoint(PASSIVE)");
    other.close();
    expect(await titleNow()).toBe("i filen"); // checkpointed into the file the reads map
  });
});

describe("/healthz", () => {
  test("answers while this process's own transaction is open", async () => {
    const user = await createUser("coach");
    let finish!: () => void;
    const open = new Promise<void>((resolve) => (finish = resolve));
    let started!: () => void;
    const inside = new Promise<void>((resolve) => (started = resolve));
    const transaction = db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { title: "pågår" } });
      started();
      await open;
    });
    await inside;
    // Before the fix the health check queued on the gate until the transaction ended.
    expect(await health()).toEqual({ status: 200, body: { status: "ok" } });
    finish();
    await transaction;
  });

  // Last in this file: it damages the database file.
  test("answers 503 once the database file is damaged, and stays so", async () => {
    expect((await health()).status).toBe(200);
    const file = databaseFile();
    const fd = fs.openSync(file, "r+");
    fs.writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0); // the header: no longer an SQLite file
    fs.closeSync(fd);
    closeReadConnections(); // a connection opened after the damage, as after a restart of the reader

    expect(await health()).toEqual({ status: 503, body: { status: "error", database: "unavailable" } });
    expect(await health()).toEqual({ status: 503, body: { status: "error", database: "unavailable" } });
  });
});
