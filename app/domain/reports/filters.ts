// The report's inputs (page, exports and CLI): period, municipality, view. Parsed with zod; a bad
// value gets a Swedish message for its field. Checks that need the database (the municipality
// exists) are made by the caller.
import { z } from "zod";
import { EARLIEST_PERIOD_START, LATEST_PERIOD_END } from "./config.ts";
import { requiredDateField } from "../form-rules.ts";
import { capitalizeSv } from "../swedish.ts";
import { dayKey } from "../swedish-time.ts";

/** exact: every figure (the organisation's own use); funder: small groups hidden, for funders. */
export const reportViews = ["exact", "funder"] as const;
export type ReportView = (typeof reportViews)[number];
/** URL words for the views. */
export const viewParam = { exact: "exakt", funder: "finansiar" } as const satisfies Record<ReportView, string>;
export const mapScopes = ["county", "country"] as const;
export type MapScope = (typeof mapScopes)[number];
export const mapScopeParam = { county: "lan", country: "sverige" } as const satisfies Record<MapScope, string>;

/** A day of the period, as "YYYY-MM-DD". */
const dateText = (label: string) =>
  requiredDateField(label, {
    example: "2026-01-31",
    check: (day) =>
      dayKey(day) >= EARLIEST_PERIOD_START && dayKey(day) <= LATEST_PERIOD_END
        ? null
        : `${capitalizeSv(label)} ska ligga mellan ${EARLIEST_PERIOD_START} och ${LATEST_PERIOD_END}.`,
  }).transform((day) => dayKey(day));

function wordOf<T extends string>(words: Record<T, string>, message: string) {
  const byWord = new Map(Object.entries(words).map(([k, v]) => [v as string, k as T]));
  return z
    .string()
    .trim()
    .refine((v) => byWord.has(v), message)
    .transform((v) => byWord.get(v)!);
}

export const ReportFiltersSchema = z
  .object({
    from: dateText("periodens början"),
    to: dateText("periodens slut"),
    municipalityCode: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || /^\d{4}$/.test(v), "Välj en kommun i listan (kommunkod med fyra siffror)."),
    view: wordOf(viewParam, "Välj exakta tal eller finansiärens visning."),
    mapScope: wordOf(mapScopeParam, "Välj länet eller hela Sverige för kartan."),
  })
  .superRefine((v, ctx) => {
    if (v.from > v.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "Periodens slut kan inte ligga före periodens början." });
  });
export type ReportFilters = z.output<typeof ReportFiltersSchema>;

/** The default period: this calendar year up to today. */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** Query-string names (Swedish, as the user sees them in the address bar). */
export const filterParams = {
  from: "fran",
  to: "till",
  municipalityCode: "kommun",
  view: "visning",
  mapScope: "karta",
} as const;

/**
 * Reads the filters from a URL's query. Absent values get defaults (this year, exact figures on the
 * page; `defaultView` lets exports default to the funder view); present values are validated.
 */
export function filtersInput(params: URLSearchParams, today: string, defaultView: ReportView): Record<string, string> {
  const period = defaultPeriod(today);
  const get = (name: string) => params.get(name);
  return {
    from: get(filterParams.from) ?? period.from,
    to: get(filterParams.to) ?? period.to,
    municipalityCode: get(filterParams.municipalityCode) ?? "",
    view: get(filterParams.view) ?? viewParam[defaultView],
    mapScope: get(filterParams.mapScope) ?? mapScopeParam.county,
  };
}

/** The query string for filters (for links between page and exports). */
export function filtersQuery(
  filters: Pick<ReportFilters, "from" | "to" | "municipalityCode"> & { view?: ReportView; mapScope?: MapScope },
  extra: Record<string, string> = {},
): string {
  const q = new URLSearchParams({ [filterParams.from]: filters.from, [filterParams.to]: filters.to });
  if (filters.municipalityCode) q.set(filterParams.municipalityCode, filters.municipalityCode);
  if (filters.view) q.set(filterParams.view, viewParam[filters.view]);
  if (filters.mapScope) q.set(filterParams.mapScope, mapScopeParam[filters.mapScope]);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}
