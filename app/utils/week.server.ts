// "Min vecka" (issue 6): what a coach has to do this week — check-ins and meetings, overdue
// follow-ups (check-ins, meetings without notes, agreed actions), employers waiting for an answer
// (oldest first), and practice periods ending within two weeks. The coach's own participants by
// default; the whole organisation on request.
import { currentTime } from "./clock.server.ts";
import {
  actionOverdue,
  DECISION_DAYS_BEFORE_END,
  isPracticeKind,
  meetingState,
  PRACTICE_KINDS,
} from "~/domain/support.ts";
import type { Prisma } from "./db.server.ts";
import { db } from "./db.server.ts";
import { threadPathFor } from "./notifications.server.ts";
import { threadSummaries } from "./threads.server.ts";
import { addDays, dayKey, weekRange } from "~/domain/swedish-time.ts";

export async function loadCoachWeek(
  user: { id: string; organizationId: string },
  options: { all?: boolean; now?: Date } = {},
) {
  const now = options.now ?? currentTime();
  const week = weekRange(now);
  const today = dayKey(now);
  const inTwoWeeks = dayKey(addDays(now, DECISION_DAYS_BEFORE_END));
  const participantScope: Prisma.ParticipantWhereInput = {
    organizationId: user.organizationId,
    erasedAt: null,
    ...(options.all ? {} : { coachId: user.id }),
  };
  const active: Prisma.PlacementWhereInput = { status: { not: "ended" }, participant: participantScope };
  const placementSelect = {
    id: true,
    kind: true,
    status: true,
    startDate: true,
    endDate: true,
    nextCheckInAt: true,
    supportIntensity: true,
    participant: { select: { pseudonym: true, coach: { select: { name: true } } } },
    opening: { select: { title: true, employer: { select: { name: true } } } },
  } as const;

  const [checkIns, meetings, lateActions, endingPractice] = await Promise.all([
    // Check-ins up to the end of the week (earlier ones are overdue).
    db.placement.findMany({
      where: { ...active, nextCheckInAt: { not: null, lt: week.end } },
      orderBy: { nextCheckInAt: "asc" },
      select: placementSelect,
    }),
    // Meetings this week, and planned ones whose time has passed (no notes yet).
    db.meeting.findMany({
      where: {
        placement: { participant: participantScope },
        OR: [
          { scheduledAt: { gte: week.start, lt: week.end }, status: { not: "cancelled" } },
          { status: "planned", scheduledAt: { lt: now } },
        ],
      },
      orderBy: { scheduledAt: "asc" },
      select: {
        id: true,
        kind: true,
        scheduledAt: true,
        durationMin: true,
        status: true,
        place: true,
        placement: { select: placementSelect },
      },
    }),
    db.meetingAction.findMany({
      where: {
        doneAt: null,
        dueDate: { not: null, lt: addDays(now, 1) },
        meeting: { placement: { participant: participantScope } },
      },
      orderBy: { dueDate: "asc" },
      select: {
        id: true,
        text: true,
        owner: true,
        dueDate: true,
        doneAt: true,
        meeting: { select: { id: true, kind: true, placement: { select: placementSelect } } },
      },
    }),
    db.placement.findMany({
      where: { ...active, kind: { in: [...PRACTICE_KINDS] }, endDate: { not: null } },
      orderBy: { endDate: "asc" },
      select: placementSelect,
    }),
  ]);

  const describe = (p: (typeof checkIns)[number]) => ({
    id: p.id,
    pseudonym: p.participant.pseudonym,
    coachName: p.participant.coach?.name ?? null,
    title: p.opening.title,
    employerName: p.opening.employer.name,
    kind: p.kind,
  });

  const meetingRows = meetings.map((m) => ({
    id: m.id,
    kind: m.kind,
    scheduledAt: m.scheduledAt,
    place: m.place,
    state: meetingState(m, now),
    placement: describe(m.placement),
  }));

  // Employers waiting for an answer: questions to a contact coach, and placement threads of the participants.
  const threadScope: Prisma.ThreadWhereInput = options.all
    ? { organizationId: user.organizationId, status: "open" }
    : {
        organizationId: user.organizationId,
        status: "open",
        OR: [
          { kind: "question", employer: { contactCoachId: user.id } },
          { kind: "placement", placement: { participant: { coachId: user.id, erasedAt: null } } },
          { messages: { some: { authorId: user.id } } },
        ],
      };
  const waiting = (await threadSummaries(threadScope, user.id))
    .filter((t) => t.waitingSince)
    .sort((a, b) => a.waitingSince!.getTime() - b.waitingSince!.getTime());
  const placementIds = await db.thread.findMany({
    where: { id: { in: waiting.map((t) => t.id) } },
    select: { id: true, kind: true, placementId: true },
  });
  const threadInfo = new Map(placementIds.map((t) => [t.id, t]));

  return {
    week: { number: week.week, firstDay: week.firstDay, lastDay: week.lastDay },
    today,
    checkInsThisWeek: checkIns
      .filter((p) => dayKey(p.nextCheckInAt!) >= today)
      .map((p) => ({ ...describe(p), nextCheckInAt: p.nextCheckInAt! })),
    meetingsThisWeek: meetingRows.filter((m) => m.scheduledAt >= week.start && m.scheduledAt < week.end),
    overdue: {
      checkIns: checkIns
        .filter((p) => dayKey(p.nextCheckInAt!) < today)
        .map((p) => ({ ...describe(p), nextCheckInAt: p.nextCheckInAt! })),
      meetings: meetingRows.filter((m) => m.state === "overdue"),
      actions: lateActions
        .filter((a) => actionOverdue(a, now))
        .map((a) => ({
          id: a.id,
          text: a.text,
          owner: a.owner,
          dueDate: a.dueDate!,
          meetingId: a.meeting.id,
          meetingKind: a.meeting.kind,
          placement: describe(a.meeting.placement),
        })),
    },
    waiting: waiting.map((t) => {
      const info = threadInfo.get(t.id)!;
      return {
        id: t.id,
        kind: t.kind,
        subject: t.subject,
        employerName: t.employerName,
        waitingSince: t.waitingSince!,
        unread: t.unread,
        url: threadPathFor({ id: t.id, kind: info.kind, placementId: info.placementId }, "staff"),
      };
    }),
    endingPractice: endingPractice
      .filter((p) => isPracticeKind(p.kind) && dayKey(p.endDate!) <= inTwoWeeks)
      .map((p) => ({ ...describe(p), endDate: p.endDate!, passed: dayKey(p.endDate!) < today })),
    now,
  };
}
