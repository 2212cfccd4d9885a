// The soft score (docs/product-rules.md#matching): 0–100 with one reason per criterion, each a plain Swedish sentence.
//
// Each criterion yields a fit in 0..1; its points are fit × weight. How the numbers are rounded:
//   - each reason's `max` is its weight (rescaled to sum to 100 when a tuned set does not, or when a
//     criterion does not apply), rounded by the largest-remainder method so the maxima add up to 100.
//     The maxima depend only on the weights and on which criteria apply, so they are the same for
//     every pair in one list;
//   - each reason's `points` is fit × max rounded to the nearest integer, on its own: the same fact
//     earns the same points on every opening (rounding the parts to make them add up to a rounded
//     total gave 2/5 on one opening and 3/5 on another);
//   - the score is the sum of the points (0..100), so the reasons always add up to it.
// A criterion that does not apply is left out and the others are scaled up: only text relevance, when
// the caller has none (reverse matching runs without a search query).
//
// A preference the participant did not state counts as met (nothing in the opening goes against it),
// so an unfilled profile section never ranks one opening above another. A fact that is unknown about
// the opening (an environment dimension the employer left out) counts as not met.
import { accommodations, type Accommodation } from "../vocab/accommodations.ts";
import {
  environmentDimensionLabels,
  environmentDimensions,
  instructionStyles,
  type EnvironmentDimension,
} from "../vocab/environment.ts";
import { employmentSupports, isCompetitive } from "../vocab/openings.ts";
import { scheduleTimes } from "../vocab/schedule.ts";
import {
  distanceKm,
  distanceText,
  hoursRangeText,
  instructionsGiven,
  listSv,
  lowerFirst,
  offersAccommodation,
} from "./facts.ts";
import { checkHardFilters, participantHours } from "./hard-filters.ts";
import { interestFit, interestText } from "./occupations.ts";
import type { Criterion, HardFilterResult, MatchOpening, MatchParticipant, OccupationGraph, Reason } from "./types.ts";
import {
  assertValidWeights,
  CRITERIA,
  DEFAULT_TUNING,
  DEFAULT_WEIGHTS,
  type MatchTuning,
  type MatchWeights,
} from "./weights.ts";

export type ScoreContext = {
  graph: OccupationGraph;
  /** Relevance of the opening's text to the search, 0..1 (from the engine). Omit when there is none. */
  textRelevance?: number | null;
  /** Not used by the score itself; accepted so one context object serves scoreMatch and rankMatches. */
  now?: Date;
  weights?: MatchWeights;
  tuning?: MatchTuning;
};

export type ScoredMatch = { score: number; reasons: Reason[]; distanceKm: number | null };

type Fit = { fit: number; text: string };

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

// ───────────────────────────── criteria ─────────────────────────────

function interestCriterion(
  opening: MatchOpening,
  participant: MatchParticipant,
  ctx: ScoreContext,
  tuning: MatchTuning,
): Fit {
  const fit = interestFit(opening.occupationId, participant.interests, ctx.graph, {
    openingSsyk4Code: opening.ssyk4Code,
    tuning,
  });
  return { fit: fit.fit, text: interestText(fit, opening.occupationLabel) };
}

/**
 * Text relevance: how well the opening's text matches the names of the occupations the participant
 * is interested in (the matching service searches the openings for them; no one typed a search).
 * The engine's relevance is relative to the best hit among the openings found, so the text says so.
 */
function textCriterion(relevance: number): Fit {
  const r = clamp01(relevance);
  if (r === 0) return { fit: 0, text: "Annonstexten nämner inget av yrkena deltagaren är intresserad av" };
  const pct = Math.round(r * 100);
  const strength = pct >= 100 ? "bästa träffen" : `${pct} % av bästa träffen`;
  return { fit: r, text: `Annonstexten nämner ett yrke deltagaren är intresserad av (${strength})` };
}

const dimensionOrder = Object.keys(environmentDimensions) as EnvironmentDimension[];

function valueLabel(dimension: EnvironmentDimension, value: string): string {
  return lowerFirst(environmentDimensions[dimension].label(value));
}

function environmentCriterion(opening: MatchOpening, participant: MatchParticipant, tuning: MatchTuning): Fit {
  const prefs = participant.environmentPrefs;
  const fits: number[] = [];
  const met: string[] = [];
  const partly: string[] = [];
  const unmet: string[] = [];

  for (const dimension of dimensionOrder) {
    const wanted = prefs[dimension];
    if (!wanted) continue;
    const actual = opening.environment[dimension];
    const codes = environmentDimensions[dimension].codes as readonly string[];
    if (!actual) {
      fits.push(0);
      unmet.push(`${lowerFirst(environmentDimensionLabels[dimension])} okänt`);
    } else if (actual === wanted) {
      fits.push(1);
      met.push(valueLabel(dimension, actual));
    } else {
      // Ordinal dimensions: one step away counts partly. `setting`: "both" is next to indoor and outdoor.
      const neighbour =
        dimension === "setting"
          ? actual === "both" || wanted === "both"
          : Math.abs(codes.indexOf(actual) - codes.indexOf(wanted)) === 1;
      const f = neighbour ? tuning.environmentNeighbour : 0;
      fits.push(f);
      (f > 0 ? partly : unmet).push(`${valueLabel(dimension, actual)} (önskar ${valueLabel(dimension, wanted)})`);
    }
  }

  // Instructions: the styles the participant prefers, plus written ones when written instructions
  // are a need (must or nice). Scored here, not under accommodations, so they count once.
  const needsWritten = participant.needs.some((n) => n.code === "written_instructions");
  const wantedStyles = new Set<string>(prefs.instructions ?? []);
  if (needsWritten) wantedStyles.add("written");
  let instructionSentence: string | null = null;
  if (wantedStyles.size > 0) {
    const given = instructionsGiven(opening);
    const ok = [...wantedStyles].filter((s) => given.has(s));
    const missing = [...wantedStyles].filter((s) => !given.has(s));
    fits.push(ok.length / wantedStyles.size);
    const label = (s: string) => lowerFirst(instructionStyles.label(s));
    if (ok.includes("written") && needsWritten) {
      instructionSentence = "Erbjuder skriftliga instruktioner – ett behov";
      const others = ok.filter((s) => s !== "written");
      if (others.length > 0) met.push(...others.map(label));
    } else {
      met.push(...ok.map(label));
    }
    for (const s of missing)
      unmet.push(
        s === "written" && needsWritten ? "skriftliga instruktioner saknas – ett behov" : `${label(s)} saknas`,
      );
  }

  if (fits.length === 0) return { fit: 1, text: "Inga särskilda önskemål om arbetsmiljön" };
  const parts: string[] = [];
  if (instructionSentence) parts.push(instructionSentence);
  if (met.length > 0) parts.push(`Passar önskemål: ${listSv(met)}`);
  if (partly.length > 0) parts.push(`${parts.length > 0 ? "delvis" : "Passar delvis"}: ${listSv(partly)}`);
  if (unmet.length > 0) parts.push(`${parts.length > 0 ? "inte" : "Passar inte"}: ${listSv(unmet)}`);
  return { fit: fits.reduce((a, b) => a + b, 0) / fits.length, text: parts.join("; ") };
}

function uniqueCodes(codes: Accommodation[]): Accommodation[] {
  return [...new Set(codes)];
}

function accommodationsCriterion(opening: MatchOpening, participant: MatchParticipant): Fit {
  const label = (c: Accommodation) => lowerFirst(accommodations.label(c));
  // Written instructions are scored under environment (instructions), so they count once.
  const nice = uniqueCodes(
    participant.needs.filter((n) => !n.must && n.code !== "written_instructions").map((n) => n.code),
  );
  const must = uniqueCodes(participant.needs.filter((n) => n.must).map((n) => n.code));
  const mustMet = must.filter((c) => offersAccommodation(opening, c));
  const mustSentence = mustMet.length > 0 ? `har det som krävs (${listSv(mustMet.map(label))})` : null;

  if (nice.length === 0) {
    const base = "Inga fler önskemål om anpassningar";
    return { fit: 1, text: mustSentence ? `${base}; ${mustSentence}` : base };
  }
  const offered = nice.filter((c) => offersAccommodation(opening, c));
  const missing = nice.filter((c) => !offersAccommodation(opening, c));
  const parts: string[] = [];
  if (offered.length > 0) {
    parts.push(
      `Erbjuder ${listSv(offered.map(label))} – ${offered.length === 1 ? "ett behov" : "behov deltagaren har"}`,
    );
    if (missing.length > 0) parts.push(`saknar ${listSv(missing.map(label))}`);
  } else {
    parts.push(`Erbjuder inget av det deltagaren önskar (${listSv(missing.map(label))})`);
  }
  if (mustSentence) parts.push(mustSentence);
  return { fit: offered.length / nice.length, text: parts.join("; ") };
}

function distanceCriterion(km: number | null, participant: MatchParticipant, tuning: MatchTuning): Fit {
  if (km === null) return { fit: 0, text: "Avståndet är okänt" };
  const limit = participant.preferences.maxCommuteKm ?? tuning.defaultCommuteKm;
  const fit = limit > 0 ? clamp01(1 - km / limit) : km === 0 ? 1 : 0;
  return { fit, text: distanceText(km) };
}

/**
 * Hours: the overlap of the two weekly ranges relative to the shorter one (the Szymkiewicz–Simpson
 * overlap coefficient): 1 when one range lies inside the other, so a flexible opening (10–40 h) is a
 * full fit for someone who wants 10–15 h. Preferred schedule times: the share of the opening's times
 * the participant prefers. A wished-for flexible start: met or not. The criterion is the mean of the
 * parts that apply. A study visit has no
 * weekly hours and counts as a fit.
 */
export function hoursOverlapShare(a: { min: number; max: number }, b: { min: number; max: number }): number {
  const overlap = Math.min(a.max, b.max) - Math.max(a.min, b.min);
  if (overlap < 0) return 0;
  const shorter = Math.min(a.max - a.min, b.max - b.min);
  return shorter <= 0 ? 1 : clamp01(overlap / shorter);
}

/**
 * "Delvis" only when the ranges share more than one point: ranges that only touch (20–30 h and
 * 30–40 h) meet at a single number of hours and earn no points, and the sentence says just that.
 */
function hoursSentence(
  share: number,
  range: string,
  wish: string,
  offered: { min: number; max: number },
  wanted: { min: number; max: number },
): string {
  if (share >= 1) return `Arbetstiden passar: ${range}`;
  if (share > 0) return `Arbetstiden passar delvis: ${range} (önskar ${wish})`;
  const meet = Math.max(offered.min, wanted.min);
  return `Arbetstiden möts bara vid ${meet} timmar i veckan: ${range} (önskar ${wish})`;
}

function hoursCriterion(opening: MatchOpening, participant: MatchParticipant): Fit {
  if (opening.kind === "visit") return { fit: 1, text: "Studiebesök – ingen fast arbetstid per vecka" };
  const parts: number[] = [];
  const sentences: string[] = [];
  const wanted = participantHours(participant);
  const offered = { min: opening.hoursMin, max: opening.hoursMax };
  if (wanted) {
    const share = hoursOverlapShare(offered, wanted);
    parts.push(share);
    const range = hoursRangeText(offered.min, offered.max);
    const wish = wanted.min === wanted.max ? `${wanted.min}` : `${wanted.min}–${wanted.max}`;
    sentences.push(hoursSentence(share, range, wish, offered, wanted));
  } else {
    sentences.push(`Arbetstid: ${hoursRangeText(offered.min, offered.max)}`);
  }
  const preferredTimes = participant.preferences.schedule ?? [];
  const times = [...new Set(opening.schedule.times)];
  if (preferredTimes.length > 0 && times.length > 0) {
    const ok = times.filter((t) => preferredTimes.includes(t));
    const other = times.filter((t) => !preferredTimes.includes(t));
    parts.push(ok.length / times.length);
    const label = (t: string) => lowerFirst(scheduleTimes.label(t));
    if (ok.length > 0) sentences.push(`${listSv(ok.map(label))} som önskat`);
    if (other.length > 0) sentences.push(`${listSv(other.map(label))} är inte önskad tid`);
  }
  if (participant.preferences.startFlexible) {
    parts.push(opening.schedule.startFlexible ? 1 : 0);
    sentences.push(opening.schedule.startFlexible ? "flexibel starttid som önskat" : "fast starttid");
  }
  const fit = parts.length === 0 ? 1 : parts.reduce((a, b) => a + b, 0) / parts.length;
  return { fit, text: sentences.join("; ") };
}

function employmentCriterion(opening: MatchOpening, tuning: MatchTuning): Fit {
  const levels = tuning.employment;
  const support = opening.employmentSupport;
  if (opening.kind === "job" && opening.competitive && isCompetitive("job", support)) {
    const form = support && support !== "none" ? ` (${lowerFirst(employmentSupports.label(support))})` : "";
    return { fit: levels.competitiveJob, text: `Anställning på den öppna arbetsmarknaden${form}` };
  }
  const prefix = opening.kind === "job" && support ? `${employmentSupports.label(support)} – ` : "";
  const leads = {
    yes: { fit: levels.leadsYes, text: "kan leda till anställning" },
    maybe: { fit: levels.leadsMaybe, text: "kan kanske leda till anställning" },
    no: { fit: levels.leadsNo, text: "leder inte till anställning" },
  }[opening.leadsToEmployment] ?? { fit: 0, text: "okänt om den leder till anställning" };
  const text = prefix ? `${prefix}${leads.text}` : leads.text.charAt(0).toUpperCase() + leads.text.slice(1);
  return { fit: leads.fit, text };
}

function supervisorCriterion(opening: MatchOpening, tuning: MatchTuning): Fit {
  const name = opening.supervisorName?.trim() ?? "";
  const levels = tuning.supervisor;
  if (name && opening.supervisorFixed) return { fit: levels.namedFixed, text: `Fast handledare: ${name}` };
  if (name) return { fit: levels.named, text: `Handledare: ${name}` };
  if (opening.supervisorFixed) return { fit: levels.fixedUnnamed, text: "Fast handledare (namnet är inte angivet än)" };
  return { fit: 0, text: "Ingen handledare angiven" };
}

// ───────────────────────────── rounding ─────────────────────────────

/**
 * Integers that add up to `total`, each at least floor(value) and at most `caps[i]`, handing the
 * remaining units to the largest fractional parts first (largest-remainder method).
 */
export function largestRemainder(values: readonly number[], total: number, caps?: readonly number[]): number[] {
  const cap = (i: number) => caps?.[i] ?? Number.POSITIVE_INFINITY;
  const slots = values.map((value, i) => ({ i, value, units: Math.min(Math.floor(value + 1e-9), cap(i)) }));
  let left = total - slots.reduce((sum, s) => sum + s.units, 0);
  const order = [...slots].sort((a, b) => b.value - b.units - (a.value - a.units) || a.i - b.i);
  while (left > 0) {
    let gave = false;
    for (const slot of order) {
      if (left === 0) break;
      if (slot.units < cap(slot.i)) {
        slot.units++;
        left--;
        gave = true;
      }
    }
    if (!gave) break; // caps too small: cannot happen when the caps add up to at least `total`
  }
  for (const slot of [...order].reverse()) {
    if (left >= 0) break;
    // Only reachable through floating-point noise: take a unit back from the smallest remainders.
    if (slot.units > 0) {
      slot.units--;
      left++;
    }
  }
  return slots.map((s) => s.units);
}

// ───────────────────────────── score ─────────────────────────────

/** A criterion's points: its fit × its (integer) maximum, rounded half up; equal fits, equal points. */
export function criterionPoints(fit: number, max: number): number {
  // The 1e-9 keeps 0.5 × 5 at 3 whatever floating-point noise the fit carries.
  return Math.min(max, Math.max(0, Math.floor(clamp01(fit) * max + 0.5 + 1e-9)));
}

/** Score an (opening, participant) pair. Does not check the hard filters: see checkHardFilters / rankMatches. */
export function scoreMatch(opening: MatchOpening, participant: MatchParticipant, ctx: ScoreContext): ScoredMatch {
  const weights = ctx.weights ?? DEFAULT_WEIGHTS;
  const tuning = ctx.tuning ?? DEFAULT_TUNING;
  assertValidWeights(weights);
  const km = distanceKm(opening, participant);

  const fits: Partial<Record<Criterion, Fit>> = {
    interest: interestCriterion(opening, participant, ctx, tuning),
    environment: environmentCriterion(opening, participant, tuning),
    accommodations: accommodationsCriterion(opening, participant),
    distance: distanceCriterion(km, participant, tuning),
    hours: hoursCriterion(opening, participant),
    employment: employmentCriterion(opening, tuning),
    supervisor: supervisorCriterion(opening, tuning),
  };
  if (ctx.textRelevance != null) fits.text = textCriterion(ctx.textRelevance);

  const applied = CRITERIA.filter((c) => fits[c] !== undefined && weights[c] > 0);
  const weightSum = applied.reduce((sum, c) => sum + weights[c], 0);
  if (weightSum <= 0) return { score: 0, reasons: [], distanceKm: km };

  const parts = applied.flatMap((criterion) => {
    const fit = fits[criterion];
    if (!fit) return [];
    const exactMax = (weights[criterion] * 100) / weightSum;
    return [{ criterion, fit, exactMax }];
  });
  const max = largestRemainder(
    parts.map((p) => p.exactMax),
    100,
  );
  const reasons: Reason[] = parts.map(({ criterion, fit }, i) => {
    const m = max[i] ?? 0;
    return { criterion, points: criterionPoints(fit.fit, m), max: m, text: fit.text };
  });
  const score = reasons.reduce((sum, r) => sum + r.points, 0);
  return { score, reasons, distanceKm: km };
}

// ───────────────────────────── ranking ─────────────────────────────

export type MatchCandidate = {
  opening: MatchOpening;
  participant: MatchParticipant;
  /** From the search engine, 0..1; omit in reverse matching. */
  textRelevance?: number | null;
};

export type RankedMatch = ScoredMatch & { opening: MatchOpening; participant: MatchParticipant };

export type RankContext = Omit<ScoreContext, "textRelevance" | "now"> & { now: Date };

/** Hard filters and score for one pair: what "varför inte?" and a proposal need. */
export function evaluateMatch(
  opening: MatchOpening,
  participant: MatchParticipant,
  ctx: RankContext & { textRelevance?: number | null },
): { hardFilters: HardFilterResult; match: ScoredMatch } {
  return {
    hardFilters: checkHardFilters(opening, participant, { now: ctx.now, graph: ctx.graph }),
    match: scoreMatch(opening, participant, ctx),
  };
}

/**
 * Rank candidate pairs (participant → openings, or opening → participants): drops every pair that
 * breaks a hard filter, then sorts by score (high first), newer publishedAt, opening id, participant id.
 */
export function rankMatches(candidates: readonly MatchCandidate[], ctx: RankContext): RankedMatch[] {
  const ranked: RankedMatch[] = [];
  for (const c of candidates) {
    if (!checkHardFilters(c.opening, c.participant, { now: ctx.now, graph: ctx.graph }).ok) continue;
    ranked.push({
      ...scoreMatch(c.opening, c.participant, { ...ctx, textRelevance: c.textRelevance }),
      opening: c.opening,
      participant: c.participant,
    });
  }
  const time = (d: Date | null) => (d ? d.getTime() : Number.NEGATIVE_INFINITY);
  return ranked.sort(
    (a, b) =>
      b.score - a.score ||
      time(b.opening.publishedAt) - time(a.opening.publishedAt) ||
      (a.opening.id < b.opening.id ? -1 : a.opening.id > b.opening.id ? 1 : 0) ||
      (a.participant.id < b.participant.id ? -1 : a.participant.id > b.participant.id ? 1 : 0),
  );
}
