// The coach's matching pages (issue 5, "Coach UI"): ranked openings for a participant with filters
// (a malformed filter is a 400 with the message next to the field), "varför inte?" naming the hard
// rule, reverse matching over the coach's own organisation only, the shortlist, and the overview.
import { describe, expect, test } from "vitest";
import * as openingMatches from "~/routes/coach/opening-matches.tsx";
import * as coachMatches from "~/routes/coach/participant-matches.tsx";
import * as coachProposals from "~/routes/coach/proposals.tsx";
import { db } from "~/utils/db.server.ts";
import { createOpening, createParticipant, createWorld } from "../support/factories.ts";
import { noticeOf, postRequest, sessionCookieFor, settle, testContext } from "../support/requests.ts";
import { load, submit } from "../support/routes.ts";

async function setup() {
  const w = await createWorld();
  const job = await createOpening(w.employer.id, { kind: "job", title: "Lagerjobb i Torsvik" });
  const practice = await createOpening(w.employer.id, { kind: "practice", title: "Lagerpraktik på Kvarnen" });
  return { ...w, job, practice, coachCookie: await sessionCookieFor(w.coach.id) };
}

type MatchPage = {
  matches: Array<{
    openingId: string;
    score: number;
    reasons: Array<{ text: string }>;
    distanceKm: number | null;
    proposal: unknown;
    shortlisted: boolean;
  }>;
  filterErrors: Record<string, string[]>;
  filterMessage: string | null;
  why: null | {
    state: string;
    message?: string;
    result?: { ok: boolean; failures?: Array<{ code: string; text: string }>; score: number };
    choices?: Array<{ id: string }>;
  };
  shortlist: Array<{ id: string }>;
};

const matchPage = (w: Awaited<ReturnType<typeof setup>>, query = "", cookie = w.coachCookie) =>
  load(coachMatches, `/coach/deltagare/${w.participant.id}/matchning${query}`, cookie, {
    participantId: w.participant.id,
  });

describe("the participant's match page", () => {
  test("ranked openings with score, reasons and distance; the hard rules hold; the view is audited", async () => {
    const w = await setup();
    const page = await matchPage(w);
    expect(page.status).toBe(200);
    const value = page.value as MatchPage;
    const job = value.matches.find((m) => m.openingId === w.job.id);
    expect(job).toBeDefined();
    expect(job!.score).toBeGreaterThan(0);
    expect(job!.reasons.length).toBeGreaterThan(0);
    expect(job!.distanceKm).toBeLessThan(1); // home and workplace both in central Jönköping
    // A practice place is not in the participant's goals (work): never listed.
    expect(value.matches.some((m) => m.openingId === w.practice.id)).toBe(false);
    expect(
      await db.auditEvent.count({
        where: { participantId: w.participant.id, actorId: w.coach.id, action: "read", entity: "matches" },
      }),
    ).toBe(1);
  });

  test.each([
    ["?maxDistanceKm=abc", "maxDistanceKm", /Avståndet ska vara ett tal/],
    ["?maxDistanceKm=5000", "maxDistanceKm", /mellan 1 och 200 km/],
    ["?hoursMin=30&hoursMax=10", "hoursMax", /inte vara lägre/],
    ["?hoursMin=2.5", "hoursMin", /heltal/],
    ["?kinds=spaceship", "kinds", /Välj bland/],
  ])("a malformed filter %s is a 400 with the message on the field, and no matches", async (query, field, message) => {
    const w = await setup();
    const page = await matchPage(w, query);
    expect(page.status).toBe(400);
    const value = page.value as MatchPage;
    expect(value.filterErrors[field]?.[0]).toMatch(message);
    expect(value.filterMessage).toMatch(message);
    expect(value.matches).toEqual([]);
  });

  test("valid filters narrow the list", async () => {
    const w = await setup();
    const jobs = await matchPage(w, "?kinds=job&maxDistanceKm=10&hoursMin=5&hoursMax=20");
    expect(jobs.status).toBe(200);
    expect((jobs.value as MatchPage).matches.map((m) => m.openingId)).toContain(w.job.id);
    const tasks = await matchPage(w, "?kinds=task");
    expect((tasks.value as MatchPage).matches.map((m) => m.openingId)).not.toContain(w.job.id);
    const fewHours = await matchPage(w, "?hoursMax=5");
    expect((fewHours.value as MatchPage).matches.map((m) => m.openingId)).not.toContain(w.job.id);
  });

  test("'varför inte?' names the hard rule, by id, by pasted link or by title", async () => {
    const w = await setup();
    const byId = (await matchPage(w, `?varfor=${w.practice.id}`)).value as MatchPage;
    expect(byId.why).toMatchObject({ state: "result", result: { ok: false } });
    expect(byId.why!.result!.failures).toEqual([
      {
        code: "kind_not_in_goals",
        text: expect.stringMatching(/Praktikplats passar inte deltagarens mål \(arbete\)/i),
      },
    ]);

    const link = encodeURIComponent(`http://localhost:3000/uppdrag/${w.practice.id}`);
    const byLink = (await matchPage(w, `?varfor=${link}`)).value as MatchPage;
    expect(byLink.why!.result!.failures![0]!.code).toBe("kind_not_in_goals");

    // More hard rules at once: a max commute far below the distance, and hours that do not overlap.
    await db.profile.update({
      where: { participantId: w.participant.id },
      data: { preferences: JSON.stringify({ hoursMin: 30, hoursMax: 40, maxCommuteKm: 5 }) },
    });
    await db.workplace.update({ where: { id: w.job.workplaceId }, data: { lat: 57.6, lng: 14.1 } }); // about 20 km south
    const two = (await matchPage(w, `?varfor=${w.job.id}`)).value as MatchPage;
    expect(two.why!.result!.failures!.map((f) => f.code).sort()).toEqual(["hours_do_not_overlap", "too_far"]);
    expect(two.why!.result!.failures!.find((f) => f.code === "too_far")!.text).toMatch(
      /längre än deltagarens gräns på 5 km/,
    );

    // By title: the search finds it, and with one hit it is evaluated at once.
    const byTitle = (await matchPage(w, `?varfor=${encodeURIComponent("Lagerpraktik på Kvarnen")}`)).value as MatchPage;
    expect(byTitle.why?.state === "result" || byTitle.why?.state === "choices").toBe(true);
    if (byTitle.why?.state === "choices") expect(byTitle.why.choices!.map((c) => c.id)).toContain(w.practice.id);

    // An opening that passes every rule says so, with its score.
    await db.profile.update({ where: { participantId: w.participant.id }, data: { preferences: "{}" } });
    const ok = (await matchPage(w, `?varfor=${w.job.id}`)).value as MatchPage;
    expect(ok.why).toMatchObject({ state: "result", result: { ok: true } });
  });

  test("'varför inte?' with a link or id nobody has is a 400 with a message; words without hits are not an error", async () => {
    const w = await setup();
    const unknown = await matchPage(w, `?varfor=${encodeURIComponent("http://localhost:3000/uppdrag/finnsinte123")}`);
    expect(unknown.status).toBe(400);
    expect((unknown.value as MatchPage).why).toMatchObject({
      state: "message",
      message: expect.stringMatching(/Hittade ingen annons med den länken/),
    });
    const otherLink = await matchPage(w, `?varfor=${encodeURIComponent("https://example.com/något")}`);
    expect(otherLink.status).toBe(400);
    // Another organisation's draft is as unknown as a made-up id.
    const elsewhere = await createWorld();
    const draft = await createOpening(elsewhere.employer.id, { kind: "job", status: "draft" });
    expect((await matchPage(w, `?varfor=${encodeURIComponent(`/uppdrag/${draft.id}`)}`)).status).toBe(400);
    const words = await matchPage(w, `?varfor=${encodeURIComponent("xylofonstämmare")}`);
    expect(words.status).toBe(200);
    expect((words.value as MatchPage).why).toMatchObject({ state: "message" });
  });

  test("the shortlist lives in the coach's own cookie; proposing from the overview takes the entry off", async () => {
    const w = await setup();
    const added = await settle(() =>
      coachMatches.action({
        request: postRequest("/x", { intent: "shortlist_add", openingId: w.job.id }, w.coachCookie),
        params: { participantId: w.participant.id },
        context: testContext(),
      }),
    );
    expect(added.status).toBe(302);
    expect(await noticeOf(added)).toMatch(/ligger nu i kortlistan/);
    const setCookie = added
      .response!.headers.getSetCookie()
      .find((c) => !c.startsWith("brygga_notice="))!
      .split(";")[0]!;
    const cookie = `${w.coachCookie}; ${setCookie}`;
    const page = (await matchPage(w, "", cookie)).value as MatchPage;
    expect(page.shortlist.map((s) => s.id)).toEqual([w.job.id]);
    expect(page.matches.find((m) => m.openingId === w.job.id)?.shortlisted).toBe(true);
    expect(await db.proposal.count({ where: { participantId: w.participant.id } })).toBe(0); // a shortlist is not a proposal

    // Another coach with the same cookie sees nothing (bound to the user).
    const colleague = await sessionCookieFor(
      (await db.user.create({ data: { role: "coach", name: "Kollega", organizationId: w.organization.id } })).id,
    );
    const theirs = await load(coachProposals, "/coach/forslag", `${colleague}; ${setCookie}`);
    expect((theirs.value as { shortlist: unknown[] }).shortlist).toEqual([]);

    const overview = await load(coachProposals, "/coach/forslag", cookie);
    expect(
      (overview.value as { shortlist: Array<{ opening: { id: string } }> }).shortlist.map((s) => s.opening.id),
    ).toEqual([w.job.id]);
    const proposed = await submit(
      coachProposals,
      "/coach/forslag",
      { intent: "propose", participantId: w.participant.id, openingId: w.job.id },
      cookie,
    );
    expect(proposed.status).toBe(302);
    expect(
      await db.proposal.count({ where: { participantId: w.participant.id, openingId: w.job.id, status: "proposed" } }),
    ).toBe(1);
  });
});

describe("reverse matching: participants for an opening", () => {
  test("only the coach's own organisation's participants, mine first by default; every listed participant is audited", async () => {
    const w = await setup();
    const colleagueCoach = await db.user.create({
      data: { role: "coach", name: "Kollegan", organizationId: w.organization.id },
    });
    const theirs = await createParticipant(w.organization.id, {
      coachId: colleagueCoach.id,
      pseudonym: "Kollegans deltagare",
    });
    const elsewhere = await createWorld();
    await createParticipant(elsewhere.organization.id, { pseudonym: "Annan organisation" });

    const mine = await load(openingMatches, `/coach/uppdrag/${w.job.id}/matchning`, w.coachCookie, {
      openingId: w.job.id,
    });
    expect(mine.status).toBe(200);
    const value = mine.value as {
      matches: Array<{ participantId: string; pseudonym: string; score: number; reasons: unknown[] }>;
      othersCount: number;
    };
    expect(value.matches.map((m) => m.participantId)).toEqual([w.participant.id]);
    expect(value.othersCount).toBe(1);
    const all = await load(openingMatches, `/coach/uppdrag/${w.job.id}/matchning?vem=alla`, w.coachCookie, {
      openingId: w.job.id,
    });
    const everyone = (all.value as typeof value).matches.map((m) => m.pseudonym);
    expect(everyone).toContain("Kollegans deltagare");
    expect(everyone).not.toContain("Annan organisation");
    expect(JSON.stringify(all.value)).not.toMatch(/realName|email|phone/);
    expect(
      await db.auditEvent.count({ where: { participantId: theirs.id, entity: "reverse-match", actorId: w.coach.id } }),
    ).toBe(1);

    // Propose from here; a participant of another organisation is a 404.
    const proposed = await submit(
      openingMatches,
      "/x",
      { intent: "propose", participantId: w.participant.id },
      w.coachCookie,
      { openingId: w.job.id },
    );
    expect(proposed.status).toBe(302);
    expect(await db.proposal.count({ where: { participantId: w.participant.id, openingId: w.job.id } })).toBe(1);
    const foreign = await db.participant.findFirstOrThrow({
      where: { organizationId: elsewhere.organization.id, pseudonym: "Annan organisation" },
    });
    expect(
      (
        await submit(openingMatches, "/x", { intent: "propose", participantId: foreign.id }, w.coachCookie, {
          openingId: w.job.id,
        })
      ).status,
    ).toBe(404);
    // An unknown opening, or another organisation's draft, is a 404.
    expect((await load(openingMatches, "/x", w.coachCookie, { openingId: "finns-inte" })).status).toBe(404);
    const draft = await createOpening(elsewhere.employer.id, { kind: "job", status: "draft" });
    expect((await load(openingMatches, "/x", w.coachCookie, { openingId: draft.id })).status).toBe(404);
  });
});
