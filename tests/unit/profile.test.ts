// Reading stored profiles is tolerant: seeded or older shapes, and broken JSON, never break a page.
import { describe, expect, test } from "vitest";
import { emptyProfile, profileColumns, readProfile, type ProfileRow } from "../../app/domain/profile.ts";
import { participantWelcome } from "../../emails/templates/participant-welcome.ts";

const row = (overrides: Partial<ProfileRow>): ProfileRow => ({
  ...(profileColumns(emptyProfile()) as ProfileRow),
  education: null,
  ...overrides,
});

describe("readProfile", () => {
  test("reads the shapes the demo seed writes (experience without ids or factors)", () => {
    const profile = readProfile(
      row({
        interests: '{"occupationIds":["a"],"groupCodes":["9111"]}',
        experience: '[{"what":"Lager","where":"ICA","when":"2022","worked":"Lugnt","didNotWork":"Stress"}]',
        preferences: '{"hoursMin":10,"hoursMax":20,"schedule":["day"],"maxCommuteKm":15,"travelMode":"bike"}',
        needs: '[{"code":"extra_breaks","must":true},{"code":"diagnosis","must":true}]',
        exclusions: '{"occupationIds":[],"groupCodes":[],"environment":["noise:noisy"],"schedule":["night"]}',
        disclosure: '{"interests":true}',
        drivingLicences: '["B","X"]',
      }),
    );
    expect(profile.interests).toEqual({ occupationIds: ["a"], groupCodes: ["9111"] });
    expect(profile.experience).toEqual([
      {
        id: "e1",
        what: "Lager",
        where: "ICA",
        when: "2022",
        worked: "Lugnt",
        didNotWork: "Stress",
        instructions: [],
        factors: {},
      },
    ]);
    expect(profile.preferences.maxCommuteKm).toBe(15);
    expect(profile.needs).toEqual([{ code: "extra_breaks", must: true }]);
    expect(profile.exclusions.environment).toEqual(["noise:noisy"]);
    expect(profile.disclosure).toEqual({ interests: true });
    expect(profile.drivingLicences).toEqual(["B"]);
  });

  test("broken JSON falls back to empty values", () => {
    const profile = readProfile(row({ interests: "{", needs: "nope", preferences: '{"maxCommuteKm":9000}' }));
    expect(profile.interests).toEqual({ occupationIds: [], groupCodes: [] });
    expect(profile.needs).toEqual([]);
    expect(profile.preferences).toEqual({ schedule: [] });
    expect(readProfile(null)).toEqual(emptyProfile());
  });
});

describe("participantWelcome", () => {
  test("plain Swedish, with the coach's name and a working link", () => {
    const mail = participantWelcome({
      name: "Nora",
      coachName: "Anna Coach",
      url: "https://brygga.example.se/logga-in?email=nora%40example.se",
    });
    expect(mail.subject).toBe("Välkommen till Brygga");
    expect(mail.text).toContain("Hej Nora!");
    expect(mail.text).toContain("Anna Coach är din coach.");
    expect(mail.text).toContain("https://brygga.example.se/logga-in?email=nora%40example.se");
  });
});
