// Read side of the local mailbox (transport.server.ts writes it when SMTP_URL is unset), for the
// dev-only mailbox page. Ids are validated against the id format before any file is touched.
import fs from "node:fs/promises";
import path from "node:path";
import { simpleParser, type AddressObject } from "mailparser";
import { MAILBOX_ID_PATTERN, mailboxDir, type MailboxIndexEntry } from "./transport.server.ts";

export type MailboxListItem = { id: string; to: string; subject: string; /** ISO 8601 */ date: string };

export type MailboxMessage = {
  id: string;
  to: string;
  from: string;
  replyTo: string | null;
  subject: string;
  /** ISO 8601 */
  date: string;
  /** The HTML part; "" when the message has none. */
  html: string;
  text: string;
  attachments: Array<{ filename: string | null; contentType: string; size: number }>;
};

export function isMailboxId(id: unknown): id is string {
  return typeof id === "string" && MAILBOX_ID_PATTERN.test(id);
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === "ENOENT";
}

/** All messages in the local mailbox, newest first. An empty or missing folder gives []. */
export async function listMailbox(): Promise<MailboxListItem[]> {
  const dir = mailboxDir();
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
  const ids = names
    .filter((n) => n.endsWith(".json"))
    .map((n) => n.slice(0, -".json".length))
    .filter(isMailboxId);
  const entries = await Promise.all(
    ids.map(async (id): Promise<MailboxListItem | null> => {
      try {
        const entry = JSON.parse(await fs.readFile(path.join(dir, `${id}.json`), "utf8")) as MailboxIndexEntry;
        return { id, to: String(entry.to), subject: String(entry.subject), date: String(entry.date) };
      } catch {
        return null; // removed meanwhile or unreadable: skip it
      }
    }),
  );
  return entries
    .filter((e): e is MailboxListItem => e !== null)
    .sort((a, b) => (a.date === b.date ? b.id.localeCompare(a.id) : b.date.localeCompare(a.date)));
}

function addressText(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return "";
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(", ");
}

/** One message, parsed from its .eml file; null when the id is malformed or unknown. */
export async function readMailboxMessage(id: string): Promise<MailboxMessage | null> {
  if (!isMailboxId(id)) return null;
  let raw: Buffer;
  try {
    raw = await fs.readFile(path.join(mailboxDir(), `${id}.eml`));
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  const parsed = await simpleParser(raw);
  return {
    id,
    to: addressText(parsed.to),
    from: addressText(parsed.from),
    replyTo: parsed.replyTo ? addressText(parsed.replyTo) : null,
    subject: parsed.subject ?? "",
    date: new Date(Number(id.slice(0, 13))).toISOString(), // the same instant the listing shows
    html: typeof parsed.html === "string" ? parsed.html : "",
    text: parsed.text ?? "",
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename ?? null,
      contentType: a.contentType,
      size: a.size,
    })),
  };
}

/** One attachment of a message (by its position), for download; null when there is none. */
export async function readMailboxAttachment(
  id: string,
  index: number,
): Promise<{ filename: string; contentType: string; content: Buffer } | null> {
  if (!isMailboxId(id) || !Number.isInteger(index) || index < 0) return null;
  let raw: Buffer;
  try {
    raw = await fs.readFile(path.join(mailboxDir(), `${id}.eml`));
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  const attachment = (await simpleParser(raw)).attachments[index];
  if (!attachment) return null;
  return {
    filename: attachment.filename ?? `bilaga-${index + 1}`,
    contentType: attachment.contentType,
    content: attachment.content,
  };
}
