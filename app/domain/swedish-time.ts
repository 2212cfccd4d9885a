// Swedish time: the one module for dates and clock times in Sweden (the TIME_ZONE below, with summer
// time), the same on server and client. Pure, no I/O.
//
// Two representations meet here:
//   - an instant (a Date, a point in time), shown and entered in Swedish wall-clock time;
//   - a calendar day, as "YYYY-MM-DD" (a "day key", what <input type="date"> holds) or as a Date at
//     00:00 UTC of that day (what date columns store), so a date never shifts by a day.
// Day arithmetic on calendar days is exact (UTC has no summer time); on instants it counts 24-hour
// periods.

export const TIME_ZONE = "Europe/Stockholm";
export const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME = /^(\d{1,2})[:.](\d{2})$/;
const DATETIME_LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?$/;

// Intl formatters are costly to create and reports format many thousands of dates: one of each.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, { ...options, timeZone: TIME_ZONE })));
  return f;
}

const pad = (n: number) => String(n).padStart(2, "0");

function validDate(value: Date | string | number | null | undefined): Date | null {
  if (value == null || value === "") return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Swedish wall-clock parts of an instant. */
function zoneParts(instant: Date) {
  const parts = formatter("en-GB", {
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

/** Minutes Swedish time is ahead of UTC at that instant (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date): number {
  const p = zoneParts(instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

// ───────────── calendar days ─────────────

/** "2026-03-02" → Date at 00:00 UTC that day, or null when it is not a real calendar date. */
export function parseDateInput(value: string): Date | null {
  const match = ISO_DATE.exec(value.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date;
}

/**
 * The Swedish calendar day of an instant as "YYYY-MM-DD" (date inputs; compare these strings for
 * "which day"), or "" for none. A stored calendar day (00:00 UTC) gives back its own date.
 */
export function dayKey(value: Date | string | number | null | undefined): string {
  const date = validDate(value);
  if (!date) return "";
  // sv-SE formats dates as YYYY-MM-DD.
  return formatter("sv-SE", { year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

/** Today's date in Swedish time, as 00:00 UTC that day (for "has this date passed?"). */
export function todayDate(now: Date = new Date()): Date {
  return parseDateInput(dayKey(now))!;
}

/** `days` later (earlier when negative): exact calendar days for a stored day, 24-hour periods for an instant. */
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

/** Calendar days from `from` to `to` (stored days, 00:00 UTC; negative when `to` is earlier). */
export function daysFromTo(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

/** Whole 24-hour periods from one instant to another ("for 3 days"), rounded down. */
export function daysBetween(from: Date | string, to: Date | string = new Date()): number {
  return Math.floor((new Date(to).getTime() - new Date(from).getTime()) / DAY_MS);
}

/** ISO 8601 week number of a calendar day (00:00 UTC). */
export function isoWeek(utcDate: Date): number {
  const d = new Date(Date.UTC(utcDate.getUTCFullYear(), utcDate.getUTCMonth(), utcDate.getUTCDate()));
  const dayNum = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - dayNum); // the Thursday of this week decides the year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.ceil(((d.getTime() - yearStart) / DAY_MS + 1) / 7);
}

/** Monday 00:00 to next Monday 00:00 (Swedish time) of the week `now` is in, with its ISO week number. */
export function weekRange(now: Date = new Date()): {
  start: Date;
  end: Date;
  week: number;
  firstDay: string;
  lastDay: string;
} {
  const today = todayDate(now);
  const monday = addDays(today, -((today.getUTCDay() + 6) % 7));
  const nextMonday = addDays(monday, 7);
  return {
    start: startOfSwedishDay(monday),
    end: startOfSwedishDay(nextMonday),
    week: isoWeek(monday),
    firstDay: dayKey(monday),
    lastDay: dayKey(addDays(monday, 6)),
  };
}

// ───────────── Swedish clock time ↔ instant ─────────────

/**
 * "2026-03-02" + "13:30" in Swedish time → the instant; null when either is not a real date/time.
 * A time skipped by the spring change (02:30) lands an hour later (03:30 summer time); a time that
 * happens twice in the autumn (02:30) is the second one (winter time).
 */
export function swedishDateTime(date: string, time: string): Date | null {
  const day = parseDateInput(date);
  const match = CLOCK_TIME.exec(time.trim());
  if (!day || !match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  const wall = day.getTime() + (hours * 60 + minutes) * 60_000;
  // Subtract the offset valid at the result (checked twice for the hours around a DST change).
  let instant = wall - offsetMinutes(new Date(wall)) * 60_000;
  instant = wall - offsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant);
}

/** "YYYY-MM-DDTHH:mm" (a datetime-local input, Swedish wall-clock time) → the instant, or null. */
export function parseSwedishDateTime(value: string): Date | null {
  const match = DATETIME_LOCAL.exec(value.trim());
  return match ? swedishDateTime(match[1]!, match[2]!) : null;
}

/** 00:00 Swedish time on the Swedish day of `value` (an instant or a stored day). */
export function startOfSwedishDay(value: Date | string): Date {
  return swedishDateTime(dayKey(value), "00:00")!;
}

/** The instant's Swedish date and time for form inputs: { date: "2026-03-02", time: "13:30" }. */
export function swedishInputs(value: Date | string): { date: string; time: string } {
  const p = zoneParts(new Date(value));
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** An instant as a datetime-local value in Swedish time ("2026-03-02T10:00"), or "" for none. */
export function toSwedishDateTimeInput(value: Date | string | null | undefined): string {
  const date = validDate(value);
  if (!date) return "";
  const { date: day, time } = swedishInputs(date);
  return `${day}T${time}`;
}

// ───────────── formatting ─────────────

/** "2 mars 2026" */
export function formatDate(value: Date | string | number | null | undefined): string {
  const date = validDate(value);
  return date ? formatter("sv-SE", { dateStyle: "medium" }).format(date) : "";
}

/** "2 mars 2026 13:30" */
export function formatDateTime(value: Date | string | number | null | undefined): string {
  const date = validDate(value);
  return date ? formatter("sv-SE", { dateStyle: "medium", timeStyle: "short" }).format(date) : "";
}

/** "måndag 2 mars 2026" */
export function formatWeekdayDate(value: Date | string | number): string {
  return formatter("sv-SE", { weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(
    new Date(value),
  );
}

/** "13:30" */
export function formatClockTime(value: Date | string | number): string {
  return formatter("sv-SE", { hour: "2-digit", minute: "2-digit" }).format(new Date(value));
}
