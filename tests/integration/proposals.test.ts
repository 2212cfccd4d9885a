// The proposal workflow through its routes (docs/product-rules.md#proposal): coach proposes → participant answers →
// coach presents → employer books a visit / sets a start / declines → placement with support thread.
// The state machine refuses illegal steps and changes nothing; every audience sees only its own;
// the employer's loader data holds only the disclosed items; unanswered proposals expire; emails go
// out through the outbox to a real SMTP server.
import { describe, expect, test } from "vitest";
import { sendDueEmails } from "../../emails/outbox.server.ts";
import * as coachMatches from "~/routes/coach/participant-matches.tsx";
import * as coachProposal from "~/routes/coach/proposal.tsx";
import * as coachProposals from "~/routes/coach/proposals.tsx";
import * as employerHome from "~/routes/employer/home.tsx";
import * as employerOpening from "~/routes/employer/opening.tsx";
import * as employerProposal from "~/routes/employer/proposal.tsx";
import * as employerProposals from "~/routes/employer/proposals.tsx";
import * as participantHome from "~/routes/participant/home.tsx";
import * as participantProposal from "~/routes/participant/proposal.tsx";
import * as participantProposals from "~/routes/participant/proposals.tsx";
import { PROPOSAL_EXPIRY_DAYS } from "~/domain/proposals.ts";
import { db } from "~/utils/db.server.ts";
import { expireProposals } from "~/utils/proposal-expiry.server.ts";
import { captureQueries } from "~/utils/sqlite-adapter.server.ts";
import { extractLinks, useTestSmtpServer } from "../setup/smtp.ts";
import { createEmployer, createOpening, createParticipant, createUser, createWorld } from "../support/factories.ts";
import { noticeOf, sessionCookieFor } from "../support/requests.ts";
import { fieldErrors, load, submit } from "../support/routes.ts";
import { dayKey, toSwedishDateTimeInput } from "../../app/domain/swedish-time.ts";

const smtp = useTestSmtpServer();
const DAY = 86_400_000;

const SECRET = {
  realName: "Hemliga Helena Svensson",
  phone: "070-555 12 34",
  education: "Gymnasiet med hemlig inriktning",
  experience: "Hemligt lagerjobb på Kvarnen",
  reason: "Jag är orolig för bussen",
};

/** A world with a job opening and a participant whose profile has disclosed and undisclosed items. */
async function setup() {
  const w = await createWorld();
  const opening = await createOpening(w.employer.id, {
    kind: "job",
    title: `Lagerjobb ${Math.random().toString(36).slice(2, 7)}`,
  });
  await db.participant.update({
    where: { id: w.participant.id },
    data: { realName: SECRET.realName, phone: SECRET.phone },
  });
  await db.profile.update({
    where: { participantId: w.participant.id },
    data: {
      strengths: JSON.stringify(["Noggrann", "Kommer alltid i tid"]),
      education: SECRET.education,
      experience: JSON.stringify([{ id: "e1", what: SECRET.experience, factors: {} }]),
      needs: JSON.stringify([{ code: "quiet_workspace", must: false }]),
      preferences: JSON.stringify({ hoursMin: 10, hoursMax: 30, schedule: ["day"] }),
      disclosure: JSON.stringify({
        strengths: true,
        preferences: true,
        needs: false,
        education: false,
        experience: false,
      }),
    },
  });
  const [coachCookie, participantCookie, employerCookie] = await Promise.all([
    sessionCookieFor(w.coach.id),
    sessionCookieFor(w.participantUser.id),
    sessionCookieFor(w.employerUser.id),
  ]);
  return { ...w, opening, coachCookie, participantCookie, employerCookie };
}
type World = Awaited<ReturnType<typeof setup>>;

async function propose(w: World, openingId = w.opening.id) {
  const result = await submit(
    coachMatches,
    `/coach/deltagare/${w.participant.id}/matchning`,
    { intent: "propose", openingId },
    w.coachCookie,
    { participantId: w.participant.id },
  );
  expect(result.status, JSON.stringify(result.value)).toBe(302);
  return db.proposal.findFirstOrThrow({
    where: { participantId: w.participant.id, openingId },
    orderBy: { proposedAt: "desc" },
  });
}
const answer = (w: World, id: string, fields: Record<string, string>, cookie = w.participantCookie) =>
  submit(participantProposal, `/deltagare/forslag/${id}`, fields, cookie, { proposalId: id });
const coachStep = (w: World, id: string, fields: Record<string, string>, cookie = w.coachCookie) =>
  submit(coachProposal, `/coach/forslag/${id}`, fields, cookie, { proposalId: id });
const employerStep = (w: World, id: string, fields: Record<string, string>, cookie = w.employerCookie) =>
  submit(employerProposal, `/arbetsgivare/forslag/${id}`, fields, cookie, { proposalId: id });
const employerView = (w: World, id: string, cookie = w.employerCookie) =>
  load(employerProposal, `/arbetsgivare/forslag/${id}`, cookie, { proposalId: id });

const visitInput = (daysAhead: number) =>
  `${toSwedishDateTimeInput(new Date(Date.now() + daysAhead * DAY)).slice(0, 10)}T10:00`;
const dayInput = (daysAhead: number) => dayKey(new Date(Date.now() + daysAhead * DAY));
const statusOf = async (id: string) => (await db.proposal.findUniqueOrThrow({ where: { id } })).status;

describe("the whole workflow", () => {
  test("coach proposes → participant says yes → coach presents → employer books a visit → employer sets the start → placement with thread", async () => {
    const w = await setup();
    const before = Date.now();
    const p = await propose(w);
    expect(p).toMatchObject({ status: "proposed", coachId: w.coach.id, participantAnswer: null, presentedAt: null });
    expect(p.score).toBeGreaterThan(0);
    expect(JSON.parse(p.reasons).length).toBeGreaterThan(0);
    expect(p.expiresAt!.getTime() - p.proposedAt.getTime()).toBe(PROPOSAL_EXPIRY_DAYS * DAY);
    expect(p.proposedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);

    // The participant sees it in plain Swedish: tasks, where, when, supervisor, what the employer would see.
    const view = await load(participantProposal, `/deltagare/forslag/${p.id}`, w.participantCookie, {
      proposalId: p.id,
    });
    expect(view.status).toBe(200);
    const v = view.value as Record<string, unknown>;
    expect(v).toMatchObject({
      title: w.opening.title,
      waitingForAnswer: true,
      tasks: ["Plocka varor", "Packa order"],
      employerName: w.employer.name,
    });
    expect(v.kindText).toMatch(/Ett jobb/);
    expect(v.hours).toBe("Mellan 10 och 20 timmar i veckan.");
    expect(v.distance).toMatch(/km hemifrån/);
    // What the employer will see, titled in the participant's own words on their page.
    expect((v.shown as Array<{ title: string }>).map((s) => s.title)).toEqual([
      "Vad du är bra på",
      "Hur mycket du vill jobba och hur du tar dig dit",
    ]);
    expect(JSON.stringify(v)).not.toMatch(/score|reasons|"points"/);
    // …and on their start page and list.
    const home = await load(participantHome, "/deltagare", w.participantCookie);
    expect((home.value as { waitingProposals: Array<{ id: string }> }).waitingProposals.map((x) => x.id)).toEqual([
      p.id,
    ]);
    const list = await load(participantProposals, "/deltagare/forslag", w.participantCookie);
    expect((list.value as { waiting: Array<{ id: string }> }).waiting.map((x) => x.id)).toEqual([p.id]);

    // Before the yes, the employer does not know the proposal exists.
    expect((await employerView(w, p.id)).status).toBe(404);
    const ans = await answer(w, p.id, { answer: "yes", reason: "Jag gillar lager" });
    expect(ans.status).toBe(302);
    const yes = await db.proposal.findUniqueOrThrow({ where: { id: p.id } });
    expect(yes).toMatchObject({
      status: "accepted_by_participant",
      participantAnswer: "yes",
      participantReason: "Jag gillar lager",
    });
    expect(yes.participantAnsweredAt).toBeInstanceOf(Date);
    // A yes is not yet a presentation: still nothing for the employer.
    expect((await employerView(w, p.id)).status).toBe(404);
    const emptyList = await load(employerProposals, "/arbetsgivare/forslag", w.employerCookie);
    expect((emptyList.value as { proposals: unknown[] }).proposals).toEqual([]);

    // The coach presents.
    expect((await coachStep(w, p.id, { intent: "present" })).status).toBe(302);
    const presented = await db.proposal.findUniqueOrThrow({ where: { id: p.id } });
    expect(presented.status).toBe("presented");
    expect(presented.presentedAt).toBeInstanceOf(Date);

    // The employer sees it: on the start page ("Behöver ditt svar nu"), the opening page and the proposal page.
    const start = await load(employerHome, "/arbetsgivare", w.employerCookie);
    expect(
      (start.value as { todo: { presented: Array<{ id: string; pseudonym: string }> } }).todo.presented,
    ).toMatchObject([{ id: p.id, pseudonym: w.participant.pseudonym }]);
    const openingPage = await load(employerOpening, `/arbetsgivare/annonser/${w.opening.id}`, w.employerCookie, {
      openingId: w.opening.id,
    });
    expect(
      (openingPage.value as { presented: Array<{ id: string }>; proposalsWaiting: number }).presented.map((x) => x.id),
    ).toEqual([p.id]);
    expect((openingPage.value as { proposalsWaiting: number }).proposalsWaiting).toBe(1);
    const page = await employerView(w, p.id);
    expect(page.status).toBe(200);
    expect(page.value).toMatchObject({
      pseudonym: w.participant.pseudonym,
      statusText: "Väntar på ert svar",
      can: { visit: true, start: true, decline: true },
    });

    // A study visit first.
    const visit = await employerStep(w, p.id, { intent: "visit", visitAt: visitInput(3) });
    expect(visit.status).toBe(302);
    const visited = await db.proposal.findUniqueOrThrow({ where: { id: p.id } });
    expect(visited).toMatchObject({ status: "accepted_by_employer", employerDecision: "accept" });
    expect(visited.visitAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await db.placement.count({ where: { proposalId: p.id } })).toBe(0);
    const afterVisit = await load(employerHome, "/arbetsgivare", w.employerCookie);
    expect((afterVisit.value as { todo: { visits: Array<{ id: string }> } }).todo.visits.map((x) => x.id)).toEqual([
      p.id,
    ]);
    // The participant reads about the visit in plain Swedish.
    const pv = await load(participantProposal, `/deltagare/forslag/${p.id}`, w.participantCookie, { proposalId: p.id });
    expect((pv.value as { statusText: string }).statusText).toMatch(/vill träffa dig/);

    // After the visit the employer sets the start: placement + support thread + phase.
    const startDate = dayInput(10);
    const started = await employerStep(w, p.id, { intent: "start", startDate, hoursPerWeek: "15" });
    expect(started.status, JSON.stringify(started.value)).toBe(302);
    const placement = await db.placement.findUniqueOrThrow({ where: { proposalId: p.id }, include: { thread: true } });
    expect(placement).toMatchObject({
      participantId: w.participant.id,
      openingId: w.opening.id,
      hoursPerWeek: 15,
      kind: "job",
    });
    expect(dayKey(placement.startDate)).toBe(startDate);
    expect(placement.thread).toMatchObject({
      kind: "placement",
      employerId: w.employer.id,
      organizationId: w.organization.id,
    });
    expect((await db.participant.findUniqueOrThrow({ where: { id: w.participant.id } })).phase).toBe(
      "employed_support",
    );
    const done = await db.proposal.findUniqueOrThrow({ where: { id: p.id } });
    expect(done.status).toBe("accepted_by_employer");
    expect(done.visitAt).toEqual(visited.visitAt); // every step keeps its time

    // The coach's page shows every step with its time.
    const coachView = await load(coachProposal, `/coach/forslag/${p.id}`, w.coachCookie, { proposalId: p.id });
    expect(coachView.value).toMatchObject({
      proposal: {
        status: "accepted_by_employer",
        participantReason: "Jag gillar lager",
        placement: { hoursPerWeek: 15 },
      },
      can: { present: false, withdraw: false, start: false },
    });

    // The audit trail: proposal created, answer, presentation (with what was shown), employer reads, decisions.
    const events = await db.auditEvent.findMany({ where: { participantId: w.participant.id }, orderBy: { at: "asc" } });
    expect(events.some((e) => e.action === "create" && e.entity === "proposal" && e.actorId === w.coach.id)).toBe(true);
    expect(
      events.some((e) => e.action === "update" && e.entity === "proposal" && e.actorId === w.participantUser.id),
    ).toBe(true);
    const shown = events.find((e) => e.entity === "presentation" && e.action === "update");
    expect(shown?.detail).toMatch(/Visas: Styrkor, Arbetstid och resväg/);
    expect(
      events.filter((e) => e.entity === "presentation" && e.action === "read" && e.actorId === w.employerUser.id)
        .length,
    ).toBeGreaterThanOrEqual(1);
  });

  test("the employer can set a start straight away, or decline with a reason the participant never sees", async () => {
    const w = await setup();
    const p = await propose(w);
    await answer(w, p.id, { answer: "yes" });
    await coachStep(w, p.id, { intent: "present" });
    const noReason = await employerStep(w, p.id, { intent: "decline", reason: "" });
    expect(noReason.status).toBe(400);
    expect(fieldErrors(noReason).reason?.[0]).toMatch(/Skriv varför/);
    expect(await statusOf(p.id)).toBe("presented");
    const declined = await employerStep(w, p.id, { intent: "decline", reason: "Vi behöver någon med truckkort" });
    expect(declined.status).toBe(302);
    expect(await db.proposal.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({
      status: "declined_by_employer",
      employerDecision: "decline",
      employerReason: "Vi behöver någon med truckkort",
    });
    // The participant's view: a kind sentence, never the employer's text.
    const pv = await load(participantProposal, `/deltagare/forslag/${p.id}`, w.participantCookie, { proposalId: p.id });
    expect(JSON.stringify(pv.value)).not.toContain("truckkort");
    expect((pv.value as { statusText: string }).statusText).toMatch(/sa nej den här gången/);
    // After a no the employer keeps their answer but no longer sees the profile.
    const ev = await employerView(w, p.id);
    expect(ev.status).toBe(200);
    expect((ev.value as { presentation: unknown }).presentation).toBeNull();
    expect(JSON.stringify(ev.value)).not.toContain("Noggrann");

    const other = await createOpening(w.employer.id, { kind: "job" });
    const q = await propose(w, other.id);
    await answer(w, q.id, { answer: "yes" });
    await coachStep(w, q.id, { intent: "present" });
    const past = await employerStep(w, q.id, { intent: "start", startDate: dayInput(-3) });
    expect(past.status).toBe(400);
    expect(fieldErrors(past).startDate?.[0]).toMatch(/bakåt/);
    const bad = await employerStep(w, q.id, { intent: "start", startDate: dayInput(7), hoursPerWeek: "99" });
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad).hoursPerWeek?.[0]).toMatch(/mellan 1 och 40/);
    expect(await db.placement.count({ where: { proposalId: q.id } })).toBe(0);
    expect((await employerStep(w, q.id, { intent: "start", startDate: dayInput(7) })).status).toBe(302);
    expect(await db.placement.count({ where: { proposalId: q.id } })).toBe(1);
  });

  test("a participant without an account: the coach records the answer and the employer's yes on their behalf", async () => {
    const w = await setup();
    const offline = await createParticipant(w.organization.id, {
      coachId: w.coach.id,
      enrolledAt: new Date(Date.now() - 30 * DAY),
    });
    const p0 = await submit(coachMatches, "/x", { intent: "propose", openingId: w.opening.id }, w.coachCookie, {
      participantId: offline.id,
    });
    expect(p0.status).toBe(302);
    expect(await noticeOf(p0)).toMatch(/ingen e-post/);
    const p = await db.proposal.findFirstOrThrow({ where: { participantId: offline.id } });
    const bad = await coachStep(w, p.id, { intent: "answer", answer: "kanske" });
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad).answer?.[0]).toMatch(/Välj Ja, Nej eller Vill veta mer/);
    expect((await coachStep(w, p.id, { intent: "answer", answer: "yes", reason: "Sa ja i telefon" })).status).toBe(302);
    expect(await statusOf(p.id)).toBe("accepted_by_participant");
    expect(
      await db.auditEvent.count({
        where: { participantId: offline.id, detail: { contains: "registrerat av coachen" } },
      }),
    ).toBe(1);
    await coachStep(w, p.id, { intent: "present" });
    // A start that happened may be recorded however long ago (issue 12), but not before the enrolment.
    const early = await coachStep(w, p.id, { intent: "start", startDate: dayInput(-31) });
    expect(early.status).toBe(400);
    expect(fieldErrors(early).startDate).toEqual([`Starten kan inte ligga före inskrivningen (${dayInput(-30)}).`]);
    expect(await db.placement.count({ where: { proposalId: p.id } })).toBe(0);
    expect((await coachStep(w, p.id, { intent: "start", startDate: dayInput(-29) })).status).toBe(302);
    expect(await db.placement.count({ where: { proposalId: p.id } })).toBe(1);
    expect(
      await db.auditEvent.findMany({ where: { participantId: offline.id, entity: "placement_date" } }),
    ).toMatchObject([
      { actorId: w.coach.id, detail: `Placeringsstart (${w.opening.title}) tillbakadaterat till ${dayInput(-29)}` },
    ]);
  });

  test("a coach may record a placement start years back when the enrolment was that long ago", async () => {
    const w = await setup();
    const old = await createParticipant(w.organization.id, {
      coachId: w.coach.id,
      enrolledAt: new Date(Date.now() - 900 * DAY),
    });
    await submit(coachMatches, "/x", { intent: "propose", openingId: w.opening.id }, w.coachCookie, {
      participantId: old.id,
    });
    const p = await db.proposal.findFirstOrThrow({ where: { participantId: old.id } });
    await coachStep(w, p.id, { intent: "answer", answer: "yes" });
    await coachStep(w, p.id, { intent: "present" });
    const future = await coachStep(w, p.id, { intent: "start", startDate: dayInput(400) });
    expect(future.status).toBe(400);
    expect((await coachStep(w, p.id, { intent: "start", startDate: dayInput(-800) })).status).toBe(302);
    const placement = await db.placement.findFirstOrThrow({ where: { proposalId: p.id } });
    expect(dayKey(placement.startDate)).toBe(dayInput(-800));
  });

  test("a back-dated start and its audit row are one transaction: when the audit row fails, there is no placement", async () => {
    const w = await setup();
    const offline = await createParticipant(w.organization.id, {
      coachId: w.coach.id,
      enrolledAt: new Date(Date.now() - 60 * DAY),
    });
    await submit(coachMatches, "/x", { intent: "propose", openingId: w.opening.id }, w.coachCookie, {
      participantId: offline.id,
    });
    const p = await db.proposal.findFirstOrThrow({ where: { participantId: offline.id } });
    await coachStep(w, p.id, { intent: "answer", answer: "yes" });
    await coachStep(w, p.id, { intent: "present" });
    const auditsBefore = await db.auditEvent.count({ where: { participantId: offline.id } });
    // The database refuses the back-dating audit row (a real SQLite trigger), as a failing write would.
    await db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_backdating BEFORE INSERT ON AuditEvent WHEN NEW.entity = 'placement_date'
       BEGIN SELECT RAISE(ABORT, 'refused by test'); END`,
    );
    try {
      // (Prisma reports the trigger's abort as a constraint violation.)
      await expect(coachStep(w, p.id, { intent: "start", startDate: dayInput(-20) })).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe("DROP TRIGGER refuse_backdating");
    }
    expect(await db.placement.count({ where: { proposalId: p.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { participantId: offline.id } })).toBe(auditsBefore);
    expect(await statusOf(p.id)).toBe("presented");

    // Without the refusal the same step writes both.
    expect((await coachStep(w, p.id, { intent: "start", startDate: dayInput(-20) })).status).toBe(302);
    expect(await db.placement.count({ where: { proposalId: p.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { participantId: offline.id, entity: "placement_date" } })).toBe(1);
  });
});

describe("withdrawal", () => {
  test("the coach withdraws a presented proposal: timestamped, the participant is told, the employer no longer sees it", async () => {
    const w = await setup();
    const p = await propose(w);
    await answer(w, p.id, { answer: "yes" });
    await coachStep(w, p.id, { intent: "present" });
    // The withdrawal is stamped by its audit row (the process clock), between these two instants.
    const before = new Date();
    expect((await coachStep(w, p.id, { intent: "withdraw" })).status).toBe(302);
    const after = new Date();
    expect(await statusOf(p.id)).toBe("withdrawn");
    expect((await employerView(w, p.id)).status).toBe(404);
    const pv = await load(participantProposal, "/x", w.participantCookie, { proposalId: p.id });
    expect(pv.value).toMatchObject({
      statusText: "Din coach har tagit bort förslaget.",
      waitingForAnswer: false,
      canChangeMind: false,
    });
    const cv = await load(coachProposal, "/x", w.coachCookie, { proposalId: p.id });
    const withdrawnAt = (cv.value as { proposal: { withdrawnAt: Date | null } }).proposal.withdrawnAt;
    expect(withdrawnAt).toBeInstanceOf(Date);
    expect(withdrawnAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(withdrawnAt!.getTime()).toBeLessThanOrEqual(after.getTime());
    expect((await coachStep(w, p.id, { intent: "withdraw" })).status).toBe(409);
  });
});

describe("the state machine refuses illegal steps and changes nothing", () => {
  test("present before the yes, answer twice, answer after a no, withdraw after the start, propose twice", async () => {
    const w = await setup();
    const p = await propose(w);
    const early = await coachStep(w, p.id, { intent: "present" });
    expect(early.status).toBe(409);
    expect(await statusOf(p.id)).toBe("proposed");
    expect((await employerStep(w, p.id, { intent: "start", startDate: dayInput(5) })).status).toBe(404); // not presented: the employer cannot even see it

    const again = await submit(coachMatches, "/x", { intent: "propose", openingId: w.opening.id }, w.coachCookie, {
      participantId: w.participant.id,
    });
    expect(again.status).toBe(409);
    expect(await db.proposal.count({ where: { participantId: w.participant.id } })).toBe(1);

    expect((await answer(w, p.id, { answer: "more_info", reason: "Hur lång är rasten?" })).status).toBe(302);
    expect(await statusOf(p.id)).toBe("more_info");
    expect((await answer(w, p.id, { answer: "more_info" })).status).toBe(409); // asked already
    expect((await answer(w, p.id, { answer: "no", reason: SECRET.reason })).status).toBe(302);
    expect(await statusOf(p.id)).toBe("declined_by_participant");
    const late = await answer(w, p.id, { answer: "yes" });
    expect(late.status).toBe(409);
    expect((late.value as { message: string }).message).toMatch(/redan sagt nej/);
    expect((await coachStep(w, p.id, { intent: "present" })).status).toBe(409);
    expect((await coachStep(w, p.id, { intent: "withdraw" })).status).toBe(409);
    expect(await statusOf(p.id)).toBe("declined_by_participant");

    // After a no, a new proposal for the same opening is allowed.
    const q = await propose(w);
    await answer(w, q.id, { answer: "yes" });
    expect((await answer(w, q.id, { answer: "yes" })).status).toBe(409);
    await coachStep(w, q.id, { intent: "present" });
    expect((await coachStep(w, q.id, { intent: "present" })).status).toBe(409);
    expect((await employerStep(w, q.id, { intent: "start", startDate: dayInput(5) })).status).toBe(302);
    // A placement exists: nobody can change the proposal any more.
    expect((await coachStep(w, q.id, { intent: "withdraw" })).status).toBe(409);
    expect((await answer(w, q.id, { answer: "no" })).status).toBe(409);
    expect((await employerStep(w, q.id, { intent: "decline", reason: "Ångrar oss" })).status).toBe(409);
    expect((await employerStep(w, q.id, { intent: "start", startDate: dayInput(6) })).status).toBe(409);
    expect(await db.placement.count({ where: { proposalId: q.id } })).toBe(1);
    expect(await statusOf(q.id)).toBe("accepted_by_employer");
  });

  test("a hard rule stops a proposal (400, naming the rule); an unknown opening is a 400", async () => {
    const w = await setup();
    const practice = await createOpening(w.employer.id, { kind: "practice" }); // the participant's goal is work
    const refused = await submit(coachMatches, "/x", { intent: "propose", openingId: practice.id }, w.coachCookie, {
      participantId: w.participant.id,
    });
    expect(refused.status).toBe(400);
    expect((refused.value as { message: string }).message).toMatch(/Praktikplats passar inte deltagarens mål/);
    const unknown = await submit(
      coachMatches,
      "/x",
      { intent: "propose", openingId: "finns-inte-alls" },
      w.coachCookie,
      { participantId: w.participant.id },
    );
    expect(unknown.status).toBe(400);
    const missing = await submit(coachMatches, "/x", { intent: "propose" }, w.coachCookie, {
      participantId: w.participant.id,
    });
    expect(missing.status).toBe(400);
    expect(await db.proposal.count({ where: { participantId: w.participant.id } })).toBe(0);
  });

  test("the participant may change their mind after a yes: the employer no longer sees the presentation", async () => {
    const w = await setup();
    const p = await propose(w);
    await answer(w, p.id, { answer: "yes" });
    await coachStep(w, p.id, { intent: "present" });
    expect((await employerView(w, p.id)).status).toBe(200);
    const view = await load(participantProposal, `/deltagare/forslag/${p.id}`, w.participantCookie, {
      proposalId: p.id,
    });
    expect(view.value).toMatchObject({ waitingForAnswer: false, canChangeMind: true });
    expect((await answer(w, p.id, { answer: "no" })).status).toBe(302);
    expect(await statusOf(p.id)).toBe("declined_by_participant");
    expect((await employerView(w, p.id)).status).toBe(404);
    expect((await employerStep(w, p.id, { intent: "visit", visitAt: visitInput(2) })).status).toBe(404);
  });
});

describe("authorization", () => {
  test("a participant answers only their own proposals: anyone else's is a 404 and nothing changes", async () => {
    const w = await setup();
    const p = await propose(w);
    const otherUser = await createUser("participant");
    await createParticipant(w.organization.id, { userId: otherUser.id, coachId: w.coach.id });
    const otherCookie = await sessionCookieFor(otherUser.id);
    expect((await load(participantProposal, "/x", otherCookie, { proposalId: p.id })).status).toBe(404);
    expect((await answer(w, p.id, { answer: "yes" }, otherCookie)).status).toBe(404);
    expect((await load(participantProposals, "/deltagare/forslag", otherCookie)).value).toEqual({
      waiting: [],
      other: [],
    });
    expect(await statusOf(p.id)).toBe("proposed");
    // Other roles cannot use the participant's page; the participant cannot use the coach's or employer's.
    for (const cookie of [w.coachCookie, w.employerCookie])
      expect((await answer(w, p.id, { answer: "yes" }, cookie)).status).toBe(403);
    expect((await coachStep(w, p.id, { intent: "present" }, w.participantCookie)).status).toBe(403);
    expect((await employerView(w, p.id, w.participantCookie)).status).toBe(403);
    expect(await statusOf(p.id)).toBe("proposed");
  });

  test("an employer sees presented proposals of their own openings only; another organisation's coach gets 404", async () => {
    const w = await setup();
    const p = await propose(w);
    await answer(w, p.id, { answer: "yes" });
    await coachStep(w, p.id, { intent: "present" });

    const otherEmployer = await createEmployer({ organizationId: w.organization.id });
    const otherEmployerUser = await createUser("employer", { employerId: otherEmployer.id });
    const otherEmployerCookie = await sessionCookieFor(otherEmployerUser.id);
    expect((await employerView(w, p.id, otherEmployerCookie)).status).toBe(404);
    expect((await employerStep(w, p.id, { intent: "start", startDate: dayInput(5) }, otherEmployerCookie)).status).toBe(
      404,
    );
    expect((await load(employerProposals, "/arbetsgivare/forslag", otherEmployerCookie)).value).toEqual({
      proposals: [],
    });

    const elsewhere = await createWorld();
    const theirCoach = await sessionCookieFor(elsewhere.coach.id);
    expect((await load(coachProposal, "/x", theirCoach, { proposalId: p.id })).status).toBe(404);
    expect((await coachStep(w, p.id, { intent: "withdraw" }, theirCoach)).status).toBe(404);
    expect((await load(coachMatches, "/x", theirCoach, { participantId: w.participant.id })).status).toBe(404);
    expect(
      (
        await submit(coachMatches, "/x", { intent: "propose", openingId: w.opening.id }, theirCoach, {
          participantId: w.participant.id,
        })
      ).status,
    ).toBe(404);
    const overview = await load(coachProposals, "/coach/forslag?vem=alla", theirCoach);
    expect(JSON.stringify(overview.value)).not.toContain(p.id);
    expect((await load(coachProposals, `/coach/forslag?deltagare=${w.participant.id}`, theirCoach)).status).toBe(404);
    expect(await statusOf(p.id)).toBe("presented");
  });
});

describe("disclosure", () => {
  test("the employer's loader data holds the pseudonym and the disclosed items only", async () => {
    const w = await setup();
    const p = await propose(w);
    await answer(w, p.id, { answer: "yes", reason: SECRET.reason });
    await coachStep(w, p.id, { intent: "present" });
    const page = await employerView(w, p.id);
    expect(page.status).toBe(200);
    const value = page.value as {
      presentation: { pseudonym: string; sections: Array<{ item: string; title: string; lines: string[] }> };
    };
    expect(value.presentation.pseudonym).toBe(w.participant.pseudonym);
    expect(value.presentation.sections.map((s) => s.item)).toEqual(["strengths", "preferences"]);
    expect(value.presentation.sections[0]!.lines).toEqual(["Noggrann", "Kommer alltid i tid"]);

    const text = JSON.stringify(page.value);
    for (const secret of Object.values(SECRET)) expect(text).not.toContain(secret);
    expect(text).not.toContain(w.participant.id);
    expect(text).not.toContain(w.participantUser.email!);
    expect(text).not.toMatch(/"score"|"reasons"|"needs"|"education"|"experience"|Lugn eller avskärmad/);
    for (const reason of JSON.parse(p.reasons) as Array<{ text: string }>) expect(text).not.toContain(reason.text);

    // The participant takes back a disclosure: the employer stops seeing it at once.
    await db.profile.update({
      where: { participantId: w.participant.id },
      data: { disclosure: JSON.stringify({ preferences: true }) },
    });
    const after = await employerView(w, p.id);
    expect((after.value as typeof value).presentation.sections.map((s) => s.item)).toEqual(["preferences"]);
    expect(JSON.stringify(after.value)).not.toContain("Noggrann");
    // Nothing disclosed: only the pseudonym.
    await db.profile.update({ where: { participantId: w.participant.id }, data: { disclosure: "{}" } });
    const none = await employerView(w, p.id);
    expect((none.value as typeof value).presentation).toEqual({ pseudonym: w.participant.pseudonym, sections: [] });
    const reads = await db.auditEvent.findMany({
      where: { participantId: w.participant.id, actorId: w.employerUser.id, entity: "presentation", action: "read" },
      orderBy: { at: "asc" },
    });
    expect(reads.map((r) => r.detail)).toEqual([
      "Arbetsgivaren såg: Styrkor, Arbetstid och resväg",
      "Arbetsgivaren såg: Arbetstid och resväg",
      "Arbetsgivaren såg: bara pseudonymen",
    ]);
  });
});

describe("expiry", () => {
  test("an unanswered proposal expires: lazily on read and with expireProposals(now); a presented one does not", async () => {
    const w = await setup();
    const p = await propose(w);
    const second = await createOpening(w.employer.id, { kind: "job" });
    const q = await propose(w, second.id);
    const third = await createOpening(w.employer.id, { kind: "job" });
    const r = await propose(w, third.id);
    await answer(w, r.id, { answer: "yes" });
    await coachStep(w, r.id, { intent: "present" });

    const past = new Date(Date.now() - DAY);
    await db.proposal.updateMany({ where: { id: { in: [p.id, q.id, r.id] } }, data: { expiresAt: past } });
    // Lazily: the participant opens the proposal and finds it expired; answering is refused.
    const view = await load(participantProposal, "/x", w.participantCookie, { proposalId: p.id });
    expect((view.value as { statusText: string; waitingForAnswer: boolean }).waitingForAnswer).toBe(false);
    expect((view.value as { statusText: string }).statusText).toMatch(/inte aktuellt längre/);
    const late = await answer(w, p.id, { answer: "yes" });
    expect(late.status).toBe(409);
    expect((late.value as { message: string }).message).toMatch(/gått ut/);
    expect(await statusOf(p.id)).toBe("expired");
    // In the background: expireProposals(now) takes the rest, never a presented proposal.
    expect(await statusOf(q.id)).toBe("proposed");
    expect(await expireProposals(new Date())).toBe(1);
    expect(await statusOf(q.id)).toBe("expired");
    expect(await statusOf(r.id)).toBe("presented");
    expect(await expireProposals(new Date())).toBe(0);
  });

  test("the start page expires the participant's overdue proposals, and writes nothing when none is due", async () => {
    const w = await setup();
    const p = await propose(w);
    const home = async () => {
      const { value, queries } = await captureQueries(() => load(participantHome, "/deltagare", w.participantCookie));
      const waiting = (value.value as { waitingProposals: Array<{ id: string }> }).waitingProposals.map((x) => x.id);
      return { waiting, expiryWrites: queries.filter((q) => /^\s*UPDATE\b[^;]*Proposal/i.test(q.sql)).length };
    };
    expect(await home()).toEqual({ waiting: [p.id], expiryWrites: 0 });
    expect(await statusOf(p.id)).toBe("proposed");

    await db.proposal.update({ where: { id: p.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await home()).toEqual({ waiting: [], expiryWrites: 1 });
    expect(await statusOf(p.id)).toBe("expired");
  });

  test("'vill veta mer' gives a new answer period; the overview flags proposals expiring soon", async () => {
    const w = await setup();
    const p = await propose(w);
    await db.proposal.update({ where: { id: p.id }, data: { expiresAt: new Date(Date.now() + 1.5 * DAY) } });
    const overview = await load(coachProposals, "/coach/forslag", w.coachCookie);
    expect(
      (overview.value as { participant: Array<{ id: string; expiringSoon: boolean; daysLeft: number }> }).participant,
    ).toMatchObject([{ id: p.id, expiringSoon: true, daysLeft: 1 }]);
    await answer(w, p.id, { answer: "more_info" });
    const after = await db.proposal.findUniqueOrThrow({ where: { id: p.id } });
    expect(after.expiresAt!.getTime()).toBeGreaterThan(Date.now() + (PROPOSAL_EXPIRY_DAYS - 1) * DAY);
    const overview2 = await load(coachProposals, "/coach/forslag", w.coachCookie);
    expect((overview2.value as { coach: Array<{ id: string; waitingOn: string }> }).coach).toMatchObject([
      { id: p.id, waitingOn: "coach" },
    ]);
  });
});

/** Send everything due (earlier tests leave mail in this file's outbox), then forget what arrived. */
async function flushMail() {
  while ((await sendDueEmails({ batchSize: 100 })).claimed > 0);
}

describe("emails", () => {
  test("the participant, the employer users and the coach are told at each step, with links; no undisclosed data in any mail", async () => {
    await flushMail();
    smtp.clear();
    const w = await setup();
    const p = await propose(w);
    await flushMail();
    const toParticipant = await smtp.waitForMessage((m) => m.envelope.to.includes(w.participantUser.email!));
    expect(toParticipant.subject).toMatch(/Ett förslag till dig/);
    expect(toParticipant.text).toContain(w.opening.title);
    expect(extractLinks(toParticipant)).toContain(`http://localhost:3000/deltagare/forslag/${p.id}`);

    smtp.clear();
    await answer(w, p.id, { answer: "yes" });
    await flushMail();
    const toCoach = await smtp.waitForMessage((m) => m.envelope.to.includes(w.coach.email!));
    expect(toCoach.subject).toMatch(/Deltagaren sa ja/);
    expect(extractLinks(toCoach)).toContain(`http://localhost:3000/coach/forslag/${p.id}`);

    smtp.clear();
    const colleague = await createUser("employer", { employerId: w.employer.id });
    await createUser("employer", { employerId: w.employer.id, email: null });
    await coachStep(w, p.id, { intent: "present" });
    await flushMail();
    const mails = await smtp.waitForMessages(2);
    expect(mails.map((m) => m.envelope.to[0]).sort()).toEqual([w.employerUser.email!, colleague.email!].sort());
    for (const m of mails) {
      expect(m.subject).toMatch(/presenteras/);
      expect(extractLinks(m)).toContain(`http://localhost:3000/arbetsgivare/forslag/${p.id}`);
      for (const secret of Object.values(SECRET)) expect(`${m.subject} ${m.text} ${m.html}`).not.toContain(secret);
    }

    smtp.clear();
    await employerStep(w, p.id, { intent: "decline", reason: "Inte just nu" });
    await flushMail();
    const declined = await smtp.waitForMessage((m) => m.envelope.to.includes(w.coach.email!));
    expect(declined.subject).toMatch(/Arbetsgivaren sa nej/);
  });

  test("a failing step sends nothing", async () => {
    const w = await setup();
    const p = await propose(w);
    await flushMail();
    smtp.clear();
    const before = await db.emailOutbox.count();
    expect((await coachStep(w, p.id, { intent: "present" })).status).toBe(409);
    expect((await answer(w, p.id, { answer: "maybe" })).status).toBe(400);
    expect(await db.emailOutbox.count()).toBe(before);
  });
});
