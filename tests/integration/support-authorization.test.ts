// Authorization for every follow-along support route (issue 6): only the placement's employer users
// and the organisation's coaches (and admins) see a placement and its thread; the participant sees
// their own placement with shared messages only; everyone else gets a 404 (another organisation,
// another employer, another participant), a 403 for the wrong role, and guests are sent to sign in.
// Actions are checked the same way, and a refused action changes nothing.
import { describe, expect, test } from "vitest";
import * as coachMeeting from "~/routes/coach/meeting.tsx";
import * as meetingNew from "~/routes/coach/meeting-new.tsx";
import * as coachPlacement from "~/routes/coach/placement.tsx";
import * as coachPlacements from "~/routes/coach/placements.tsx";
import * as coachSettings from "~/routes/coach/settings.tsx";
import * as week from "~/routes/coach/week.tsx";
import * as employerPlacement from "~/routes/employer/placement.tsx";
import * as employerPlacements from "~/routes/employer/placements.tsx";
import * as employerSettings from "~/routes/employer/settings.tsx";
import * as participantPlacement from "~/routes/participant/placement.tsx";
import { db } from "~/utils/db.server.ts";
import {
  createEmployer,
  createParticipant,
  createPlacementWithThread,
  createUser,
  createWorld,
} from "../support/factories.ts";
import { sessionCookieFor } from "../support/requests.ts";
import { load, submit, type RouteModule } from "../support/routes.ts";
import { addDays } from "../../app/domain/swedish-time.ts";

async function setup() {
  const w = await createWorld();
  const { placement, thread } = await createPlacementWithThread(w);
  const meeting = await db.meeting.create({
    data: {
      placementId: placement.id,
      kind: "three_party",
      scheduledAt: addDays(new Date(), 5),
      createdById: w.coach.id,
      notes: "Coachens anteckning",
    },
  });
  await db.message.create({
    data: { threadId: thread!.id, authorId: w.coach.id, body: "Delat med deltagaren", visibility: "shared" },
  });
  await db.message.create({
    data: {
      threadId: thread!.id,
      authorId: w.employerUser.id,
      body: "Bara mellan arbetsgivare och coach",
      visibility: "employer",
    },
  });

  const other = await createWorld(); // another organisation, employer and participant
  const { placement: otherPlacement } = await createPlacementWithThread(other);
  const otherMeeting = await db.meeting.create({
    data: {
      placementId: otherPlacement.id,
      kind: "follow_up",
      scheduledAt: addDays(new Date(), 5),
      createdById: other.coach.id,
    },
  });
  // Another employer linked to the same organisation, and another participant of the same organisation.
  const sameOrgEmployer = await createEmployer({ organizationId: w.organization.id, contactCoachId: w.coach.id });
  const sameOrgEmployerUser = await createUser("employer", { employerId: sameOrgEmployer.id });
  const sameOrgParticipantUser = await createUser("participant");
  await createParticipant(w.organization.id, { coachId: w.coach.id, userId: sameOrgParticipantUser.id });
  const colleague = await createUser("coach", { organizationId: w.organization.id });

  const cookie = async (id: string) => sessionCookieFor(id);
  return {
    w,
    placement,
    thread: thread!,
    meeting,
    other,
    otherPlacement,
    otherMeeting,
    cookies: {
      coach: await cookie(w.coach.id),
      colleague: await cookie(colleague.id),
      admin: await cookie(w.admin.id),
      employer: await cookie(w.employerUser.id),
      participant: await cookie(w.participantUser.id),
      otherCoach: await cookie(other.coach.id),
      otherAdmin: await cookie(other.admin.id),
      otherEmployer: await cookie(other.employerUser.id),
      sameOrgEmployer: await cookie(sameOrgEmployerUser.id),
      otherParticipant: await cookie(other.participantUser.id),
      sameOrgParticipant: await cookie(sameOrgParticipantUser.id),
    },
  };
}

type Setup = Awaited<ReturnType<typeof setup>>;
type Who = keyof Setup["cookies"] | "guest";

function cookieOf(s: Setup, who: Who) {
  return who === "guest" ? undefined : s.cookies[who];
}

async function expectLoad(
  module: RouteModule,
  path: string,
  s: Setup,
  who: Who,
  params: Record<string, string>,
  status: number,
) {
  const result = await load(module, path, cookieOf(s, who), params);
  expect(result.status, `${who} GET ${path}`).toBe(status);
  if (status === 302) expect(result.response?.headers.get("Location")).toMatch(/^\/logga-in\?redirectTo=/);
  return result;
}

async function expectSubmit(
  module: RouteModule,
  path: string,
  fields: Record<string, string | string[]>,
  s: Setup,
  who: Who,
  params: Record<string, string>,
  status: number,
) {
  const result = await submit(module, path, fields, cookieOf(s, who), params);
  expect(result.status, `${who} POST ${path}`).toBe(status);
  return result;
}

describe("coach pages", () => {
  test("the placement page: the organisation's coaches and admins; 404 for another organisation; 403 for other roles; guests sign in", async () => {
    const s = await setup();
    const path = `/coach/placeringar/${s.placement.id}`;
    const params = { placementId: s.placement.id };
    for (const who of ["coach", "colleague", "admin"] as const)
      await expectLoad(coachPlacement, path, s, who, params, 200);
    for (const who of ["otherCoach", "otherAdmin"] as const)
      await expectLoad(coachPlacement, path, s, who, params, 404);
    for (const who of ["employer", "participant", "otherEmployer"] as const)
      await expectLoad(coachPlacement, path, s, who, params, 403);
    await expectLoad(coachPlacement, path, s, "guest", params, 302);
    await expectLoad(coachPlacement, `/coach/placeringar/finns-inte`, s, "coach", { placementId: "finns-inte" }, 404);

    const before = await db.message.count({ where: { threadId: s.thread.id } });
    for (const [who, status] of [
      ["otherCoach", 404],
      ["employer", 403],
      ["participant", 403],
    ] as const) {
      await expectSubmit(coachPlacement, path, { intent: "message", body: "Intrång" }, s, who, params, status);
      await expectSubmit(
        coachPlacement,
        path,
        { intent: "end", reason: "other", endDate: "2026-01-01" },
        s,
        who,
        params,
        status,
      );
    }
    await expectSubmit(coachPlacement, path, { intent: "message", body: "Intrång" }, s, "guest", params, 302);
    expect(await db.message.count({ where: { threadId: s.thread.id } })).toBe(before);
    expect((await db.placement.findUniqueOrThrow({ where: { id: s.placement.id } })).status).not.toBe("ended");
    // An unknown intent is a 400, not a change.
    await expectSubmit(coachPlacement, path, { intent: "drop-table" }, s, "coach", params, 400);
  });

  test("booking meetings: 404 for another organisation's placement; nothing is booked", async () => {
    const s = await setup();
    const path = `/coach/placeringar/${s.placement.id}/moten/nytt`;
    const params = { placementId: s.placement.id };
    await expectLoad(meetingNew, path, s, "coach", params, 200);
    await expectLoad(meetingNew, path, s, "otherCoach", params, 404);
    await expectLoad(meetingNew, path, s, "employer", params, 403);
    await expectLoad(meetingNew, path, s, "guest", params, 302);
    const before = await db.meeting.count();
    await expectSubmit(
      meetingNew,
      path,
      { kind: "follow_up", date: "2030-01-01", time: "10:00", durationMin: "30", place: "Här" },
      s,
      "otherCoach",
      params,
      404,
    );
    await expectSubmit(
      meetingNew,
      path,
      { kind: "follow_up", date: "2030-01-01", time: "10:00", durationMin: "30", place: "Här" },
      s,
      "employer",
      params,
      403,
    );
    expect(await db.meeting.count()).toBe(before);
  });

  test("a meeting: only through its own placement; 404 for another organisation and for a meeting of another placement", async () => {
    const s = await setup();
    const path = `/coach/placeringar/${s.placement.id}/moten/${s.meeting.id}`;
    const params = { placementId: s.placement.id, meetingId: s.meeting.id };
    await expectLoad(coachMeeting, path, s, "coach", params, 200);
    await expectLoad(coachMeeting, path, s, "colleague", params, 200);
    await expectLoad(coachMeeting, path, s, "otherCoach", params, 404);
    await expectLoad(coachMeeting, path, s, "employer", params, 403);
    await expectLoad(coachMeeting, path, s, "guest", params, 302);
    // Another placement's meeting under this placement's address.
    await expectLoad(
      coachMeeting,
      `/coach/placeringar/${s.placement.id}/moten/${s.otherMeeting.id}`,
      s,
      "coach",
      { placementId: s.placement.id, meetingId: s.otherMeeting.id },
      404,
    );
    // The other organisation's coach cannot touch this meeting, nor ours theirs.
    await expectSubmit(coachMeeting, path, { intent: "cancel" }, s, "otherCoach", params, 404);
    await expectSubmit(
      coachMeeting,
      `/coach/placeringar/${s.otherPlacement.id}/moten/${s.otherMeeting.id}`,
      { intent: "cancel" },
      s,
      "coach",
      { placementId: s.otherPlacement.id, meetingId: s.otherMeeting.id },
      404,
    );
    await expectSubmit(coachMeeting, path, { intent: "notes", notes: "x" }, s, "employer", params, 403);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: s.meeting.id } })).status).toBe("planned");
    expect((await db.meeting.findUniqueOrThrow({ where: { id: s.otherMeeting.id } })).status).toBe("planned");
  });

  test("lists and the week show only the organisation's placements", async () => {
    const s = await setup();
    const mine = await expectLoad(coachPlacements, "/coach/placeringar?visa=alla", s, "coach", {}, 200);
    const ids = (mine.value as { placements: Array<{ id: string }> }).placements.map((p) => p.id);
    expect(ids).toContain(s.placement.id);
    expect(ids).not.toContain(s.otherPlacement.id);
    await expectLoad(coachPlacements, "/coach/placeringar", s, "employer", {}, 403);
    await expectLoad(coachPlacements, "/coach/placeringar", s, "guest", {}, 302);
    const theirWeek = await expectLoad(week, "/coach/vecka?visa=alla", s, "otherCoach", {}, 200);
    expect(JSON.stringify(theirWeek.value)).not.toContain(s.placement.id);
    await expectLoad(coachSettings, "/coach/installningar", s, "employer", {}, 403);
  });
});

describe("employer pages", () => {
  test("the placement page: the placement's employer only; 404 for another employer (also of the same organisation); 403 for other roles", async () => {
    const s = await setup();
    const path = `/arbetsgivare/placeringar/${s.placement.id}`;
    const params = { placementId: s.placement.id };
    const own = await expectLoad(employerPlacement, path, s, "employer", params, 200);
    expect((own.value as { messages: unknown[] }).messages).toHaveLength(3);
    for (const who of ["otherEmployer", "sameOrgEmployer"] as const)
      await expectLoad(employerPlacement, path, s, who, params, 404);
    for (const who of ["coach", "participant"] as const) await expectLoad(employerPlacement, path, s, who, params, 403);
    await expectLoad(employerPlacement, path, s, "guest", params, 302);

    const before = await db.message.count({ where: { threadId: s.thread.id } });
    await expectSubmit(
      employerPlacement,
      path,
      { intent: "message", body: "Intrång" },
      s,
      "sameOrgEmployer",
      params,
      404,
    );
    await expectSubmit(
      employerPlacement,
      path,
      { intent: "message", body: "Intrång" },
      s,
      "otherEmployer",
      params,
      404,
    );
    await expectSubmit(employerPlacement, path, { intent: "message", body: "Intrång" }, s, "coach", params, 403);
    await expectSubmit(employerPlacement, path, { intent: "message", body: "Intrång" }, s, "guest", params, 302);
    expect(await db.message.count({ where: { threadId: s.thread.id } })).toBe(before);
  });

  test("lists and settings: own placements only; settings for employer users only", async () => {
    const s = await setup();
    const list = await expectLoad(employerPlacements, "/arbetsgivare/placeringar", s, "sameOrgEmployer", {}, 200);
    expect((list.value as { placements: unknown[] }).placements).toEqual([]);
    await expectLoad(employerPlacements, "/arbetsgivare/placeringar", s, "coach", {}, 403);
    await expectLoad(employerSettings, "/arbetsgivare/installningar", s, "employer", {}, 200);
    await expectLoad(employerSettings, "/arbetsgivare/installningar", s, "coach", {}, 403);
    await expectLoad(employerSettings, "/arbetsgivare/installningar", s, "guest", {}, 302);
    await expectSubmit(
      employerSettings,
      "/arbetsgivare/installningar",
      { notifyMessages: "off" },
      s,
      "participant",
      {},
      403,
    );
  });
});

describe("the participant", () => {
  test("sees their own placement with shared messages only; another participant's is a 404", async () => {
    const s = await setup();
    const path = `/deltagare/placering/${s.placement.id}`;
    const params = { placementId: s.placement.id };
    const own = await expectLoad(participantPlacement, path, s, "participant", params, 200);
    const text = JSON.stringify(own.value);
    expect((own.value as { messages: Array<{ body: string }> }).messages.map((m) => m.body)).toEqual([
      "Delat med deltagaren",
    ]);
    expect(text).not.toContain("Bara mellan arbetsgivare och coach");
    expect(text).not.toContain("Coachens anteckning");
    expect(text).not.toContain(s.w.employerUser.email!);
    for (const who of ["otherParticipant", "sameOrgParticipant"] as const)
      await expectLoad(participantPlacement, path, s, who, params, 404);
    for (const who of ["coach", "employer"] as const) await expectLoad(participantPlacement, path, s, who, params, 403);
    await expectLoad(participantPlacement, path, s, "guest", params, 302);
  });
});
