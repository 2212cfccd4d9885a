// The coach's outcome forms (issue 7): the exit (date, reason, occupation and income sources at
// exit) and retention checks 3, 6 and 12 months after the first employment. One zod schema per
// form, shared by the page and its action; rules that need the participant (dates after enrolment
// and employment) are checked by outcomeDateProblems.
import { z } from "zod";
import { choice, dateAtNoonField, listOf, notInFuture } from "./enrolment.ts";
import { RETENTION_MONTHS } from "./reports/config.ts";
import { exitReasons, incomeSources, occupationStatuses } from "./vocab/outcomes.ts";
import { dayKey } from "./swedish-time.ts";

/** Income sources that are not public support (may be combined with "ingen offentlig försörjning"). */
export const NON_PUBLIC_SOURCES = ["salary", "other", "no_public_support"] as const;

/** The exit form; `now` (the caller's clock) says which days are in the future. */
export const exitSchema = (now: Date) =>
  z
    .object({
      exitDate: dateAtNoonField("avslutsdatum").refine(
        (d) => notInFuture(d, now),
        "Avslutsdatum kan inte ligga i framtiden.",
      ),
      exitReason: choice(exitReasons, "Välj en avslutsorsak."),
      exitOccupation: choice(occupationStatuses, "Välj sysselsättning vid avslut."),
      exitIncomeSources: listOf(incomeSources.schema, "Välj försörjningskällor i listan.").refine(
        (v) => v.length > 0,
        "Välj minst en försörjningskälla vid avslut (eller Ingen offentlig försörjning).",
      ),
    })
    .superRefine((v, ctx) => {
      const sources = v.exitIncomeSources as string[];
      if (
        sources.includes("no_public_support") &&
        sources.some((s) => !(NON_PUBLIC_SOURCES as readonly string[]).includes(s))
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["exitIncomeSources"],
          message: "Ingen offentlig försörjning kan inte kombineras med en offentlig försörjningskälla.",
        });
      }
    });
export type ExitInput = z.output<ReturnType<typeof exitSchema>>;

/** A retention check; `now` (the caller's clock) says which days are in the future. */
export const retentionSchema = (now: Date) =>
  z
    .object({
      months: z
        .enum(RETENTION_MONTHS.map(String) as [string, ...string[]], {
          error: "Välj vilken uppföljning det gäller (3, 6 eller 12 månader).",
        })
        .transform(Number),
      checkedAt: dateAtNoonField("datum för uppföljningen").refine(
        (d) => notInFuture(d, now),
        "Uppföljningen kan inte ha skett i framtiden.",
      ),
      employed: z.enum(["yes", "no"], { error: "Svara om deltagaren fortfarande är anställd." }),
      hours: z.string().trim().optional(),
    })
    .transform((v, ctx) => {
      if (v.employed === "no")
        return {
          months: v.months as (typeof RETENTION_MONTHS)[number],
          checkedAt: v.checkedAt,
          employed: false,
          hours: null,
        };
      const hours = v.hours && /^\d{1,2}$/.test(v.hours) ? Number(v.hours) : NaN;
      if (!(hours >= 1 && hours <= 60)) {
        ctx.addIssue({
          code: "custom",
          path: ["hours"],
          message: "Skriv hur många timmar per vecka deltagaren arbetar, ett heltal från 1 till 60.",
        });
        return z.NEVER;
      }
      return { months: v.months as (typeof RETENTION_MONTHS)[number], checkedAt: v.checkedAt, employed: true, hours };
    });
export type RetentionInput = z.output<ReturnType<typeof retentionSchema>>;

/** A date (from a date field) before another day, compared as Swedish calendar days. */
export function isBeforeDay(date: Date, other: Date): boolean {
  return dayKey(date) < dayKey(other);
}

/** "Räknas inte i resultaten": the reason the participant is left out of the result denominators. */
export const NotCountedSchema = z.object({
  reason: z
    .string({ error: "Skriv varför deltagaren inte ska räknas i resultaten." })
    .trim()
    .min(1, "Skriv varför deltagaren inte ska räknas i resultaten.")
    .max(200, "Orsaken får vara högst 200 tecken."),
});
