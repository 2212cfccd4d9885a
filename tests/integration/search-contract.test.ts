// The search engine contract (docs/product-rules.md#search): one suite, run against every engine. The embedded
// sqlite engine always runs; Meilisearch runs only when MEILI_URL points at a live server (and
// MEILI_KEY holds its admin/master key), otherwise its block is reported as skipped with the reason.
//
//   docker run -p 7700:7700 -e MEILI_MASTER_KEY=dev-master-key-0123456789 getmeili/meilisearch
//   MEILI_URL=http://localhost:7700 MEILI_KEY=dev-master-key-0123456789 npx vitest run tests/integration/search-contract.test.ts
//
// Only behaviour users notice is asserted, in terms both engines share: what is found and what is
// not, order where it is unambiguous, totals, paging, filters and distances. Engine-specific details
// live elsewhere: sqlite stemming, rollback and vocabulary in search-sqlite.test.ts; Meilisearch's
// exact requests in tests/unit/meilisearch-engine.test.ts.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/utils/db.server.ts";
import type { OpeningQuery, SearchEngine } from "../../search/engine.ts";
import { createOpeningIndex, runTask } from "../../search/meilisearch/client.ts";
import { createMeilisearchEngine } from "../../search/meilisearch/engine.ts";
import { processSearchOutbox } from "../../search/meilisearch/outbox.ts";
import { loadTaxonomySynonyms, openingIndexSettings } from "../../search/meilisearch/settings.ts";
import { createSqliteEngine } from "../../search/sqlite/engine.ts";
import { first, at as nth } from "~/domain/arrays.ts";

type Harness = {
  engine: SearchEngine;
  /** Wait until everything written so far is searchable. */
  settle(): Promise<void>;
  dispose(): Promise<void>;
};

type EngineCase = { name: string; title: string; skip: boolean; start: () => Promise<Harness> };

const MEILI_URL = process.env.MEILI_URL?.trim();

const ENGINES: EngineCase[] = [
  {
    name: "sqlite",
    title: "sqlite (embedded FTS5)",
    skip: false,
    start: async () => ({ engine: createSqliteEngine(db), settle: async () => {}, dispose: async () => {} }),
  },
  {
    name: "meilisearch",
    title: MEILI_URL
      ? `meilisearch (${MEILI_URL})`
      : "meilisearch (skipped: set MEILI_URL to run against a live server, e.g. docker run -p 7700:7700 getmeili/meilisearch)",
    skip: !MEILI_URL,
    start: async () => {
      // A throwaway index per run, so a live server's real "openings" index is never touched.
      const indexUid = `brygga_contract_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
      const engine = createMeilisearchEngine({
        url: MEILI_URL!,
        adminKey: process.env.MEILI_KEY || undefined,
        searchKey: process.env.MEILI_SEARCH_KEY || undefined,
        indexUid,
      });
      await createOpeningIndex(engine.admin, indexUid, openingIndexSettings(loadTaxonomySynonyms()));
      return {
        engine,
        async settle() {
          // Send the outbox (waiting for every task) until it is empty.
          for (;;) {
            const result = await processSearchOutbox({ db, client: engine.admin, indexUid });
            if (result.retried)
              throw new Error(
                `Meilisearch rejected the outbox batch: ${(await db.searchOutbox.findFirst({ where: { processedAt: null } }))?.lastError}`,
              );
            if (result.claimed === 0) return;
          }
        },
        async dispose() {
          await runTask(engine.admin, engine.admin.deleteIndex(indexUid)).catch(() => undefined);
        },
      };
    },
  },
];

// Real JobTech concept ids (reference data in the template database).
const LAGERARBETARE = "DLEi_bTh_oLA"; // Lagerarbetare/Terminalarbetare, SSYK 4322
const LAKARE = "9K3i_XD4_Kyy"; // Läkare, SSYK 2219
const SVETSARE = "rxrQ_Nyy_k6y"; // Svetsare, SSYK 7212
const STADARE = "KF64_AvU_S4N"; // Städare, SSYK 9111
const JONKOPING = { municipalityCode: "0680", lat: 57.78, lng: 14.16 };
const STOCKHOLM = { municipalityCode: "0180", lat: 59.33, lng: 18.07 };
const DAY = 24 * 3600 * 1000;

type Place = typeof JONKOPING;
type At = { employerId: string; workplaceId: string };
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
  endDate?: Date | null;
  publishedAt?: Date;
};

let counter = 0;

// Rows as [title, case] so the title (with the skip reason) is printed in full by "%s".
describe.each(ENGINES.map((e) => [e.title, e] as const))("search contract: %s", (_title, { skip, start }) => {
  const contract = test.skipIf(skip);
  let h: Harness;

  beforeAll(async () => {
    if (!skip) h = await start();
  });
  afterAll(async () => {
    if (!skip) await h?.dispose();
  });

  /** A new employer with one workplace: each test scopes its searches to its own openings. */
  async function createEmployer(place: Place = JONKOPING): Promise<At> {
    counter++;
    const employer = await db.employer.create({ data: { name: `Kontraktsbolaget ${counter} AB`, sector: "private" } });
    const workplace = await db.workplace.create({
      data: { employerId: employer.id, name: "Huvudkontoret", street: "Storgatan 1", postalCode: "55320", ...place },
    });
    return { employerId: employer.id, workplaceId: workplace.id };
  }

  /** Write an opening and sync it in the same transaction, as the application does. */
  async function createOpening(at: At, o: OpeningInput) {
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
          hoursMin: o.hoursMin ?? 10,
          hoursMax: o.hoursMax ?? 20,
          schedule: JSON.stringify({ times: o.schedule ?? ["day"], startFlexible: true }),
          environment: JSON.stringify(o.environment ?? { pace: "calm", instructions: ["written"] }),
          accommodationsOffered: JSON.stringify(o.accommodations ?? []),
          endDate: o.endDate ?? null,
          publishedAt: o.publishedAt ?? new Date(),
        },
      });
      await h.engine.syncOpenings(tx, [opening.id]);
      return opening;
    });
  }

  async function update(id: string, data: { title?: string; status?: string }) {
    await db.$transaction(async (tx) => {
      await tx.opening.update({ where: { id }, data });
      await h.engine.syncOpenings(tx, [id]);
    });
  }

  async function remove(id: string) {
    await db.$transaction(async (tx) => {
      await tx.opening.delete({ where: { id } });
      await h.engine.syncOpenings(tx, [id]);
    });
  }

  async function ids(query: OpeningQuery): Promise<string[]> {
    return (await h.engine.searchOpenings(query)).hits.map((hit) => hit.id);
  }

  const sorted = (...list: Array<{ id: string }>) => list.map((o) => o.id).sort();

  contract("index, update, unpublish, republish, delete; drafts are not indexed", async () => {
    const at = await createEmployer();
    const scope = { employerIds: [at.employerId] };
    const opening = await createOpening(at, { title: "Kassabiträde i butik" });
    await createOpening(at, { title: "Utkast till annons", status: "draft" });
    await h.settle();
    expect(await ids({ text: "kassabiträde", filters: scope })).toEqual([opening.id]);
    expect(await ids({ filters: scope })).toEqual([opening.id]);

    await update(opening.id, { title: "Butiksmedarbetare" });
    await h.settle();
    expect(await ids({ text: "kassabiträde", filters: scope })).toEqual([]);
    expect(await ids({ text: "butiksmedarbetare", filters: scope })).toEqual([opening.id]);
    expect((await h.engine.searchOpenings({ filters: scope })).total).toBe(1);

    await update(opening.id, { status: "closed" });
    await h.settle();
    expect(await ids({ filters: scope })).toEqual([]);

    await update(opening.id, { status: "published" });
    await h.settle();
    expect(await ids({ text: "butiksmedarbetare", filters: scope })).toEqual([opening.id]);

    await remove(opening.id);
    await h.settle();
    expect(await ids({ filters: scope })).toEqual([]);
    expect(await ids({ text: "butiksmedarbetare", filters: scope })).toEqual([]);

    // Syncing unknown ids or nothing at all is harmless.
    await db.$transaction((tx) => h.engine.syncOpenings(tx, ["no-such-opening"]));
    await h.engine.syncOpenings(db, []);
    await h.settle();
  });

  contract("prefix search as you type; stop words ignored", async () => {
    const at = await createEmployer();
    const scope = { employerIds: [at.employerId] };
    const opening = await createOpening(at, { title: "Lagerarbetare till centrallagret" });
    await h.settle();
    for (const text of ["lage", "Lagerarb", "LAGERARBETARE centr", "centrallagret", "lagerarbetare till"]) {
      expect(await ids({ text, filters: scope }), text).toEqual([opening.id]);
    }
    expect(await ids({ text: "svetsare", filters: scope })).toEqual([]);
  });

  contract("diacritics: a query without å/ä/ö finds words with them (words of 5+ letters)", async () => {
    const at = await createEmployer();
    const scope = { employerIds: [at.employerId] };
    const opening = await createOpening(at, { title: "Läkare på vårdcentral", occupationId: LAKARE });
    await h.settle();
    for (const text of ["lakare", "Läkare", "LAKARE vardcentral", "vårdcent", "läkare vårdcentral"]) {
      expect(await ids({ text, filters: scope }), text).toEqual([opening.id]);
    }
  });

  contract("typos: one from 5 letters, two from 9, none below 5", async () => {
    const at = await createEmployer();
    const scope = { employerIds: [at.employerId] };
    const lager = await createOpening(at, { title: "Lagerarbetare sökes" });
    const kock = await createOpening(at, { title: "Kock i skolkök", occupationId: STADARE });
    await h.settle();
    expect(await ids({ text: "lagerarbetere", filters: scope })).toEqual([lager.id]); // 1 typo, 13 letters
    expect(await ids({ text: "lagerarbatere", filters: scope })).toEqual([lager.id]); // 2 typos, 13 letters
    expect(await ids({ text: "kock", filters: scope })).toEqual([kock.id]);
    expect(await ids({ text: "kack", filters: scope })).toEqual([]); // 4 letters: no typo allowed
  });

  contract("relevance is 0..1 and a title match ranks before a description match; 1 without text", async () => {
    const at = await createEmployer();
    const scope = { employerIds: [at.employerId] };
    const inTitle = await createOpening(at, { title: "Svetsare till verkstad", occupationId: SVETSARE });
    const inDescription = await createOpening(at, {
      title: "Verkstadsmedarbetare",
      occupationId: STADARE,
      description: "Du hjälper våra svetsare i verkstaden.",
    });
    await h.settle();
    const result = await h.engine.searchOpenings({ text: "svetsare", filters: scope });
    expect(result.hits.map((hit) => hit.id)).toEqual([inTitle.id, inDescription.id]);
    for (const hit of result.hits) {
      expect(hit.relevance).toBeGreaterThan(0);
      expect(hit.relevance).toBeLessThanOrEqual(1);
      expect(hit.distanceKm).toBeUndefined();
    }
    expect(first(result.hits).relevance).toBeGreaterThanOrEqual(nth(result.hits, 1).relevance);
    const all = await h.engine.searchOpenings({ filters: scope });
    expect(all.hits.every((hit) => hit.relevance === 1)).toBe(true);
  });

  contract("without text: everything that passes the filters, newest first, with total and paging", async () => {
    const at = await createEmployer();
    const scope = { employerIds: [at.employerId] };
    const created = [];
    for (let i = 0; i < 5; i++) {
      created.push(
        await createOpening(at, { title: `Plats nummer ${i}`, publishedAt: new Date(Date.now() - (5 - i) * DAY) }),
      );
    }
    await h.settle();
    const newestFirst = created.map((o) => o.id).reverse();
    const all = await h.engine.searchOpenings({ filters: scope });
    expect(all.total).toBe(5);
    expect(all.hits.map((hit) => hit.id)).toEqual(newestFirst);

    const page = await h.engine.searchOpenings({ filters: scope, limit: 2, offset: 2 });
    expect(page.hits.map((hit) => hit.id)).toEqual(newestFirst.slice(2, 4));
    expect(page.total).toBe(5);
    expect(await h.engine.searchOpenings({ filters: scope, limit: 2, offset: 10 })).toEqual({ hits: [], total: 5 });
    // Same text relevance: the newer opening first.
    expect(await ids({ text: "plats nummer", filters: scope, limit: 2 })).toEqual(newestFirst.slice(0, 2));
  });

  contract(
    "without text, `prefer` puts the openings with every preferred value first; it filters nothing",
    async () => {
      const at = await createEmployer();
      const scope = { employerIds: [at.employerId] };
      const days = (n: number) => new Date(Date.now() - n * DAY);
      const fits = await createOpening(at, {
        title: "Lugn plats med pauser",
        environment: { pace: "calm", instructions: ["shown"] },
        accommodations: ["extra_breaks"],
        publishedAt: days(3),
      });
      const calm = await createOpening(at, {
        title: "Lugn plats",
        environment: { pace: "calm" },
        publishedAt: days(2),
      });
      const busy = await createOpening(at, { title: "Full fart", environment: { pace: "high" }, publishedAt: days(1) });
      await h.settle();
      const prefer = { environment: ["pace:calm", "instructions:shown"], accommodations: ["extra_breaks"] };

      const all = await h.engine.searchOpenings({ filters: scope, prefer });
      expect(first(all.hits).id).toBe(fits.id);
      expect(all.hits.map((hit) => hit.id).sort()).toEqual(sorted(fits, calm, busy));
      expect(all.total).toBe(3);
      // Every hit tells how many of the preferred values it has.
      const count = new Map(all.hits.map((hit) => [hit.id, hit.preferred]));
      expect([count.get(fits.id), count.get(calm.id), count.get(busy.id)]).toEqual([3, 1, 0]);
      const firstPage = await h.engine.searchOpenings({ filters: scope, prefer, limit: 1 });
      expect(firstPage).toEqual({ hits: [{ id: fits.id, relevance: 1, preferred: 3 }], total: 3 });
      // The next pages hold the others, each once.
      const rest = [
        ...(await h.engine.searchOpenings({ filters: scope, prefer, limit: 1, offset: 1 })).hits,
        ...(await h.engine.searchOpenings({ filters: scope, prefer, limit: 1, offset: 2 })).hits,
      ].map((hit) => hit.id);
      expect(rest.sort()).toEqual(sorted(calm, busy));
      // Nobody has it: newest first, as without a preference; with text, relevance decides.
      expect(await ids({ filters: scope, prefer: { accommodations: ["quiet_workspace"] } })).toEqual([
        busy.id,
        calm.id,
        fits.id,
      ]);
      const text = await h.engine.searchOpenings({ text: "lugn plats", filters: scope, prefer });
      expect(text.hits.map((hit) => `${hit.id} ${hit.preferred}`).sort()).toEqual(
        [`${fits.id} 3`, `${calm.id} 1`].sort(),
      );
    },
  );

  contract(
    "filters on codes: kind, hours overlap, schedule and environment exclusions, accommodations, end date",
    async () => {
      const at = await createEmployer();
      const now = Date.now();
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
        endDate: new Date(now + 30 * DAY),
      });
      const ended = await createOpening(at, {
        title: "Sommarjobb på lager",
        kind: "job",
        hoursMin: 20,
        hoursMax: 40,
        occupationId: STADARE,
        endDate: new Date(now - DAY),
      });
      await h.settle();
      const find = async (filters: NonNullable<OpeningQuery["filters"]>) =>
        (await ids({ filters: { employerIds: [at.employerId], ...filters } })).sort();

      expect(await find({})).toEqual(sorted(practice, nightJob, ended));
      expect(await find({ kinds: ["job"] })).toEqual(sorted(nightJob, ended));
      expect(await find({ kinds: [] })).toEqual([]);
      expect(await find({ hours: { min: 5, max: 15 } })).toEqual(sorted(practice));
      expect(await find({ hours: { min: 20, max: 30 } })).toEqual(sorted(practice, nightJob, ended));
      expect(await find({ hours: { min: 41, max: 50 } })).toEqual([]);
      expect(await find({ excludeSchedule: ["night"] })).toEqual(sorted(practice, ended));
      expect(await find({ excludeSchedule: ["schedule:night"] })).toEqual(sorted(practice, ended));
      expect(await find({ excludeEnvironment: ["physicalLoad:heavy"] })).toEqual(sorted(practice, ended));
      expect(await find({ excludeEnvironment: ["pace:high", "noise:quiet"] })).toEqual(sorted(ended));
      expect(await find({ requireAccommodations: ["flexible_start"] })).toEqual(sorted(practice, nightJob));
      expect(await find({ requireAccommodations: ["flexible_start", "extra_breaks"] })).toEqual(sorted(practice));
      expect(await find({ notEndedBefore: now })).toEqual(sorted(practice, nightJob));
      expect(await find({ occupationIds: [STADARE] })).toEqual(sorted(ended));
      expect(await find({ ssyk4Codes: ["4322"] })).toEqual(sorted(practice, nightJob));
      expect(await find({ municipalityCodes: ["0680"] })).toEqual(sorted(practice, nightJob, ended));
      expect(await find({ municipalityCodes: ["0180"] })).toEqual([]);
      // A value with a quote is a value, not syntax.
      expect(await find({ employerIds: [`${at.employerId}" OR kind = "job`] })).toEqual([]);
      // Text and filters together, with totals.
      expect(await ids({ text: "sommarjobb", filters: { employerIds: [at.employerId] } })).toEqual([ended.id]);
      expect(await ids({ text: "sommarjobb", filters: { employerIds: [at.employerId], notEndedBefore: now } })).toEqual(
        [],
      );
      const jobs = await h.engine.searchOpenings({
        filters: { employerIds: [at.employerId], kinds: ["job"] },
        limit: 1,
      });
      expect(jobs.hits).toHaveLength(1);
      expect(jobs.total).toBe(2);
    },
  );

  contract("geo radius with distances in km", async () => {
    const jonkoping = await createEmployer(JONKOPING);
    const stockholm = await createEmployer(STOCKHOLM);
    const near = await createOpening(jonkoping, { title: "Lagerjobb i Jönköping" });
    const far = await createOpening(stockholm, { title: "Lagerjobb i Stockholm" });
    await h.settle();
    const employerIds = [jonkoping.employerId, stockholm.employerId];
    const from = { lat: 57.7826, lng: 14.1618 }; // Jönköping centre

    const within50 = await h.engine.searchOpenings({ filters: { employerIds }, geo: { ...from, radiusKm: 50 } });
    expect(within50.hits.map((hit) => hit.id)).toEqual([near.id]);
    expect(within50.total).toBe(1);
    expect(first(within50.hits).distanceKm).toBeGreaterThanOrEqual(0);
    expect(first(within50.hits).distanceKm).toBeLessThan(1);

    const within400 = await h.engine.searchOpenings({
      text: "lagerjobb",
      filters: { employerIds },
      geo: { ...from, radiusKm: 400 },
    });
    expect(within400.hits.map((hit) => hit.id).sort()).toEqual(sorted(near, far));
    expect(within400.total).toBe(2);
    const toStockholm = within400.hits.find((hit) => hit.id === far.id)?.distanceKm ?? 0;
    expect(toStockholm).toBeGreaterThan(270); // great-circle distance Jönköping–Stockholm ≈ 283 km
    expect(toStockholm).toBeLessThan(295);
    expect(await ids({ filters: { employerIds }, geo: { ...from, radiusKm: Math.floor(toStockholm) - 1 } })).toEqual([
      near.id,
    ]);
  });
});
