// Replies by email (docs/decisions/0011): the user and thread a signed reply address points at, and
// posting a received reply as a thread message. emails/inbound.server.ts does the SMTP side
// (receiving, verifying the address, stripping quoted text) and calls this module only.
import { kickOutbox, enqueueEmail } from "../../emails/outbox.server.ts";
import { supportPaths } from "~/domain/support.ts";
import { MESSAGE_MAX, messageBodyField } from "~/domain/threads.ts";
import { db, type DbOrTx } from "./db.server.ts";
import { absoluteUrl } from "./env.server.ts";
import { notifyPlacementMessage, threadPathFor } from "./notifications.server.ts";
import { notifyQuestionMessage } from "./questions.server.ts";
import { addMessage, threadFields } from "./threads.server.ts";

/** A reply longer than a thread message is cut, with this note at the end. */
const TRUNCATED = "\n\n[Svaret var för långt och har kortats. Läs hela i mejlet.]";

const userSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  organizationId: true,
  employerId: true,
  deactivatedAt: true,
} as const;
const threadSelect = {
  ...threadFields,
  employer: { select: { name: true, contactCoach: { select: { name: true, phone: true, email: true } } } },
  placement: {
    select: { status: true, participant: { select: { coach: { select: { name: true, phone: true, email: true } } } } },
  },
} as const;

/**
 * The user and thread of a verified reply address, when the user may still post in the thread:
 * active, and on one of its two sides (the employer's users, or the organisation's staff). Null otherwise.
 */
export async function loadReplyTarget(address: { userId: string; threadId: string }) {
  const [user, thread] = await Promise.all([
    db.user.findUnique({ where: { id: address.userId }, select: userSelect }),
    db.thread.findUnique({ where: { id: address.threadId }, select: threadSelect }),
  ]);
  const mayPost =
    user &&
    thread &&
    !user.deactivatedAt &&
    ((user.role === "employer" && user.employerId === thread.employerId) ||
      ((user.role === "coach" || user.role === "admin") &&
        user.organizationId != null &&
        user.organizationId === thread.organizationId));
  return mayPost ? { user: user!, thread: thread! } : null;
}
export type ReplyTarget = NonNullable<Awaited<ReturnType<typeof loadReplyTarget>>>;

export type PostedReplyOutcome = "posted" | "duplicate" | "closed" | "empty";

function side(role: string): "employer" | "staff" {
  return role === "employer" ? "employer" : "staff";
}

/** The polite answer: not posted, and where to turn instead. Sent to the user's own address only. */
async function answerNotPosted(tx: DbOrTx, target: ReplyTarget, reason: "closed" | "empty") {
  const { user, thread } = target;
  if (!user.email) return;
  const s = side(user.role);
  const coach = thread.placement?.participant.coach ?? thread.employer.contactCoach ?? null;
  const contact = s === "employer" && coach ? [coach.name, coach.phone, coach.email].filter(Boolean).join(", ") : null;
  const toNewQuestion = reason === "closed" && s === "employer";
  await enqueueEmail(tx, {
    template: "replyNotPosted",
    to: user.email,
    data: {
      recipientName: user.name,
      subject: thread.subject,
      reason,
      url: absoluteUrl(toNewQuestion ? supportPaths.employerNewQuestion : threadPathFor(thread, s)),
      actionLabel: toNewQuestion ? "Skriv en ny fråga till coachen" : "Öppna konversationen i Brygga",
      contact,
    },
  });
}

/**
 * Post the text of an emailed reply (quoted history already removed) as the user's message in the
 * thread (cut to the longest message), and notify the other side. A closed thread or an empty reply is not posted: the user gets a
 * polite answer by email instead. A mail received twice (same Message-ID) is posted once.
 */
export async function postReplyFromEmail(
  target: ReplyTarget,
  reply: { text: string; messageId: string | null },
): Promise<PostedReplyOutcome> {
  const { user, thread } = target;
  const closed = thread.status === "closed" || thread.placement?.status === "ended";
  let text = reply.text;
  if (text.length > MESSAGE_MAX) text = text.slice(0, MESSAGE_MAX - TRUNCATED.length).trimEnd() + TRUNCATED;
  const body = messageBodyField.safeParse(text);
  const messageId = reply.messageId;

  if (closed || !body.success) {
    const reason = closed ? "closed" : "empty";
    await db.$transaction((tx) => answerNotPosted(tx, target, reason));
    kickOutbox();
    return reason;
  }
  try {
    await db.$transaction(async (tx) => {
      const message = await addMessage(tx, {
        threadId: thread.id,
        authorId: user.id,
        body: body.data,
        visibility: "employer",
        via: "email",
        emailMessageId: messageId,
      });
      if (thread.kind === "placement") await notifyPlacementMessage(tx, thread, message, user);
      else
        await notifyQuestionMessage(
          tx,
          user,
          {
            id: thread.id,
            subject: thread.subject,
            employerId: thread.employerId,
            organizationId: thread.organizationId,
            employer: { name: thread.employer.name },
          },
          body.data,
          message.id,
        );
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return "duplicate";
    throw error;
  }
  kickOutbox();
  return "posted";
}
