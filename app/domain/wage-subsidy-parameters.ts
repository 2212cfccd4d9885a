// The rules behind a lönestödsförslag (issue 15), as dated parameter sets: each figure with the
// public page it comes from and whether that page (as stored when we checked it) states the figure
// for the set's year. The year of the start date picks the set (the latest set whose validFrom is on
// or before the start date). Arbetsförmedlingen decides every support; these figures only let a
// coach show an employer what a hire may cost. Change a figure here, with its source, when a rule
// changes — the pages and the calculation read nothing else.
//
// Checked 2026-12-02 against stored copies of the pages below. Where a page only confirmed a figure
// for an earlier year, `confirmed` is false and the page says so next to the figure.

export const WAGE_SUBSIDY_FORMS = [
  "none",
  "nystartsjobb",
  "introduktionsjobb",
  "lonestod_utveckling",
  "lonestod_trygghet",
  "skyddat_offentligt",
] as const;
export type WageSubsidyForm = (typeof WAGE_SUBSIDY_FORMS)[number];

export const CONTRIBUTION_CATEGORIES = ["standard", "youth_reduced", "pension_age", "born_1937_or_earlier"] as const;
export type ContributionCategory = (typeof CONTRIBUTION_CATEGORIES)[number];

export type Source = { title: string; url: string };

/** A figure and where it comes from; `confirmed` is false when the source states it for an earlier year only. */
export type Sourced<T> = { value: T; source: Source; confirmed: boolean; note?: string };

export type FormRule = {
  label: string;
  /** One sentence for the employer: what the support is for. */
  purpose: string;
  /** Gross monthly salary at full time above which nothing more is paid (reduced in proportion to part time). */
  ceiling: Sourced<number>;
  /** The highest share of the wage cost (within the ceiling) the coach may expect, in percent. */
  maxSharePercent: Sourced<number>;
  /** The longest period in months the coach may plan for (Arbetsförmedlingen decides in shorter periods). */
  maxMonths: Sourced<number>;
};

export type ContributionRule = {
  /** What the coach sees (the rule, with ages). */
  coachLabel: string;
  /** What the employer sees: the rate only, never an age. */
  employerLabel: string;
  /** Percent of the salary; for youth_reduced the reduced rate within `reducedUpTo` and `window`. */
  ratePercent: number;
  /** Ages at the start of the year this rule covers (inclusive); null bounds are open. */
  ageAtYearStart?: { min: number | null; max: number | null };
  /** The reduced rate applies to at most this salary per calendar month; the rest pays the standard rate. */
  reducedUpTo?: number;
  /** Months (YYYY-MM, inclusive) in which the reduction applies; outside it the standard rate applies. */
  window?: { from: string; to: string };
  /** Born in or before this year: this rule regardless of age. */
  bornUpTo?: number;
  source: Source;
  confirmed: boolean;
};

export type ParameterSet = {
  /** YYYY-MM-DD: the first start date this set is used for. */
  validFrom: string;
  /** YYYY-MM-DD: when the figures were last compared with their sources. */
  checkedOn: string;
  standardContributionPercent: Sourced<number>;
  contributions: Record<ContributionCategory, ContributionRule>;
  /** Holiday pay as a share of the salary (semesterersättning), in percent. */
  holidayPayPercent: Sourced<number>;
  forms: Record<Exclude<WageSubsidyForm, "none">, FormRule>;
};

// ───────────── sources ─────────────

const AF = "https://arbetsformedlingen.se/for-arbetsgivare/anstallningsstod";
export const SOURCES = {
  nystartsjobb: {
    title: "Arbetsförmedlingen: Nystartsjobb",
    url: `${AF}/stod-nar-en-person-varit-arbetslos-lange-eller-ar-nyanland/nystartsjobb`,
  },
  nystartsjobbLevels: {
    title: "Arbetsförmedlingen (artikel 2023-03-10): ersättningen är 48–72 procent av lönekostnaden",
    url: "https://itsby.se/nar-du-som-arbetsgivare-anstaller-med-nystartsjobb-far-du-en-formanlig-ekonomisk-ersattning-som-ar-48-72-procent-av-lonekostnaden/",
  },
  introduktionsjobb: {
    title: "Arbetsförmedlingen: Introduktionsjobb",
    url: `${AF}/stod-nar-en-person-varit-arbetslos-lange-eller-ar-nyanland/introduktionsjobb`,
  },
  introduktionsjobbLevels: {
    title: "Konjunkturinstitutet: Introduktionsjobb (80 procent, högst 20 000 kr, 12–24 månader)",
    url: "https://www.konj.se/ordlista/ordforklaringar_gammal/2019-01-08-introduktionsjobb.html",
  },
  lonebidrag: {
    title: "Arbetsförmedlingen: Lönebidrag (utveckling i anställning, trygghet i anställning)",
    url: `${AF}/stod-nar-en-person-har-en-funktionsnedsattning/lonebidrag`,
  },
  lonebidragCeiling: {
    title: "Funktionshinderpolitik: taket för lönebidrag och offentligt skyddat arbete 20 000 kr",
    url: "https://funktionshinderpolitik.se/hogre-tak-for-lonebidraget/",
  },
  lonebidragDurations: {
    title: "Norian: lönebidrag för utveckling högst två år, trygghet högst fyra år i taget",
    url: "https://norian.se/lonebidrag/",
  },
  sarskildaInsatser: {
    title: "Förordning (2017:462) om särskilda insatser för personer med funktionsnedsättning",
    url: "https://www.lagboken.se/Lagboken/start/sfs/sfs/2017/400-499/d_2995722-sfs-2017_462-forordning-om-sarskilda-insatser-for-personer-med-funktionsnedsattning-som-medfor",
  },
  arbetsgivaravgifter2026: {
    title: "Björn Lundén: arbetsgivaravgifter 2026 och 2025 (31,42 %, 10,21 %, 0 %)",
    url: "https://bjornlunden.com/se/bjornkoll/blogg/arbetsgivaravgifter",
  },
  youthReduction: {
    title: "SFS 2026:100: tillfälligt nedsatta arbetsgivaravgifter för 19–23-åringar (1 april 2026–30 september 2027)",
    url: "https://www.faronline.se/dokument/riksdagregering/lagar-och-forordningar/2020-tal/2026/sfs20260100",
  },
  semesterlagen: {
    title: "Prop. 2009/10:4 En förenklad semesterlag (procentregeln i semesterlagen 1977:480)",
    url: "https://lagen.nu/prop/2009/10:4",
  },
} as const satisfies Record<string, Source>;

// ───────────── the figures the sets share ─────────────

/** When every figure below was last compared with its source. */
const CHECKED_ON = "2026-12-02";

/** Full employer contribution (arbetsgivaravgift), percent. */
const STANDARD_RATE = 31.42;
/** Only the old-age pension contribution, percent. */
const PENSION_ONLY_RATE = 10.21;
/** The salary ceiling the lönestöd forms share, kronor per month at full time. */
const LONESTOD_CEILING = 20_000;

const lonestodCeiling: Sourced<number> = {
  value: LONESTOD_CEILING,
  source: SOURCES.lonebidragCeiling,
  confirmed: false,
};

/** The lönestöd forms have no fixed highest share: Arbetsförmedlingen decides. */
const shareDecidedByAf = (note: string): Sourced<number> => ({
  value: 100,
  source: SOURCES.sarskildaInsatser,
  confirmed: false,
  note,
});
const SHARE_BY_WORK_CAPACITY =
  "Ingen fast högsta andel: Arbetsförmedlingen bestämmer den efter hur mycket arbetsförmågan är nedsatt.";

const standardContribution: Sourced<number> = {
  value: STANDARD_RATE,
  source: SOURCES.arbetsgivaravgifter2026,
  confirmed: true,
};

const fullContribution: ContributionRule = {
  coachLabel: "Full avgift 31,42 %",
  employerLabel: "Full arbetsgivaravgift",
  ratePercent: STANDARD_RATE,
  source: SOURCES.arbetsgivaravgifter2026,
  confirmed: true,
};

/** Only the pension contribution from `minAge` (at the start of the year). */
const pensionAgeContribution = (minAge: number): ContributionRule => ({
  coachLabel: `Bara ålderspensionsavgift 10,21 % (fyllt ${minAge} vid årets början, född 1938–1958)`,
  employerLabel: "Bara ålderspensionsavgift",
  ratePercent: PENSION_ONLY_RATE,
  ageAtYearStart: { min: minAge, max: null },
  source: SOURCES.arbetsgivaravgifter2026,
  confirmed: true,
});

const noContribution: ContributionRule = {
  coachLabel: "Ingen arbetsgivaravgift (född 1937 eller tidigare)",
  employerLabel: "Ingen arbetsgivaravgift",
  ratePercent: 0,
  bornUpTo: 1937,
  source: SOURCES.arbetsgivaravgifter2026,
  confirmed: true,
};

const holidayPay: Sourced<number> = {
  value: 12,
  source: SOURCES.semesterlagen,
  confirmed: false,
  note: "12 procent är semesterlagens procentregel; kollektivavtal kan ge mer. Den sparade källan beskriver regeln utan att vi kunde läsa siffran där.",
};

// ───────────── the sets ─────────────

const forms2026: ParameterSet["forms"] = {
  nystartsjobb: {
    label: "Nystartsjobb",
    purpose: "Ersättning när ni anställer någon som varit utan arbete länge eller är ny i Sverige.",
    ceiling: { value: 20_000, source: SOURCES.nystartsjobb, confirmed: true },
    maxSharePercent: {
      value: 72,
      source: SOURCES.nystartsjobbLevels,
      confirmed: false,
      note:
        "Arbetsförmedlingen räknar ersättningen som ett antal arbetsgivaravgifter (minst en) på lönen upp till taket. " +
        "Den högsta nivån, 72 procent av lönekostnaden, kommer från 2023.",
    },
    maxMonths: {
      value: 48,
      source: SOURCES.nystartsjobbLevels,
      confirmed: false,
      note: "Beslut gäller högst ett år i taget; hur länge beror på ålder och hur länge personen varit utan arbete (1–4 år, uppgift från 2023).",
    },
  },
  introduktionsjobb: {
    label: "Introduktionsjobb",
    purpose: "Ersättning när ni anställer någon som har svårt att få arbete, till exempel efter lång arbetslöshet.",
    ceiling: {
      value: 20_000,
      source: SOURCES.introduktionsjobbLevels,
      confirmed: false,
      note: "Taket 20 000 kr är uppgiften från 2019; Arbetsförmedlingens sida anger inget belopp.",
    },
    maxSharePercent: { value: 80, source: SOURCES.introduktionsjobbLevels, confirmed: false },
    maxMonths: { value: 24, source: SOURCES.introduktionsjobbLevels, confirmed: false },
  },
  lonestod_utveckling: {
    label: "Lönestöd för utveckling i anställning",
    purpose:
      "Stöd medan den anställda provar ett yrke eller utbildar sig, när en funktionsnedsättning påverkar arbetet.",
    ceiling: lonestodCeiling,
    maxSharePercent: shareDecidedByAf(SHARE_BY_WORK_CAPACITY),
    maxMonths: { value: 24, source: SOURCES.lonebidragDurations, confirmed: false },
  },
  lonestod_trygghet: {
    label: "Lönestöd för trygghet i anställning",
    purpose: "Långvarigt stöd så att den anställda kan behålla jobbet.",
    ceiling: lonestodCeiling,
    maxSharePercent: shareDecidedByAf(SHARE_BY_WORK_CAPACITY),
    maxMonths: {
      value: 48,
      source: SOURCES.lonebidragDurations,
      confirmed: false,
      note: "Beslutas för högst fyra år i taget och kan förlängas.",
    },
  },
  skyddat_offentligt: {
    label: "Lönestöd för skyddat arbete hos offentlig arbetsgivare",
    purpose: "Stöd till en offentlig arbetsgivare som anställer någon vars arbetsförmåga är mycket nedsatt.",
    ceiling: lonestodCeiling,
    maxSharePercent: shareDecidedByAf("Ingen fast högsta andel i källorna; Arbetsförmedlingen bestämmer."),
    maxMonths: {
      value: 48,
      source: SOURCES.sarskildaInsatser,
      confirmed: false,
      note: "Ingen längsta tid bekräftad i källorna; planera i perioder och fråga Arbetsförmedlingen.",
    },
  },
};

export const PARAMETER_SETS: readonly ParameterSet[] = [
  {
    validFrom: "2025-01-01",
    checkedOn: CHECKED_ON,
    standardContributionPercent: standardContribution,
    contributions: {
      standard: fullContribution,
      youth_reduced: {
        coachLabel: "Nedsatt avgift för unga (finns inte 2025: full avgift räknas)",
        employerLabel: "Full arbetsgivaravgift",
        ratePercent: STANDARD_RATE,
        source: SOURCES.youthReduction,
        confirmed: true,
      },
      pension_age: pensionAgeContribution(66),
      born_1937_or_earlier: noContribution,
    },
    holidayPayPercent: holidayPay,
    forms: forms2026,
  },
  {
    validFrom: "2026-01-01",
    checkedOn: CHECKED_ON,
    standardContributionPercent: standardContribution,
    contributions: {
      standard: fullContribution,
      youth_reduced: {
        coachLabel:
          "Nedsatt avgift 20,81 % för unga (fyllt 18 men inte 23 vid årets början) på lön upp till 25 000 kr, april 2026–september 2027",
        employerLabel: "Tillfälligt nedsatt arbetsgivaravgift",
        ratePercent: 20.81,
        ageAtYearStart: { min: 18, max: 22 },
        reducedUpTo: 25_000,
        window: { from: "2026-04", to: "2027-09" },
        source: SOURCES.youthReduction,
        confirmed: true,
      },
      pension_age: pensionAgeContribution(67),
      born_1937_or_earlier: noContribution,
    },
    holidayPayPercent: holidayPay,
    forms: forms2026,
  },
];

/** The earliest start date any set covers. */
export const EARLIEST_START = PARAMETER_SETS[0]!.validFrom;

/** The set for a start date (YYYY-MM-DD): the latest one valid from that day or earlier; null before the first. */
export function parameterSetFor(startDay: string): ParameterSet | null {
  let found: ParameterSet | null = null;
  for (const set of PARAMETER_SETS) if (set.validFrom <= startDay) found = set;
  return found;
}
