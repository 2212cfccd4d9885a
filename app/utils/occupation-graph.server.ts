// The matcher's OccupationGraph (app/domain/matching/types.ts), loaded from the reference tables
// (Occupation, OccupationGroup, OccupationSubstitute) once per process and database client, then
// served from memory. ~2.4k occupations, ~600 SSYK groups and ~8.3k substitutability relations:
// about 40 ms to load, ~2 MB in memory.
//
// The reference data changes only when `prisma/reference/load.ts` runs (at start, before the
// server listens): see reference-cache.server.ts.
import type { OccupationGraph } from "~/domain/matching/index.ts";
import type { DbOrTx } from "./db.server.ts";
import { cachedReference } from "./reference-cache.server.ts";

/**
 * The graph plus the indexes the server-side matcher needs to plan candidate searches. It is a
 * plain OccupationGraph for the pure matching module (extra fields are ignored there).
 */
export type LoadedOccupationGraph = OccupationGraph & {
  /** Substitutability in both directions (the stronger percentage), as the matcher reads it. */
  related: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /**
   * The occupation ids under every SSYK group, keyed by the group code at each level:
   * "9111" → Städare, Sjukhusstädare …; "91" → every occupation in SSYK-2 group 91.
   */
  occupationsByGroup: ReadonlyMap<string, readonly string[]>;
  /** When it was loaded (epoch ms), for diagnostics. */
  loadedAt: number;
};

/**
 * The occupation graph for this database client, loaded on first use and cached for the process
 * (reference-cache.server.ts; `invalidateReferenceData()` after reloading the reference data).
 */
export function getOccupationGraph(db: DbOrTx): Promise<LoadedOccupationGraph> {
  return cachedReference("occupation graph", db, () => loadOccupationGraph(db));
}

/** Read the graph from the reference tables (uncached: use `getOccupationGraph`). */
export async function loadOccupationGraph(db: DbOrTx): Promise<LoadedOccupationGraph> {
  const [occupationRows, groupRows, substituteRows] = await Promise.all([
    db.occupation.findMany({ select: { id: true, label: true, ssyk4Code: true } }),
    db.occupationGroup.findMany({ select: { code: true, label: true } }),
    db.occupationSubstitute.findMany({ select: { fromId: true, toId: true, percentage: true } }),
  ]);
  return buildOccupationGraph(occupationRows, groupRows, substituteRows);
}

/** Build the graph and its indexes from plain rows (exported for tests and the benchmark). */
export function buildOccupationGraph(
  occupationRows: ReadonlyArray<{ id: string; label: string; ssyk4Code: string }>,
  groupRows: ReadonlyArray<{ code: string; label: string }>,
  substituteRows: ReadonlyArray<{ fromId: string; toId: string; percentage: number }>,
): LoadedOccupationGraph {
  const occupations = new Map<string, { label: string; ssyk4Code: string }>();
  const occupationsByGroup = new Map<string, string[]>();
  for (const o of occupationRows) {
    occupations.set(o.id, { label: o.label, ssyk4Code: o.ssyk4Code });
    // The parent chain of an SSYK-4 code is its prefixes: 9111 → 911 → 91 → 9.
    for (let level = 1; level <= Math.min(4, o.ssyk4Code.length); level++) {
      const code = o.ssyk4Code.slice(0, level);
      let list = occupationsByGroup.get(code);
      if (!list) occupationsByGroup.set(code, (list = []));
      list.push(o.id);
    }
  }
  const groupLabels = new Map(groupRows.map((g) => [g.code, g.label]));

  const substitutes = new Map<string, Map<string, number>>();
  const related = new Map<string, Map<string, number>>();
  const put = (map: Map<string, Map<string, number>>, a: string, b: string, p: number) => {
    let row = map.get(a);
    if (!row) map.set(a, (row = new Map()));
    row.set(b, Math.max(row.get(b) ?? 0, p));
  };
  for (const r of substituteRows) {
    if (r.fromId === r.toId || !occupations.has(r.fromId) || !occupations.has(r.toId)) continue;
    put(substitutes, r.fromId, r.toId, r.percentage);
    put(related, r.fromId, r.toId, r.percentage);
    put(related, r.toId, r.fromId, r.percentage);
  }
  return { occupations, groupLabels, substitutes, related, occupationsByGroup, loadedAt: Date.now() };
}

/**
 * The occupations close to a participant's interests (docs/product-rules.md#matching; weights.ts): the substitutable
 * occupations of each interest (both directions, fit 0.25–0.75), the occupations in each interest's
 * SSYK-4 group (0.6; with siblingLevel 3 the whole SSYK-3 group, 0.45), and every occupation under an
 * interest given as an SSYK group code. The interest occupations themselves are NOT included (the caller searches them
 * by text). Excluded occupations and groups are left out.
 */
export function interestNeighbourhood(
  graph: LoadedOccupationGraph,
  interests: { occupationIds: readonly string[]; groupCodes: readonly string[] },
  exclusions: { occupationIds: readonly string[]; groupCodes: readonly string[] } = {
    occupationIds: [],
    groupCodes: [],
  },
  /** The SSYK level of an interest's siblings: 3 (fit 0.45 and up) or 4 (0.6 and up). */
  siblingLevel: 3 | 4 = 4,
): string[] {
  const own = new Set(interests.occupationIds);
  const out = new Set<string>();
  for (const id of interests.occupationIds) {
    for (const other of graph.related.get(id)?.keys() ?? []) out.add(other);
    const ssyk4 = graph.occupations.get(id)?.ssyk4Code;
    if (ssyk4) for (const other of graph.occupationsByGroup.get(ssyk4.slice(0, siblingLevel)) ?? []) out.add(other);
  }
  for (const code of interests.groupCodes) {
    if (!/^\d{1,4}$/.test(code)) continue;
    for (const other of graph.occupationsByGroup.get(code) ?? []) out.add(other);
  }
  const excludedIds = new Set(exclusions.occupationIds);
  const excludedGroups = exclusions.groupCodes.filter((c) => c.length > 0);
  return [...out].filter((id) => {
    if (own.has(id) || excludedIds.has(id)) return false;
    const ssyk4 = graph.occupations.get(id)?.ssyk4Code ?? "";
    return !excludedGroups.some((c) => ssyk4.startsWith(c));
  });
}
