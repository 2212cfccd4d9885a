// Property-based tests for the matcher (issue 5, "Bad input"): over generated profiles and openings,
// hard exclusions and must-accommodations are never violated, scores are well-formed, and the score
// moves the right way when an opening gets better.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { haversineKm } from "~/domain/geo.ts";
import {
  checkHardFilters,
  DEFAULT_WEIGHTS,
  rankMatches,
  scoreMatch,
  type HardFailureCode,
  type MatchOpening,
  type MatchParticipant,
  type MatchWeights,
} from "~/domain/matching/index.ts";
import { accommodations, type Accommodation } from "~/domain/vocab/accommodations.ts";
import {
  environmentDimensions,
  instructionStyles,
  type Environment,
  type EnvironmentDimension,
} from "~/domain/vocab/environment.ts";
import { employmentSupports, openingKinds, openingStatuses } from "~/domain/vocab/openings.ts";
import { goals } from "~/domain/vocab/participants.ts";
import { scheduleTimes } from "~/domain/vocab/schedule.ts";
import { northOf, unitGraph } from "../fixtures/match-eval/factories.ts";

const RUNS = 1_000;
const graph = unitGraph();
const now = new Date("2025-03-01T10:00:00Z");
const occupationPool = [...graph.occupations.entries()].map(([id, o]) => ({ id, ...o }));
const ssykPrefixes = [...new Set(occupationPool.flatMap((o) => [1, 2, 3, 4].map((n) => o.ssyk4Code.slice(0, n))))];
const dimensions = Object.keys(environmentDimensions) as EnvironmentDimension[];
const environmentValues = [
  ...dimensions.flatMap((d) => environmentDimensions[d].codes.map((v) => `${d}:${v}`)),
  ...instructionStyles.codes.map((v) => `instructions:${v}`),
];

// ───────────────────────────── arbitraries (from the vocabularies) ─────────────────────────────

/** A point in Jönköpings län (roughly its bounding box). */
const pointArb = fc.record({
  lat: fc.double({ min: 57.1, max: 58.1, noNaN: true }),
  lng: fc.double({ min: 13.5, max: 15.3, noNaN: true }),
});

const hoursRangeArb = fc
  .tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }))
  .map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }));

const environmentArb: fc.Arbitrary<Environment> = fc
  .tuple(
    fc.record(
      Object.fromEntries(
        dimensions.map((d) => [d, fc.option(fc.constantFrom(...environmentDimensions[d].codes), { nil: undefined })]),
      ),
    ),
    fc.subarray([...instructionStyles.codes]),
  )
  .map(([dims, instructions]) => {
    const env: Record<string, unknown> = {};
    for (const [d, v] of Object.entries(dims)) if (v !== undefined) env[d] = v;
    if (instructions.length > 0) env.instructions = instructions;
    return env as Environment;
  });

const openingArb: fc.Arbitrary<MatchOpening> = fc
  .record({
    id: fc.uuid(),
    kind: fc.constantFrom(...openingKinds.codes),
    status: fc.oneof(
      { weight: 4, arbitrary: fc.constant("published" as const) },
      { weight: 1, arbitrary: fc.constantFrom(...openingStatuses.codes) },
    ),
    occupation: fc.constantFrom(...occupationPool),
    hours: hoursRangeArb,
    times: fc.subarray([...scheduleTimes.codes]),
    startFlexible: fc.boolean(),
    environment: environmentArb,
    accommodationsOffered: fc.subarray([...accommodations.codes]),
    employmentSupport: fc.option(fc.constantFrom(...employmentSupports.codes), { nil: null }),
    competitive: fc.boolean(),
    leadsToEmployment: fc.constantFrom("yes" as const, "maybe" as const, "no" as const),
    supervisorName: fc.option(fc.constantFrom("Anna", "Mehmet", "Lisa", " "), { nil: null }),
    supervisorFixed: fc.boolean(),
    placesLeft: fc.integer({ min: 0, max: 3 }),
    endDays: fc.option(fc.integer({ min: -30, max: 90 }), { nil: null }),
    publishedDays: fc.option(fc.integer({ min: -120, max: 0 }), { nil: null }),
    location: fc.option(pointArb, { nil: null, freq: 10 }),
  })
  .map((o) => ({
    id: o.id,
    kind: o.kind,
    status: o.status,
    title: o.occupation.label,
    occupationId: o.occupation.id,
    occupationLabel: o.occupation.label,
    ssyk4Code: o.occupation.ssyk4Code,
    hoursMin: o.hours.min,
    hoursMax: o.hours.max,
    schedule: { times: o.times, startFlexible: o.startFlexible },
    environment: o.environment,
    accommodationsOffered: o.accommodationsOffered,
    employmentSupport: o.employmentSupport,
    competitive: o.competitive,
    leadsToEmployment: o.leadsToEmployment,
    supervisorName: o.supervisorName,
    supervisorFixed: o.supervisorFixed,
    placesLeft: o.placesLeft,
    endDate: o.endDays === null ? null : new Date(now.getTime() + o.endDays * 86_400_000),
    publishedAt: o.publishedDays === null ? null : new Date(now.getTime() + o.publishedDays * 86_400_000),
    location: o.location,
  }));

const needsArb = fc
  .uniqueArray(fc.constantFrom(...accommodations.codes), { maxLength: 5 })
  .chain((codes) =>
    fc.tuple(...codes.map((code) => fc.boolean().map((must) => ({ code, must })))).map((needs) => needs),
  );

const participantArb: fc.Arbitrary<MatchParticipant> = fc
  .record({
    id: fc.uuid(),
    goals: fc.subarray([...goals.codes]),
    home: fc.option(pointArb, { nil: null, freq: 10 }),
    occupationIds: fc.subarray(
      occupationPool.map((o) => o.id),
      { maxLength: 3 },
    ),
    groupCodes: fc.subarray(ssykPrefixes, { maxLength: 2 }),
    hours: fc.option(hoursRangeArb, { nil: null }),
    schedule: fc.subarray([...scheduleTimes.codes]),
    startFlexible: fc.boolean(),
    maxCommuteKm: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
    environmentPrefs: environmentArb,
    needs: needsArb,
    exOccupationIds: fc.subarray(
      occupationPool.map((o) => o.id),
      { maxLength: 2 },
    ),
    exGroupCodes: fc.subarray(ssykPrefixes, { maxLength: 2 }),
    exEnvironment: fc.subarray(environmentValues, { maxLength: 3 }),
    exSchedule: fc.subarray([...scheduleTimes.codes], { maxLength: 2 }),
  })
  .map((p) => ({
    id: p.id,
    goals: p.goals,
    home: p.home,
    interests: { occupationIds: p.occupationIds, groupCodes: p.groupCodes },
    preferences: {
      hoursMin: p.hours?.min ?? null,
      hoursMax: p.hours?.max ?? null,
      schedule: p.schedule,
      startFlexible: p.startFlexible,
      maxCommuteKm: p.maxCommuteKm,
    },
    environmentPrefs: p.environmentPrefs,
    needs: p.needs,
    exclusions: {
      occupationIds: p.exOccupationIds,
      groupCodes: p.exGroupCodes,
      environment: p.exEnvironment,
      schedule: p.exSchedule,
    },
  }));

/** Optional tuned weights: the default, or any non-negative set with a positive sum. */
const weightsArb: fc.Arbitrary<MatchWeights> = fc.oneof(
  fc.constant(DEFAULT_WEIGHTS),
  fc
    .record(
      Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((k) => [k, fc.integer({ min: 0, max: 50 })])) as Record<
        keyof MatchWeights,
        fc.Arbitrary<number>
      >,
    )
    .filter((w) => Object.values(w).some((x) => x > 0)),
);

const textRelevanceArb = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined });

// ───────────────────────────── an independent oracle for the hard rules ─────────────────────────────

/**
 * The participant-side hard rules of docs/product-rules.md#matching restated directly (not through the matcher's code), with
 * the semantics the matcher documents: the goal → kind mapping of facts.ts; `setting: both` contains indoor and outdoor; written instructions, a fixed
 * supervisor and a flexible start on the opening count as those accommodations.
 */
function violatesHardRule(o: MatchOpening, p: MatchParticipant): boolean {
  const env = o.environment as Record<string, unknown>;
  const instructions = new Set<string>([
    ...(o.environment.instructions ?? []),
    ...(o.accommodationsOffered.includes("written_instructions") ? ["written"] : []),
  ]);
  const envHas = (item: string) => {
    const [d = "", v = ""] = item.split(":");
    if (d === "instructions") return instructions.has(v);
    return env[d] === v || (d === "setting" && env[d] === "both" && (v === "indoor" || v === "outdoor"));
  };
  const offers = (c: Accommodation) =>
    o.accommodationsOffered.includes(c) ||
    (c === "written_instructions" && instructions.has("written")) ||
    (c === "fixed_supervisor" && o.supervisorFixed) ||
    (c === "flexible_start" && o.schedule.startFlexible);
  const km = o.location && p.home ? haversineKm(p.home, o.location) : null;
  const max = p.preferences.maxCommuteKm;
  const { hoursMin, hoursMax } = p.preferences;
  const kindsByGoal = {
    work: ["job", "task", "visit"],
    practice: ["practice", "work_trial", "task", "visit"],
    studies: ["visit"],
  };
  const kindOk = p.goals.length === 0 || p.goals.some((g) => kindsByGoal[g].includes(o.kind));
  const pMin = hoursMin ?? 0;
  const pMax = hoursMax ?? Math.max(pMin, 40);
  return (
    !kindOk ||
    p.exclusions.environment.some(envHas) ||
    p.exclusions.schedule.some((t) => o.schedule.times.includes(t)) ||
    p.exclusions.occupationIds.includes(o.occupationId) ||
    p.exclusions.groupCodes.some((g) => o.ssyk4Code.startsWith(g)) ||
    p.needs.some((n) => n.must && !offers(n.code)) ||
    (max != null && (km === null || km > max)) ||
    ((hoursMin != null || hoursMax != null) &&
      o.kind !== "visit" &&
      (o.hoursMax < Math.min(pMin, pMax) || o.hoursMin > Math.max(pMin, pMax)))
  );
}

// ───────────────────────────── forced violations ─────────────────────────────

type Rule = "environment" | "schedule" | "occupation" | "group" | "must" | "distance" | "hours";

/** Make the pair break exactly the given rule (it may break others too). */
const violationArb: fc.Arbitrary<{
  rule: Rule;
  opening: MatchOpening;
  participant: MatchParticipant;
  expected: HardFailureCode;
}> = fc
  .record({
    rule: fc.constantFrom<Rule>("environment", "schedule", "occupation", "group", "must", "distance", "hours"),
    opening: openingArb,
    participant: participantArb,
    envItem: fc.constantFrom(...environmentValues),
    time: fc.constantFrom(...scheduleTimes.codes),
    groupLength: fc.integer({ min: 1, max: 4 }),
    must: fc.constantFrom(...accommodations.codes),
    home: pointArb,
    maxKm: fc.integer({ min: 0, max: 80 }),
    beyondKm: fc.double({ min: 0.5, max: 60, noNaN: true }),
    split: fc.integer({ min: 1, max: 39 }),
    gap: fc.integer({ min: 1, max: 10 }),
    participantBelow: fc.boolean(),
  })
  .map((g) => {
    const opening: MatchOpening = structuredClone(g.opening);
    const participant: MatchParticipant = structuredClone(g.participant);
    const ex = participant.exclusions;
    switch (g.rule) {
      case "environment": {
        const [d = "", v = ""] = g.envItem.split(":");
        if (d === "instructions")
          opening.environment.instructions = [
            ...new Set([...(opening.environment.instructions ?? []), v as "written"]),
          ];
        else (opening.environment as Record<string, string>)[d] = v;
        ex.environment.push(g.envItem);
        return { rule: g.rule, opening, participant, expected: "excluded_environment" as const };
      }
      case "schedule":
        opening.schedule.times = [...new Set([...opening.schedule.times, g.time])];
        ex.schedule.push(g.time);
        return { rule: g.rule, opening, participant, expected: "excluded_schedule" as const };
      case "occupation":
        ex.occupationIds.push(opening.occupationId);
        return { rule: g.rule, opening, participant, expected: "excluded_occupation" as const };
      case "group":
        ex.groupCodes.push(opening.ssyk4Code.slice(0, g.groupLength));
        return { rule: g.rule, opening, participant, expected: "excluded_group" as const };
      case "must": {
        opening.accommodationsOffered = opening.accommodationsOffered.filter((c) => c !== g.must);
        if (g.must === "written_instructions")
          opening.environment.instructions = (opening.environment.instructions ?? []).filter((s) => s !== "written");
        if (g.must === "fixed_supervisor") opening.supervisorFixed = false;
        if (g.must === "flexible_start") opening.schedule.startFlexible = false;
        participant.needs = [...participant.needs.filter((n) => n.code !== g.must), { code: g.must, must: true }];
        return { rule: g.rule, opening, participant, expected: "must_accommodation_missing" as const };
      }
      case "distance":
        participant.home = g.home;
        participant.preferences.maxCommuteKm = g.maxKm;
        opening.location = northOf(g.home, g.maxKm + g.beyondKm);
        return { rule: g.rule, opening, participant, expected: "too_far" as const };
      case "hours": {
        // Two disjoint ranges around `split`, the participant's below or above the opening's.
        const low = { min: Math.max(0, g.split - g.gap - 5), max: g.split - 1 };
        const high = { min: g.split, max: Math.min(40, g.split + g.gap + 5) };
        const [p, o] = g.participantBelow ? [low, high] : [high, low];
        if (opening.kind === "visit") opening.kind = "task"; // a visit has no weekly hours to compare
        participant.preferences.hoursMin = p.min;
        participant.preferences.hoursMax = p.max;
        opening.hoursMin = o.min;
        opening.hoursMax = o.max;
        return { rule: g.rule, opening, participant, expected: "hours_do_not_overlap" as const };
      }
    }
  });

// ───────────────────────────── the properties ─────────────────────────────

describe("hard rules are never violated", () => {
  test(`(a) a pair forced to break a hard rule is never ranked and names the rule (${RUNS} runs)`, () => {
    const seen = new Map<Rule, number>();
    fc.assert(
      fc.property(
        violationArb,
        fc.array(openingArb, { maxLength: 4 }),
        textRelevanceArb,
        (v, others, textRelevance) => {
          seen.set(v.rule, (seen.get(v.rule) ?? 0) + 1);
          const candidates = [v.opening, ...others].map((opening) => ({
            opening,
            participant: v.participant,
            textRelevance,
          }));
          const ranked = rankMatches(candidates, { graph, now });
          expect(ranked.some((r) => r.opening === v.opening)).toBe(false);
          const result = checkHardFilters(v.opening, v.participant, { now });
          expect(result.ok).toBe(false);
          expect(!result.ok && result.failures.map((f) => f.code)).toContain(v.expected);
        },
      ),
      { numRuns: RUNS },
    );
    expect([...seen.keys()].sort()).toEqual([
      "distance",
      "environment",
      "group",
      "hours",
      "must",
      "occupation",
      "schedule",
    ]);
  });

  test(`(a) over random pairs of live openings, rankMatches returns exactly the pairs that break no hard rule (${RUNS} runs)`, () => {
    let kept = 0;
    let dropped = 0;
    fc.assert(
      fc.property(participantArb, fc.array(openingArb, { minLength: 1, maxLength: 8 }), (participant, openings) => {
        const live = openings.map((o) => ({
          ...o,
          status: "published" as const,
          placesLeft: Math.max(1, o.placesLeft),
          endDate: null,
        }));
        const ranked = rankMatches(
          live.map((opening) => ({ opening, participant, textRelevance: 0.5 })),
          { graph, now },
        );
        const returned = new Set(ranked.map((r) => r.opening));
        for (const o of live) {
          expect(returned.has(o)).toBe(!violatesHardRule(o, participant));
          if (returned.has(o)) kept++;
          else dropped++;
        }
      }),
      { numRuns: RUNS },
    );
    // The generator exercises both outcomes.
    expect(kept).toBeGreaterThan(50);
    expect(dropped).toBeGreaterThan(50);
  });
});

describe("scores are well-formed", () => {
  test(`(b) integer scores within 0..100, reasons add up to the score exactly, maxima add up to 100 (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        openingArb,
        participantArb,
        textRelevanceArb,
        weightsArb,
        (opening, participant, textRelevance, weights) => {
          const { score, reasons } = scoreMatch(opening, participant, { graph, textRelevance, weights });
          expect(Number.isInteger(score)).toBe(true);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
          expect(reasons.reduce((s, r) => s + r.points, 0)).toBe(score);
          // Maxima add up to 100, unless no weighted criterion applies at all (only text weighted, no text).
          expect(reasons.reduce((s, r) => s + r.max, 0)).toBe(reasons.length > 0 ? 100 : 0);
          for (const r of reasons) {
            expect(Number.isInteger(r.points) && Number.isInteger(r.max)).toBe(true);
            expect(r.points).toBeGreaterThanOrEqual(0);
            expect(r.points).toBeLessThanOrEqual(r.max);
            expect(r.text.trim().length).toBeGreaterThan(0);
          }
          expect(new Set(reasons.map((r) => r.criterion)).size).toBe(reasons.length);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("monotonicity", () => {
  test(`(c) offering an extra nice accommodation never lowers the score (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        openingArb,
        participantArb,
        fc.constantFrom(...accommodations.codes),
        textRelevanceArb,
        (opening, participant, extra, textRelevance) => {
          // Make `extra` a nice need of the participant that the opening does not offer yet.
          const p = {
            ...participant,
            needs: [...participant.needs.filter((n) => n.code !== extra), { code: extra, must: false }],
          };
          const before = {
            ...opening,
            accommodationsOffered: opening.accommodationsOffered.filter((c) => c !== extra),
          };
          const after = { ...before, accommodationsOffered: [...before.accommodationsOffered, extra] };
          const a = scoreMatch(before, p, { graph, textRelevance }).score;
          const b = scoreMatch(after, p, { graph, textRelevance }).score;
          expect(b).toBeGreaterThanOrEqual(a);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test(`(c) moving the opening closer to home never lowers the score (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        openingArb,
        participantArb,
        pointArb,
        pointArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        textRelevanceArb,
        (opening, participant, home, far, t, textRelevance) => {
          const p = { ...participant, home };
          const near = { lat: far.lat + (home.lat - far.lat) * t, lng: far.lng + (home.lng - far.lng) * t };
          fc.pre(haversineKm(home, near) <= haversineKm(home, far));
          const a = scoreMatch({ ...opening, location: far }, p, { graph, textRelevance }).score;
          const b = scoreMatch({ ...opening, location: near }, p, { graph, textRelevance }).score;
          expect(b).toBeGreaterThanOrEqual(a);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test(`(c) higher text relevance never lowers the score (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        openingArb,
        participantArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (opening, participant, x, y) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          expect(scoreMatch(opening, participant, { graph, textRelevance: hi }).score).toBeGreaterThanOrEqual(
            scoreMatch(opening, participant, { graph, textRelevance: lo }).score,
          );
        },
      ),
      { numRuns: RUNS },
    );
  });
});
