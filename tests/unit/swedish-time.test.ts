// Swedish time across the summer-time changes and the turn of the year. Every input is a fixed
// instant or date; nothing depends on the machine's clock or time zone.
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  DAY_MS,
  dayKey,
  daysBetween,
  daysFromTo,
  formatClockTime,
  formatDate,
  formatDateTime,
  formatWeekdayDate,
  isoWeek,
  parseDateInput,
  parseSwedishDateTime,
  startOfSwedishDay,
  swedishDateTime,
  swedishInputs,
  todayDate,
  toSwedishDateTimeInput,
  weekRange,
} from "~/domain/swedish-time.ts";

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe("Swedish clock time ↔ instant", () => {
  it("is UTC+1 in winter and UTC+2 in summer", () => {
    expect(iso(swedishDateTime("2027-01-15", "10:00"))).toBe("2027-01-15T09:00:00.000Z");
    expect(iso(swedishDateTime("2027-07-15", "10:00"))).toBe("2027-07-15T08:00:00.000Z");
    expect(swedishInputs(new Date("2027-07-15T08:00:00Z"))).toEqual({ date: "2027-07-15", time: "10:00" });
  });

  it("handles the spring change (last Sunday of March, 02:00 → 03:00)", () => {
    expect(iso(swedishDateTime("2027-03-28", "01:59"))).toBe("2027-03-28T00:59:00.000Z");
    expect(iso(swedishDateTime("2027-03-28", "03:00"))).toBe("2027-03-28T01:00:00.000Z");
    // 02:30 does not exist that night: it lands an hour later, 03:30 summer time.
    expect(iso(swedishDateTime("2027-03-28", "02:30"))).toBe("2027-03-28T01:30:00.000Z");
    // Saturday night before the change: still winter time.
    expect(iso(swedishDateTime("2027-03-27", "23:30"))).toBe("2027-03-27T22:30:00.000Z");
  });

  it("handles the autumn change (last Sunday of October, 03:00 → 02:00)", () => {
    expect(iso(swedishDateTime("2027-10-31", "01:30"))).toBe("2027-10-30T23:30:00.000Z");
    // 02:30 happens twice; the later (winter time) one is chosen.
    expect(iso(swedishDateTime("2027-10-31", "02:30"))).toBe("2027-10-31T01:30:00.000Z");
    expect(iso(swedishDateTime("2027-10-31", "03:00"))).toBe("2027-10-31T02:00:00.000Z");
    // Both instants of 02:30 read back as 02:30.
    expect(swedishInputs(new Date("2027-10-31T00:30:00Z")).time).toBe("02:30");
    expect(swedishInputs(new Date("2027-10-31T01:30:00Z")).time).toBe("02:30");
  });

  it("round-trips every quarter hour of both change days and of New Year's Eve", () => {
    for (const day of ["2027-03-28", "2027-10-31", "2026-12-31"]) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
        if (day === "2027-03-28" && time >= "02:00" && time < "03:00") continue; // does not exist
        const value = `${day}T${time}`;
        expect(toSwedishDateTimeInput(parseSwedishDateTime(value))).toBe(value);
      }
    }
  });

  it("reads datetime-local values (with or without seconds) and refuses non-times", () => {
    expect(iso(parseSwedishDateTime("2026-01-15T10:00:30"))).toBe("2026-01-15T09:00:00.000Z");
    for (const bad of ["", "2026-02-30T10:00", "2026-01-15T24:00", "2026-01-15 10:00", "10:00"])
      expect(parseSwedishDateTime(bad)).toBeNull();
    expect(swedishDateTime("2026-03-02", "9.05")?.toISOString()).toBe("2026-03-02T08:05:00.000Z");
    expect(swedishDateTime("2026-03-02", "12:60")).toBeNull();
    expect(toSwedishDateTimeInput(null)).toBe("");
    expect(toSwedishDateTimeInput("not a date")).toBe("");
  });

  it("starts the Swedish day at local midnight, whatever the offset", () => {
    expect(iso(startOfSwedishDay(new Date("2027-03-28T12:00:00Z")))).toBe("2027-03-27T23:00:00.000Z");
    expect(iso(startOfSwedishDay(new Date("2027-03-29T12:00:00Z")))).toBe("2027-03-28T22:00:00.000Z");
    expect(iso(startOfSwedishDay(new Date("2026-12-31T23:30:00Z")))).toBe("2026-12-31T23:00:00.000Z");
  });
});

describe("calendar days", () => {
  it("takes the Swedish date of an instant, not the UTC one", () => {
    expect(dayKey(new Date("2026-12-31T22:59:00Z"))).toBe("2026-12-31");
    expect(dayKey(new Date("2026-12-31T23:00:00Z"))).toBe("2027-01-01");
    expect(dayKey(new Date("2027-06-30T21:59:00Z"))).toBe("2027-06-30");
    expect(dayKey(new Date("2027-06-30T22:00:00Z"))).toBe("2027-07-01");
    expect(dayKey(parseDateInput("2027-03-28"))).toBe("2027-03-28");
    expect(dayKey(null)).toBe("");
    expect(dayKey("")).toBe("");
  });

  it("knows today in Sweden on a Saturday night at the spring change and on New Year's Eve", () => {
    expect(iso(todayDate(new Date("2027-03-27T23:30:00Z")))).toBe("2027-03-28T00:00:00.000Z");
    expect(iso(todayDate(new Date("2027-03-27T22:30:00Z")))).toBe("2027-03-27T00:00:00.000Z");
    expect(iso(todayDate(new Date("2026-12-31T23:30:00Z")))).toBe("2027-01-01T00:00:00.000Z");
  });

  it("parses only real calendar dates", () => {
    expect(iso(parseDateInput(" 2028-02-29 "))).toBe("2028-02-29T00:00:00.000Z");
    for (const bad of ["2027-02-29", "2027-13-01", "2027-1-01", "", "idag"]) expect(parseDateInput(bad)).toBeNull();
  });

  it("counts calendar days exactly across both changes and the year end", () => {
    const d = (s: string) => parseDateInput(s)!;
    expect(dayKey(addDays(d("2027-03-27"), 1))).toBe("2027-03-28");
    expect(dayKey(addDays(d("2027-10-30"), 2))).toBe("2027-11-01");
    expect(dayKey(addDays(d("2026-12-31"), 1))).toBe("2027-01-01");
    expect(daysFromTo(d("2027-03-01"), d("2027-04-01"))).toBe(31);
    expect(daysFromTo(d("2027-11-01"), d("2027-10-01"))).toBe(-31);
    expect(daysFromTo(d("2026-12-31"), d("2027-01-01"))).toBe(1);
    expect(dayKey(addMonths(d("2026-08-31"), 6))).toBe("2027-02-28");
    expect(dayKey(addMonths(d("2026-11-30"), 2))).toBe("2027-01-30");
  });

  it("counts whole 24-hour periods between instants", () => {
    expect(daysBetween("2027-03-27T12:00:00Z", "2027-03-30T11:59:00Z")).toBe(2);
    expect(daysBetween("2027-03-27T12:00:00Z", "2027-03-30T12:00:00Z")).toBe(3);
    expect(DAY_MS).toBe(24 * 60 * 60 * 1000);
  });

  it("numbers ISO weeks over the turn of the year", () => {
    expect(isoWeek(parseDateInput("2026-12-31")!)).toBe(53);
    expect(isoWeek(parseDateInput("2027-01-03")!)).toBe(53);
    expect(isoWeek(parseDateInput("2027-01-04")!)).toBe(1);
    expect(isoWeek(parseDateInput("2025-12-29")!)).toBe(1);
  });

  it("gives the week from Monday 00:00 to Monday 00:00 in Swedish time, short or long at a change", () => {
    const spring = weekRange(new Date("2027-03-27T23:30:00Z")); // Sunday 00:30 in Sweden
    expect(spring).toMatchObject({ week: 12, firstDay: "2027-03-22", lastDay: "2027-03-28" });
    expect(iso(spring.start)).toBe("2027-03-21T23:00:00.000Z");
    expect(iso(spring.end)).toBe("2027-03-28T22:00:00.000Z");
    expect(spring.end.getTime() - spring.start.getTime()).toBe(7 * DAY_MS - 3_600_000);

    const autumn = weekRange(new Date("2027-10-31T12:00:00Z"));
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(7 * DAY_MS + 3_600_000);

    const newYear = weekRange(new Date("2026-12-31T23:30:00Z")); // Friday 1 January 00:30 in Sweden
    expect(newYear).toMatchObject({ week: 53, firstDay: "2026-12-28", lastDay: "2027-01-03" });
  });
});

describe("formatting in Swedish", () => {
  it("formats dates and times in Swedish time", () => {
    const newYear = new Date("2026-12-31T23:30:00Z");
    expect(formatDate(newYear)).toBe("1 jan. 2027");
    expect(formatDateTime(newYear)).toBe("1 jan. 2027 00:30");
    expect(formatWeekdayDate(new Date("2027-03-28T01:30:00Z"))).toBe("söndag 28 mars 2027");
    expect(formatClockTime(new Date("2027-03-28T01:30:00Z"))).toBe("03:30");
    expect(formatDate(null)).toBe("");
    expect(formatDateTime(undefined)).toBe("");
  });
});
