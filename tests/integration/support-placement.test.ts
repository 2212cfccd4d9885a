// The placement page and its support (issue 6): what coach and employer see (the employer only the
// pseudonym and disclosed items), the support thread with "delas med deltagaren", unread counts and
// the coach's typical response time, the support plan and its flags, practice decisions, and ending
// support with a reason — "anställd med efterstöd" kept apart from open cases.
import { describe, expect, test } from "vitest";
import * as coachPlacement from "~/routes/coach/placement.tsx";
import * as coachPlacements from "~/routes/coach/placements.tsx";
import * as employerPlacement from "~/routes/employer/placement.tsx";
import * as employerHome from "~/routes/employer/home.tsx";
import * as employerPlacements from "~/routes/employer/placements.tsx";
import * as participantHome from "~/routes/participant/home.tsx";
import * as participantPlacement from "~/routes/participant/placement.tsx";
import { db } from "~/utils/db.server.ts";
import { placementInclude, requirePlacement } from "~/utils/support.server.ts";
import type { SessionUser } from "~/utils/auth.server.ts";
import { createParticipant, createPlacementWithThread, createUser, createWorld } from "../support/factories.ts";
import { sessionCookieFor } from "../support/requests.ts";
import { fieldErrors, load, submit } from "../support/routes.ts";
import { addDays, dayKey } from "../../app/domain/swedish-time.ts";

async function world(overrides: Parameters<typeof createPlacementWithThread>[1] = {}) {
  const w = await createWorld();
  const { placement, thread, opening } = await createPlacementWithThread(w, overrides);
  return {
    ...w,
    placement,
    opening,
    thread: thread!,
    coachCookie: await sessionCookieFor(w.coach.id),
    employerCookie: await sessionCookieFor(w.employerUser.id),
    participantCookie: await sessionCookieFor(w.participantUser.id),
  };
}
type World = Awaited<ReturnType<typeof world>>;

const coachPath = (w: World) => `/coach/placeringar/${w.placement.id}`;
const employerPath = (w: World) => `/arbetsgivare/placeringar/${w.placement.id}`;
const today = () => dayKey(new Date());

function coachAct(w: World, fields: Record<string, string>) {
  return submit(coachPlacement, coachPath(w), fields, w.coachCookie, { placementId: w.placement.id });
}

describe("the participant's start page", () => {
  test("each placement shows its next planned meeting and the shared messages from others since the last read", async () => {
    const w = await world();
    const base = new Date();
    const at = (days: number) => addDays(base, days);
    const meeting = (scheduledAt: Date, status = "planned", kind = "check_in") =>
      db.meeting.create({ data: { placementId: w.placement.id, kind, scheduledAt, status } });
    await meeting(at(-1)); // passed
    await meeting(at(2), "cancelled");
    await meeting(at(9), "planned", "follow_up");
    await meeting(at(3), "planned", "check_in");
    const message = (authorId: string, visibility: string, createdAt: Date) =>
      db.message.create({ data: { threadId: w.thread.id, authorId, body: "Hej", visibility, createdAt } });
    await message(w.coach.id, "shared", at(-3));
    await message(w.employerUser.id, "shared", at(-2));
    await message(w.employerUser.id, "employer", at(-2)); // not for the participant
    await message(w.participantUser.id, "shared", at(-1)); // their own

    const placementsNow = async () =>
      (
        (await load(participantHome, "/deltagare", w.participantCookie)).value as {
          placements: Array<{ id: string; news: number; nextMeeting: { scheduledAt: Date; kind: string } | null }>;
        }
      ).placements;
    const [first] = await placementsNow();
    expect(first).toMatchObject({ id: w.placement.id, news: 2, nextMeeting: { kind: "check_in" } });
    expect(first!.nextMeeting!.scheduledAt.getTime()).toBe(at(3).getTime());

    // Read up to the coach's message: the employer's later one is still news.
    const between = new Date((at(-3).getTime() + at(-2).getTime()) / 2);
    await db.threadRead.upsert({
      where: { threadId_userId: { threadId: w.thread.id, userId: w.participantUser.id } },
      create: { threadId: w.thread.id, userId: w.participantUser.id, lastReadAt: between },
      update: { lastReadAt: between },
    });
    expect((await placementsNow())[0]).toMatchObject({ news: 1 });
  });
});

describe("the placement page", () => {
  test("the employer sees the pseudonym and only the disclosed profile items; the coach sees the plan and flags", async () => {
    const w = await world();
    await db.participant.update({
      where: { id: w.participant.id },
      data: { realName: "Hemligt Namn", phone: "070-000 00 00" },
    });
    await db.profile.update({
      where: { participantId: w.participant.id },
      data: {
        strengths: JSON.stringify(["Noggrann", "Punktlig"]),
        education: "Gymnasiet",
        needs: JSON.stringify([{ code: "written_instructions", must: true }]),
        disclosure: JSON.stringify({ strengths: true, education: false, needs: true }),
      },
    });
    const page = await load(employerPlacement, employerPath(w), w.employerCookie, { placementId: w.placement.id });
    expect(page.status).toBe(200);
    const value = page.value as {
      participant: { pseudonym: string; id: string | null };
      presentation: { sections: Array<{ item: string; lines: string[] }> };
      placement: { kind: string; purpose: string; supervisorName: string | null };
    };
    expect(value.participant).toMatchObject({ pseudonym: w.participant.pseudonym, id: null });
    expect(value.presentation.sections.map((s) => s.item)).toEqual(["strengths", "needs"]);
    const text = JSON.stringify(page.value);
    expect(text).not.toContain("Gymnasiet");
    expect(text).not.toContain("Hemligt Namn");
    expect(text).not.toContain("070-000 00 00");
    expect(value.placement).toMatchObject({ kind: "practice", purpose: "Prova lagerarbete." });

    const coach = await load(coachPlacement, coachPath(w), w.coachCookie, { placementId: w.placement.id });
    const cv = coach.value as {
      placement: {
        flags: { checkInOverdue: boolean; decisionDue: boolean; decisionDueOn: string };
        endDate: string;
        supportIntensity: string;
      };
      participant: { id: string };
    };
    // Started two weeks ago, four weeks long: the first check-in (a week in) has passed, the decision is due now.
    expect(cv.placement.supportIntensity).toBe("weekly");
    expect(cv.placement.flags.checkInOverdue).toBe(true);
    expect(cv.placement.flags.decisionDue).toBe(true);
    expect(cv.placement.flags.decisionDueOn).toBe(dayKey(addDays(new Date(cv.placement.endDate), -14)));
    expect(cv.participant.id).toBe(w.participant.id);
    // Reading is recorded in the audit trail.
    expect(
      await db.auditEvent.count({ where: { participantId: w.participant.id, entity: "placement:employer" } }),
    ).toBe(1);
  });

  test("lists: the coach's placements with unread counts; the employer's own placements", async () => {
    const w = await world();
    await submit(employerPlacement, employerPath(w), { intent: "message", body: "En fråga" }, w.employerCookie, {
      placementId: w.placement.id,
    });
    const coachList = await load(coachPlacements, "/coach/placeringar", w.coachCookie);
    const rows = (coachList.value as { placements: Array<{ id: string; unread: number; waitingSince: unknown }> })
      .placements;
    expect(rows.find((r) => r.id === w.placement.id)).toMatchObject({ unread: 2, waitingSince: expect.anything() });
    const employerList = await load(employerPlacements, "/arbetsgivare/placeringar", w.employerCookie);
    expect((employerList.value as { placements: Array<{ id: string }> }).placements.map((p) => p.id)).toEqual([
      w.placement.id,
    ]);
  });
  test("employer start page: new messages per running placement of this employer, since this user's last read", async () => {
    const w = await world({ startDate: addDays(new Date(), -20), title: "Lagerarbete" });
    const second = await createParticipant(w.organization.id, { coachId: w.coach.id, pseudonym: "Deltagare B" });
    const b = await createPlacementWithThread(
      { ...w, participant: second },
      { startDate: addDays(new Date(), -5), title: "Caféarbete" },
    );
    const ended = await createPlacementWithThread(
      { ...w, participant: await createParticipant(w.organization.id, { coachId: w.coach.id }) },
      { title: "Avslutad praktik" },
    );
    await db.placement.update({ where: { id: ended.placement.id }, data: { status: "ended" } });
    const erasedParticipant = await createParticipant(w.organization.id, { coachId: w.coach.id });
    const erased = await createPlacementWithThread({ ...w, participant: erasedParticipant }, { title: "Raderad" });
    await db.participant.update({ where: { id: erasedParticipant.id }, data: { erasedAt: new Date() } });
    const other = await createWorld();
    const otherPlacement = await createPlacementWithThread(other, { title: "Annan arbetsgivare" });
    const colleague = await createUser("employer", { employerId: w.employer.id });

    // Everyone has read everything up to an hour ago; then the messages below.
    const readAt = new Date(Date.now() - 3_600_000);
    const threads = [w.thread, b.thread, ended.thread, erased.thread, otherPlacement.thread].map((t) => t!.id);
    await db.message.updateMany({ where: { threadId: { in: threads } }, data: { createdAt: addDays(readAt, -1) } });
    await db.threadRead.deleteMany({ where: { threadId: { in: threads } } });
    for (const threadId of threads)
      for (const userId of [w.employerUser.id, colleague.id, other.employerUser.id])
        await db.threadRead.create({ data: { threadId, userId, lastReadAt: readAt } });
    let minute = 0;
    const post = (threadId: string, authorId: string | null) =>
      db.message.create({
        data: { threadId, authorId, body: "Hej", createdAt: new Date(readAt.getTime() + ++minute * 60_000) },
      });
    await post(w.thread.id, w.coach.id);
    await post(w.thread.id, w.employerUser.id); // their own: never new to them
    await post(w.thread.id, w.coach.id);
    await post(w.thread.id, null); // an email reply from an unknown sender counts too
    await post(b.thread!.id, w.coach.id);
    await post(ended.thread!.id, w.coach.id);
    await post(erased.thread!.id, w.coach.id);
    await post(otherPlacement.thread!.id, other.coach.id);
    // The colleague has read the first placement's thread: that does not make it read for the others.
    await db.threadRead.update({
      where: { threadId_userId: { threadId: w.thread.id, userId: colleague.id } },
      data: { lastReadAt: new Date(readAt.getTime() + 60 * 60_000) },
    });

    const news = async (userId: string) =>
      (
        (await load(employerHome, "/arbetsgivare", await sessionCookieFor(userId))).value as {
          placementNews: Array<{ id: string; pseudonym: string; title: string; unread: number }>;
        }
      ).placementNews;
    // Newest start first.
    expect(await news(w.employerUser.id)).toEqual([
      { id: b.placement.id, pseudonym: "Deltagare B", title: "Caféarbete", unread: 1 },
      { id: w.placement.id, pseudonym: w.participant.pseudonym, title: "Lagerarbete", unread: 3 },
    ]);
    expect(await news(colleague.id)).toEqual([
      { id: b.placement.id, pseudonym: "Deltagare B", title: "Caféarbete", unread: 1 },
    ]);
    expect(await news(other.employerUser.id)).toEqual([
      {
        id: otherPlacement.placement.id,
        pseudonym: other.participant.pseudonym,
        title: "Annan arbetsgivare",
        unread: 1,
      },
    ]);
  });
});

describe("the support thread", () => {
  test("messages shared with the participant appear on their page; the others do not; links stay text", async () => {
    const w = await world();
    expect(
      (
        await coachAct(w, {
          intent: "message",
          body: "Bra jobbat första veckan! Se https://brygga.example.se/tips",
          shared: "on",
        })
      ).status,
    ).toBe(302);
    expect(
      (
        await submit(
          employerPlacement,
          employerPath(w),
          { intent: "message", body: "Internt: hur går det med tempot?" },
          w.employerCookie,
          { placementId: w.placement.id },
        )
      ).status,
    ).toBe(302);
    expect(
      (
        await submit(
          employerPlacement,
          employerPath(w),
          { intent: "message", body: "<script>alert(1)</script> Vi är glada att du är här!", shared: "on" },
          w.employerCookie,
          { placementId: w.placement.id },
        )
      ).status,
    ).toBe(302);

    const messages = await db.message.findMany({ where: { threadId: w.thread.id }, orderBy: { createdAt: "asc" } });
    expect(messages.map((m) => m.visibility)).toEqual(["employer", "shared", "employer", "shared"]);
    expect(messages[3]!.body).toBe("<script>alert(1)</script> Vi är glada att du är här!");

    const own = await load(participantPlacement, `/deltagare/placering/${w.placement.id}`, w.participantCookie, {
      placementId: w.placement.id,
    });
    const shown = (own.value as { messages: Array<{ body: string }> }).messages.map((m) => m.body);
    expect(shown).toEqual([
      "Bra jobbat första veckan! Se https://brygga.example.se/tips",
      "<script>alert(1)</script> Vi är glada att du är här!",
    ]);
    expect(JSON.stringify(own.value)).not.toContain("Internt");

    const home = await load(participantHome, "/deltagare", w.participantCookie);
    expect((home.value as { placements: Array<{ id: string; news: number }> }).placements).toEqual([
      expect.objectContaining({ id: w.placement.id, news: 0 }),
    ]);
  });

  test("unread counts, and the coach's typical response time shown to the employer", async () => {
    const w = await world();
    const askedAt = addDays(new Date(), -1);
    const q = await db.message.create({
      data: { threadId: w.thread.id, authorId: w.employerUser.id, body: "Fråga", createdAt: askedAt },
    });
    await db.message.create({
      data: {
        threadId: w.thread.id,
        authorId: w.coach.id,
        body: "Svar",
        createdAt: new Date(askedAt.getTime() + 2 * 3_600_000),
      },
    });
    expect(q.id).toBeTruthy();
    // The employer user started the thread (and read it) before these messages.
    await db.threadRead.update({
      where: { threadId_userId: { threadId: w.thread.id, userId: w.employerUser.id } },
      data: { lastReadAt: addDays(new Date(), -2) },
    });
    const first = await load(employerPlacement, employerPath(w), w.employerCookie, { placementId: w.placement.id });
    const v = first.value as {
      unreadCount: number;
      typicalResponse: string | null;
      messages: Array<{ unread: boolean; body: string }>;
    };
    expect(v.typicalResponse).toBe("2 timmar");
    expect(v.unreadCount).toBe(1);
    expect(v.messages.find((m) => m.body === "Svar")?.unread).toBe(true);
    const second = await load(employerPlacement, employerPath(w), w.employerCookie, { placementId: w.placement.id });
    expect((second.value as { unreadCount: number }).unreadCount).toBe(0);
  });

  test.each([
    ["empty", "  \n ", /Skriv ett meddelande/],
    ["too long", "x".repeat(5001), /högst 5000 tecken/],
  ])("an %s message → 400, nothing saved or sent", async (_name, body, message) => {
    const w = await world();
    const before = { messages: await db.message.count(), mails: await db.emailOutbox.count() };
    const result = await coachAct(w, { intent: "message", body });
    expect(result.status).toBe(400);
    expect(fieldErrors(result).body?.[0]).toMatch(message);
    expect(await db.message.count()).toBe(before.messages);
    expect(await db.emailOutbox.count()).toBe(before.mails);
  });
});

describe("the support plan", () => {
  test("status, intensity and next check-in; a check-in done today plans the next one", async () => {
    const w = await world();
    const next = dayKey(addDays(new Date(), 14));
    expect(
      (await coachAct(w, { intent: "plan", status: "follow_up", supportIntensity: "biweekly", nextCheckIn: next }))
        .status,
    ).toBe(302);
    let p = await db.placement.findUniqueOrThrow({ where: { id: w.placement.id } });
    expect(p).toMatchObject({ status: "follow_up", supportIntensity: "biweekly" });
    expect(dayKey(p.nextCheckInAt!)).toBe(next);

    expect((await coachAct(w, { intent: "checkin", notes: "Allt fungerar." })).status).toBe(302);
    p = await db.placement.findUniqueOrThrow({ where: { id: w.placement.id } });
    expect(dayKey(p.nextCheckInAt!)).toBe(dayKey(addDays(new Date(), 14)));
    expect(
      await db.meeting.count({
        where: { placementId: w.placement.id, kind: "follow_up", status: "done", notes: "Allt fungerar." },
      }),
    ).toBe(1);
  });

  test.each([
    [
      "efterstöd for a practice place",
      { status: "after_support", supportIntensity: "monthly", nextCheckIn: "2030-01-01" },
      "status",
      /Efterstöd gäller anställningar/,
    ],
    [
      "no next check-in with weekly follow-up",
      { status: "follow_up", supportIntensity: "weekly", nextCheckIn: "" },
      "nextCheckIn",
      /Fyll i när nästa uppföljning är/,
    ],
    [
      "an unknown intensity",
      { status: "follow_up", supportIntensity: "daily", nextCheckIn: "2030-01-01" },
      "supportIntensity",
      /Välj hur ofta/,
    ],
    [
      "a malformed date",
      { status: "follow_up", supportIntensity: "weekly", nextCheckIn: "31/12" },
      "nextCheckIn",
      /ÅÅÅÅ-MM-DD/,
    ],
  ])("%s → 400, nothing changed", async (_name, fields, field, message) => {
    const w = await world();
    const before = await db.placement.findUniqueOrThrow({ where: { id: w.placement.id } });
    const result = await coachAct(w, { intent: "plan", ...fields });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)[field]?.[0]).toMatch(message);
    expect(await db.placement.findUniqueOrThrow({ where: { id: w.placement.id } })).toEqual(before);
  });

  test("a practice place is extended up to six months from its start, not beyond", async () => {
    const w = await world();
    const tooLate = dayKey(addDays(w.placement.startDate, 200));
    const refused = await coachAct(w, { intent: "extend", newEndDate: tooLate });
    expect(refused.status).toBe(400);
    expect(fieldErrors(refused).newEndDate?.[0]).toMatch(/högst 6 månader/);
    const earlier = await coachAct(w, { intent: "extend", newEndDate: dayKey(addDays(w.placement.endDate!, -1)) });
    expect(fieldErrors(earlier).newEndDate?.[0]).toMatch(/efter det nuvarande/);
    const fine = dayKey(addDays(w.placement.startDate, 60));
    expect((await coachAct(w, { intent: "extend", newEndDate: fine })).status).toBe(302);
    expect(dayKey((await db.placement.findUniqueOrThrow({ where: { id: w.placement.id } })).endDate!)).toBe(fine);
  });
});

describe("ending support", () => {
  test("a job with efterstöd counts as 'anställd med efterstöd'; ended without need of support, the participant leaves with work", async () => {
    const w = await world({ kind: "job" });
    expect((await db.participant.findUniqueOrThrow({ where: { id: w.participant.id } })).phase).toBe(
      "employed_support",
    );
    expect(
      (
        await coachAct(w, {
          intent: "plan",
          status: "after_support",
          supportIntensity: "monthly",
          nextCheckIn: dayKey(addDays(new Date(), 30)),
        })
      ).status,
    ).toBe(302);
    expect((await db.participant.findUniqueOrThrow({ where: { id: w.participant.id } })).phase).toBe(
      "employed_support",
    );

    const ended = await coachAct(w, { intent: "end", reason: "employed_no_support", endDate: today() });
    expect(ended.status).toBe(302);
    expect(ended.response?.headers.get("Location")).toBe(`${coachPath(w)}?avslut=arbete`);
    const placement = await db.placement.findUniqueOrThrow({ where: { id: w.placement.id } });
    expect(placement).toMatchObject({ status: "ended", endReason: "employed_no_support", nextCheckInAt: null });
    const participant = await db.participant.findUniqueOrThrow({
      where: { id: w.participant.id },
      include: { outcome: true },
    });
    expect(participant.phase).toBe("exited");
    expect(participant.outcome).toMatchObject({ exitReason: "work", exitOccupation: "employed" });
    expect((await db.thread.findUniqueOrThrow({ where: { id: w.thread.id } })).status).toBe("closed");

    // A closed thread takes no new messages from the web either.
    const late = await submit(
      employerPlacement,
      employerPath(w),
      { intent: "message", body: "Hej igen" },
      w.employerCookie,
      { placementId: w.placement.id },
    );
    expect(late.status).toBe(400);
    expect((late.value as { message: string }).message).toMatch(/Stödet är avslutat/);
  });

  test("an interrupted practice is an open case again (job search); planned meetings are cancelled with a calendar cancellation", async () => {
    const w = await world();
    expect((await db.participant.findUniqueOrThrow({ where: { id: w.participant.id } })).phase).toBe("practice");
    const planned = await db.meeting.create({
      data: {
        placementId: w.placement.id,
        kind: "three_party",
        scheduledAt: addDays(new Date(), 5),
        createdById: w.coach.id,
        attendees: JSON.stringify([{ name: "Per", email: w.employerUser.email, role: "employer" }]),
      },
    });
    const result = await coachAct(w, { intent: "end", reason: "dropout", endDate: today() });
    expect(result.status).toBe(302);
    expect((await db.participant.findUniqueOrThrow({ where: { id: w.participant.id } })).phase).toBe("job_search");
    expect(await db.meeting.findUniqueOrThrow({ where: { id: planned.id } })).toMatchObject({
      status: "cancelled",
      sequence: 1,
    });
    const cancel = await db.emailOutbox.findFirstOrThrow({
      where: { template: "meetingInvitation", to: w.employerUser.email! },
    });
    expect(cancel.subject).toMatch(/^Inställt/);
    expect(cancel.attachments).toContain("text/calendar; charset=utf-8; method=CANCEL");
  });

  test.each([
    ["no reason", { reason: "", endDate: "2026-01-01" }, "reason", /Välj varför/],
    ["an unknown reason", { reason: "bored", endDate: "2026-01-01" }, "reason", /Välj varför/],
    ["an end date in the future", { reason: "other", endDate: "2099-01-01" }, "endDate", /framtiden/],
    ["an end date before the start", { reason: "other", endDate: "2000-01-01" }, "endDate", /före starten/],
  ])("%s → 400, nothing changed", async (_name, fields, field, message) => {
    const w = await world();
    const result = await coachAct(w, { intent: "end", ...fields });
    expect(result.status).toBe(400);
    expect(fieldErrors(result)[field]?.[0]).toMatch(message);
    expect((await db.placement.findUniqueOrThrow({ where: { id: w.placement.id } })).status).not.toBe("ended");
  });
});

describe("loading a placement (requirePlacement)", () => {
  test("the same placement, opening, participant, coach and thread as Prisma's include, with or without the optional parts", async () => {
    const w = await world({ endDate: addDays(new Date(), 60) });
    const staff = { role: "coach", organizationId: w.organization.id } as SessionUser;
    const expectSame = async () =>
      expect(await requirePlacement(staff, w.placement.id, "staff")).toEqual(
        await db.placement.findUniqueOrThrow({ where: { id: w.placement.id }, include: placementInclude }),
      );
    await expectSame();
    await db.placement.update({
      where: { id: w.placement.id },
      data: { hoursPerWeek: 20, nextCheckInAt: addDays(new Date(), 3), supervisorName: "Eva", purpose: "Prova lager" },
    });
    await db.participant.update({ where: { id: w.participant.id }, data: { coachId: null, userId: null } });
    await expectSame();
    await db.message.deleteMany({ where: { threadId: w.thread.id } });
    await db.threadRead.deleteMany({ where: { threadId: w.thread.id } });
    await db.thread.delete({ where: { id: w.thread.id } });
    await expectSame();
    // Another organisation's staff, the wrong audience, an unknown id: 404.
    const other = await createWorld();
    const outsider = { role: "coach", organizationId: other.organization.id } as SessionUser;
    await expect(requirePlacement(outsider, w.placement.id, "staff")).rejects.toMatchObject({ status: 404 });
    await expect(requirePlacement(staff, w.placement.id, "employer")).rejects.toMatchObject({ status: 404 });
    await expect(requirePlacement(staff, "finns-inte", "staff")).rejects.toMatchObject({ status: 404 });
  });
});
