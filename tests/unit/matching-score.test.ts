// Example-based tests for the matcher: every hard rule, every criterion and its Swedish reason text.
import { describe, expect, test } from "vitest";
import {
  assertValidWeights,
  checkHardFilters,
  DEFAULT_WEIGHTS,
  evaluateMatch,
  hoursOverlapShare,
  interestFit,
  interestText,
  kindsForGoals,
  rankMatches,
  scoreMatch,
  totalWeight,
  type HardFailureCode,
  type MatchOpening,
  type MatchParticipant,
  type Reason,
} from "~/domain/matching/index.ts";
import { criterionPoints, largestRemainder } from "~/domain/matching/score.ts";
import { JONKOPING, makeOpening, makeParticipant, northOf, OCC, unitGraph } from "../fixtures/match-eval/factories.ts";
import { first, at as nth } from "~/domain/arrays.ts";

const graph = unitGraph();
const now = new Date("2025-03-01T10:00:00Z");

function reason(
  opening: MatchOpening,
  participant: MatchParticipant,
  criterion: Reason["criterion"],
  textRelevance?: number,
) {
  const r = scoreMatch(opening, participant, { graph, textRelevance }).reasons.find((x) => x.criterion === criterion);
  if (!r) throw new Error(`no reason for ${criterion}`);
  return r;
}

function failureCodes(opening: MatchOpening, participant: MatchParticipant): HardFailureCode[] {
  const result = checkHardFilters(opening, participant, { now, graph });
  return result.ok ? [] : result.failures.map((f) => f.code);
}

const exclusions = (e: Partial<MatchParticipant["exclusions"]>): MatchParticipant["exclusions"] => ({
  occupationIds: [],
  groupCodes: [],
  environment: [],
  schedule: [],
  ...e,
});

describe("weights", () => {
  test("the default weights add up to 100, in the order of the matching rules (docs/product-rules.md#matching)", () => {
    expect(totalWeight(DEFAULT_WEIGHTS)).toBe(100);
    expect(DEFAULT_WEIGHTS).toEqual({
      interest: 35,
      text: 15,
      environment: 15,
      accommodations: 10,
      distance: 10,
      hours: 5,
      employment: 5,
      supervisor: 5,
    });
  });

  test("a weight set that cannot score is refused", () => {
    expect(() => assertValidWeights({ ...DEFAULT_WEIGHTS, distance: -1 })).toThrow(/distance/);
    expect(() => assertValidWeights({ ...DEFAULT_WEIGHTS, text: Number.NaN })).toThrow();
    const zero = Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((k) => [k, 0])) as typeof DEFAULT_WEIGHTS;
    expect(() => assertValidWeights(zero)).toThrow(/större än 0/);
  });

  test("tuned weights change the score and are normalised to 100", () => {
    const opening = makeOpening();
    const participant = makeParticipant({ interests: { occupationIds: [], groupCodes: [] } });
    const onlyInterest = {
      ...Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((k) => [k, 0])),
      interest: 1,
    } as typeof DEFAULT_WEIGHTS;
    const result = scoreMatch(opening, participant, { graph, weights: onlyInterest, textRelevance: 1 });
    expect(result.score).toBe(0);
    expect(result.reasons).toEqual([{ criterion: "interest", points: 0, max: 100, text: expect.any(String) }]);
    const onlyText = { ...onlyInterest, interest: 0, text: 1 } as typeof DEFAULT_WEIGHTS;
    expect(scoreMatch(opening, participant, { graph, weights: onlyText })).toEqual({
      score: 0,
      reasons: [],
      distanceKm: 0,
    });
    const doubled = Object.fromEntries(
      Object.entries(DEFAULT_WEIGHTS).map(([k, w]) => [k, w * 2]),
    ) as typeof DEFAULT_WEIGHTS;
    const p = makeParticipant();
    expect(scoreMatch(opening, p, { graph, weights: doubled, textRelevance: 0.5 }).score).toBe(
      scoreMatch(opening, p, { graph, textRelevance: 0.5 }).score,
    );
  });
});

describe("interestFit", () => {
  const interests = (occupationIds: string[], groupCodes: string[] = []) => ({ occupationIds, groupCodes });

  test("same occupation is 1.0", () => {
    const fit = interestFit(OCC.lagerarbetare, interests([OCC.lagerarbetare]), graph);
    expect(fit.fit).toBe(1);
    expect(interestText(fit, "Lagerarbetare/Terminalarbetare")).toBe(
      "Matchar intresse: Lagerarbetare/Terminalarbetare",
    );
  });

  test("a substitutable occupation counts by its JobTech percentage, the stronger direction", () => {
    // Lagerarbetare → Lagerplanerare 75 %, Lagerplanerare → Lagerarbetare 25 %: 0.75 both ways.
    const a = interestFit(OCC.lagerplanerare, interests([OCC.lagerarbetare]), graph);
    const b = interestFit(OCC.lagerarbetare, interests([OCC.lagerplanerare]), graph);
    expect(a.fit).toBe(0.75);
    expect(b.fit).toBe(0.75);
    expect(interestText(a, "Lagerplanerare")).toBe(
      "Liknande yrke: Lagerplanerare (liknar Lagerarbetare/Terminalarbetare, 75 % överförbart)",
    );
    // Städare ↔ Sjukhusstädare 75 % beats the same SSYK-4 group (0.6).
    expect(interestFit(OCC.sjukhusstadare, interests([OCC.stadare]), graph).fit).toBe(0.75);
    // Lagerarbetare → Truckförare 25 %, listed one way only: found from either side.
    const truck = interestFit(OCC.lagerarbetare, interests([OCC.truckforare]), graph);
    expect(truck.fit).toBe(0.25);
    expect(truck.match).toMatchObject({ kind: "substitute", percentage: 25 });
  });

  test("the same SSYK-4 group is 0.6 when it beats a weaker substitution", () => {
    const fit = interestFit(OCC.godsmottagare, interests([OCC.lagerarbetare]), graph); // 25 % vs 0.6
    expect(fit.fit).toBe(0.6);
    expect(interestText(fit, "Godsmottagare")).toBe(
      "Samma yrkesgrupp som intresset Lagerarbetare/Terminalarbetare: Lager- och terminalpersonal",
    );
  });

  test("SSYK-3, SSYK-2 and SSYK-1 give 0.45, 0.3 and 0.1", () => {
    expect(interestFit(OCC.kafebitrade, interests([OCC.koksbitrade]), graph).fit).toBe(0.45); // 9413 vs 9412
    const two = interestFit(OCC.arkivassistent, interests([OCC.postterminal]), graph); // 4410 vs 4420
    expect(two.fit).toBe(0.3);
    expect(interestText(two, "Arkivassistent")).toBe(
      "Samma yrkesområde som intresset Postterminalarbetare: Andra kontors- och kundserviceyrken",
    );
    const one = interestFit(OCC.postterminal, interests([OCC.lagerarbetare]), graph); // 4420 vs 4322
    expect(one.fit).toBe(0.1);
    // A shared SSYK major group is a weak link, and the text says so (not "Samma yrkesområde").
    expect(interestText(one, "Postterminalarbetare")).toBe(
      "Svag koppling till intresset Lagerarbetare/Terminalarbetare: bara samma breda yrkeskategori (Yrken inom administration och kundtjänst)",
    );
    const three = interestFit(OCC.kafebitrade, interests([OCC.koksbitrade]), graph);
    expect(interestText(three, "Kafébiträde/Konditoribiträde")).toMatch(
      /^Närliggande yrkesgrupp till intresset Köksbiträde: båda inom /,
    );
    expect(interestFit(OCC.stadare, interests([OCC.lagerarbetare]), graph)).toEqual({ fit: 0, match: null });
  });

  test("an interest given as an SSYK group counts at the level of that group", () => {
    const g4 = interestFit(OCC.stadare, interests([], ["9111"]), graph);
    expect(g4.fit).toBe(0.6);
    expect(interestText(g4, "Städare")).toBe("Inom intresset Städare: Städare");
    expect(interestFit(OCC.diskare, interests([], ["94"]), graph).fit).toBe(0.3);
    expect(interestFit(OCC.diskare, interests([], ["941"]), graph).fit).toBe(0.45);
    expect(interestFit(OCC.diskare, interests([], ["9"]), graph).fit).toBe(0.1);
    expect(interestFit(OCC.diskare, interests([], ["91"]), graph).fit).toBe(0);
    expect(interestFit(OCC.diskare, interests([], ["not-a-code"]), graph).fit).toBe(0);
  });

  test("the best of several interests wins", () => {
    const fit = interestFit(OCC.diskare, interests([OCC.lagerarbetare, OCC.koksbitrade], ["94"]), graph);
    expect(fit.fit).toBe(0.6); // Köksbiträde and Diskare share 9412 (their 25 % relation is weaker)
  });

  test("no interests: 0 and a sentence saying so", () => {
    const fit = interestFit(OCC.diskare, interests([]), graph);
    expect(fit).toEqual({ fit: 0, match: null });
    expect(interestText(fit, "Diskare")).toBe("Yrket Diskare finns inte bland intressena");
  });
});

describe("checkHardFilters", () => {
  test("a good pair passes", () => {
    expect(checkHardFilters(makeOpening(), makeParticipant(), { now })).toEqual({ ok: true });
  });

  test("the opening must be published, not past its end date, with places left", () => {
    const draft = checkHardFilters(makeOpening({ status: "draft" }), makeParticipant(), { now });
    expect(draft).toEqual({
      ok: false,
      failures: [{ code: "not_published", text: "Annonsen är inte publicerad (utkast)." }],
    });
    expect(failureCodes(makeOpening({ endDate: new Date("2025-02-28T00:00:00Z") }), makeParticipant())).toEqual([
      "ended",
    ]);
    // The end date counts through its whole day.
    expect(failureCodes(makeOpening({ endDate: new Date("2025-03-01T00:00:00Z") }), makeParticipant())).toEqual([]);
    const full = checkHardFilters(makeOpening({ placesLeft: 0 }), makeParticipant(), { now });
    expect(full).toEqual({
      ok: false,
      failures: [{ code: "no_places_left", text: "Alla platser är redan tillsatta." }],
    });
  });

  test("the kind must serve one of the participant's goals", () => {
    expect([...kindsForGoals(["work"])].sort()).toEqual(["job", "task", "visit"]);
    expect([...kindsForGoals(["practice"])].sort()).toEqual(["practice", "task", "visit", "work_trial"]);
    expect([...kindsForGoals(["studies"])]).toEqual(["visit"]);
    expect(kindsForGoals([]).size).toBe(5);
    const r = checkHardFilters(makeOpening({ kind: "practice" }), makeParticipant({ goals: ["work"] }), { now });
    expect(r).toEqual({
      ok: false,
      failures: [{ code: "kind_not_in_goals", text: "Praktikplats passar inte deltagarens mål (arbete)." }],
    });
    expect(failureCodes(makeOpening({ kind: "practice" }), makeParticipant({ goals: ["work", "practice"] }))).toEqual(
      [],
    );
    expect(failureCodes(makeOpening({ kind: "visit" }), makeParticipant({ goals: ["studies"] }))).toEqual([]);
    expect(failureCodes(makeOpening({ kind: "job" }), makeParticipant({ goals: ["studies"] }))).toEqual([
      "kind_not_in_goals",
    ]);
  });

  test("distance must be within the max commute; an unknown distance fails when there is a limit", () => {
    const far = makeOpening({ location: northOf(JONKOPING, 25) });
    const r = checkHardFilters(far, makeParticipant({ preferences: { maxCommuteKm: 15 } }), { now });
    expect(r).toEqual({
      ok: false,
      failures: [{ code: "too_far", text: "25 km hemifrån – längre än deltagarens gräns på 15 km." }],
    });
    expect(failureCodes(far, makeParticipant({ preferences: { maxCommuteKm: 30 } }))).toEqual([]);
    expect(failureCodes(far, makeParticipant())).toEqual([]); // no limit stated
    expect(failureCodes(far, makeParticipant({ home: null, preferences: { maxCommuteKm: 30 } }))).toEqual([
      "distance_unknown",
    ]);
    expect(failureCodes(far, makeParticipant({ home: null }))).toEqual([]);
  });

  test("the hours ranges must overlap", () => {
    const r = checkHardFilters(
      makeOpening({ hoursMin: 30, hoursMax: 40 }),
      makeParticipant({ preferences: { hoursMin: 10, hoursMax: 20 } }),
      { now },
    );
    expect(r).toEqual({
      ok: false,
      failures: [
        {
          code: "hours_do_not_overlap",
          text: "Arbetstiden 30–40 timmar i veckan passar inte deltagarens 10–20 timmar i veckan.",
        },
      ],
    });
    expect(
      failureCodes(
        makeOpening({ hoursMin: 20, hoursMax: 40 }),
        makeParticipant({ preferences: { hoursMin: 10, hoursMax: 20 } }),
      ),
    ).toEqual([]);
    expect(
      failureCodes(makeOpening({ hoursMin: 30, hoursMax: 40 }), makeParticipant({ preferences: { hoursMax: 25 } })),
    ).toEqual(["hours_do_not_overlap"]);
    // A study visit lasts a few hours, not hours per week.
    expect(
      failureCodes(
        makeOpening({ kind: "visit", hoursMin: 3, hoursMax: 3 }),
        makeParticipant({ preferences: { hoursMin: 20, hoursMax: 30 } }),
      ),
    ).toEqual([]);
  });

  test("an excluded occupation or SSYK group at any level is never matched", () => {
    const r = checkHardFilters(
      makeOpening(),
      makeParticipant({ exclusions: exclusions({ occupationIds: [OCC.lagerarbetare] }) }),
      { now },
    );
    expect(r).toEqual({
      ok: false,
      failures: [
        {
          code: "excluded_occupation",
          text: "Yrket Lagerarbetare/Terminalarbetare är något deltagaren aldrig vill arbeta med.",
        },
      ],
    });
    for (const code of ["4", "43", "432", "4322"]) {
      expect(failureCodes(makeOpening(), makeParticipant({ exclusions: exclusions({ groupCodes: [code] }) }))).toEqual([
        "excluded_group",
      ]);
    }
    expect(
      failureCodes(makeOpening(), makeParticipant({ exclusions: exclusions({ groupCodes: ["44", "9"] }) })),
    ).toEqual([]);
    const g = checkHardFilters(makeOpening(), makeParticipant({ exclusions: exclusions({ groupCodes: ["43"] }) }), {
      now,
      graph,
    });
    expect(g.ok === false && first(g.failures).text).toBe(
      "Yrket Lagerarbetare/Terminalarbetare hör till yrkesgruppen Yrken inom materialförvaltning m.m. (SSYK 43), som deltagaren aldrig vill arbeta inom.",
    );
  });

  test("an excluded environment value present fails; one the employer did not describe does not", () => {
    const opening = makeOpening({
      environment: { physicalLoad: "heavy", customerContact: "much", setting: "both", instructions: ["verbal"] },
    });
    const participant = makeParticipant({
      exclusions: exclusions({
        environment: [
          "physicalLoad:heavy",
          "customerContact:much",
          "setting:outdoor",
          "instructions:verbal",
          "noise:noisy",
        ],
      }),
    });
    const r = checkHardFilters(opening, participant, { now });
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.failures.map((f) => f.text)).toEqual([
      "Fysisk belastning: tungt fysiskt – något deltagaren aldrig vill ha.",
      "Kundkontakt: mycket kundkontakt – något deltagaren aldrig vill ha.",
      "Inne eller ute: utomhus – något deltagaren aldrig vill ha.",
      "Instruktioner: muntliga instruktioner – något deltagaren aldrig vill ha.",
    ]);
    expect(failureCodes(makeOpening({ environment: { physicalLoad: "medium" } }), participant)).toEqual([]);
  });

  test("an excluded schedule time present fails", () => {
    const opening = makeOpening({ schedule: { times: ["evening", "night"], startFlexible: false } });
    const r = checkHardFilters(
      opening,
      makeParticipant({ exclusions: exclusions({ schedule: ["night", "weekend"] }) }),
      { now },
    );
    expect(r).toEqual({
      ok: false,
      failures: [
        { code: "excluded_schedule", text: "Arbetstiden omfattar natt – något deltagaren aldrig vill arbeta." },
      ],
    });
  });

  test("every must accommodation must be offered; related opening fields count as offers", () => {
    const participant = makeParticipant({
      needs: [
        { code: "hearing_protection", must: true },
        { code: "written_instructions", must: true },
        { code: "fixed_supervisor", must: true },
        { code: "flexible_start", must: true },
        { code: "extra_breaks", must: false },
      ],
    });
    const r = checkHardFilters(makeOpening(), participant, { now });
    expect(r.ok === false && r.failures.map((f) => f.text)).toEqual([
      "Erbjuder inte hörselskydd, som deltagaren måste ha.",
      "Erbjuder inte skriftliga instruktioner eller checklistor, som deltagaren måste ha.",
      "Erbjuder inte en fast handledare, som deltagaren måste ha.",
      "Erbjuder inte flexibel starttid, som deltagaren måste ha.",
    ]);
    const offering = makeOpening({
      accommodationsOffered: ["hearing_protection"],
      environment: { instructions: ["written"] },
      supervisorFixed: true,
      schedule: { times: ["day"], startFlexible: true },
    });
    expect(checkHardFilters(offering, participant, { now })).toEqual({ ok: true });
  });

  test("all failures are returned, not just the first", () => {
    const opening = makeOpening({
      status: "closed",
      placesLeft: 0,
      kind: "practice",
      hoursMin: 35,
      hoursMax: 40,
      location: northOf(JONKOPING, 50),
      schedule: { times: ["night"], startFlexible: false },
      environment: { physicalLoad: "heavy" },
    });
    const participant = makeParticipant({
      goals: ["work"],
      preferences: { maxCommuteKm: 10, hoursMin: 10, hoursMax: 20 },
      needs: [{ code: "quiet_workspace", must: true }],
      exclusions: exclusions({
        occupationIds: [OCC.lagerarbetare],
        groupCodes: ["43"],
        environment: ["physicalLoad:heavy"],
        schedule: ["night"],
      }),
    });
    expect(failureCodes(opening, participant)).toEqual([
      "not_published",
      "no_places_left",
      "kind_not_in_goals",
      "too_far",
      "hours_do_not_overlap",
      "excluded_occupation",
      "excluded_group",
      "excluded_environment",
      "excluded_schedule",
      "must_accommodation_missing",
    ]);
  });
});

describe("scoreMatch: criteria and reason texts", () => {
  test("interest reason", () => {
    expect(reason(makeOpening(), makeParticipant(), "interest", 1)).toEqual({
      criterion: "interest",
      points: 35,
      max: 35,
      text: "Matchar intresse: Lagerarbetare/Terminalarbetare",
    });
    const truck = makeOpening({ occupationId: OCC.truckforare, occupationLabel: "Truckförare", ssyk4Code: "8344" });
    expect(reason(truck, makeParticipant(), "interest", 0)).toMatchObject({
      points: 9, // 0.25 × 35 = 8.75
      text: "Liknande yrke: Truckförare (liknar Lagerarbetare/Terminalarbetare, 25 % överförbart)",
    });
  });

  test("text relevance reason, and the criterion is left out (others scaled to 100) without it", () => {
    expect(reason(makeOpening(), makeParticipant(), "text", 0.8)).toEqual({
      criterion: "text",
      points: 12,
      max: 15,
      text: "Annonstexten nämner ett yrke deltagaren är intresserad av (80 % av bästa träffen)",
    });
    expect(reason(makeOpening(), makeParticipant(), "text", 1).text).toBe(
      "Annonstexten nämner ett yrke deltagaren är intresserad av (bästa träffen)",
    );
    expect(reason(makeOpening(), makeParticipant(), "text", 0).text).toBe(
      "Annonstexten nämner inget av yrkena deltagaren är intresserad av",
    );
    const without = scoreMatch(makeOpening(), makeParticipant(), { graph });
    expect(without.reasons.map((r) => r.criterion)).not.toContain("text");
    expect(without.reasons.reduce((s, r) => s + r.max, 0)).toBe(100);
    expect(without.reasons.find((r) => r.criterion === "interest")!.max).toBe(41); // 35 / 85 × 100
  });

  test("environment: share of stated preferences met, neighbours count half", () => {
    const participant = makeParticipant({
      environmentPrefs: { pace: "calm", noise: "quiet", teamSize: "small", setting: "indoor" },
    });
    const all = makeOpening({ environment: { pace: "calm", noise: "quiet", teamSize: "small", setting: "indoor" } });
    expect(reason(all, participant, "environment")).toMatchObject({
      max: 17, // no text relevance: 15 / 85 × 100 = 17.6, rounded so the maxima add up to 100
      points: 17,
      text: "Passar önskemål: lugnt tempo, tyst, liten arbetsgrupp och inomhus",
    });
    const mixed = makeOpening({ environment: { pace: "varied", noise: "noisy", setting: "both" } });
    const r = scoreMatch(mixed, participant, { graph, textRelevance: 1 }).reasons.find(
      (x) => x.criterion === "environment",
    )!;
    // pace neighbour 0.5, noise 0, team size unknown 0, setting both 0.5 → 1/4 × 15 = 3.75
    expect(r.points).toBe(4);
    expect(r.text).toBe(
      "Passar delvis: varierat tempo (önskar lugnt tempo) och både inne och ute (önskar inomhus); inte: bullrigt (önskar tyst) och arbetsgruppens storlek okänt",
    );
  });

  test("environment: instructions offered matching needs", () => {
    const participant = makeParticipant({ needs: [{ code: "written_instructions", must: false }] });
    const written = makeOpening({ environment: { instructions: ["written", "shown"] } });
    expect(reason(written, participant, "environment", 1)).toEqual({
      criterion: "environment",
      points: 15,
      max: 15,
      text: "Erbjuder skriftliga instruktioner – ett behov",
    });
    // A checklist offered as an accommodation is written instructions too.
    expect(
      reason(makeOpening({ accommodationsOffered: ["written_instructions"] }), participant, "environment", 1).points,
    ).toBe(15);
    const none = reason(makeOpening({ environment: { instructions: ["verbal"] } }), participant, "environment", 1);
    expect(none).toMatchObject({ points: 0, text: "Passar inte: skriftliga instruktioner saknas – ett behov" });
    const prefs = makeParticipant({ environmentPrefs: { instructions: ["shown", "verbal"] } });
    expect(reason(written, prefs, "environment", 1)).toMatchObject({
      points: 8, // 7.5
      text: "Passar önskemål: visar hur man gör; inte: muntliga instruktioner saknas",
    });
    expect(reason(makeOpening(), makeParticipant(), "environment", 1)).toMatchObject({
      points: 15,
      text: "Inga särskilda önskemål om arbetsmiljön",
    });
  });

  test("accommodations: share of nice needs offered; musts are mentioned", () => {
    const participant = makeParticipant({
      needs: [
        { code: "extra_breaks", must: false },
        { code: "quiet_workspace", must: false },
        { code: "hearing_protection", must: true },
      ],
    });
    const one = makeOpening({ accommodationsOffered: ["extra_breaks", "hearing_protection"] });
    expect(reason(one, participant, "accommodations", 1)).toEqual({
      criterion: "accommodations",
      points: 5,
      max: 10,
      text: "Erbjuder extra pauser – ett behov; saknar lugn eller avskärmad arbetsplats; har det som krävs (hörselskydd)",
    });
    const both = makeOpening({ accommodationsOffered: ["extra_breaks", "quiet_workspace"] });
    expect(reason(both, participant, "accommodations", 1)).toMatchObject({
      points: 10,
      text: "Erbjuder extra pauser och lugn eller avskärmad arbetsplats – behov deltagaren har",
    });
    expect(reason(makeOpening(), participant, "accommodations", 1)).toMatchObject({
      points: 0,
      text: "Erbjuder inget av det deltagaren önskar (extra pauser och lugn eller avskärmad arbetsplats)",
    });
    expect(reason(makeOpening(), makeParticipant(), "accommodations", 1)).toMatchObject({
      points: 10,
      text: "Inga fler önskemål om anpassningar",
    });
    // A fixed supervisor and a flexible start on the opening count as those accommodations.
    const p2 = makeParticipant({
      needs: [
        { code: "fixed_supervisor", must: false },
        { code: "flexible_start", must: false },
      ],
    });
    const o2 = makeOpening({ supervisorFixed: true, schedule: { times: ["day"], startFlexible: true } });
    expect(reason(o2, p2, "accommodations", 1).points).toBe(10);
  });

  test("distance decays linearly to 0 at the max commute", () => {
    const p = makeParticipant({ preferences: { maxCommuteKm: 24 } });
    const at = (km: number) => reason(makeOpening({ location: northOf(JONKOPING, km) }), p, "distance", 1);
    expect(at(0)).toEqual({ criterion: "distance", points: 10, max: 10, text: "Mindre än 1 km hemifrån" });
    expect(at(12)).toMatchObject({ points: 5, text: "12 km hemifrån" });
    expect(at(2.4)).toMatchObject({ points: 9, text: "2,4 km hemifrån" });
    expect(at(24).points).toBe(0);
    // Without a stated limit it decays over 30 km (no hard filter).
    expect(reason(makeOpening({ location: northOf(JONKOPING, 15) }), makeParticipant(), "distance", 1).points).toBe(5);
    expect(reason(makeOpening({ location: northOf(JONKOPING, 45) }), makeParticipant(), "distance", 1).points).toBe(0);
    expect(reason(makeOpening({ location: null }), makeParticipant(), "distance", 1)).toMatchObject({
      points: 0,
      text: "Avståndet är okänt",
    });
  });

  test("hours: ranges that only touch meet at one number of hours, earn nothing and are not called 'delvis'", () => {
    const p = makeParticipant({ preferences: { hoursMin: 20, hoursMax: 30 } });
    const touching = reason(makeOpening({ hoursMin: 30, hoursMax: 40 }), p, "hours", 1);
    expect(touching).toMatchObject({
      points: 0,
      text: "Arbetstiden möts bara vid 30 timmar i veckan: 30–40 timmar i veckan (önskar 20–30)",
    });
    expect(touching.text).not.toContain("delvis");
    const below = reason(makeOpening({ hoursMin: 10, hoursMax: 20 }), p, "hours", 1);
    expect(below.text).toBe("Arbetstiden möts bara vid 20 timmar i veckan: 10–20 timmar i veckan (önskar 20–30)");
  });

  test("hours: overlap relative to the shorter range, and preferred schedule times", () => {
    expect(hoursOverlapShare({ min: 10, max: 40 }, { min: 10, max: 15 })).toBe(1);
    expect(hoursOverlapShare({ min: 15, max: 40 }, { min: 10, max: 20 })).toBe(0.5);
    expect(hoursOverlapShare({ min: 20, max: 20 }, { min: 10, max: 30 })).toBe(1);
    expect(hoursOverlapShare({ min: 30, max: 40 }, { min: 10, max: 20 })).toBe(0);
    const p = makeParticipant({ preferences: { hoursMin: 10, hoursMax: 20, schedule: ["day"] } });
    expect(reason(makeOpening({ hoursMin: 10, hoursMax: 15 }), p, "hours", 1)).toEqual({
      criterion: "hours",
      points: 5,
      max: 5,
      text: "Arbetstiden passar: 10–15 timmar i veckan; dagtid som önskat",
    });
    const evening = makeOpening({
      hoursMin: 15,
      hoursMax: 40,
      schedule: { times: ["day", "evening"], startFlexible: false },
    });
    expect(reason(evening, p, "hours", 1)).toMatchObject({
      points: 3, // mean of 0.5 and 0.5 → 2.5
      text: "Arbetstiden passar delvis: 15–40 timmar i veckan (önskar 10–20); dagtid som önskat; kväll är inte önskad tid",
    });
    expect(reason(makeOpening(), makeParticipant(), "hours", 1)).toMatchObject({
      points: 5,
      text: "Arbetstid: 20–30 timmar i veckan",
    });
    const flex = makeParticipant({ preferences: { hoursMin: 20, hoursMax: 30, startFlexible: true } });
    expect(reason(makeOpening(), flex, "hours", 1)).toMatchObject({
      points: 3,
      text: "Arbetstiden passar: 20–30 timmar i veckan; fast starttid",
    });
    expect(reason(makeOpening({ schedule: { times: ["day"], startFlexible: true } }), flex, "hours", 1)).toMatchObject({
      points: 5,
      text: "Arbetstiden passar: 20–30 timmar i veckan; flexibel starttid som önskat",
    });
    expect(reason(makeOpening({ kind: "visit", hoursMin: 3, hoursMax: 3 }), p, "hours", 1)).toMatchObject({
      points: 5,
      text: "Studiebesök – ingen fast arbetstid per vecka",
    });
  });

  test("employment: competitive job full, leads to employment partly", () => {
    const text = (o: Partial<MatchOpening>) => reason(makeOpening(o), makeParticipant({ goals: [] }), "employment", 1);
    expect(text({})).toEqual({
      criterion: "employment",
      points: 5,
      max: 5,
      text: "Anställning på den öppna arbetsmarknaden",
    });
    expect(text({ employmentSupport: "lonestod" })).toMatchObject({
      points: 5,
      text: "Anställning på den öppna arbetsmarknaden (lönestöd)",
    });
    expect(text({ employmentSupport: "osa", competitive: false, leadsToEmployment: "maybe" })).toMatchObject({
      points: 2,
      text: "Offentligt skyddat arbete (OSA) – kan kanske leda till anställning",
    });
    expect(text({ kind: "practice", employmentSupport: null, leadsToEmployment: "yes" })).toMatchObject({
      points: 3,
      text: "Kan leda till anställning",
    });
    expect(text({ kind: "visit", employmentSupport: null, leadsToEmployment: "no" })).toMatchObject({
      points: 0,
      text: "Leder inte till anställning",
    });
  });

  test("supervisor: a fixed named supervisor counts most", () => {
    const r = (o: Partial<MatchOpening>) => reason(makeOpening(o), makeParticipant(), "supervisor", 1);
    expect(r({ supervisorName: "Anna", supervisorFixed: true })).toEqual({
      criterion: "supervisor",
      points: 5,
      max: 5,
      text: "Fast handledare: Anna",
    });
    expect(r({ supervisorName: " Anna ", supervisorFixed: false })).toMatchObject({
      points: 3,
      text: "Handledare: Anna",
    });
    expect(r({ supervisorName: null, supervisorFixed: true })).toMatchObject({
      points: 3,
      text: "Fast handledare (namnet är inte angivet än)",
    });
    expect(r({ supervisorName: "  ", supervisorFixed: false })).toMatchObject({
      points: 0,
      text: "Ingen handledare angiven",
    });
  });
});

describe("scoreMatch: totals", () => {
  const perfect = () => ({
    opening: makeOpening({
      environment: { pace: "calm", instructions: ["written"] },
      accommodationsOffered: ["extra_breaks"],
      supervisorName: "Anna",
      supervisorFixed: true,
    }),
    participant: makeParticipant({
      preferences: { hoursMin: 20, hoursMax: 30, maxCommuteKm: 10 },
      environmentPrefs: { pace: "calm" },
      needs: [
        { code: "written_instructions", must: true },
        { code: "extra_breaks", must: false },
      ],
    }),
  });

  test("a perfect pair scores 100, and the reasons add up to the score", () => {
    const { opening, participant } = perfect();
    const result = scoreMatch(opening, participant, { graph, textRelevance: 1 });
    expect(result.score).toBe(100);
    expect(result.distanceKm).toBe(0);
    expect(result.reasons.map((r) => [r.criterion, r.points, r.max])).toEqual([
      ["interest", 35, 35],
      ["text", 15, 15],
      ["environment", 15, 15],
      ["accommodations", 10, 10],
      ["distance", 10, 10],
      ["hours", 5, 5],
      ["employment", 5, 5],
      ["supervisor", 5, 5],
    ]);
  });

  test("a poor pair scores low, as an integer within 0..100, with parts adding up", () => {
    const opening = makeOpening({
      kind: "visit",
      leadsToEmployment: "no",
      occupationId: OCC.stadare,
      occupationLabel: "Städare",
      ssyk4Code: "9111",
      location: null,
    });
    const participant = makeParticipant({
      environmentPrefs: { pace: "calm" },
      needs: [{ code: "extra_breaks", must: false }],
    });
    const result = scoreMatch(opening, participant, { graph, textRelevance: 0 });
    expect(result.score).toBe(5); // hours 5 (no wish stated), everything else 0
    expect(result.reasons.reduce((s, r) => s + r.points, 0)).toBe(result.score);
  });

  test("equal facts earn equal points, whatever the other criteria round to", () => {
    // The same hours fact (fit 0.5 of 5 = 2.5) on openings whose other criteria have every kind of
    // remainder: always 3 points, and the score is the sum of the points shown.
    const participant = makeParticipant({ preferences: { hoursMin: 10, hoursMax: 20, maxCommuteKm: 30 } });
    const seen = new Set<number>();
    for (let km = 0; km < 30; km += 0.7) {
      const opening = makeOpening({ hoursMin: 15, hoursMax: 40, location: northOf(JONKOPING, km) });
      for (const relevance of [0.13, 0.5, 0.77]) {
        const result = scoreMatch(opening, participant, { graph, textRelevance: relevance });
        seen.add(result.reasons.find((r) => r.criterion === "hours")!.points);
        expect(result.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(result.score);
      }
    }
    expect([...seen]).toEqual([3]);
    expect(criterionPoints(0.5, 5)).toBe(3);
    expect(criterionPoints(0.25, 35)).toBe(9);
    expect(criterionPoints(1, 17)).toBe(17);
    expect(criterionPoints(0, 10)).toBe(0);
  });

  test("rounding: the maxima add up to 100 and stay the same for every pair with the same criteria", () => {
    expect(largestRemainder([8.75, 3.75, 2.5], 15)).toEqual([9, 4, 2]);
    expect(largestRemainder([17.647, 17.647, 64.706], 100)).toEqual([18, 17, 65]);
    expect(largestRemainder([17.5, 0.4], 18, [17, 18])).toEqual([17, 1]);
  });

  test("evaluateMatch returns the hard-filter result and the score together", () => {
    const { opening, participant } = perfect();
    const e = evaluateMatch({ ...opening, status: "closed" }, participant, { graph, now, textRelevance: 1 });
    expect(e.hardFilters.ok).toBe(false);
    expect(e.match.score).toBe(100);
  });
});

describe("rankMatches", () => {
  test("drops hard-filter failures, sorts by score, breaks ties on newer openings", () => {
    const participant = makeParticipant({ preferences: { maxCommuteKm: 20 } });
    const older = makeOpening({ id: "older", publishedAt: new Date("2025-01-01T00:00:00Z") });
    const newer = makeOpening({ id: "newer", publishedAt: new Date("2025-02-01T00:00:00Z") });
    const similar = makeOpening({ id: "similar", occupationId: OCC.lagerplanerare, occupationLabel: "Lagerplanerare" });
    const tooFar = makeOpening({ id: "far", location: northOf(JONKOPING, 40) });
    const closed = makeOpening({ id: "closed", status: "closed" });
    const ranked = rankMatches(
      [older, similar, tooFar, newer, closed].map((opening) => ({ opening, participant, textRelevance: 0.5 })),
      { graph, now },
    );
    expect(ranked.map((r) => r.opening.id)).toEqual(["newer", "older", "similar"]);
    expect(first(ranked).score).toBeGreaterThan(nth(ranked, 2).score);
    expect(first(ranked).participant).toBe(participant);
  });

  test("reverse matching: one opening, many participants, without text relevance", () => {
    const opening = makeOpening();
    const a = makeParticipant({ id: "a" });
    const b = makeParticipant({ id: "b", interests: { occupationIds: [OCC.lagerplanerare], groupCodes: [] } });
    const c = makeParticipant({ id: "c", exclusions: exclusions({ groupCodes: ["43"] }) });
    const ranked = rankMatches(
      [c, b, a].map((participant) => ({ opening, participant })),
      { graph, now },
    );
    expect(ranked.map((r) => r.participant.id)).toEqual(["a", "b"]);
    expect(ranked.every((r) => !r.reasons.some((x) => x.criterion === "text"))).toBe(true);
  });
});
