// Dates for the demo data. Every date is "anchor day + a deterministic offset in days" at a
// Swedish office hour: the offsets (and everything else) come from the seeded PRNG, the anchor is
// the day the seed runs (or `now` passed in), so the demo always looks current — proposals from
// the last weeks, meetings next week — while two runs with the same anchor write identical rows.
// Birth years use a fixed reference year instead, so that ages never depend on the run date.

import { DAY_MS, dayKey, swedishDateTime, todayDate } from "../../app/domain/swedish-time.ts";

/** Birth years are computed from this year (a constant, not the clock). */
export const REFERENCE_YEAR = 2025;

export class Clock {
  /** Midnight UTC of the anchor day (the Swedish date of `now`). */
  readonly today: number;

  constructor(now: Date) {
    this.today = todayDate(now).getTime();
  }

  /** The instant `dayOffset` days from the anchor day at `hour`:`minute` Swedish time (summer time too). */
  at(dayOffset: number, hour = 9, minute = 0): Date {
    return swedishDateTime(dayKey(this.date(dayOffset)), `${hour}:${String(minute).padStart(2, "0")}`)!;
  }

  /** Like `at`, moved off weekends: past dates back to Friday, future dates on to Monday. */
  workday(dayOffset: number, hour = 9, minute = 0): Date {
    return this.at(this.workdayOffset(dayOffset), hour, minute);
  }

  workdayOffset(dayOffset: number): number {
    const weekday = new Date(this.today + dayOffset * DAY_MS).getUTCDay(); // 0 = Sunday
    if (weekday === 6) return dayOffset <= 0 ? dayOffset - 1 : dayOffset + 2;
    if (weekday === 0) return dayOffset <= 0 ? dayOffset - 2 : dayOffset + 1;
    return dayOffset;
  }

  /** A date only (midnight UTC), for start and end dates. */
  date(dayOffset: number): Date {
    return new Date(this.today + dayOffset * DAY_MS);
  }
}
