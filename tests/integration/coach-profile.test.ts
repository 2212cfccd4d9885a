// The structured profile editor: each section saves, bad input (unknown ids, hours, commute) is
// refused with field messages and saves nothing, reads and changes are audited, and only the
// participant's own organisation reaches it.
import { describe, expect, test } from "vitest";
import { readProfile } from "~/domain/profile.ts";
import * as vocabularyRoute from "~/routes/api/vocabulary.ts";
import * as profileRoute from "~/routes/coach/profile.tsx";
import * as sectionRoute from "~/routes/coach/profile-section.tsx";
import { db } from "~/utils/db.server.ts";
import { createWorld } from "../support/factories.ts";
import { sessionCookieFor } from "../support/requests.ts";
import { fieldErrors, load, submit } from "../support/routes.ts";

async function setup() {
  const world = await createWorld();
  const cookie = await sessionCookieFor(world.coach.id);
  const save = (section: string, fields: Record<string, string | string[]>) =>
    submit(sectionRoute, `/coach/deltagare/${world.participant.id}/yrkesprofil/${section}`, fields, cookie, {
      participantId: world.participant.id,
      section,
    });
  const stored = async () =>
    readProfile(await db.profile.findUniqueOrThrow({ where: { participantId: world.participant.id } }));
  return { ...world, cookie, save, stored };
}

async function refs() {
  const [occupation, occupation2, group, skill, language] = await Promise.all([
    db.occupation.findFirstOrThrow({ where: { label: { startsWith: "Lager" } } }),
    db.occupation.findFirstOrThrow({ where: { label: { startsWith: "Städ" } } }),
    db.occupationGroup.findFirstOrThrow({ where: { level: 4 } }),
    db.skill.findFirstOrThrow(),
    db.language.findFirstOrThrow(),
  ]);
  return { occupation, occupation2, group, skill, language };
}

describe("profile sections", () => {
  test("a full profile is built section by section, each save audited", async () => {
    const { save, stored, participant, coach, cookie } = await setup();
    const r = await refs();
    expect((await save("intressen", { occupationIds: [r.occupation.id], groupCodes: r.group.code })).status).toBe(302);
    expect(
      (await save("styrkor", { strengths: "Noggrann\n\nTar instruktioner bra\n", skillIds: r.skill.id })).status,
    ).toBe(302);
    expect(
      (
        await save("erfarenhet", {
          intent: "save",
          what: "Praktik på lager",
          where: "ICA Maxi",
          when: "2023",
          occupationId: r.occupation.id,
          hoursPerWeek: "20",
          colleagues: "8",
          instructions: ["written", "shown"],
          factor_hours: "worked",
          factor_pace: "did_not_work",
          factor_pace_note: "För högt tempo på morgonen",
          factor_manager: "worked",
          didNotWork: "Mycket buller",
        })
      ).status,
    ).toBe(302);
    expect(
      (
        await save("bakgrund", {
          education: "Gymnasiet, handelsprogrammet",
          drivingLicences: ["B", "AM"],
          languageIds: r.language.id,
        })
      ).status,
    ).toBe(302);
    expect(
      (
        await save("onskemal", {
          hoursMin: "10",
          hoursMax: "25",
          schedule: ["day"],
          startFlexible: "yes",
          maxCommuteKm: "15",
          travelMode: "bike",
        })
      ).status,
    ).toBe(302);
    expect(
      (await save("arbetsmiljo", { pace: "calm", noise: "quiet", socialContact: "", instructions: ["written"] }))
        .status,
    ).toBe(302);
    expect(
      (
        await save("anpassningar", {
          need_written_instructions: "must",
          need_extra_breaks: "nice",
          need_quiet_workspace: "",
        })
      ).status,
    ).toBe(302);
    expect(
      (
        await save("aldrig", {
          occupationIds: r.occupation2.id,
          environment: ["physicalLoad:heavy", "customerContact:much"],
          schedule: "night",
        })
      ).status,
    ).toBe(302);
    const disclosure = Object.fromEntries(
      [
        "interests",
        "strengths",
        "skills",
        "experience",
        "education",
        "drivingLicences",
        "languages",
        "preferences",
        "environmentPrefs",
        "needs",
      ].map((k) => [`disclose_${k}`, k === "needs" ? "no" : "yes"]),
    );
    expect((await save("synlighet", disclosure)).status).toBe(302);

    const profile = await stored();
    expect(profile.interests).toEqual({ occupationIds: [r.occupation.id], groupCodes: [r.group.code] });
    expect(profile.strengths).toEqual(["Noggrann", "Tar instruktioner bra"]);
    expect(profile.skillIds).toEqual([r.skill.id]);
    expect(profile.experience).toHaveLength(1);
    expect(profile.experience[0]).toMatchObject({
      what: "Praktik på lager",
      where: "ICA Maxi",
      hoursPerWeek: 20,
      colleagues: 8,
      instructions: ["written", "shown"],
      factors: {
        hours: { verdict: "worked" },
        pace: { verdict: "did_not_work", note: "För högt tempo på morgonen" },
        manager: { verdict: "worked" },
      },
      didNotWork: "Mycket buller",
    });
    expect(profile.education).toBe("Gymnasiet, handelsprogrammet");
    expect(profile.drivingLicences).toEqual(["B", "AM"]);
    expect(profile.languageIds).toEqual([r.language.id]);
    expect(profile.preferences).toEqual({
      hoursMin: 10,
      hoursMax: 25,
      schedule: ["day"],
      startFlexible: true,
      maxCommuteKm: 15,
      travelMode: "bike",
    });
    expect(profile.environmentPrefs).toEqual({ pace: "calm", noise: "quiet", instructions: ["written"] });
    expect(profile.needs).toEqual([
      { code: "extra_breaks", must: false },
      { code: "written_instructions", must: true },
    ]);
    expect(profile.exclusions).toEqual({
      occupationIds: [r.occupation2.id],
      groupCodes: [],
      environment: ["physicalLoad:heavy", "customerContact:much"],
      schedule: ["night"],
    });
    expect(profile.disclosure).toMatchObject({ interests: true, needs: false });
    expect(
      await db.auditEvent.count({
        where: { participantId: participant.id, actorId: coach.id, action: "update", entity: "profile" },
      }),
    ).toBe(9);

    // The overview shows labels, and reading it is audited.
    const view = await load(profileRoute, `/coach/deltagare/${participant.id}/yrkesprofil`, cookie, {
      participantId: participant.id,
    });
    expect(view.status).toBe(200);
    const labels = (
      view.value as { labels: { interestOccupations: Array<{ label: string }>; languages: Array<{ label: string }> } }
    ).labels;
    expect(labels.interestOccupations[0]?.label).toBe(r.occupation.label);
    expect(labels.languages[0]?.label).toBe(r.language.label);
    expect(
      await db.auditEvent.count({ where: { participantId: participant.id, action: "read", entity: "profile" } }),
    ).toBe(1);
  });

  test("experience entries are edited and removed by id", async () => {
    const { save, stored } = await setup();
    await save("erfarenhet", { intent: "save", what: "Extrajobb" });
    await save("erfarenhet", { intent: "save", what: "Praktik" });
    const [first, second] = (await stored()).experience;
    expect(
      (await save("erfarenhet", { intent: "save", entryId: first!.id, what: "Extrajobb i kafé", hoursPerWeek: "12" }))
        .status,
    ).toBe(302);
    let profile = await stored();
    expect(profile.experience.map((e) => e.what)).toEqual(["Extrajobb i kafé", "Praktik"]);
    expect(profile.experience[0]!.id).toBe(first!.id);
    await save("erfarenhet", { intent: "delete", entryId: second!.id });
    profile = await stored();
    expect(profile.experience.map((e) => e.what)).toEqual(["Extrajobb i kafé"]);
  });

  test.each([
    ["intressen", { occupationIds: ["not-a-real-id"] }, "occupationIds", /Yrket finns inte/],
    ["intressen", { groupCodes: ["0000"] }, "groupCodes", /Yrkesgruppen finns inte/],
    ["styrkor", { skillIds: ["no-such-skill"] }, "skillIds", /Kompetensen finns inte/],
    ["styrkor", { strengths: "x".repeat(121) }, "strengths", /högst 120/],
    ["bakgrund", { languageIds: ["nope"] }, "languageIds", /Språket finns inte/],
    ["bakgrund", { drivingLicences: ["Z"] }, "drivingLicences", /.+/],
    ["erfarenhet", { intent: "save", what: "" }, "what", /Skriv vad/],
    ["erfarenhet", { intent: "save", what: "Lager", occupationId: "fake" }, "occupationId", /Yrket finns inte/],
    ["erfarenhet", { intent: "save", what: "Lager", hoursPerWeek: "99" }, "hoursPerWeek", /mellan 0 och 80/],
    ["erfarenhet", { intent: "save", what: "Lager", factor_pace: "maybe" }, "factor_pace", /.+/],
    ["onskemal", { hoursMin: "0" }, "hoursMin", /mellan 1 och 60/],
    ["onskemal", { hoursMax: "61" }, "hoursMax", /mellan 1 och 60/],
    ["onskemal", { hoursMin: "30", hoursMax: "20" }, "hoursMax", /mindre än minsta/],
    ["onskemal", { hoursMin: "tio" }, "hoursMin", /heltal/],
    ["onskemal", { maxCommuteKm: "201" }, "maxCommuteKm", /mellan 0 och 200/],
    ["onskemal", { maxCommuteKm: "-1" }, "maxCommuteKm", /heltal/],
    ["onskemal", { schedule: ["midnight"] }, "schedule", /.+/],
    ["onskemal", { travelMode: "rocket" }, "travelMode", /.+/],
    ["arbetsmiljo", { pace: "frantic" }, "pace", /.+/],
    ["anpassningar", { need_extra_breaks: "always" }, "need_extra_breaks", /Välj/],
    ["aldrig", { occupationIds: ["fake"] }, "occupationIds", /Yrket finns inte/],
    ["aldrig", { environment: ["noise:deafening"] }, "environment", /Välj bland/],
    ["synlighet", { disclose_interests: "yes" }, "disclose_needs", /ja eller nej/],
  ])("%s: %j → 400 on %s, nothing saved", async (section, fields, field, message) => {
    const { save, participant } = await setup();
    const before = await db.profile.findUniqueOrThrow({ where: { participantId: participant.id } });
    const auditBefore = await db.auditEvent.count();
    const result = await save(section, fields as Record<string, string | string[]>);
    expect(result.status).toBe(400);
    expect(fieldErrors(result)[field]?.join(" ")).toMatch(message);
    const after = await db.profile.findUniqueOrThrow({ where: { participantId: participant.id } });
    expect(after).toEqual(before);
    expect(await db.auditEvent.count()).toBe(auditBefore);
  });

  test("commute 0 and 200 km are accepted", async () => {
    const { save, stored } = await setup();
    expect((await save("onskemal", { maxCommuteKm: "0" })).status).toBe(302);
    expect((await stored()).preferences.maxCommuteKm).toBe(0);
    expect((await save("onskemal", { maxCommuteKm: "200" })).status).toBe(302);
    expect((await stored()).preferences.maxCommuteKm).toBe(200);
  });

  test("an unknown section is a 404", async () => {
    const { cookie, participant } = await setup();
    const params = { participantId: participant.id, section: "diagnos" };
    expect((await load(sectionRoute, "/x", cookie, params)).status).toBe(404);
    expect((await submit(sectionRoute, "/x", {}, cookie, params)).status).toBe(404);
  });

  test("there is no diagnosis field: unknown fields are ignored, never stored", async () => {
    const { save, participant } = await setup();
    await save("anpassningar", { need_extra_breaks: "must", diagnosis: "F90" });
    const row = await db.profile.findUniqueOrThrow({ where: { participantId: participant.id } });
    expect(JSON.stringify(row)).not.toContain("F90");
  });
});

describe("profile authorization", () => {
  test("another organisation's participant is a 404; employers and participants get 403", async () => {
    const ours = await createWorld();
    const theirs = await createWorld();
    const coachCookie = await sessionCookieFor(ours.coach.id);
    const theirsParams = { participantId: theirs.participant.id, section: "intressen" };
    expect((await load(profileRoute, "/x", coachCookie, theirsParams)).status).toBe(404);
    expect((await load(sectionRoute, "/x", coachCookie, theirsParams)).status).toBe(404);
    expect((await submit(sectionRoute, "/x", { occupationIds: [] }, coachCookie, theirsParams)).status).toBe(404);
    for (const user of [ours.employerUser, ours.participantUser]) {
      const cookie = await sessionCookieFor(user.id);
      const params = { participantId: ours.participant.id, section: "intressen" };
      expect((await load(profileRoute, "/x", cookie, params)).status).toBe(403);
      expect((await load(sectionRoute, "/x", cookie, params)).status).toBe(403);
      expect((await submit(sectionRoute, "/x", { occupationIds: [] }, cookie, params)).status).toBe(403);
    }
    expect(await db.auditEvent.count({ where: { participantId: theirs.participant.id } })).toBe(0);
  });

  test("the section editor read is audited", async () => {
    const { coach, participant } = await createWorld();
    const cookie = await sessionCookieFor(coach.id);
    expect(
      (await load(sectionRoute, "/x", cookie, { participantId: participant.id, section: "onskemal" })).status,
    ).toBe(200);
    expect(
      await db.auditEvent.findFirst({ where: { participantId: participant.id, action: "read", entity: "profile" } }),
    ).toMatchObject({ actorId: coach.id, detail: "Arbetstid och resväg" });
  });
});

describe("vocabulary suggestions", () => {
  test("staff get occupation, skill and employer suggestions; others are refused", async () => {
    const { coach, employer, employerUser } = await createWorld();
    const cookie = await sessionCookieFor(coach.id);
    const occupations = await load(vocabularyRoute, "/api/vokabular?typ=yrke&q=lagerarb", cookie);
    const body = (await occupations.response!.json()) as { hits: Array<{ label: string }> };
    expect(body.hits.length).toBeGreaterThan(0);
    expect(body.hits[0]!.label).toMatch(/Lager/);
    const employers = await load(
      vocabularyRoute,
      `/api/vokabular?typ=arbetsgivare&q=${encodeURIComponent(employer.name.slice(0, 15))}`,
      cookie,
    );
    expect(((await employers.response!.json()) as { hits: Array<{ id: string }> }).hits.map((i) => i.id)).toContain(
      employer.id,
    );
    expect((await load(vocabularyRoute, "/api/vokabular?typ=diagnos&q=x", cookie)).status).toBe(400);
    expect(
      (await load(vocabularyRoute, "/api/vokabular?typ=arbetsgivare&q=x", await sessionCookieFor(employerUser.id)))
        .status,
    ).toBe(403);
  });

  test("employer search is staff only: employer and participant users get 403, visitors are sent to sign in", async () => {
    const { employer, employerUser, participantUser, admin } = await createWorld();
    const path = `/api/vokabular?typ=arbetsgivare&q=${encodeURIComponent(employer.name.slice(0, 15))}`;
    for (const user of [employerUser, participantUser]) {
      const refused = await load(vocabularyRoute, path, await sessionCookieFor(user.id));
      expect(refused.status).toBe(403);
      expect(await refused.response!.text()).not.toContain(employer.name);
    }
    expect((await load(vocabularyRoute, path, undefined)).status).toBe(302);
    const forAdmin = await load(vocabularyRoute, path, await sessionCookieFor(admin.id));
    expect(forAdmin.status).toBe(200);
    expect(((await forAdmin.response!.json()) as { hits: Array<{ id: string }> }).hits.map((i) => i.id)).toContain(
      employer.id,
    );
    // The same users still get the reference vocabulary.
    expect(
      (await load(vocabularyRoute, "/api/vokabular?typ=yrke&q=lagerarb", await sessionCookieFor(employerUser.id)))
        .status,
    ).toBe(200);
  });
});
