// The caseload (phases, days in phase, contacts, the four-week first-employer-contact flag, the
// target of 20 per full-time coach), the participant page's actions, and the admin's caseloads,
// reassignment and audit trail.
import { describe, expect, test } from "vitest";
import { firstContactStatus, FIRST_CONTACT_DAYS } from "~/domain/first-contact.ts";
import * as auditRoute from "~/routes/admin/audit.tsx";
import * as caseloadsRoute from "~/routes/admin/caseloads.tsx";
import * as caseloadRoute from "~/routes/coach/caseload.tsx";
import * as participantRoute from "~/routes/coach/participant.tsx";
import * as settingsRoute from "~/routes/coach/settings.tsx";
import { db } from "~/utils/db.server.ts";
import { createParticipant, createUser, createWorld } from "../support/factories.ts";
import { useFixedClock } from "../support/clock.ts";
import { sessionCookieFor } from "../support/requests.ts";
import { fieldErrors, load, submit } from "../support/routes.ts";

const DAY = 86_400_000;
type CaseloadData = {
  target: number;
  active: number;
  overdue: number;
  byPhase: Array<{
    phase: string;
    participants: Array<{
      id: string;
      pseudonym: string;
      daysInPhase: number;
      firstContact: { kind: string };
      unansweredComments: number;
    }>;
  }>;
};
const rowsOf = (data: CaseloadData) => data.byPhase.flatMap((g) => g.participants);

describe("first-contact rule", () => {
  test("pending, overdue after 28 days, done when a contact exists, not counted after exit", () => {
    const enrolledAt = new Date("2025-01-01T12:00:00Z");
    expect(
      firstContactStatus({ enrolledAt, firstContactAt: null, now: new Date("2025-01-20T12:00:00Z") }),
    ).toMatchObject({ kind: "pending", daysLeft: 9 });
    expect(
      firstContactStatus({
        enrolledAt,
        firstContactAt: null,
        now: new Date(enrolledAt.getTime() + (FIRST_CONTACT_DAYS + 3) * DAY),
      }),
    ).toMatchObject({ kind: "overdue", daysOverdue: 3 });
    expect(firstContactStatus({ enrolledAt, firstContactAt: new Date("2025-01-10T12:00:00Z") })).toMatchObject({
      kind: "done",
      daysFromEnrolment: 9,
      withinTarget: true,
    });
    expect(firstContactStatus({ enrolledAt, firstContactAt: new Date("2025-03-10T12:00:00Z") })).toMatchObject({
      kind: "done",
      withinTarget: false,
    });
    expect(firstContactStatus({ enrolledAt, firstContactAt: null, exited: true })).toEqual({ kind: "not_applicable" });
  });
});

describe("caseload", () => {
  test("shows the coach's own participants by phase with the overdue flag, against the target", async () => {
    const { organization, coach, participant, employer } = await createWorld();
    const late = await createParticipant(organization.id, {
      coachId: coach.id,
      pseudonym: "Sen",
      enrolledAt: new Date(Date.now() - 35 * DAY),
    });
    const contacted = await createParticipant(organization.id, {
      coachId: coach.id,
      pseudonym: "Klar",
      enrolledAt: new Date(Date.now() - 35 * DAY),
      phase: "job_search",
    });
    await db.employerContact.create({
      data: {
        organizationId: organization.id,
        employerId: employer.id,
        coachId: coach.id,
        participantId: contacted.id,
        kind: "visit",
        occurredAt: new Date(Date.now() - 30 * DAY),
      },
    });
    const proposed = await createParticipant(organization.id, {
      coachId: coach.id,
      pseudonym: "Föreslagen",
      enrolledAt: new Date(Date.now() - 40 * DAY),
    });
    const workplace = await db.workplace.create({
      data: {
        employerId: employer.id,
        name: "Lager",
        street: "Gatan 1",
        postalCode: "55320",
        municipalityCode: "0680",
        lat: 57.78,
        lng: 14.16,
      },
    });
    const occupation = await db.occupation.findFirstOrThrow();
    const opening = await db.opening.create({
      data: {
        employerId: employer.id,
        workplaceId: workplace.id,
        kind: "task",
        title: "Plocka",
        description: "x",
        occupationId: occupation.id,
        hoursMin: 10,
        hoursMax: 20,
      },
    });
    await db.proposal.create({
      data: {
        participantId: proposed.id,
        openingId: opening.id,
        score: 50,
        presentedAt: new Date(Date.now() - 20 * DAY),
      },
    });
    const colleague = await createUser("coach", { organizationId: organization.id });
    await createParticipant(organization.id, { coachId: colleague.id, pseudonym: "Kollegans" });
    const other = await createWorld();

    const cookie = await sessionCookieFor(coach.id);
    const result = await load(caseloadRoute, "/coach/deltagare", cookie);
    expect(result.status).toBe(200);
    const data = result.value as CaseloadData;
    const rows = rowsOf(data);
    expect(rows.map((r) => r.pseudonym).sort()).toEqual([participant.pseudonym, "Föreslagen", "Klar", "Sen"].sort());
    expect(rows.find((r) => r.id === late.id)).toMatchObject({ firstContact: { kind: "overdue" }, daysInPhase: 35 });
    expect(rows.find((r) => r.id === contacted.id)?.firstContact.kind).toBe("done");
    expect(rows.find((r) => r.id === proposed.id)?.firstContact.kind).toBe("done");
    expect(rows.find((r) => r.id === participant.id)?.firstContact.kind).toBe("pending");
    expect(data.overdue).toBe(1);
    expect(data.byPhase.map((g) => g.phase)).toEqual(["enrolled", "job_search"]);
    expect(data.target).toBe(20);
    expect(data.active).toBe(4);
    expect(rows.some((r) => r.id === other.participant.id)).toBe(false);
    expect(await db.auditEvent.count({ where: { actorId: coach.id, entity: "caseload", action: "read" } })).toBe(1);
  });

  test("the target follows the coach's employment percentage setting", async () => {
    const { coach } = await createWorld();
    const cookie = await sessionCookieFor(coach.id);
    expect(
      fieldErrors(await submit(settingsRoute, "/coach/installningar", { employmentPercent: "150" }, cookie))
        .employmentPercent?.[0],
    ).toMatch(/mellan 10 och 100/);
    expect(
      (await submit(settingsRoute, "/coach/installningar", { employmentPercent: "50", phone: "036-11 22 33" }, cookie))
        .status,
    ).toBe(302);
    const data = (await load(caseloadRoute, "/coach/deltagare", cookie)).value as CaseloadData;
    expect(data.target).toBe(10);
  });

  test("employers and participants are refused", async () => {
    const { employerUser, participantUser } = await createWorld();
    for (const user of [employerUser, participantUser])
      expect((await load(caseloadRoute, "/coach/deltagare", await sessionCookieFor(user.id))).status).toBe(403);
  });
});

describe("participant page", () => {
  test("reading is audited; phase changes are timestamped and audited", async () => {
    const { coach, participant } = await createWorld();
    const cookie = await sessionCookieFor(coach.id);
    const params = { participantId: participant.id };
    const page = await load(participantRoute, "/x", cookie, params);
    expect(page.status).toBe(200);
    expect(
      await db.auditEvent.count({ where: { participantId: participant.id, action: "read", entity: "participant" } }),
    ).toBe(1);

    expect(
      (await submit(participantRoute, "/x", { intent: "phase", toPhase: "profiling" }, cookie, params)).status,
    ).toBe(302);
    expect((await submit(participantRoute, "/x", { intent: "phase", toPhase: "exited" }, cookie, params)).status).toBe(
      302,
    );
    const updated = await db.participant.findUniqueOrThrow({
      where: { id: participant.id },
      include: { phaseChanges: { orderBy: { at: "asc" } } },
    });
    expect(updated.phase).toBe("exited");
    expect(updated.exitedAt).not.toBeNull();
    expect(updated.phaseChanges.map((c) => [c.fromPhase, c.toPhase])).toEqual([
      ["enrolled", "profiling"],
      ["profiling", "exited"],
    ]);
    expect(
      await db.auditEvent.count({ where: { participantId: participant.id, action: "update", entity: "phase" } }),
    ).toBe(2);
    const bad = await submit(participantRoute, "/x", { intent: "phase", toPhase: "retired" }, cookie, params);
    expect(bad.status).toBe(400);
    expect(fieldErrors(bad).toPhase).toBeTruthy();
  });

  test("contacts with the participant: last and next, validated", async () => {
    const { coach, participant } = await createWorld();
    const cookie = await sessionCookieFor(coach.id);
    const params = { participantId: participant.id };
    const future = new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10);
    const today = new Date().toISOString().slice(0, 10);
    const lastFuture = await submit(
      participantRoute,
      "/x",
      { intent: "contact", lastContactAt: future },
      cookie,
      params,
    );
    expect(lastFuture.status).toBe(400);
    expect(fieldErrors(lastFuture).lastContactAt?.[0]).toMatch(/framtiden/);
    const nextPast = await submit(
      participantRoute,
      "/x",
      { intent: "contact", lastContactAt: today, nextContactAt: "2020-01-01" },
      cookie,
      params,
    );
    expect(fieldErrors(nextPast).nextContactAt?.[0]).toMatch(/bakåt/);
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).lastContactAt).toBeNull();
    expect(
      (
        await submit(
          participantRoute,
          "/x",
          { intent: "contact", lastContactAt: today, nextContactAt: future },
          cookie,
          params,
        )
      ).status,
    ).toBe(302);
    const updated = await db.participant.findUniqueOrThrow({ where: { id: participant.id } });
    expect(updated.lastContactAt?.toISOString().slice(0, 10)).toBe(today);
    expect(updated.nextContactAt?.toISOString().slice(0, 10)).toBe(future);
  });

  test("withdrawing the statistics consent keeps the history; Brygga consent cannot be withdrawn here", async () => {
    const { coach, participant } = await createWorld();
    await db.consent.create({
      data: { participantId: participant.id, scope: "statistics", given: true, date: new Date() },
    });
    const cookie = await sessionCookieFor(coach.id);
    const params = { participantId: participant.id };
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (
        await submit(
          participantRoute,
          "/x",
          { intent: "consent", scope: "statistics", given: "no", date: today },
          cookie,
          params,
        )
      ).status,
    ).toBe(302);
    const consents = await db.consent.findMany({
      where: { participantId: participant.id, scope: "statistics" },
      orderBy: { createdAt: "asc" },
    });
    expect(consents.map((c) => [c.given, c.withdrawnAt !== null])).toEqual([
      [true, true],
      [false, false],
    ]);
    const brygga = await submit(
      participantRoute,
      "/x",
      { intent: "consent", scope: "brygga", given: "no", date: today },
      cookie,
      params,
    );
    expect(brygga.status).toBe(400);
    expect(fieldErrors(brygga).given?.[0]).toMatch(/raderas/);
  });

  test("another organisation's participant is a 404 for every action", async () => {
    const ours = await createWorld();
    const theirs = await createWorld();
    const cookie = await sessionCookieFor(ours.coach.id);
    const params = { participantId: theirs.participant.id };
    expect((await load(participantRoute, "/x", cookie, params)).status).toBe(404);
    for (const intent of ["phase", "contact", "reply", "consent"]) {
      expect((await submit(participantRoute, "/x", { intent, toPhase: "profiling" }, cookie, params)).status).toBe(404);
    }
    expect((await db.participant.findUniqueOrThrow({ where: { id: theirs.participant.id } })).phase).toBe("enrolled");
    expect(
      (
        await load(participantRoute, "/x", await sessionCookieFor(ours.employerUser.id), {
          participantId: ours.participant.id,
        })
      ).status,
    ).toBe(403);
  });
});

describe("admin: caseloads and reassignment", () => {
  test("the admin sees every coach's caseload and reassigns participants", async () => {
    const { organization, admin, coach, participant } = await createWorld();
    const colleague = await createUser("coach", { organizationId: organization.id });
    const second = await createParticipant(organization.id, { coachId: coach.id });
    const cookie = await sessionCookieFor(admin.id);
    const page = await load(caseloadsRoute, "/admin/arenden", cookie);
    expect(page.status).toBe(200);
    const groups = (
      page.value as { groups: Array<{ coach: { id: string } | null; participants: Array<{ id: string }> }> }
    ).groups;
    expect(
      groups
        .find((g) => g.coach?.id === coach.id)
        ?.participants.map((p) => p.id)
        .sort(),
    ).toEqual([participant.id, second.id].sort());
    expect(groups.find((g) => g.coach?.id === colleague.id)?.participants).toEqual([]);

    const moved = await submit(
      caseloadsRoute,
      "/admin/arenden",
      { intent: "reassign", participantIds: [participant.id, second.id], toCoachId: colleague.id },
      cookie,
    );
    expect(moved.status).toBe(302);
    expect(await db.participant.count({ where: { coachId: colleague.id } })).toBe(2);
    expect(await db.auditEvent.count({ where: { entity: "coach", action: "update", actorId: admin.id } })).toBe(2);

    expect(
      fieldErrors(await submit(caseloadsRoute, "/admin/arenden", { intent: "reassign", toCoachId: coach.id }, cookie))
        .participantIds?.[0],
    ).toMatch(/minst en/);
    const otherOrg = await createWorld();
    expect(
      fieldErrors(
        await submit(
          caseloadsRoute,
          "/admin/arenden",
          { intent: "reassign", participantIds: participant.id, toCoachId: otherOrg.coach.id },
          cookie,
        ),
      ).toCoachId?.[0],
    ).toMatch(/organisationen/);
    expect(
      (
        await submit(
          caseloadsRoute,
          "/admin/arenden",
          { intent: "reassign", participantIds: otherOrg.participant.id, toCoachId: coach.id },
          cookie,
        )
      ).status,
    ).toBe(404);
    expect((await db.participant.findUniqueOrThrow({ where: { id: otherOrg.participant.id } })).coachId).toBe(
      otherOrg.coach.id,
    );

    expect(
      (
        await submit(
          caseloadsRoute,
          "/admin/arenden",
          { intent: "percent", coachId: colleague.id, employmentPercent: "75" },
          cookie,
        )
      ).status,
    ).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: colleague.id } })).employmentPercent).toBe(75);
    expect(
      (
        await submit(
          caseloadsRoute,
          "/admin/arenden",
          { intent: "percent", coachId: otherOrg.coach.id, employmentPercent: "75" },
          cookie,
        )
      ).status,
    ).toBe(404);
  });

  test("coaches, employers and participants cannot reach the admin pages", async () => {
    const { coach, employerUser, participantUser, participant, organization } = await createWorld();
    const colleague = await createUser("coach", { organizationId: organization.id });
    for (const user of [coach, employerUser, participantUser]) {
      const cookie = await sessionCookieFor(user.id);
      expect((await load(caseloadsRoute, "/admin/arenden", cookie)).status).toBe(403);
      expect(
        (
          await submit(
            caseloadsRoute,
            "/admin/arenden",
            { intent: "reassign", participantIds: participant.id, toCoachId: colleague.id },
            cookie,
          )
        ).status,
      ).toBe(403);
      expect((await load(auditRoute, "/admin/logg", cookie)).status).toBe(403);
    }
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).coachId).toBe(coach.id);
  });
});

describe("admin: audit trail", () => {
  test("the admin browses the organisation's events, filtered; other organisations' events are not shown", async () => {
    const ours = await createWorld();
    const theirs = await createWorld();
    await load(participantRoute, "/x", await sessionCookieFor(ours.coach.id), { participantId: ours.participant.id });
    await load(participantRoute, "/x", await sessionCookieFor(theirs.coach.id), {
      participantId: theirs.participant.id,
    });
    const cookie = await sessionCookieFor(ours.admin.id);
    const all = await load(auditRoute, "/admin/logg", cookie);
    type AuditData = {
      events: Array<{ participant: { id: string } | null; action: string; actor: string }>;
      total: number;
    };
    const events = (all.value as AuditData).events;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.participant?.id !== theirs.participant.id)).toBe(true);
    expect(events.find((e) => e.participant?.id === ours.participant.id)).toMatchObject({
      action: "read",
      actor: expect.stringContaining(ours.coach.name),
    });
    const filtered = await load(auditRoute, `/admin/logg?handling=update&deltagare=${ours.participant.id}`, cookie);
    expect((filtered.value as AuditData).total).toBe(0);
    const junk = await load(auditRoute, "/admin/logg?handling=<script>&sida=-4", cookie);
    expect(junk.status).toBe(200);
  });

  describe("at a fixed time", () => {
    const clock = useFixedClock("2026-03-09T13:45:00Z");
    test("a read and a change (written in its transaction) carry the server clock's time, newest first", async () => {
      const { coach, admin, participant } = await createWorld();
      const coachCookie = await sessionCookieFor(coach.id);
      await load(participantRoute, "/x", coachCookie, { participantId: participant.id });
      clock.advance(60_000);
      await submit(participantRoute, "/x", { intent: "phase", toPhase: "profiling" }, coachCookie, {
        participantId: participant.id,
      });
      const page = await load(auditRoute, `/admin/logg?deltagare=${participant.id}`, await sessionCookieFor(admin.id));
      const events = (page.value as { events: Array<{ at: string | Date; action: string }> }).events;
      expect(events.map((e) => [new Date(e.at).toISOString(), e.action])).toEqual([
        ["2026-03-09T13:46:00.000Z", "update"],
        ["2026-03-09T13:45:00.000Z", "read"],
      ]);
    });
  });
});
