// Candidate recall of the two-stage matcher: how much of the exact top 20 (every published opening
// within the search radius ranked by the matcher, no search engine in between) the service's top 20
// (engine candidates, then the matcher) finds. Not a timing: it shows what the candidate limits cost
// in quality. Loads every published opening into memory, so it runs after the memory figures are taken.
import { distanceKm, interestFit, rankMatches, type MatchOpening } from "../app/domain/matching/index.ts";
import type { Db } from "../app/utils/db.server.ts";
import { toMatchOpening } from "../app/utils/matching-mappers.server.ts";
import {
  loadMatchParticipant,
  loadOpeningRows,
  planCandidateSearch,
  searchCandidates,
  type CandidateTuning,
} from "../app/utils/matching.server.ts";
import type { LoadedOccupationGraph } from "../app/utils/occupation-graph.server.ts";
import type { SearchEngine } from "../search/engine.ts";

export type RecallResult = {
  participants: number;
  /** Mean share of the exact top 20 that the service's top 20 contains. */
  recallAt20: number;
  /** The same, counting only exact-top-20 openings with some interest fit (the ones a coach looks for first). */
  relatedRecallAt20: number;
  /** Mean score of the exact top 20 minus that of the service's top 20 (0 = as good). */
  meanScoreGap: number;
};

export async function candidateRecall(
  db: Db,
  engine: SearchEngine,
  graph: LoadedOccupationGraph,
  participants: ReadonlyArray<{ id: string; organizationId: string }>,
  o: { now: Date; tuning?: Partial<CandidateTuning> },
): Promise<RecallResult> {
  const ids = (await db.opening.findMany({ where: { status: "published" }, select: { id: true } })).map((r) => r.id);
  const all: MatchOpening[] = (await loadOpeningRows(db, ids)).map(toMatchOpening);
  const byId = new Map(all.map((x) => [x.id, x]));
  const recall: number[] = [];
  const related: number[] = [];
  const gap: number[] = [];
  for (const p of participants) {
    const participant = await loadMatchParticipant(p.id, { organizationId: p.organizationId, db });
    const plan = planCandidateSearch(participant, graph, {}, { now: o.now, tuning: o.tuning });
    if (plan.empty) continue;
    // The exact list: the same text relevance (every text hit, not just a page), every opening in reach.
    const relevance = new Map<string, number>();
    for (const q of plan.textQueries) {
      for (const h of (await engine.searchOpenings({ ...q, limit: 1000 })).hits)
        relevance.set(h.id, Math.max(relevance.get(h.id) ?? 0, h.relevance));
    }
    const radius = plan.fillQuery.geo?.radiusKm ?? Number.POSITIVE_INFINITY;
    const text = (id: string) => (plan.textQueries.length ? (relevance.get(id) ?? 0) : undefined);
    const pool = all.filter((opening) => {
      const km = distanceKm(opening, participant);
      return km === null || km <= radius;
    });
    const exact = rankMatches(
      pool.map((opening) => ({ opening, participant, textRelevance: text(opening.id) })),
      { graph, now: o.now },
    ).slice(0, 20);
    if (exact.length === 0) continue;

    const found = await searchCandidates(engine, plan);
    const got = rankMatches(
      found.ids.flatMap((id) => {
        const opening = byId.get(id);
        return opening
          ? [{ opening, participant, textRelevance: found.relevance ? (found.relevance.get(id) ?? 0) : undefined }]
          : [];
      }),
      { graph, now: o.now },
    ).slice(0, 20);
    const gotIds = new Set(got.map((m) => m.opening.id));
    recall.push(exact.filter((m) => gotIds.has(m.opening.id)).length / exact.length);
    const exactRelated = exact.filter(
      (m) =>
        interestFit(m.opening.occupationId, participant.interests, graph, { openingSsyk4Code: m.opening.ssyk4Code })
          .fit > 0,
    );
    if (exactRelated.length)
      related.push(exactRelated.filter((m) => gotIds.has(m.opening.id)).length / exactRelated.length);
    const meanScore = (list: Array<{ score: number }>) =>
      list.reduce((s, m) => s + m.score, 0) / Math.max(1, list.length);
    gap.push(meanScore(exact) - meanScore(got));
  }
  const mean = (xs: number[]) =>
    xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1000) / 1000 : Number.NaN;
  return {
    participants: recall.length,
    recallAt20: mean(recall),
    relatedRecallAt20: mean(related),
    meanScoreGap: mean(gap),
  };
}
