// Follow-along support for a placement (docs/product-rules.md#placement-and-support, #employer-support-thread, issue 6): who may see a placement, the
// placement page for each audience, the support thread (messages shared with the participant or
// not), the support plan and check-ins and practice extensions. Ending support is in
// end-support.server.ts (it cancels meetings, which build on this module).
//
// Access: the organisation's coaches and admins (staff), the employer's users, and the participant
// themself (shared messages and meetings only). Everyone else gets a 404, so another
// organisation's or employer's placements are not revealed.
import { currentTime } from "./clock.server.ts";
import { kickOutbox } from "../../emails/outbox.server.ts";
import { meetingState, nextCheckInAfter, placementFlags, type CheckInInput, type PlanInput } from "~/domain/support.ts";
import { backdatedDetail, dateOrderProblem, isBackdated } from "~/domain/date-order.ts";
import { formatDuration, medianMs, responseInfo, sideOfRole } from "~/domain/threads.ts";
import { phaseForPlacementKind } from "./placements.server.ts";
import { audit } from "./audit.server.ts";
import { type SessionUser } from "./auth.server.ts";
import { db, parseJson, type DbOrTx, type Prisma } from "./db.server.ts";
import { notifyPlacementMessage } from "./notifications.server.ts";
import { changePhase } from "./participants.server.ts";
import { loadPresentation } from "./proposals.server.ts";
import { newFormKey } from "./form-key.server.ts";
import {
  addMessage,
  isDuplicatePost,
  loadThreadMessages,
  markThreadRead,
  messageFromForm,
  summariesOfThreads,
  threadSummaries,
} from "./threads.server.ts";
import { notFound } from "./responses.server.ts";
import { threadFields } from "./threads.server.ts";
import { dayKey } from "~/domain/swedish-time.ts";
import { fail, ok, type FieldRefusal, type Result } from "~/domain/result.ts";
import { participantDates } from "./participant-dates.server.ts";
import { cachedRead } from "./read-connection.server.ts";
import { toDate, toInt, toSqlDate, type SqlDate, type SqlInt } from "./raw-values.ts";

export type Audience = "staff" | "employer" | "participant";

export const placementInclude = {
  opening: {
    select: {
      id: true,
      title: true,
      kind: true,
      employerId: true,
      employmentSupport: true,
      employer: { select: { id: true, name: true, phone: true, organizationId: true } },
      workplace: { select: { name: true, street: true, postalCode: true, municipality: { select: { name: true } } } },
    },
  },
  participant: {
    select: {
      id: true,
      pseudonym: true,
      organizationId: true,
      coachId: true,
      phase: true,
      email: true,
      erasedAt: true,
      user: { select: { email: true } },
      coach: { select: { id: true, name: true, email: true, phone: true, title: true } },
    },
  },
  thread: {
    select: threadFields,
  },
} as const;

/** A placement with what its pages and services read (placementInclude's shape). */
export type LoadedPlacement = Prisma.PlacementGetPayload<{ include: typeof placementInclude }>;

/** One placement with its opening, employer, workplace, participant, coach and thread (placementInclude). */
const PLACEMENT_SQL = `
  SELECT pl."id", pl."proposalId", pl."participantId", pl."openingId", pl."kind", pl."startDate", pl."endDate",
      pl."hoursPerWeek", pl."supervisorName", pl."purpose", pl."status", pl."supportIntensity", pl."nextCheckInAt",
      pl."endedAt", pl."endReason", pl."externalRef", pl."createdAt",
      o."title" AS "openingTitle", o."kind" AS "openingKind", o."employerId", o."employmentSupport",
      e."name" AS "employerName", e."phone" AS "employerPhone", e."organizationId" AS "employerOrganizationId",
      w."name" AS "workplaceName", w."street", w."postalCode", m."name" AS "municipalityName",
      p."pseudonym", p."organizationId", p."coachId", p."phase", p."email" AS "participantEmail", p."erasedAt",
      pu."id" AS "userId", pu."email" AS "userEmail",
      c."id" AS "coachUserId", c."name" AS "coachName", c."email" AS "coachEmail", c."phone" AS "coachPhone", c."title" AS "coachTitle",
      t."id" AS "threadId", t."kind" AS "threadKind", t."status" AS "threadStatus", t."subject" AS "threadSubject",
      t."employerId" AS "threadEmployerId", t."organizationId" AS "threadOrganizationId"
    FROM "Placement" pl
    JOIN "Opening" o ON o."id" = pl."openingId"
    JOIN "Employer" e ON e."id" = o."employerId"
    JOIN "Workplace" w ON w."id" = o."workplaceId"
    JOIN "Municipality" m ON m."code" = w."municipalityCode"
    JOIN "Participant" p ON p."id" = pl."participantId"
    LEFT JOIN "User" pu ON pu."id" = p."userId"
    LEFT JOIN "User" c ON c."id" = p."coachId"
    LEFT JOIN "Thread" t ON t."placementId" = pl."id"
    WHERE pl."id" = ?`;

type PlacementRow = {
  id: string;
  proposalId: string | null;
  participantId: string;
  openingId: string;
  kind: string;
  startDate: SqlDate;
  endDate: SqlDate;
  hoursPerWeek: SqlInt | null;
  supervisorName: string | null;
  purpose: string | null;
  status: string;
  supportIntensity: string;
  nextCheckInAt: SqlDate;
  endedAt: SqlDate;
  endReason: string | null;
  externalRef: string | null;
  createdAt: SqlDate;
  openingTitle: string;
  openingKind: string;
  employerId: string;
  employmentSupport: string | null;
  employerName: string;
  employerPhone: string | null;
  employerOrganizationId: string | null;
  workplaceName: string;
  street: string;
  postalCode: string;
  municipalityName: string;
  pseudonym: string;
  organizationId: string;
  coachId: string | null;
  phase: string;
  participantEmail: string | null;
  erasedAt: SqlDate;
  userId: string | null;
  userEmail: string | null;
  coachUserId: string | null;
  coachName: string | null;
  coachEmail: string | null;
  coachPhone: string | null;
  coachTitle: string | null;
  threadId: string | null;
  threadKind: string | null;
  threadStatus: string | null;
  threadSubject: string | null;
  threadEmployerId: string | null;
  threadOrganizationId: string | null;
};

/**
 * The placement as placementInclude loads it, in one kept statement (issue 16: Prisma took nine
 * statements, and every placement page and action starts here).
 */
async function findPlacement(placementId: string | undefined): Promise<LoadedPlacement | null> {
  if (!placementId) return null;
  const [r] = await cachedRead<PlacementRow>(db, PLACEMENT_SQL, [placementId]);
  if (!r) return null;
  return {
    id: r.id,
    proposalId: r.proposalId,
    participantId: r.participantId,
    openingId: r.openingId,
    kind: r.kind,
    startDate: toDate(r.startDate)!,
    endDate: toDate(r.endDate),
    hoursPerWeek: r.hoursPerWeek === null ? null : toInt(r.hoursPerWeek),
    supervisorName: r.supervisorName,
    purpose: r.purpose,
    status: r.status,
    supportIntensity: r.supportIntensity,
    nextCheckInAt: toDate(r.nextCheckInAt),
    endedAt: toDate(r.endedAt),
    endReason: r.endReason,
    externalRef: r.externalRef,
    createdAt: toDate(r.createdAt)!,
    opening: {
      id: r.openingId,
      title: r.openingTitle,
      kind: r.openingKind,
      employerId: r.employerId,
      employmentSupport: r.employmentSupport,
      employer: {
        id: r.employerId,
        name: r.employerName,
        phone: r.employerPhone,
        organizationId: r.employerOrganizationId,
      },
      workplace: {
        name: r.workplaceName,
        street: r.street,
        postalCode: r.postalCode,
        municipality: { name: r.municipalityName },
      },
    },
    participant: {
      id: r.participantId,
      pseudonym: r.pseudonym,
      organizationId: r.organizationId,
      coachId: r.coachId,
      phase: r.phase,
      email: r.participantEmail,
      erasedAt: toDate(r.erasedAt),
      user: r.userId === null ? null : { email: r.userEmail },
      coach:
        r.coachUserId === null
          ? null
          : { id: r.coachUserId, name: r.coachName!, email: r.coachEmail, phone: r.coachPhone, title: r.coachTitle },
    },
    thread:
      r.threadId === null
        ? null
        : {
            id: r.threadId,
            kind: r.threadKind!,
            status: r.threadStatus!,
            subject: r.threadSubject!,
            employerId: r.threadEmployerId!,
            organizationId: r.threadOrganizationId,
            placementId: r.id,
          },
  };
}

/** The audience a signed-in user has for placements (null: none — a 404 for every placement). */
export function audienceOf(user: SessionUser): Audience | null {
  if ((user.role === "coach" || user.role === "admin") && user.organizationId) return "staff";
  if (user.role === "employer" && user.employerId) return "employer";
  if (user.role === "participant" && user.participantId) return "participant";
  return null;
}

/** The placement if this user, as this audience, may see it; otherwise a 404. */
export async function requirePlacement(
  user: SessionUser,
  placementId: string | undefined,
  audience: Audience,
): Promise<LoadedPlacement> {
  if (audienceOf(user) !== audience) notFound("Placeringen finns inte.");
  const placement = await findPlacement(placementId);
  const allowed =
    placement &&
    !placement.participant.erasedAt &&
    (audience === "staff"
      ? placement.participant.organizationId === user.organizationId
      : audience === "employer"
        ? placement.opening.employerId === user.employerId
        : placement.participantId === user.participantId);
  if (!allowed) notFound("Placeringen finns inte.");
  return placement;
}

/** The placement's support thread; made when an older placement has none. */
export async function ensurePlacementThread(placement: LoadedPlacement) {
  if (placement.thread) return placement.thread;
  return db.thread.create({
    data: {
      kind: "placement",
      employerId: placement.opening.employerId,
      organizationId: placement.participant.organizationId,
      placementId: placement.id,
      subject: `${placement.participant.pseudonym} – ${placement.opening.title}`,
      status: placement.status === "ended" ? "closed" : "open",
    },
    select: threadFields,
  });
}

// ───────────── response times ─────────────

/** A coach's typical (median) time to answer an employer, over the threads they answered lately. */
export async function coachTypicalResponseMs(coachId: string, organizationId: string): Promise<number | null> {
  const threads = await db.thread.findMany({
    where: { organizationId, messages: { some: { authorId: coachId } } },
    orderBy: { lastMessageAt: "desc" },
    take: 50,
    select: { messages: { select: { id: true, createdAt: true, authorId: true, author: { select: { role: true } } } } },
  });
  const times: number[] = [];
  for (const t of threads) {
    const info = responseInfo(
      t.messages.map((m) => ({ id: m.id, createdAt: m.createdAt, side: sideOfRole(m.author?.role) })),
    );
    for (const m of t.messages)
      if (m.authorId === coachId && info.responseMs[m.id] != null) times.push(info.responseMs[m.id]!);
  }
  return medianMs(times);
}

// ───────────── the page ─────────────

function placementView(p: LoadedPlacement, now: Date) {
  return {
    id: p.id,
    kind: p.kind,
    status: p.status,
    startDate: p.startDate,
    endDate: p.endDate,
    hoursPerWeek: p.hoursPerWeek,
    supervisorName: p.supervisorName,
    purpose: p.purpose,
    supportIntensity: p.supportIntensity,
    nextCheckInAt: p.nextCheckInAt,
    endedAt: p.endedAt,
    endReason: p.endReason,
    flags: placementFlags(p, now),
    opening: {
      id: p.opening.id,
      title: p.opening.title,
      kind: p.opening.kind,
      employerName: p.opening.employer.name,
      workplace: p.opening.workplace
        ? `${p.opening.workplace.name}, ${p.opening.workplace.street}, ${p.opening.workplace.municipality.name}`
        : null,
    },
  };
}

type MeetingRow = {
  id: string;
  kind: string;
  scheduledAt: Date;
  durationMin: number;
  place: string | null;
  videoLink: string | null;
  phone: string | null;
  agenda: string | null;
  status: string;
  notes: string | null;
  doneAt: Date | null;
  attendees: string;
  actions: Array<{ id: string; text: string; owner: string; dueDate: Date | null; doneAt: Date | null }>;
};

export type Attendee = { name: string; email: string; role: "coach" | "employer" | "participant" };

export function readAttendees(json: string): Attendee[] {
  const list = parseJson<unknown>(json, []);
  if (!Array.isArray(list)) return [];
  return list.filter(
    (a): a is Attendee =>
      !!a &&
      typeof a === "object" &&
      typeof (a as Attendee).email === "string" &&
      typeof (a as Attendee).name === "string",
  );
}

/**
 * Meetings as each audience sees them: staff everything; the employer three-party meetings in full
 * and follow-ups without notes; the participant the time, place and agenda only.
 */
function meetingsFor(meetings: MeetingRow[], audience: Audience, now: Date) {
  return meetings.map((m) => {
    const full = audience === "staff" || (audience === "employer" && m.kind === "three_party");
    return {
      id: m.id,
      kind: m.kind,
      scheduledAt: m.scheduledAt,
      durationMin: m.durationMin,
      place: m.place,
      videoLink: m.videoLink,
      phone: m.phone,
      agenda: m.agenda,
      status: m.status,
      state: meetingState(m, now),
      doneAt: m.doneAt,
      attendeeNames: audience === "participant" ? [] : readAttendees(m.attendees).map((a) => a.name),
      notes: full ? m.notes : null,
      actions: full
        ? m.actions.map((a) => ({ ...a, overdue: !a.doneAt && a.dueDate != null && dayKey(a.dueDate) < dayKey(now) }))
        : [],
    };
  });
}

/** Everything the placement page shows to this audience; reading marks the thread read. */
export async function loadPlacementPage(
  user: SessionUser,
  placementId: string | undefined,
  audience: Audience,
  ip?: string,
) {
  const placement = await requirePlacement(user, placementId, audience);
  const thread = await ensurePlacementThread(placement);
  const now = currentTime();
  const [messages, read, meetings] = await Promise.all([
    loadThreadMessages(thread.id, audience === "participant" ? { visibility: "shared" } : {}),
    db.threadRead.findUnique({
      where: { threadId_userId: { threadId: thread.id, userId: user.id } },
      select: { lastReadAt: true },
    }),
    db.meeting.findMany({
      where: { placementId: placement.id, ...(audience === "participant" ? { status: { not: "cancelled" } } : {}) },
      orderBy: { scheduledAt: "desc" },
      include: {
        actions: {
          orderBy: [{ dueDate: "asc" }],
          select: { id: true, text: true, owner: true, dueDate: true, doneAt: true },
        },
      },
    }),
  ]);
  const unread = messages
    .filter((m) => m.authorId !== user.id && (!read || m.createdAt > read.lastReadAt))
    .map((m) => m.id);
  await markThreadRead(db, thread.id, user.id, now);
  await audit(db, {
    actorId: user.id,
    participantId: placement.participantId,
    action: "read",
    entity: `placement:${audience}`,
    detail: placement.id,
    ip,
  });
  const info = responseInfo(messages.map((m) => ({ id: m.id, createdAt: m.createdAt, side: m.side })));
  const coach = placement.participant.coach;
  return {
    formKey: newFormKey(),
    placement: placementView(placement, now),
    participant: {
      pseudonym: placement.participant.pseudonym,
      // Staff see the participant's record link; nobody else gets the id of the record.
      id: audience === "staff" ? placement.participant.id : null,
      phase: audience === "staff" ? placement.participant.phase : null,
    },
    presentation:
      audience === "employer"
        ? await loadPresentation({ id: placement.participant.id, pseudonym: placement.participant.pseudonym })
        : null,
    coach: coach
      ? { id: coach.id, name: coach.name, email: coach.email, phone: coach.phone, title: coach.title }
      : null,
    thread: { id: thread.id, status: thread.status, subject: thread.subject },
    messages: messages.map((m) => ({ ...m, unread: unread.includes(m.id) })),
    unreadCount: unread.length,
    waitingSince: audience === "participant" ? null : info.waitingSince,
    lastAnswer: audience === "participant" ? null : info.lastAnswer,
    typicalResponse:
      audience === "employer" && coach
        ? await coachTypicalResponseMs(coach.id, placement.participant.organizationId).then((ms) =>
            ms == null ? null : formatDuration(ms),
          )
        : null,
    meetings: meetingsFor(meetings, audience, now),
    now,
  };
}

// ───────────── lists ─────────────

/** Placements for a list: the organisation's (optionally one coach's participants) or the employer's. */
export async function listPlacements(
  scope: { organizationId: string; coachId?: string } | { employerId: string },
  viewerId: string,
  options: { includeEnded?: boolean } = {},
) {
  const now = currentTime();
  const placements = await db.placement.findMany({
    where: {
      ...(options.includeEnded ? {} : { status: { not: "ended" } }),
      participant: {
        erasedAt: null,
        ...("organizationId" in scope
          ? { organizationId: scope.organizationId, ...(scope.coachId ? { coachId: scope.coachId } : {}) }
          : {}),
      },
      ...("employerId" in scope ? { opening: { employerId: scope.employerId } } : {}),
    },
    orderBy: [{ status: "asc" }, { startDate: "desc" }],
    include: placementInclude,
  });
  const summaries = await threadSummaries(
    { kind: "placement", placementId: { in: placements.map((p) => p.id) } },
    viewerId,
  );
  const byPlacement = new Map(summaries.map((s) => [s.id, s]));
  const threadOf = new Map(placements.map((p) => [p.id, p.thread?.id ?? null]));
  return placements.map((p) => {
    const summary = threadOf.get(p.id) ? byPlacement.get(threadOf.get(p.id)!) : undefined;
    return {
      ...placementView(p, now),
      pseudonym: p.participant.pseudonym,
      coachName: p.participant.coach?.name ?? null,
      unread: summary?.unread ?? 0,
      waitingSince: summary?.waitingSince ?? null,
      lastMessageAt: summary?.lastMessageAt ?? null,
    };
  });
}

/** The employer's running placements (not ended, participant not erased) with their support thread, newest start first. */
const RUNNING_PLACEMENT_THREADS_SQL = `
  SELECT pl."id", p."pseudonym", o."title", t."id" AS "threadId"
    FROM "Opening" o
    JOIN "Placement" pl ON pl."openingId" = o."id"
    JOIN "Participant" p ON p."id" = pl."participantId"
    JOIN "Thread" t ON t."placementId" = pl."id" AND t."kind" = 'placement'
    WHERE o."employerId" = ? AND pl."status" <> 'ended' AND p."erasedAt" IS NULL
    ORDER BY pl."status", pl."startDate" DESC`;

/**
 * The employer's running placements whose support thread has messages `viewerId` has not read
 * (the employer's start page). Three kept statements; listPlacements loads every placement with
 * its opening, workplace, employer, participant and coach (nine statements) for the full list.
 */
export async function placementNewsForEmployer(employerId: string, viewerId: string) {
  const placements = await cachedRead<{ id: string; pseudonym: string; title: string; threadId: string }>(
    db,
    RUNNING_PLACEMENT_THREADS_SQL,
    [employerId],
  );
  const unread = new Map(
    (
      await summariesOfThreads(
        placements.map((p) => p.threadId),
        viewerId,
      )
    ).map((s) => [s.id, s.unread]),
  );
  return placements.flatMap(({ id, pseudonym, title, threadId }) => {
    const count = unread.get(threadId) ?? 0;
    return count > 0 ? [{ id, pseudonym, title, unread: count }] : [];
  });
}

// ───────────── the thread ─────────────

export type PostResult = Result;

/**
 * Post in the placement's support thread (web); the other side is told. Closed threads refuse. A
 * second post of the same form (`formKey`) creates nothing and tells nobody again.
 */
export async function postPlacementMessage(
  user: SessionUser,
  placement: LoadedPlacement,
  input: { body: string; shared: boolean; formKey?: string | null },
): Promise<PostResult> {
  const thread = await ensurePlacementThread(placement);
  if (thread.status === "closed" || placement.status === "ended")
    return {
      ok: false,
      message: "Stödet är avslutat och konversationen stängd. Skriv en ny fråga till coachen i stället.",
    };
  try {
    await db.$transaction(async (tx) => {
      if (await messageFromForm(tx, input.formKey)) return;
      const message = await addMessage(tx, {
        threadId: thread.id,
        authorId: user.id,
        body: input.body,
        visibility: input.shared ? "shared" : "employer",
        formKey: input.formKey,
      });
      await notifyPlacementMessage(tx, thread, message, user);
    });
  } catch (error) {
    // Two posts of the same form at once: the other one got there first.
    if (!isDuplicatePost(error)) throw error;
  }
  kickOutbox();
  return { ok: true };
}

// ───────────── the plan ─────────────

/** The participant's phase while placements run: a job with support counts as "anställd med efterstöd". */
export async function syncPhase(tx: DbOrTx, participantId: string, byId: string, endedReason?: string) {
  const participant = await tx.participant.findUniqueOrThrow({
    where: { id: participantId },
    select: { id: true, phase: true },
  });
  if (participant.phase === "exited") return;
  const active = await tx.placement.findMany({
    where: { participantId, status: { not: "ended" } },
    select: { kind: true },
  });
  if (active.some((p) => p.kind === "job")) return void (await changePhase(tx, participant, "employed_support", byId));
  if (active.length > 0) return void (await changePhase(tx, participant, phaseForPlacementKind(active[0]!.kind), byId));
  // No support going on. An interrupted placement (or "annat") is an open case again: back to the
  // job search. Someone who moved is exited by the coach with the exit data the funder asks for
  // (the outcome page), so the phase stays until then. "Anställd utan behov av stöd" is handled by
  // endSupport (an exit with work).
  if (endedReason === "dropout" || endedReason === "other") await changePhase(tx, participant, "job_search", byId);
}

export async function updatePlan(user: SessionUser, placement: LoadedPlacement, input: PlanInput) {
  await db.$transaction(async (tx) => {
    await tx.placement.update({
      where: { id: placement.id },
      data: {
        status: input.status,
        supportIntensity: input.supportIntensity,
        nextCheckInAt: input.supportIntensity === "on_request" && !input.nextCheckIn ? null : input.nextCheckIn,
      },
    });
    await syncPhase(tx, placement.participantId, user.id);
    await audit(tx, {
      actorId: user.id,
      participantId: placement.participantId,
      action: "update",
      entity: "placement",
      detail: `plan: ${input.status}, ${input.supportIntensity}`,
    });
  });
}

/**
 * A check-in that took place — today, or on a past day recorded afterwards: a done follow-up on that
 * day, and the next check-in planned by the intensity from the latest follow-up that took place. The
 * day must lie on or after the enrolment and the placement's start and not after the exit (the
 * date-order rule, checked inside the transaction); a refused day changes nothing. A past day is
 * audited as back-dated.
 */
export async function recordCheckIn(
  user: SessionUser,
  placement: LoadedPlacement,
  input: CheckInInput,
  options: { ip?: string; now?: Date } = {},
): Promise<Result<object, FieldRefusal>> {
  const now = options.now ?? currentTime();
  const backdated = input.date !== null && isBackdated(input.date, now);
  const at = backdated ? input.date! : now;
  return db.$transaction(async (tx) => {
    const dates = await participantDates(tx, placement.participantId);
    const problem = dateOrderProblem("milestone", {
      enrolledAt: dates.enrolledAt,
      placementStarts: [placement.startDate],
      milestones: [at],
      exitedAt: dates.exitedAt,
    });
    if (problem) return fail({ errors: { date: [problem] } });
    await tx.meeting.create({
      data: {
        placementId: placement.id,
        kind: "follow_up",
        scheduledAt: at,
        durationMin: 30,
        status: "done",
        doneAt: at,
        notes: input.notes ?? "Uppföljning gjord.",
        createdById: user.id,
      },
    });
    const latest = await tx.meeting.findFirst({
      where: { placementId: placement.id, status: "done", scheduledAt: { lte: now } },
      orderBy: { scheduledAt: "desc" },
      select: { scheduledAt: true },
    });
    await tx.placement.update({
      where: { id: placement.id },
      data: { nextCheckInAt: nextCheckInAfter(latest?.scheduledAt ?? at, placement.supportIntensity) },
    });
    await audit(tx, {
      actorId: user.id,
      participantId: placement.participantId,
      action: "update",
      entity: "placement",
      detail: "check-in",
      ip: options.ip,
    });
    if (backdated) {
      await audit(tx, {
        actorId: user.id,
        participantId: placement.participantId,
        action: "update",
        entity: "follow_up_date",
        detail: backdatedDetail(`Uppföljningsdatum (${placement.opening.title})`, at),
        ip: options.ip,
      });
    }
    return ok();
  });
}

export async function extendPractice(user: SessionUser, placement: LoadedPlacement, newEndDate: Date) {
  await db.$transaction(async (tx) => {
    await tx.placement.update({ where: { id: placement.id }, data: { endDate: newEndDate } });
    await audit(tx, {
      actorId: user.id,
      participantId: placement.participantId,
      action: "update",
      entity: "placement",
      detail: `extended to ${dayKey(newEndDate)}`,
    });
  });
}

/** The participant's placements (their own page): where, when, and whether there is news. */
export async function participantPlacements(participantId: string, viewerId: string) {
  // One statement through a kept prepared statement (read-connection.server.ts): the start page
  // shows these on every visit, and Prisma's nested select took seven statements (issue 16).
  // News: shared messages by someone else since the viewer last read the thread (all of them if never).
  const nextMeeting = (column: string) =>
    `(SELECT mt."${column}" FROM "Meeting" mt
        WHERE mt."placementId" = pl."id" AND mt."status" = 'planned' AND mt."scheduledAt" >= ?
        ORDER BY mt."scheduledAt", mt."id" LIMIT 1)`;
  const now = toSqlDate(currentTime());
  const rows = await cachedRead<{
    id: string;
    kind: string;
    status: string;
    startDate: SqlDate;
    endDate: SqlDate;
    title: string;
    employerName: string;
    meetingAt: SqlDate;
    meetingKind: string | null;
    news: SqlInt;
  }>(
    db,
    `SELECT pl."id", pl."kind", pl."status", pl."startDate", pl."endDate", o."title", e."name" AS "employerName",
        ${nextMeeting("scheduledAt")} AS "meetingAt", ${nextMeeting("kind")} AS "meetingKind",
        (SELECT COUNT(*) FROM "Thread" t
          JOIN "Message" msg ON msg."threadId" = t."id"
          LEFT JOIN "ThreadRead" r ON r."threadId" = t."id" AND r."userId" = ?
          WHERE t."placementId" = pl."id" AND msg."visibility" = 'shared' AND msg."authorId" IS NOT ?
            AND (r."lastReadAt" IS NULL OR msg."createdAt" > r."lastReadAt")) AS "news"
      FROM "Placement" pl
      JOIN "Opening" o ON o."id" = pl."openingId"
      JOIN "Employer" e ON e."id" = o."employerId"
      WHERE pl."participantId" = ?
      ORDER BY pl."startDate" DESC`,
    [now, now, viewerId, viewerId, participantId],
  );
  return rows.map((p) => {
    const meetingAt = toDate(p.meetingAt);
    return {
      id: p.id,
      kind: p.kind,
      status: p.status,
      startDate: toDate(p.startDate)!,
      endDate: toDate(p.endDate),
      title: p.title,
      employerName: p.employerName,
      nextMeeting: meetingAt && p.meetingKind ? { scheduledAt: meetingAt, kind: p.meetingKind } : null,
      news: toInt(p.news),
    };
  });
}
