// "Min vecka" (issue 6): this week's check-ins and meetings, overdue follow-ups (check-ins, meetings
// without notes, agreed actions), employers waiting for an answer (oldest first), and practice
// periods ending within two weeks — the coach's own participants, or the whole organisation.
import { describe, expect, test } from "vitest";
import * as week from "~/routes/coach/week.tsx";
import { db } from "~/utils/db.server.ts";
import {
  createParticipant,
  createPlacementWithThread,
  createQuestion,
  createUser,
  createWorld,
} from "../support/factories.ts";
import { sessionCookieFor } from "../support/requests.ts";
import { load } from "../support/routes.ts";
import { addDays, weekRange } from "../../app/domain/swedish-time.ts";

type Week = Awaited<ReturnType<typeof week.loader>>;

async function myWeek(userId: string, query = "") {
  const result = await load(week, `/coach/vecka${query}`, await sessionCookieFor(userId));
  expect(result.status).toBe(200);
  return result.value as Week;
}

describe("the coach's week", () => {
  test("overdue follow-ups appear: a check-in that has passed, a meeting without notes, an agreed action past its date", async () => {
    const w = await createWorld();
    const { placement } = await createPlacementWithThread(w);
    await db.placement.update({ where: { id: placement.id }, data: { nextCheckInAt: addDays(new Date(), -3) } });
    const meeting = await db.meeting.create({
      data: {
        placementId: placement.id,
        kind: "three_party",
        scheduledAt: addDays(new Date(), -2),
        durationMin: 60,
        status: "planned",
        createdById: w.coach.id,
      },
    });
    const done = await db.meeting.create({
      data: {
        placementId: placement.id,
        kind: "follow_up",
        scheduledAt: addDays(new Date(), -10),
        status: "done",
        doneAt: addDays(new Date(), -10),
        createdById: w.coach.id,
      },
    });
    const late = await db.meetingAction.create({
      data: { meetingId: done.id, text: "Skriva checklista", owner: "Handledare", dueDate: addDays(new Date(), -1) },
    });
    await db.meetingAction.create({
      data: {
        meetingId: done.id,
        text: "Klar sedan länge",
        owner: "Coach",
        dueDate: addDays(new Date(), -5),
        doneAt: new Date(),
      },
    });
    await db.meetingAction.create({
      data: { meetingId: done.id, text: "Inte än", owner: "Coach", dueDate: addDays(new Date(), 5) },
    });

    const w1 = await myWeek(w.coach.id);
    expect(w1.overdue.checkIns.map((p) => p.id)).toEqual([placement.id]);
    expect(w1.overdue.meetings.map((m) => m.id)).toEqual([meeting.id]);
    expect(w1.overdue.actions.map((a) => a.id)).toEqual([late.id]);
    expect(w1.overdue.actions[0]).toMatchObject({ text: "Skriva checklista", owner: "Handledare", meetingId: done.id });

    // Recording the check-in and the meeting's notes takes them off the list.
    await db.placement.update({ where: { id: placement.id }, data: { nextCheckInAt: addDays(new Date(), 30) } });
    await db.meeting.update({ where: { id: meeting.id }, data: { status: "done", notes: "Bra", doneAt: new Date() } });
    const w2 = await myWeek(w.coach.id);
    expect(w2.overdue.checkIns).toEqual([]);
    expect(w2.overdue.meetings).toEqual([]);
  });

  test("this week's check-ins and meetings; another coach's participants only with 'hela organisationen'; another organisation never", async () => {
    const w = await createWorld();
    const { placement } = await createPlacementWithThread(w);
    const range = weekRange();
    const lastDay = new Date(`${range.lastDay}T10:00:00Z`);
    await db.placement.update({ where: { id: placement.id }, data: { nextCheckInAt: lastDay } });
    const inWeek = await db.meeting.create({
      data: {
        placementId: placement.id,
        kind: "three_party",
        scheduledAt: new Date(range.end.getTime() - 3_600_000),
        durationMin: 30,
        createdById: w.coach.id,
      },
    });
    await db.meeting.create({
      data: {
        placementId: placement.id,
        kind: "follow_up",
        scheduledAt: addDays(range.end, 2),
        createdById: w.coach.id,
      },
    });
    await db.meeting.create({
      data: {
        placementId: placement.id,
        kind: "follow_up",
        scheduledAt: new Date(range.end.getTime() - 7_200_000),
        status: "cancelled",
        createdById: w.coach.id,
      },
    });

    const colleague = await createUser("coach", { organizationId: w.organization.id });
    const theirs = await createParticipant(w.organization.id, { coachId: colleague.id });
    const { placement: theirPlacement } = await createPlacementWithThread({ ...w, participant: theirs });
    await db.placement.update({ where: { id: theirPlacement.id }, data: { nextCheckInAt: addDays(new Date(), -1) } });

    const other = await createWorld();
    const { placement: foreign } = await createPlacementWithThread(other);
    await db.placement.update({ where: { id: foreign.id }, data: { nextCheckInAt: addDays(new Date(), -1) } });

    const mine = await myWeek(w.coach.id);
    expect(mine.checkInsThisWeek.map((p) => p.id)).toEqual([placement.id]);
    expect(mine.meetingsThisWeek.map((m) => m.id)).toEqual([inWeek.id]);
    expect(mine.overdue.checkIns).toEqual([]);

    const everyone = await myWeek(w.coach.id, "?visa=alla");
    expect(everyone.overdue.checkIns.map((p) => p.id)).toEqual([theirPlacement.id]);
    expect(everyone.overdue.checkIns[0]!.coachName).toBe(colleague.name);
    expect(JSON.stringify(everyone)).not.toContain(foreign.id);
  });

  test("employers waiting for an answer, oldest first: questions and placement threads", async () => {
    const w = await createWorld();
    const { thread } = await createPlacementWithThread(w);
    const question = await createQuestion(w.employerUser, w.organization.id, { subject: "Lönestöd" });
    await db.message.updateMany({ where: { threadId: question.id }, data: { createdAt: addDays(new Date(), -2) } });
    // The placement thread: the employer wrote last, yesterday.
    await db.message.create({
      data: {
        threadId: thread!.id,
        authorId: w.employerUser.id,
        body: "Hur gör vi med schemat?",
        createdAt: addDays(new Date(), -1),
      },
    });
    // An answered question does not wait.
    const answered = await createQuestion(w.employerUser, w.organization.id, { subject: "Besvarad" });
    await db.message.create({ data: { threadId: answered.id, authorId: w.coach.id, body: "Svar" } });

    const result = await myWeek(w.coach.id);
    expect(result.waiting.map((t) => t.id)).toEqual([question.id, thread!.id]);
    expect(result.waiting[0]!.url).toBe(`/coach/fragor/${question.id}`);
    expect(result.waiting[1]!.url).toBe(`/coach/placeringar/${thread!.placementId}`);
  });

  test("practice periods ending within two weeks, and those past their end; jobs and later ends are not listed", async () => {
    const w = await createWorld();
    const soon = await createPlacementWithThread(w, { endDate: addDays(new Date(), 10) });
    const passed = await createPlacementWithThread(w, { endDate: addDays(new Date(), -2) });
    await createPlacementWithThread(w, { endDate: addDays(new Date(), 40) });
    await createPlacementWithThread(w, { kind: "job" });
    const result = await myWeek(w.coach.id);
    expect(result.endingPractice.map((p) => [p.id, p.passed])).toEqual([
      [passed.placement.id, true],
      [soon.placement.id, false],
    ]);
  });

  test("only coaches and admins: an employer gets 403, a guest is sent to sign in", async () => {
    const w = await createWorld();
    expect((await load(week, "/coach/vecka", await sessionCookieFor(w.employerUser.id))).status).toBe(403);
    expect((await load(week, "/coach/vecka", await sessionCookieFor(w.participantUser.id))).status).toBe(403);
    const guest = await load(week, "/coach/vecka", undefined);
    expect(guest.status).toBe(302);
    expect(guest.response?.headers.get("Location")).toMatch(/^\/logga-in/);
    expect((await load(week, "/coach/vecka", await sessionCookieFor(w.admin.id))).status).toBe(200);
  });
});
