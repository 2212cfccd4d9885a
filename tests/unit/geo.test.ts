import { describe, expect, test } from "vitest";
import { haversineKm, normalizePostalCode } from "~/domain/geo.ts";

const stockholm = { lat: 59.3293, lng: 18.0686 };
const goteborg = { lat: 57.7089, lng: 11.9746 };
const jonkoping = { lat: 57.7826, lng: 14.1618 };

describe("haversineKm", () => {
  test("is zero for the same point", () => {
    expect(haversineKm(stockholm, stockholm)).toBe(0);
  });

  test("matches known distances between Swedish cities", () => {
    expect(haversineKm(stockholm, goteborg)).toBeCloseTo(398, -1);
    expect(haversineKm(jonkoping, goteborg)).toBeCloseTo(131, -1);
  });

  test("is symmetric", () => {
    expect(haversineKm(stockholm, jonkoping)).toBeCloseTo(haversineKm(jonkoping, stockholm), 9);
  });

  test("one degree of latitude is about 111 km", () => {
    expect(haversineKm({ lat: 57, lng: 14 }, { lat: 58, lng: 14 })).toBeCloseTo(111.2, 1);
  });

  test("antipodal points are half the circumference apart, without NaN", () => {
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(20015, -1);
  });
});

describe("normalizePostalCode", () => {
  test.each([
    ["553 20", "55320"],
    ["55320", "55320"],
    [" 553 20 ", "55320"],
    ["553\u00a020", "55320"],
    ["SE-553 20", "55320"],
    ["se 55320", "55320"],
    ["981 35", "98135"],
  ])("%j → %s", (input, expected) => {
    expect(normalizePostalCode(input)).toBe(expected);
  });

  test.each(["", "5532", "553200", "55 320", "053 20", "abc de", "553-20", "553  20", "55320x"])(
    "%j is invalid",
    (input) => {
      expect(normalizePostalCode(input)).toBeNull();
    },
  );
});
