// The coach's match filters (app/domain/matching/filters.ts) and the translation of a profile into
// search-engine queries (planCandidateSearch in app/utils/matching.server.ts): pure, no database.
import { describe, expect, test } from "vitest";
import { MatchFiltersSchema, matchFilterValues, parseMatchFilters } from "~/domain/matching/filters.ts";
import { buildOccupationGraph, interestNeighbourhood } from "~/utils/occupation-graph.server.ts";
import { MATCHING_LIMITS, nextRingKm, planCandidateSearch, searchCandidates } from "~/utils/matching.server.ts";
import type { OpeningQuery, SearchEngine } from "../../search/engine.ts";
import { makeParticipant } from "../fixtures/match-eval/factories.ts";
import { first } from "~/domain/arrays.ts";

const now = new Date("2026-03-01T10:00:00Z");
const home = { lat: 57.78, lng: 14.16 };
const DAY = 24 * 60 * 60 * 1000;

// A tiny graph with real ids and SSYK codes.
const graph = buildOccupationGraph(
  [
    { id: "lager", label: "Lagerarbetare/Terminalarbetare", ssyk4Code: "4322" },
    { id: "planerare", label: "Lagerplanerare", ssyk4Code: "4322" },
    { id: "transport", label: "Transportledare", ssyk4Code: "4323" },
    { id: "truck", label: "Truckförare", ssyk4Code: "8344" },
    { id: "stadare", label: "Städare", ssyk4Code: "9111" },
    { id: "fonster", label: "Fönsterputsare", ssyk4Code: "9113" },
  ],
  [
    { code: "4322", label: "Lager- och terminalpersonal" },
    { code: "91", label: "Städyrken" },
  ],
  [
    { fromId: "lager", toId: "truck", percentage: 25 },
    { fromId: "planerare", toId: "lager", percentage: 25 },
  ],
);

describe("MatchFiltersSchema", () => {
  test("accepts typed values and query-string values", () => {
    expect(MatchFiltersSchema.parse({})).toEqual({});
    expect(
      MatchFiltersSchema.parse({ kinds: ["job", "job", "visit"], maxDistanceKm: 12.5, hoursMin: 10, hoursMax: 20 }),
    ).toEqual({
      kinds: ["job", "visit"],
      maxDistanceKm: 12.5,
      hoursMin: 10,
      hoursMax: 20,
    });
    const params = new URLSearchParams("kinds=job&kinds=practice&maxDistanceKm=20&hoursMin=&hoursMax=30");
    expect(MatchFiltersSchema.parse(matchFilterValues(params))).toEqual({
      kinds: ["job", "practice"],
      maxDistanceKm: 20,
      hoursMax: 30,
    });
    expect(MatchFiltersSchema.parse({ kinds: "visit", maxDistanceKm: "7,5" })).toEqual({
      kinds: ["visit"],
      maxDistanceKm: 7.5,
    });
    expect(MatchFiltersSchema.parse({ kinds: [] })).toEqual({});
  });

  test("rejects bad values with Swedish messages per field", () => {
    const bad = parseMatchFilters({ kinds: ["job", "raket"], maxDistanceKm: 5000, hoursMin: "tio", hoursMax: 50 });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.kinds).toEqual(["Välj bland de typer av annonser som finns."]);
    expect(bad.errors.maxDistanceKm).toEqual(["Avståndet ska vara ett tal mellan 1 och 200 km."]);
    expect(bad.errors.hoursMin).toEqual(["Timmar per vecka ska vara ett heltal mellan 1 och 40."]);
    expect(bad.errors.hoursMax).toEqual(["Timmar per vecka ska vara ett heltal mellan 1 och 40."]);
    expect(parseMatchFilters({ maxDistanceKm: 0 }).ok).toBe(false);
    expect(parseMatchFilters({ maxDistanceKm: -3 }).ok).toBe(false);
    expect(parseMatchFilters({ hoursMin: 12.5 }).ok).toBe(false);
    const order = parseMatchFilters({ hoursMin: 30, hoursMax: 10 });
    expect(order.ok ? null : order.errors).toEqual({
      hoursMax: ["Högsta antal timmar kan inte vara lägre än lägsta."],
    });
  });
});

describe("interestNeighbourhood", () => {
  test("substitutes both ways and the SSYK-4 group; not the interest itself; exclusions left out", () => {
    expect(interestNeighbourhood(graph, { occupationIds: ["lager"], groupCodes: [] }).sort()).toEqual([
      "planerare",
      "truck",
    ]);
    expect(
      interestNeighbourhood(
        graph,
        { occupationIds: ["lager"], groupCodes: [] },
        { occupationIds: [], groupCodes: [] },
        3,
      ).sort(),
    ).toEqual(["planerare", "transport", "truck"]);
    expect(interestNeighbourhood(graph, { occupationIds: [], groupCodes: ["91"] }).sort()).toEqual([
      "fonster",
      "stadare",
    ]);
    expect(
      interestNeighbourhood(
        graph,
        { occupationIds: ["lager"], groupCodes: ["91"] },
        { occupationIds: ["truck"], groupCodes: ["9111"] },
      ).sort(),
    ).toEqual(["fonster", "planerare"]);
  });
});

describe("planCandidateSearch", () => {
  test("the participant's limits become engine filters", () => {
    const participant = makeParticipant({
      goals: ["work"],
      home,
      interests: { occupationIds: ["lager", "stadare"], groupCodes: [] },
      preferences: { hoursMin: 10, hoursMax: 20, maxCommuteKm: 25 },
      needs: [
        { code: "extra_breaks", must: true },
        { code: "fixed_supervisor", must: true },
        { code: "quiet_workspace", must: false },
      ],
      exclusions: { occupationIds: [], groupCodes: [], environment: ["physicalLoad:heavy"], schedule: ["night"] },
    });
    const plan = planCandidateSearch(participant, graph, {}, { now });
    expect(plan.empty).toBe(false);
    expect(plan.textQueries.map((q) => q.text)).toEqual(["Lagerarbetare/Terminalarbetare", "Städare"]);
    const q = first(plan.textQueries);
    expect(q.filters).toEqual({
      kinds: ["job", "task", "visit"],
      notEndedBefore: now.getTime() - DAY,
      excludeSchedule: ["schedule:night"],
      excludeEnvironment: ["physicalLoad:heavy"],
      // A fixed supervisor can be offered through the supervisor fields: the matcher checks that one.
      requireAccommodations: ["extra_breaks"],
    });
    expect(q.geo).toEqual({ ...home, radiusKm: 25.05 });
    // More text hits than candidates are read: searchCandidates chooses among them (see below).
    expect(q.limit).toBe(MATCHING_LIMITS.textPool);
    expect(q.prefer).toEqual({ environment: [], accommodations: ["quiet_workspace"] });
    expect(plan.neighbourhoodQuery?.filters?.occupationIds?.sort()).toEqual(["planerare", "truck"]);
    expect(plan.fillQuery.geo?.radiusKm).toBe(25.05);
    expect(plan.firstRingKm).toBe(5);
  });

  test("the fill prefers the environment, instructions and nice accommodations the participant wants", () => {
    const participant = makeParticipant({
      home,
      interests: { occupationIds: ["lager"], groupCodes: [] },
      environmentPrefs: { pace: "calm", noise: "quiet", instructions: ["shown"] },
      needs: [
        { code: "written_instructions", must: false },
        { code: "extra_breaks", must: false },
        { code: "flexible_start", must: false },
        { code: "quiet_workspace", must: true },
      ],
    });
    const plan = planCandidateSearch(participant, graph, {}, { now });
    expect(plan.fillQuery.prefer).toEqual({
      environment: ["pace:calm", "noise:quiet", "instructions:shown", "instructions:written"],
      // A must is already a filter; a flexible start can come through the schedule (the matcher checks it).
      accommodations: ["extra_breaks"],
    });
    // Text hits are ranked by relevance but count the preferred values (searchCandidates weighs them);
    // the neighbourhood is read whole.
    expect(first(plan.textQueries).prefer).toEqual(plan.fillQuery.prefer);
    expect(plan.neighbourhoodQuery?.prefer).toBeUndefined();
    expect(planCandidateSearch(makeParticipant({ home }), graph, {}, { now }).fillQuery.prefer).toBeUndefined();
  });

  test("hours go to the engine only when study visits are out (they have no weekly hours)", () => {
    const participant = makeParticipant({ goals: ["practice"], home, preferences: { hoursMin: 10, hoursMax: 20 } });
    const withVisits = planCandidateSearch(participant, graph, {}, { now });
    expect(withVisits.fillQuery.filters?.hours).toBeUndefined();
    const noVisits = planCandidateSearch(participant, graph, { kinds: ["practice", "work_trial"] }, { now });
    expect(noVisits.fillQuery.filters?.kinds).toEqual(["practice", "work_trial"]);
    expect(noVisits.fillQuery.filters?.hours).toEqual({ min: 10, max: 20 });
    // Both the participant's range and the coach's: an opening must overlap each.
    const both = planCandidateSearch(participant, graph, { kinds: ["practice"], hoursMin: 15, hoursMax: 30 }, { now });
    expect(both.fillQuery.filters?.hours).toEqual({ min: 15, max: 20 });
  });

  test("the radius is the tighter of max commute and the coach's distance; without either a default", () => {
    const p = (maxCommuteKm?: number) => makeParticipant({ home, preferences: { maxCommuteKm: maxCommuteKm ?? null } });
    const radius = (plan: { fillQuery: OpeningQuery }) => plan.fillQuery.geo?.radiusKm;
    expect(radius(planCandidateSearch(p(30), graph, { maxDistanceKm: 10 }, { now }))).toBe(10.05);
    expect(radius(planCandidateSearch(p(8), graph, { maxDistanceKm: 50 }, { now }))).toBe(8.05);
    expect(radius(planCandidateSearch(p(), graph, {}, { now }))).toBe(MATCHING_LIMITS.unstatedRadiusKm + 0.05);
    // A radius within the first ring: the fill is one query.
    const small = planCandidateSearch(p(3), graph, {}, { now });
    expect([small.fillQuery.geo?.radiusKm, small.firstRingKm]).toEqual([3.05, null]);
  });

  test("nothing to search: no common kind, or a max commute without a home", () => {
    expect(
      planCandidateSearch(makeParticipant({ goals: ["studies"], home }), graph, { kinds: ["job"] }, { now }).empty,
    ).toBe(true);
    expect(
      planCandidateSearch(makeParticipant({ home: null, preferences: { maxCommuteKm: 10 } }), graph, {}, { now }).empty,
    ).toBe(true);
    const noHome = planCandidateSearch(makeParticipant({ home: null, preferences: {} }), graph, {}, { now });
    expect(noHome.empty).toBe(false);
    expect(noHome.firstRingKm).toBeNull();
    expect(noHome.fillQuery.geo).toBeUndefined();
  });

  test("excluded interests are not searched", () => {
    const participant = makeParticipant({
      home,
      interests: { occupationIds: ["lager", "stadare"], groupCodes: [] },
      exclusions: { occupationIds: [], groupCodes: ["91"], environment: [], schedule: [] },
    });
    expect(planCandidateSearch(participant, graph, {}, { now }).textQueries.map((q) => q.text)).toEqual([
      "Lagerarbetare/Terminalarbetare",
    ]);
  });
});

describe("searchCandidates", () => {
  test("text hits first by relevance, then the neighbourhood, then the fill rings, up to the limit", async () => {
    const calls: OpeningQuery[] = [];
    const engine: SearchEngine = {
      name: "sqlite",
      syncOpenings: async () => {},
      async searchOpenings(q) {
        calls.push(q);
        if (q.text === "Lagerarbetare/Terminalarbetare")
          return {
            hits: [
              { id: "a", relevance: 0.6 },
              { id: "b", relevance: 1 },
            ],
            total: 2,
          };
        if (q.text === "Städare")
          return {
            hits: [
              { id: "c", relevance: 0.9 },
              { id: "a", relevance: 0.8 },
            ],
            total: 2,
          };
        if (q.filters?.occupationIds)
          return {
            hits: [
              { id: "b", relevance: 1 },
              { id: "d", relevance: 1 },
            ],
            total: 2,
          };
        if (q.geo?.radiusKm === 5) return { hits: [{ id: "e", relevance: 1 }], total: 1 };
        return {
          hits: [
            { id: "f", relevance: 1 },
            { id: "g", relevance: 1 },
            { id: "h", relevance: 1 },
          ],
          total: 3,
        };
      },
    };
    const participant = makeParticipant({ home, interests: { occupationIds: ["lager", "stadare"], groupCodes: [] } });
    const plan = planCandidateSearch(participant, graph, {}, { now, candidateLimit: 6 });
    const found = await searchCandidates(engine, plan);
    expect(found.ids).toEqual(["b", "c", "a", "d", "e", "f"]);
    expect(Object.fromEntries(found.relevance!)).toEqual({ a: 0.8, b: 1, c: 0.9 });
    // One opening within 5 km and one missing: the next ring is sized for two (at least 1.5 × 5 km),
    // and it fills the list, so the full radius is not searched.
    const second = nextRingKm(5, 1, 1, plan.fillQuery.geo!.radiusKm);
    expect(second).toBeGreaterThanOrEqual(7.5);
    expect(second).toBeLessThan(plan.fillQuery.geo!.radiusKm);
    expect(
      calls.map((q) => q.text ?? (q.filters?.occupationIds ? "neighbourhood" : `ring ${q.geo?.radiusKm}`)),
    ).toEqual(["Lagerarbetare/Terminalarbetare", "Städare", "neighbourhood", "ring 5", `ring ${second}`]);
    expect(found.queries).toBe(5);
  });

  test("text hits are chosen by relevance, distance and preferred values together, as the matcher weighs them", async () => {
    const engine: SearchEngine = {
      name: "sqlite",
      syncOpenings: async () => {},
      async searchOpenings(q) {
        if (!q.text) return { hits: [], total: 0 };
        return {
          hits: [
            { id: "most-relevant-far", relevance: 1, distanceKm: 90, preferred: 0 },
            { id: "relevant-far", relevance: 0.9, distanceKm: 50, preferred: 0 },
            { id: "near-and-fitting", relevance: 0.7, distanceKm: 1, preferred: 2 },
          ],
          total: 3,
        };
      },
    };
    const participant = makeParticipant({
      home,
      interests: { occupationIds: ["lager"], groupCodes: [] },
      environmentPrefs: { pace: "calm" },
      needs: [{ code: "extra_breaks", must: false }],
    });
    const plan = planCandidateSearch(participant, graph, {}, { now, candidateLimit: 2 });
    const found = await searchCandidates(engine, plan);
    expect(found.ids).toEqual(["near-and-fitting", "most-relevant-far"]);
  });

  test("rings grow with the density they find, up to the full radius, until the list is full", async () => {
    const radii: Array<number | undefined> = [];
    const engine: SearchEngine = {
      name: "sqlite",
      syncOpenings: async () => {},
      async searchOpenings(q) {
        radii.push(q.geo?.radiusKm);
        return { hits: [], total: 0 }; // nothing anywhere: every ring is searched
      },
    };
    const participant = makeParticipant({ home, preferences: { maxCommuteKm: 100 } });
    const plan = planCandidateSearch(participant, graph, {}, { now });
    await searchCandidates(engine, plan);
    // Empty rings grow threefold: 5, 15, 45, then the full radius (100.05 km) once.
    expect(radii).toEqual([5, 15, 45, 100.05]);
  });
});

describe("nextRingKm", () => {
  test("sized so the ring holds what was found plus what is missing, with a margin", () => {
    // 100 within 5 km, 300 missing: four times the openings → twice the radius, × 1.25.
    expect(nextRingKm(5, 100, 300, 100)).toBeCloseTo(12.5);
    // Never less than 1.5 ×, never past the full radius; an empty ring triples.
    expect(nextRingKm(5, 290, 10, 100)).toBe(7.5);
    expect(nextRingKm(40, 10, 290, 100)).toBe(100);
    expect(nextRingKm(5, 0, 300, 100)).toBe(15);
  });
});
