// The Meilisearch adapter's HTTP traffic, checked against an in-process fake server (node:http on
// 127.0.0.1) that records every request and answers with the request/response shapes of the
// Meilisearch API reference: enqueued task objects (202), task polling (enqueued → succeeded),
// index objects and `index_not_found` errors, search responses with `_rankingScore`/`_geoDistance`
// and `estimatedTotalHits`, and the key list of GET /keys. No Meilisearch server runs here; the
// live behaviour is covered by tests/integration/search-contract.test.ts when MEILI_URL is set.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { db } from "~/utils/db.server.ts";
import { createMeiliClient, findSearchKey } from "../../search/meilisearch/client.ts";
import {
  createMeilisearchEngine,
  filterNumber,
  filterString,
  meilisearchOptionsFromEnv,
  openingFilter,
  type MeilisearchEngine,
} from "../../search/meilisearch/engine.ts";
import {
  forgetEnsuredIndexes,
  processSearchOutbox,
  RETRY_BASE_MS,
  searchRetryDelayMs,
  RETRY_MAX_MS,
  startSearchOutboxWorker,
  kickSearchOutbox,
} from "../../search/meilisearch/outbox.ts";
import {
  createProgressPrinter,
  rebuildIndexUid,
  reindexMeilisearch,
  renderProgressBar,
} from "../../search/meilisearch/reindex.ts";
import {
  buildSynonyms,
  FILTERABLE_ATTRIBUTES,
  labelForms,
  loadTaxonomySynonyms,
  meilisearchStopWords,
  openingIndexSettings,
  SWEDISH_LETTER_STOP_WORDS,
  type KeywordConcept,
} from "../../search/meilisearch/settings.ts";
import { fold, SWEDISH_STOP_WORDS } from "../../search/text.ts";
import { first, at as nth } from "~/domain/arrays.ts";

// ───────────────────────────── The fake server ─────────────────────────────

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Doc = Record<string, unknown> & { id: string };
type Recorded = { method: string; path: string; query: Record<string, string>; auth: string | null; body: unknown };
type TaskRecord = {
  uid: number;
  indexUid: string | null;
  type: string;
  enqueuedAt: string;
  polls: number;
  /** Applied when the task succeeds; returns an error object to make the task fail. */
  apply: () => { code: string; message: string } | void;
  final?: { status: "succeeded" | "failed"; error: Json };
};
type Reply = { status: number; body?: unknown };

const ADMIN_KEY = "admin-key-0123456789";
const SEARCH_KEY = "search-key-abcdef";

const apiError = (code: string, message: string, type = "invalid_request") => ({
  message,
  code,
  type,
  link: `https://docs.meilisearch.com/errors#${code}`,
});

class FakeMeilisearch {
  // No keep-alive timeout: with Node's default (5 s) the server may close an idle connection just
  // as the client reuses it, and the request fails with a reset when the machine is slow enough
  // for a test to sit idle that long. Idle connections then close with the server (close()).
  server = Object.assign(
    http.createServer((req, res) => void this.handle(req, res)),
    { keepAliveTimeout: 0 },
  );
  url = "";
  requests: Recorded[] = [];
  indexes = new Map<string, { primaryKey: string | null; settings: Record<string, unknown>; docs: Map<string, Doc> }>();
  tasks = new Map<number, TaskRecord>();
  nextTaskUid = 0;
  keys: Json[] = [];
  /** Return a reply to answer a request differently (e.g. a 503); null for the normal answer. */
  intercept: (r: Recorded) => Reply | null = () => null;
  /** How the next searches answer (default: every document of the index, score 1). */
  onSearch: ((uid: string, body: Record<string, unknown>) => { hits: unknown[]; estimatedTotalHits: number }) | null =
    null;

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  async close() {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }
  reset() {
    this.requests = [];
    this.indexes.clear();
    this.tasks.clear();
    this.keys = [];
    this.intercept = () => null;
    this.onSearch = null;
  }
  /** Requests other than task polling. */
  calls(): Recorded[] {
    return this.requests.filter((r) => !(r.method === "GET" && r.path.startsWith("/tasks/")));
  }
  createIndexNow(uid: string) {
    this.indexes.set(uid, { primaryKey: "id", settings: {}, docs: new Map() });
  }

  enqueue(indexUid: string | null, type: string, apply: TaskRecord["apply"]): Reply {
    const uid = this.nextTaskUid++;
    const enqueuedAt = new Date().toISOString();
    this.tasks.set(uid, { uid, indexUid, type, enqueuedAt, polls: 0, apply });
    return { status: 202, body: { taskUid: uid, indexUid, status: "enqueued", type, enqueuedAt } };
  }

  private taskView(t: TaskRecord) {
    // First poll: still enqueued; from the second on: processed (succeeded or failed).
    t.polls++;
    if (t.polls >= 2 && !t.final) {
      const error = t.apply();
      t.final = error
        ? { status: "failed", error: { ...apiError(error.code, error.message) } }
        : { status: "succeeded", error: null };
    }
    const status = t.final?.status ?? "enqueued";
    return {
      uid: t.uid,
      batchUid: t.final ? t.uid : null,
      indexUid: t.indexUid,
      status,
      type: t.type,
      canceledBy: null,
      details: {},
      error: t.final?.error ?? null,
      duration: t.final ? "PT0.001S" : null,
      enqueuedAt: t.enqueuedAt,
      startedAt: t.final ? t.enqueuedAt : null,
      finishedAt: t.final ? new Date().toISOString() : null,
    };
  }

  private route(r: Recorded): Reply {
    const m = (re: RegExp) => r.path.match(re);
    let match: RegExpMatchArray | null;
    if (r.method === "GET" && (match = m(/^\/tasks\/(\d+)$/))) {
      const task = this.tasks.get(Number(match[1]));
      return task
        ? { status: 200, body: this.taskView(task) }
        : { status: 404, body: apiError("task_not_found", "Task not found.") };
    }
    if (r.method === "GET" && r.path === "/keys") {
      return {
        status: 200,
        body: { results: this.keys, offset: 0, limit: Number(r.query.limit ?? 20), total: this.keys.length },
      };
    }
    if (r.method === "POST" && r.path === "/indexes") {
      const { uid, primaryKey } = r.body as { uid: string; primaryKey?: string };
      return this.enqueue(uid, "indexCreation", () => {
        if (this.indexes.has(uid)) return { code: "index_already_exists", message: `Index \`${uid}\` already exists.` };
        this.indexes.set(uid, { primaryKey: primaryKey ?? null, settings: {}, docs: new Map() });
      });
    }
    if (r.method === "POST" && r.path === "/swap-indexes") {
      const swap = first(r.body as Array<{ indexes: [string, string] }>);
      return this.enqueue(null, "indexSwap", () => {
        const [a, b] = swap.indexes;
        const ia = this.indexes.get(a);
        const ib = this.indexes.get(b);
        if (!ia || !ib) return { code: "index_not_found", message: `Index \`${ia ? b : a}\` not found.` };
        this.indexes.set(a, ib);
        this.indexes.set(b, ia);
      });
    }
    if ((match = m(/^\/indexes\/([\w-]+)(\/.*)?$/))) {
      const [, uid = "", rest = ""] = match;
      const index = this.indexes.get(uid);
      const notFound = { status: 404, body: apiError("index_not_found", `Index \`${uid}\` not found.`) };
      if (r.method === "GET" && rest === "") {
        return index
          ? {
              status: 200,
              body: {
                uid,
                primaryKey: index.primaryKey,
                createdAt: "2025-01-01T00:00:00Z",
                updatedAt: "2025-01-01T00:00:00Z",
              },
            }
          : notFound;
      }
      if (r.method === "DELETE" && rest === "") {
        return this.enqueue(uid, "indexDeletion", () => {
          if (!this.indexes.delete(uid)) return { code: "index_not_found", message: `Index \`${uid}\` not found.` };
        });
      }
      if (r.method === "PATCH" && rest === "/settings") {
        return this.enqueue(uid, "settingsUpdate", () => {
          const target = this.indexes.get(uid);
          if (!target) return { code: "index_not_found", message: `Index \`${uid}\` not found.` };
          Object.assign(target.settings, r.body);
        });
      }
      if (r.method === "POST" && rest === "/documents") {
        return this.enqueue(uid, "documentAdditionOrUpdate", () => {
          if (!this.indexes.has(uid)) this.createIndexNow(uid); // Meilisearch creates it implicitly
          const target = this.indexes.get(uid)!;
          for (const doc of r.body as Doc[]) target.docs.set(doc.id, doc);
        });
      }
      if (r.method === "POST" && rest === "/documents/delete-batch") {
        return this.enqueue(uid, "documentDeletion", () => {
          const target = this.indexes.get(uid);
          if (!target) return { code: "index_not_found", message: `Index \`${uid}\` not found.` };
          for (const id of r.body as string[]) target.docs.delete(id);
        });
      }
      if (r.method === "POST" && rest === "/search") {
        if (!index) return notFound;
        const body = r.body as Record<string, unknown>;
        const answer = this.onSearch?.(uid, body) ?? {
          hits: [...index.docs.values()].map((d) => ({ id: d.id, _rankingScore: 1 })),
          estimatedTotalHits: index.docs.size,
        };
        return {
          status: 200,
          body: {
            hits: answer.hits,
            query: body.q ?? "",
            processingTimeMs: 1,
            limit: body.limit ?? 20,
            offset: body.offset ?? 0,
            estimatedTotalHits: answer.estimatedTotalHits,
          },
        };
      }
    }
    return { status: 404, body: apiError("not_found", `No route for ${r.method} ${r.path}`) };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    const url = new URL(req.url ?? "/", "http://localhost");
    const recorded: Recorded = {
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      auth: req.headers.authorization ?? null,
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    this.requests.push(recorded);
    const reply = this.intercept(recorded) ?? this.route(recorded);
    res.statusCode = reply.status;
    if (reply.body === undefined) return void res.end();
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify(reply.body));
  }
}

const fake = new FakeMeilisearch();

beforeAll(() => fake.start());
afterAll(() => fake.close());
beforeEach(async () => {
  fake.reset();
  fake.keys = [
    {
      name: "Default Search API Key",
      description: "Use it to search from the frontend",
      key: SEARCH_KEY,
      uid: "74c9c733-3368-4738-bbe5-1d18a5fecb37",
      actions: ["search"],
      indexes: ["*"],
      expiresAt: null,
      createdAt: "2024-01-01T00:00:00Z",
      updatedAt: "2024-01-01T00:00:00Z",
    },
    {
      name: "Default Admin API Key",
      description: "Use it for anything that is not a search operation.",
      key: ADMIN_KEY,
      uid: "20f7e4c4-612c-4dd1-b783-7934cc038213",
      actions: ["*"],
      indexes: ["*"],
      expiresAt: null,
      createdAt: "2024-01-01T00:00:00Z",
      updatedAt: "2024-01-01T00:00:00Z",
    },
  ];
  await db.searchOutbox.deleteMany();
});

// ───────────────────────────── Fixtures ─────────────────────────────

const LAGERARBETARE = "DLEi_bTh_oLA"; // SSYK 4322
const TRUCKVANA = "pGts_PKK_c8W";

let counter = 0;
async function createEmployer() {
  counter++;
  const employer = await db.employer.create({ data: { name: `Meilibolaget ${counter} AB`, sector: "private" } });
  const workplace = await db.workplace.create({
    data: {
      employerId: employer.id,
      name: "Lagret",
      street: "Lagergatan 1",
      postalCode: "55320",
      municipalityCode: "0680",
      lat: 57.78,
      lng: 14.16,
    },
  });
  return { employerId: employer.id, workplaceId: workplace.id };
}

async function createOpening(
  at: { employerId: string; workplaceId: string },
  o: { title: string; status?: string; publishedAt?: Date },
) {
  return db.opening.create({
    data: {
      employerId: at.employerId,
      workplaceId: at.workplaceId,
      kind: "practice",
      status: o.status ?? "published",
      title: o.title,
      description: "Lugn start med handledare.",
      tasks: JSON.stringify(["Plocka varor"]),
      occupationId: LAGERARBETARE,
      skillIds: JSON.stringify([TRUCKVANA]),
      hoursMin: 10,
      hoursMax: 20,
      schedule: JSON.stringify({ times: ["day"], startFlexible: true }),
      environment: JSON.stringify({ pace: "calm", instructions: ["written"] }),
      accommodationsOffered: JSON.stringify(["flexible_start"]),
      publishedAt: o.publishedAt ?? new Date("2025-03-01T10:00:00Z"),
    },
  });
}

function engine(options: Partial<Parameters<typeof createMeilisearchEngine>[0]> = {}): MeilisearchEngine {
  return createMeilisearchEngine({ url: fake.url, adminKey: ADMIN_KEY, ...options });
}

const quietLogger = () => {
  const lines: string[] = [];
  return {
    lines,
    warn: (...a: unknown[]) => void lines.push(a.map(String).join(" ")),
    error: (...a: unknown[]) => void lines.push(a.map(String).join(" ")),
  };
};

// ───────────────────────────── Settings, synonyms, stop words ─────────────────────────────

describe("index settings", () => {
  test("Search settings (docs/product-rules.md#search): Swedish locale, code filters with _geo, sortables, typo sizes", () => {
    const settings = openingIndexSettings({ lager: ["lagerarbetare"] });
    expect(settings.localizedAttributes).toEqual([{ attributePatterns: ["*"], locales: ["swe"] }]);
    expect(settings.filterableAttributes).toEqual([
      "kind",
      "occupationId",
      "ssyk4Code",
      "ssyk2Code",
      "municipalityCode",
      "employerId",
      "hoursMin",
      "hoursMax",
      "schedule",
      "environment",
      "accommodations",
      "competitive",
      "endDate",
      "_geo",
    ]);
    // Codes, never labels.
    for (const label of ["title", "occupationLabel", "skillLabels", "employerName", "municipalityName"]) {
      expect(settings.filterableAttributes).not.toContain(label);
    }
    expect(settings.searchableAttributes?.slice(0, 2)).toEqual(["title", "occupationLabel"]);
    expect(settings.searchableAttributes).toEqual(
      expect.arrayContaining(["tasks", "skillLabels", "description", "employerName", "municipalityName"]),
    );
    expect(settings.sortableAttributes).toEqual(["publishedAt", "_geo"]);
    expect(settings.rankingRules).toEqual(["words", "typo", "proximity", "attribute", "exactness", "sort"]);
    expect(settings.typoTolerance).toEqual({ enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } });
    expect(settings.synonyms).toEqual({ lager: ["lagerarbetare"] });
    expect(settings.stopWords).toEqual(expect.arrayContaining(["och", "att", "på", "för", "pa"]));
  });

  test("stop words: the folded list of search/text.ts plus its å/ä/ö spellings", () => {
    for (const word of SWEDISH_LETTER_STOP_WORDS) expect(SWEDISH_STOP_WORDS.has(fold(word)), word).toBe(true);
    const words = meilisearchStopWords();
    expect(words).toEqual([...words].sort());
    expect(words.length).toBe(SWEDISH_STOP_WORDS.size + SWEDISH_LETTER_STOP_WORDS.length);
    expect(words).not.toContain("åt"); // excluded by text.ts (it would swallow the AT of "AT-läkare")
  });

  test("synonyms: keyword → occupation labels, one-way, split on '/', topics and other types left out, capped", () => {
    const concepts: KeywordConcept[] = [
      {
        id: "1",
        preferred_label: "Lager",
        type: "keyword",
        related: [
          { id: "a", preferred_label: "Lagerarbetare/Terminalarbetare", type: "occupation-name" },
          { id: "b", preferred_label: "Godsmottagare", type: "occupation-name" },
          { id: "c", preferred_label: "Lagerteknik", type: "sun-education-field-4" },
        ],
      },
      {
        id: "2",
        preferred_label: "Frissa",
        type: "keyword",
        related: [
          { id: "d", preferred_label: "Frisör", type: "occupation-name" },
          { id: "e", preferred_label: "Butikssäljare, fackhandel", type: "occupation-name" },
        ],
      },
      {
        id: "3",
        preferred_label: "Turism",
        type: "keyword",
        related: Array.from({ length: 13 }, (_, i) => ({
          id: `t${i}`,
          preferred_label: `Yrke ${i}`,
          type: "occupation-name",
        })),
      },
      {
        id: "4",
        preferred_label: "Silversmide",
        type: "keyword",
        related: [{ id: "f", preferred_label: "Konsthantverk", type: "sun-education-field-4" }],
      },
      {
        id: "5",
        preferred_label: "Truck",
        type: "keyword",
        related: [{ id: "g", preferred_label: "Truckvana", type: "skill" }],
      },
    ];
    expect(buildSynonyms(concepts)).toEqual({
      frissa: ["butikssäljare", "frisör"],
      lager: ["godsmottagare", "lagerarbetare", "terminalarbetare"],
      truck: ["truckvana"],
    });
    // No reverse entries: "frisör" does not expand to "frissa".
    expect(buildSynonyms(concepts).frisör).toBeUndefined();
    expect(Object.keys(buildSynonyms(concepts, { maxKeywords: 1 }))).toEqual(["frissa"]);
    expect(buildSynonyms(concepts, { maxTargetsPerKeyword: 20 }).turism).toHaveLength(13);
    expect(labelForms("Kock à la carte")).toEqual(["kock à la carte"]);
  });

  test("synonyms from the real JobTech keyword file stay small and sane", () => {
    const synonyms = loadTaxonomySynonyms();
    const keywords = Object.keys(synonyms);
    expect(keywords.length).toBeGreaterThan(10);
    expect(keywords.length).toBeLessThanOrEqual(500);
    for (const targets of Object.values(synonyms)) expect(targets.length).toBeLessThanOrEqual(12);
    expect(synonyms.lager).toEqual(expect.arrayContaining(["lagerarbetare", "terminalarbetare", "godsmottagare"]));
    expect(synonyms.frissa).toContain("frisör");
    expect(loadTaxonomySynonyms("/no/such/file.json", { logger: { warn: () => {} } })).toEqual({});
  });
});

// ───────────────────────────── Writes: the outbox ─────────────────────────────

describe("syncOpenings writes the outbox inside the caller's transaction", () => {
  test("upsert for published, delete otherwise; no network; rolled back with the transaction", async () => {
    const at = await createEmployer();
    const published = await createOpening(at, { title: "Lagerarbetare" });
    const draft = await createOpening(at, { title: "Utkast", status: "draft" });
    const e = engine();

    await db.$transaction((tx) => e.syncOpenings(tx, [published.id, draft.id, "gone-id", published.id]));
    expect(fake.requests).toEqual([]);
    const rows = await db.searchOutbox.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.openingId, r.op, r.attempts, r.processedAt])).toEqual([
      [published.id, "upsert", 0, null],
      [draft.id, "delete", 0, null],
      ["gone-id", "delete", 0, null],
    ]);

    await expect(
      db.$transaction(async (tx) => {
        await e.syncOpenings(tx, [published.id]);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await db.searchOutbox.count()).toBe(3);
    await e.syncOpenings(db, []);
    expect(fake.requests).toEqual([]);
  });
});

describe("processSearchOutbox", () => {
  test("creates the missing index with its settings, then sends one document batch and one delete batch with the admin key", async () => {
    const at = await createEmployer();
    const a = await createOpening(at, { title: "Lagerarbetare till centrallagret" });
    const b = await createOpening(at, { title: "Truckförare" });
    const e = engine();
    await db.$transaction((tx) => e.syncOpenings(tx, [a.id, b.id]));
    // b is closed later, with its own outbox row: collapsed, the last op wins.
    await db.opening.update({ where: { id: b.id }, data: { status: "closed" } });
    await db.$transaction((tx) => e.syncOpenings(tx, [b.id, "never-existed"]));
    // a changes again: one row more, still one document.
    await db.$transaction((tx) => e.syncOpenings(tx, [a.id]));

    const client = createMeiliClient(fake.url, ADMIN_KEY);
    const result = await processSearchOutbox({ db, client, batchSize: 100 });
    expect(result).toEqual({ claimed: 5, upserted: 1, deleted: 2, retried: 0 });

    const calls = fake.calls();
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      "GET /indexes/openings",
      "POST /indexes",
      "PATCH /indexes/openings/settings",
      "POST /indexes/openings/documents",
      "POST /indexes/openings/documents/delete-batch",
    ]);
    expect(fake.requests.every((r) => r.auth === `Bearer ${ADMIN_KEY}`)).toBe(true);
    expect(nth(calls, 1).body).toEqual({ uid: "openings", primaryKey: "id" });
    const settings = nth(calls, 2).body as Record<string, unknown>;
    expect(settings.localizedAttributes).toEqual([{ attributePatterns: ["*"], locales: ["swe"] }]);
    expect(settings.filterableAttributes).toEqual([...FILTERABLE_ATTRIBUTES]);
    expect((settings.synonyms as Record<string, string[]>).lager).toContain("lagerarbetare");

    expect(nth(calls, 3).query).toEqual({ primaryKey: "id" });
    const docs = nth(calls, 3).body as Doc[];
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({
      id: a.id,
      title: "Lagerarbetare till centrallagret",
      occupationId: LAGERARBETARE,
      occupationLabel: "Lagerarbetare/Terminalarbetare",
      ssyk4Code: "4322",
      ssyk2Code: "43",
      skillIds: [TRUCKVANA],
      skillLabels: ["Truckvana"],
      kind: "practice",
      employerId: at.employerId,
      municipalityCode: "0680",
      municipalityName: "Jönköping",
      hoursMin: 10,
      hoursMax: 20,
      schedule: ["day"],
      environment: ["pace:calm", "instructions:written"],
      accommodations: ["flexible_start"],
      endDate: null,
      publishedAt: Date.parse("2025-03-01T10:00:00Z"),
      _geo: { lat: 57.78, lng: 14.16 },
    });
    expect((nth(calls, 4).body as string[]).sort()).toEqual([b.id, "never-existed"].sort());

    // Every task was polled until it succeeded (enqueued on the first poll, succeeded on the second).
    const polls = fake.requests.filter((r) => r.method === "GET" && r.path.startsWith("/tasks/"));
    expect(new Set(polls.map((p) => p.path)).size).toBe(4);
    expect(polls.length).toBe(8);
    expect([...fake.indexes.get("openings")!.docs.keys()]).toEqual([a.id]);

    const rows = await db.searchOutbox.findMany();
    expect(rows.every((r) => r.processedAt !== null && r.lastError === null)).toBe(true);
    // Nothing left: the next run makes no request.
    fake.requests = [];
    expect(await processSearchOutbox({ db, client })).toEqual({ claimed: 0, upserted: 0, deleted: 0, retried: 0 });
    expect(fake.requests).toEqual([]);
  });

  test("an opening queued for upsert but unpublished since is deleted instead", async () => {
    const at = await createEmployer();
    const a = await createOpening(at, { title: "Kassabiträde" });
    const e = engine();
    await db.$transaction((tx) => e.syncOpenings(tx, [a.id]));
    await db.opening.delete({ where: { id: a.id } });
    fake.createIndexNow("openings");
    const result = await processSearchOutbox({ db, client: createMeiliClient(fake.url, ADMIN_KEY) });
    expect(result).toMatchObject({ claimed: 1, upserted: 0, deleted: 1 });
    expect(fake.calls().map((c) => `${c.method} ${c.path}`)).toEqual([
      "GET /indexes/openings",
      "POST /indexes/openings/documents/delete-batch",
    ]);
    expect(nth(fake.calls(), 1).body).toEqual([a.id]);
  });

  test("a 503 leaves the rows unprocessed with attempts + 1 and a backoff; the next run after it succeeds", async () => {
    const at = await createEmployer();
    const a = await createOpening(at, { title: "Lagerarbetare" });
    const e = engine();
    await db.$transaction((tx) => e.syncOpenings(tx, [a.id]));
    fake.createIndexNow("openings");
    const client = createMeiliClient(fake.url, ADMIN_KEY);
    fake.intercept = (r) => (r.method === "POST" && r.path.endsWith("/documents") ? { status: 503 } : null);

    const now = new Date();
    const logger = quietLogger();
    const failed = await processSearchOutbox({ db, client, now, logger, random: () => 1 });
    expect(failed).toEqual({ claimed: 1, upserted: 0, deleted: 0, retried: 1 });
    let row = await db.searchOutbox.findFirstOrThrow();
    expect(row.processedAt).toBeNull();
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/503/);
    expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + RETRY_BASE_MS);
    expect(logger.lines.join("\n")).toMatch(/will retry/);

    // Not due yet: nothing happens.
    fake.requests = [];
    expect((await processSearchOutbox({ db, client, now: new Date(now.getTime() + 1000) })).claimed).toBe(0);
    expect(fake.requests).toEqual([]);

    // A second failure doubles the delay.
    const later = new Date(row.nextAttemptAt.getTime() + 1);
    await processSearchOutbox({ db, client, now: later, logger, random: () => 1 });
    row = await db.searchOutbox.findFirstOrThrow();
    expect(row.attempts).toBe(2);
    expect(row.nextAttemptAt.getTime()).toBe(later.getTime() + 2 * RETRY_BASE_MS);

    // The server is back: the row is sent and marked processed.
    fake.intercept = () => null;
    const ok = await processSearchOutbox({ db, client, now: new Date(row.nextAttemptAt.getTime() + 1) });
    expect(ok).toMatchObject({ claimed: 1, upserted: 1, retried: 0 });
    row = await db.searchOutbox.findFirstOrThrow();
    expect(row.processedAt).not.toBeNull();
    expect(row.attempts).toBe(2);
    expect([...fake.indexes.get("openings")!.docs.keys()]).toEqual([a.id]);
  });

  test("a task that ends as failed is retried too", async () => {
    const at = await createEmployer();
    const a = await createOpening(at, { title: "Lagerarbetare" });
    await db.$transaction((tx) => engine().syncOpenings(tx, [a.id]));
    fake.createIndexNow("openings");
    // Accepted (202), then processed as failed: GET /tasks/{uid} reports status "failed" with an error.
    fake.intercept = (r) =>
      r.method === "POST" && r.path.endsWith("/documents")
        ? fake.enqueue("openings", "documentAdditionOrUpdate", () => ({
            code: "invalid_document_geo_field",
            message: "The `_geo` field in the document with the id: `x` is invalid.",
          }))
        : null;
    const result = await processSearchOutbox({
      db,
      client: createMeiliClient(fake.url, ADMIN_KEY),
      logger: quietLogger(),
    });
    expect(result).toEqual({ claimed: 1, upserted: 0, deleted: 0, retried: 1 });
    const row = await db.searchOutbox.findFirstOrThrow();
    expect(row.processedAt).toBeNull();
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/failed: invalid_document_geo_field/);
  });

  test("a document Meilisearch rejects is retried alone; the rest of the batch goes through", async () => {
    const at = await createEmployer();
    const good = await createOpening(at, { title: "Lagerarbetare" });
    const bad = await createOpening(at, { title: "Trasig annons" });
    const closed = await createOpening(at, { title: "Stängd", status: "closed" });
    await db.$transaction((tx) => engine().syncOpenings(tx, [good.id, bad.id, closed.id]));
    fake.createIndexNow("openings");
    fake.intercept = (r) =>
      r.method === "POST" && r.path.endsWith("/documents") && (r.body as Doc[]).some((d) => d.title === "Trasig annons")
        ? fake.enqueue("openings", "documentAdditionOrUpdate", () => ({
            code: "invalid_document_fields",
            message: "Bad document.",
          }))
        : null;
    const result = await processSearchOutbox({
      db,
      client: createMeiliClient(fake.url, ADMIN_KEY),
      logger: quietLogger(),
    });
    expect(result).toEqual({ claimed: 3, upserted: 1, deleted: 1, retried: 1 });
    // The batch first, then opening by opening.
    expect(
      fake
        .calls()
        .filter((c) => c.path.endsWith("/documents"))
        .map((c) => (c.body as Doc[]).map((d) => d.title).sort()),
    ).toEqual([["Lagerarbetare", "Trasig annons"], ["Lagerarbetare"], ["Trasig annons"]]);
    const rows = await db.searchOutbox.findMany();
    const byOpening = new Map(rows.map((r) => [r.openingId, r]));
    expect(byOpening.get(good.id)?.processedAt).not.toBeNull();
    expect(byOpening.get(closed.id)?.processedAt).not.toBeNull();
    expect(byOpening.get(bad.id)).toMatchObject({ processedAt: null, attempts: 1 });
    expect(byOpening.get(bad.id)?.lastError).toMatch(/invalid_document_fields/);
    expect([...fake.indexes.get("openings")!.docs.keys()]).toEqual([good.id]);
  });

  // 1,100 openings through the outbox and a reindex: seconds of work, far more on a loaded machine.
  test(
    "full batches of 1,000 rows and openings stay below SQLite's 999 bound parameters",
    { timeout: 120_000 },
    async () => {
      const at = await createEmployer();
      const template = await createOpening(at, { title: "Mall" });
      const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = template;
      await db.opening.createMany({
        data: Array.from({ length: 1100 }, (_, i) => ({ ...rest, title: `Massplats ${i}` })),
      });
      const ids = (await db.opening.findMany({ where: { employerId: at.employerId }, select: { id: true } })).map(
        (o) => o.id,
      );
      expect(ids).toHaveLength(1101);
      await db.$transaction((tx) =>
        engine().syncOpenings(tx, [...ids, ...Array.from({ length: 150 }, (_, i) => `gone-${i}`)]),
      );
      expect(await db.searchOutbox.count({ where: { op: "upsert" } })).toBe(1101);

      fake.createIndexNow("openings");
      const client = createMeiliClient(fake.url, ADMIN_KEY);
      expect(await processSearchOutbox({ db, client })).toEqual({
        claimed: 1000,
        upserted: 1000,
        deleted: 0,
        retried: 0,
      });
      expect(await processSearchOutbox({ db, client })).toEqual({
        claimed: 251,
        upserted: 101,
        deleted: 150,
        retried: 0,
      });
      expect(await db.searchOutbox.count({ where: { processedAt: null } })).toBe(0);
      expect(fake.indexes.get("openings")!.docs.size).toBe(1101);

      // A reindex with its default batch size (1,000 documents per request).
      fake.requests = [];
      const published = await db.opening.count({ where: { status: "published" } });
      const result = await reindexMeilisearch({ db, client, settings: openingIndexSettings({}) });
      expect(result.documents).toBe(published);
      const batches = fake
        .calls()
        .filter((c) => c.path.endsWith("/documents"))
        .map((c) => (c.body as Doc[]).length);
      expect(batches).toEqual([1000, published - 1000]);
      expect(fake.indexes.get("openings")!.docs.size).toBe(published);
    },
  );

  test("backoff grows exponentially with jitter and is capped", () => {
    expect(searchRetryDelayMs(1, () => 1)).toBe(RETRY_BASE_MS);
    expect(searchRetryDelayMs(1, () => 0)).toBe(RETRY_BASE_MS / 2);
    expect(searchRetryDelayMs(3, () => 1)).toBe(4 * RETRY_BASE_MS);
    expect(searchRetryDelayMs(30, () => 1)).toBe(RETRY_MAX_MS);
  });

  test("the worker runs at start and on a kick, never overlapping, and stops cleanly", async () => {
    const at = await createEmployer();
    const a = await createOpening(at, { title: "Lagerarbetare" });
    fake.createIndexNow("openings");
    const client = createMeiliClient(fake.url, ADMIN_KEY);
    const worker = startSearchOutboxWorker({ db, client, intervalMs: 60_000, logger: quietLogger() });
    try {
      await db.$transaction((tx) => engine().syncOpenings(tx, [a.id]));
      kickSearchOutbox();
      await expect
        .poll(async () => (await db.searchOutbox.findFirst())?.processedAt ?? null, { timeout: 5000 })
        .not.toBeNull();
      expect([...fake.indexes.get("openings")!.docs.keys()]).toEqual([a.id]);
    } finally {
      await worker.stop();
    }
    kickSearchOutbox(); // no worker left: a no-op
  });
});

// ───────────────────────────── Queries ─────────────────────────────

describe("searchOpenings", () => {
  beforeEach(() => fake.createIndexNow("openings"));
  const searches = () => fake.requests.filter((r) => r.path === "/indexes/openings/search");

  test("uses the search-only key from GET /keys (read once with the admin key), never the admin key", async () => {
    const e = engine();
    fake.onSearch = () => ({
      hits: [
        { id: "o1", _rankingScore: 0.87 },
        { id: "o2", _rankingScore: 0.5 },
      ],
      estimatedTotalHits: 42,
    });
    const result = await e.searchOpenings({ text: "lagerarbetare", limit: 2 });
    expect(result).toEqual({
      hits: [
        { id: "o1", relevance: 0.87 },
        { id: "o2", relevance: 0.5 },
      ],
      total: 42,
    });
    await e.searchOpenings({ text: "truck" });

    expect(fake.requests.filter((r) => r.path === "/keys")).toEqual([
      { method: "GET", path: "/keys", query: { limit: "1000" }, auth: `Bearer ${ADMIN_KEY}`, body: undefined },
    ]);
    expect(searches()).toHaveLength(2);
    for (const s of searches()) expect(s.auth).toBe(`Bearer ${SEARCH_KEY}`);
    expect(first(searches()).body).toEqual({
      q: "lagerarbetare",
      limit: 2,
      offset: 0,
      attributesToRetrieve: ["id"],
      showRankingScore: true,
      sort: ["publishedAt:desc"],
    });
  });

  test("MEILI_SEARCH_KEY given: no key lookup; no search-only key at all: an error, not the admin key", async () => {
    const given = engine({ searchKey: "explicit-search-key" });
    await given.searchOpenings({});
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.auth}`)).toEqual([
      "POST /indexes/openings/search Bearer explicit-search-key",
    ]);

    fake.requests = [];
    fake.keys = (fake.keys as Array<{ actions: string[] }>).filter((k) => k.actions[0] !== "search") as Json[];
    const none = engine();
    await expect(none.searchOpenings({ text: "lager" })).rejects.toThrow(/sök-nyckel/);
    expect(searches()).toEqual([]);
    // A key that expired, or can do more than search, is not used either.
    fake.keys = [
      {
        name: "Default Search API Key",
        key: "old",
        uid: "u1",
        actions: ["search"],
        indexes: ["*"],
        expiresAt: "2000-01-01T00:00:00Z",
        description: "",
        createdAt: "",
        updatedAt: "",
      },
      {
        name: "x",
        key: "too-much",
        uid: "u2",
        actions: ["search", "documents.add"],
        indexes: ["*"],
        expiresAt: null,
        description: "",
        createdAt: "",
        updatedAt: "",
      },
      {
        name: "scoped",
        key: "scoped-key",
        uid: "u3",
        actions: ["search"],
        indexes: ["openings"],
        expiresAt: null,
        description: "",
        createdAt: "",
        updatedAt: "",
      },
    ];
    expect(await findSearchKey(createMeiliClient(fake.url, ADMIN_KEY), "openings")).toBe("scoped-key");
    // The failed lookup is retried by the next search.
    await none.searchOpenings({ text: "lager" });
    expect(searches().at(-1)?.auth).toBe("Bearer scoped-key");
  });

  test("a revoked search key (403) is looked up again on the next search", async () => {
    const e = engine();
    await e.searchOpenings({});
    fake.keys = (fake.keys as Array<Record<string, Json>>).map((k) =>
      (k.actions as string[])[0] === "search" ? { ...k, key: "rotated-key" } : k,
    );
    fake.intercept = (r) =>
      r.path.endsWith("/search") && r.auth === `Bearer ${SEARCH_KEY}`
        ? { status: 403, body: apiError("invalid_api_key", "The provided API key is invalid.", "auth") }
        : null;
    await expect(e.searchOpenings({})).rejects.toThrow(/invalid/);
    await e.searchOpenings({});
    expect(searches().map((s) => s.auth)).toEqual([
      `Bearer ${SEARCH_KEY}`,
      `Bearer ${SEARCH_KEY}`,
      "Bearer rotated-key",
    ]);
    expect(fake.requests.filter((r) => r.path === "/keys")).toHaveLength(2);
  });

  test("every filter of OpeningQuery becomes a filter expression on codes", async () => {
    const e = engine({ searchKey: SEARCH_KEY });
    await e.searchOpenings({
      text: "lager",
      filters: {
        kinds: ["job", "practice"],
        occupationIds: [LAGERARBETARE],
        ssyk4Codes: ["4322"],
        municipalityCodes: ["0680", "0180"],
        employerIds: ["emp1"],
        hours: { min: 10, max: 20 },
        excludeSchedule: ["schedule:night", "night", "evening"],
        excludeEnvironment: ["physicalLoad:heavy", "pace:high"],
        requireAccommodations: ["flexible_start", "extra_breaks"],
        notEndedBefore: 1_740_000_000_000,
      },
      limit: 5,
      offset: 10,
    });
    expect(first(searches()).body).toEqual({
      q: "lager",
      filter:
        'kind IN ["job", "practice"] AND occupationId IN ["DLEi_bTh_oLA"] AND ssyk4Code IN ["4322"] AND ' +
        'municipalityCode IN ["0680", "0180"] AND employerId IN ["emp1"] AND hoursMin <= 20 AND hoursMax >= 10 AND ' +
        'NOT schedule IN ["night", "evening"] AND NOT environment IN ["physicalLoad:heavy", "pace:high"] AND ' +
        'accommodations = "flexible_start" AND accommodations = "extra_breaks" AND ' +
        "(endDate IS NULL OR endDate >= 1740000000000)",
      limit: 5,
      offset: 10,
      attributesToRetrieve: ["id"],
      showRankingScore: true,
      sort: ["publishedAt:desc"],
    });
  });

  test("each filter alone, and quotes and backslashes escaped", () => {
    const f = (filters: NonNullable<Parameters<typeof openingFilter>[0]["filters"]>) =>
      openingFilter({ filters }).filter;
    expect(f({ kinds: ["job"] })).toBe('kind IN ["job"]');
    expect(f({ occupationIds: ["a", "b"] })).toBe('occupationId IN ["a", "b"]');
    expect(f({ ssyk4Codes: ["4322"] })).toBe('ssyk4Code IN ["4322"]');
    expect(f({ municipalityCodes: ["0180"] })).toBe('municipalityCode IN ["0180"]');
    expect(f({ employerIds: ['x" OR kind = "job', "back\\slash"] })).toBe(
      'employerId IN ["x\\" OR kind = \\"job", "back\\\\slash"]',
    );
    expect(f({ hours: { min: 5, max: 7.5 } })).toBe("hoursMin <= 7.5 AND hoursMax >= 5");
    expect(f({ excludeSchedule: ["night"] })).toBe('NOT schedule IN ["night"]');
    expect(f({ excludeEnvironment: ["noise:noisy"] })).toBe('NOT environment IN ["noise:noisy"]');
    expect(f({ requireAccommodations: ["quiet_workspace"] })).toBe('accommodations = "quiet_workspace"');
    expect(f({ notEndedBefore: 0 })).toBe("(endDate IS NULL OR endDate >= 0)");
    expect(f({ excludeSchedule: [], excludeEnvironment: [], requireAccommodations: [] })).toBeNull();
    expect(openingFilter({}).filter).toBeNull();
    expect(filterString('"\\')).toBe('"\\"\\\\"');
    expect(filterNumber(1e-7)).toBe("0.0000001");
    expect(() => filterNumber(Number.NaN)).toThrow(RangeError);
  });

  test("an empty 'one of' list matches nothing without asking the server", async () => {
    const e = engine({ searchKey: SEARCH_KEY });
    expect(await e.searchOpenings({ filters: { kinds: [] } })).toEqual({ hits: [], total: 0 });
    expect(await e.searchOpenings({ text: "lager", filters: { employerIds: [] } })).toEqual({ hits: [], total: 0 });
    expect(fake.requests).toEqual([]);
  });

  test("geo radius in meters, distance from _geoDistance, relevance 1 without text, limit clamped", async () => {
    const e = engine({ searchKey: SEARCH_KEY });
    fake.onSearch = () => ({
      hits: [
        { id: "near", _rankingScore: 1, _geo: { lat: 57.79, lng: 14.16 }, _geoDistance: 1234 },
        // Without _geoDistance the distance is computed from _geo.
        { id: "far", _rankingScore: 1, _geo: { lat: 59.3293, lng: 18.0686 } },
      ],
      estimatedTotalHits: 2,
    });
    const result = await e.searchOpenings({
      geo: { lat: 57.7826, lng: 14.1618, radiusKm: 25.5 },
      filters: { kinds: ["job"] },
      limit: 5000,
    });
    expect(first(searches()).body).toEqual({
      q: "",
      filter: 'kind IN ["job"] AND _geoRadius(57.7826, 14.1618, 25500)',
      limit: 1000,
      offset: 0,
      attributesToRetrieve: ["id", "_geo"],
      showRankingScore: true,
      sort: ["publishedAt:desc", "_geoPoint(57.7826, 14.1618):asc"],
    });
    expect(result.total).toBe(2);
    expect(result.hits[0]).toEqual({ id: "near", relevance: 1, distanceKm: 1.234 });
    expect(nth(result.hits, 1).relevance).toBe(1);
    expect(nth(result.hits, 1).distanceKm).toBeGreaterThan(270);
    expect(nth(result.hits, 1).distanceKm).toBeLessThan(295);
  });

  test("prefer: the openings with every preferred value first, then the others, paged across both", async () => {
    const e = engine({ searchKey: SEARCH_KEY });
    const preferred = '(environment = "pace:calm" AND accommodations = "extra_breaks")';
    // The server holds 3 openings with both values (p1..p3) and 4 without (o1..o4), newest first.
    fake.onSearch = (_uid, body) => {
      const tier = String(body.filter).includes(`NOT ${preferred}`) ? ["o1", "o2", "o3", "o4"] : ["p1", "p2", "p3"];
      const offset = Number(body.offset);
      return {
        hits: tier.slice(offset, offset + Number(body.limit)).map((id) => ({
          id,
          _rankingScore: 1,
          environment: ["pace:calm", "noise:quiet"],
          accommodations: id.startsWith("p") ? ["extra_breaks"] : [],
        })),
        estimatedTotalHits: tier.length,
      };
    };
    const prefer = { environment: ["pace:calm", "pace:calm"], accommodations: ["extra_breaks"] };
    const filters = { kinds: ["job"] };
    const page = async (limit: number, offset: number) => {
      const { hits, total } = await e.searchOpenings({ filters, prefer, limit, offset });
      return { ids: hits.map((h) => h.id), total };
    };
    expect(await page(5, 0)).toEqual({ ids: ["p1", "p2", "p3", "o1", "o2"], total: 7 });
    expect(
      searches().map((r) => {
        const b = r.body as Record<string, unknown>;
        return [b.filter, b.limit, b.offset];
      }),
    ).toEqual([
      [`kind IN ["job"] AND ${preferred}`, 5, 0],
      [`kind IN ["job"] AND NOT ${preferred}`, 2, 0],
    ]);
    expect(await page(2, 2)).toEqual({ ids: ["p3", "o1"], total: 7 });
    // Each hit counts the preferred values it has, from the two attributes retrieved for it.
    expect(first(searches()).body).toMatchObject({ attributesToRetrieve: ["id", "environment", "accommodations"] });
    expect(await page(2, 4)).toEqual({ ids: ["o2", "o3"], total: 7 });
    // A page the first tier fills: the second is asked only for its count, or not at all without countTotal.
    fake.requests = [];
    expect(await page(2, 0)).toEqual({ ids: ["p1", "p2"], total: 7 });
    expect(searches().map((r) => (r.body as Record<string, unknown>).limit)).toEqual([2, 0]);
    fake.requests = [];
    const uncounted = await e.searchOpenings({ filters, prefer, limit: 2, countTotal: false });
    expect(uncounted).toEqual({
      hits: [
        { id: "p1", relevance: 1, preferred: 2 },
        { id: "p2", relevance: 1, preferred: 2 },
      ],
      total: 2,
    });
    expect(searches()).toHaveLength(1);
    // With text, relevance decides: one request, no preference in its filter; the hits still count.
    fake.requests = [];
    const text = await e.searchOpenings({ text: "lager", prefer, limit: 5 });
    expect(searches().map((r) => (r.body as Record<string, unknown>).filter)).toEqual([undefined]);
    expect(text.hits.map((h) => h.preferred)).toEqual([2, 2, 2]);
  });
});

// ───────────────────────────── Reindex ─────────────────────────────

describe("reindexMeilisearch", () => {
  test("builds openings_<timestamp> with settings in batches, swaps it in, deletes the old index, re-queues changes made meanwhile", async () => {
    await db.opening.updateMany({ where: { status: "published" }, data: { status: "closed" } });
    const at = await createEmployer();
    const created: Array<{ id: string }> = [];
    for (let i = 0; i < 5; i++) created.push(await createOpening(at, { title: `Plats ${i}` }));
    await createOpening(at, { title: "Utkast", status: "draft" });
    fake.createIndexNow("openings");
    fake.indexes.get("openings")!.docs.set("stale", { id: "stale" });

    // An outbox row processed before the rebuild stays processed; one written during it is re-queued.
    const before = await db.searchOutbox.create({
      data: { openingId: first(created).id, op: "upsert", processedAt: new Date() },
    });
    let during: number | null = null;
    const phases: string[] = [];
    const client = createMeiliClient(fake.url, ADMIN_KEY);
    const startedAt = new Date("2025-11-23T08:19:00.123Z");
    const result = await reindexMeilisearch({
      db,
      client,
      batchSize: 2,
      now: () => startedAt,
      settings: openingIndexSettings({}),
      progress: (p) => {
        phases.push(`${p.phase} ${p.done}/${p.total}`);
        if (p.phase === "send" && p.done === 2 && during === null) {
          void db.searchOutbox
            .create({ data: { openingId: nth(created, 1).id, op: "upsert", processedAt: new Date() } })
            .then((row) => (during = row.id));
        }
      },
    });
    const built = "openings_20251123081900123";
    expect(rebuildIndexUid("openings", startedAt)).toBe(built);
    expect(result).toEqual({ indexUid: "openings", builtUid: built, documents: 5, requeued: 1 });

    expect(fake.calls().map((c) => `${c.method} ${c.path}`)).toEqual([
      "POST /indexes",
      `PATCH /indexes/${built}/settings`,
      `POST /indexes/${built}/documents`,
      `POST /indexes/${built}/documents`,
      `POST /indexes/${built}/documents`,
      "GET /indexes/openings",
      "POST /swap-indexes",
      `DELETE /indexes/${built}`,
    ]);
    expect(fake.requests.every((r) => r.auth === `Bearer ${ADMIN_KEY}`)).toBe(true);
    const calls = fake.calls();
    expect(first(calls).body).toEqual({ uid: built, primaryKey: "id" });
    expect((nth(calls, 1).body as Record<string, unknown>).localizedAttributes).toEqual([
      { attributePatterns: ["*"], locales: ["swe"] },
    ]);
    expect(calls.slice(2, 5).map((c) => (c.body as Doc[]).length)).toEqual([2, 2, 1]);
    expect(nth(calls, 6).body).toEqual([{ indexes: ["openings", built] }]);

    // The live index now holds exactly the published openings; the old one is gone.
    expect([...fake.indexes.get("openings")!.docs.keys()].sort()).toEqual(created.map((o) => o.id).sort());
    expect(fake.indexes.has(built)).toBe(false);
    expect(phases).toContain("send 5/5");
    expect(phases).toContain("index 3/3");
    expect(phases.at(-1)).toBe("done 5/5");

    expect((await db.searchOutbox.findUniqueOrThrow({ where: { id: before.id } })).processedAt).not.toBeNull();
    expect(during).not.toBeNull();
    expect((await db.searchOutbox.findUniqueOrThrow({ where: { id: during! } })).processedAt).toBeNull();
  });

  test("first run without a live index: an empty one is created to swap with", async () => {
    const client = createMeiliClient(fake.url, ADMIN_KEY);
    await reindexMeilisearch({
      db,
      client,
      settings: openingIndexSettings({}),
      now: () => new Date("2025-01-02T03:04:05.006Z"),
    });
    expect(fake.calls().map((c) => `${c.method} ${c.path}`)).toEqual(
      expect.arrayContaining([
        "GET /indexes/openings",
        "POST /indexes",
        "POST /swap-indexes",
        "DELETE /indexes/openings_20250102030405006",
      ]),
    );
    expect(fake.indexes.has("openings")).toBe(true);
    expect(fake.indexes.has("openings_20250102030405006")).toBe(false);
  });

  test("a failed swap leaves the live index alone and removes the half-built one", async () => {
    fake.createIndexNow("openings");
    fake.indexes.get("openings")!.docs.set("live", { id: "live" });
    fake.intercept = (r) => (r.path === "/swap-indexes" ? { status: 503 } : null);
    const client = createMeiliClient(fake.url, ADMIN_KEY);
    await expect(
      reindexMeilisearch({
        db,
        client,
        settings: openingIndexSettings({}),
        now: () => new Date("2025-01-01T00:00:00.000Z"),
      }),
    ).rejects.toThrow();
    expect([...fake.indexes.keys()]).toEqual(["openings"]);
    expect([...fake.indexes.get("openings")!.docs.keys()]).toEqual(["live"]);
    forgetEnsuredIndexes(client);
  });

  test("the progress bar is plain text", () => {
    expect(renderProgressBar(500, 1000, "platser skickade", 10)).toBe(
      "[#####-----]  50 %  500/1\u00a0000 platser skickade",
    );
    expect(renderProgressBar(0, 0, "x", 4)).toBe("[####] 100 %  0/0 x");
    const written: string[] = [];
    const stream = { isTTY: false, write: (s: string) => void written.push(s) } as unknown as NodeJS.WriteStream;
    const printer = createProgressPrinter(stream);
    for (let i = 0; i <= 100; i++) printer.update(i, 100, "platser");
    expect(written).toHaveLength(11); // one line per 10 % step
  });
});

describe("configuration", () => {
  test("MEILI_URL selects Meilisearch; MEILI_KEY is the admin key, MEILI_SEARCH_KEY the query key", () => {
    expect(meilisearchOptionsFromEnv({})).toBeNull();
    expect(meilisearchOptionsFromEnv({ MEILI_URL: " " })).toBeNull();
    expect(meilisearchOptionsFromEnv({ MEILI_URL: "http://localhost:7700", MEILI_KEY: "master" })).toEqual({
      url: "http://localhost:7700",
      adminKey: "master",
      searchKey: undefined,
      indexUid: undefined,
    });
    expect(
      meilisearchOptionsFromEnv({ MEILI_URL: "http://m:7700", MEILI_KEY: "a", MEILI_SEARCH_KEY: "s" })?.searchKey,
    ).toBe("s");
  });
});

afterEach(() => {
  fake.intercept = () => null;
});
