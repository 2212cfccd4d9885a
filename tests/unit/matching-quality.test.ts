// Match quality (issue 5, scope 6): nDCG@10 over hand-judged personas, and hard-filter precision.
// The floors and their reasons: docs/decisions/0007-match-quality-floor.md.
import { beforeAll, describe, expect, test } from "vitest";
import {
  DEFAULT_WEIGHTS,
  rankMatches,
  scoreMatch,
  type MatchWeights,
  type OccupationGraph,
} from "~/domain/matching/index.ts";
import {
  evaluatePersona,
  formatTable,
  ndcgAt,
  tokenOverlap,
  type PersonaResult,
} from "../fixtures/match-eval/evaluate.ts";
import { DEAD_OPENING_IDS, EVAL_NOW, evalOpenings, type EvalOpening } from "../fixtures/match-eval/openings.ts";
import { evalPersonas, type Persona } from "../fixtures/match-eval/personas.ts";
import { loadOccupationGraph } from "../fixtures/match-eval/taxonomy.ts";
import { at as nth } from "~/domain/arrays.ts";

/** The floors justified in docs/decisions/0007-match-quality-floor.md. */
const FLOOR = { meanNdcg10: 0.94, personaNdcg10: 0.8, hardFilterPrecision: 1 };

let graph: OccupationGraph;
let openings: EvalOpening[];
let personas: Persona[];
let results: PersonaResult[];
let withoutText: PersonaResult[];

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Mean nDCG@10 of a simpler ranking, for comparison (hard filters always on). */
function baseline(order: (persona: Persona) => string[]): number {
  return mean(
    personas.map((p) =>
      ndcgAt(
        10,
        order(p).map((id) => p.grades[id] ?? 0),
        Object.values(p.grades),
      ),
    ),
  );
}

function rankedIds(persona: Persona, weights: MatchWeights, text: boolean): string[] {
  return rankMatches(
    openings.map((opening) => ({
      opening,
      participant: persona.participant,
      textRelevance: text ? tokenOverlap(persona.searchTerms, opening) : undefined,
    })),
    { graph, now: EVAL_NOW, weights },
  ).map((r) => r.opening.id);
}

beforeAll(() => {
  graph = loadOccupationGraph();
  openings = evalOpenings();
  personas = evalPersonas();
  results = personas.map((p) => evaluatePersona(p, openings, graph, "token-overlap"));
  withoutText = personas.map((p) => evaluatePersona(p, openings, graph, "none"));

  const only = (c: keyof MatchWeights) =>
    ({ ...Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((k) => [k, 0])), [c]: 1 }) as MatchWeights;
  // A fixed-seed shuffle of the filtered list, averaged: what the hard filters alone achieve.
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed / 2147483648);
  const randomOrder = mean(
    Array.from({ length: 100 }, () =>
      baseline((p) =>
        rankedIds(p, DEFAULT_WEIGHTS, false)
          .map((id) => [random(), id] as const)
          .sort((a, b) => a[0] - b[0])
          .map((x) => x[1]),
      ),
    ),
  );
  // The soft score alone: every live opening ranked by score, no participant-side hard filter.
  const live = openings.filter((o) => !(DEAD_OPENING_IDS as readonly string[]).includes(o.id));
  const softOnly = baseline((p) =>
    live
      .map((o) => ({
        id: o.id,
        score: scoreMatch(o, p.participant, { graph, textRelevance: tokenOverlap(p.searchTerms, o) }).score,
      }))
      .sort((a, b) => b.score - a.score)
      .map((x) => x.id),
  );

  console.log(
    [
      "",
      `Matchningskvalitet: ${personas.length} personas, ${openings.length} annonser (text: token overlap; "utan text": textkriteriet utelämnat)`,
      formatTable(results.map((result, i) => ({ result, baseline: nth(withoutText, i) }))),
      "",
      "Jämförelser (medel-nDCG@10, hårda filter på):",
      `  slumpad ordning          ${randomOrder.toFixed(3)}`,
      `  bara avstånd             ${baseline((p) => rankedIds(p, only("distance"), false)).toFixed(3)}`,
      `  bara intresse            ${baseline((p) => rankedIds(p, only("interest"), false)).toFixed(3)}`,
      `  poäng utan hårda filter  ${softOnly.toFixed(3)}  (mjuk poäng ensam, alla aktiva annonser)`,
      "",
    ].join("\n"),
  );
});

describe("the evaluation set", () => {
  test("has at least 20 personas and 60–100 openings, all judgements pointing at real openings", () => {
    expect(personas.length).toBeGreaterThanOrEqual(20);
    expect(openings.length).toBeGreaterThanOrEqual(60);
    expect(openings.length).toBeLessThanOrEqual(100);
    const ids = new Set(openings.map((o) => o.id));
    expect(ids.size).toBe(openings.length);
    for (const p of personas) {
      expect(Object.values(p.grades)).toContain(3);
      for (const id of [...Object.keys(p.grades), ...p.never]) expect(ids.has(id), `${p.id}: ${id}`).toBe(true);
      for (const id of p.never) expect(p.grades[id], `${p.id}: ${id} is both graded and never`).toBeUndefined();
    }
  });

  test("uses real JobTech occupations and homes in Jönköpings län", () => {
    for (const p of personas) {
      for (const id of [...p.participant.interests.occupationIds, ...p.participant.exclusions.occupationIds]) {
        expect(graph.occupations.has(id), `${p.id}: ${id}`).toBe(true);
      }
      for (const code of p.participant.interests.groupCodes)
        expect(graph.groupLabels?.has(code), `${p.id}: ${code}`).toBe(true);
      const { lat, lng } = p.participant.home!;
      expect(lat > 57.1 && lat < 58.2 && lng > 13.4 && lng < 15.4, p.id).toBe(true);
    }
  });
});

describe("match quality", () => {
  test(`hard-filter precision is ${FLOOR.hardFilterPrecision} for every persona: nothing a coach ruled out is shown`, () => {
    for (const r of results) {
      expect(r.wronglyShown, `${r.persona.id} ${r.persona.name}`).toEqual([]);
      expect(r.hardFilterPrecision).toBe(FLOOR.hardFilterPrecision);
    }
  });

  test("no opening a coach judged relevant is removed by a hard filter", () => {
    for (const r of results) expect(r.relevantFilteredOut, `${r.persona.id} ${r.persona.name}`).toEqual([]);
  });

  test(`mean nDCG@10 ≥ ${FLOOR.meanNdcg10}, every persona ≥ ${FLOOR.personaNdcg10}`, () => {
    for (const set of [results, withoutText]) {
      for (const r of set)
        expect(r.ndcg10, `${r.persona.id} ${r.persona.name}`).toBeGreaterThanOrEqual(FLOOR.personaNdcg10);
      expect(mean(set.map((r) => r.ndcg10))).toBeGreaterThanOrEqual(FLOOR.meanNdcg10);
    }
  });

  test("the full score ranks better than interest fit alone", () => {
    const only = {
      ...Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((k) => [k, 0])),
      interest: 1,
    } as MatchWeights;
    const interestOnly = baseline((p) => rankedIds(p, only, false));
    expect(mean(withoutText.map((r) => r.ndcg10))).toBeGreaterThan(interestOnly);
  });
});
