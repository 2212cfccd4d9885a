// Where outgoing mail goes, chosen from the environment on every send (read lazily, so tests and
// scripts can change it at run time):
// - SMTP_URL set: real SMTP through nodemailer (e.g. smtp://user:pass@smtp.example.se:587).
// - SMTP_URL unset: the local mailbox. Each message is written as <id>.eml plus a small <id>.json
//   index entry into MAILBOX_DIR (default data/mailbox), read back by mailbox.server.ts for the
//   dev-only mailbox page.
// Callers normally do not send directly: all mail goes through the outbox (outbox.server.ts).
import { currentTime } from "../app/utils/clock.server.ts";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";

export const DEFAULT_MAIL_FROM = "Brygga <no-reply@brygga.local>";
export const DEFAULT_MAILBOX_DIR = "data/mailbox";

/**
 * SMTP timeouts used unless the URL sets them (`?connectionTimeout=…`). They bound how long one
 * send can take, which must stay well below the outbox claim lock (outbox.server.ts).
 */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

export type OutgoingAttachment = { filename: string; contentType: string; content: Buffer };

export type OutgoingMail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  replyTo?: string | null;
  attachments?: OutgoingAttachment[];
  /** Defaults to MAIL_FROM. */
  from?: string;
  /** The Message-ID header, e.g. the one an outbox row keeps for every attempt; else a new one. */
  messageId?: string | null;
};

export type SentMail = {
  transport: "smtp" | "mailbox";
  /** The Message-ID header of the sent message. */
  messageId: string;
  /** The mailbox entry id, when written to the local mailbox. */
  mailboxId?: string;
};

export function mailFrom(): string {
  return process.env.MAIL_FROM || DEFAULT_MAIL_FROM;
}

export function mailboxDir(): string {
  return path.resolve(process.env.MAILBOX_DIR || DEFAULT_MAILBOX_DIR);
}

export function transportKind(): "smtp" | "mailbox" {
  return process.env.SMTP_URL ? "smtp" : "mailbox";
}

/** Mailbox entry ids: creation time in ms (13 digits, so ids sort by time) and 12 random hex digits. */
export const MAILBOX_ID_PATTERN = /^\d{13}-[0-9a-f]{12}$/;

/** The JSON index entry written next to each .eml file. */
export type MailboxIndexEntry = {
  id: string;
  to: string;
  from: string;
  subject: string;
  /** ISO 8601 */
  date: string;
  messageId: string;
};

let smtpCache: { url: string; transporter: nodemailer.Transporter<SMTPTransport.SentMessageInfo> } | null = null;

function withDefaultTimeouts(url: string): string {
  const missing = Object.entries(SMTP_TIMEOUTS).filter(([key]) => !new RegExp(`[?&]${key}=`).test(url));
  if (missing.length === 0) return url;
  const query = missing.map(([key, value]) => `${key}=${value}`).join("&");
  return `${url}${url.includes("?") ? "&" : "?"}${query}`;
}

function smtpTransporter(url: string) {
  if (smtpCache?.url !== url) {
    smtpCache?.transporter.close();
    smtpCache = { url, transporter: nodemailer.createTransport(withDefaultTimeouts(url)) };
  }
  return smtpCache.transporter;
}

const streamTransporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

function toNodemailer(message: OutgoingMail, date: Date) {
  return {
    from: message.from ?? mailFrom(),
    to: message.to,
    subject: message.subject,
    html: message.html,
    text: message.text,
    replyTo: message.replyTo ?? undefined,
    attachments: message.attachments?.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
    })),
    date,
    ...(message.messageId ? { messageId: message.messageId } : {}),
  };
}

/** Send one message now through the transport the environment selects. Throws when sending fails. */
export async function sendMail(message: OutgoingMail): Promise<SentMail> {
  const smtpUrl = process.env.SMTP_URL;
  const date = currentTime();
  if (smtpUrl) {
    const info = await smtpTransporter(smtpUrl).sendMail(toNodemailer(message, date));
    return { transport: "smtp", messageId: info.messageId };
  }
  return writeToMailbox(message, date);
}

async function writeToMailbox(message: OutgoingMail, date: Date): Promise<SentMail> {
  const mail = toNodemailer(message, date);
  const info = await streamTransporter.sendMail(mail);
  if (!Buffer.isBuffer(info.message)) throw new Error("Mailbox transport did not return a buffer");

  const dir = mailboxDir();
  await fs.mkdir(dir, { recursive: true });
  const id = `${String(date.getTime()).padStart(13, "0")}-${crypto.randomBytes(6).toString("hex")}`;
  const entry: MailboxIndexEntry = {
    id,
    to: message.to,
    from: mail.from,
    subject: message.subject,
    date: date.toISOString(),
    messageId: info.messageId,
  };
  // The .eml first, then the index entry (atomically, via rename): an entry that is listed
  // always has its message complete on disk.
  await fs.writeFile(path.join(dir, `${id}.eml`), info.message);
  const tmp = path.join(dir, `.${id}.json.tmp`);
  await fs.writeFile(tmp, JSON.stringify(entry, null, 2));
  await fs.rename(tmp, path.join(dir, `${id}.json`));
  return { transport: "mailbox", messageId: info.messageId, mailboxId: id };
}

/** Close a cached SMTP connection pool, if any (graceful shutdown). */
export function closeTransport(): void {
  smtpCache?.transporter.close();
  smtpCache = null;
}
