// Hard filters (docs/product-rules.md#matching): rules a match may never break. checkHardFilters returns every rule an
// (opening, participant) pair breaks, each with a plain Swedish sentence for "varför inte?".
import { accommodations } from "../vocab/accommodations.ts";
import { environmentDimensionLabels } from "../vocab/environment.ts";
import { openingKinds, openingStatuses } from "../vocab/openings.ts";
import { goals as goalVocabulary } from "../vocab/participants.ts";
import { scheduleTimes } from "../vocab/schedule.ts";
import {
  distanceKm,
  environmentContains,
  environmentValueLabel,
  hoursRangeText,
  isEnvironmentDimension,
  kindsForGoals,
  listSv,
  lowerFirst,
  numberSv,
  offersAccommodation,
  parseEnvironmentValue,
} from "./facts.ts";
import type { HardFailure, HardFilterResult, MatchOpening, MatchParticipant, OccupationGraph } from "./types.ts";
import { DAY_MS } from "../swedish-time.ts";

/** An end date counts through the whole day it names (stored at midnight, UTC or Swedish time). */
export function isPastEndDate(endDate: Date | null, now: Date): boolean {
  return endDate !== null && now.getTime() >= endDate.getTime() + DAY_MS;
}

/** The participant's hours preference as a closed range, or null when none is stated. */
export function participantHours(participant: MatchParticipant): { min: number; max: number } | null {
  const { hoursMin, hoursMax } = participant.preferences;
  if (hoursMin == null && hoursMax == null) return null;
  const min = hoursMin ?? 0;
  const max = hoursMax ?? Math.max(min, 40);
  return { min: Math.min(min, max), max: Math.max(min, max) };
}

function dateSv(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function checkHardFilters(
  opening: MatchOpening,
  participant: MatchParticipant,
  context: { now: Date; graph?: OccupationGraph },
): HardFilterResult {
  const failures: HardFailure[] = [];
  const fail = (code: HardFailure["code"], text: string) => failures.push({ code, text });

  // The opening itself.
  if (opening.status !== "published") {
    fail("not_published", `Annonsen är inte publicerad (${lowerFirst(openingStatuses.label(opening.status))}).`);
  }
  if (isPastEndDate(opening.endDate, context.now)) {
    fail("ended", `Annonsen slutade gälla ${dateSv(opening.endDate!)}.`);
  }
  if (opening.placesLeft <= 0) fail("no_places_left", "Alla platser är redan tillsatta.");

  // Kind in the participant's goals.
  if (!kindsForGoals(participant.goals).has(opening.kind)) {
    const goalText = listSv(participant.goals.map((g) => lowerFirst(goalVocabulary.label(g))));
    fail("kind_not_in_goals", `${openingKinds.label(opening.kind)} passar inte deltagarens mål (${goalText}).`);
  }

  // Distance within the max commute.
  const maxKm = participant.preferences.maxCommuteKm;
  if (maxKm != null) {
    const km = distanceKm(opening, participant);
    if (km === null) {
      fail(
        "distance_unknown",
        `Avståndet går inte att räkna ut (${participant.home ? "arbetsplatsens" : "deltagarens"} position saknas), och deltagaren reser högst ${numberSv(maxKm)} km.`,
      );
    } else if (km > maxKm) {
      fail("too_far", `${Math.round(km)} km hemifrån – längre än deltagarens gräns på ${numberSv(maxKm)} km.`);
    }
  }

  // Hours ranges overlap. A study visit / prova-på lasts hours, not hours per week: not checked.
  const hours = participantHours(participant);
  if (hours && opening.kind !== "visit" && (opening.hoursMax < hours.min || opening.hoursMin > hours.max)) {
    fail(
      "hours_do_not_overlap",
      `Arbetstiden ${hoursRangeText(opening.hoursMin, opening.hoursMax)} passar inte deltagarens ${hoursRangeText(hours.min, hours.max)}.`,
    );
  }

  // Excluded occupation or SSYK group (any level).
  const ex = participant.exclusions;
  if (ex.occupationIds.includes(opening.occupationId)) {
    fail("excluded_occupation", `Yrket ${opening.occupationLabel} är något deltagaren aldrig vill arbeta med.`);
  }
  for (const code of ex.groupCodes) {
    if (code.length > 0 && opening.ssyk4Code.startsWith(code)) {
      const group = context.graph?.groupLabels?.get(code);
      fail(
        "excluded_group",
        `Yrket ${opening.occupationLabel} hör till ${group ? `yrkesgruppen ${group} (SSYK ${code})` : `yrkesgruppen SSYK ${code}`}, som deltagaren aldrig vill arbeta inom.`,
      );
    }
  }

  // Excluded environment values.
  for (const item of ex.environment) {
    const parsed = parseEnvironmentValue(item);
    if (parsed && environmentContains(opening, parsed.dimension, parsed.value)) {
      const dimension = isEnvironmentDimension(parsed.dimension)
        ? environmentDimensionLabels[parsed.dimension]
        : parsed.dimension === "instructions"
          ? "Instruktioner"
          : parsed.dimension;
      fail(
        "excluded_environment",
        `${dimension}: ${lowerFirst(environmentValueLabel(parsed.dimension, parsed.value))} – något deltagaren aldrig vill ha.`,
      );
    }
  }

  // Excluded schedule times.
  for (const time of ex.schedule) {
    if (opening.schedule.times.includes(time)) {
      fail(
        "excluded_schedule",
        `Arbetstiden omfattar ${lowerFirst(scheduleTimes.label(time))} – något deltagaren aldrig vill arbeta.`,
      );
    }
  }

  // Every `must` accommodation offered.
  for (const need of participant.needs) {
    if (need.must && !offersAccommodation(opening, need.code)) {
      fail(
        "must_accommodation_missing",
        `Erbjuder inte ${lowerFirst(accommodations.label(need.code))}, som deltagaren måste ha.`,
      );
    }
  }

  return failures.length === 0 ? { ok: true } : { ok: false, failures };
}
