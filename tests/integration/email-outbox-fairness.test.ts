// The outbox under pressure: sign-in links before notifications, a lease that is renewed while a
// slow server takes its time and runs out quickly after a worker died, and one Message-ID per row
// across retries. A real SMTP server in process (smtp-server) that this file controls.
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { enqueueEmail, LEASE_MS, sendDueEmails } from "../../emails/outbox.server.ts";
import { db } from "~/utils/db.server.ts";

type Stored = { to: string; subject: string; messageId: string | undefined };

/** What the server does with the next DATA: accept, store and fail (as if "250" got lost), or hold. */
let behaviour: "accept" | "store-then-fail" | { hold: Promise<void>; arrived: () => void } = "accept";
const stored: Stored[] = [];
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      void simpleParser(stream).then(async (mail) => {
        stored.push({
          to: mail.to && !Array.isArray(mail.to) ? mail.to.text : "",
          subject: mail.subject ?? "",
          messageId: mail.messageId,
        });
        const now = behaviour;
        if (now === "store-then-fail") {
          behaviour = "accept";
          callback(Object.assign(new Error("Connection lost before 250"), { responseCode: 451 }));
          return;
        }
        if (typeof now === "object") {
          now.arrived();
          await now.hold;
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as { port: number }).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(async () => {
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  behaviour = "accept";
  stored.length = 0;
  await db.emailOutbox.deleteMany();
});

const logger = { warn: () => {}, error: () => {} };

function notification(i: number) {
  return enqueueEmail(db, {
    template: "signInLink",
    data: { name: `Person ${i}`, url: `https://brygga.example.se/n/${i}`, expiresMinutes: 15 },
    to: `notis-${i}@example.se`,
    priority: 0,
  });
}

function signIn() {
  return enqueueEmail(db, {
    template: "signInLink",
    data: { name: "Åsa", url: "https://brygga.example.se/logga-in/lank?token=t", expiresMinutes: 15 },
    to: "asa@example.se",
  });
}

describe("priority", () => {
  test("a sign-in link queued behind many notifications is the next mail sent", async () => {
    for (let i = 0; i < 12; i++) await notification(i);
    await sendDueEmails({ batchSize: 2, logger });
    expect(stored.map((s) => s.to)).toEqual(["notis-0@example.se", "notis-1@example.se"]);

    await signIn();
    await sendDueEmails({ batchSize: 1, logger });
    expect(stored.at(-1)?.to).toBe("asa@example.se");
  });

  test("a sign-in link queued while a slow message is being sent goes right after it", async () => {
    for (let i = 0; i < 5; i++) await notification(i);
    let arrived!: () => void;
    const inServer = new Promise<void>((r) => (arrived = r));
    let release!: () => void;
    behaviour = { hold: new Promise<void>((r) => (release = r)), arrived };

    const run = sendDueEmails({ batchSize: 2, logger });
    await inServer; // the first notification is being sent
    await signIn();
    behaviour = "accept";
    release();
    await run;
    expect(stored.map((s) => s.to)).toEqual(["notis-0@example.se", "asa@example.se"]);
  });
});

describe("lease", () => {
  test("a row left mid-send by a dead worker is sent again once its short lease ran out", async () => {
    const { id } = await signIn();
    const now = new Date("2030-01-01T10:00:00Z");
    // A worker claimed the row and died: its lease is LEASE_MS long, no more.
    await db.emailOutbox.update({ where: { id }, data: { lockedUntil: new Date(now.getTime() + LEASE_MS) } });
    expect(await sendDueEmails({ now, logger })).toMatchObject({ claimed: 0 });
    expect(LEASE_MS).toBeLessThanOrEqual(60_000);
    expect(await sendDueEmails({ now: new Date(now.getTime() + LEASE_MS + 1), logger })).toMatchObject({
      claimed: 1,
      sent: 1,
    });
  });

  test("the lease is renewed while a slow server takes its time, so no other run sends the row", async () => {
    const { id } = await signIn();
    let arrived!: () => void;
    const inServer = new Promise<void>((r) => (arrived = r));
    let release!: () => void;
    behaviour = { hold: new Promise<void>((r) => (release = r)), arrived };

    const leaseMs = 300;
    const run = sendDueEmails({ leaseMs, logger });
    await inServer;
    const first = (await db.emailOutbox.findUniqueOrThrow({ where: { id } })).lockedUntil!;
    // Wait until the worker has renewed its lease (observed, not timed).
    let current = first;
    while (current.getTime() === first.getTime()) {
      await new Promise((r) => setTimeout(r, 50));
      current = (await db.emailOutbox.findUniqueOrThrow({ where: { id } })).lockedUntil!;
    }
    expect(current.getTime()).toBeGreaterThan(first.getTime());
    // The first lease has run out, the renewed one has not: another run finds nothing to send.
    expect(await sendDueEmails({ now: new Date(first.getTime() + 1), leaseMs, logger })).toMatchObject({
      claimed: 0,
    });

    release();
    expect(await run).toMatchObject({ claimed: 1, sent: 1 });
    expect(stored).toHaveLength(1);
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "sent",
      lockedUntil: null,
    });
  });
});

describe("Message-ID", () => {
  test("a retry after the server stored the message but the 250 was lost carries the same Message-ID", async () => {
    const { id } = await signIn();
    const queued = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(queued.messageId).toMatch(/^<[0-9a-f-]{36}@brygga\.local>$/);

    behaviour = "store-then-fail";
    const now = new Date("2030-01-01T10:00:00Z");
    expect(await sendDueEmails({ now, logger })).toMatchObject({ retried: 1 });
    expect(await sendDueEmails({ now: new Date(now.getTime() + 3_600_000), logger })).toMatchObject({ sent: 1 });

    expect(stored).toHaveLength(2);
    expect(stored.map((s) => s.messageId)).toEqual([queued.messageId, queued.messageId]);
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id } })).messageId).toBe(queued.messageId);
  });
});
