// The matcher's tunable numbers, in one place (docs/product-rules.md#matching). Change them here, or pass a modified copy
// to scoreMatch / rankMatches. The weights are points out of 100; a tuned set need not add up to
// 100 (the score is normalised by the sum), but the default does, so each weight reads as points.
import type { Criterion } from "./types.ts";

export type MatchWeights = Readonly<Record<Criterion, number>>;

export const DEFAULT_WEIGHTS: MatchWeights = Object.freeze({
  interest: 35, // interest fit: occupation, substitutable occupation, SSYK group
  text: 15, // text relevance from the search engine
  environment: 15, // share of stated environment preferences the opening meets
  accommodations: 10, // share of `nice` accommodation needs the opening offers
  distance: 10, // decays linearly from home to 0 at the max commute
  hours: 5, // hours range overlap and preferred schedule times
  employment: 5, // leads to competitive employment
  supervisor: 5, // a named (fixed) supervisor
});

export type MatchTuning = {
  /**
   * Interest fit by the closest shared level. Same occupation and SSYK-4/SSYK-2 are from the product rules (docs/product-rules.md#matching);
   * SSYK-3 and SSYK-1 are interpolated steps this module adds (a level-1 group such as
   * "Yrken med krav på kortare utbildning" is hardly an interest, so it counts very little).
   * Substitutable occupations count by their JobTech percentage (0.25 / 0.5 / 0.75); the best
   * of all the ways an interest matches wins.
   */
  interestLevels: { occupation: number; ssyk4: number; ssyk3: number; ssyk2: number; ssyk1: number };
  /** Without a stated max commute, distance points decay to 0 at this many km (no hard filter). */
  defaultCommuteKm: number;
  /** Environment: an ordinal dimension one step off the preference (calm vs varied) counts this much. */
  environmentNeighbour: number;
  /** Employment: a competitive job is 1; otherwise by the opening's `leadsToEmployment`. */
  employment: { competitiveJob: number; leadsYes: number; leadsMaybe: number; leadsNo: number };
  /** Supervisor: named and fixed is 1; named but not fixed, or fixed without a name yet. */
  supervisor: { namedFixed: number; named: number; fixedUnnamed: number };
};

export const DEFAULT_TUNING: MatchTuning = Object.freeze({
  interestLevels: Object.freeze({ occupation: 1, ssyk4: 0.6, ssyk3: 0.45, ssyk2: 0.3, ssyk1: 0.1 }),
  defaultCommuteKm: 30,
  environmentNeighbour: 0.5,
  employment: Object.freeze({ competitiveJob: 1, leadsYes: 0.6, leadsMaybe: 0.3, leadsNo: 0 }),
  supervisor: Object.freeze({ namedFixed: 1, named: 0.6, fixedUnnamed: 0.5 }),
});

export const CRITERIA: readonly Criterion[] = Object.keys(DEFAULT_WEIGHTS) as Criterion[];

export function totalWeight(weights: MatchWeights): number {
  return CRITERIA.reduce((sum, c) => sum + weights[c], 0);
}

/** Throws when a tuned weight set cannot produce a score (negative, not finite, or all zero). */
export function assertValidWeights(weights: MatchWeights): void {
  for (const c of CRITERIA) {
    const w = weights[c];
    if (!Number.isFinite(w) || w < 0) throw new Error(`Matchningsvikten för ${c} måste vara ett tal ≥ 0 (fick ${w}).`);
  }
  if (totalWeight(weights) <= 0) throw new Error("Minst en matchningsvikt måste vara större än 0.");
}
