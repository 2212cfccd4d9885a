// The email outbox end to end: templates → EmailOutbox rows → a real SMTP server in process
// (tests/setup/smtp.ts), or the local mailbox folder when SMTP_URL is unset.
import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { listMailbox, readMailboxMessage } from "../../emails/mailbox.server.ts";
import {
  enqueueEmail,
  kickOutbox,
  MAX_ATTEMPTS,
  retryDelayMs,
  RETRY_MAX_MS,
  sendDueEmails,
  startOutboxWorker,
} from "../../emails/outbox.server.ts";
import { escapeHtml } from "../../emails/templates/index.ts";
import { mailboxDir } from "../../emails/transport.server.ts";
import * as mailboxAttachment from "~/routes/dev/mailbox-attachment.ts";
import { getRequest, settle, testContext } from "../support/requests.ts";
import { db } from "~/utils/db.server.ts";
import { extractLinks, useTestSmtpServer } from "../setup/smtp.ts";
import { first, at as nth } from "~/domain/arrays.ts";

const smtp = useTestSmtpServer();

const url = "https://brygga.example.se/logga-in/verifiera?token=t0k3n&redirectTo=%2Fhem";

/** A logger that records instead of printing (failures are expected in these tests). */
function recordingLogger() {
  const lines: string[] = [];
  return {
    lines,
    warn: (...args: unknown[]) => void lines.push(args.map(String).join(" ")),
    error: (...args: unknown[]) => void lines.push(args.map(String).join(" ")),
  };
}

function enqueueSignIn(to = "asa@example.se", name = "Åsa") {
  return enqueueEmail(db, { template: "signInLink", data: { name, url, expiresMinutes: 15 }, to });
}

beforeEach(async () => {
  await db.emailOutbox.deleteMany();
  delete process.env.MAIL_FROM;
});

describe("sending through SMTP", () => {
  test("a queued sign-in mail arrives once, in Swedish, with the link in both parts", async () => {
    const { id } = await enqueueSignIn();
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "pending",
      template: "signInLink",
      to: "asa@example.se",
      subject: "Logga in i Brygga",
      attempts: 0,
    });

    const result = await sendDueEmails();
    expect(result).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });

    const mail = first(await smtp.waitForMessages(1));
    expect(smtp.messages).toHaveLength(1);
    expect(mail.subject).toBe("Logga in i Brygga");
    expect(mail.envelope.to).toEqual(["asa@example.se"]);
    expect(first(mail.from?.value ?? [])).toMatchObject({ name: "Brygga", address: "no-reply@brygga.local" });
    expect(mail.html).toContain(`href="${escapeHtml(url)}"`);
    expect(mail.text).toContain(url);
    expect(extractLinks(mail)).toEqual([url]);
    expect(mail.text).toContain("Länken gäller i 15 minuter");

    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "sent", attempts: 0, lockedUntil: null, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.messageId).toBe(mail.messageId);

    expect(await sendDueEmails()).toEqual({ claimed: 0, sent: 0, retried: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
  });

  test("MAIL_FROM, Reply-To and attachments are used", async () => {
    process.env.MAIL_FROM = "Brygga Test <test@brygga.local>";
    await enqueueEmail(db, {
      template: "invitation",
      data: { inviterName: "Karin Lund", organizationName: "IPS-teamet Malmö", url },
      to: "ny@example.se",
      replyTo: "svar+abc@brygga.local",
      attachments: [
        { filename: "möte.ics", contentType: "text/calendar", content: "BEGIN:VCALENDAR\nEND:VCALENDAR\n" },
      ],
    });
    await sendDueEmails();
    const mail = first(await smtp.waitForMessages(1));
    expect(mail.subject).toBe("Karin Lund har bjudit in dig till IPS-teamet Malmö i Brygga");
    expect(first(mail.from?.value ?? []).address).toBe("test@brygga.local");
    expect(first(mail.replyTo?.value ?? []).address).toBe("svar+abc@brygga.local");
    expect(mail.attachments).toHaveLength(1);
    expect(first(mail.attachments)).toMatchObject({ filename: "möte.ics", contentType: "text/calendar" });
    expect(first(mail.attachments).content.toString("utf8")).toBe("BEGIN:VCALENDAR\nEND:VCALENDAR\n");
  });

  test("an interpolated <script> is escaped in the delivered HTML", async () => {
    await enqueueSignIn("x@example.se", `<script>alert("hej")</script>`);
    await sendDueEmails();
    const mail = first(await smtp.waitForMessages(1));
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("Hej &lt;script&gt;alert(&quot;hej&quot;)&lt;/script&gt;!");
    expect(mail.text).toContain(`Hej <script>alert("hej")</script>!`);
  });
});

describe("enqueueing", () => {
  test("joins the caller's transaction: a rollback leaves no mail behind", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEmail(tx, { template: "signInLink", data: { url }, to: "rollback@example.se" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await db.emailOutbox.count()).toBe(0);
  });

  test("rejects a bad address or bad template data and queues nothing", async () => {
    await expect(enqueueEmail(db, { template: "signInLink", data: { url }, to: "inte en adress" })).rejects.toThrow();
    await expect(
      enqueueEmail(db, { template: "signInLink", data: { url: "javascript:alert(1)" }, to: "a@example.se" }),
    ).rejects.toThrow();
    expect(await db.emailOutbox.count()).toBe(0);
  });
});

describe("an SMTP outage delays mail but never loses it", () => {
  test("fails softly while the server is down, then sends exactly once after it is back", async () => {
    const logger = recordingLogger();
    await smtp.stop();
    const { id } = await enqueueSignIn();

    const t0 = new Date();
    const firstRun = await sendDueEmails({ now: t0, logger }); // must not throw
    expect(firstRun).toEqual({ claimed: 1, sent: 0, retried: 1, failed: 0 });
    expect(smtp.messages).toHaveLength(0);

    const failed = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ status: "pending", attempts: 1, lockedUntil: null, sentAt: null });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(t0.getTime());
    expect(logger.lines.join("\n")).toMatch(/will retry/);

    // The server is back, but the row is not due yet: nothing happens before nextAttemptAt.
    await smtp.start();
    expect(await sendDueEmails({ now: t0, logger })).toMatchObject({ claimed: 0 });
    expect(smtp.messages).toHaveLength(0);

    const later = new Date(failed.nextAttemptAt.getTime() + 1);
    expect(await sendDueEmails({ now: later, logger })).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    const mail = first(await smtp.waitForMessages(1));
    expect(mail.subject).toBe("Logga in i Brygga");
    expect(extractLinks(mail)).toEqual([url]);

    expect(await sendDueEmails({ now: new Date(later.getTime() + 3_600_000), logger })).toMatchObject({ claimed: 0 });
    expect(smtp.messages).toHaveLength(1);
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "sent", attempts: 1 });
  });

  test("a server that refuses the message (451) counts as a failed attempt", async () => {
    const logger = recordingLogger();
    smtp.rejectMessages(451, "Try again later");
    const { id } = await enqueueSignIn();
    expect(await sendDueEmails({ logger })).toMatchObject({ claimed: 1, retried: 1 });
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.lastError).toMatch(/451/);
    expect(smtp.messages).toHaveLength(0);
  });

  test(`after ${MAX_ATTEMPTS} attempts the row is marked failed and kept`, async () => {
    const logger = recordingLogger();
    await smtp.stop();
    const { id } = await enqueueSignIn();
    await db.emailOutbox.update({ where: { id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    expect(await sendDueEmails({ logger })).toEqual({ claimed: 1, sent: 0, retried: 0, failed: 1 });
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "failed",
      attempts: MAX_ATTEMPTS,
      lockedUntil: null,
    });
    expect(logger.lines.join("\n")).toMatch(/giving up/);
    await smtp.start();
    expect(await sendDueEmails({ now: new Date(Date.now() + 86_400_000) })).toMatchObject({ claimed: 0 });
  });

  test("backoff doubles from 10 s, is capped at 30 minutes, and is jittered", () => {
    expect(retryDelayMs(1, () => 1)).toBe(20_000);
    expect(retryDelayMs(1, () => 0)).toBe(10_000);
    expect(retryDelayMs(2, () => 1)).toBe(40_000);
    expect(retryDelayMs(40, () => 1)).toBe(RETRY_MAX_MS);
    expect(retryDelayMs(40, () => 0)).toBe(RETRY_MAX_MS / 2);
  });
});

describe("claiming", () => {
  test("two concurrent runs never send a row twice", async () => {
    const recipients = Array.from({ length: 12 }, (_, i) => `person${i}@example.se`);
    for (const to of recipients) await enqueueSignIn(to);

    const results = await Promise.all([sendDueEmails({ batchSize: 12 }), sendDueEmails({ batchSize: 12 })]);
    expect(results[0].claimed + results[1].claimed).toBe(12);
    expect(results[0].sent + results[1].sent).toBe(12);

    await smtp.waitForMessages(12);
    const delivered = smtp.messages.flatMap((m) => m.envelope.to).sort();
    expect(delivered).toEqual([...recipients].sort());
    expect(await db.emailOutbox.count({ where: { status: "sent" } })).toBe(12);
    expect(await sendDueEmails()).toMatchObject({ claimed: 0 });
    expect(smtp.messages).toHaveLength(12);
  });

  test("a row locked by another worker is skipped until its lock expires", async () => {
    const now = new Date();
    const { id } = await enqueueSignIn();
    const lockedUntil = new Date(now.getTime() + 60_000);
    await db.emailOutbox.update({ where: { id }, data: { lockedUntil } });

    expect(await sendDueEmails({ now })).toMatchObject({ claimed: 0 });
    expect(smtp.messages).toHaveLength(0);

    // That worker died: once the lock has expired, the row is claimed and sent.
    expect(await sendDueEmails({ now: new Date(lockedUntil.getTime() + 1) })).toMatchObject({ claimed: 1, sent: 1 });
    await smtp.waitForMessages(1);
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "sent",
      lockedUntil: null,
    });
  });
});

describe("the outbox worker", () => {
  test("sends queued mail at start and right away when kicked", async () => {
    kickOutbox(); // no worker yet: a no-op
    await enqueueSignIn("first@example.se");
    const worker = startOutboxWorker({ intervalMs: 60_000, logger: recordingLogger() });
    try {
      await smtp.waitForMessage((m) => m.envelope.to.includes("first@example.se"));
      // The interval is a minute: only the kick can make the second mail go out now.
      await enqueueSignIn("second@example.se");
      kickOutbox();
      // Well under the minute, with room for a loaded machine: only the kick can deliver it in time.
      await smtp.waitForMessage((m) => m.envelope.to.includes("second@example.se"), { timeoutMs: 30_000 });
    } finally {
      await worker.stop();
    }
    expect(smtp.messages).toHaveLength(2);
    expect(await db.emailOutbox.count({ where: { status: "sent" } })).toBe(2);
  });

  test("keeps running when SMTP is down, and stop() waits for the run in progress", async () => {
    const logger = recordingLogger();
    await smtp.stop();
    const { id } = await enqueueSignIn();
    const worker = startOutboxWorker({ intervalMs: 10, logger });
    await expect.poll(async () => (await db.emailOutbox.findUniqueOrThrow({ where: { id } })).attempts).toBe(1);
    await worker.stop();
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "pending", lockedUntil: null });
    expect(logger.lines.join("\n")).toMatch(/will retry/);
    await worker.stop(); // idempotent
  });
});

describe("without SMTP_URL: the local mailbox", () => {
  let savedSmtpUrl: string | undefined;
  beforeEach(() => {
    savedSmtpUrl = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    fs.rmSync(mailboxDir(), { recursive: true, force: true });
  });
  afterEach(() => {
    if (savedSmtpUrl === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = savedSmtpUrl;
  });

  test("messages land in MAILBOX_DIR and can be listed and read back", async () => {
    expect(await listMailbox()).toEqual([]); // folder does not exist yet

    const { id: rowId } = await enqueueSignIn("asa@example.se");
    await enqueueEmail(db, {
      template: "invitation",
      data: { inviterName: "Karin", organizationName: "IPS-teamet", url },
      to: "ny@example.se",
    });
    expect(await sendDueEmails()).toMatchObject({ claimed: 2, sent: 2 });
    expect(smtp.messages).toHaveLength(0);
    expect(mailboxDir()).toBe(process.env.MAILBOX_DIR);

    const list = await listMailbox();
    expect(list).toHaveLength(2);
    expect(list.map((m) => m.to).sort()).toEqual(["asa@example.se", "ny@example.se"]);
    expect(first(list).date >= nth(list, 1).date).toBe(true); // newest first
    expect(fs.readdirSync(mailboxDir()).filter((f) => f.endsWith(".eml"))).toHaveLength(2);

    const entry = list.find((m) => m.to === "asa@example.se")!;
    expect(entry.subject).toBe("Logga in i Brygga");
    const message = await readMailboxMessage(entry.id);
    expect(message).toMatchObject({
      id: entry.id,
      to: "asa@example.se",
      from: '"Brygga" <no-reply@brygga.local>',
      subject: "Logga in i Brygga",
      date: entry.date,
    });
    expect(message!.html).toContain(`href="${escapeHtml(url)}"`);
    expect(message!.text).toContain(url);

    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id: rowId } });
    expect(row.status).toBe("sent");
    expect(row.messageId).toBeTruthy();
  });

  test("an attachment (a calendar file) is listed and downloads from the mailbox page; unknown ones are 404", async () => {
    await enqueueEmail(db, {
      template: "invitation",
      data: { inviterName: "Karin", organizationName: "IPS-teamet", url },
      to: "ny@example.se",
      attachments: [
        { filename: "möte.ics", contentType: "text/calendar", content: "BEGIN:VCALENDAR\nEND:VCALENDAR\n" },
      ],
    });
    await sendDueEmails();
    const entry = first(await listMailbox());
    const message = await readMailboxMessage(entry.id);
    expect(message!.attachments).toEqual([
      expect.objectContaining({ filename: "möte.ics", contentType: "text/calendar" }),
    ]);

    const download = (index: string, messageId = entry.id) =>
      settle(() =>
        mailboxAttachment.loader({
          request: getRequest(`/dev/mejl/${messageId}/bilaga/${index}`),
          params: { messageId, index },
          context: testContext(),
        }),
      );
    const ok = await download("0");
    expect(ok.status).toBe(200);
    expect(ok.response?.headers.get("Content-Type")).toBe("text/calendar");
    expect(ok.response?.headers.get("Content-Disposition")).toBe(
      `attachment; filename="m_te.ics"; filename*=UTF-8''m%C3%B6te.ics`,
    );
    expect(await ok.response!.text()).toMatch(/^BEGIN:VCALENDAR\r?\nEND:VCALENDAR/);
    for (const [index, id] of [
      ["1", entry.id],
      ["-1", entry.id],
      ["x", entry.id],
      ["0", "../x"],
    ] as const) {
      expect((await download(index, id)).status).toBe(404);
    }
  });

  test("unknown and malformed ids return null (no path traversal)", async () => {
    await enqueueSignIn();
    await sendDueEmails();
    const entry = first(await listMailbox());
    expect(await readMailboxMessage(entry.id)).not.toBeNull();
    for (const bad of [
      "../x",
      `../${entry.id}`,
      `${entry.id}/../${entry.id}`,
      `${entry.id}.eml`,
      "",
      "0000000000000-000000000000",
    ]) {
      expect(await readMailboxMessage(bad)).toBeNull();
    }
  });
});
