// The matching service (docs/product-rules.md#matching, issue 5): the glue between the search engine, the database and
// the pure matcher in app/domain/matching.
//
//   matchOpeningsForParticipant(participantId, { organizationId, filters?, limit?, now? })
//     → OpeningMatch[]         ranked openings for a participant of the coach's organisation
//   whyNot(participantId, openingId, { organizationId, now? })
//     → WhyNot                 "varför inte?": the hard rules one opening breaks, or its score
//   matchParticipantsForOpening(openingId, { organizationId, limit?, now? })
//     → ParticipantMatch[]     ranked participants of that organisation only (reverse matching)
//
// Participant → openings runs in two stages:
//   1. Candidates from the search engine (planCandidateSearch / searchCandidates). The participant's
//      own limits become engine filters (kinds from goals, hours overlap, "never" schedule and
//      environment values, required `must` accommodations, not ended, a geo radius), so nearly all
//      candidates pass the hard filters. The engine ANDs the words of a query, so the text part is one
//      query per occupation interest (its label) rather than one query with every interest and skill:
//      together they would match almost nothing. Then the interest neighbourhood (substitutable
//      occupations, the same SSYK-4 group, group interests) by occupation filter, and finally
//      the newest other openings in growing rings around home (5 km first), until `candidateLimit`
//      candidates are found or the full radius is searched. Each ring is sized from the density the
//      last one showed (nextRingKm), so a ring holds about as many openings as are still missing:
//      near openings first (they earn the distance points), and the cost of a ring follows the
//      number of candidates wanted, not how many openings a city has within the radius.
//   2. The candidates are loaded in one SQL query, mapped (matching-mappers.server.ts) and ranked by
//      rankMatches, which applies every hard filter again: the engine filters only narrow the search,
//      the matcher decides. Text relevance is the engine's (0 for candidates no text query found).
//
// Reverse matching (opening → participants) never touches the search engine: participant data stays
// in the database (docs/product-rules.md#matching). Scope: every function takes the coach's organisationId; another
// organisation's participant is a 404, and reverse matching reads only that organisation's participants.
// Auditing reads of participant records is the calling route's job (app/utils/audit.server.ts).
import { currentTime } from "./clock.server.ts";
import {
  DEFAULT_TUNING,
  DEFAULT_WEIGHTS,
  distanceKm,
  evaluateMatch,
  kindsForGoals,
  rankMatches,
  type HardFailure,
  type MatchCandidate,
  type MatchOpening,
  type MatchParticipant,
  type Reason,
} from "~/domain/matching/index.ts";
import { parseMatchFilters, type MatchFilters, type MatchFiltersInput } from "~/domain/matching/filters.ts";
import { participantHours } from "~/domain/matching/hard-filters.ts";
import type { OpeningKind } from "~/domain/vocab/openings.ts";
import type { Phase } from "~/domain/vocab/participants.ts";
import type { OpeningHit, OpeningQuery, SearchEngine } from "../../search/engine.ts";
import { getSearchEngine } from "../../search/index.ts";
import { db as defaultDb, type Db } from "./db.server.ts";
import {
  toMatchOpening,
  toMatchParticipant,
  type OpeningMatchRow,
  type ParticipantMatchRow,
} from "./matching-mappers.server.ts";
import { getOccupationGraph, interestNeighbourhood, type LoadedOccupationGraph } from "./occupation-graph.server.ts";
import { cachedRead } from "./read-connection.server.ts";
import { badRequest, notFound } from "./responses.server.ts";
import { DAY_MS } from "~/domain/swedish-time.ts";
import type { Result } from "~/domain/result.ts";

// ───────────────────────────── tuning of the candidate search ─────────────────────────────

/** The knobs of the candidate search; planCandidateSearch takes overrides (benchmarks, experiments). */
export type CandidateTuning = {
  /** Default and maximum number of results a caller may ask for. */
  defaultLimit: number;
  maxLimit: number;
  /** Candidates scored per participant search: enough for a full first screen after the hard filters. */
  candidateLimit: number;
  /**
   * Text hits read per interest before the candidates are chosen from them by text relevance,
   * distance and the participant's environment and accommodation wishes together (see
   * searchCandidates). More than candidateLimit: the engine scores every match anyway, and in a
   * dense region the most relevant hits across the whole radius crowd out equally fitting
   * openings close to home (candidate recall at 300k openings: 0.85 → 0.95).
   */
  textPool: number;
  /** At most this many occupation interests get their own text query (the rest join the neighbourhood). */
  maxTextQueries: number;
  /**
   * Without a stated max commute and without a distance filter there is no hard distance limit, but a
   * search needs a radius: openings further away than this are not considered (the distance points
   * reach 0 at the matcher's defaultCommuteKm, 30 km, anyway).
   */
  unstatedRadiusKm: number;
  /** Page size asked of the engine for the neighbourhood (its maximum; see planCandidateSearch). */
  neighbourhoodPage: number;
  /** The fill's first ring (km); the next ones grow with the density it finds (nextRingKm). */
  firstRingKm: number;
  /**
   * Interest siblings searched by occupation: the SSYK-4 group (fit 0.6, docs/product-rules.md#matching) or the whole SSYK-3
   * group (0.45 and up). SSYK-3 finds a little more (candidate recall@20 0.960 vs 0.949 in the benchmark
   * data) but scans ~3× the rows per search; farther siblings still come in through the fill.
   */
  siblingLevel: 3 | 4;
};

export const MATCHING_LIMITS: Readonly<CandidateTuning> = Object.freeze({
  defaultLimit: 20,
  maxLimit: 100,
  candidateLimit: 300,
  textPool: 1000,
  maxTextQueries: 3,
  unstatedRadiusKm: 100,
  neighbourhoodPage: 1000,
  firstRingKm: 5,
  siblingLevel: 4,
});

/** Slack on the engine's radius so float rounding at the border never hides an opening the matcher allows. */
const RADIUS_SLACK_KM = 0.05;
/** Upper bound for an open hours range (a week has 168 hours). */
const OPEN_HOURS_MAX = 168;

/**
 * Accommodations an opening can offer through other fields (written instructions in the
 * environment, a fixed supervisor, a flexible start time; see offersAccommodation in the matcher).
 * The engine only knows the explicit list, so `must` needs for these are checked by the matcher alone.
 */
const DERIVED_ACCOMMODATIONS = new Set(["written_instructions", "fixed_supervisor", "flexible_start"]);

// ───────────────────────────── public types ─────────────────────────────

export type OpeningMatch = {
  openingId: string;
  title: string;
  kind: OpeningKind;
  employerName: string;
  municipalityName: string;
  occupationLabel: string;
  /** Home → workplace in km (one decimal); null when either point is unknown. */
  distanceKm: number | null;
  score: number;
  reasons: Reason[];
};

export type ParticipantMatch = {
  /** Opaque id, for links and proposals. No real name, contact details or profile content. */
  participantId: string;
  pseudonym: string;
  phase: Phase;
  distanceKm: number | null;
  score: number;
  reasons: Reason[];
};

type Explained = { score: number; reasons: Reason[]; distanceKm: number | null };
export type WhyNot = Result<Explained, Explained & { failures: HardFailure[] }>;

export type MatchOpeningsOptions = {
  organizationId: string;
  /** The coach's filters (validated here too: a bad value is a 400). */
  filters?: MatchFiltersInput | MatchFilters;
  limit?: number;
  now?: Date;
  /** Override the number of candidates scored (benchmarks, tests). */
  candidateLimit?: number;
  /** Database client (defaults to the app's). */
  db?: Db;
};

export type MatchParticipantsOptions = { organizationId: string; limit?: number; now?: Date; db?: Db };
export type WhyNotOptions = { organizationId: string; now?: Date; db?: Db };

// ───────────────────────────── loading ─────────────────────────────

const OPENING_COLUMNS = `o.id, o.kind, o.status, o.title, o.occupationId, occ.label AS occupationLabel, occ.ssyk4Code AS ssyk4Code,
  o.hoursMin, o.hoursMax, o.schedule, o.environment, o.accommodationsOffered, o.employmentSupport, o.competitive,
  o.leadsToEmployment, o.supervisorName, o.supervisorFixed, o.places, o.endDate, o.publishedAt,
  w.lat AS lat, w.lng AS lng, m.name AS municipalityName, e.name AS employerName, e.organizationId AS employerOrganizationId,
  (SELECT COUNT(*) FROM Placement pl WHERE pl.openingId = o.id AND pl.status <> 'ended') AS activePlacements`;

const OPENING_FROM = `FROM Opening o
  JOIN Occupation occ ON occ.id = o.occupationId
  JOIN Workplace w ON w.id = o.workplaceId
  JOIN Municipality m ON m.code = w.municipalityCode
  JOIN Employer e ON e.id = o.employerId`;

type OpeningRow = OpeningMatchRow & {
  municipalityName: string;
  employerName: string;
  employerOrganizationId: string | null;
};

/** Openings with everything the matcher and the result list need, in one query. */
export async function loadOpeningRows(db: Db, ids: readonly string[]): Promise<OpeningRow[]> {
  if (ids.length === 0) return [];
  const rows: OpeningRow[] = [];
  // 900 bound parameters per statement stays below every SQLite build's limit.
  for (let i = 0; i < ids.length; i += 900) {
    const part = ids.slice(i, i + 900);
    // Cached prepared statements (read-connection.server.ts); the same SQL for every full batch.
    rows.push(
      ...(await cachedRead<OpeningRow>(
        db,
        `SELECT ${OPENING_COLUMNS} ${OPENING_FROM} WHERE o.id IN (${part.map(() => "?").join(", ")})`,
        part,
      )),
    );
  }
  return rows;
}

const PARTICIPANT_SELECT = `SELECT p.id, p.pseudonym, p.phase, p.goals, p.lat, p.lng,
    mu.lat AS municipalityLat, mu.lng AS municipalityLng,
    pr.interests, pr.preferences, pr.environmentPrefs, pr.needs, pr.exclusions
  FROM Participant p
  LEFT JOIN Profile pr ON pr.participantId = p.id
  LEFT JOIN Municipality mu ON mu.code = p.municipalityCode`;

type ParticipantRow = ParticipantMatchRow & { pseudonym: string; phase: string };

/** The participant of this organisation (not erased), or a 404 that does not reveal other organisations' records. */
async function requireParticipantRow(db: Db, participantId: string, organizationId: string): Promise<ParticipantRow> {
  const [row] = await cachedRead<ParticipantRow>(
    db,
    `${PARTICIPANT_SELECT} WHERE p.id = ? AND p.organizationId = ? AND p.erasedAt IS NULL`,
    [participantId, organizationId],
  );
  if (!row) notFound("Deltagaren finns inte.");
  return row;
}

/**
 * An opening the coach may look at, or a 404: every opening except other organisations' drafts
 * (openings are a shared marketplace once published; a filled or closed one is shown as such).
 */
async function requireOpeningRow(db: Db, openingId: string, organizationId: string): Promise<OpeningRow> {
  const [row] = await loadOpeningRows(db, [openingId]);
  if (!row || (row.status === "draft" && row.employerOrganizationId !== organizationId))
    notFound("Annonsen finns inte.");
  return row;
}

/** A participant of the organisation as the matcher sees them (404 otherwise): for callers that plan or explain a search. */
export async function loadMatchParticipant(
  participantId: string,
  options: { organizationId: string; db?: Db },
): Promise<MatchParticipant> {
  return toMatchParticipant(
    await requireParticipantRow(options.db ?? defaultDb, participantId, options.organizationId),
  );
}

// ───────────────────────────── stage 1: candidates ─────────────────────────────

export type CandidatePlan = {
  /** One text query per occupation interest (its label), sharing the filters and the geo radius. */
  textQueries: OpeningQuery[];
  /** Substitutable occupations, the same SSYK-4 group and group interests, without text. */
  neighbourhoodQuery: OpeningQuery | null;
  /**
   * Every other opening within the filters, newest first, at the full radius (or without a radius
   * when the participant has no home). searchCandidates runs it in rings from `firstRingKm`.
   */
  fillQuery: OpeningQuery;
  /** The first ring of the fill (km); null when the fill is one query (no home, or a small radius). */
  firstRingKm: number | null;
  /** Where the matcher's distance points reach 0 (km): how text hits near home are preferred. */
  commuteKm: number;
  candidateLimit: number;
  /** Nothing can match (e.g. the kind filter and the goals have no kind in common). */
  empty: boolean;
};

function intersectHours(ranges: Array<{ min: number; max: number } | null>): { min: number; max: number } | null {
  const given = ranges.filter((r): r is { min: number; max: number } => r !== null);
  if (given.length === 0) return null;
  // Overlapping every range ⇔ hoursMax ≥ max of the mins and hoursMin ≤ min of the maxes, which is
  // exactly the engine's overlap filter on [max mins, min maxes] (even when that range is inverted).
  return { min: Math.max(...given.map((r) => r.min)), max: Math.min(...given.map((r) => r.max)) };
}

function filterHours(filters: MatchFilters): { min: number; max: number } | null {
  if (filters.hoursMin === undefined && filters.hoursMax === undefined) return null;
  return { min: filters.hoursMin ?? 0, max: filters.hoursMax ?? OPEN_HOURS_MAX };
}

/** The kinds a participant may be shown, narrowed by the coach's kind filter. */
export function allowedKinds(participant: MatchParticipant, filters: MatchFilters): OpeningKind[] {
  const byGoals = kindsForGoals(participant.goals);
  return filters.kinds ? filters.kinds.filter((k) => byGoals.has(k)) : [...byGoals];
}

/** The search radius around the participant's home: the tighter of max commute and the distance filter. */
export function searchRadiusKm(
  participant: MatchParticipant,
  filters: MatchFilters,
  unstatedRadiusKm = MATCHING_LIMITS.unstatedRadiusKm,
): number {
  const limits = [participant.preferences.maxCommuteKm, filters.maxDistanceKm].filter(
    (x): x is number => typeof x === "number" && Number.isFinite(x),
  );
  return limits.length ? Math.min(...limits) : unstatedRadiusKm;
}

/**
 * Translate a participant's profile (and the coach's filters) into engine queries. Pure: the
 * benchmark runs the same plan against the engine alone to measure the floor.
 */
export function planCandidateSearch(
  participant: MatchParticipant,
  graph: LoadedOccupationGraph,
  filters: MatchFilters,
  o: { now: Date; candidateLimit?: number; tuning?: Partial<CandidateTuning> },
): CandidatePlan {
  const t: CandidateTuning = { ...MATCHING_LIMITS, ...o.tuning };
  const candidateLimit = Math.max(1, Math.floor(o.candidateLimit ?? t.candidateLimit));
  const kinds = allowedKinds(participant, filters);

  // Hours: pushed to the engine only when study visits are out of the picture (they have no weekly
  // hours, so neither the participant's range nor the coach's filter applies to them).
  const hours = kinds.includes("visit") ? null : intersectHours([participantHours(participant), filterHours(filters)]);
  const requireAccommodations = [
    ...new Set(participant.needs.filter((n) => n.must && !DERIVED_ACCOMMODATIONS.has(n.code)).map((n) => n.code)),
  ];
  const base: OpeningQuery["filters"] = {
    kinds,
    notEndedBefore: o.now.getTime() - DAY_MS,
    ...(hours ? { hours } : {}),
    ...(participant.exclusions.schedule.length
      ? { excludeSchedule: participant.exclusions.schedule.map((s) => `schedule:${s}`) }
      : {}),
    ...(participant.exclusions.environment.length ? { excludeEnvironment: participant.exclusions.environment } : {}),
    ...(requireAccommodations.length ? { requireAccommodations } : {}),
  };
  const radiusKm = searchRadiusKm(participant, filters, t.unstatedRadiusKm);
  const geo = participant.home
    ? { lat: participant.home.lat, lng: participant.home.lng, radiusKm: radiusKm + RADIUS_SLACK_KM }
    : undefined;
  const query = (extra: Partial<OpeningQuery> & { filters?: OpeningQuery["filters"] }): OpeningQuery => ({
    ...extra,
    filters: { ...base, ...extra.filters },
    ...(geo ? { geo } : {}),
    limit: candidateLimit,
    countTotal: false, // the candidate search never uses the total: not counted
  });

  const excludedIds = new Set(participant.exclusions.occupationIds);
  const excludedGroups = participant.exclusions.groupCodes.filter((c) => c.length > 0);
  const allowed = (id: string) => {
    const ssyk4 = graph.occupations.get(id)?.ssyk4Code ?? "";
    return !excludedIds.has(id) && !excludedGroups.some((c) => ssyk4.startsWith(c));
  };
  const interestIds = participant.interests.occupationIds.filter((id) => graph.occupations.has(id) && allowed(id));
  const textIds = interestIds.slice(0, t.maxTextQueries);
  // Labels from the vocabulary, not typed: no typo corrections (they doubled the cost of each query).
  const preferences = openingPreferences(participant);
  const textQueries = textIds.map((id) => ({
    ...query({ text: graph.occupations.get(id)!.label, typoTolerance: false }),
    ...preferences,
    limit: Math.max(candidateLimit, t.textPool),
  }));

  const neighbourhood = [
    ...interestIds.slice(t.maxTextQueries),
    ...interestNeighbourhood(graph, participant.interests, participant.exclusions, t.siblingLevel),
  ];
  // Up to the engine's maximum page: the neighbourhood rarely has that many openings within reach, and
  // a page that is not full tells the sqlite engine the total without a second, counting scan.
  const neighbourhoodQuery = neighbourhood.length
    ? {
        ...query({ filters: { occupationIds: [...new Set(neighbourhood)] } }),
        limit: Math.max(candidateLimit, t.neighbourhoodPage),
      }
    : null;

  // The fill prefers what the matcher scores from the opening alone (environment, instructions,
  // accommodations): newest first only among openings that meet as many of them.
  const fillQuery = { ...query({}), ...preferences };
  const firstRingKm = geo && t.firstRingKm < radiusKm ? t.firstRingKm : null;

  const impossible = kinds.length === 0 || (participant.preferences.maxCommuteKm != null && !participant.home);
  const commuteKm = participant.preferences.maxCommuteKm ?? DEFAULT_TUNING.defaultCommuteKm;
  return { textQueries, neighbourhoodQuery, fillQuery, firstRingKm, commuteKm, candidateLimit, empty: impossible };
}

/** The participant's environment preferences and `nice` accommodation needs as the engine's `prefer`. */
function openingPreferences(participant: MatchParticipant): Pick<OpeningQuery, "prefer"> {
  const { instructions, ...dimensions } = participant.environmentPrefs;
  const styles = new Set(instructions ?? []);
  if (participant.needs.some((n) => n.code === "written_instructions")) styles.add("written");
  const environment = [
    ...Object.entries(dimensions).flatMap(([dimension, value]) =>
      typeof value === "string" ? [`${dimension}:${value}`] : [],
    ),
    ...[...styles].map((style) => `instructions:${style}`),
  ];
  const accommodations = [
    ...new Set(participant.needs.filter((n) => !n.must && !DERIVED_ACCOMMODATIONS.has(n.code)).map((n) => n.code)),
  ];
  if (environment.length === 0 && accommodations.length === 0) return {};
  return { prefer: { environment, accommodations } };
}

export type Candidates = {
  /** Opening ids in priority order, at most candidateLimit. */
  ids: string[];
  /** Text relevance by opening id: set only when the plan had text queries (0 for non-text candidates). */
  relevance: Map<string, number> | null;
  /** Engine calls made (for diagnostics and the benchmark). */
  queries: number;
};

/** A ring grows at least this much (radius), so a run of sparse rings reaches the full radius in a few steps. */
const MIN_RING_GROWTH = 1.5;
/** Without an opening in the last ring, the next one is this much wider (nine times the area). */
const EMPTY_RING_GROWTH = 3;
/** Aim for this much more than the openings still missing: density is never even. */
const RING_MARGIN = 1.25;

/** A ring that would reach this share of the full radius is the full radius: see nextRingKm. */
const FULL_RING_SHARE = 0.5;

/**
 * The fill's next ring: wide enough that, at the density the last ring showed (`within` openings
 * within `ringKm`), it holds the openings found so far plus the `missing` ones, with a margin; at
 * least 1.5× the last ring. A ring of half the full radius or more becomes the full radius: a
 * query reads every opening in its box (those the filters reject too), so a ring that wide costs
 * at least a quarter of the full query, and failing would mean reading the middle twice.
 */
export function nextRingKm(ringKm: number, within: number, missing: number, fullKm: number): number {
  const growth =
    within > 0 ? Math.max(MIN_RING_GROWTH, RING_MARGIN * Math.sqrt((within + missing) / within)) : EMPTY_RING_GROWTH;
  const next = ringKm * growth;
  return next >= FULL_RING_SHARE * fullKm ? fullKm : next;
}

/**
 * The matcher's points (DEFAULT_WEIGHTS) that a hit's distance and preferred values foretell:
 * distance, and environment and accommodations by the share of the preferred values it has.
 */
function knownPoints(hit: OpeningHit, commuteKm: number, wanted: number): number {
  const near = hit.distanceKm === undefined ? 0 : Math.max(0, 1 - hit.distanceKm / commuteKm);
  const preferred = wanted > 0 ? (hit.preferred ?? 0) / wanted : 1;
  return DEFAULT_WEIGHTS.distance * near + (DEFAULT_WEIGHTS.environment + DEFAULT_WEIGHTS.accommodations) * preferred;
}

/**
 * Run a plan against the engine: text hits first (those the matcher would score highest on what
 * the engine knows of them), then the neighbourhood, then the fill rings.
 */
export async function searchCandidates(engine: SearchEngine, plan: CandidatePlan): Promise<Candidates> {
  if (plan.empty) return { ids: [], relevance: null, queries: 0 };
  let queries = 0;
  const relevance = new Map<string, number>();
  const known = new Map<string, number>();
  for (const q of plan.textQueries) {
    const { hits } = await engine.searchOpenings(q);
    queries++;
    const wanted = (q.prefer?.environment?.length ?? 0) + (q.prefer?.accommodations?.length ?? 0);
    for (const h of hits) {
      relevance.set(h.id, Math.max(relevance.get(h.id) ?? 0, h.relevance));
      known.set(h.id, knownPoints(h, plan.commuteKm, wanted));
    }
  }
  // The text hits the matcher would score highest on what the engine knows of them.
  const textFirst = (id: string) => DEFAULT_WEIGHTS.text * relevance.get(id)! + known.get(id)!;
  const ids = [...relevance.keys()].sort((a, b) => textFirst(b) - textFirst(a)).slice(0, plan.candidateLimit);
  const seen = new Set(ids);
  const add = (id: string) => {
    if (ids.length < plan.candidateLimit && !seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  };
  if (plan.neighbourhoodQuery && ids.length < plan.candidateLimit) {
    const { hits } = await engine.searchOpenings(plan.neighbourhoodQuery);
    queries++;
    for (const h of hits) add(h.id);
  }
  // The fill, in rings: each ring query returns the newest openings within it, those of the smaller
  // rings included (already seen), so a ring that is not full counts every opening within it.
  const full = plan.fillQuery.geo;
  let ringKm = full && plan.firstRingKm !== null ? plan.firstRingKm : null;
  while (ids.length < plan.candidateLimit) {
    const q = full && ringKm !== null ? { ...plan.fillQuery, geo: { ...full, radiusKm: ringKm } } : plan.fillQuery;
    const { hits } = await engine.searchOpenings(q);
    queries++;
    for (const h of hits) add(h.id);
    if (!full || ringKm === null) break;
    ringKm = nextRingKm(ringKm, hits.length, plan.candidateLimit - ids.length, full.radiusKm);
    if (ringKm >= full.radiusKm) ringKm = null; // the last ring is the full query itself
  }
  return { ids, relevance: plan.textQueries.length ? relevance : null, queries };
}

// ───────────────────────────── helpers ─────────────────────────────

function validFilters(input: MatchOpeningsOptions["filters"]): MatchFilters {
  const parsed = parseMatchFilters(input ?? {});
  if (!parsed.ok) badRequest(parsed.message);
  return parsed.data;
}

function clampLimit(limit: number | undefined): number {
  const n = Number.isFinite(limit) ? Math.floor(limit as number) : MATCHING_LIMITS.defaultLimit;
  return Math.min(MATCHING_LIMITS.maxLimit, Math.max(1, n));
}

const roundKm = (km: number | null) => (km === null ? null : Math.round(km * 10) / 10);

/** The coach's filters applied in application code too (the engine's are an optimisation, not the rule). */
function passesCoachFilters(opening: MatchOpening, participant: MatchParticipant, filters: MatchFilters): boolean {
  if (filters.kinds && !filters.kinds.includes(opening.kind)) return false;
  if (filters.maxDistanceKm !== undefined) {
    const km = distanceKm(opening, participant);
    if (km === null || km > filters.maxDistanceKm) return false;
  }
  const hours = filterHours(filters);
  if (hours && opening.kind !== "visit" && (opening.hoursMax < hours.min || opening.hoursMin > hours.max)) return false;
  return true;
}

// ───────────────────────────── the API ─────────────────────────────

/** Ranked openings for one participant of the coach's organisation (docs/product-rules.md#match-lists, #matching). */
export async function matchOpeningsForParticipant(
  participantId: string,
  options: MatchOpeningsOptions,
): Promise<OpeningMatch[]> {
  const db = options.db ?? defaultDb;
  const filters = validFilters(options.filters);
  const limit = clampLimit(options.limit);
  const now = options.now ?? currentTime();

  const row = await requireParticipantRow(db, participantId, options.organizationId);
  const participant = toMatchParticipant(row);
  const graph = await getOccupationGraph(db);
  const plan = planCandidateSearch(participant, graph, filters, { now, candidateLimit: options.candidateLimit });
  const found = await searchCandidates(getSearchEngine(db), plan);
  if (found.ids.length === 0) return [];

  const rows = await loadOpeningRows(db, found.ids);
  const info = new Map(rows.map((r) => [r.id, r]));
  const candidates: MatchCandidate[] = [];
  for (const r of rows) {
    const opening = toMatchOpening(r);
    if (!passesCoachFilters(opening, participant, filters)) continue;
    candidates.push({
      opening,
      participant,
      textRelevance: found.relevance ? (found.relevance.get(r.id) ?? 0) : undefined,
    });
  }
  return rankMatches(candidates, { graph, now })
    .slice(0, limit)
    .map((m) => {
      const r = info.get(m.opening.id)!;
      return {
        openingId: m.opening.id,
        title: m.opening.title,
        kind: m.opening.kind,
        employerName: r.employerName,
        municipalityName: r.municipalityName,
        occupationLabel: m.opening.occupationLabel,
        distanceKm: roundKm(m.distanceKm),
        score: m.score,
        reasons: m.reasons,
      };
    });
}

/**
 * "Varför inte?": the hard rules this opening breaks for this participant (each with a Swedish
 * sentence), or its score and reasons when it breaks none. Works for any opening the coach may see,
 * whether or not the search would have found it. The score here has no text relevance (there is no
 * search), so it can differ by a few points from the one in the ranked list; the proposal workflow
 * stores this score.
 */
export async function whyNot(participantId: string, openingId: string, options: WhyNotOptions): Promise<WhyNot> {
  const db = options.db ?? defaultDb;
  const now = options.now ?? currentTime();
  const participant = toMatchParticipant(await requireParticipantRow(db, participantId, options.organizationId));
  const opening = toMatchOpening(await requireOpeningRow(db, openingId, options.organizationId));
  const graph = await getOccupationGraph(db);
  const { hardFilters, match } = evaluateMatch(opening, participant, { graph, now });
  const common = { score: match.score, reasons: match.reasons, distanceKm: roundKm(match.distanceKm) };
  return hardFilters.ok ? { ok: true, ...common } : { ok: false, failures: hardFilters.failures, ...common };
}

// ───────────────────────────── reverse matching ─────────────────────────────
//
// An organisation's active participants are parsed (JSON + zod) only when they changed; the parsed
// form is kept per process and organisation. Every request first reads one aggregate row over the
// organisation's active participants — how many, and the latest updatedAt of participant and
// profile — and reuses the parsed list when it is unchanged (Prisma sets updatedAt on every write,
// and an erasure, exit or move also changes the count). Otherwise it reads a stamp per participant
// (updatedAt of both rows and the length of the profile's JSON) and re-reads only the changed ones.
// So an erased, exited or edited participant is never served from memory; the cache only saves
// re-parsing. Writes that bypass Prisma must call invalidateParticipantCache().

type CachedParticipant = {
  stamp: string;
  pseudonym: string;
  phase: Phase;
  participant: MatchParticipant;
  kinds: ReadonlySet<OpeningKind>;
};
type CachedOrganization = { aggregate: string; byId: Map<string, CachedParticipant>; list: CachedParticipant[] };

/** Organisations whose parsed participants are kept (least recently used are dropped first). */
const MAX_CACHED_ORGANIZATIONS = 64;
let participantCaches = new WeakMap<object, Map<string, CachedOrganization>>();

/** Forget every parsed participant (tests; after changes made outside Prisma, which would not touch updatedAt). */
export function invalidateParticipantCache(): void {
  participantCaches = new WeakMap();
}

const ACTIVE_IN_ORGANIZATION = `FROM Participant p LEFT JOIN Profile pr ON pr.participantId = p.id
  WHERE p.organizationId = ? AND p.erasedAt IS NULL AND p.phase <> 'exited'`;
const PROFILE_LENGTH = `COALESCE(length(pr.interests), 0) + COALESCE(length(pr.preferences), 0) + COALESCE(length(pr.environmentPrefs), 0)
  + COALESCE(length(pr.needs), 0) + COALESCE(length(pr.exclusions), 0)`;
// No lengths here: reading every profile's JSON would more than double the cost of this query.
const AGGREGATE_SELECT = `SELECT COUNT(*) || '|' || COALESCE(MAX(p.updatedAt), '-') || '|' || COALESCE(MAX(pr.updatedAt), '-') AS aggregate
  ${ACTIVE_IN_ORGANIZATION}`;
const STAMP_SELECT = `SELECT p.id, p.updatedAt || '|' || COALESCE(pr.updatedAt, '-') || '|' || (${PROFILE_LENGTH}) AS stamp ${ACTIVE_IN_ORGANIZATION}`;

/** The organisation's active participants (not exited, not erased), parsed for the matcher. */
export async function loadActiveParticipants(db: Db, organizationId: string): Promise<CachedParticipant[]> {
  let byOrganization = participantCaches.get(db);
  if (!byOrganization) participantCaches.set(db, (byOrganization = new Map()));
  const previous = byOrganization.get(organizationId);
  const [row] = await db.$queryRawUnsafe<Array<{ aggregate: string }>>(AGGREGATE_SELECT, organizationId);
  const aggregate = row?.aggregate ?? ""; // COUNT(*) always yields one row
  // Least recently used organisations go first.
  byOrganization.delete(organizationId);
  if (previous && previous.aggregate === String(aggregate)) {
    byOrganization.set(organizationId, previous);
    return previous.list;
  }

  const stamps = await db.$queryRawUnsafe<Array<{ id: string; stamp: string }>>(STAMP_SELECT, organizationId);
  const byId = new Map<string, CachedParticipant>();
  const missing: string[] = [];
  for (const { id, stamp } of stamps) {
    const hit = previous?.byId.get(id);
    if (hit && hit.stamp === String(stamp)) byId.set(id, hit);
    else missing.push(id);
  }
  const stampById = new Map(stamps.map((s) => [s.id, String(s.stamp)]));
  for (let i = 0; i < missing.length; i += 900) {
    const part = missing.slice(i, i + 900);
    const rows = await db.$queryRawUnsafe<ParticipantRow[]>(
      `${PARTICIPANT_SELECT} WHERE p.id IN (${part.map(() => "?").join(", ")}) AND p.organizationId = ? AND p.erasedAt IS NULL AND p.phase <> 'exited'`,
      ...part,
      organizationId,
    );
    for (const r of rows) {
      const participant = toMatchParticipant(r);
      byId.set(r.id, {
        stamp: stampById.get(r.id) ?? "",
        pseudonym: r.pseudonym,
        phase: r.phase as Phase,
        participant,
        kinds: kindsForGoals(participant.goals),
      });
    }
  }
  // In the order of the stamp query (rankMatches breaks ties by id, so the order never shows).
  const list = stamps.map((s) => byId.get(s.id)).filter((c): c is CachedParticipant => c !== undefined);
  // A write between the two reads leaves a mismatched aggregate: the next request simply checks again.
  byOrganization.set(organizationId, { aggregate: String(aggregate), byId, list });
  while (byOrganization.size > MAX_CACHED_ORGANIZATIONS) byOrganization.delete(byOrganization.keys().next().value!);
  return list;
}

/**
 * Two hard rules checked before the full matcher, with the matcher's own functions (kindsForGoals,
 * distanceKm): a pair they drop is one checkHardFilters would drop too. rankMatches still checks
 * every rule on the pairs that remain; this only spares it the participants who live too far away
 * or want another kind of opening — most of a large organisation.
 */
function mayMatch(opening: MatchOpening, c: CachedParticipant): boolean {
  if (!c.kinds.has(opening.kind)) return false;
  const maxKm = c.participant.preferences.maxCommuteKm;
  if (maxKm == null) return true;
  const km = distanceKm(opening, c.participant);
  return km !== null && km <= maxKm;
}

/**
 * Ranked participants of the coach's organisation for one opening (reverse matching), computed in
 * application code over that organisation's active participants (not exited, not erased). Only the
 * pseudonym, phase, score, reasons and distance leave this function.
 */
export async function matchParticipantsForOpening(
  openingId: string,
  options: MatchParticipantsOptions,
): Promise<ParticipantMatch[]> {
  const db = options.db ?? defaultDb;
  const now = options.now ?? currentTime();
  const limit = clampLimit(options.limit);
  const opening = toMatchOpening(await requireOpeningRow(db, openingId, options.organizationId));
  const graph = await getOccupationGraph(db);
  const participants = await loadActiveParticipants(db, options.organizationId);
  const info = new Map<string, CachedParticipant>();
  const candidates: MatchCandidate[] = [];
  for (const c of participants) {
    if (!mayMatch(opening, c)) continue;
    info.set(c.participant.id, c);
    candidates.push({ opening, participant: c.participant });
  }
  return rankMatches(candidates, { graph, now })
    .slice(0, limit)
    .map((m) => {
      const c = info.get(m.participant.id)!;
      return {
        participantId: m.participant.id,
        pseudonym: c.pseudonym,
        phase: c.phase,
        distanceKm: roundKm(m.distanceKm),
        score: m.score,
        reasons: m.reasons,
      };
    });
}
