// The matcher's public API (docs/product-rules.md#matching): pure functions over plain inputs, no Prisma and no I/O.
//
//   checkHardFilters(opening, participant, { now, graph? })  → { ok: true } | { ok: false, failures }
//   scoreMatch(opening, participant, { graph, textRelevance?, weights?, tuning? }) → { score, reasons, distanceKm }
//   rankMatches(candidates, { graph, now, weights?, tuning? }) → ranked pairs without hard-filter failures
//   evaluateMatch(opening, participant, ctx)                   → both, for "varför inte?"
//   interestFit(openingOccupationId, interests, graph)         → { fit 0..1, match }
export type {
  AccommodationNeed,
  Criterion,
  Goal,
  HardFailure,
  HardFailureCode,
  HardFilterResult,
  LeadsToEmployment,
  MatchOpening,
  MatchParticipant,
  OccupationGraph,
  Reason,
} from "./types.ts";
export {
  assertValidWeights,
  CRITERIA,
  DEFAULT_TUNING,
  DEFAULT_WEIGHTS,
  totalWeight,
  type MatchTuning,
  type MatchWeights,
} from "./weights.ts";
export {
  groupLabel,
  interestFit,
  interestText,
  occupationLabel,
  substitutability,
  type InterestFit,
  type InterestMatch,
  type ParticipantInterests,
} from "./occupations.ts";
export { distanceKm, KINDS_BY_GOAL, kindsForGoals, offersAccommodation } from "./facts.ts";
export { checkHardFilters, isPastEndDate } from "./hard-filters.ts";
export {
  evaluateMatch,
  hoursOverlapShare,
  rankMatches,
  scoreMatch,
  type MatchCandidate,
  type RankContext,
  type RankedMatch,
  type ScoreContext,
  type ScoredMatch,
} from "./score.ts";
