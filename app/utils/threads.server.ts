// Threads between an employer and a coaching organisation (docs/product-rules.md#employer-support-thread): "fråga coachen" questions
// today, placement support threads later. General building blocks: access, create, post, read
// marks, and summaries with unread counts and response times. Notifications are the caller's
// (see questions.server.ts), since who hears about a message depends on the kind of thread.
import { currentTime } from "./clock.server.ts";
import { responseInfo, sideOfRole, type Side } from "~/domain/threads.ts";
import { type SessionUser } from "./auth.server.ts";
import { db, type DbOrTx, type Prisma } from "./db.server.ts";
import { notFound } from "./responses.server.ts";
import { cachedRead } from "./read-connection.server.ts";
import { toDate, type SqlDate } from "./raw-values.ts";

/** The thread fields the services read: what it is, its state and whom it belongs to. */
export const threadFields = {
  id: true,
  kind: true,
  status: true,
  subject: true,
  employerId: true,
  organizationId: true,
  placementId: true,
} as const;

export type ThreadKind = "question" | "placement";

/**
 * The thread if the user may see it: an employer user of the thread's employer, or a coach/admin of
 * the thread's coaching organisation. Anyone else — and any other kind than asked for — gets a 404.
 */
export async function requireThreadForUser(
  user: SessionUser,
  threadId: string | undefined,
  options: { kind?: ThreadKind } = {},
) {
  const scope: Prisma.ThreadWhereInput | null =
    user.role === "employer" && user.employerId
      ? { employerId: user.employerId }
      : (user.role === "coach" || user.role === "admin") && user.organizationId
        ? { organizationId: user.organizationId }
        : null;
  const thread =
    scope && threadId
      ? await db.thread.findFirst({
          where: { id: threadId, ...scope, ...(options.kind ? { kind: options.kind } : {}) },
          include: {
            employer: { select: { id: true, name: true, contactCoachId: true } },
            organization: { select: { id: true, name: true } },
            createdBy: { select: { id: true, name: true } },
          },
        })
      : null;
  if (!thread) notFound("Konversationen finns inte.");
  return thread;
}

export type NewThread = {
  kind: ThreadKind;
  employerId: string;
  organizationId: string | null;
  subject: string;
  createdById: string;
  placementId?: string | null;
  body: string;
  via?: "web" | "email";
  formKey?: string | null;
};

export async function createThread(tx: DbOrTx, input: NewThread) {
  const now = currentTime();
  const thread = await tx.thread.create({
    data: {
      kind: input.kind,
      employerId: input.employerId,
      organizationId: input.organizationId,
      placementId: input.placementId ?? null,
      subject: input.subject,
      status: "open",
      createdById: input.createdById,
      createdAt: now,
      lastMessageAt: now,
    },
  });
  const message = await tx.message.create({
    data: {
      threadId: thread.id,
      authorId: input.createdById,
      body: input.body,
      via: input.via ?? "web",
      formKey: input.formKey ?? null,
      createdAt: now,
    },
  });
  await markThreadRead(tx, thread.id, input.createdById, now);
  return { thread, message };
}

export type NewMessage = {
  threadId: string;
  authorId: string;
  body: string;
  /** employer: employer users and coaches; shared: also the participant (placement threads). */
  visibility?: "employer" | "shared";
  via?: "web" | "email";
  /** An email reply's Message-ID: the same reply delivered twice is refused by a unique index. */
  emailMessageId?: string | null;
  /** The web form's key (one per form render): the same form posted twice is refused by a unique index. */
  formKey?: string | null;
};

/**
 * The message already posted from this form (same key), if any: a double click or a resent form
 * then creates nothing and tells nobody again.
 */
export async function messageFromForm(tx: DbOrTx, formKey: string | null | undefined) {
  if (!formKey) return null;
  return tx.message.findUnique({ where: { formKey }, select: { id: true, threadId: true } });
}

/** A unique index refused the write: here, a form key or email Message-ID that was already used. */
export function isDuplicatePost(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}

/** Add a message; the thread becomes open again and moves to the top; the author has read it. */
export async function addMessage(tx: DbOrTx, input: NewMessage) {
  const now = currentTime();
  const message = await tx.message.create({
    data: {
      threadId: input.threadId,
      authorId: input.authorId,
      body: input.body,
      visibility: input.visibility ?? "employer",
      via: input.via ?? "web",
      emailMessageId: input.emailMessageId ?? null,
      formKey: input.formKey ?? null,
      createdAt: now,
    },
  });
  await tx.thread.update({ where: { id: input.threadId }, data: { lastMessageAt: now, status: "open" } });
  await markThreadRead(tx, input.threadId, input.authorId, now);
  return message;
}

export async function markThreadRead(tx: DbOrTx, threadId: string, userId: string, at: Date = currentTime()) {
  await tx.threadRead.upsert({
    where: { threadId_userId: { threadId, userId } },
    create: { threadId, userId, lastReadAt: at },
    update: { lastReadAt: at },
  });
}

export async function setThreadStatus(tx: DbOrTx, threadId: string, status: "open" | "closed") {
  await tx.thread.update({ where: { id: threadId }, data: { status } });
}

export type ThreadMessageView = {
  id: string;
  body: string;
  createdAt: Date;
  via: string;
  visibility: string;
  side: Side | null;
  authorId: string | null;
  authorName: string;
  /** For staff replies that answered the employer: how long the employer waited (ms). */
  responseMs: number | null;
};

/** The messages of a thread in time order, with sides and response times. */
export async function loadThreadMessages(
  threadId: string,
  options: { visibility?: "shared" } = {},
): Promise<ThreadMessageView[]> {
  const messages = await db.message.findMany({
    where: { threadId, ...(options.visibility ? { visibility: options.visibility } : {}) },
    orderBy: { createdAt: "asc" },
    include: { author: { select: { id: true, name: true, role: true } } },
  });
  const timed = messages.map((m) => ({ id: m.id, createdAt: m.createdAt, side: sideOfRole(m.author?.role) }));
  const info = responseInfo(timed);
  return messages.map((m, i) => ({
    id: m.id,
    body: m.body,
    createdAt: m.createdAt,
    via: m.via,
    visibility: m.visibility,
    side: timed[i]!.side,
    authorId: m.authorId,
    authorName: m.author?.name ?? "Okänd avsändare",
    responseMs: info.responseMs[m.id] ?? null,
  }));
}

export type ThreadSummary = {
  id: string;
  kind: string;
  subject: string;
  status: string;
  createdAt: Date;
  lastMessageAt: Date;
  employerId: string;
  employerName: string;
  createdByName: string | null;
  messageCount: number;
  unread: number;
  lastMessage: { body: string; authorName: string; side: Side | null; createdAt: Date } | null;
  /** The employer's oldest unanswered message (null when the staff answered everything). */
  waitingSince: Date | null;
  firstAnswer: { at: Date; afterMs: number } | null;
  lastAnswer: { at: Date; afterMs: number } | null;
};

type SummaryRow = {
  id: string;
  kind: string;
  subject: string;
  status: string;
  createdAt: SqlDate;
  lastMessageAt: SqlDate;
  employerId: string;
  employerName: string;
  createdByName: string | null;
  lastReadAt: SqlDate;
  lastMessageId: string | null;
  lastBody: string | null;
};

/** The threads of a JSON array of ids, in that order, with the viewer's read mark and the body of the last message. */
const SUMMARY_SQL = `
  SELECT t."id", t."kind", t."subject", t."status", t."createdAt", t."lastMessageAt", t."employerId",
      e."name" AS "employerName", cb."name" AS "createdByName", r."lastReadAt",
      lm."id" AS "lastMessageId", lm."body" AS "lastBody"
    FROM json_each(?) j
    JOIN "Thread" t ON t."id" = j."value"
    JOIN "Employer" e ON e."id" = t."employerId"
    LEFT JOIN "User" cb ON cb."id" = t."createdById"
    LEFT JOIN "ThreadRead" r ON r."threadId" = t."id" AND r."userId" = ?
    LEFT JOIN "Message" lm ON lm."id" = (
      SELECT m."id" FROM "Message" m WHERE m."threadId" = t."id" ORDER BY m."createdAt" DESC, m.rowid DESC LIMIT 1)
    ORDER BY j."key"`;

type TimedRow = {
  threadId: string;
  id: string;
  createdAt: SqlDate;
  authorId: string | null;
  authorName: string | null;
  role: string | null;
};

/** Every message of the threads `t` (a subquery of ids), without bodies, oldest first (ties in the order written). */
const timedMessagesOf = (threads: string) => `
  SELECT m."threadId", m."id", m."createdAt", m."authorId", u."name" AS "authorName", u."role"
    FROM ${threads} t
    JOIN "Message" m ON m."threadId" = t."id"
    LEFT JOIN "User" u ON u."id" = m."authorId"
    ORDER BY m."threadId", m."createdAt", m.rowid`;

/** The timed messages of the threads of a JSON array of ids. */
const TIMED_MESSAGES_SQL = timedMessagesOf(`(SELECT "value" AS "id" FROM json_each(?))`);

/** The timed messages of each thread, oldest first. */
function messagesByThread(rows: readonly TimedRow[]) {
  const byThread = new Map<string, Array<TimedRow & { at: Date }>>();
  for (const row of rows) {
    const list = byThread.get(row.threadId) ?? [];
    list.push({ ...row, at: toDate(row.createdAt)! });
    byThread.set(row.threadId, list);
  }
  return byThread;
}

/** Response times of one thread's timed messages (oldest first). */
function responseOf(messages: ReadonlyArray<{ id: string; at: Date; role: string | null }>) {
  return responseInfo(messages.map((m) => ({ id: m.id, createdAt: m.at, side: sideOfRole(m.role) })));
}

/**
 * Threads matching `where`, newest activity first, with unread counts for `viewerId`. The list is
 * one query for the ids and two kept statements for the rest (issue 16: Prisma's nested include
 * took six statements and read the body of every message ever written in the threads).
 */
export async function threadSummaries(
  where: Prisma.ThreadWhereInput,
  viewerId: string,
  options: { take?: number } = {},
): Promise<ThreadSummary[]> {
  const ids = await db.thread.findMany({
    where,
    orderBy: { lastMessageAt: "desc" },
    take: options.take,
    select: { id: true },
  });
  return summariesOfThreads(
    ids.map((t) => t.id),
    viewerId,
  );
}

/** The summaries of these threads (ids), in that order, for `viewerId`: two kept statements. */
export async function summariesOfThreads(threadIds: readonly string[], viewerId: string): Promise<ThreadSummary[]> {
  if (threadIds.length === 0) return [];
  const idList = JSON.stringify(threadIds);
  const [threads, timedRows] = await Promise.all([
    cachedRead<SummaryRow>(db, SUMMARY_SQL, [idList, viewerId]),
    cachedRead<TimedRow>(db, TIMED_MESSAGES_SQL, [idList]),
  ]);
  const messagesOf = messagesByThread(timedRows);
  return threads.map((t) => {
    const messages = messagesOf.get(t.id) ?? [];
    const info = responseOf(messages);
    const lastReadAt = toDate(t.lastReadAt);
    const unread = messages.filter((m) => m.authorId !== viewerId && (!lastReadAt || m.at > lastReadAt)).length;
    const last = messages.find((m) => m.id === t.lastMessageId);
    return {
      id: t.id,
      kind: t.kind,
      subject: t.subject,
      status: t.status,
      createdAt: toDate(t.createdAt)!,
      lastMessageAt: toDate(t.lastMessageAt)!,
      employerId: t.employerId,
      employerName: t.employerName,
      createdByName: t.createdByName,
      messageCount: messages.length,
      unread,
      lastMessage: last
        ? {
            body: t.lastBody ?? "",
            authorName: last.authorName ?? "Okänd avsändare",
            side: sideOfRole(last.role),
            createdAt: last.at,
          }
        : null,
      waitingSince: info.waitingSince,
      firstAnswer: info.firstAnswer,
      lastAnswer: info.lastAnswer,
    };
  });
}

/** The timed messages of an organisation's newest questions. */
const RECENT_QUESTIONS_TIMED_SQL = timedMessagesOf(
  `(SELECT "id" FROM "Thread" WHERE "organizationId" = ? AND "kind" = 'question' ORDER BY "createdAt" DESC LIMIT ?)`,
);

/** The first answer's delay (ms) of each of the organisation's `count` newest questions that has one. */
export async function firstAnswerDelays(organizationId: string, count: number): Promise<number[]> {
  const rows = await cachedRead<TimedRow>(db, RECENT_QUESTIONS_TIMED_SQL, [organizationId, count]);
  return [...messagesByThread(rows).values()]
    .map((messages) => responseOf(messages).firstAnswer?.afterMs)
    .filter((v): v is number => v != null);
}
