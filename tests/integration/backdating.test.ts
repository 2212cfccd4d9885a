// Dates from the past in the staff forms (issue 12 item 2): enrolment dates may be back-dated, never
// set in the future, always before the placements and the exit; the audit trail says who did it.
import { describe, expect, test } from "vitest";
import * as outcomeRoute from "~/routes/coach/outcome.tsx";
import * as editRoute from "~/routes/coach/participant-edit.tsx";
import * as newRoute from "~/routes/coach/participant-new.tsx";
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
