// The matching service (app/utils/matching.server.ts) against a real database with the reference
// data and the sqlite search engine: ranked openings with reasons and distance, hard exclusions
// never returned, "varför inte?", reverse matching scoped to one organisation, and 404/400 on bad input.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/utils/db.server.ts";
import { getOccupationGraph } from "~/utils/occupation-graph.server.ts";
import { invalidateReferenceData } from "~/utils/reference-cache.server.ts";
import { matchOpeningsForParticipant, matchParticipantsForOpening, whyNot } from "~/utils/matching.server.ts";
import { getSearchEngine } from "../../search/index.ts";
import { createOrganization } from "../support/factories.ts";
import { first } from "~/domain/arrays.ts";

// Real JobTech concept ids (reference data).
const LAGERARBETARE = "DLEi_bTh_oLA"; // Lagerarbetare/Terminalarbetare, SSYK 4322
const LAGERPLANERARE = "GLp9_DyP_gHJ"; // SSYK 4322; Lagerarbetare → Lagerplanerare 75 %
const TRUCKFORARE = "GQSf_fnq_kjF"; // SSYK 8344; Lagerarbetare → Truckförare 25 %
const STADARE = "KF64_AvU_S4N"; // SSYK 9111
const KOKSBITRADE = "oRB5_b7i_Qzv"; // SSYK 9412

const JONKOPING = { municipalityCode: "0680", lat: 57.7826, lng: 14.1618 };
const HUSKVARNA = { municipalityCode: "0680", lat: 57.7859, lng: 14.3022 }; // ~8.4 km east
const STOCKHOLM = { municipalityCode: "0180", lat: 59.3293, lng: 18.0686 };
type Place = typeof JONKOPING;

const DAY = 24 * 60 * 60 * 1000;

let n = 0;
type OpeningSpec = {
  title: string;
  place?: Place;
  occupationId?: string;
  kind?: string;
  status?: string;
  hours?: [number, number];
  times?: string[];
  startFlexible?: boolean;
  environment?: Record<string, unknown>;
  accommodations?: string[];
  supervisorName?: string | null;
  supervisorFixed?: boolean;
  places?: number;
  endDate?: Date | null;
  organizationId?: string;
};

/** An opening at its own employer and workplace, indexed in the same transaction (as the app does). */
async function createOpening(s: OpeningSpec) {
  n++;
  const place = s.place ?? JONKOPING;
  const employer = await db.employer.create({
    data: { name: `Matchbolaget ${n} AB`, sector: "private", organizationId: s.organizationId },
  });
  const workplace = await db.workplace.create({
    data: { employerId: employer.id, name: "Arbetsplatsen", street: "Storgatan 1", postalCode: "55320", ...place },
  });
  const status = s.status ?? "published";
  return db.$transaction(async (tx) => {
    const opening = await tx.opening.create({
      data: {
        employerId: employer.id,
        workplaceId: workplace.id,
        kind: s.kind ?? "job",
        status,
        title: s.title,
        description: "En arbetsplats med trevliga kollegor.",
        tasks: JSON.stringify(["Plocka varor", "Packa order"]),
        occupationId: s.occupationId ?? LAGERARBETARE,
        hoursMin: s.hours?.[0] ?? 20,
        hoursMax: s.hours?.[1] ?? 30,
        schedule: JSON.stringify({ times: s.times ?? ["day"], startFlexible: s.startFlexible ?? false }),
        environment: JSON.stringify(s.environment ?? { pace: "calm", instructions: ["shown"] }),
        accommodationsOffered: JSON.stringify(s.accommodations ?? ["extra_breaks"]),
        competitive: true,
        leadsToEmployment: "yes",
        supervisorName: s.supervisorName === undefined ? "Maria Lind" : s.supervisorName,
        supervisorFixed: s.supervisorFixed ?? true,
        places: s.places ?? 1,
        endDate: s.endDate ?? null,
        publishedAt: status === "published" ? new Date(Date.now() - n * 60_000) : null,
      },
    });
    await getSearchEngine(db).syncOpenings(tx, [opening.id]);
    return opening;
  });
}

type ParticipantSpec = {
  organizationId: string;
  pseudonym: string;
  realName?: string;
  place?: Place | null;
  goals?: string[];
  phase?: string;
  erased?: boolean;
  interests?: { occupationIds?: string[]; groupCodes?: string[] };
  preferences?: Record<string, unknown>;
  environmentPrefs?: Record<string, unknown>;
  needs?: Array<{ code: string; must: boolean }>;
  exclusions?: Record<string, unknown>;
};

async function createParticipant(s: ParticipantSpec) {
  const place = s.place === undefined ? JONKOPING : s.place;
  return db.participant.create({
    data: {
      organizationId: s.organizationId,
      pseudonym: s.pseudonym,
      realName: s.realName ?? null,
      gender: "undisclosed",
      referralSource: "self",
      goals: JSON.stringify(s.goals ?? ["work"]),
      phase: s.phase ?? "job_search",
      erasedAt: s.erased ? new Date() : null,
      ...(place ? place : {}),
      profile: {
        create: {
          interests: JSON.stringify({ occupationIds: [], groupCodes: [], ...s.interests }),
          preferences: JSON.stringify(s.preferences ?? {}),
          environmentPrefs: JSON.stringify(s.environmentPrefs ?? {}),
          needs: JSON.stringify(s.needs ?? []),
          exclusions: JSON.stringify({
            occupationIds: [],
            groupCodes: [],
            environment: [],
            schedule: [],
            ...s.exclusions,
          }),
        },
      },
    },
  });
}

async function expectStatus(promise: Promise<unknown>, status: number): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(Response);
    expect((error as Response).status).toBe(status);
    return (error as Response).text();
  }
  throw new Error(`expected a ${status} response`);
}

let org1: string;
let org2: string;
// Filled in by beforeAll: the ids of the openings and participants below.
const o = {} as Record<
  | "best"
  | "cleaning"
  | "draft"
  | "ended"
  | "fixedSupervisor"
  | "full"
  | "heavy"
  | "hours"
  | "kitchen"
  | "night"
  | "noBreaks"
  | "noSupervisor"
  | "planner"
  | "practice"
  | "stockholm"
  | "truck"
  | "twoPlaces"
  | "visit",
  string
>;
const p = {} as Record<"ali" | "erased" | "exited" | "fatima" | "noHome" | "other", string>;

beforeAll(async () => {
  org1 = (await createOrganization({ name: "IPS Jönköping" })).id;
  org2 = (await createOrganization({ name: "Annan organisation" })).id;

  // Openings that fit Ali (below).
  o.best = (
    await createOpening({ title: "Lagerarbetare dagtid", accommodations: ["extra_breaks", "written_instructions"] })
  ).id;
  o.planner = (await createOpening({ title: "Lagerplanerare", occupationId: LAGERPLANERARE, place: HUSKVARNA })).id;
  o.truck = (
    await createOpening({
      title: "Truckförare på terminal",
      occupationId: TRUCKFORARE,
      place: HUSKVARNA,
      supervisorName: null,
      supervisorFixed: false,
    })
  ).id;
  o.kitchen = (await createOpening({ title: "Köksbiträde i skolkök", occupationId: KOKSBITRADE })).id;
  o.visit = (await createOpening({ title: "Studiebesök på lagret", kind: "visit", hours: [2, 3] })).id;
  o.twoPlaces = (await createOpening({ title: "Lager med två platser", places: 2 })).id;

  // Openings that break one of Ali's hard rules each.
  o.night = (await createOpening({ title: "Nattlager", times: ["night"] })).id;
  o.cleaning = (await createOpening({ title: "Städare på kontor", occupationId: STADARE })).id;
  o.stockholm = (await createOpening({ title: "Lager i Stockholm", place: STOCKHOLM })).id;
  o.noBreaks = (await createOpening({ title: "Lager utan extra pauser", accommodations: [] })).id;
  o.heavy = (await createOpening({ title: "Tungt lagerarbete", environment: { physicalLoad: "heavy" } })).id;
  o.hours = (await createOpening({ title: "Lager heltid", hours: [38, 40] })).id;
  o.practice = (await createOpening({ title: "Lagerpraktik", kind: "practice" })).id;
  o.draft = (await createOpening({ title: "Lager utkast", status: "draft", organizationId: org2 })).id;
  o.ended = (await createOpening({ title: "Lager som slutat", endDate: new Date(Date.now() - 10 * DAY) })).id;
  o.full = (await createOpening({ title: "Lager fullt", places: 1 })).id;

  // Must-needs the engine cannot see: a fixed supervisor offered through the supervisor fields only.
  o.fixedSupervisor = (
    await createOpening({ title: "Lager med fast handledare", accommodations: ["extra_breaks"], supervisorFixed: true })
  ).id;
  o.noSupervisor = (
    await createOpening({
      title: "Lager utan handledare",
      accommodations: ["extra_breaks"],
      supervisorFixed: false,
      supervisorName: null,
    })
  ).id;

  p.ali = (
    await createParticipant({
      organizationId: org1,
      pseudonym: "Ali L",
      realName: "Ali Larsson",
      interests: { occupationIds: [LAGERARBETARE] },
      preferences: { hoursMin: 20, hoursMax: 30, maxCommuteKm: 20, schedule: ["day"] },
      environmentPrefs: { pace: "calm" },
      needs: [
        { code: "extra_breaks", must: true },
        { code: "written_instructions", must: false },
      ],
      exclusions: { schedule: ["night"], groupCodes: ["91"], environment: ["physicalLoad:heavy"] },
    })
  ).id;
  p.fatima = (
    await createParticipant({
      organizationId: org1,
      pseudonym: "Fatima K",
      interests: { occupationIds: [LAGERARBETARE] },
      preferences: { maxCommuteKm: 5 },
      needs: [{ code: "fixed_supervisor", must: true }],
    })
  ).id;
  p.exited = (
    await createParticipant({
      organizationId: org1,
      pseudonym: "Beata avslutad",
      phase: "exited",
      interests: { occupationIds: [LAGERARBETARE] },
    })
  ).id;
  p.erased = (
    await createParticipant({
      organizationId: org1,
      pseudonym: "Raderad",
      erased: true,
      interests: { occupationIds: [LAGERARBETARE] },
    })
  ).id;
  p.noHome = (
    await createParticipant({
      organizationId: org1,
      pseudonym: "Utan adress",
      place: null,
      preferences: { maxCommuteKm: 10 },
    })
  ).id;
  p.other = (
    await createParticipant({
      organizationId: org2,
      pseudonym: "Erik annan org",
      interests: { occupationIds: [LAGERARBETARE] },
    })
  ).id;

  // The full opening: its one place is taken by an active placement.
  await db.placement.create({
    data: { participantId: p.other, openingId: o.full, kind: "job", startDate: new Date(), status: "introduction" },
  });
});

describe("matchOpeningsForParticipant", () => {
  test("ranks openings with a score, Swedish reasons and the distance", async () => {
    const results = await matchOpeningsForParticipant(p.ali, { organizationId: org1 });
    const ids = results.map((r) => r.openingId);
    expect(ids[0]).toBe(o.best);
    expect(ids).toEqual(expect.arrayContaining([o.best, o.planner, o.truck, o.visit, o.twoPlaces, o.fixedSupervisor]));
    // Sorted by score, high first.
    expect(results.map((r) => r.score)).toEqual([...results.map((r) => r.score)].sort((a, b) => b - a));

    const best = first(results);
    expect(best).toMatchObject({
      title: "Lagerarbetare dagtid",
      kind: "job",
      municipalityName: "Jönköping",
      occupationLabel: "Lagerarbetare/Terminalarbetare",
    });
    expect(best.employerName).toMatch(/^Matchbolaget \d+ AB$/);
    expect(best.distanceKm).toBe(0);
    expect(best.score).toBeGreaterThan(70);
    expect(best.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(best.score);
    const texts = best.reasons.map((r) => r.text);
    expect(texts).toContain("Matchar intresse: Lagerarbetare/Terminalarbetare");
    expect(texts).toContain("Mindre än 1 km hemifrån");
    expect(best.reasons.find((r) => r.criterion === "text")?.points).toBeGreaterThan(0);

    const planner = results.find((r) => r.openingId === o.planner)!;
    expect(planner.distanceKm).toBeGreaterThan(7);
    expect(planner.distanceKm).toBeLessThan(10);
    expect(planner.reasons.find((r) => r.criterion === "interest")?.text).toMatch(/^Liknande yrke: Lagerplanerare/);
    expect(planner.score).toBeLessThan(best.score);
  });

  test("never returns an opening that breaks a hard rule", async () => {
    const ids = (await matchOpeningsForParticipant(p.ali, { organizationId: org1, limit: 100 })).map(
      (r) => r.openingId,
    );
    for (const key of [
      "night",
      "cleaning",
      "stockholm",
      "noBreaks",
      "heavy",
      "hours",
      "practice",
      "draft",
      "ended",
      "full",
    ] as const) {
      expect(ids, key).not.toContain(o[key]);
    }
  });

  test("a must-need offered only through the supervisor fields still counts; missing, it excludes", async () => {
    const ids = (await matchOpeningsForParticipant(p.fatima, { organizationId: org1, limit: 100 })).map(
      (r) => r.openingId,
    );
    expect(ids).toContain(o.fixedSupervisor);
    expect(ids).not.toContain(o.noSupervisor);
    expect(ids).not.toContain(o.planner); // 8 km: beyond Fatima's 5 km
  });

  test("a study visit is not held to the weekly hours", async () => {
    const results = await matchOpeningsForParticipant(p.ali, { organizationId: org1, filters: { kinds: ["visit"] } });
    expect(results.map((r) => r.openingId)).toEqual([o.visit]);
  });

  test("the coach's filters narrow the list, also from query-string values", async () => {
    const near = await matchOpeningsForParticipant(p.ali, {
      organizationId: org1,
      filters: { maxDistanceKm: "5" },
      limit: 100,
    });
    expect(near.length).toBeGreaterThan(0);
    expect(near.every((r) => r.distanceKm !== null && r.distanceKm <= 5)).toBe(true);
    expect(near.map((r) => r.openingId)).not.toContain(o.planner);

    const hours = await matchOpeningsForParticipant(p.ali, {
      organizationId: org1,
      filters: { kinds: ["job"], hoursMin: 25, hoursMax: 28 },
      limit: 100,
    });
    expect(hours.map((r) => r.openingId)).toContain(o.best);
    expect(hours.every((r) => r.kind === "job")).toBe(true);

    // A kind outside the participant's goals (work) is never shown, filter or not.
    expect(
      await matchOpeningsForParticipant(p.ali, { organizationId: org1, filters: { kinds: ["practice"] } }),
    ).toEqual([]);
    expect((await matchOpeningsForParticipant(p.ali, { organizationId: org1, limit: 3 })).length).toBe(3);
  });

  test("a participant with a max commute but no home gets no matches (distance unknown)", async () => {
    expect(await matchOpeningsForParticipant(p.noHome, { organizationId: org1 })).toEqual([]);
  });

  test("bad filters are a 400 with a Swedish message", async () => {
    expect(
      await expectStatus(
        matchOpeningsForParticipant(p.ali, { organizationId: org1, filters: { maxDistanceKm: 5000 } }),
        400,
      ),
    ).toMatch(/mellan 1 och 200 km/);
    expect(
      await expectStatus(
        matchOpeningsForParticipant(p.ali, { organizationId: org1, filters: { maxDistanceKm: "långt" } }),
        400,
      ),
    ).toMatch(/km/);
    expect(
      await expectStatus(
        matchOpeningsForParticipant(p.ali, { organizationId: org1, filters: { kinds: ["raket"] as never } }),
        400,
      ),
    ).toMatch(/annonser/);
    expect(
      await expectStatus(
        matchOpeningsForParticipant(p.ali, { organizationId: org1, filters: { hoursMin: 30, hoursMax: 10 } }),
        400,
      ),
    ).toMatch(/Högsta antal timmar/);
    expect(
      await expectStatus(matchOpeningsForParticipant(p.ali, { organizationId: org1, filters: { hoursMin: 0 } }), 400),
    ).toMatch(/mellan 1 och 40/);
  });

  test("without interests, the openings that fit how the participant wants to work are found among many newer ones", async () => {
    const kiruna = { municipalityCode: "2584", lat: 67.8558, lng: 20.2253 };
    // Each opening made later is published earlier: the newest four fit the participant's wishes worst.
    for (let i = 0; i < 4; i++)
      await createOpening({
        title: `Snabbt tempo ${i}`,
        place: kiruna,
        environment: { pace: "high" },
        accommodations: [],
      });
    const fits = await createOpening({
      title: "Lugnt och tyst",
      place: kiruna,
      environment: { pace: "calm", noise: "quiet" },
      accommodations: ["quiet_workspace"],
    });
    const participant = await createParticipant({
      organizationId: org1,
      pseudonym: "Kiruna 1",
      place: kiruna,
      environmentPrefs: { pace: "calm", noise: "quiet" },
      needs: [{ code: "quiet_workspace", must: false }],
    });
    // Fewer candidates than openings nearby, as in a city: the fill must not take only the newest.
    const results = await matchOpeningsForParticipant(participant.id, { organizationId: org1, candidateLimit: 3 });
    expect(results).toHaveLength(3);
    expect(first(results).openingId).toBe(fits.id);
    const environment = first(results).reasons.find((r) => r.criterion === "environment");
    expect(environment?.points).toBe(environment?.max);
  });

  test("another organisation's participant, an erased or unknown one is a 404", async () => {
    await expectStatus(matchOpeningsForParticipant(p.other, { organizationId: org1 }), 404);
    await expectStatus(matchOpeningsForParticipant(p.ali, { organizationId: org2 }), 404);
    await expectStatus(matchOpeningsForParticipant(p.erased, { organizationId: org1 }), 404);
    await expectStatus(matchOpeningsForParticipant("finns-inte", { organizationId: org1 }), 404);
  });
});

describe("whyNot", () => {
  const codes = async (openingId: string) => {
    const result = await whyNot(p.ali, openingId, { organizationId: org1 });
    if (result.ok) throw new Error("expected a hard failure");
    return result.failures;
  };

  test("names the hard rule, in Swedish", async () => {
    expect(await codes(o.night)).toEqual([
      { code: "excluded_schedule", text: "Arbetstiden omfattar natt – något deltagaren aldrig vill arbeta." },
    ]);
    expect((await codes(o.cleaning)).map((f) => f.code)).toEqual(["excluded_group"]);
    expect(first(await codes(o.cleaning)).text).toMatch(/SSYK 91/);
    expect(first(await codes(o.stockholm))).toMatchObject({ code: "too_far" });
    expect(first(await codes(o.stockholm)).text).toMatch(/km hemifrån – längre än deltagarens gräns på 20 km/);
    expect(await codes(o.noBreaks)).toEqual([
      { code: "must_accommodation_missing", text: "Erbjuder inte extra pauser, som deltagaren måste ha." },
    ]);
    expect((await codes(o.heavy)).map((f) => f.code)).toEqual(["excluded_environment"]);
    expect((await codes(o.hours)).map((f) => f.code)).toEqual(["hours_do_not_overlap"]);
    expect((await codes(o.practice)).map((f) => f.code)).toEqual(["kind_not_in_goals"]);
    expect((await codes(o.ended)).map((f) => f.code)).toEqual(["ended"]);
    expect(await codes(o.full)).toEqual([{ code: "no_places_left", text: "Alla platser är redan tillsatta." }]);
  });

  test("an opening that passes gets its score and reasons", async () => {
    const result = await whyNot(p.ali, o.best, { organizationId: org1 });
    expect(result.ok).toBe(true);
    expect(result.score).toBeGreaterThan(70);
    expect(result.distanceKm).toBe(0);
    // No search here: the text criterion is left out and the others are scaled to 100.
    expect(result.reasons.map((r) => r.criterion)).not.toContain("text");
    expect(result.reasons.reduce((s, r) => s + r.max, 0)).toBe(100);
  });

  test("unknown ids, another organisation's participant or draft are a 404", async () => {
    await expectStatus(whyNot(p.ali, "finns-inte", { organizationId: org1 }), 404);
    await expectStatus(whyNot(p.other, o.best, { organizationId: org1 }), 404);
    await expectStatus(whyNot(p.ali, o.draft, { organizationId: org1 }), 404);
    // The draft's own organisation may ask about it: it is not published.
    const own = await whyNot(p.other, o.draft, { organizationId: org2 });
    expect(own.ok ? [] : own.failures.map((f) => f.code)).toContain("not_published");
  });
});

describe("matchParticipantsForOpening", () => {
  test("ranks only the given organisation's active participants, with pseudonyms only", async () => {
    const results = await matchParticipantsForOpening(o.best, { organizationId: org1 });
    const ids = results.map((r) => r.participantId);
    expect(ids).toContain(p.ali);
    expect(ids).not.toContain(p.other); // another organisation
    expect(ids).not.toContain(p.exited);
    expect(ids).not.toContain(p.erased);
    expect(ids).not.toContain(p.noHome); // max commute without a home: distance unknown
    for (const r of results) {
      expect(Object.keys(r).sort()).toEqual(["distanceKm", "participantId", "phase", "pseudonym", "reasons", "score"]);
    }
    const ali = results.find((r) => r.participantId === p.ali)!;
    expect(ali).toMatchObject({ pseudonym: "Ali L", phase: "job_search", distanceKm: 0 });
    expect(JSON.stringify(results)).not.toContain("Larsson");
    // No text relevance in reverse matching.
    expect(ali.reasons.map((r) => r.criterion)).not.toContain("text");

    const other = await matchParticipantsForOpening(o.best, { organizationId: org2 });
    expect(other.map((r) => r.participantId)).toEqual([p.other]);
  });

  test("hard rules hold in reverse too", async () => {
    const ids = (await matchParticipantsForOpening(o.night, { organizationId: org1 })).map((r) => r.participantId);
    expect(ids).not.toContain(p.ali); // never nights
    expect(ids).toContain(p.fatima);
  });

  test("a changed profile or an erased participant shows at once (no stale parsed data)", async () => {
    const org = (await createOrganization({ name: "Cache-test" })).id;
    const gus = await createParticipant({
      organizationId: org,
      pseudonym: "Gus",
      interests: { occupationIds: [LAGERARBETARE] },
    });
    const ids = async () =>
      (await matchParticipantsForOpening(o.night, { organizationId: org })).map((r) => r.participantId);
    expect(await ids()).toEqual([gus.id]);
    await db.profile.update({
      where: { participantId: gus.id },
      data: { exclusions: JSON.stringify({ schedule: ["night"] }) },
    });
    expect(await ids()).toEqual([]);
    await db.profile.update({
      where: { participantId: gus.id },
      data: { exclusions: JSON.stringify({ schedule: [] }) },
    });
    expect(await ids()).toEqual([gus.id]);
    await db.participant.update({ where: { id: gus.id }, data: { erasedAt: new Date() } });
    expect(await ids()).toEqual([]);
  });

  test("an unknown opening or another organisation's draft is a 404", async () => {
    await expectStatus(matchParticipantsForOpening("finns-inte", { organizationId: org1 }), 404);
    await expectStatus(matchParticipantsForOpening(o.draft, { organizationId: org1 }), 404);
    expect(await matchParticipantsForOpening(o.draft, { organizationId: org2 })).toEqual([]);
  });
});

describe("occupation graph", () => {
  test("is loaded once from the reference tables and can be invalidated", async () => {
    const graph = await getOccupationGraph(db);
    expect(graph.occupations.size).toBeGreaterThan(2000);
    expect(graph.occupations.get(LAGERARBETARE)).toEqual({
      label: "Lagerarbetare/Terminalarbetare",
      ssyk4Code: "4322",
    });
    expect(graph.groupLabels?.get("4322")).toBeTruthy();
    expect(graph.substitutes.get(LAGERARBETARE)?.get(LAGERPLANERARE)).toBe(75);
    // Both directions, the stronger one.
    expect(graph.related.get(LAGERPLANERARE)?.get(LAGERARBETARE)).toBe(75);
    expect(graph.occupationsByGroup.get("4322")).toContain(LAGERPLANERARE);
    expect(graph.occupationsByGroup.get("43")).toContain(LAGERARBETARE);
    expect(await getOccupationGraph(db)).toBe(graph);
    invalidateReferenceData();
    const reloaded = await getOccupationGraph(db);
    expect(reloaded).not.toBe(graph);
    expect(reloaded.occupations.size).toBe(graph.occupations.size);
  });
});
