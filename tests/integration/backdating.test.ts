// Dates from the past in the staff forms (issue 12 item 2): enrolment, exit, milestone and follow-up
// dates (retention checks, placement check-ins, employer contacts, ending support) may be back-dated,
// never set in the future, always in order (enrolment ≤ placement start ≤ milestone ≤ exit); the
// audit trail says who did it.
import { describe, expect, test } from "vitest";
import * as contactsRoute from "~/routes/coach/employer-contacts.tsx";
import * as outcomeRoute from "~/routes/coach/outcome.tsx";
import * as editRoute from "~/routes/coach/participant-edit.tsx";
import * as newRoute from "~/routes/coach/participant-new.tsx";
import * as placementRoute from "~/routes/coach/placement.tsx";
import { dayKey } from "~/domain/swedish-time.ts";
import { db } from "~/utils/db.server.ts";
import { useFixedClock } from "../support/clock.ts";
import { createPlacementWithThread, createUser, createWorld, enrolmentFields } from "../support/factories.ts";
import { sessionCookieFor } from "../support/requests.ts";
import { fieldErrors, load, submit } from "../support/routes.ts";

useFixedClock("2025-06-15T10:00:00Z");
const TODAY = "2025-06-15";
const NEW_PATH = "/coach/deltagare/ny";
const editPath = (id: string) => `/coach/deltagare/${id}/uppgifter`;
const fields = (overrides: Record<string, string | string[]> = {}) =>
  enrolmentFields({ consentBryggaDate: "2014-03-03", ...overrides });

/** The fields of the edit form for a participant as it is now, with changes. */
async function editFields(participantId: string, overrides: Record<string, string>) {
  const p = await db.participant.findUniqueOrThrow({ where: { id: participantId } });
  return {
    pseudonym: p.pseudonym,
    gender: p.gender,
    municipalityCode: p.municipalityCode ?? "",
    referralSource: p.referralSource,
    goals: JSON.parse(p.goals) as string[],
    startOccupation: "job_seeking",
    startIncomeSources: ["activity_support"],
    ...overrides,
  };
}

describe("enrolment date on the enrolment form", () => {
  test("the form offers today as the default and the latest date", async () => {
    const { coach } = await createWorld();
    const page = await load(newRoute, NEW_PATH, await sessionCookieFor(coach.id));
    expect(page.status).toBe(200);
    expect(page.value).toMatchObject({ today: TODAY });
  });

  test("a past date is the enrolment date, and the audit says who back-dated it", async () => {
    const { coach } = await createWorld();
    const result = await submit(
      newRoute,
      NEW_PATH,
      fields({ pseudonym: "Gammal", enrolledAt: "2014-03-03" }),
      await sessionCookieFor(coach.id),
    );
    expect(result.status).toBe(302);
    const p = await db.participant.findFirstOrThrow({
      where: { pseudonym: "Gammal" },
      include: { phaseChanges: true },
    });
    expect(p.enrolledAt.toISOString()).toBe("2014-03-03T12:00:00.000Z");
    expect(p.phaseChanges.map((c) => c.at.toISOString())).toEqual(["2014-03-03T12:00:00.000Z"]);
    const events = await db.auditEvent.findMany({ where: { participantId: p.id, entity: "enrolment_date" } });
    expect(events).toMatchObject([
      { actorId: coach.id, action: "update", detail: "Inskrivningsdatum tillbakadaterat till 2014-03-03" },
    ]);
  });

  test("today (or an empty field) is not back-dating: the moment is kept and nothing extra is audited", async () => {
    const { coach } = await createWorld();
    const cookie = await sessionCookieFor(coach.id);
    const cases: Array<[string, string]> = [
      ["Idag", TODAY],
      ["Tomt", ""],
    ];
    for (const [pseudonym, enrolledAt] of cases) {
      expect((await submit(newRoute, NEW_PATH, fields({ pseudonym, enrolledAt }), cookie)).status).toBe(302);
      const p = await db.participant.findFirstOrThrow({ where: { pseudonym } });
      expect(p.enrolledAt.toISOString()).toBe("2025-06-15T10:00:00.000Z");
      expect(await db.auditEvent.count({ where: { participantId: p.id, entity: "enrolment_date" } })).toBe(0);
    }
  });

  test("a future or malformed date is refused with a Swedish message and nothing is written", async () => {
    const { coach } = await createWorld();
    const cookie = await sessionCookieFor(coach.id);
    const before = await db.participant.count();
    const future = await submit(newRoute, NEW_PATH, fields({ pseudonym: "Sen", enrolledAt: "2025-06-16" }), cookie);
    expect(future.status).toBe(400);
    expect(fieldErrors(future).enrolledAt).toEqual(["Inskrivningsdatum kan inte ligga i framtiden."]);
    const bad = await submit(newRoute, NEW_PATH, fields({ pseudonym: "Fel", enrolledAt: "2014-02-30" }), cookie);
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad).enrolledAt).toEqual(["Skriv inskrivningsdatum som ÅÅÅÅ-MM-DD."]);
    expect(await db.participant.count()).toBe(before);
  });
});

describe("enrolment date on the edit form", () => {
  test("moving the enrolment into the past is saved and audited with the old and new date", async () => {
    const world = await createWorld();
    const { coach, participant } = world;
    const cookie = await sessionCookieFor(coach.id);
    const page = await load(editRoute, editPath(participant.id), cookie, { participantId: participant.id });
    expect(page.value).toMatchObject({ today: TODAY, participant: { enrolledAt: expect.any(String) } });
    const before = (page.value as { participant: { enrolledAt: string } }).participant.enrolledAt;

    const result = await submit(
      editRoute,
      editPath(participant.id),
      await editFields(participant.id, { enrolledAt: "2024-01-08" }),
      cookie,
      { participantId: participant.id },
    );
    expect(result.status).toBe(302);
    const p = await db.participant.findUniqueOrThrow({ where: { id: participant.id } });
    expect(p.enrolledAt.toISOString()).toBe("2024-01-08T12:00:00.000Z");
    expect(await db.auditEvent.findMany({ where: { participantId: p.id, entity: "enrolment_date" } })).toMatchObject([
      { actorId: coach.id, detail: `Inskrivningsdatum tillbakadaterat: ${before} → 2024-01-08` },
    ]);
  });

  test("an enrolment after a placement's start or after the exit is refused and changes nothing", async () => {
    const world = await createWorld();
    const { coach, participant } = world;
    await db.participant.update({
      where: { id: participant.id },
      data: { enrolledAt: new Date("2024-01-08T12:00:00Z"), pseudonym: "Före" },
    });
    await createPlacementWithThread(world, { startDate: new Date("2024-03-01T12:00:00Z") });
    const cookie = await sessionCookieFor(coach.id);
    const args = { participantId: participant.id };
    const late = await submit(
      editRoute,
      editPath(participant.id),
      await editFields(participant.id, { enrolledAt: "2024-04-01", pseudonym: "Efter" }),
      cookie,
      args,
    );
    expect(late.status).toBe(400);
    expect(fieldErrors(late).enrolledAt).toEqual([
      "Inskrivningsdatum kan inte ligga efter en placerings start (2024-03-01).",
    ]);

    await db.placement.deleteMany({ where: { participantId: participant.id } });
    await db.participant.update({
      where: { id: participant.id },
      data: { exitedAt: new Date("2024-02-01T12:00:00Z") },
    });
    const afterExit = await submit(
      editRoute,
      editPath(participant.id),
      await editFields(participant.id, { enrolledAt: "2024-02-02", pseudonym: "Efter" }),
      cookie,
      args,
    );
    expect(afterExit.status).toBe(400);
    expect(fieldErrors(afterExit).enrolledAt).toEqual([
      "Inskrivningsdatum kan inte ligga efter avslutsdatum (2024-02-01).",
    ]);

    const p = await db.participant.findUniqueOrThrow({ where: { id: participant.id } });
    expect(p.pseudonym).toBe("Före");
    expect(p.enrolledAt.toISOString()).toBe("2024-01-08T12:00:00.000Z");
    expect(await db.auditEvent.count({ where: { participantId: p.id, entity: "enrolment_date" } })).toBe(0);
  });

  test("staff of another organisation get 404 and a participant gets 403", async () => {
    const { participant, participantUser } = await createWorld();
    const other = await createWorld();
    const outsider = await createUser("coach", { organizationId: other.organization.id });
    const args = { participantId: participant.id };
    const values = await editFields(participant.id, { enrolledAt: "2014-03-03" });
    const foreign = await submit(
      editRoute,
      editPath(participant.id),
      values,
      await sessionCookieFor(outsider.id),
      args,
    );
    expect(foreign.status).toBe(404);
    const self = await submit(
      editRoute,
      editPath(participant.id),
      values,
      await sessionCookieFor(participantUser.id),
      args,
    );
    expect(self.status).toBe(403);
    const p = await db.participant.findUniqueOrThrow({ where: { id: participant.id } });
    expect(p.enrolledAt.toISOString()).not.toBe("2014-03-03T12:00:00.000Z");
  });
});

describe("exit date on the outcome page", () => {
  const exit = (exitDate: string) => ({
    intent: "exit",
    exitDate,
    exitReason: "work",
    exitOccupation: "employed",
    exitIncomeSources: ["salary"],
  });

  test("an exit before a placement's start is refused and changes nothing; a past exit after it is audited", async () => {
    const world = await createWorld();
    const { coach, participant } = world;
    await db.participant.update({
      where: { id: participant.id },
      data: { enrolledAt: new Date("2014-03-03T12:00:00Z") },
    });
    await createPlacementWithThread(world, { startDate: new Date("2014-05-05T12:00:00Z") });
    const cookie = await sessionCookieFor(coach.id);
    const path = `/coach/deltagare/${participant.id}/utfall`;
    const params = { participantId: participant.id };

    const early = await submit(outcomeRoute, path, exit("2014-04-30"), cookie, params);
    expect(early.status).toBe(400);
    expect(fieldErrors(early).exitDate).toEqual(["Avslutsdatum kan inte ligga före en placerings start (2014-05-05)."]);
    const beforeEnrolment = await submit(outcomeRoute, path, exit("2014-03-02"), cookie, params);
    expect(fieldErrors(beforeEnrolment).exitDate).toEqual([
      "Avslutsdatum kan inte ligga före inskrivningen (2014-03-03).",
    ]);
    let p = await db.participant.findUniqueOrThrow({ where: { id: participant.id } });
    expect(p.exitedAt).toBeNull();
    expect(
      await db.auditEvent.count({ where: { participantId: p.id, entity: { in: ["outcome", "exit_date"] } } }),
    ).toBe(0);

    expect((await submit(outcomeRoute, path, exit("2015-06-30"), cookie, params)).status).toBe(302);
    p = await db.participant.findUniqueOrThrow({ where: { id: participant.id } });
    expect(p.phase).toBe("exited");
    expect(p.exitedAt?.toISOString()).toBe("2015-06-30T12:00:00.000Z");
    expect(await db.auditEvent.findMany({ where: { participantId: p.id, entity: "exit_date" } })).toMatchObject([
      { actorId: coach.id, detail: "Avslutsdatum tillbakadaterat till 2015-06-30" },
    ]);
  });

  test("an exit today is not back-dating", async () => {
    const { coach, participant } = await createWorld();
    await db.participant.update({
      where: { id: participant.id },
      data: { enrolledAt: new Date("2014-03-03T12:00:00Z") },
    });
    const result = await submit(
      outcomeRoute,
      `/coach/deltagare/${participant.id}/utfall`,
      exit(TODAY),
      await sessionCookieFor(coach.id),
      {
        participantId: participant.id,
      },
    );
    expect(result.status).toBe(302);
    expect(await db.auditEvent.count({ where: { participantId: participant.id, entity: "exit_date" } })).toBe(0);
  });
});

describe("retention checks follow the real dates", () => {
  test("a back-dated employment start gives 3/6/12-month checks from that start, not from today", async () => {
    const world = await createWorld();
    const { coach, participant } = world;
    await db.participant.update({
      where: { id: participant.id },
      data: { enrolledAt: new Date("2014-03-03T12:00:00Z") },
    });
    await createPlacementWithThread(world, { kind: "job", startDate: new Date("2014-05-05T12:00:00Z") });
    const page = await load(
      outcomeRoute,
      `/coach/deltagare/${participant.id}/utfall`,
      await sessionCookieFor(coach.id),
      {
        participantId: participant.id,
      },
    );
    expect(page.status).toBe(200);
    const { retention } = page.value as { retention: Array<{ months: number; dueDate: string }> };
    expect(retention.map((r) => [r.months, r.dueDate.slice(0, 10)])).toEqual([
      [3, "2014-08-05"],
      [6, "2014-11-05"],
      [12, "2015-05-05"],
    ]);
  });
});

// ───────────── milestones and follow-ups (retention checks, placement check-ins, employer contacts) ─────────────

/** A participant enrolled 2014-03-03 with one placement (a job unless told) starting 2014-05-05. */
async function pastWorld(kind = "job") {
  const world = await createWorld();
  await db.participant.update({
    where: { id: world.participant.id },
    data: { enrolledAt: new Date("2014-03-03T12:00:00Z") },
  });
  const { placement, opening } = await createPlacementWithThread(world, {
    kind,
    startDate: new Date("2014-05-05T12:00:00Z"),
  });
  return { ...world, placement, opening, cookie: await sessionCookieFor(world.coach.id) };
}

/** A coach of another organisation. */
async function outsiderCookie() {
  const other = await createWorld();
  const outsider = await createUser("coach", { organizationId: other.organization.id });
  return sessionCookieFor(outsider.id);
}

describe("retention check dates on the outcome page", () => {
  const check = (checkedAt: string, months = "3") => ({
    intent: "retention",
    months,
    checkedAt,
    employed: "yes",
    hours: "20",
  });
  const path = (id: string) => `/coach/deltagare/${id}/utfall`;
  const retentionOf = async (participantId: string) =>
    (await db.outcomeRecord.findUnique({ where: { participantId } }))?.retention ?? "[]";

  test("a check recorded afterwards keeps its real date and the audit says who back-dated it", async () => {
    const w = await pastWorld();
    const params = { participantId: w.participant.id };
    expect((await submit(outcomeRoute, path(w.participant.id), check("2014-08-06"), w.cookie, params)).status).toBe(
      302,
    );
    expect(JSON.parse(await retentionOf(w.participant.id))).toEqual([
      { months: 3, employed: true, hours: 20, checkedAt: "2014-08-06T12:00:00.000Z" },
    ]);
    expect(
      await db.auditEvent.findMany({ where: { participantId: w.participant.id, entity: "retention_date" } }),
    ).toMatchObject([
      {
        actorId: w.coach.id,
        action: "update",
        detail: "Uppföljningsdatum (efter 3 månader) tillbakadaterat till 2014-08-06",
      },
    ]);

    // The 12-month check may come after the participant has left the programme.
    await db.participant.update({
      where: { id: w.participant.id },
      data: { exitedAt: new Date("2014-09-30T12:00:00Z"), phase: "exited" },
    });
    expect(
      (await submit(outcomeRoute, path(w.participant.id), check("2015-05-06", "12"), w.cookie, params)).status,
    ).toBe(302);
    // A check today is not back-dating.
    expect((await submit(outcomeRoute, path(w.participant.id), check(TODAY, "6"), w.cookie, params)).status).toBe(302);
    expect(await db.auditEvent.count({ where: { participantId: w.participant.id, entity: "retention_date" } })).toBe(2);
  });

  test("a future date or one before the employment's start is refused with a Swedish message and changes nothing", async () => {
    const w = await pastWorld();
    const params = { participantId: w.participant.id };
    const future = await submit(outcomeRoute, path(w.participant.id), check("2025-06-16"), w.cookie, params);
    expect(future.status).toBe(400);
    expect(fieldErrors(future).checkedAt).toEqual(["Uppföljningen kan inte ha skett i framtiden."]);
    const early = await submit(outcomeRoute, path(w.participant.id), check("2014-05-04"), w.cookie, params);
    expect(early.status).toBe(400);
    expect(fieldErrors(early).checkedAt).toEqual(["Datumet kan inte ligga före anställningens start (2014-05-05)."]);
    expect(await retentionOf(w.participant.id)).toBe("[]");
    expect(
      await db.auditEvent.count({
        where: { participantId: w.participant.id, entity: { in: ["outcome", "retention_date"] }, action: "update" },
      }),
    ).toBe(0);
  });

  test("staff of another organisation get 404", async () => {
    const w = await pastWorld();
    const foreign = await submit(outcomeRoute, path(w.participant.id), check("2014-08-06"), await outsiderCookie(), {
      participantId: w.participant.id,
    });
    expect(foreign.status).toBe(404);
    expect(await retentionOf(w.participant.id)).toBe("[]");
  });
});

describe("follow-up dates on the placement page", () => {
  const path = (id: string) => `/coach/placeringar/${id}`;
  const checkIn = (w: Awaited<ReturnType<typeof pastWorld>>, date: string, cookie = w.cookie) =>
    submit(placementRoute, path(w.placement.id), { intent: "checkin", date, notes: "Går bra." }, cookie, {
      placementId: w.placement.id,
    });

  test("a follow-up recorded afterwards is dated that day, plans the next from it, and is audited", async () => {
    const w = await pastWorld("practice");
    expect((await checkIn(w, "2014-06-10")).status).toBe(302);
    const meetings = await db.meeting.findMany({ where: { placementId: w.placement.id, kind: "follow_up" } });
    expect(meetings).toMatchObject([{ status: "done", notes: "Går bra." }]);
    expect(dayKey(meetings[0]!.scheduledAt)).toBe("2014-06-10");
    // Weekly support: the next check-in is a week after the real follow-up.
    const placement = await db.placement.findUniqueOrThrow({ where: { id: w.placement.id } });
    expect(dayKey(placement.nextCheckInAt!)).toBe("2014-06-17");
    expect(
      await db.auditEvent.findMany({ where: { participantId: w.participant.id, entity: "follow_up_date" } }),
    ).toMatchObject([
      { actorId: w.coach.id, detail: `Uppföljningsdatum (${w.opening.title}) tillbakadaterat till 2014-06-10` },
    ]);

    // Today (or no date) is not back-dating, and the next check-in follows today's follow-up.
    expect((await checkIn(w, "")).status).toBe(302);
    expect(dayKey((await db.placement.findUniqueOrThrow({ where: { id: w.placement.id } })).nextCheckInAt!)).toBe(
      "2025-06-22",
    );
    expect(await db.auditEvent.count({ where: { participantId: w.participant.id, entity: "follow_up_date" } })).toBe(1);

    // An exit before a recorded follow-up would put the dates out of order.
    const exit = await submit(
      outcomeRoute,
      `/coach/deltagare/${w.participant.id}/utfall`,
      {
        intent: "exit",
        exitDate: "2014-06-01",
        exitReason: "work",
        exitOccupation: "employed",
        exitIncomeSources: ["salary"],
      },
      w.cookie,
      { participantId: w.participant.id },
    );
    expect(exit.status).toBe(400);
    expect(fieldErrors(exit).exitDate).toEqual([
      `Avslutsdatum kan inte ligga före en registrerad uppföljning eller arbetsgivarkontakt (${TODAY}).`,
    ]);
  });

  test("a future date, one before the placement's start or after the exit is refused and changes nothing", async () => {
    const w = await pastWorld("practice");
    const before = await db.placement.findUniqueOrThrow({ where: { id: w.placement.id } });
    const future = await checkIn(w, "2025-06-16");
    expect(future.status).toBe(400);
    expect(fieldErrors(future).date).toEqual(["Uppföljningen kan inte ha skett i framtiden. Boka ett möte i stället."]);
    const early = await checkIn(w, "2014-05-04");
    expect(early.status).toBe(400);
    expect(fieldErrors(early).date).toEqual(["Datumet kan inte ligga före placeringens start (2014-05-05)."]);
    await db.participant.update({
      where: { id: w.participant.id },
      data: { exitedAt: new Date("2014-09-30T12:00:00Z") },
    });
    const late = await checkIn(w, "2014-10-01");
    expect(late.status).toBe(400);
    expect(fieldErrors(late).date).toEqual(["Datumet kan inte ligga efter avslutet (2014-09-30)."]);
    const bad = await checkIn(w, "2014-02-30");
    expect(fieldErrors(bad).date?.[0]).toMatch(/ÅÅÅÅ-MM-DD/);

    expect(await db.meeting.count({ where: { placementId: w.placement.id } })).toBe(0);
    expect(await db.placement.findUniqueOrThrow({ where: { id: w.placement.id } })).toEqual(before);
    expect(
      await db.auditEvent.count({
        where: { participantId: w.participant.id, entity: { in: ["placement", "follow_up_date"] }, action: "update" },
      }),
    ).toBe(0);
  });

  test("staff of another organisation get 404", async () => {
    const w = await pastWorld("practice");
    expect((await checkIn(w, "2014-06-10", await outsiderCookie())).status).toBe(404);
    expect(await db.meeting.count({ where: { placementId: w.placement.id } })).toBe(0);
  });
});

describe("employer contacts about a participant (the first-contact milestone)", () => {
  const contact = (w: Awaited<ReturnType<typeof pastWorld>>, occurredAt: string) => ({
    employerId: w.employer.id,
    kind: "call",
    occurredAt,
    participantId: w.participant.id,
  });

  test("a contact logged afterwards keeps its date and is audited as back-dated", async () => {
    const w = await pastWorld();
    const result = await submit(contactsRoute, "/coach/kontakter", contact(w, "2014-04-01"), w.cookie);
    expect(result.status).toBe(302);
    const outcome = await db.outcomeRecord.findUniqueOrThrow({ where: { participantId: w.participant.id } });
    expect(dayKey(outcome.firstEmployerContactAt!)).toBe("2014-04-01");
    expect(
      await db.auditEvent.findMany({ where: { participantId: w.participant.id, entity: "employer_contact_date" } }),
    ).toMatchObject([
      { actorId: w.coach.id, detail: "Arbetsgivarkontakt (Telefonsamtal) tillbakadaterat till 2014-04-01" },
    ]);
  });

  test("a contact before the enrolment, after the exit or in the future is refused and changes nothing", async () => {
    const w = await pastWorld();
    const early = await submit(contactsRoute, "/coach/kontakter", contact(w, "2014-03-02"), w.cookie);
    expect(early.status).toBe(400);
    expect(fieldErrors(early).occurredAt).toEqual(["Datumet kan inte ligga före inskrivningen (2014-03-03)."]);
    const future = await submit(contactsRoute, "/coach/kontakter", contact(w, "2025-06-16"), w.cookie);
    expect(future.status).toBe(400);
    expect(fieldErrors(future).occurredAt).toEqual(["Kontakten kan inte ha skett i framtiden."]);
    await db.participant.update({
      where: { id: w.participant.id },
      data: { exitedAt: new Date("2014-09-30T12:00:00Z") },
    });
    const late = await submit(contactsRoute, "/coach/kontakter", contact(w, "2014-10-01"), w.cookie);
    expect(late.status).toBe(400);
    expect(fieldErrors(late).occurredAt).toEqual(["Datumet kan inte ligga efter avslutet (2014-09-30)."]);
    expect(await db.employerContact.count({ where: { participantId: w.participant.id } })).toBe(0);
    expect(
      await db.auditEvent.count({
        where: { participantId: w.participant.id, entity: { in: ["employer-contact", "employer_contact_date"] } },
      }),
    ).toBe(0);
  });

  test("another organisation's participant is refused and nothing is written", async () => {
    const w = await pastWorld();
    const other = await createWorld();
    const outsider = await createUser("coach", { organizationId: other.organization.id });
    const foreign = await submit(
      contactsRoute,
      "/coach/kontakter",
      { ...contact(w, "2014-04-01"), employerId: other.employer.id },
      await sessionCookieFor(outsider.id),
    );
    expect(foreign.status).toBe(400);
    expect(fieldErrors(foreign).participantId).toEqual(["Välj en deltagare i din organisation."]);
    expect(await db.employerContact.count({ where: { participantId: w.participant.id } })).toBe(0);
  });
});

describe("ending support keeps the dates in order (placement page)", () => {
  const path = (id: string) => `/coach/placeringar/${id}`;
  const end = (
    w: Awaited<ReturnType<typeof pastWorld>>,
    fields: { reason: string; endDate: string },
    cookie = w.cookie,
  ) =>
    submit(placementRoute, path(w.placement.id), { intent: "end", ...fields }, cookie, { placementId: w.placement.id });

  /** The job of pastWorld, plus a practice placement that started 2014-08-01 and has ended. */
  async function twoPlacements() {
    const w = await pastWorld();
    const later = await createPlacementWithThread(w, { startDate: new Date("2014-08-01T12:00:00Z") });
    await db.placement.update({ where: { id: later.placement.id }, data: { status: "ended" } });
    return w;
  }

  test("an exit (employed, no more support) before another placement's start is refused and changes nothing", async () => {
    const w = await twoPlacements();
    const result = await end(w, { reason: "employed_no_support", endDate: "2014-07-01" });
    expect(result.status).toBe(400);
    expect(fieldErrors(result).endDate).toEqual(["Avslutsdatum kan inte ligga före en placerings start (2014-08-01)."]);
    expect((await db.placement.findUniqueOrThrow({ where: { id: w.placement.id } })).status).not.toBe("ended");
    const p = await db.participant.findUniqueOrThrow({ where: { id: w.participant.id } });
    expect(p.exitedAt).toBeNull();
    expect(p.phase).not.toBe("exited");
    expect(
      await db.auditEvent.count({
        where: { participantId: w.participant.id, entity: { in: ["placement", "exit_date", "outcome"] } },
      }),
    ).toBe(0);
  });

  test("a past end after every start exits the participant on that day, audited as back-dated", async () => {
    const w = await twoPlacements();
    expect((await end(w, { reason: "employed_no_support", endDate: "2014-09-01" })).status).toBe(302);
    const p = await db.participant.findUniqueOrThrow({ where: { id: w.participant.id } });
    expect(p.phase).toBe("exited");
    expect(dayKey(p.exitedAt!)).toBe("2014-09-01");
    expect(
      await db.auditEvent.findMany({ where: { participantId: w.participant.id, entity: "exit_date" } }),
    ).toMatchObject([{ actorId: w.coach.id, detail: "Avslutsdatum tillbakadaterat till 2014-09-01" }]);
  });

  test("an end after an earlier exit, or in the future, is refused and changes nothing", async () => {
    const w = await pastWorld();
    const future = await end(w, { reason: "other", endDate: "2025-06-16" });
    expect(future.status).toBe(400);
    expect(fieldErrors(future).endDate?.[0]).toMatch(/framtiden/);
    await db.participant.update({
      where: { id: w.participant.id },
      data: { exitedAt: new Date("2014-09-30T12:00:00Z"), phase: "exited" },
    });
    const afterExit = await end(w, { reason: "other", endDate: "2014-10-15" });
    expect(afterExit.status).toBe(400);
    expect(fieldErrors(afterExit).endDate).toEqual(["Datumet kan inte ligga efter avslutet (2014-09-30)."]);
    expect((await db.placement.findUniqueOrThrow({ where: { id: w.placement.id } })).status).not.toBe("ended");
    expect((await end(w, { reason: "other", endDate: "2014-09-30" })).status).toBe(302);
  });

  test("staff of another organisation get 404", async () => {
    const w = await pastWorld();
    expect((await end(w, { reason: "other", endDate: "2014-09-01" }, await outsiderCookie())).status).toBe(404);
    expect((await db.placement.findUniqueOrThrow({ where: { id: w.placement.id } })).status).not.toBe("ended");
  });
});
