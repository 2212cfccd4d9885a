import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  formatOrgNumber,
  isLegalEntityOrgNumber,
  isValidOrgNumber,
  luhnCheckDigit,
  orgNumberFromPayload,
} from "~/domain/org-number.ts";

// Published organisation numbers of well-known Swedish companies (valid check digits).
const KNOWN_VALID = ["556012-5790", "556016-0680", "556103-4249", "556036-0793"];

describe("isValidOrgNumber", () => {
  test.each(KNOWN_VALID)("accepts %s", (n) => {
    expect(isValidOrgNumber(n)).toBe(true);
  });

  test("accepts the forms people type: no hyphen, a space, the 16-prefix, surrounding blanks", () => {
    expect(isValidOrgNumber("5560125790")).toBe(true);
    expect(isValidOrgNumber("556012 5790")).toBe(true);
    expect(isValidOrgNumber("16556012-5790")).toBe(true);
    expect(isValidOrgNumber("  556012-5790 ")).toBe(true);
  });

  test("rejects a wrong check digit", () => {
    expect(isValidOrgNumber("556012-5791")).toBe(false);
    expect(isValidOrgNumber("556016-0681")).toBe(false);
  });

  test("rejects wrong lengths, letters, stray characters and non-strings", () => {
    for (const bad of [
      "",
      "556012-579",
      "556012-57900",
      "55601A-5790",
      "556012--5790",
      "556012/5790",
      "19556012-5790",
    ]) {
      expect(isValidOrgNumber(bad), bad).toBe(false);
    }
    expect(isValidOrgNumber(null)).toBe(false);
    expect(isValidOrgNumber(undefined)).toBe(false);
  });

  test("a single changed digit is always caught", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{9}$/),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (payload, pos, delta) => {
          const valid = orgNumberFromPayload(payload).replace("-", "");
          const changed = valid.slice(0, pos) + String((Number(valid[pos]) + delta) % 10) + valid.slice(pos + 1);
          return isValidOrgNumber(valid) && !isValidOrgNumber(changed);
        },
      ),
    );
  });
});

describe("formatOrgNumber", () => {
  test("returns the canonical NNNNNN-NNNN form", () => {
    expect(formatOrgNumber("5560125790")).toBe("556012-5790");
    expect(formatOrgNumber("16 556012-5790")).toBe("556012-5790");
    expect(formatOrgNumber("556012 5790")).toBe("556012-5790");
  });

  test("returns null for anything invalid", () => {
    expect(formatOrgNumber("556012-5791")).toBeNull();
    expect(formatOrgNumber("abc")).toBeNull();
    expect(formatOrgNumber(undefined)).toBeNull();
  });
});

describe("helpers", () => {
  test("luhnCheckDigit matches the published numbers", () => {
    for (const n of KNOWN_VALID) {
      const digits = n.replace("-", "");
      expect(luhnCheckDigit(digits.slice(0, 9))).toBe(Number(digits[9]));
    }
  });

  test("orgNumberFromPayload builds valid numbers", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (payload) => {
        const n = orgNumberFromPayload(payload);
        return /^\d{6}-\d{4}$/.test(n) && isValidOrgNumber(n) && formatOrgNumber(n) === n;
      }),
    );
    expect(() => orgNumberFromPayload("12345")).toThrow();
  });

  test("isLegalEntityOrgNumber tells companies from personal numbers", () => {
    expect(isLegalEntityOrgNumber("556012-5790")).toBe(true);
    // A personal identity number (third digit 0 or 1) with a valid check digit.
    const personal = orgNumberFromPayload("811218987");
    expect(isValidOrgNumber(personal)).toBe(true);
    expect(isLegalEntityOrgNumber(personal)).toBe(false);
  });
});
