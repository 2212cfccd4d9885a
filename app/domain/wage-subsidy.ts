// The lönestödsförslag calculation (issue 15): what a hire costs the employer month by month —
// gross salary for the hours, holiday pay if chosen, employer contributions by the chosen
// category, the subsidy the coach expects within the form's ceiling and steps, and the net cost.
// Pure: the figures come from wage-subsidy-parameters.ts, the set picked by the start date's year.
// Months are whole calendar months from the start month (the calculation is an estimate; the
// employer's payroll and Arbetsförmedlingen's decision are what count).
import { z } from "zod";
import {
  checkbox,
  choice,
  intField,
  optionalIntField,
  optionalText,
  parseFields,
  requiredDateField,
} from "./form-rules.ts";
import type { FormResult } from "./forms.ts";
import { capitalizeSv } from "./swedish.ts";
import { addDays, dayKey, todayDate } from "./swedish-time.ts";
import {
  CONTRIBUTION_CATEGORIES,
  EARLIEST_START,
  WAGE_SUBSIDY_FORMS,
  parameterSetFor,
  type ContributionCategory,
  type FormRule,
  type ParameterSet,
  type WageSubsidyForm,
} from "./wage-subsidy-parameters.ts";

export const FULL_TIME_HOURS = 40;
export const MAX_STEPS = 3;

export type Step = { months: number; sharePercent: number };

export type WageSubsidyInput = {
  form: WageSubsidyForm;
  /** Kronor per month at full time. */
  monthlySalary: number;
  hoursPerWeek: number;
  holidayPay: boolean;
  contributionCategory: ContributionCategory;
  /** YYYY-MM-DD */
  startDate: string;
  steps: Step[];
};

export type MonthRow = {
  /** 1 for the start month. */
  index: number;
  /** YYYY-MM */
  month: string;
  salary: number;
  holidayPay: number;
  contributions: number;
  /** Salary + holiday pay + contributions. */
  wageCost: number;
  /** The part of the wage cost the subsidy is computed on (within the ceiling for the hours). */
  subsidyBasis: number;
  sharePercent: number;
  subsidy: number;
  netCost: number;
};

export type Calculation = {
  set: ParameterSet;
  form: WageSubsidyForm;
  rule: FormRule | null;
  hoursShare: number;
  /** The salary ceiling for these hours (null: no subsidy form). */
  ceilingForHours: number | null;
  months: MonthRow[];
  totals: {
    salary: number;
    holidayPay: number;
    contributions: number;
    wageCost: number;
    subsidy: number;
    netCost: number;
  };
};

export const formLabels: Record<WageSubsidyForm, string> = {
  none: "Inget stöd",
  nystartsjobb: "Nystartsjobb",
  introduktionsjobb: "Introduktionsjobb",
  lonestod_utveckling: "Lönestöd för utveckling i anställning",
  lonestod_trygghet: "Lönestöd för trygghet i anställning",
  skyddat_offentligt: "Lönestöd för skyddat arbete hos offentlig arbetsgivare",
};

/** "YYYY-MM" of the start month plus `offset` months. */
export function monthKey(startDay: string, offset: number): string {
  const y = Number(startDay.slice(0, 4));
  const m = Number(startDay.slice(5, 7)) - 1 + offset;
  const year = y + Math.floor(m / 12);
  const month = (((m % 12) + 12) % 12) + 1;
  return `${year}-${String(month).padStart(2, "0")}`;
}

/** Employer contributions (whole kronor) on one month's pay for the category, in that month. */
export function contributionsFor(
  pay: number,
  category: ContributionCategory,
  month: string,
  set: ParameterSet,
): number {
  const standard = set.standardContributionPercent.value;
  const rule = set.contributions[category];
  if (category === "youth_reduced") {
    const inWindow = rule.window ? month >= rule.window.from && month <= rule.window.to : false;
    if (!inWindow) return Math.round((pay * standard) / 100);
    const reducedPart = Math.min(pay, rule.reducedUpTo ?? pay);
    return Math.round((reducedPart * rule.ratePercent + (pay - reducedPart) * standard) / 100);
  }
  return Math.round((pay * rule.ratePercent) / 100);
}

/**
 * The contribution category that applies to someone born in `birthYear` in `year` (ages count at
 * the start of the year, as Skatteverket's rules do). For the coach only: the employer never sees it
 * as an age.
 */
export function contributionCategoryFor(birthYear: number, year: number, set: ParameterSet): ContributionCategory {
  const born1937 = set.contributions.born_1937_or_earlier.bornUpTo ?? 1937;
  if (birthYear <= born1937) return "born_1937_or_earlier";
  const age = year - birthYear - 1;
  const within = (range?: { min: number | null; max: number | null }) =>
    !!range && (range.min === null || age >= range.min) && (range.max === null || age <= range.max);
  if (within(set.contributions.pension_age.ageAtYearStart)) return "pension_age";
  if (within(set.contributions.youth_reduced.ageAtYearStart)) return "youth_reduced";
  return "standard";
}

/** The share (percent) in month `index` (1-based) by the steps; 0 after the last step. */
export function shareInMonth(steps: Step[], index: number): number {
  let end = 0;
  for (const step of steps) {
    end += step.months;
    if (index <= end) return step.sharePercent;
  }
  return 0;
}

export function totalMonths(steps: Step[]): number {
  return steps.reduce((sum, s) => sum + s.months, 0);
}

/** The month-by-month cost. Returns null when no parameter set covers the start date. */
export function calculateWageSubsidy(input: WageSubsidyInput): Calculation | null {
  const set = parameterSetFor(input.startDate);
  if (!set) return null;
  const rule = input.form === "none" ? null : set.forms[input.form];
  const hoursShare = Math.min(1, Math.max(0, input.hoursPerWeek / FULL_TIME_HOURS));
  const ceilingForHours = rule ? Math.round(rule.ceiling.value * hoursShare) : null;
  const months: MonthRow[] = [];
  const count = totalMonths(input.steps);
  for (let index = 1; index <= count; index++) {
    const month = monthKey(input.startDate, index - 1);
    const salary = Math.round(input.monthlySalary * hoursShare);
    const holidayPay = input.holidayPay ? Math.round((salary * set.holidayPayPercent.value) / 100) : 0;
    const pay = salary + holidayPay;
    const contributions = contributionsFor(pay, input.contributionCategory, month, set);
    const wageCost = pay + contributions;
    const sharePercent = rule ? Math.min(shareInMonth(input.steps, index), rule.maxSharePercent.value) : 0;
    const cappedPay = ceilingForHours === null ? 0 : Math.min(pay, ceilingForHours);
    const subsidyBasis =
      ceilingForHours === null ? 0 : cappedPay + contributionsFor(cappedPay, input.contributionCategory, month, set);
    const subsidy = Math.min(wageCost, Math.round((subsidyBasis * sharePercent) / 100));
    months.push({
      index,
      month,
      salary,
      holidayPay,
      contributions,
      wageCost,
      subsidyBasis,
      sharePercent,
      subsidy,
      netCost: wageCost - subsidy,
    });
  }
  const sum = (key: keyof MonthRow) => months.reduce((total, m) => total + (m[key] as number), 0);
  return {
    set,
    form: input.form,
    rule,
    hoursShare,
    ceilingForHours,
    months,
    totals: {
      salary: sum("salary"),
      holidayPay: sum("holidayPay"),
      contributions: sum("contributions"),
      wageCost: sum("wageCost"),
      subsidy: sum("subsidy"),
      netCost: sum("netCost"),
    },
  };
}

/** Consecutive months with the same share, for the step summary ("månad 1–6: 80 %"). */
export function stepRanges(steps: Step[]): Array<{ from: number; to: number; sharePercent: number }> {
  const ranges: Array<{ from: number; to: number; sharePercent: number }> = [];
  let from = 1;
  for (const s of steps) {
    ranges.push({ from, to: from + s.months - 1, sharePercent: s.sharePercent });
    from += s.months;
  }
  return ranges;
}

export function formatKronor(value: number): string {
  return `${new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 }).format(value)} kr`;
}

export function formatPercent(value: number): string {
  return `${new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2 }).format(value)} %`;
}

const MONTH_NAMES = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "juli",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];

/** "2026-04" → "april 2026" */
export function formatMonth(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

// ───────────── the coach's form ─────────────

export const MIN_SALARY = 10_000;
export const MAX_SALARY = 100_000;

const kronorField = (name: string, min: number, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.replace(/[\s\u00a0]/g, "").replace(/kr$/i, "") : v),
    intField(name, min, max, `${capitalizeSv(name)} ska vara mellan ${spaced(min)} och ${spaced(max)} kr.`),
  );

const formSchema = z.enum(WAGE_SUBSIDY_FORMS);
const categorySchema = z.enum(CONTRIBUTION_CATEGORIES);

/** The form's fields; the start date may lie at most a year back and two years ahead of `now`. */
export function wageSubsidyShape(now: Date) {
  const today = todayDate(now);
  const earliest = addDays(today, -366);
  const latest = addDays(today, 2 * 366);
  const stepFields = Object.fromEntries(
    Array.from({ length: MAX_STEPS }, (_, i) => [
      [`step${i + 1}Months`, optionalIntField("antal månader", 1, 60, "Antal månader ska vara mellan 1 och 60.")],
      [`step${i + 1}Share`, optionalIntField("andelen", 0, 100, "Andelen ska vara mellan 0 och 100 procent.")],
    ]).flat(),
  ) as Record<`step${1 | 2 | 3}${"Months" | "Share"}`, ReturnType<typeof optionalIntField>>;
  return {
    form: choice(formSchema, "Välj stödform."),
    monthlySalary: kronorField("månadslönen vid heltid", MIN_SALARY, MAX_SALARY),
    hoursPerWeek: intField(
      "timmar per vecka",
      1,
      FULL_TIME_HOURS,
      `Timmar per vecka ska vara mellan 1 och ${FULL_TIME_HOURS}.`,
    ),
    holidayPay: checkbox,
    contributionCategory: choice(categorySchema, "Välj vilken arbetsgivaravgift som gäller."),
    startDate: requiredDateField("startdatum", {
      missing: "Välj startdatum.",
      check: (day) =>
        dayKey(day) < EARLIEST_START
          ? `Beräkningen har siffror från ${EARLIEST_START}. Välj ett senare datum.`
          : day < earliest || day > latest
            ? "Startdatum får vara högst ett år bakåt och två år framåt."
            : null,
    }).transform((day) => dayKey(day)),
    ...stepFields,
    note: optionalText("kommentaren", 1000),
  };
}

export type WageSubsidyFormData = WageSubsidyInput & { note: string | null };

/** Parse the coach's form: every field, then the rules that depend on the chosen form. */
export function parseWageSubsidyForm(
  values: Record<string, string | string[]>,
  now: Date,
): FormResult<WageSubsidyFormData> {
  const shape = wageSubsidyShape(now);
  const parsed = parseFields(shape, values, ({ data, add }) => {
    const steps: Step[] = [];
    for (let i = 1; i <= MAX_STEPS; i++) {
      const months = data[`step${i}Months` as keyof typeof data] as number | undefined;
      const share = data[`step${i}Share` as keyof typeof data] as number | undefined;
      const monthsRaw = values[`step${i}Months`];
      const shareRaw = values[`step${i}Share`];
      if (given(monthsRaw) && !given(shareRaw)) add(`step${i}Share`, "Fyll i andelen för steget.");
      if (!given(monthsRaw) && given(shareRaw)) add(`step${i}Months`, "Fyll i antal månader för steget.");
      if (months !== undefined && share !== undefined) steps.push({ months, sharePercent: share });
    }
    if (!given(values.step1Months)) add("step1Months", "Fyll i hur många månader förslaget gäller.");
    const form = data.form;
    const start = data.startDate;
    const set = start ? parameterSetFor(start) : null;
    if (!form || !set) return;
    if (form === "none") {
      steps.forEach((s, i) => {
        if (s.sharePercent !== 0) add(`step${i + 1}Share`, "Utan stöd är andelen 0 procent.");
      });
      if (totalMonths(steps) > 24) add("step1Months", "Visa högst 24 månader utan stöd.");
      return;
    }
    const rule = set.forms[form];
    steps.forEach((s, i) => {
      if (s.sharePercent > rule.maxSharePercent.value)
        add(
          `step${i + 1}Share`,
          `${rule.label} täcker högst ${rule.maxSharePercent.value} procent av lönekostnaden inom taket.`,
        );
    });
    if (totalMonths(steps) > rule.maxMonths.value)
      add("step1Months", `${rule.label} kan planeras för högst ${rule.maxMonths.value} månader sammanlagt.`);
  });
  if (!parsed.ok) return parsed;
  const d = parsed.data;
  const steps: Step[] = [];
  for (let i = 1; i <= MAX_STEPS; i++) {
    const months = d[`step${i}Months` as keyof typeof d] as number | undefined;
    const share = d[`step${i}Share` as keyof typeof d] as number | undefined;
    if (months !== undefined && share !== undefined) steps.push({ months, sharePercent: share });
  }
  return {
    ok: true,
    data: {
      form: d.form,
      monthlySalary: d.monthlySalary,
      hoursPerWeek: d.hoursPerWeek,
      holidayPay: d.holidayPay,
      contributionCategory: d.contributionCategory,
      startDate: d.startDate,
      steps,
      note: d.note,
    },
  };
}

/** A form field that was filled in (not empty or blank). */
function given(v: unknown): boolean {
  return typeof v === "string" && v.trim() !== "";
}

/** Steps stored as JSON: read defensively (a broken row shows no months rather than failing). */
export function readSteps(json: string): Step[] {
  try {
    const list = JSON.parse(json) as unknown;
    if (!Array.isArray(list)) return [];
    return list.filter(
      (s): s is Step =>
        !!s &&
        typeof s === "object" &&
        Number.isInteger((s as Step).months) &&
        (s as Step).months > 0 &&
        typeof (s as Step).sharePercent === "number",
    );
  } catch {
    return [];
  }
}

/** 100000 → "100 000" with an ordinary space (messages compare as plain text). */
function spaced(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}
