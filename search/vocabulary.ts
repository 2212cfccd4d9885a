// Search-as-you-type over occupation and skill labels (docs/product-rules.md#search): prefix on the word being
// typed, diacritics folded, Swedish stems, typo tolerant. FTS5 finds the candidates; they are
// then ranked here: exact words before prefixes and stems, before typo corrections, before
// matches only in the occupation's group label.
import type { DbOrTx } from "../app/utils/db.server.ts";
import { cachedRead } from "../app/utils/read-connection.server.ts";
import { vocabularyDictionary } from "./dictionary.ts";
import type { VocabularyHit } from "./engine.ts";
import {
  correctTerms,
  isStopWord,
  matchExpression,
  parseQuery,
  stem,
  tokenize,
  type QueryTerm,
  type TermCorrections,
} from "./text.ts";

export const DEFAULT_SUGGEST_LIMIT = 10;
const MAX_SUGGEST_LIMIT = 50;

type Row = { id: string; kind: "occupation" | "skill"; label: string; detail: string | null; boost: number | bigint };

const NO_MATCH = 9;
/** Added to a term's tier when it matched only in the detail (group label). */
const DETAIL_PENALTY = 4;

function words(text: string | null): string[] {
  return text ? tokenize(text).filter((t) => !isStopWord(t)) : [];
}

/** How well one query term matches one of these words: 0 exact, 1 prefix, 2 stem, 3 typo. */
function termTier(t: QueryTerm, c: TermCorrections, tokens: string[]): { tier: number; index: number } {
  let best = { tier: NO_MATCH, index: tokens.length };
  const termStem = t.stem ?? t.term;
  tokens.forEach((token, index) => {
    let tier = NO_MATCH;
    if (token === t.term) tier = 0;
    else if (t.prefix && token.startsWith(t.term)) tier = 1;
    else if (stem(token) === termStem) tier = 2;
    else if (c.words.includes(token) || c.words.includes(stem(token))) tier = 3;
    else if (t.prefix && c.prefixes.some((p) => token.startsWith(p))) tier = 3;
    if (tier < best.tier) best = { tier, index };
  });
  return best;
}

type Ranked = { hit: VocabularyHit; score: number; position: number; boost: number };

const NO_CORRECTIONS: TermCorrections = { words: [], prefixes: [] };

function rank(row: Row, terms: QueryTerm[], corrections: TermCorrections[]): Ranked {
  const label = words(row.label);
  const detail = words(row.detail);
  let score = 0;
  let position = label.length;
  terms.forEach((t, i) => {
    const c = corrections[i] ?? NO_CORRECTIONS;
    const inLabel = termTier(t, c, label);
    if (inLabel.tier < NO_MATCH) {
      score += inLabel.tier;
      if (i === 0) position = inLabel.index;
      return;
    }
    score += Math.min(NO_MATCH, termTier(t, c, detail).tier + DETAIL_PENALTY);
  });
  const hit: VocabularyHit = { id: row.id, label: row.label, kind: row.kind };
  if (row.detail) hit.detail = row.detail;
  return { hit, score, position, boost: Number(row.boost) };
}

const collator = new Intl.Collator("sv");

/**
 * Occupations and skills whose labels match what the user has typed so far, best first.
 * Occupations that need no formal education come first among equally good matches.
 */
export async function suggestVocabulary(
  db: DbOrTx,
  q: string,
  o: { kind?: "occupation" | "skill"; limit?: number } = {},
): Promise<VocabularyHit[]> {
  const terms = parseQuery(q);
  if (terms.length === 0) return [];
  const limit = Math.max(1, Math.min(MAX_SUGGEST_LIMIT, Math.floor(o.limit ?? DEFAULT_SUGGEST_LIMIT)));
  const corrections = correctTerms(terms, await vocabularyDictionary(db));
  const match = matchExpression(terms, corrections);
  if (!match) return [];
  const params: Array<string | number> = [match];
  if (o.kind) params.push(o.kind);
  params.push(Math.max(200, limit * 20));
  // A cached prepared statement (app/utils/read-connection.server.ts): one per kind.
  const rows = await cachedRead<Row>(
    db,
    `SELECT id, kind, label, detail, boost FROM vocabulary_fts
     WHERE vocabulary_fts MATCH ? ${o.kind ? "AND kind = ?" : ""}
     ORDER BY bm25(vocabulary_fts, 10.0, 1.0) LIMIT ?`,
    params,
  );
  return rows
    .map((r) => rank(r, terms, corrections))
    .sort(
      (a, b) =>
        a.score - b.score ||
        a.position - b.position ||
        b.boost - a.boost ||
        a.hit.label.length - b.hit.label.length ||
        collator.compare(a.hit.label, b.hit.label),
    )
    .slice(0, limit)
    .map((r) => r.hit);
}
