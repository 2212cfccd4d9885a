// The email outbox (docs/product-rules.md#email, #quality-bars): every message is rendered and stored in EmailOutbox inside
// the caller's transaction, then sent by a background loop with retry and backoff. A failing SMTP
// server delays mail, never loses it, and never fails the user's request.
//
// In a request handler:
//   await db.$transaction(async (tx) => {
//     ...
//     await enqueueEmail(tx, { template: "signInLink", data: { name, url }, to: email });
//   });
//   kickOutbox(); // send right away instead of waiting for the next tick
//
// Delivery is at least once: a row is claimed with a short lease (lockedUntil) before sending, so
// two workers never send the same row; the lease is renewed while the message is being sent, and
// if the worker dies mid-send it runs out within LEASE_MS and the row is sent again. Every
// attempt carries the Message-ID fixed at enqueue, so a receiver can drop a duplicate after a
// server stored a message but the connection broke before its "250".
//
// Fairness: rows are taken one at a time, highest priority first (sign-in links before
// notifications), so a sign-in link waits for at most the one message being sent.
import { currentTime } from "../app/utils/clock.server.ts";
import crypto from "node:crypto";
import { z } from "zod";
import { globalRegistry, startPollingWorker, type PollingWorker } from "../app/utils/polling-worker.server.ts";
import { db, parseJson, type DbOrTx } from "../app/utils/db.server.ts";
import { renderEmail, type TemplateData, type TemplateName } from "./templates/index.ts";
import { mailFrom, sendMail, type OutgoingAttachment } from "./transport.server.ts";

export const OUTBOX_STATUS = { pending: "pending", sent: "sent", failed: "failed" } as const;
export type OutboxStatus = (typeof OUTBOX_STATUS)[keyof typeof OUTBOX_STATUS];

/** After this many failed attempts a row is marked failed (kept, for an admin to see). */
export const MAX_ATTEMPTS = 50;
export const RETRY_BASE_MS = 10_000;
export const RETRY_MAX_MS = 30 * 60_000;
/**
 * A sender's lease on a claimed row. Renewed every LEASE_MS / 3 while the message is being sent
 * (a slow SMTP server may take a minute), so only a dead worker's row becomes due again.
 */
export const LEASE_MS = 30_000;
export const DEFAULT_BATCH_SIZE = 20;

/** Sent before everything else: a sign-in link is only valid for 15 minutes. */
export const PRIORITY_BY_TEMPLATE: Partial<Record<TemplateName, number>> = { signInLink: 10 };

type Logger = Pick<Console, "warn" | "error">;

// ---------------------------------------------------------------------------------------------
// Enqueue

export type EmailAttachmentInput = {
  filename: string;
  contentType: string;
  /** Bytes, or text that is stored as UTF-8 (e.g. an .ics calendar file). */
  content: string | Uint8Array;
};

/** Stored in EmailOutbox.attachments as JSON. */
type StoredAttachment = { filename: string; contentType: string; content: string /* base64 */ };

export type EnqueueEmailInput<N extends TemplateName = TemplateName> = {
  template: N;
  data: TemplateData<N>;
  to: string;
  replyTo?: string | null;
  attachments?: EmailAttachmentInput[];
  /** Higher is sent first; default PRIORITY_BY_TEMPLATE[template] or 0. */
  priority?: number;
};

/** A Message-ID of our own, `<uuid@domain of MAIL_FROM>`, fixed for the row's lifetime. */
export function newMessageId(): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom())?.[1] ?? "brygga.local";
  return `<${crypto.randomUUID()}@${domain}>`;
}

const address = z.email().max(320);
const attachmentSchema = z.object({
  filename: z.string().trim().min(1).max(200),
  contentType: z.string().trim().min(3).max(200),
  content: z.union([z.string(), z.instanceof(Uint8Array)]),
});

/**
 * Render a template and queue the message as a pending EmailOutbox row, inside the caller's
 * transaction (or directly on `db`). Throws on an invalid address or template data, so the
 * caller's transaction rolls back. Call kickOutbox() after the transaction commits.
 */
export async function enqueueEmail<N extends TemplateName>(
  tx: DbOrTx,
  input: EnqueueEmailInput<N>,
): Promise<{ id: string }> {
  const to = address.parse(input.to);
  const replyTo = input.replyTo == null ? null : address.parse(input.replyTo);
  const attachments: StoredAttachment[] = z
    .array(attachmentSchema)
    .max(10)
    .parse(input.attachments ?? [])
    .map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: (typeof a.content === "string" ? Buffer.from(a.content, "utf8") : Buffer.from(a.content)).toString(
        "base64",
      ),
    }));
  const { subject, html, text } = renderEmail(input.template, input.data);
  const row = await tx.emailOutbox.create({
    data: {
      template: input.template,
      to,
      subject,
      html,
      text,
      replyTo,
      attachments: JSON.stringify(attachments),
      status: OUTBOX_STATUS.pending,
      priority: input.priority ?? PRIORITY_BY_TEMPLATE[input.template] ?? 0,
      messageId: newMessageId(),
    },
    select: { id: true },
  });
  return row;
}

// ---------------------------------------------------------------------------------------------
// Send

/**
 * Delay before the next attempt after `attempts` failed ones: 10 s × 2^attempts, capped at
 * 30 minutes, with "equal jitter" (between half and all of it) so retries of many rows spread out.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempts), RETRY_MAX_MS);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export type SendDueEmailsOptions = {
  /** The current time; tests move it forward to pass a retry time. */
  now?: Date;
  batchSize?: number;
  leaseMs?: number;
  logger?: Logger;
};

export type SendDueEmailsResult = {
  /** Rows this run claimed (and tried to send). */
  claimed: number;
  sent: number;
  /** Failed now, to be retried later. */
  retried: number;
  /** Failed for the last time (MAX_ATTEMPTS reached). */
  failed: number;
};

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const { code, responseCode, command } = error as Error & { code?: string; responseCode?: number; command?: string };
    const details = [code, responseCode, command].filter((v) => v !== undefined && v !== "").join(" ");
    return (details ? `${details}: ${error.message}` : error.message).slice(0, 2000);
  }
  return String(error).slice(0, 2000);
}

/**
 * Send up to batchSize due rows (pending, nextAttemptAt ≤ now, no live lease), one at a time,
 * highest priority first. Each row is claimed with a compare-and-set update, so concurrent runs
 * never send the same row. Sending errors are recorded on the row, never thrown; only database
 * errors are thrown.
 */
export async function sendDueEmails(options: SendDueEmailsOptions = {}): Promise<SendDueEmailsResult> {
  /** The current time: the real clock, unless the caller fixed `now`. */
  const clock = () => options.now ?? currentTime();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const logger = options.logger ?? console;
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const result: SendDueEmailsResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };

  for (let taken = 0; taken < batchSize; taken++) {
    // Due as of now, so mail queued while this run sends is seen by its next pick.
    const at = clock();
    const due = {
      status: OUTBOX_STATUS.pending,
      nextAttemptAt: { lte: at },
      OR: [{ lockedUntil: null }, { lockedUntil: { lte: at } }],
    };
    // One row at a time, so a sign-in link queued meanwhile is the next one sent.
    const next = await db.emailOutbox.findFirst({
      where: due,
      orderBy: [{ priority: "desc" }, { nextAttemptAt: "asc" }, { createdAt: "asc" }],
      select: { id: true },
    });
    if (!next) break;
    const id = next.id;
    let lease = new Date(clock().getTime() + leaseMs);
    // Compare-and-set: only one concurrent run gets count 1 for this row.
    const claim = await db.emailOutbox.updateMany({ where: { id, ...due }, data: { lockedUntil: lease } });
    if (claim.count !== 1) continue;
    result.claimed++;

    const row = await db.emailOutbox.findUnique({ where: { id } });
    if (!row) continue;

    // Renew the lease while sending; a renewal that finds the lease gone stops quietly.
    let renewal = Promise.resolve();
    const renewer = setInterval(
      () => {
        renewal = renewal.then(async () => {
          const renewed = new Date(clock().getTime() + leaseMs);
          const done = await db.emailOutbox
            .updateMany({
              where: { id, status: OUTBOX_STATUS.pending, lockedUntil: lease },
              data: { lockedUntil: renewed },
            })
            .catch((error: unknown) => {
              logger.warn(`[email outbox] renewing the lease on ${id} failed: ${describeError(error)}`);
              return { count: 0 };
            });
          if (done.count === 1) lease = renewed;
        });
      },
      Math.max(1, Math.floor(leaseMs / 3)),
    );
    renewer.unref?.();
    const stopRenewing = async () => {
      clearInterval(renewer);
      await renewal;
    };

    try {
      const attachments: OutgoingAttachment[] = parseJson<StoredAttachment[]>(row.attachments, []).map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: Buffer.from(a.content, "base64"),
      }));
      const sent = await sendMail({
        to: row.to,
        subject: row.subject,
        html: row.html,
        text: row.text,
        replyTo: row.replyTo,
        attachments,
        messageId: row.messageId,
      });
      await stopRenewing();
      await db.emailOutbox.update({
        where: { id },
        data: {
          status: OUTBOX_STATUS.sent,
          sentAt: clock(),
          messageId: sent.messageId,
          lockedUntil: null,
          lastError: null,
        },
      });
      result.sent++;
    } catch (error) {
      await stopRenewing();
      const attempts = row.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      const lastError = describeError(error);
      // Only while we still hold the lease: a run that lost it must not overwrite a newer outcome.
      await db.emailOutbox.updateMany({
        where: { id, status: OUTBOX_STATUS.pending, lockedUntil: lease },
        data: {
          attempts,
          lastError,
          lockedUntil: null,
          ...(giveUp
            ? { status: OUTBOX_STATUS.failed }
            : { nextAttemptAt: new Date(clock().getTime() + retryDelayMs(attempts)) }),
        },
      });
      if (giveUp) {
        result.failed++;
        logger.error(`[email outbox] giving up on ${id} to ${row.to} after ${attempts} attempts: ${lastError}`);
      } else {
        result.retried++;
        logger.warn(`[email outbox] sending ${id} failed (attempt ${attempts}), will retry: ${lastError}`);
      }
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Worker

export type OutboxWorker = PollingWorker;

export type OutboxWorkerOptions = {
  intervalMs?: number;
  batchSize?: number;
  logger?: Logger;
};

// Kept on globalThis: the server starts the worker from its own copy of this module, while request
// handlers run inside the app bundle (or Vite's SSR module graph) with another copy. Both must see
// the same set so a kick from a request reaches the running worker.
const runningWorkers = globalRegistry("emailOutboxWorkers");

/**
 * Ask running outbox workers to send now, e.g. right after a sign-in mail was queued.
 * A no-op when no worker runs in this process (the mail still goes out with the next run).
 */
export function kickOutbox(): void {
  for (const worker of runningWorkers) worker.kick();
}

/**
 * Start the sender loop: a run right away, then one every intervalMs (runs never overlap). A full
 * batch that made progress is followed at once by the next run. Errors are logged, never thrown.
 */
export function startOutboxWorker(options: OutboxWorkerOptions = {}): OutboxWorker {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const logger = options.logger ?? console;
  return startPollingWorker({
    name: "email outbox",
    intervalMs: options.intervalMs ?? 2000,
    registry: runningWorkers,
    logger,
    run: async () => {
      const result = await sendDueEmails({ batchSize, logger });
      return result.claimed >= batchSize && result.sent > 0;
    },
  });
}
