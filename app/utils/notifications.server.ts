// Who hears about new messages, and how (docs/product-rules.md#employer-support-thread, issue 6). Each user chooses: an email for
// each message, a daily digest, or no email (User.notifyMessages). Notifications go to the
// thread's followers on the other side of the conversation:
//   - staff: the participant's coach (placement threads) or the employer's contact coach
//     (questions), and every active coach/admin of the organisation who wrote in the thread;
//   - employer: the employer's active users who wrote in the thread, or all of them when none has.
// Every mail goes through the outbox; each carries the recipient's signed reply address when
// replies by email are set up (emails/reply-address.server.ts).
import { currentTime } from "./clock.server.ts";
import { enqueueEmail, kickOutbox } from "../../emails/outbox.server.ts";
import { replyAddress } from "../../emails/reply-address.server.ts";
import { supportPaths } from "~/domain/support.ts";
import { excerpt, sideOfRole, type Side } from "~/domain/threads.ts";
import { db, type DbOrTx } from "./db.server.ts";
import { absoluteUrl, getEnv } from "./env.server.ts";
import { addDays, DAY_MS, dayKey, swedishDateTime, todayDate } from "~/domain/swedish-time.ts";

const EXCERPT_LENGTH = 500;
const DIGEST_EXCERPTS = 3;

export type Follower = { id: string; name: string; email: string | null; notifyMessages: string; side: Side };

type ThreadForFollowers = {
  id: string;
  kind: string;
  employerId: string;
  organizationId: string | null;
  placementId: string | null;
};

/** Where a side reads the thread. */
export function threadPathFor(thread: { id: string; kind: string; placementId: string | null }, side: Side): string {
  if (thread.kind === "placement" && thread.placementId) {
    return side === "employer"
      ? supportPaths.employerPlacement(thread.placementId)
      : supportPaths.coachPlacement(thread.placementId);
  }
  return side === "employer" ? `/arbetsgivare/fragor/${thread.id}` : `/coach/fragor/${thread.id}`;
}

const followerSelect = {
  id: true,
  name: true,
  email: true,
  notifyMessages: true,
  role: true,
  organizationId: true,
  employerId: true,
  deactivatedAt: true,
} as const;

/** The thread's followers on both sides (active users only). */
export async function threadFollowers(tx: DbOrTx, thread: ThreadForFollowers): Promise<Follower[]> {
  const [authors, extra] = await Promise.all([
    tx.message.findMany({
      where: { threadId: thread.id, authorId: { not: null } },
      distinct: ["authorId"],
      select: { author: { select: followerSelect } },
    }),
    thread.kind === "placement" && thread.placementId
      ? tx.placement
          .findUnique({
            where: { id: thread.placementId },
            select: { participant: { select: { coach: { select: followerSelect } } } },
          })
          .then((p) => p?.participant.coach ?? null)
      : tx.employer
          .findUnique({ where: { id: thread.employerId }, select: { contactCoach: { select: followerSelect } } })
          .then((e) => e?.contactCoach ?? null),
  ]);
  type Row = NonNullable<(typeof authors)[number]["author"]>;
  const isStaff = (u: Row) =>
    (u.role === "coach" || u.role === "admin") &&
    !u.deactivatedAt &&
    u.organizationId != null &&
    u.organizationId === thread.organizationId;
  const isEmployer = (u: Row) => u.role === "employer" && !u.deactivatedAt && u.employerId === thread.employerId;

  const byId = new Map<string, Follower>();
  const add = (u: Row, side: Side) =>
    byId.set(u.id, { id: u.id, name: u.name, email: u.email, notifyMessages: u.notifyMessages, side });
  if (extra && isStaff(extra)) add(extra, "staff");
  for (const { author } of authors) {
    if (!author) continue;
    if (isStaff(author)) add(author, "staff");
    else if (isEmployer(author)) add(author, "employer");
  }
  if (![...byId.values()].some((f) => f.side === "employer")) {
    const everyone = await tx.user.findMany({
      where: { employerId: thread.employerId, role: "employer", deactivatedAt: null },
      select: followerSelect,
      orderBy: { createdAt: "asc" },
    });
    for (const u of everyone) add(u, "employer");
  }
  return [...byId.values()];
}

type MessageForNotice = { id: string; body: string; visibility: string };
type AuthorForNotice = { id: string; name: string; role: string };

/**
 * A new message in a placement's support thread: each follower on the other side who wants an
 * email per message gets one (through the outbox, inside the caller's transaction). Returns how
 * many were queued. Call kickOutbox() after the transaction.
 */
export async function notifyPlacementMessage(
  tx: DbOrTx,
  thread: ThreadForFollowers & { subject: string },
  message: MessageForNotice,
  author: AuthorForNotice,
): Promise<number> {
  const authorSide = sideOfRole(author.role);
  if (!authorSide) return 0;
  const followers = await threadFollowers(tx, thread);
  const recipients = followers.filter(
    (f) => f.side !== authorSide && f.id !== author.id && f.email && f.notifyMessages === "each",
  );
  if (recipients.length === 0) return 0;
  const authorOrganization =
    authorSide === "employer"
      ? ((await tx.employer.findUnique({ where: { id: thread.employerId }, select: { name: true } }))?.name ??
        "arbetsgivaren")
      : thread.organizationId
        ? ((await tx.organization.findUnique({ where: { id: thread.organizationId }, select: { name: true } }))?.name ??
          "coachorganisationen")
        : "coachorganisationen";
  for (const r of recipients) {
    const reply = replyAddress(thread.id, r.id);
    await enqueueEmail(tx, {
      template: "threadMessage",
      to: r.email!,
      replyTo: reply,
      data: {
        recipientName: r.name,
        authorName: author.name,
        authorOrganization,
        subject: thread.subject,
        excerpt: excerpt(message.body, EXCERPT_LENGTH),
        url: absoluteUrl(threadPathFor(thread, r.side)),
        shared: message.visibility === "shared",
        replyable: reply !== null,
      },
    });
  }
  return recipients.length;
}

// ───────────── the daily digest ─────────────

/** The latest digest time at or before `now`: today at DIGEST_HOUR Swedish time, or yesterday's. */
export function digestCutoff(now: Date = currentTime(), hour = getEnv().DIGEST_HOUR): Date {
  const today = todayDate(now);
  const todayAt = swedishDateTime(dayKey(today), `${hour}:00`)!;
  if (todayAt.getTime() <= now.getTime()) return todayAt;
  return swedishDateTime(dayKey(addDays(today, -1)), `${hour}:00`)!;
}

export type DigestResult = { users: number; sent: number };

/**
 * Send the daily digest to every user who chose one and has not had today's: the messages from the
 * other side in the threads they follow, since their last digest, that they have not read. Each
 * user is claimed with a compare-and-set on digestSentAt, so two servers never send the same digest.
 */
export async function sendDueDigests(options: { now?: Date } = {}): Promise<DigestResult> {
  const now = options.now ?? currentTime();
  const cutoff = digestCutoff(now);
  const users = await db.user.findMany({
    where: {
      notifyMessages: "digest",
      deactivatedAt: null,
      email: { not: null },
      role: { in: ["coach", "admin", "employer"] },
      OR: [{ digestSentAt: null }, { digestSentAt: { lt: cutoff } }],
    },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      organizationId: true,
      employerId: true,
      digestSentAt: true,
    },
  });
  const result: DigestResult = { users: 0, sent: 0 };
  for (const user of users) {
    const sent = await db.$transaction(async (tx) => {
      const claim = await tx.user.updateMany({
        where: { id: user.id, digestSentAt: user.digestSentAt },
        data: { digestSentAt: now },
      });
      if (claim.count !== 1) return null;
      const since = user.digestSentAt ?? new Date(now.getTime() - DAY_MS);
      return enqueueDigest(tx, user, since, now);
    });
    if (sent === null) continue;
    result.users++;
    if (sent) result.sent++;
  }
  if (result.sent > 0) kickOutbox();
  return result;
}

type DigestUser = {
  id: string;
  name: string;
  email: string | null;
  role: string;
  organizationId: string | null;
  employerId: string | null;
};

async function enqueueDigest(tx: DbOrTx, user: DigestUser, since: Date, now: Date): Promise<boolean> {
  const side = sideOfRole(user.role);
  const scope =
    side === "employer" && user.employerId
      ? { employerId: user.employerId }
      : side === "staff" && user.organizationId
        ? { organizationId: user.organizationId }
        : null;
  if (!scope || !user.email) return false;
  const threads = await tx.thread.findMany({
    where: { ...scope, lastMessageAt: { gt: since } },
    orderBy: { lastMessageAt: "desc" },
    select: {
      id: true,
      kind: true,
      subject: true,
      employerId: true,
      organizationId: true,
      placementId: true,
      reads: { where: { userId: user.id }, select: { lastReadAt: true } },
      messages: {
        where: { createdAt: { gt: since, lte: now }, authorId: { not: user.id } },
        orderBy: { createdAt: "asc" },
        select: { body: true, createdAt: true, author: { select: { name: true, role: true } } },
      },
    },
  });
  const items = [];
  for (const t of threads) {
    const lastRead = t.reads[0]?.lastReadAt ?? null;
    const fresh = t.messages.filter(
      (m) => sideOfRole(m.author?.role) !== side && (!lastRead || m.createdAt > lastRead),
    );
    if (fresh.length === 0) continue;
    const followers = await threadFollowers(tx, t);
    if (!followers.some((f) => f.id === user.id)) continue;
    items.push({
      subject: t.subject,
      count: fresh.length,
      latest: fresh
        .slice(-DIGEST_EXCERPTS)
        .map((m) => ({ authorName: m.author?.name ?? "Okänd avsändare", excerpt: excerpt(m.body, 300) })),
      url: absoluteUrl(threadPathFor(t, side!)),
    });
  }
  if (items.length === 0) return false;
  await enqueueEmail(tx, {
    template: "messageDigest",
    to: user.email,
    data: {
      recipientName: user.name,
      threads: items.slice(0, 100),
      settingsUrl: absoluteUrl(side === "employer" ? supportPaths.employerSettings : supportPaths.coachSettings),
    },
  });
  return true;
}

export type DigestScheduler = { stop(): Promise<void> };

/** Check every few minutes whether a digest is due (started by server/index.ts). Errors are logged. */
export function startDigestScheduler(
  options: { intervalMs?: number; logger?: Pick<Console, "error"> } = {},
): DigestScheduler {
  const intervalMs = options.intervalMs ?? 5 * 60_000;
  const logger = options.logger ?? console;
  let running: Promise<unknown> | null = null;
  const run = () => {
    if (running) return;
    running = sendDueDigests()
      .catch((error: unknown) => logger.error("[digest] run failed:", error))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref?.();
  const first = setTimeout(run, 10_000);
  first.unref?.();
  return {
    async stop() {
      clearInterval(timer);
      clearTimeout(first);
      await running;
    },
  };
}

/** Save how a user hears about messages. Switching to the digest starts it from now (nothing already mailed again). */
export async function saveNotifySetting(
  userId: string,
  notifyMessages: "each" | "digest" | "off",
  now = currentTime(),
) {
  const current = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { notifyMessages: true } });
  await db.user.update({
    where: { id: userId },
    data: {
      notifyMessages,
      ...(notifyMessages === "digest" && current.notifyMessages !== "digest" ? { digestSentAt: now } : {}),
    },
  });
}
