// Dates for the demo data. Every date is "anchor day + a deterministic offset in days" at a
// Swedish office hour: the offsets (and everything else) come from the seeded PRNG, the anchor is
// the day the seed runs (or `now` passed in), so the demo always looks current — proposals from
// the last weeks, meetings next week — while two runs with the same anchor write identical rows.
// Birth years use a fixed reference year instead, so that ages never depend on the run date.

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** Birth years are computed from this year (a constant, not the clock). */
export const REFERENCE_YEAR = 2025;

export class Clock {
  /** Midnight UTC of the anchor day. */
  readonly today: number;

  constructor(now: Date) {
    this.today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  }

  /**
   * The instant `dayOffset` days from the anchor day at `hour`:`minute` Swedish time
   * (standard time, UTC+1; a summer date is one hour off, which nobody notices in demo data).
   */
  at(dayOffset: number, hour = 9, minute = 0): Date {
    return new Date(this.today + dayOffset * DAY_MS + (hour - 1) * HOUR_MS + minute * 60_000);
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
