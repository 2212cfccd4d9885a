// Calendar dates as people enter them (<input type="date">: "YYYY-MM-DD"), stored as UTC midnight,
// and read back in Swedish time so a date never shifts by a day. Pure helpers, no I/O.

const TIME_ZONE = "Europe/Stockholm";
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** "2026-03-02" → Date at 00:00 UTC that day, or null when it is not a real calendar date. */
export function parseDateInput(value: string): Date | null {
  const match = ISO_DATE.exec(value.trim());
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date;
}

/** The calendar date in Swedish time as "YYYY-MM-DD" (for date inputs), or "" for none. */
export function toDateInputValue(value: Date | string | number | null | undefined): string {
  if (value == null || value === "") return "";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  // sv-SE formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(date);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** The same day of the month `months` later (clamped to the month's last day: 31 Aug + 6 → 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(date.getUTCDate(), lastDay), date.getUTCHours(), date.getUTCMinutes()));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysFromTo(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

/** Start of today (UTC midnight of today's date in Swedish time), for "has this date passed?". */
export function todayDate(now: Date = new Date()): Date {
  return parseDateInput(toDateInputValue(now))!;
}
