// The embedded sqlite search engine against a real database (reference data loaded by the
// template): index kept in step inside Prisma transactions, text matching, filters, geo, and the
// occupation/skill vocabulary suggestions.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/utils/db.server.ts";
import type { OpeningQuery } from "../../search/engine.ts";
import Database from "better-sqlite3";
import { databaseFile } from "~/utils/database-url.ts";
import { loadOpeningDocuments } from "../../search/documents.ts";
import { createSqliteEngine, reindexOpenings } from "../../search/sqlite/engine.ts";
import {
  createTextStage,
  deleteOpeningRows,
  dropTextStage,
  fillTextIndexFromStage,
  insertOpeningRowsStaged,
} from "../../search/sqlite/opening-index.ts";
import {
  ensureSearchSchema,
  OPENING_SEARCH_INDEXES,
  rebuildVocabularyIndex,
  searchIndexStatus,
} from "../../search/sqlite/schema.ts";
import { suggestVocabulary } from "../../search/vocabulary.ts";
import { first, at as nth } from "~/domain/arrays.ts";

const engine = createSqliteEngine(db);

// Real JobTech concept ids (reference data).
const LAGERARBETARE = "DLEi_bTh_oLA"; // Lagerarbetare/Terminalarbetare, SSYK 4322
const LAKARE = "9K3i_XD4_Kyy"; // Läkare, SSYK 2219
const SVETSARE = "rxrQ_Nyy_k6y"; // Svetsare, SSYK 7212
const STADARE = "KF64_AvU_S4N"; // Städare, SSYK 9111
const TRUCKVANA = "pGts_PKK_c8W"; // skill
const JONKOPING = { municipalityCode: "0680", lat: 57.78, lng: 14.16 };
const STOCKHOLM = { municipalityCode: "0180", lat: 59.33, lng: 18.07 };

type Place = typeof JONKOPING;
type OpeningInput = {
  title: string;
  occupationId?: string;
  kind?: string;
  status?: string;
  description?: string;
  hoursMin?: number;
  hoursMax?: number;
  schedule?: string[];
  environment?: Record<string, unknown>;
  accommodations?: string[];
  skillIds?: string[];
  endDate?: Date | null;
  publishedAt?: Date;
};

let counter = 0;

/** A new employer with one workplace, so each test can scope its searches to its own openings. */
async function createEmployer(place: Place = JONKOPING) {
  counter++;
  const employer = await db.employer.create({ data: { name: `Testbolaget ${counter} AB`, sector: "private" } });
  const workplace = await db.workplace.create({
    data: { employerId: employer.id, name: "Huvudkontoret", street: "Storgatan 1", postalCode: "55320", ...place },
  });
  return { employerId: employer.id, workplaceId: workplace.id };
}

/** Create an opening and index it in the same transaction, as the application does. */
async function createOpening(at: { employerId: string; workplaceId: string }, o: OpeningInput) {
  return db.$transaction(async (tx) => {
    const opening = await tx.opening.create({
      data: {
        employerId: at.employerId,
        workplaceId: at.workplaceId,
        kind: o.kind ?? "practice",
        status: o.status ?? "published",
        title: o.title,
        description: o.description ?? "Du får en handledare och en lugn start.",
        tasks: JSON.stringify(["Plocka varor", "Packa order"]),
        occupationId: o.occupationId ?? LAGERARBETARE,
        skillIds: JSON.stringify(o.skillIds ?? []),
        hoursMin: o.hoursMin ?? 10,
        hoursMax: o.hoursMax ?? 20,
        schedule: JSON.stringify({ times: o.schedule ?? ["day"], startFlexible: true }),
        environment: JSON.stringify(o.environment ?? { pace: "calm", instructions: ["written"] }),
        accommodationsOffered: JSON.stringify(o.accommodations ?? []),
        endDate: o.endDate ?? null,
        publishedAt: o.publishedAt ?? new Date(),
      },
    });
    await engine.syncOpenings(tx, [opening.id]);
    return opening;
  });
}

async function ids(query: OpeningQuery): Promise<string[]> {
  return (await engine.searchOpenings(query)).hits.map((h) => h.id);
}

beforeAll(async () => {
  // The template database has the reference data and the vocabulary index (scripts/prepare-database.ts).
  expect(await db.occupation.count({ where: { id: { in: [LAGERARBETARE, LAKARE, SVETSARE, STADARE] } } })).toBe(4);
  expect(await db.municipality.count({ where: { code: { in: ["0680", "0180"] } } })).toBe(2);
});

describe("text search", () => {
  test("a published opening is indexed and found by a title word, its prefix, its stem and a typo", async () => {
    const at = await createEmployer();
    const opening = await createOpening(at, { title: "Lagerarbetare till centrallagret", skillIds: [TRUCKVANA] });
    const scope = { employerIds: [at.employerId] };

    for (const text of [
      "centrallagret",
      "Lagerarbetare",
      "lage",
      "LAGERARBETARE centr",
      "lagerarbetarna",
      "lagerarbetere",
      "truckvana",
    ]) {
      expect(await ids({ text, filters: scope }), text).toEqual([opening.id]);
    }
    expect(await ids({ text: "svetsare", filters: scope })).toEqual([]);
    // Stop words are ignored: "till" does not have to match anything.
    expect(await ids({ text: "lagerarbetare till", filters: scope })).toEqual([opening.id]);
  });

  test("diacritics are folded both ways", async () => {
    const at = await createEmployer();
    const opening = await createOpening(at, { title: "Läkare på vårdcentral", occupationId: LAKARE });
    const scope = { employerIds: [at.employerId] };
    for (const text of ["lakare", "Läkare", "LAKARE vardcentral", "vårdcent"]) {
      expect(await ids({ text, filters: scope }), text).toEqual([opening.id]);
    }
  });

  test("relevance is 0..1, title matches rank first, typo-only matches last", async () => {
    const at = await createEmployer();
    const inTitle = await createOpening(at, { title: "Svetsare till verkstad", occupationId: SVETSARE });
    const inDescription = await createOpening(at, {
      title: "Verkstadsmedarbetare",
      occupationId: STADARE,
      description: "Du hjälper våra svetsare i verkstaden.",
    });
    const result = await engine.searchOpenings({ text: "svetsare", filters: { employerIds: [at.employerId] } });
    expect(result.hits.map((h) => h.id)).toEqual([inTitle.id, inDescription.id]);
    expect(first(result.hits).relevance).toBe(1);
    expect(nth(result.hits, 1).relevance).toBeGreaterThan(0);
    expect(nth(result.hits, 1).relevance).toBeLessThan(1);

    // "svetsere" only matches through a typo correction: still found, with lower relevance.
    const typo = await engine.searchOpenings({ text: "svetsere verkstad", filters: { employerIds: [at.employerId] } });
    expect(first(typo.hits).id).toBe(inTitle.id);
    for (const h of typo.hits) expect(h.relevance).toBeLessThanOrEqual(0.5);

    // Text nobody typed (the matcher's occupation labels) gets no typo corrections: the same words
    // find the same openings, a misspelling finds nothing.
    const label = { filters: { employerIds: [at.employerId] }, typoTolerance: false };
    expect((await engine.searchOpenings({ ...label, text: "svetsare" })).hits.map((h) => h.id)).toEqual(
      result.hits.map((h) => h.id),
    );
    expect((await engine.searchOpenings({ ...label, text: "svetsere verkstad" })).hits).toEqual([]);
  });

  test("without text everything that passes the filters comes back, newest first, with total and paging", async () => {
    const at = await createEmployer();
    const day = 24 * 3600 * 1000;
    const created = [];
    for (let i = 0; i < 5; i++) {
      created.push(
        await createOpening(at, { title: `Plats nummer ${i}`, publishedAt: new Date(Date.now() - (5 - i) * day) }),
      );
    }
    const newestFirst = created.map((o) => o.id).reverse();
    const all = await engine.searchOpenings({ filters: { employerIds: [at.employerId] } });
    expect(all.total).toBe(5);
    expect(all.hits.map((h) => h.id)).toEqual(newestFirst);
    expect(all.hits.every((h) => h.relevance === 1 && h.distanceKm === undefined)).toBe(true);

    const page = await engine.searchOpenings({ filters: { employerIds: [at.employerId] }, limit: 2, offset: 2 });
    expect(page.hits.map((h) => h.id)).toEqual(newestFirst.slice(2, 4));
    expect(page.total).toBe(5);
    const beyond = await engine.searchOpenings({ filters: { employerIds: [at.employerId] }, limit: 2, offset: 10 });
    expect(beyond).toEqual({ hits: [], total: 5 });
  });

  test("`prefer` ranks by how many of the preferred values an opening has, then the newest", async () => {
    const at = await createEmployer();
    const day = 24 * 3600 * 1000;
    const opening = (title: string, daysOld: number, environment: Record<string, unknown>, accommodations: string[]) =>
      createOpening(at, { title, environment, accommodations, publishedAt: new Date(Date.now() - daysOld * day) });
    const all = await opening("Allt", 4, { pace: "calm", noise: "quiet" }, ["extra_breaks"]);
    const two = await opening("Två", 3, { pace: "calm" }, ["extra_breaks"]);
    const one = await opening("En", 1, { pace: "calm" }, []);
    const none = await opening("Ingen", 0, { pace: "high" }, []);
    const oneOlder = await opening("En äldre", 2, { noise: "quiet" }, []);
    const prefer = { environment: ["pace:calm", "noise:quiet"], accommodations: ["extra_breaks"] };
    const filters = { employerIds: [at.employerId] };
    expect(await ids({ filters, prefer })).toEqual([all.id, two.id, one.id, oneOlder.id, none.id]);
    expect(await engine.searchOpenings({ filters, prefer, limit: 2, offset: 2 })).toEqual({
      hits: [
        { id: one.id, relevance: 1, preferred: 1 },
        { id: oneOlder.id, relevance: 1, preferred: 1 },
      ],
      total: 5,
    });
  });
});

describe("keeping the index in step", () => {
  test("an update is reflected; unpublishing and deleting remove the opening", async () => {
    const at = await createEmployer();
    const scope = { employerIds: [at.employerId] };
    const opening = await createOpening(at, { title: "Kassabiträde i butik" });
    expect(await ids({ text: "kassabitrade", filters: scope })).toEqual([opening.id]);

    await db.$transaction(async (tx) => {
      await tx.opening.update({ where: { id: opening.id }, data: { title: "Butiksmedarbetare" } });
      await engine.syncOpenings(tx, [opening.id]);
    });
    expect(await ids({ text: "kassabitrade", filters: scope })).toEqual([]);
    expect(await ids({ text: "butiksmedarbetare", filters: scope })).toEqual([opening.id]);
    expect((await engine.searchOpenings({ filters: scope })).total).toBe(1);

    await db.$transaction(async (tx) => {
      await tx.opening.update({ where: { id: opening.id }, data: { status: "closed" } });
      await engine.syncOpenings(tx, [opening.id]);
    });
    expect(await ids({ filters: scope })).toEqual([]);

    await db.$transaction(async (tx) => {
      await tx.opening.update({ where: { id: opening.id }, data: { status: "published" } });
      await engine.syncOpenings(tx, [opening.id]);
    });
    expect(await ids({ text: "butiksmedarbetare", filters: scope })).toEqual([opening.id]);

    await db.$transaction(async (tx) => {
      await tx.opening.delete({ where: { id: opening.id } });
      await engine.syncOpenings(tx, [opening.id]);
    });
    expect(await ids({ filters: scope })).toEqual([]);
    expect(await ids({ text: "butiksmedarbetare", filters: scope })).toEqual([]);
  });

  test("drafts are not indexed; syncing unknown ids is harmless", async () => {
    const at = await createEmployer();
    await createOpening(at, { title: "Utkast till annons", status: "draft" });
    expect(await ids({ filters: { employerIds: [at.employerId] } })).toEqual([]);
    await db.$transaction((tx) => engine.syncOpenings(tx, ["no-such-opening"]));
    await engine.syncOpenings(db, []);
  });

  test("a rolled-back transaction leaves the index unchanged", async () => {
    const at = await createEmployer();
    const scope = { employerIds: [at.employerId] };
    const kept = await createOpening(at, { title: "Vaktmästare på skola" });

    await expect(
      db.$transaction(async (tx) => {
        const created = await tx.opening.create({
          data: {
            employerId: at.employerId,
            workplaceId: at.workplaceId,
            kind: "job",
            status: "published",
            title: "Fastighetsskötare",
            description: "Skötsel av fastigheter.",
            occupationId: LAGERARBETARE,
            hoursMin: 20,
            hoursMax: 40,
            publishedAt: new Date(),
          },
        });
        await tx.opening.update({ where: { id: kept.id }, data: { title: "Bytt titel" } });
        await engine.syncOpenings(tx, [created.id, kept.id]);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");

    expect(await ids({ filters: scope })).toEqual([kept.id]);
    expect(await ids({ text: "fastighetsskotare", filters: scope })).toEqual([]);
    expect(await ids({ text: "vaktmastare", filters: scope })).toEqual([kept.id]);
    expect(await ids({ text: "bytt", filters: scope })).toEqual([]);
  });

  test("words new to the index are typo tolerant at once", async () => {
    const at = await createEmployer();
    await engine.searchOpenings({ text: "värm upp ordlistan" });
    const opening = await createOpening(at, { title: "Tomteblossmontör till julmarknaden" });
    const scope = { employerIds: [at.employerId] };
    expect(await ids({ text: "tomteblosmontor", filters: scope })).toEqual([opening.id]);
    expect(await ids({ text: "julmarknadne", filters: scope })).toEqual([opening.id]);
  });

  test("the schema is idempotent and the whole index can be rebuilt from the openings", async () => {
    const at = await createEmployer();
    const opening = await createOpening(at, { title: "Cykelreparatör i verkstad" });
    const sqlite = new Database(databaseFile());
    try {
      ensureSearchSchema(sqlite);
      ensureSearchSchema(sqlite);
      expect(searchIndexStatus(sqlite)).toEqual({ openingsReindexRequired: false, vocabularyRebuildRequired: false });
      sqlite.exec("INSERT INTO opening_fts (opening_fts) VALUES ('delete-all'); DELETE FROM opening_search;");
    } finally {
      sqlite.close();
    }
    expect(await ids({ text: "cykelreparator", filters: { employerIds: [at.employerId] } })).toEqual([]);
    const published = await db.opening.count({ where: { status: "published" } });
    const cacheSize = async () =>
      Number((await db.$queryRawUnsafe<[{ cache_size: bigint | number }]>("PRAGMA cache_size"))[0].cache_size);
    const cacheBefore = await cacheSize();
    // A few openings per statement, so the text index is filled from its stage in several rounds.
    expect(await reindexOpenings(db, { textRowsPerStatement: 3 })).toBe(published);
    expect(await ids({ text: "cykelreparator", filters: { employerIds: [at.employerId] } })).toEqual([opening.id]);
    // The typo dictionary knows the reindexed words at once.
    expect(await ids({ text: "cykelreparatr", filters: { employerIds: [at.employerId] } })).toEqual([opening.id]);
    expect((await engine.searchOpenings({ limit: 0 })).total).toBe(published);
    const stage = await db.$queryRawUnsafe<unknown[]>(
      "SELECT name FROM temp.sqlite_master WHERE name = 'opening_text_stage'",
    );
    expect(stage).toEqual([]);
    // The side table's indexes, dropped for the bulk load, are all back; the page cache is as it was.
    const indexes = await db.$queryRawUnsafe<Array<{ name: string }>>(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'opening_search' AND sql IS NOT NULL",
    );
    expect(indexes.map((i) => i.name).sort()).toEqual(OPENING_SEARCH_INDEXES.map((i) => i.name).sort());
    expect(await cacheSize()).toBe(cacheBefore);
  });

  test("an opening written by another process during a reindex is indexed once, as written", async () => {
    const at = await createEmployer();
    const first = await createOpening(at, { title: "Bagare på bageriet" });
    const second = await createOpening(at, { title: "Konditor på bageriet" });
    const scope = { employerIds: [at.employerId] };
    // A reindex has staged both openings' text and not yet moved it into the index …
    await createTextStage(db);
    await db.$transaction(async (tx) => {
      const { documents } = await loadOpeningDocuments(tx, [first.id, second.id]);
      await deleteOpeningRows(tx, [first.id, second.id]);
      await insertOpeningRowsStaged(tx, documents);
    });
    expect(await ids({ text: "bageriet", filters: scope })).toEqual([]);
    // … when one is renamed and the other withdrawn, each in its own transaction.
    await db.$transaction(async (tx) => {
      await tx.opening.update({ where: { id: first.id }, data: { title: "Bagare på stenugnsbageriet" } });
      await engine.syncOpenings(tx, [first.id]);
    });
    await db.$transaction(async (tx) => {
      await tx.opening.update({ where: { id: second.id }, data: { status: "closed" } });
      await engine.syncOpenings(tx, [second.id]);
    });
    await fillTextIndexFromStage(db, 1);
    await dropTextStage(db);
    expect(await ids({ text: "stenugnsbageriet", filters: scope })).toEqual([first.id]);
    expect(await ids({ text: "bageriet", filters: scope })).toEqual([]);
    expect(await ids({ text: "bagare", filters: scope })).toEqual([first.id]);
    expect(await ids({ text: "konditor", filters: scope })).toEqual([]);
    // No text is left in the index without its opening.
    const orphans = await db.$queryRawUnsafe<unknown[]>(
      "SELECT rowid FROM opening_fts WHERE opening_fts MATCH 'konditor OR bageriet'",
    );
    expect(orphans).toEqual([]);
  });
});

describe("filters", () => {
  test("kind, hours overlap, schedule and environment exclusions, accommodations, end date, codes", async () => {
    const at = await createEmployer();
    const now = Date.now();
    const day = 24 * 3600 * 1000;
    const practice = await createOpening(at, {
      title: "Praktik på lager",
      kind: "practice",
      hoursMin: 10,
      hoursMax: 20,
      schedule: ["day"],
      accommodations: ["flexible_start", "extra_breaks"],
      environment: { pace: "calm", noise: "quiet", instructions: ["written", "shown"] },
    });
    const nightJob = await createOpening(at, {
      title: "Nattarbete på terminal",
      kind: "job",
      hoursMin: 30,
      hoursMax: 40,
      schedule: ["evening", "night"],
      accommodations: ["flexible_start"],
      environment: { pace: "high", physicalLoad: "heavy" },
      endDate: new Date(now + 30 * day),
    });
    const ended = await createOpening(at, {
      title: "Sommarjobb på lager",
      kind: "job",
      hoursMin: 20,
      hoursMax: 40,
      occupationId: STADARE,
      endDate: new Date(now - day),
    });
    const find = async (filters: NonNullable<OpeningQuery["filters"]>) =>
      (await ids({ filters: { employerIds: [at.employerId], ...filters } })).sort();
    const sorted = (...list: Array<{ id: string }>) => list.map((o) => o.id).sort();

    expect(await find({})).toEqual(sorted(practice, nightJob, ended));
    expect(await find({ kinds: ["job"] })).toEqual(sorted(nightJob, ended));
    expect(await find({ kinds: [] })).toEqual([]);
    expect(await find({ hours: { min: 5, max: 15 } })).toEqual(sorted(practice));
    expect(await find({ hours: { min: 20, max: 30 } })).toEqual(sorted(practice, nightJob, ended));
    expect(await find({ hours: { min: 41, max: 50 } })).toEqual([]);
    expect(await find({ excludeSchedule: ["night"] })).toEqual(sorted(practice, ended));
    expect(await find({ excludeSchedule: ["schedule:night"] })).toEqual(sorted(practice, ended));
    expect(await find({ excludeEnvironment: ["physicalLoad:heavy"] })).toEqual(sorted(practice, ended));
    expect(await find({ requireAccommodations: ["flexible_start"] })).toEqual(sorted(practice, nightJob));
    expect(await find({ requireAccommodations: ["flexible_start", "extra_breaks"] })).toEqual(sorted(practice));
    expect(await find({ notEndedBefore: now })).toEqual(sorted(practice, nightJob));
    expect(await find({ occupationIds: [STADARE] })).toEqual(sorted(ended));
    expect(await find({ ssyk4Codes: ["4322"] })).toEqual(sorted(practice, nightJob));
    expect(await find({ municipalityCodes: ["0680"] })).toEqual(sorted(practice, nightJob, ended));
    expect(await find({ municipalityCodes: ["0180"] })).toEqual([]);
    // Text and filters together.
    expect(await ids({ text: "sommarjobb", filters: { employerIds: [at.employerId] } })).toEqual([ended.id]);
    expect(await ids({ text: "sommarjobb", filters: { employerIds: [at.employerId], notEndedBefore: now } })).toEqual(
      [],
    );
    expect(await ids({ text: "natt", filters: { employerIds: [at.employerId], excludeSchedule: ["night"] } })).toEqual(
      [],
    );
  });

  test("geo radius: bounding box plus exact distance", async () => {
    const jonkoping = await createEmployer(JONKOPING);
    const stockholm = await createEmployer(STOCKHOLM);
    const near = await createOpening(jonkoping, { title: "Lagerjobb i Jönköping" });
    const far = await createOpening(stockholm, { title: "Lagerjobb i Stockholm" });
    const employerIds = [jonkoping.employerId, stockholm.employerId];
    const from = { lat: 57.7826, lng: 14.1618 }; // Jönköping centre

    const within50 = await engine.searchOpenings({ filters: { employerIds }, geo: { ...from, radiusKm: 50 } });
    expect(within50.hits.map((h) => h.id)).toEqual([near.id]);
    expect(first(within50.hits).distanceKm).toBeGreaterThanOrEqual(0);
    expect(first(within50.hits).distanceKm).toBeLessThan(1);

    const within400 = await engine.searchOpenings({
      text: "lagerjobb",
      filters: { employerIds },
      geo: { ...from, radiusKm: 400 },
    });
    expect(within400.hits.map((h) => h.id).sort()).toEqual([near.id, far.id].sort());
    const toStockholm = within400.hits.find((h) => h.id === far.id)?.distanceKm ?? 0;
    expect(toStockholm).toBeGreaterThan(270); // great-circle distance Jönköping–Stockholm ≈ 283 km
    expect(toStockholm).toBeLessThan(295);

    // Just outside the exact radius but inside the bounding box's corner is not a hit.
    expect(await ids({ filters: { employerIds }, geo: { ...from, radiusKm: Math.floor(toStockholm) - 1 } })).toEqual([
      near.id,
    ]);
  });

  test("a text search in some municipalities finds exactly their matches, typos included, and scores only them", async () => {
    const jonkoping = await createEmployer(JONKOPING);
    const stockholm = await createEmployer(STOCKHOLM);
    const near = await createOpening(jonkoping, { title: "Truckförare på terminalen" });
    const far = await createOpening(stockholm, { title: "Truckförare på centrallagret" });
    const employerIds = [jonkoping.employerId, stockholm.employerId];
    const search = (text: string, municipalityCodes: string[]) =>
      ids({ text, filters: { employerIds, municipalityCodes } });

    expect(await search("truckförare", ["0680"])).toEqual([near.id]);
    expect(await search("trukförare", ["0180"])).toEqual([far.id]); // a typo, corrected
    expect((await search("truckförare", ["0680", "0180"])).sort()).toEqual([near.id, far.id].sort());
    expect(await search("truckförare", ["1480"])).toEqual([]);
    // Not a code: no municipality token is asked for, and the filter still decides.
    expect(await search("truckförare", ["0680 OR k0180"])).toEqual([]);

    // The municipality is part of the FTS match, so the text search scores only local openings.
    const { captureQueries } = await import("~/utils/sqlite-adapter.server.ts");
    const { queries } = await captureQueries(() => search("truckförare", ["0680"]));
    expect(
      queries.flatMap((q) => q.args).filter((a) => typeof a === "string" && a.includes("geo : (k0680)")),
    ).not.toHaveLength(0);
  });
});

describe("vocabulary suggestions", () => {
  test("prefix search-as-you-type over occupations, diacritics folded, best match first", async () => {
    const lakar = await suggestVocabulary(db, "lakar");
    expect(lakar[0]).toMatchObject({ id: LAKARE, label: "Läkare", kind: "occupation", detail: "Övriga läkare" });
    expect(lakar.filter((h) => h.kind === "occupation").every((h) => /läkar/i.test(h.label))).toBe(true);

    for (const q of ["svetsare", "svetsar", "Svets"]) {
      const hits = await suggestVocabulary(db, q, { kind: "occupation" });
      expect(
        hits.map((h) => h.id),
        q,
      ).toContain(SVETSARE);
      expect(hits.every((h) => h.kind === "occupation")).toBe(true);
    }
    expect(first(await suggestVocabulary(db, "svetsare", { kind: "occupation" })).id).toBe(SVETSARE);
    expect(first(await suggestVocabulary(db, "stadare")).id).toBe(STADARE);
  });

  test("tolerates typos and finds skills too", async () => {
    expect(first(await suggestVocabulary(db, "lagerarbetrae")).id).toBe(LAGERARBETARE);
    expect(first(await suggestVocabulary(db, "lakrae", { kind: "occupation" })).id).toBe(LAKARE);
    expect((await suggestVocabulary(db, "svetasre", { kind: "occupation" })).map((h) => h.id)).toContain(SVETSARE);

    const skills = await suggestVocabulary(db, "truckva", { kind: "skill" });
    expect(skills[0]).toMatchObject({ id: TRUCKVANA, label: "Truckvana", kind: "skill" });
    expect((await suggestVocabulary(db, "trukvana", { kind: "skill" })).map((h) => h.id)).toContain(TRUCKVANA);
  });

  test("works inside a transaction, and sees a rebuilt vocabulary at once (typo dictionary included)", async () => {
    expect(first(await db.$transaction((tx) => suggestVocabulary(tx, "lakar"))).id).toBe(LAKARE);
    expect(await suggestVocabulary(db, "pepparkaksbaknign")).toEqual([]);

    await db.skill.create({ data: { id: "test_Pepp_123", label: "Pepparkaksbakning" } });
    const sqlite = new Database(databaseFile());
    try {
      rebuildVocabularyIndex(sqlite, { log: () => {} });
    } finally {
      sqlite.close();
    }
    const hits = await suggestVocabulary(db, "pepparkaksbaknign");
    expect(hits[0]).toMatchObject({ id: "test_Pepp_123", label: "Pepparkaksbakning", kind: "skill" });
    expect(first(hits).detail).toBeUndefined();
  });

  test("a short word gets no typo; limits and empty queries", async () => {
    expect(await suggestVocabulary(db, "")).toEqual([]);
    expect(await suggestVocabulary(db, "  -  ")).toEqual([]);
    expect(await suggestVocabulary(db, "xqzw")).toEqual([]);
    expect(await suggestVocabulary(db, "lak", { limit: 3 })).toHaveLength(3);
  });
});
