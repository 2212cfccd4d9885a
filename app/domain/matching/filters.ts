// The coach's filters on a participant's match list (issue 5, "Coach UI"): opening kind, max
// distance and hours. Parsed with zod at the route (query string) and again by the matching service
// (app/utils/matching.server.ts), which answers a bad value with 400. Pure: no I/O.
//
// The filters only narrow the list: they never widen a participant's own limits (goals, max
// commute, hours, exclusions), which stay hard filters.
import { z } from "zod";
import { openingKinds, type OpeningKind } from "../vocab/openings.ts";
import type { Result } from "../result.ts";

export const MATCH_FILTER_LIMITS = {
  distanceKm: { min: 1, max: 200 },
  hours: { min: 1, max: 40 },
} as const;

const blankToUndefined = (v: unknown) => (v == null || (typeof v === "string" && v.trim() === "") ? undefined : v);
const asList = (v: unknown): unknown =>
  v == null || v === "" ? undefined : Array.isArray(v) ? v.filter((x) => x !== "") : [v];

/** A number (or a numeric string from a query string) in [min, max]; blank is no filter. */
function numberIn(min: number, max: number, message: string, integer: boolean) {
  let number = z.number({ error: message }).min(min, message).max(max, message);
  if (integer) number = number.int(message);
  return z
    .preprocess((v) => {
      const blank = blankToUndefined(v);
      if (typeof blank !== "string") return blank;
      const text = blank.trim().replace(",", ".").replace("−", "-");
      return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : blank;
    }, number.optional())
    .optional();
}

const distanceMessage = `Avståndet ska vara ett tal mellan ${MATCH_FILTER_LIMITS.distanceKm.min} och ${MATCH_FILTER_LIMITS.distanceKm.max} km.`;
const hoursMessage = `Timmar per vecka ska vara ett heltal mellan ${MATCH_FILTER_LIMITS.hours.min} och ${MATCH_FILTER_LIMITS.hours.max}.`;

export const MatchFiltersSchema = z
  .object({
    kinds: z
      .preprocess(
        (v) => {
          const list = asList(v);
          return Array.isArray(list) && list.length > 0 ? [...new Set(list)] : undefined;
        },
        z
          .array(
            z.custom<OpeningKind>((v) => typeof v === "string" && openingKinds.schema.safeParse(v).success, {
              error: "Välj bland de typer av annonser som finns.",
            }),
          )
          .max(openingKinds.codes.length, "Välj bland de typer av annonser som finns.")
          .optional(),
      )
      .optional(),
    maxDistanceKm: numberIn(
      MATCH_FILTER_LIMITS.distanceKm.min,
      MATCH_FILTER_LIMITS.distanceKm.max,
      distanceMessage,
      false,
    ),
    hoursMin: numberIn(MATCH_FILTER_LIMITS.hours.min, MATCH_FILTER_LIMITS.hours.max, hoursMessage, true),
    hoursMax: numberIn(MATCH_FILTER_LIMITS.hours.min, MATCH_FILTER_LIMITS.hours.max, hoursMessage, true),
  })
  .superRefine((f, ctx) => {
    if (f.hoursMin !== undefined && f.hoursMax !== undefined && f.hoursMin > f.hoursMax) {
      ctx.addIssue({
        code: "custom",
        path: ["hoursMax"],
        message: "Högsta antal timmar kan inte vara lägre än lägsta.",
      });
    }
  });

/** Parsed filters: every field optional; kinds de-duplicated, an empty list is no filter. */
export type MatchFilters = z.output<typeof MatchFiltersSchema>;
/** What a caller may pass before parsing: typed values, or strings from a query string / form. */
export type MatchFiltersInput = z.input<typeof MatchFiltersSchema>;

/** The filter fields of a query string (`?kinds=job&kinds=visit&maxDistanceKm=20&hoursMin=10`). */
export function matchFilterValues(params: URLSearchParams): Record<string, string | string[]> {
  const kinds = params.getAll("kinds");
  return {
    kinds,
    maxDistanceKm: params.get("maxDistanceKm") ?? "",
    hoursMin: params.get("hoursMin") ?? "",
    hoursMax: params.get("hoursMax") ?? "",
  };
}

/** Parse filters; on failure the Swedish messages by field (for the form) and all of them in one line. */
export function parseMatchFilters(
  input: unknown,
): Result<{ data: MatchFilters }, { errors: Record<string, string[]>; message: string }> {
  const result = MatchFiltersSchema.safeParse(input ?? {});
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "filters");
    const list = (errors[key] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return { ok: false, errors, message: [...new Set(Object.values(errors).flat())].join(" ") };
}
