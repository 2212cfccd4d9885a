// The Meilisearch engine (docs/product-rules.md#search). Writes never touch the network: `syncOpenings` records
// SearchOutbox rows in the caller's transaction, and the outbox worker (outbox.ts) sends them in
// batches. Queries go straight to Meilisearch with a search-only key — never the admin key.
import { MeilisearchApiError, type Meilisearch, type SearchParams } from "meilisearch";
import { haversineKm } from "../../app/domain/geo.ts";
import type { DbOrTx } from "../../app/utils/db.server.ts";
import type { OpeningHit, OpeningQuery, OpeningSearchResult, SearchEngine } from "../engine.ts";
import { createMeiliClient, findSearchKey } from "./client.ts";
import { kickSearchOutboxSoon } from "./outbox.ts";
import { OPENING_INDEX_UID } from "./settings.ts";

export const DEFAULT_LIMIT = 20;
/** The same ceiling as the sqlite engine, and Meilisearch's default pagination.maxTotalHits. */
export const MAX_LIMIT = 1000;
/** Ids per round in `syncOpenings`: Prisma's SQLite driver allows 999 bound parameters per statement. */
const SYNC_CHUNK = 400;

export const OUTBOX_OP = { upsert: "upsert", delete: "delete" } as const;
export type OutboxOp = (typeof OUTBOX_OP)[keyof typeof OUTBOX_OP];

export type MeilisearchEngineOptions = {
  url: string;
  /** Admin (or master) key: writes, settings, GET /keys. Never used for queries. */
  adminKey?: string;
  /**
   * Search-only key for queries. When omitted it is read once from GET /keys with the admin key
   * (the "Default Search API Key"); without an admin key the server is taken to run without keys.
   */
  searchKey?: string;
  indexUid?: string;
  /** Per-request timeout in ms. */
  timeoutMs?: number;
};

export type MeilisearchEngine = SearchEngine & {
  readonly name: "meilisearch";
  readonly indexUid: string;
  /** Client with the admin key, for the outbox worker and reindexing — never for queries. */
  readonly admin: Meilisearch;
  /** The client queries go through (search-only key). */
  searchClient(): Promise<Meilisearch>;
};

export function isMeilisearchEngine(engine: SearchEngine): engine is MeilisearchEngine {
  return engine.name === "meilisearch";
}

/** MEILI_URL (+ MEILI_KEY, MEILI_SEARCH_KEY) from the environment; null when MEILI_URL is unset. */
export function meilisearchOptionsFromEnv(
  env: Record<string, string | undefined> = process.env,
): MeilisearchEngineOptions | null {
  const url = env.MEILI_URL?.trim();
  if (!url) return null;
  return {
    url,
    adminKey: env.MEILI_KEY?.trim() || undefined,
    searchKey: env.MEILI_SEARCH_KEY?.trim() || undefined,
    indexUid: env.MEILI_INDEX?.trim() || undefined,
  };
}

// ───────────────────────────── Query translation ─────────────────────────────

/** A string literal of Meilisearch's filter language: double quotes, `\` and `"` escaped. */
export function filterString(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** A number literal of the filter language (finite, never in exponent notation). */
export function filterNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number in a search filter: ${value}`);
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(12).replace(/\.?0+$/, "") : text;
}

function list(values: string[]): string {
  return `[${values.map(filterString).join(", ")}]`;
}

/** "schedule:night" and "night" both mean the schedule value night (as in the sqlite engine). */
function scheduleValue(value: string): string {
  return value.startsWith("schedule:") ? value.slice("schedule:".length) : value;
}

/**
 * The Meilisearch filter for a query, or null without conditions; `matchesNothing` when a "one of"
 * list is empty (the sqlite engine returns no hits then, and Meilisearch has no literal "false").
 */
export function openingFilter(query: OpeningQuery): { filter: string | null; matchesNothing: boolean } {
  const f = query.filters ?? {};
  const parts: string[] = [];
  let matchesNothing = false;
  const oneOf = (attribute: string, values: string[] | undefined) => {
    if (!values) return;
    if (values.length === 0) matchesNothing = true;
    else parts.push(`${attribute} IN ${list(values)}`);
  };
  oneOf("kind", f.kinds);
  oneOf("occupationId", f.occupationIds);
  oneOf("ssyk4Code", f.ssyk4Codes);
  oneOf("municipalityCode", f.municipalityCodes);
  oneOf("employerId", f.employerIds);
  if (f.hours) parts.push(`hoursMin <= ${filterNumber(f.hours.max)} AND hoursMax >= ${filterNumber(f.hours.min)}`);
  if (f.excludeSchedule?.length)
    parts.push(`NOT schedule IN ${list([...new Set(f.excludeSchedule.map(scheduleValue))])}`);
  if (f.excludeEnvironment?.length) parts.push(`NOT environment IN ${list([...new Set(f.excludeEnvironment)])}`);
  for (const code of new Set(f.requireAccommodations ?? [])) parts.push(`accommodations = ${filterString(code)}`);
  if (f.notEndedBefore !== undefined) parts.push(`(endDate IS NULL OR endDate >= ${filterNumber(f.notEndedBefore)})`);
  if (query.geo) parts.push(geoRadius(query.geo));
  return { filter: parts.length ? parts.join(" AND ") : null, matchesNothing };
}

/** A query's preferred values, each once: what its filter and every hit's count are made of. */
function uniquePreferences(prefer: OpeningQuery["prefer"]): OpeningQuery["prefer"] {
  if (!prefer) return undefined;
  return {
    environment: [...new Set(prefer.environment ?? [])],
    accommodations: [...new Set(prefer.accommodations ?? [])],
  };
}

/**
 * The filter an opening meets when it has every preferred value (OpeningQuery.prefer, each once),
 * or null without any. Meilisearch cannot rank by how many of several values a document has, so
 * its `prefer` puts the openings that have all of them first (the sqlite engine ranks by the count).
 */
function preferredFilter(prefer: OpeningQuery["prefer"]): string | null {
  const parts = [
    ...(prefer?.environment ?? []).map((v) => `environment = ${filterString(v)}`),
    ...(prefer?.accommodations ?? []).map((v) => `accommodations = ${filterString(v)}`),
  ];
  return parts.length ? `(${parts.join(" AND ")})` : null;
}

function geoRadius(geo: NonNullable<OpeningQuery["geo"]>): string {
  const meters = Math.max(0, Math.round(geo.radiusKm * 1000));
  return `_geoRadius(${filterNumber(geo.lat)}, ${filterNumber(geo.lng)}, ${filterNumber(meters)})`;
}

function clampLimit(limit: number | undefined): number {
  return Math.max(0, Math.min(MAX_LIMIT, Math.floor(limit ?? DEFAULT_LIMIT)));
}

/** The body of POST /indexes/{uid}/search for a query (without `q`). */
export function openingSearchParams(query: OpeningQuery, filter: string | null): SearchParams {
  const sort = ["publishedAt:desc"];
  // Sorting on _geoPoint (after publishedAt, so it never changes the order) makes Meilisearch
  // return `_geoDistance` in meters with every hit.
  if (query.geo) sort.push(`_geoPoint(${filterNumber(query.geo.lat)}, ${filterNumber(query.geo.lng)}):asc`);
  const params: SearchParams = {
    limit: clampLimit(query.limit),
    offset: Math.max(0, Math.floor(query.offset ?? 0)),
    attributesToRetrieve: [
      "id",
      ...(query.geo ? ["_geo"] : []),
      // What a hit's `preferred` count is read from.
      ...(query.prefer ? ["environment", "accommodations"] : []),
    ],
    showRankingScore: true,
    sort,
  };
  if (filter) params.filter = filter;
  return params;
}

type RawHit = {
  id: string;
  _rankingScore?: number;
  _geoDistance?: number;
  _geo?: { lat: number; lng: number };
  environment?: string[];
  accommodations?: string[];
};

/**
 * A Meilisearch hit as an OpeningHit: relevance from _rankingScore, distance from _geoDistance (m),
 * and how many of the query's preferred values (each once) its retrieved attributes hold.
 */
export function toOpeningHit(hit: RawHit, query: OpeningQuery, hasText: boolean): OpeningHit {
  const relevance = hasText ? Math.min(1, Math.max(0, Number(hit._rankingScore ?? 0))) : 1;
  const out: OpeningHit = { id: String(hit.id), relevance };
  if (query.geo) {
    if (typeof hit._geoDistance === "number") out.distanceKm = hit._geoDistance / 1000;
    else if (hit._geo) out.distanceKm = haversineKm(query.geo, hit._geo);
  }
  if (query.prefer) {
    const has = (values: string[] | undefined, list: string[] | undefined) =>
      list ? (values ?? []).filter((v) => list.includes(v)).length : 0;
    out.preferred =
      has(query.prefer.environment, hit.environment) + has(query.prefer.accommodations, hit.accommodations);
  }
  return out;
}

// ───────────────────────────── Engine ─────────────────────────────

export function createMeilisearchEngine(options: MeilisearchEngineOptions): MeilisearchEngine {
  const indexUid = options.indexUid ?? OPENING_INDEX_UID;
  const admin = createMeiliClient(options.url, options.adminKey, { timeoutMs: options.timeoutMs });

  let searchClientPromise: Promise<Meilisearch> | null = null;
  function searchClient(): Promise<Meilisearch> {
    if (!searchClientPromise) {
      const resolving = (async () => {
        // Without an admin key the server runs without keys (development): no key at all.
        const key = options.searchKey ?? (options.adminKey ? await findSearchKey(admin, indexUid) : undefined);
        return createMeiliClient(options.url, key, { timeoutMs: options.timeoutMs });
      })();
      searchClientPromise = resolving;
      // A failed lookup (server down at start) is retried by the next search.
      resolving.catch(() => {
        if (searchClientPromise === resolving) searchClientPromise = null;
      });
    }
    return searchClientPromise;
  }

  async function syncOpenings(tx: DbOrTx, openingIds: string[]): Promise<void> {
    const ids = [...new Set(openingIds)];
    if (ids.length === 0) return;
    for (let i = 0; i < ids.length; i += SYNC_CHUNK) {
      const chunk = ids.slice(i, i + SYNC_CHUNK);
      const published = new Set(
        // By primary key only, the status checked here (see loadOpeningDocuments in search/documents.ts).
        (await tx.opening.findMany({ where: { id: { in: chunk } }, select: { id: true, status: true } }))
          .filter((r) => r.status === "published")
          .map((r) => r.id),
      );
      await tx.searchOutbox.createMany({
        data: chunk.map((openingId) => ({
          openingId,
          op: published.has(openingId) ? OUTBOX_OP.upsert : OUTBOX_OP.delete,
        })),
      });
    }
    // Best effort: the rows become visible when the caller's transaction commits; a worker run
    // that comes too early finds nothing, and the next tick picks them up.
    kickSearchOutboxSoon();
  }

  /** One search request: the query's page under this filter. */
  async function searchPage(query: OpeningQuery, text: string, filter: string | null): Promise<OpeningSearchResult> {
    const client = await searchClient();
    let response;
    try {
      response = await client.index(indexUid).search<RawHit>(text, openingSearchParams(query, filter));
    } catch (error) {
      // A looked-up key that was revoked or rotated: look it up again on the next search.
      const status = error instanceof MeilisearchApiError ? error.response?.status : undefined;
      if (!options.searchKey && (status === 401 || status === 403)) searchClientPromise = null;
      throw error;
    }
    const hits = response.hits.map((hit) => toOpeningHit(hit, query, text.length > 0));
    const total = typeof response.estimatedTotalHits === "number" ? response.estimatedTotalHits : hits.length;
    return { hits, total };
  }

  async function searchOpenings(asked: OpeningQuery): Promise<OpeningSearchResult> {
    const query = asked.prefer ? { ...asked, prefer: uniquePreferences(asked.prefer) } : asked;
    const { filter, matchesNothing } = openingFilter(query);
    if (matchesNothing) return { hits: [], total: 0 };
    const text = (query.text ?? "").trim();
    const preferred = text ? null : preferredFilter(query.prefer);
    if (!preferred) return searchPage(query, text, filter);

    // Two tiers, each newest first: the openings with every preferred value, then the others.
    const and = (condition: string) => (filter ? `${filter} AND ${condition}` : condition);
    const limit = clampLimit(query.limit);
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    const first = await searchPage({ ...query, limit, offset }, text, and(preferred));
    const restLimit = limit - first.hits.length;
    if (restLimit === 0 && query.countTotal === false) return { hits: first.hits, total: offset + first.hits.length };
    const rest = await searchPage(
      { ...query, limit: restLimit, offset: Math.max(0, offset - first.total) },
      text,
      and(`NOT ${preferred}`),
    );
    return { hits: [...first.hits, ...rest.hits], total: first.total + rest.total };
  }

  return { name: "meilisearch", indexUid, admin, searchClient, syncOpenings, searchOpenings };
}
