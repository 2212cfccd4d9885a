// The report's small rules: rounding, medians, change in %, Swedish calendar days, the filters'
// validation, statistics consent, milestones derived from events, retention JSON, phases by day.
import { describe, expect, test } from "vitest";
import { addMonthsToDay, dayNumberOf, dayOf, isoOfDay } from "~/domain/reports/days.ts";
import { defaultPeriod, filtersInput, filtersQuery, ReportFiltersSchema } from "~/domain/reports/filters.ts";
import {
  deriveMilestones,
  hasStatisticsConsent,
  parseRetention,
  phaseOnDay,
  reachedProfiling,
} from "~/domain/reports/milestones.ts";
import { changePercent, decimalComma, mean, median, percent, roundHalfAwayFromZero } from "~/domain/reports/numbers.ts";
import { dayKey } from "../../app/domain/swedish-time.ts";

describe("rounding", () => {
  test("half away from zero, from exact values, without binary noise", () => {
    expect(roundHalfAwayFromZero(12.5)).toBe(13);
    expect(roundHalfAwayFromZero(-12.5)).toBe(-13);
    expect(roundHalfAwayFromZero(12.49)).toBe(12);
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(14.25, 1)).toBe(14.3);
    expect(Object.is(roundHalfAwayFromZero(-0.4), 0)).toBe(true);
  });

  test("percentages to whole percent; nothing to divide by gives none", () => {
    expect(percent(1, 8)).toBe(13); // 12.5
    expect(percent(3, 7)).toBe(43); // 42.857…
    expect(percent(2, 3)).toBe(67);
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 5)).toBe(0);
    expect(percent(0, 0)).toBeNull();
  });

  test("change in percent of the count before", () => {
    expect(changePercent(8, 9)).toBe(13); // +12.5 %
    expect(changePercent(8, 7)).toBe(-13); // −12.5 %
    expect(changePercent(3, 1)).toBe(-67);
    expect(changePercent(2, 2)).toBe(0);
    expect(changePercent(0, 4)).toBeNull();
  });

  test("medians and means to one decimal", () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([42, 10, 19])).toBe(19);
    expect(median([10, 19, 42, 106])).toBe(30.5);
    expect(median([1, 2])).toBe(1.5);
    expect(mean([20, 30, 35])).toBe(28.3);
    expect(mean([])).toBeNull();
    expect(decimalComma(30.5)).toBe("30,5");
    expect(decimalComma(-3)).toBe("-3");
  });
});

describe("Swedish calendar days", () => {
  test("a moment belongs to its day in Swedish time", () => {
    // 23:30 UTC on 31 December is already 1 January in Sweden.
    expect(dayKey(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
    expect(dayKey(new Date("2025-06-30T21:59:00Z"))).toBe("2025-06-30"); // summer time, 23:59
    expect(dayOf(new Date("2025-01-10T10:00:00Z")) - dayOf(new Date("2025-01-01T10:00:00Z"))).toBe(9);
  });

  test("real calendar dates only; months are added like the calendar", () => {
    expect(dayNumberOf("2025-02-29")).toBeNull();
    expect(dayNumberOf("2024-02-29")).not.toBeNull();
    expect(dayNumberOf("2025-1-01")).toBeNull();
    expect(isoOfDay(addMonthsToDay(dayNumberOf("2025-08-31")!, 6))).toBe("2026-02-28");
    expect(isoOfDay(addMonthsToDay(dayNumberOf("2025-03-10")!, 3))).toBe("2025-06-10");
  });
});

describe("filters", () => {
  const parse = (input: Record<string, string>) =>
    ReportFiltersSchema.safeParse({
      from: "2025-01-01",
      to: "2025-12-31",
      municipalityCode: "",
      view: "exakt",
      mapScope: "lan",
      ...input,
    });
  const messages = (input: Record<string, string>) => {
    const result = parse(input);
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  test("a valid period with defaults", () => {
    expect(parse({}).data).toEqual({
      from: "2025-01-01",
      to: "2025-12-31",
      municipalityCode: null,
      view: "exact",
      mapScope: "county",
    });
    expect(parse({ municipalityCode: "0680", view: "finansiar", mapScope: "sverige" }).data).toMatchObject({
      municipalityCode: "0680",
      view: "funder",
      mapScope: "country",
    });
  });

  test("bad input gets a clear Swedish message on its field", () => {
    expect(messages({ from: "2025-13-01" })).toEqual([
      "from: Skriv periodens början som ÅÅÅÅ-MM-DD, till exempel 2026-01-31.",
    ]);
    expect(messages({ to: "" })).toEqual(["to: Fyll i periodens slut."]);
    expect(messages({ from: "2025-06-01", to: "2025-05-31" })).toEqual([
      "to: Periodens slut kan inte ligga före periodens början.",
    ]);
    expect(messages({ from: "1999-12-31" })).toEqual([
      "from: Periodens början ska ligga mellan 2000-01-01 och 2099-12-31.",
    ]);
    expect(messages({ municipalityCode: "Jönköping" })).toEqual([
      "municipalityCode: Välj en kommun i listan (kommunkod med fyra siffror).",
    ]);
    expect(messages({ view: "allt" })).toEqual(["view: Välj exakta tal eller finansiärens visning."]);
    expect(messages({ mapScope: "europa" })).toEqual(["mapScope: Välj länet eller hela Sverige för kartan."]);
  });

  test("query parameters: defaults for what is missing (this year so far), and back to a query", () => {
    expect(defaultPeriod("2026-03-15")).toEqual({ from: "2026-01-01", to: "2026-03-15" });
    expect(filtersInput(new URLSearchParams(""), "2026-03-15", "funder")).toEqual({
      from: "2026-01-01",
      to: "2026-03-15",
      municipalityCode: "",
      view: "finansiar",
      mapScope: "lan",
    });
    expect(
      filtersInput(
        new URLSearchParams("fran=2025-01-01&till=2025-06-30&kommun=0680&visning=exakt"),
        "2026-03-15",
        "funder",
      ),
    ).toMatchObject({
      from: "2025-01-01",
      to: "2025-06-30",
      municipalityCode: "0680",
      view: "exakt",
    });
    expect(filtersQuery({ from: "2025-01-01", to: "2025-06-30", municipalityCode: "0680", view: "funder" })).toBe(
      "fran=2025-01-01&till=2025-06-30&kommun=0680&visning=finansiar",
    );
  });
});

describe("statistics consent", () => {
  const c = (given: boolean, created: string, withdrawn?: string) => ({
    scope: "statistics",
    given,
    createdAt: new Date(created),
    withdrawnAt: withdrawn ? new Date(withdrawn) : null,
  });
  test("the latest statistics consent that is not withdrawn decides", () => {
    expect(hasStatisticsConsent([])).toBe(false);
    expect(hasStatisticsConsent([{ ...c(true, "2025-01-01"), scope: "brygga" }])).toBe(false);
    expect(hasStatisticsConsent([c(true, "2025-01-01")])).toBe(true);
    expect(hasStatisticsConsent([c(true, "2025-01-01", "2025-03-01")])).toBe(false);
    expect(hasStatisticsConsent([c(true, "2025-01-01", "2025-03-01"), c(false, "2025-03-01")])).toBe(false);
    expect(hasStatisticsConsent([c(false, "2025-01-01", "2025-03-01"), c(true, "2025-03-01")])).toBe(true);
  });
});

describe("milestones derived from events", () => {
  const at = (iso: string) => new Date(`${iso}T10:00:00Z`);
  const base = {
    enrolledAt: at("2025-01-10"),
    exitedAt: null,
    employerContactsAt: [],
    presentedAt: [],
    placements: [],
  };

  test("the earliest contact, presented proposal or placement; the first job is the employment", () => {
    const m = deriveMilestones({
      ...base,
      employerContactsAt: [at("2025-02-20")],
      presentedAt: [at("2025-02-01")],
      placements: [
        { startDate: at("2025-03-01"), endDate: null, kind: "practice", employmentSupport: null, hoursPerWeek: 10 },
        { startDate: at("2025-05-01"), endDate: null, kind: "job", employmentSupport: "kommunal", hoursPerWeek: 20 },
        { startDate: at("2025-09-01"), endDate: null, kind: "job", employmentSupport: "none", hoursPerWeek: 30 },
      ],
    });
    expect(m.firstEmployerContactAt).toEqual(at("2025-02-01"));
    expect(m.firstPlacementAt).toEqual(at("2025-03-01"));
    expect(m.firstEmploymentAt).toEqual(at("2025-05-01"));
    expect(m.employmentForm).toBe("kommunal");
    expect(m.competitive).toBe(false);
    expect(m.anyCompetitive).toBe(true); // the later job is on the open labour market
  });

  test("events after the day are ignored; the stored record fills in what events lack", () => {
    const events = {
      ...base,
      placements: [
        { startDate: at("2025-05-01"), endDate: null, kind: "job", employmentSupport: "lonestod", hoursPerWeek: 20 },
      ],
      stored: {
        firstEmployerContactAt: at("2025-01-20"),
        firstPlacementAt: null,
        firstEmploymentAt: null,
        employmentForm: null,
        competitive: null,
      },
    };
    const early = deriveMilestones(events, dayNumberOf("2025-04-30")!);
    expect(early.firstEmploymentAt).toBeNull();
    expect(early.firstEmployerContactAt).toEqual(at("2025-01-20"));
    const later = deriveMilestones(events, dayNumberOf("2025-05-01")!);
    expect(later.firstEmploymentAt).toEqual(at("2025-05-01"));
    expect(later).toMatchObject({ employmentForm: "lonestod", competitive: true });
    // A placement without any logged contact still means the coach met the employer.
    expect(deriveMilestones({ ...base, placements: events.placements }).firstEmployerContactAt).toEqual(
      at("2025-05-01"),
    );
    // Migrated data: employment only in the stored record.
    const stored = deriveMilestones({
      ...base,
      stored: {
        firstEmployerContactAt: null,
        firstPlacementAt: null,
        firstEmploymentAt: at("2025-06-01"),
        employmentForm: "osa",
        competitive: null,
      },
    });
    expect(stored).toMatchObject({
      firstEmploymentAt: at("2025-06-01"),
      firstPlacementAt: at("2025-06-01"),
      employmentForm: "osa",
      competitive: false,
    });
  });

  test("retention checks: cleaned, one per checkpoint, the latest wins", () => {
    expect(parseRetention("nonsense")).toEqual([]);
    expect(
      parseRetention([
        { months: 6, employed: true, hours: 20, checkedAt: "2025-09-01T10:00:00Z" },
        { months: 3, employed: false, hours: null, checkedAt: "2025-06-01T10:00:00Z" },
        { months: 3, employed: true, hours: 25, checkedAt: "2025-06-05T10:00:00Z" },
        { months: 9, employed: true, hours: 25, checkedAt: "2025-06-05T10:00:00Z" },
        { months: 12, employed: true, hours: 25, checkedAt: "not a date" },
      ]),
    ).toEqual([
      { months: 3, employed: true, hours: 25, checkedAt: "2025-06-05T10:00:00Z" },
      { months: 6, employed: true, hours: 20, checkedAt: "2025-09-01T10:00:00Z" },
    ]);
  });

  test("the phase on a day, from the phase history", () => {
    const p = {
      phase: "exited",
      phaseChangedAt: at("2025-08-01"),
      enrolledAt: at("2025-01-10"),
      exitedAt: at("2025-08-01"),
      phaseChanges: [
        { toPhase: "profiling", at: at("2025-01-20") },
        { toPhase: "employed_support", at: at("2025-05-01") },
        { toPhase: "exited", at: at("2025-08-01") },
      ],
    };
    expect(phaseOnDay(p, dayNumberOf("2025-01-05")!)).toBeNull();
    expect(phaseOnDay(p, dayNumberOf("2025-01-15")!)).toBe("enrolled");
    expect(phaseOnDay(p, dayNumberOf("2025-06-30")!)).toBe("employed_support");
    expect(phaseOnDay(p, dayNumberOf("2025-08-01")!)).toBe("exited");
    expect(reachedProfiling(p, dayNumberOf("2025-01-19")!)).toBe(false);
    expect(reachedProfiling(p, dayNumberOf("2025-01-20")!)).toBe(true);
  });
});
