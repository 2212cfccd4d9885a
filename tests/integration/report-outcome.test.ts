// The coach's outcome page (/coach/deltagare/:id/utfall): milestones derived from events, the exit
// form, retention checks; validation (400, nothing saved), scoping (404/403), audit; and the
// report counting what was recorded.
import { describe, expect, test } from "vitest";
import * as outcomeRoute from "~/routes/coach/outcome.tsx";
import * as reportRoute from "~/routes/reports/report.tsx";
import type { ReportTable } from "~/domain/reports/tables.ts";
import { db } from "~/utils/db.server.ts";
import { createParticipant, createWorkplace, createWorld, OCCUPATION_LAGERARBETARE } from "../support/factories.ts";
import { noticeOf, sessionCookieFor } from "../support/requests.ts";
import { fieldErrors, load, submit } from "../support/routes.ts";

const DAY = 86_400_000;
const dateOnly = (d: Date) => d.toISOString().slice(0, 10);

async function setup() {
  const world = await createWorld();
  const enrolledAt = new Date(Date.now() - 200 * DAY);
  const participant = await createParticipant(world.organization.id, {
    coachId: world.coach.id,
    pseudonym: "Robin",
    enrolledAt,
    phase: "employed_support",
  });
  await db.participant.update({
    where: { id: participant.id },
    data: {
      gender: "woman",
      startOccupation: "job_seeking",
      startIncomeSources: JSON.stringify(["activity_support", "social_assistance"]),
    },
  });
  await db.consent.create({
    data: { participantId: participant.id, scope: "statistics", given: true, date: enrolledAt },
  });
  const cookie = await sessionCookieFor(world.coach.id);
  const path = `/coach/deltagare/${participant.id}/utfall`;
  const params = { participantId: participant.id };
  return { world, participant, enrolledAt, cookie, path, params };
}

async function addJob(
  world: Awaited<ReturnType<typeof createWorld>>,
  participantId: string,
  start: Date,
  support = "lonestod",
) {
  const workplace = await createWorkplace(world.employer.id);
  const opening = await db.opening.create({
    data: {
      employerId: world.employer.id,
      workplaceId: workplace.id,
      kind: "job",
      title: "Lagerarbetare",
      description: "x",
      occupationId: OCCUPATION_LAGERARBETARE,
      hoursMin: 20,
      hoursMax: 30,
      employmentSupport: support,
      status: "filled",
    },
  });
  return db.placement.create({
    data: { participantId, openingId: opening.id, kind: "job", startDate: start, hoursPerWeek: 25 },
  });
}

type OutcomeData = {
  milestones: {
    firstEmployerContactAt: string | Date | null;
    firstPlacementAt: Date | null;
    firstEmploymentAt: Date | null;
    employmentForm: string | null;
    competitive: boolean | null;
  };
  retention: Array<{ months: number; dueDate: string; check: { employed: boolean; hours: number | null } | null }>;
  exit: { exitReason: string | null };
};

describe("outcome page", () => {
  test("shows milestones derived from contacts, proposals and placements; the read is audited", async () => {
    const { world, participant, enrolledAt, cookie, path, params } = await setup();
    await db.employerContact.create({
      data: {
        organizationId: world.organization.id,
        employerId: world.employer.id,
        coachId: world.coach.id,
        participantId: participant.id,
        kind: "call",
        occurredAt: new Date(enrolledAt.getTime() + 12 * DAY),
      },
    });
    const jobStart = new Date(enrolledAt.getTime() + 60 * DAY);
    await addJob(world, participant.id, jobStart);
    const result = await load(outcomeRoute, path, cookie, params);
    expect(result.status).toBe(200);
    const data = result.value as OutcomeData;
    expect(new Date(data.milestones.firstEmployerContactAt!).getTime()).toBe(enrolledAt.getTime() + 12 * DAY);
    expect(data.milestones).toMatchObject({
      firstEmploymentAt: jobStart,
      firstPlacementAt: jobStart,
      employmentForm: "lonestod",
      competitive: true,
    });
    expect(data.retention.map((r) => r.months)).toEqual([3, 6, 12]);
    expect(data.retention[0]!.check).toBeNull();
    expect(
      await db.auditEvent.count({
        where: { participantId: participant.id, actorId: world.coach.id, action: "read", entity: "outcome" },
      }),
    ).toBe(1);
  });

  test("another organisation's participant is a 404; employers 403", async () => {
    const { path, params } = await setup();
    const other = await createWorld();
    const theirCookie = await sessionCookieFor(other.coach.id);
    expect((await load(outcomeRoute, path, theirCookie, params)).status).toBe(404);
    expect((await submit(outcomeRoute, path, { intent: "exit" }, theirCookie, params)).status).toBe(404);
    expect((await load(outcomeRoute, path, await sessionCookieFor(other.employerUser.id), params)).status).toBe(403);
  });
});

describe("exit", () => {
  test("invalid exits get field errors and change nothing", async () => {
    const { participant, enrolledAt, cookie, path, params } = await setup();
    const empty = await submit(outcomeRoute, path, { intent: "exit", exitDate: "" }, cookie, params);
    expect(empty.status).toBe(400);
    expect(fieldErrors(empty)).toMatchObject({
      exitDate: ["Fyll i avslutsdatum."],
      exitReason: ["Välj en avslutsorsak."],
      exitOccupation: ["Välj sysselsättning vid avslut."],
      exitIncomeSources: ["Välj minst en försörjningskälla vid avslut (eller Ingen offentlig försörjning)."],
    });
    const valid = {
      intent: "exit",
      exitDate: dateOnly(new Date()),
      exitReason: "work",
      exitOccupation: "employed",
      exitIncomeSources: ["salary"],
    };
    const future = await submit(
      outcomeRoute,
      path,
      { ...valid, exitDate: dateOnly(new Date(Date.now() + 3 * DAY)) },
      cookie,
      params,
    );
    expect(fieldErrors(future).exitDate).toEqual(["Avslutsdatum kan inte ligga i framtiden."]);
    const beforeEnrolment = await submit(
      outcomeRoute,
      path,
      { ...valid, exitDate: dateOnly(new Date(enrolledAt.getTime() - 5 * DAY)) },
      cookie,
      params,
    );
    expect(fieldErrors(beforeEnrolment).exitDate![0]).toMatch(/^Avslutsdatum kan inte ligga före inskrivningen/);
    const contradiction = await submit(
      outcomeRoute,
      path,
      { ...valid, exitIncomeSources: ["no_public_support", "social_assistance"] },
      cookie,
      params,
    );
    expect(fieldErrors(contradiction).exitIncomeSources).toEqual([
      "Ingen offentlig försörjning kan inte kombineras med en offentlig försörjningskälla.",
    ]);
    const unknown = await submit(
      outcomeRoute,
      path,
      { ...valid, exitReason: "lottery", exitIncomeSources: ["salary", "gold"] },
      cookie,
      params,
    );
    expect(fieldErrors(unknown)).toMatchObject({
      exitReason: ["Välj en avslutsorsak."],
      exitIncomeSources: ["Välj försörjningskällor i listan."],
    });
    expect(await db.outcomeRecord.count({ where: { participantId: participant.id } })).toBe(0);
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).phase).toBe("employed_support");
  });

  test("a valid exit closes the participant, keeps the outcome and is audited; the report counts it", async () => {
    const { world, participant, cookie, path, params } = await setup();
    const exitDate = dateOnly(new Date(Date.now() - 2 * DAY));
    const result = await submit(
      outcomeRoute,
      path,
      {
        intent: "exit",
        exitDate,
        exitReason: "work",
        exitOccupation: "employed",
        exitIncomeSources: ["salary", "other"],
      },
      cookie,
      params,
    );
    expect(result.status).toBe(302);
    expect(await noticeOf(result)).toBe("Avslutet är sparat. Deltagaren är nu avslutad.");
    const p = await db.participant.findUniqueOrThrow({
      where: { id: participant.id },
      include: { outcome: true, phaseChanges: true },
    });
    expect(p.phase).toBe("exited");
    expect(p.exitedAt?.toISOString()).toBe(`${exitDate}T12:00:00.000Z`);
    expect(p.phaseChanges.at(-1)).toMatchObject({
      fromPhase: "employed_support",
      toPhase: "exited",
      byId: world.coach.id,
    });
    expect(p.outcome).toMatchObject({
      exitReason: "work",
      exitOccupation: "employed",
      exitIncomeSources: JSON.stringify(["salary", "other"]),
    });
    expect(
      await db.auditEvent.count({ where: { participantId: participant.id, action: "update", entity: "outcome" } }),
    ).toBe(1);

    // Correcting the exit keeps the participant exited and moves the date.
    const corrected = dateOnly(new Date(Date.now() - 3 * DAY));
    await submit(
      outcomeRoute,
      path,
      {
        intent: "exit",
        exitDate: corrected,
        exitReason: "work_and_studies",
        exitOccupation: "work_and_studies",
        exitIncomeSources: ["salary"],
      },
      cookie,
      params,
    );
    const after = await db.participant.findUniqueOrThrow({
      where: { id: participant.id },
      include: { outcome: true, phaseChanges: true },
    });
    expect(after.exitedAt?.toISOString()).toBe(`${corrected}T12:00:00.000Z`);
    expect(after.outcome?.exitReason).toBe("work_and_studies");
    expect(after.phaseChanges.filter((c) => c.toPhase === "exited")).toHaveLength(1);

    // This year's report counts the exit: before activity support + social assistance, after salary.
    const exitYear = Number(corrected.slice(0, 4));
    const report = await load(
      reportRoute,
      `/rapporter?fran=${exitYear}-01-01&till=${dateOnly(new Date())}`,
      await sessionCookieFor(world.admin.id),
    );
    expect(report.status).toBe(200);
    const tables = (report.value as { tables: ReportTable[] }).tables;
    const income = tables.find((t) => t.id === "income")!.rows;
    const row = (label: string) => income.find((r) => r.group === "woman" && r.cells.label!.v === label)!.cells;
    expect(row("Lön").after!.v).toBe(1);
    expect(row("Försörjningsstöd").before!.v).toBe(1);
    expect(row("Försörjningsstöd").after!.v).toBe(0);
    expect(
      tables.find((t) => t.id === "exit-reasons")!.rows.find((r) => r.key === "work_and_studies")!.cells.woman!.v,
    ).toBe(1);
  });
});

describe("retention", () => {
  test("needs an employment; dates and hours are checked", async () => {
    const { world, participant, enrolledAt, cookie, path, params } = await setup();
    const valid = { intent: "retention", months: "3", checkedAt: dateOnly(new Date()), employed: "yes", hours: "25" };
    const noJob = await submit(outcomeRoute, path, valid, cookie, params);
    expect(noJob.status).toBe(400);
    expect(fieldErrors(noJob).months).toEqual([
      "Uppföljning efter anställning kan registreras först när deltagaren har fått en anställning.",
    ]);

    const jobStart = new Date(enrolledAt.getTime() + 30 * DAY);
    await addJob(world, participant.id, jobStart);
    const bad = await submit(
      outcomeRoute,
      path,
      { intent: "retention", months: "9", checkedAt: "31/12", employed: "" },
      cookie,
      params,
    );
    expect(fieldErrors(bad)).toMatchObject({
      months: ["Välj vilken uppföljning det gäller (3, 6 eller 12 månader)."],
      checkedAt: ["Skriv datum för uppföljningen som ÅÅÅÅ-MM-DD."],
      employed: ["Svara om deltagaren fortfarande är anställd."],
    });
    const noHours = await submit(outcomeRoute, path, { ...valid, hours: "" }, cookie, params);
    expect(fieldErrors(noHours).hours).toEqual([
      "Skriv hur många timmar per vecka deltagaren arbetar, ett heltal från 1 till 60.",
    ]);
    const tooMany = await submit(outcomeRoute, path, { ...valid, hours: "80" }, cookie, params);
    expect(fieldErrors(tooMany).hours).toHaveLength(1);
    const early = await submit(
      outcomeRoute,
      path,
      { ...valid, checkedAt: dateOnly(new Date(jobStart.getTime() - 2 * DAY)) },
      cookie,
      params,
    );
    expect(fieldErrors(early).checkedAt![0]).toMatch(/^Datumet kan inte ligga före anställningens start/);
    expect(await db.outcomeRecord.count({ where: { participantId: participant.id } })).toBe(0);
  });

  test("checks are saved one per checkpoint, milestones kept in the record, audited", async () => {
    const { world, participant, enrolledAt, cookie, path, params } = await setup();
    const jobStart = new Date(enrolledAt.getTime() + 30 * DAY);
    await addJob(world, participant.id, jobStart, "none");
    const checkedAt = dateOnly(new Date(Date.now() - DAY));
    expect(
      (
        await submit(
          outcomeRoute,
          path,
          { intent: "retention", months: "3", checkedAt, employed: "yes", hours: "25" },
          cookie,
          params,
        )
      ).status,
    ).toBe(302);
    expect(
      (
        await submit(
          outcomeRoute,
          path,
          { intent: "retention", months: "3", checkedAt, employed: "yes", hours: "30" },
          cookie,
          params,
        )
      ).status,
    ).toBe(302);
    expect(
      (
        await submit(
          outcomeRoute,
          path,
          { intent: "retention", months: "6", checkedAt, employed: "no", hours: "12" },
          cookie,
          params,
        )
      ).status,
    ).toBe(302);
    const record = await db.outcomeRecord.findUniqueOrThrow({ where: { participantId: participant.id } });
    expect(JSON.parse(record.retention)).toEqual([
      { months: 3, employed: true, hours: 30, checkedAt: `${checkedAt}T12:00:00.000Z` },
      { months: 6, employed: false, hours: null, checkedAt: `${checkedAt}T12:00:00.000Z` },
    ]);
    expect(record).toMatchObject({
      firstEmploymentAt: jobStart,
      firstPlacementAt: jobStart,
      employmentForm: "none",
      competitive: true,
    });
    expect(
      await db.auditEvent.count({ where: { participantId: participant.id, action: "update", entity: "outcome" } }),
    ).toBe(3);
    const data = (await load(outcomeRoute, path, cookie, params)).value as OutcomeData;
    expect(data.retention.map((r) => r.check && { employed: r.check.employed, hours: r.check.hours })).toEqual([
      { employed: true, hours: 30 },
      { employed: false, hours: null },
      null,
    ]);
  });
});
