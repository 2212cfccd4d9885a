// Calendar days in Swedish time for report rules: every timestamp becomes the date it had in
// Sweden ("YYYY-MM-DD"), and day numbers (days since 1970-01-01) make differences exact.
import { DAY_MS, dayKey, parseDateInput } from "../swedish-time.ts";

/** "YYYY-MM-DD" → day number, or null when it is not a real calendar date. */
export function dayNumberOf(isoDate: string): number | null {
  const date = parseDateInput(isoDate);
  return date ? date.getTime() / DAY_MS : null;
}

/** The Swedish calendar day of a moment as a day number. */
export function dayOf(value: Date | string | number): number {
  return dayNumberOf(dayKey(value))!;
}

/** Day number → "YYYY-MM-DD". */
export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The same day of the month `months` later (clamped to the month's end: 31 Aug + 6 → 28/29 Feb). */
export function addMonthsToDay(day: number, months: number): number {
  const date = new Date(day * DAY_MS);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(date.getUTCDate(), lastDay)) / DAY_MS;
}

/** First day of the month of a day number. */
export function monthStartOfDay(day: number): number {
  const date = new Date(day * DAY_MS);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / DAY_MS;
}
