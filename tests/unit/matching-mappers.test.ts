// Database rows → matcher inputs (app/utils/matching-mappers.server.ts): JSON columns read with the
// profile and opening schemas, tolerant item by item, so a broken value never drops a hard rule.
import { describe, expect, test } from "vitest";
import { checkHardFilters } from "~/domain/matching/index.ts";
import {
  readGoals,
  toMatchOpening,
  toMatchParticipant,
  type OpeningMatchRow,
  type ParticipantMatchRow,
} from "~/utils/matching-mappers.server.ts";
import { toBool, toDate } from "~/utils/raw-values.ts";

function openingRow(overrides: Partial<OpeningMatchRow> = {}): OpeningMatchRow {
  return {
    id: "o1",
    kind: "job",
    status: "published",
    title: "Lagerarbetare",
    occupationId: "DLEi_bTh_oLA",
    occupationLabel: "Lagerarbetare/Terminalarbetare",
    ssyk4Code: "4322",
    hoursMin: 20,
    hoursMax: 30,
    schedule: JSON.stringify({ times: ["day", "evening"], startFlexible: true }),
    environment: JSON.stringify({ pace: "calm", noise: "normal", instructions: ["written", "shown"] }),
    accommodationsOffered: JSON.stringify(["extra_breaks", "quiet_workspace"]),
    employmentSupport: "lonestod",
    competitive: true,
    leadsToEmployment: "yes",
    supervisorName: "  Maria Lind ",
    supervisorFixed: true,
    places: 2,
    activePlacements: 1n,
    endDate: new Date("2026-06-30T00:00:00Z"),
    publishedAt: "2026-01-10T08:00:00.000+00:00",
    lat: 57.78,
    lng: 14.16,
    ...overrides,
  };
}

function participantRow(overrides: Partial<ParticipantMatchRow> = {}): ParticipantMatchRow {
  return {
    id: "p1",
    goals: JSON.stringify(["work", "practice"]),
    lat: 57.7,
    lng: 14.1,
    municipalityLat: 57.78,
    municipalityLng: 14.16,
    interests: JSON.stringify({ occupationIds: ["DLEi_bTh_oLA"], groupCodes: ["9111"] }),
    preferences: JSON.stringify({
      hoursMin: 10,
      hoursMax: 20,
      schedule: ["day"],
      maxCommuteKm: 15,
      travelMode: "bike",
      startFlexible: true,
    }),
    environmentPrefs: JSON.stringify({ pace: "calm", instructions: ["written"] }),
    needs: JSON.stringify([
      { code: "extra_breaks", must: true },
      { code: "quiet_workspace", must: false },
    ]),
    exclusions: JSON.stringify({
      occupationIds: ["KF64_AvU_S4N"],
      groupCodes: ["91"],
      environment: ["physicalLoad:heavy"],
      schedule: ["night"],
    }),
    ...overrides,
  };
}

describe("toMatchOpening", () => {
  test("maps every column and parses the JSON ones", () => {
    expect(toMatchOpening(openingRow())).toEqual({
      id: "o1",
      kind: "job",
      status: "published",
      title: "Lagerarbetare",
      occupationId: "DLEi_bTh_oLA",
      occupationLabel: "Lagerarbetare/Terminalarbetare",
      ssyk4Code: "4322",
      hoursMin: 20,
      hoursMax: 30,
      schedule: { times: ["day", "evening"], startFlexible: true },
      environment: { pace: "calm", noise: "normal", instructions: ["written", "shown"] },
      accommodationsOffered: ["extra_breaks", "quiet_workspace"],
      employmentSupport: "lonestod",
      competitive: true,
      leadsToEmployment: "yes",
      supervisorName: "Maria Lind",
      supervisorFixed: true,
      placesLeft: 1,
      endDate: new Date("2026-06-30T00:00:00Z"),
      publishedAt: new Date("2026-01-10T08:00:00Z"),
      location: { lat: 57.78, lng: 14.16 },
    });
  });

  test("raw SQL values: 0/1 booleans, bigint counts, ISO or epoch dates", () => {
    const m = toMatchOpening(
      openingRow({
        competitive: 0,
        supervisorFixed: 1,
        places: 1n,
        activePlacements: 1n,
        endDate: Date.UTC(2026, 0, 1),
        publishedAt: null,
      }),
    );
    expect(m.competitive).toBe(false);
    expect(m.supervisorFixed).toBe(true);
    expect(m.placesLeft).toBe(0);
    expect(m.endDate).toEqual(new Date("2026-01-01T00:00:00Z"));
    expect(m.publishedAt).toBeNull();
  });

  test("broken or unknown values fall back item by item", () => {
    const m = toMatchOpening(
      openingRow({
        schedule: "{not json",
        environment: JSON.stringify({ pace: "ultra", noise: "quiet", instructions: ["written", "telepathy"] }),
        accommodationsOffered: JSON.stringify(["extra_breaks", "jetpack", 42]),
        employmentSupport: "okänt",
        leadsToEmployment: "kanske?",
        supervisorName: "   ",
        lat: null,
      }),
    );
    expect(m.schedule).toEqual({ times: [], startFlexible: false });
    expect(m.environment).toEqual({ noise: "quiet", instructions: ["written"] });
    expect(m.accommodationsOffered).toEqual(["extra_breaks"]);
    expect(m.employmentSupport).toBeNull();
    expect(m.leadsToEmployment).toBe("maybe");
    expect(m.supervisorName).toBeNull();
    expect(m.location).toBeNull();
  });

  test("an unknown kind or status is kept, so the hard filters reject it", () => {
    const m = toMatchOpening(openingRow({ kind: "rocket", status: "archived" }));
    const participant = toMatchParticipant(
      participantRow({ goals: "[]", exclusions: null, needs: null, preferences: null }),
    );
    const result = checkHardFilters(m, participant, { now: new Date("2026-02-01T00:00:00Z") });
    expect(result.ok ? [] : result.failures.map((f) => f.code)).toEqual(["not_published", "kind_not_in_goals"]);
  });
});

describe("toMatchParticipant", () => {
  test("maps the participant and the profile's matching columns", () => {
    expect(toMatchParticipant(participantRow())).toEqual({
      id: "p1",
      goals: ["work", "practice"],
      home: { lat: 57.7, lng: 14.1 },
      interests: { occupationIds: ["DLEi_bTh_oLA"], groupCodes: ["9111"] },
      preferences: {
        hoursMin: 10,
        hoursMax: 20,
        schedule: ["day"],
        startFlexible: true,
        maxCommuteKm: 15,
        travelMode: "bike",
      },
      environmentPrefs: { pace: "calm", instructions: ["written"] },
      needs: [
        { code: "extra_breaks", must: true },
        { code: "quiet_workspace", must: false },
      ],
      exclusions: {
        occupationIds: ["KF64_AvU_S4N"],
        groupCodes: ["91"],
        environment: ["physicalLoad:heavy"],
        schedule: ["night"],
      },
    });
  });

  test("home falls back to the municipality's centre, then to unknown", () => {
    expect(toMatchParticipant(participantRow({ lat: null, lng: null })).home).toEqual({ lat: 57.78, lng: 14.16 });
    expect(
      toMatchParticipant(participantRow({ lat: null, lng: null, municipalityLat: null, municipalityLng: null })).home,
    ).toBeNull();
  });

  test("no profile: empty wishes, no rules", () => {
    const m = toMatchParticipant(
      participantRow({
        interests: null,
        preferences: null,
        environmentPrefs: null,
        needs: null,
        exclusions: null,
        goals: null,
      }),
    );
    expect(m.goals).toEqual([]);
    expect(m.interests).toEqual({ occupationIds: [], groupCodes: [] });
    expect(m.preferences).toEqual({
      hoursMin: null,
      hoursMax: null,
      schedule: [],
      startFlexible: null,
      maxCommuteKm: null,
      travelMode: null,
    });
    expect(m.environmentPrefs).toEqual({});
    expect(m.needs).toEqual([]);
    expect(m.exclusions).toEqual({ occupationIds: [], groupCodes: [], environment: [], schedule: [] });
  });

  test("one broken item never drops the other hard rules", () => {
    const m = toMatchParticipant(
      participantRow({
        exclusions: JSON.stringify({
          occupationIds: ["KF64_AvU_S4N"],
          groupCodes: ["91"],
          environment: ["physicalLoad:heavy", "noise:deafening"],
          schedule: ["night", "never"],
        }),
        needs: JSON.stringify([{ code: "extra_breaks", must: true }, { code: "unicorn", must: true }, "garbage"]),
        preferences: JSON.stringify({ hoursMin: "tio", hoursMax: 20, maxCommuteKm: 15, schedule: ["day", "siesta"] }),
        goals: JSON.stringify(["work", "space"]),
      }),
    );
    expect(m.exclusions).toEqual({
      occupationIds: ["KF64_AvU_S4N"],
      groupCodes: ["91"],
      environment: ["physicalLoad:heavy"],
      schedule: ["night"],
    });
    expect(m.needs).toEqual([{ code: "extra_breaks", must: true }]);
    expect(m.preferences).toMatchObject({ hoursMin: null, hoursMax: 20, maxCommuteKm: 15, schedule: ["day"] });
    expect(m.goals).toEqual(["work"]);
  });

  test("a need listed as both nice and must counts as must; duplicates are dropped", () => {
    const m = toMatchParticipant(
      participantRow({
        needs: JSON.stringify([
          { code: "extra_breaks", must: false },
          { code: "extra_breaks", must: true },
          { code: "quiet_workspace", must: false },
          { code: "quiet_workspace", must: false },
        ]),
      }),
    );
    expect(m.needs).toEqual([
      { code: "extra_breaks", must: true },
      { code: "quiet_workspace", must: false },
    ]);
  });
});

describe("small readers", () => {
  test("toBool, toDate, readGoals", () => {
    expect([true, 1, 1n, false, 0, 0n, null].map((v) => toBool(v as never))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    expect(toDate("nonsense")).toBeNull();
    expect(toDate("2026-01-10T08:00:00.000+00:00")).toEqual(new Date("2026-01-10T08:00:00Z"));
    expect(readGoals("not json")).toEqual([]);
    expect(readGoals(JSON.stringify(["studies", "studies"]))).toEqual(["studies"]);
  });
});
