// Small facts about an (opening, participant) pair shared by the hard filters and the score, plus the
// Swedish text helpers the reasons use.
import { joinSv } from "../swedish.ts";
import { haversineKm } from "../geo.ts";
import type { Accommodation } from "../vocab/accommodations.ts";
import { environmentDimensions, instructionStyles, type EnvironmentDimension } from "../vocab/environment.ts";
import type { OpeningKind } from "../vocab/openings.ts";
import type { Goal, MatchOpening, MatchParticipant } from "./types.ts";

/**
 * Which opening kinds serve which participant goal (the "kind in the participant's goals" filter).
 *
 * - work: jobs, and the steps that lead straight to one without a practice period: concrete work
 *   tasks (real tasks an employer needs done, docs/product-rules.md#vocabulary) and study visits / prova-på (the usual
 *   first look at a workplace, "studiebesök → anställning"). Practice and work trials are not shown
 *   to someone who said only "work": IPS starts with real jobs, and the coach adds the goal
 *   "practice" when the participant wants that step.
 * - practice: practice places, work trials, work tasks (often done as praktik) and study visits.
 * - studies: study visits only (seeing a workplace helps choose an education).
 *
 * A participant without any goal yet is shown every kind (zero exclusion: no goal recorded is not
 * a "no" from the participant).
 */
export const KINDS_BY_GOAL: Readonly<Record<Goal, readonly OpeningKind[]>> = {
  work: ["job", "task", "visit"],
  practice: ["practice", "work_trial", "task", "visit"],
  studies: ["visit"],
};

export function kindsForGoals(goals: readonly Goal[]): Set<OpeningKind> {
  if (goals.length === 0) return new Set(["task", "practice", "work_trial", "job", "visit"]);
  return new Set(goals.flatMap((g) => KINDS_BY_GOAL[g] ?? []));
}

/** Distance home → workplace in km, or null when either point is unknown. */
export function distanceKm(opening: MatchOpening, participant: MatchParticipant): number | null {
  if (!opening.location || !participant.home) return null;
  return haversineKm(participant.home, opening.location);
}

/**
 * Does the opening offer this accommodation? Besides the explicit list, three opening fields say the
 * same thing: written instructions in the environment, a fixed supervisor, and a flexible start time.
 */
export function offersAccommodation(opening: MatchOpening, code: Accommodation): boolean {
  if (opening.accommodationsOffered.includes(code)) return true;
  if (code === "written_instructions") return opening.environment.instructions?.includes("written") ?? false;
  if (code === "fixed_supervisor") return opening.supervisorFixed;
  if (code === "flexible_start") return opening.schedule.startFlexible;
  return false;
}

/** The instruction styles an opening gives: its environment list, plus written if it offers checklists. */
export function instructionsGiven(opening: MatchOpening): Set<string> {
  const given = new Set<string>(opening.environment.instructions ?? []);
  if (opening.accommodationsOffered.includes("written_instructions")) given.add("written");
  return given;
}

export function isEnvironmentDimension(d: string): d is EnvironmentDimension {
  return Object.hasOwn(environmentDimensions, d);
}

/**
 * Does the opening's environment contain this value? `setting: both` contains indoor and outdoor
 * work. A dimension the employer did not describe contains nothing (it cannot be shown to violate
 * an exclusion; the coach checks it at the study visit).
 */
export function environmentContains(opening: MatchOpening, dimension: string, value: string): boolean {
  if (dimension === "instructions") return instructionsGiven(opening).has(value);
  if (!isEnvironmentDimension(dimension)) return false;
  const actual = opening.environment[dimension];
  if (actual === value) return true;
  return dimension === "setting" && actual === "both" && (value === "indoor" || value === "outdoor");
}

/** Parse "dimension:value"; null when malformed. */
export function parseEnvironmentValue(item: string): { dimension: string; value: string } | null {
  const i = item.indexOf(":");
  if (i <= 0 || i === item.length - 1) return null;
  return { dimension: item.slice(0, i).trim(), value: item.slice(i + 1).trim() };
}

/** The Swedish label of an environment value ("Tungt fysiskt"), or the raw value. */
export function environmentValueLabel(dimension: string, value: string): string {
  if (dimension === "instructions") return instructionStyles.label(value);
  if (isEnvironmentDimension(dimension)) return environmentDimensions[dimension].label(value);
  return value;
}

// ───────────────────────────── text helpers ─────────────────────────────

export function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase("sv-SE") + s.slice(1);
}

/** "a", "a och b", "a, b och c". */
export function listSv(items: readonly string[]): string {
  return joinSv(items);
}

/** A number with a Swedish decimal comma, at most one decimal: 2.5 → "2,5", 12 → "12". */
export function numberSv(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  return String(rounded).replace(".", ",");
}

export function hoursRangeText(min: number, max: number): string {
  return min === max ? `${numberSv(min)} timmar i veckan` : `${numberSv(min)}–${numberSv(max)} timmar i veckan`;
}

/** "12 km hemifrån"; under 10 km with one decimal ("2,4 km hemifrån"), under 0.5 km "Mindre än 1 km hemifrån". */
export function distanceText(km: number): string {
  if (km < 0.5) return "Mindre än 1 km hemifrån";
  return `${km < 10 ? numberSv(km) : String(Math.round(km))} km hemifrån`;
}
