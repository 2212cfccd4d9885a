// Enrolment with consent, editing the enrolment data, and who may do it.
import { describe, expect, test } from "vitest";
import * as editRoute from "~/routes/coach/participant-edit.tsx";
import * as newRoute from "~/routes/coach/participant-new.tsx";
import { db } from "~/utils/db.server.ts";
import { createUser, createWorld, enrolmentFields } from "../support/factories.ts";
import { sessionCookieFor } from "../support/requests.ts";
import { fieldErrors, load, submit } from "../support/routes.ts";

const PATH = "/coach/deltagare/ny";

describe("enrolment", () => {
  test("a coach enrols a participant with consents, first phase, account and welcome mail", async () => {
    const { coach, organization } = await createWorld();
    const cookie = await sessionCookieFor(coach.id);
    const page = await load(newRoute, PATH, cookie);
    expect(page.status).toBe(200);

    const result = await submit(
      newRoute,
      PATH,
      enrolmentFields({
        pseudonym: "Alva",
        realName: "Alva Berg",
        email: "Alva@Example.se",
        phone: "070-123 45 67",
        sendWelcome: "yes",
      }),
      cookie,
    );
    expect(result.status).toBe(302);
    const participant = await db.participant.findFirstOrThrow({
      where: { pseudonym: "Alva" },
      include: { consents: true, phaseChanges: true, user: true, profile: true },
    });
    expect(result.response?.headers.get("Location")).toBe(`/coach/deltagare/${participant.id}`);
    expect(participant).toMatchObject({
      organizationId: organization.id,
      coachId: coach.id,
      realName: "Alva Berg",
      email: "alva@example.se",
      gender: "woman",
      birthYear: 1990,
      postalCode: "55320",
      municipalityCode: "0680",
      referralSource: "arbetsformedlingen",
      phase: "enrolled",
      startOccupation: "job_seeking",
    });
    expect(JSON.parse(participant.goals)).toEqual(["work", "practice"]);
    expect(JSON.parse(participant.startIncomeSources)).toEqual(["activity_support"]);
    expect(participant.lat).toBeCloseTo(57.78, 1);
    expect(participant.consents.map((c) => [c.scope, c.given]).sort()).toEqual([
      ["brygga", true],
      ["statistics", true],
    ]);
    expect(participant.phaseChanges).toMatchObject([{ fromPhase: null, toPhase: "enrolled", byId: coach.id }]);
    expect(participant.user).toMatchObject({ role: "participant", email: "alva@example.se", name: "Alva" });
    expect(participant.profile).not.toBeNull();
    expect(
      await db.auditEvent.count({
        where: { participantId: participant.id, action: "create", entity: "participant", actorId: coach.id },
      }),
    ).toBe(1);
    const mail = await db.emailOutbox.findFirstOrThrow({
      where: { to: "alva@example.se", template: "participantWelcome" },
    });
    expect(mail.text).toContain(coach.name);
  });

  test("without statistics consent the participant is recorded as not consenting (counted anonymously)", async () => {
    const { coach } = await createWorld();
    const cookie = await sessionCookieFor(coach.id);
    const result = await submit(
      newRoute,
      PATH,
      enrolmentFields({ pseudonym: "Bo", consentStatistics: "no", postalCode: "", municipalityCode: "0180" }),
      cookie,
    );
    expect(result.status).toBe(302);
    const participant = await db.participant.findFirstOrThrow({
      where: { pseudonym: "Bo" },
      include: { consents: true },
    });
    expect(participant.municipalityCode).toBe("0180");
    expect(participant.postalCode).toBeNull();
    expect(participant.userId).toBeNull();
    expect(participant.consents.find((c) => c.scope === "statistics")?.given).toBe(false);
  });

  test.each([
    ["birth year too early", { birthYear: "1900" }, "birthYear", /mellan/],
    ["birth year too late", { birthYear: String(new Date().getFullYear() - 5) }, "birthYear", /mellan/],
    ["birth year not a year", { birthYear: "19x0" }, "birthYear", /fyra siffror/],
    ["unknown postal code", { postalCode: "99999" }, "postalCode", /finns inte/],
    ["malformed postal code", { postalCode: "123" }, "postalCode", /fem siffror/],
    ["no place at all", { postalCode: "" }, "postalCode", /postnummer/],
    ["postal code in another municipality", { municipalityCode: "0180" }, "municipalityCode", /Jönköping/],
    ["unknown municipality", { postalCode: "", municipalityCode: "9999" }, "municipalityCode", /kommun/],
    ["no consent to Brygga", { consentBrygga: "" }, "consentBrygga", /samtycka/],
    ["consent date in the future", { consentBryggaDate: "2999-01-01" }, "consentBryggaDate", /framtiden/],
    ["no goal", { goals: [] }, "goals", /minst ett mål/],
    ["unknown gender", { gender: "x" }, "gender", /kön/],
    ["unknown referral source", { referralSource: "nobody" }, "referralSource", /remitterade/],
    ["no income source", { startIncomeSources: [] }, "startIncomeSources", /försörjning/],
    ["bad email", { email: "not-an-email" }, "email", /giltig/],
  ])("%s → 400 with a message next to the field, nothing saved", async (_name, overrides, field, message) => {
    const { coach } = await createWorld();
    const cookie = await sessionCookieFor(coach.id);
    const before = {
      participants: await db.participant.count(),
      users: await db.user.count(),
      consents: await db.consent.count(),
      audit: await db.auditEvent.count(),
    };
    const result = await submit(
      newRoute,
      PATH,
      enrolmentFields(overrides as Record<string, string | string[]>),
      cookie,
    );
    expect(result.status).toBe(400);
    expect(fieldErrors(result)[field]?.join(" ")).toMatch(message);
    expect((result.value as { values: Record<string, unknown> }).values.pseudonym).toBeTruthy();
    expect({
      participants: await db.participant.count(),
      users: await db.user.count(),
      consents: await db.consent.count(),
      audit: await db.auditEvent.count(),
    }).toEqual(before);
  });

  test("an email that belongs to another account is refused", async () => {
    const { coach, employerUser } = await createWorld();
    const cookie = await sessionCookieFor(coach.id);
    const result = await submit(newRoute, PATH, enrolmentFields({ email: employerUser.email! }), cookie);
    expect(result.status).toBe(400);
    expect(fieldErrors(result).email?.[0]).toMatch(/används redan/);
  });

  test("a coach of another organisation cannot be assigned", async () => {
    const ours = await createWorld();
    const theirs = await createWorld();
    const cookie = await sessionCookieFor(ours.coach.id);
    const result = await submit(newRoute, PATH, enrolmentFields({ coachId: theirs.coach.id }), cookie);
    expect(result.status).toBe(400);
    expect(fieldErrors(result).coachId?.[0]).toMatch(/din organisation/);
  });

  test("an admin enrols for a coach of the organisation", async () => {
    const { admin, coach } = await createWorld();
    const cookie = await sessionCookieFor(admin.id);
    const result = await submit(newRoute, PATH, enrolmentFields({ pseudonym: "Cia", coachId: coach.id }), cookie);
    expect(result.status).toBe(302);
    expect((await db.participant.findFirstOrThrow({ where: { pseudonym: "Cia" } })).coachId).toBe(coach.id);
  });

  test("employers and participants are refused; visitors are sent to sign in", async () => {
    const { employerUser, participantUser } = await createWorld();
    for (const user of [employerUser, participantUser]) {
      const cookie = await sessionCookieFor(user.id);
      expect((await load(newRoute, PATH, cookie)).status).toBe(403);
      expect((await submit(newRoute, PATH, enrolmentFields(), cookie)).status).toBe(403);
    }
    expect((await load(newRoute, PATH, undefined)).status).toBe(302);
    expect((await submit(newRoute, PATH, enrolmentFields(), undefined)).status).toBe(302);
  });
});

describe("editing the enrolment data", () => {
  test("a coach changes the data; the account follows the email; the change is audited", async () => {
    const { coach, participant } = await createWorld();
    const cookie = await sessionCookieFor(coach.id);
    const path = `/coach/deltagare/${participant.id}/uppgifter`;
    const params = { participantId: participant.id };
    expect((await load(editRoute, path, cookie, params)).status).toBe(200);
    const result = await submit(
      editRoute,
      path,
      enrolmentFields({ pseudonym: "Dani", email: "dani@example.se", birthYear: "1985" }),
      cookie,
      params,
    );
    expect(result.status).toBe(302);
    const updated = await db.participant.findUniqueOrThrow({ where: { id: participant.id }, include: { user: true } });
    expect(updated).toMatchObject({ pseudonym: "Dani", birthYear: 1985, email: "dani@example.se" });
    expect(updated.user).toMatchObject({ email: "dani@example.se", name: "Dani" });
    expect(
      await db.auditEvent.count({ where: { participantId: participant.id, action: "update", entity: "participant" } }),
    ).toBe(1);
    expect(
      await db.auditEvent.count({ where: { participantId: participant.id, action: "read", entity: "participant" } }),
    ).toBe(1);
  });

  test("bad input changes nothing", async () => {
    const { coach, participant } = await createWorld();
    const cookie = await sessionCookieFor(coach.id);
    const result = await submit(editRoute, "/x", enrolmentFields({ pseudonym: "Ny", birthYear: "1800" }), cookie, {
      participantId: participant.id,
    });
    expect(result.status).toBe(400);
    expect((await db.participant.findUniqueOrThrow({ where: { id: participant.id } })).pseudonym).toBe(
      participant.pseudonym,
    );
  });

  test("another organisation's participant is a 404; an employer gets 403", async () => {
    const ours = await createWorld();
    const theirs = await createWorld();
    const params = { participantId: theirs.participant.id };
    const cookie = await sessionCookieFor(ours.coach.id);
    expect((await load(editRoute, "/x", cookie, params)).status).toBe(404);
    expect((await submit(editRoute, "/x", enrolmentFields(), cookie, params)).status).toBe(404);
    const adminCookie = await sessionCookieFor(ours.admin.id);
    expect((await load(editRoute, "/x", adminCookie, params)).status).toBe(404);
    const employerCookie = await sessionCookieFor(ours.employerUser.id);
    expect((await load(editRoute, "/x", employerCookie, { participantId: ours.participant.id })).status).toBe(403);
    const stranger = await createUser("coach");
    expect(
      (await load(editRoute, "/x", await sessionCookieFor(stranger.id), { participantId: ours.participant.id })).status,
    ).toBe(403);
  });
});

test("every problem is reported at once: a bad birth year and an unknown postal code together", async () => {
  const { coach } = await createWorld();
  const cookie = await sessionCookieFor(coach.id);
  const result = await submit(newRoute, PATH, enrolmentFields({ birthYear: "1890", postalCode: "99999" }), cookie);
  expect(result.status).toBe(400);
  expect(Object.keys(fieldErrors(result)).sort()).toEqual(["birthYear", "postalCode"]);
});
