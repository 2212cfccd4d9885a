// The lönestödsförslag calculation (issue 15), checked against worked examples built by hand from
// the official figures (app/domain/wage-subsidy-parameters.ts): 31,42 % full contributions, 20,81 %
// for young people on pay up to 25 000 kr from April 2026 (SFS 2026:100), 10,21 % for those who had
// turned 67, the 20 000 kr salary ceilings (reduced in proportion to part time), 12 % holiday pay.
import { describe, expect, test } from "vitest";
import {
  calculateWageSubsidy,
  contributionCategoryFor,
  parseWageSubsidyForm,
  type WageSubsidyInput,
} from "~/domain/wage-subsidy.ts";
import { PARAMETER_SETS, parameterSetFor } from "~/domain/wage-subsidy-parameters.ts";

const NOW = new Date("2026-03-10T09:00:00Z");

function calc(overrides: Partial<WageSubsidyInput>) {
  const result = calculateWageSubsidy({
    form: "nystartsjobb",
    monthlySalary: 25_000,
    hoursPerWeek: 40,
    holidayPay: false,
    contributionCategory: "standard",
    startDate: "2026-05-01",
    steps: [{ months: 12, sharePercent: 60 }],
    ...overrides,
  });
  if (!result) throw new Error("no parameter set");
  return result;
}

describe("parameter sets", () => {
  test("the start date's year picks the set; every set and figure names its source", () => {
    expect(parameterSetFor("2026-05-01")?.validFrom).toBe("2026-01-01");
    expect(parameterSetFor("2025-12-31")?.validFrom).toBe("2025-01-01");
    expect(parameterSetFor("2027-02-01")?.validFrom).toBe("2026-01-01");
    expect(parameterSetFor("2024-12-31")).toBeNull();
    for (const set of PARAMETER_SETS) {
      expect(set.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const rule of Object.values(set.forms))
        for (const figure of [rule.ceiling, rule.maxSharePercent, rule.maxMonths])
          expect(figure.source.url).toMatch(/^https:\/\//);
      for (const rule of Object.values(set.contributions)) expect(rule.source.url).toMatch(/^https?:\/\//);
    }
  });
});

describe("each form", () => {
  test("nystartsjobb at full time: the subsidy is the share of the wage cost within the 20 000 kr ceiling", () => {
    const c = calc({});
    expect(c.months).toHaveLength(12);
    // 25 000 + 31,42 % = 32 855; basis 20 000 + 6 284 = 26 284; 60 % = 15 770
    expect(c.months[0]).toMatchObject({
      month: "2026-05",
      salary: 25_000,
      contributions: 7_855,
      wageCost: 32_855,
      subsidyBasis: 26_284,
      subsidy: 15_770,
      netCost: 17_085,
    });
    expect(c.totals.subsidy).toBe(12 * 15_770);
    expect(c.totals.netCost).toBe(12 * 17_085);
  });

  test("introduktionsjobb at half time with holiday pay: the ceiling halves with the hours", () => {
    const c = calc({
      form: "introduktionsjobb",
      monthlySalary: 24_000,
      hoursPerWeek: 20,
      holidayPay: true,
      startDate: "2026-01-15",
      steps: [{ months: 6, sharePercent: 80 }],
    });
    expect(c.ceilingForHours).toBe(10_000);
    // 12 000 + 12 % = 13 440; contributions 4 223; basis 10 000 + 3 142 = 13 142; 80 % = 10 514
    expect(c.months[0]).toMatchObject({
      salary: 12_000,
      holidayPay: 1_440,
      contributions: 4_223,
      wageCost: 17_663,
      subsidy: 10_514,
      netCost: 7_149,
    });
  });

  test("lönestöd för trygghet with two steps: 80 % for six months, then 60 %", () => {
    const c = calc({
      form: "lonestod_trygghet",
      monthlySalary: 22_000,
      startDate: "2026-03-01",
      steps: [
        { months: 6, sharePercent: 80 },
        { months: 6, sharePercent: 60 },
      ],
    });
    expect(c.months.map((m) => m.subsidy)).toEqual([...Array(6).fill(21_027), ...Array(6).fill(15_770)]);
    expect(c.months[5]!.netCost).toBe(28_912 - 21_027);
    expect(c.months[6]!.netCost).toBe(28_912 - 15_770);
    expect(c.months[11]!.month).toBe("2027-02");
  });

  test("lönestöd för utveckling and skyddat arbete: a salary below the ceiling is covered in full by 100 %", () => {
    for (const form of ["lonestod_utveckling", "skyddat_offentligt"] as const) {
      const c = calc({ form, monthlySalary: 18_000, steps: [{ months: 3, sharePercent: 100 }] });
      expect(c.months[0]!.subsidy).toBe(c.months[0]!.wageCost);
      expect(c.months[0]!.netCost).toBe(0);
    }
  });

  test("no support: the full cost every month", () => {
    const c = calc({ form: "none", steps: [{ months: 4, sharePercent: 0 }] });
    expect(c.rule).toBeNull();
    expect(c.months.every((m) => m.subsidy === 0 && m.netCost === 32_855)).toBe(true);
  });
});

describe("employer contributions by age", () => {
  test("young people: 20,81 % on pay up to 25 000 kr from April 2026, full rate before and above", () => {
    const c = calc({
      form: "none",
      monthlySalary: 28_000,
      contributionCategory: "youth_reduced",
      startDate: "2026-02-01",
      steps: [{ months: 4, sharePercent: 0 }],
    });
    // Feb–Mar: 28 000 × 31,42 % = 8 798; Apr–May: 25 000 × 20,81 % + 3 000 × 31,42 % = 6 145
    expect(c.months.map((m) => [m.month, m.contributions])).toEqual([
      ["2026-02", 8_798],
      ["2026-03", 8_798],
      ["2026-04", 6_145],
      ["2026-05", 6_145],
    ]);
  });

  test("the reduction ends after September 2027", () => {
    const c = calc({
      form: "none",
      monthlySalary: 20_000,
      contributionCategory: "youth_reduced",
      startDate: "2026-08-01",
      steps: [{ months: 16, sharePercent: 0 }],
    });
    const byMonth = Object.fromEntries(c.months.map((m) => [m.month, m.contributions]));
    expect(byMonth["2027-09"]).toBe(4_162);
    expect(byMonth["2027-10"]).toBe(6_284);
  });

  test("2025 has no youth reduction: the full rate applies", () => {
    const c = calc({
      form: "none",
      contributionCategory: "youth_reduced",
      startDate: "2025-06-01",
      steps: [{ months: 1, sharePercent: 0 }],
    });
    expect(c.set.validFrom).toBe("2025-01-01");
    expect(c.months[0]!.contributions).toBe(7_855);
  });

  test("old-age pension contribution only, and none for those born 1937 or earlier; the subsidy basis follows", () => {
    const pension = calc({ contributionCategory: "pension_age", monthlySalary: 20_000 });
    expect(pension.months[0]).toMatchObject({ contributions: 2_042, wageCost: 22_042, subsidyBasis: 22_042 });
    const none = calc({ contributionCategory: "born_1937_or_earlier", monthlySalary: 20_000 });
    expect(none.months[0]).toMatchObject({ contributions: 0, wageCost: 20_000 });
  });

  test("the category for a birth year counts the age at the start of the year", () => {
    const set2026 = parameterSetFor("2026-01-01")!;
    const set2025 = parameterSetFor("2025-01-01")!;
    expect(contributionCategoryFor(2003, 2026, set2026)).toBe("youth_reduced");
    expect(contributionCategoryFor(2007, 2026, set2026)).toBe("youth_reduced");
    expect(contributionCategoryFor(2008, 2026, set2026)).toBe("standard");
    expect(contributionCategoryFor(2002, 2026, set2026)).toBe("standard");
    expect(contributionCategoryFor(1958, 2026, set2026)).toBe("pension_age");
    expect(contributionCategoryFor(1959, 2026, set2026)).toBe("standard");
    expect(contributionCategoryFor(1958, 2025, set2025)).toBe("pension_age");
    expect(contributionCategoryFor(1937, 2026, set2026)).toBe("born_1937_or_earlier");
  });
});

describe("the coach's form", () => {
  const valid = {
    form: "nystartsjobb",
    monthlySalary: "25 000",
    hoursPerWeek: "30",
    holidayPay: "on",
    contributionCategory: "standard",
    startDate: "2026-05-01",
    step1Months: "6",
    step1Share: "60",
    step2Months: "6",
    step2Share: "40",
  };

  test("a valid form gives the steps in order", () => {
    const parsed = parseWageSubsidyForm(valid, NOW);
    expect(parsed.ok).toBe(true);
    if (parsed.ok)
      expect(parsed.data).toMatchObject({
        monthlySalary: 25_000,
        hoursPerWeek: 30,
        holidayPay: true,
        steps: [
          { months: 6, sharePercent: 60 },
          { months: 6, sharePercent: 40 },
        ],
      });
  });

  test("salary, hours, shares and dates out of range get a clear Swedish message", () => {
    const parsed = parseWageSubsidyForm(
      { ...valid, monthlySalary: "5000", hoursPerWeek: "45", startDate: "2024-06-01", step1Share: "120" },
      NOW,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.monthlySalary).toEqual(["Månadslönen vid heltid ska vara mellan 10 000 och 100 000 kr."]);
    expect(parsed.errors.hoursPerWeek).toEqual(["Timmar per vecka ska vara mellan 1 och 40."]);
    expect(parsed.errors.startDate?.[0]).toContain("2025-01-01");
    expect(parsed.errors.step1Share).toEqual(["Andelen ska vara mellan 0 och 100 procent."]);
  });

  test("the form's ceilings: share above the maximum and too many months are refused", () => {
    const parsed = parseWageSubsidyForm(
      { ...valid, form: "introduktionsjobb", step1Share: "90", step1Months: "20", step2Months: "10" },
      NOW,
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.step1Share).toEqual([
      "Introduktionsjobb täcker högst 80 procent av lönekostnaden inom taket.",
    ]);
    expect(parsed.errors.step1Months).toEqual(["Introduktionsjobb kan planeras för högst 24 månader sammanlagt."]);
  });

  test("a step needs both months and share; without support the share is 0", () => {
    const half = parseWageSubsidyForm({ ...valid, step2Share: "" }, NOW);
    expect(!half.ok && half.errors.step2Share).toEqual(["Fyll i andelen för steget."]);
    const none = parseWageSubsidyForm({ ...valid, form: "none" }, NOW);
    expect(!none.ok && none.errors.step1Share).toEqual(["Utan stöd är andelen 0 procent."]);
    const empty = parseWageSubsidyForm({ ...valid, step1Months: "", step1Share: "" }, NOW);
    expect(!empty.ok && empty.errors.step1Months).toEqual(["Fyll i hur många månader förslaget gäller."]);
  });
});
