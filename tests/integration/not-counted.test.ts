// "Räknas inte i resultaten" from the outcome page (issue 12): staff mark an enrolled participant as
// left out of the result denominators with a reason, and undo it; audited; other roles/orgs refused.
import { describe, expect, test } from "vitest";
import * as outcomeRoute from "~/routes/coach/outcome.tsx";
import * as reportRoute from "~/routes/reports/report.tsx";
import { db } from "~/utils/db.server.ts";
import { createUser, createWorld } from "../support/factories.ts";
import { sessionCookieFor } from "../support/requests.ts";
import { fieldErrors, load, submit } from "../support/routes.ts";

const pathOf = (id: string) => `/coach/deltagare/${id}/utfall`;

describe("not counted in results", () => {
  test("a coach marks a participant as not counted with a reason, sees it, and undoes it; both audited", async () => {
    const { coach, participant } = await createWorld();
    const cookie = await sessionCookieFor(coach.id);
    const params = { participantId: participant.id };
    const marked = await submit(
      outcomeRoute,
      pathOf(participant.id),
      { intent: "not-counted", reason: "  Började för sent i projektet " },
      cookie,
      params,
    );
    expect(marked.status).toBe(302);
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).notCountedReason).toBe(
      "Började för sent i projektet",
    );
    const page = await load(outcomeRoute, pathOf(participant.id), cookie, params);
    expect(page.value).toMatchObject({ participant: { notCountedReason: "Började för sent i projektet" } });

    const undone = await submit(outcomeRoute, pathOf(participant.id), { intent: "counted" }, cookie, params);
    expect(undone.status).toBe(302);
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).notCountedReason).toBeNull();
    const events = await db.auditEvent.findMany({
      where: { participantId: participant.id, entity: "not_counted" },
      orderBy: { at: "asc" },
    });
    expect(events.map((e) => [e.actorId, e.detail])).toEqual([
      [coach.id, "Räknas inte i resultaten: Började för sent i projektet"],
      [coach.id, "Räknas i resultaten igen"],
    ]);
  });

  test("the report shows how many are left out and why, next to the participants table", async () => {
    const { coach, admin, participant } = await createWorld();
    const enrolledAt = new Date("2025-03-03T12:00:00Z");
    await db.participant.update({
      where: { id: participant.id },
      data: {
        enrolledAt,
        phaseChangedAt: enrolledAt,
        consents: { create: [{ scope: "statistics", given: true, date: enrolledAt }] },
      },
    });
    await submit(
      outcomeRoute,
      pathOf(participant.id),
      { intent: "not-counted", reason: "Började för sent i projektet" },
      await sessionCookieFor(coach.id),
      { participantId: participant.id },
    );
    const report = await load(
      reportRoute,
      "/rapporter?fran=2025-01-01&till=2025-12-31",
      await sessionCookieFor(admin.id),
    );
    expect(report.status).toBe(200);
    expect(report.value).toMatchObject({
      notCounted: { total: 1, reasons: [{ reason: "Började för sent i projektet", count: 1 }] },
    });
  });

  test("an empty or too long reason is refused with a Swedish message and changes nothing", async () => {
    const { coach, participant } = await createWorld();
    const cookie = await sessionCookieFor(coach.id);
    const params = { participantId: participant.id };
    const empty = await submit(
      outcomeRoute,
      pathOf(participant.id),
      { intent: "not-counted", reason: " " },
      cookie,
      params,
    );
    expect(empty.status).toBe(400);
    expect(fieldErrors(empty).reason).toEqual(["Skriv varför deltagaren inte ska räknas i resultaten."]);
    const long = await submit(
      outcomeRoute,
      pathOf(participant.id),
      { intent: "not-counted", reason: "x".repeat(201) },
      cookie,
      params,
    );
    expect(fieldErrors(long).reason).toEqual(["Orsaken får vara högst 200 tecken."]);
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).notCountedReason).toBeNull();
    expect(await db.auditEvent.count({ where: { participantId: participant.id, entity: "not_counted" } })).toBe(0);
  });

  test("staff of another organisation get 404; a participant or employer gets 403; nothing changes", async () => {
    const { participant, participantUser, employerUser } = await createWorld();
    const other = await createWorld();
    const outsider = await createUser("coach", { organizationId: other.organization.id });
    const params = { participantId: participant.id };
    const fields = { intent: "not-counted", reason: "Flyttade" };
    expect(
      (await submit(outcomeRoute, pathOf(participant.id), fields, await sessionCookieFor(outsider.id), params)).status,
    ).toBe(404);
    for (const user of [participantUser, employerUser]) {
      expect(
        (await submit(outcomeRoute, pathOf(participant.id), fields, await sessionCookieFor(user.id), params)).status,
      ).toBe(403);
    }
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).notCountedReason).toBeNull();
  });
});
