// "Fråga coachen" (docs/product-rules.md#employer-support-thread): an employer asks at any time, also before any placement. The
// question opens a thread with the employer's coaching organisation; the contact coach — or the
// organisation's shared inbox when there is none — is told by email (through the outbox); any
// coach of the organisation answers in Brygga and the employer is told by email.
import { currentTime } from "./clock.server.ts";
import { enqueueEmail, kickOutbox } from "../../emails/outbox.server.ts";
import { replyAddress } from "../../emails/reply-address.server.ts";
import { excerpt, formatDuration, medianMs, parseMessage, responseInfo, sideOfRole } from "~/domain/threads.ts";
import { formValues } from "~/domain/forms.ts";
import type { SessionUser } from "./auth.server.ts";
import { db, type DbOrTx } from "./db.server.ts";
import { absoluteUrl } from "./env.server.ts";
import { newFormKey } from "./form-key.server.ts";
import {
  addMessage,
  createThread,
  firstAnswerDelays,
  isDuplicatePost,
  loadThreadMessages,
  markThreadRead,
  messageFromForm,
  requireThreadForUser,
  setThreadStatus,
  threadSummaries,
  type ThreadSummary,
} from "./threads.server.ts";
import type { FormRefusal, Ok, Result } from "~/domain/result.ts";

const EXCERPT_LENGTH = 500;

export function employerQuestionPath(threadId: string) {
  return `/arbetsgivare/fragor/${threadId}`;
}
export function coachQuestionPath(threadId: string) {
  return `/coach/fragor/${threadId}`;
}

export type QuestionRecipient = {
  organizationId: string;
  organizationName: string;
  /** The named contact coach, when the employer has an active one in the organisation. */
  coach: {
    id: string;
    name: string;
    email: string | null;
    phone: string | null;
    title: string | null;
    notify: string;
  } | null;
  sharedInboxEmail: string | null;
};

/** Who answers this employer's questions; null when the employer is not linked to a coaching organisation. */
export async function questionRecipient(tx: DbOrTx, employerId: string): Promise<QuestionRecipient | null> {
  const employer = await tx.employer.findUnique({
    where: { id: employerId },
    select: {
      organization: { select: { id: true, name: true, sharedInboxEmail: true } },
      contactCoach: {
        select: {
          id: true,
          name: true,
          email: true,
          phone: true,
          title: true,
          notifyMessages: true,
          organizationId: true,
          deactivatedAt: true,
        },
      },
    },
  });
  const organization = employer?.organization;
  if (!organization) return null;
  const c = employer.contactCoach;
  const coach =
    c && !c.deactivatedAt && c.organizationId === organization.id
      ? { id: c.id, name: c.name, email: c.email, phone: c.phone, title: c.title, notify: c.notifyMessages }
      : null;
  return {
    organizationId: organization.id,
    organizationName: organization.name,
    coach,
    sharedInboxEmail: organization.sharedInboxEmail,
  };
}

/** What an employer may see of the recipient: names and contact details, not settings. */
export function recipientForEmployer(recipient: QuestionRecipient | null) {
  if (!recipient) return null;
  const { coach } = recipient;
  return {
    organizationName: recipient.organizationName,
    sharedInboxEmail: recipient.sharedInboxEmail,
    coach: coach ? { name: coach.name, email: coach.email, phone: coach.phone, title: coach.title } : null,
  };
}

/**
 * Where the staff notification goes now: the contact coach's email when they want one per message;
 * nothing when they chose the daily digest (sendDueDigests covers it); the shared inbox when they
 * turned mail off or there is no contact coach. `userId` is set for a person (for the reply address).
 */
function staffAddress(recipient: QuestionRecipient): { to: string; name: string | null; userId: string | null } | null {
  if (recipient.coach?.email && recipient.coach.notify === "each")
    return { to: recipient.coach.email, name: recipient.coach.name, userId: recipient.coach.id };
  if (recipient.coach?.email && recipient.coach.notify === "digest") return null;
  if (recipient.sharedInboxEmail) return { to: recipient.sharedInboxEmail, name: null, userId: null };
  return null;
}

export type AskResult = Result<{ threadId: string; notified: string | null }>;

export async function askQuestion(
  user: SessionUser & { employerId: string },
  input: { subject: string; body: string; formKey?: string | null },
): Promise<AskResult> {
  try {
    return await askOnce(user, input);
  } catch (error) {
    // The same form posted twice at once: the other post created the question.
    const posted = isDuplicatePost(error) ? await messageFromForm(db, input.formKey) : null;
    if (!posted) throw error;
    return { ok: true, threadId: posted.threadId, notified: null };
  }
}

async function askOnce(
  user: SessionUser & { employerId: string },
  input: { subject: string; body: string; formKey?: string | null },
): Promise<AskResult> {
  const result = await db.$transaction(async (tx): Promise<AskResult> => {
    // A second post of the same form (double click): the question exists, nobody is told again.
    const posted = await messageFromForm(tx, input.formKey);
    if (posted) return { ok: true, threadId: posted.threadId, notified: null };
    const recipient = await questionRecipient(tx, user.employerId);
    if (!recipient)
      return {
        ok: false,
        message:
          "Ni är inte kopplade till någon coachorganisation ännu, så frågan kan inte skickas. Ring eller mejla er kontakt.",
      };
    const employer = await tx.employer.findUniqueOrThrow({ where: { id: user.employerId }, select: { name: true } });
    const { thread } = await createThread(tx, {
      kind: "question",
      employerId: user.employerId,
      organizationId: recipient.organizationId,
      subject: input.subject,
      createdById: user.id,
      body: input.body,
      formKey: input.formKey,
    });
    const address = staffAddress(recipient);
    if (address) {
      const reply = address.userId ? replyAddress(thread.id, address.userId) : null;
      await enqueueEmail(tx, {
        template: "employerQuestion",
        to: address.to,
        replyTo: reply,
        data: {
          replyable: reply !== null,
          recipientName: address.name,
          employerName: employer.name,
          askerName: user.name,
          subject: input.subject,
          excerpt: excerpt(input.body, EXCERPT_LENGTH),
          url: absoluteUrl(coachQuestionPath(thread.id)),
          followUp: false,
        },
      });
    }
    return { ok: true, threadId: thread.id, notified: address ? (address.name ?? address.to) : null };
  });
  if (result.ok) kickOutbox();
  return result;
}

type QuestionThread = {
  id: string;
  subject: string;
  employerId: string;
  organizationId: string | null;
  employer: { name: string };
};

/**
 * A new message in a question thread, from either side; the other side is told by email.
 * An employer's message reopens a closed question. A second post of the same form (`formKey`)
 * creates nothing and tells nobody again.
 */
export async function postToQuestion(
  user: SessionUser,
  thread: QuestionThread,
  body: string,
  formKey?: string | null,
): Promise<Ok> {
  const side = sideOfRole(user.role);
  try {
    await db.$transaction(async (tx) => {
      if (await messageFromForm(tx, formKey)) return;
      const message = await addMessage(tx, { threadId: thread.id, authorId: user.id, body, formKey });
      if (side === "employer") await notifyStaff(tx, user, thread, body);
      else if (side === "staff") await notifyEmployer(tx, user, thread, body, message.id);
    });
  } catch (error) {
    if (!isDuplicatePost(error)) throw error;
  }
  kickOutbox();
  return { ok: true };
}

/** Tell the other side about a message already added to a question thread (web or email reply). */
export async function notifyQuestionMessage(
  tx: DbOrTx,
  author: { id: string; name: string; role: string },
  thread: QuestionThread,
  body: string,
  messageId: string,
) {
  const side = sideOfRole(author.role);
  if (side === "employer") await notifyStaff(tx, author, thread, body);
  else if (side === "staff") await notifyEmployer(tx, author, thread, body, messageId);
}

async function notifyStaff(tx: DbOrTx, author: { name: string }, thread: QuestionThread, body: string) {
  const recipient = await questionRecipient(tx, thread.employerId);
  if (!recipient || recipient.organizationId !== thread.organizationId) return;
  const address = staffAddress(recipient);
  if (!address) return;
  const reply = address.userId ? replyAddress(thread.id, address.userId) : null;
  await enqueueEmail(tx, {
    template: "employerQuestion",
    to: address.to,
    replyTo: reply,
    data: {
      replyable: reply !== null,
      recipientName: address.name,
      employerName: thread.employer.name,
      askerName: author.name,
      subject: thread.subject,
      excerpt: excerpt(body, EXCERPT_LENGTH),
      url: absoluteUrl(coachQuestionPath(thread.id)),
      followUp: true,
    },
  });
}

async function notifyEmployer(
  tx: DbOrTx,
  author: { name: string },
  thread: QuestionThread,
  body: string,
  messageId: string,
) {
  const messages = await tx.message.findMany({
    where: { threadId: thread.id },
    select: { id: true, createdAt: true, authorId: true, author: { select: { role: true } } },
  });
  const info = responseInfo(
    messages.map((m) => ({ id: m.id, createdAt: m.createdAt, side: sideOfRole(m.author?.role) })),
  );
  const waited = info.responseMs[messageId];
  // The employer people in the conversation; everyone at the employer when none can be reached.
  const participantIds = [
    ...new Set(messages.filter((m) => m.author?.role === "employer" && m.authorId).map((m) => m.authorId!)),
  ];
  // Those who chose the daily digest hear about it there; "off" means no mail.
  const active = { employerId: thread.employerId, role: "employer", deactivatedAt: null, email: { not: null } };
  const select = { id: true, name: true, email: true, notifyMessages: true } as const;
  let people = await tx.user.findMany({ where: { ...active, id: { in: participantIds } }, select });
  if (people.length === 0) people = await tx.user.findMany({ where: active, select });
  const recipients = people.filter((p) => p.notifyMessages === "each");
  const organization = thread.organizationId
    ? await tx.organization.findUnique({ where: { id: thread.organizationId }, select: { name: true } })
    : null;
  for (const r of recipients) {
    const reply = replyAddress(thread.id, r.id);
    await enqueueEmail(tx, {
      template: "questionAnswered",
      to: r.email!,
      replyTo: reply,
      data: {
        replyable: reply !== null,
        recipientName: r.name,
        coachName: author.name,
        organizationName: organization?.name ?? "coachorganisationen",
        subject: thread.subject,
        excerpt: excerpt(body, EXCERPT_LENGTH),
        url: absoluteUrl(employerQuestionPath(thread.id)),
        responseTime: waited != null ? formatDuration(waited) : null,
      },
    });
  }
}

export async function setQuestionStatus(threadId: string, status: "open" | "closed") {
  await db.$transaction((tx) => setThreadStatus(tx, threadId, status));
}

// ───────────── lists ─────────────

export type QuestionState = "waiting" | "answered" | "closed";

export function questionState(t: Pick<ThreadSummary, "status" | "waitingSince">): QuestionState {
  if (t.status === "closed") return "closed";
  return t.waitingSince ? "waiting" : "answered";
}

/** The employer's questions to the coach, newest activity first. */
export async function listEmployerThreads(employerId: string, viewerId: string, options: { take?: number } = {}) {
  return threadSummaries({ employerId, kind: "question" }, viewerId, options);
}

/**
 * The organisation's questions for the coaches: those waiting for an answer, oldest wait first;
 * then answered and closed ones, newest first.
 */
export async function listOrganizationQuestions(
  organizationId: string,
  viewerId: string,
  options: { contactCoachId?: string } = {},
) {
  const where = {
    organizationId,
    kind: "question",
    ...(options.contactCoachId ? { employer: { contactCoachId: options.contactCoachId } } : {}),
  };
  const [open, closed] = await Promise.all([
    threadSummaries({ ...where, status: "open" }, viewerId),
    threadSummaries({ ...where, status: "closed" }, viewerId, { take: 50 }),
  ]);
  const waiting = open
    .filter((t) => t.waitingSince)
    .sort((a, b) => a.waitingSince!.getTime() - b.waitingSince!.getTime());
  const answered = open.filter((t) => !t.waitingSince);
  return { waiting, answered, closed };
}

/** The organisation's typical (median) time to first answer over its 50 newest questions. */
export async function typicalResponseMs(organizationId: string): Promise<number | null> {
  return medianMs(await firstAnswerDelays(organizationId, 50));
}

// ───────────── the question page (employer and coach) ─────────────

/** Everything a question page shows; reading it marks the thread read for the viewer. */
export async function loadQuestionPage(user: SessionUser, threadId: string | undefined) {
  const thread = await requireThreadForUser(user, threadId, { kind: "question" });
  const messages = await loadThreadMessages(thread.id);
  const info = responseInfo(messages.map((m) => ({ id: m.id, createdAt: m.createdAt, side: m.side })));
  await markThreadRead(db, thread.id, user.id);
  return {
    formKey: newFormKey(),
    thread: {
      id: thread.id,
      subject: thread.subject,
      status: thread.status,
      createdAt: thread.createdAt,
      employerId: thread.employer.id,
      employerName: thread.employer.name,
      organizationName: thread.organization?.name ?? "Coachorganisationen",
      createdByName: thread.createdBy?.name ?? null,
    },
    messages,
    waitingSince: info.waitingSince,
    lastAnswer: info.lastAnswer,
    now: currentTime(),
  };
}

export type QuestionActionResult = Result<
  { notice: "skickat" | "avslutad" | "oppnad" },
  FormRefusal & { status: number }
>;

/** reply (either side), close or reopen. */
export async function questionAction(
  user: SessionUser,
  threadId: string | undefined,
  formData: FormData,
): Promise<QuestionActionResult> {
  const thread = await requireThreadForUser(user, threadId, { kind: "question" });
  const values = formValues(formData);
  switch (values.intent) {
    case "close":
      await setQuestionStatus(thread.id, "closed");
      return { ok: true, notice: "avslutad" };
    case "reopen":
      await setQuestionStatus(thread.id, "open");
      return { ok: true, notice: "oppnad" };
    case "reply":
    case undefined: {
      const form = parseMessage(values);
      if (!form.ok) return { ok: false, status: 400, errors: form.errors, values: form.values };
      await postToQuestion(
        user,
        {
          id: thread.id,
          subject: thread.subject,
          employerId: thread.employerId,
          organizationId: thread.organizationId,
          employer: { name: thread.employer.name },
        },
        form.data.body,
        form.data.formKey,
      );
      return { ok: true, notice: "skickat" };
    }
    default:
      return { ok: false, status: 400, errors: {}, values };
  }
}
