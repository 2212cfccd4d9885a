// Search-as-you-type over occupation and skill labels (docs/product-rules.md#search): prefix on the word being
// typed, diacritics folded, Swedish stems, typo tolerant. FTS5 finds the candidates; they are
// then ranked here (see `Ranked`): words and word starts before stems, before typo corrections,
// before matches only in the occupation's group label; then the everyday occupation first.
import type { DbOrTx } from "../app/utils/db.server.ts";
import { labelAlternatives } from "./commonness.ts";
import { cachedRead } from "../app/utils/read-connection.server.ts";
import { vocabularyDictionary } from "./dictionary.ts";
import type { VocabularyHit } from "./engine.ts";
import {
  correctTerms,
  fold,
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
function termTier(t: QueryTerm, c: TermCorrections, tokens: string[]): { tier: number } {
  let best = { tier: NO_MATCH };
  const termStem = t.stem ?? t.term;
  tokens.forEach((token) => {
    let tier = NO_MATCH;
    if (token === t.term) tier = 0;
    else if (t.prefix && token.startsWith(t.term)) tier = 1;
    else if (stem(token) === termStem) tier = 2;
    else if (c.words.includes(token) || c.words.includes(stem(token))) tier = 3;
    else if (t.prefix && c.prefixes.some((p) => token.startsWith(p))) tier = 3;
    if (tier < best.tier) best = { tier };
  });
  return best;
}

/**
 * One candidate's sort keys, best first (issue 14, item 3):
 * - quality: how the typed words matched (exact word or word start 0, stem, typo, group label only);
 * - wholeHead: the first word typed is a whole first word of the label ("kock" → "Kock, fartyg",
 *   "packa" → "Packare"): what the user named, whatever its commonness;
 * - everyday: the occupation's commonness (search/commonness.ts, precomputed in the index) with a
 *   penalty when the first word typed does not start the label (or one of its "/" names), so
 *   "lager" gives Lagerarbetare before Lagerchef and Arbetsledare lager;
 * - head, exactness, the length of the name that matched, and the alphabet break the last ties.
 */
type Ranked = {
  hit: VocabularyHit;
  quality: number;
  wholeHead: number;
  everyday: number;
  head: number;
  exactness: number;
  length: number;
};

const NO_CORRECTIONS: TermCorrections = { words: [], prefixes: [] };
/** What a first word typed that does not start the label costs, in commonness steps. */
const NOT_AT_START_PENALTY = 1;

type LabelName = { folded: string; typed: string; length: number };
type LabelInfo = { words: string[]; typedWords: string[]; names: LabelName[] };

const RAW_WORDS_RE = /[\p{L}\p{N}]+/gu;
/** Lower-cased words, diacritics kept: "Värdetransportör" → ["värdetransportör"]. */
function rawWords(text: string): string[] {
  return text.toLocaleLowerCase("sv").normalize("NFC").match(RAW_WORDS_RE) ?? [];
}

/**
 * Whether a word typed with å, ä, ö (or other marks) and a label word agree on them: position by
 * position while their letters fold alike ("läkarna"/"läkare" agree, "städ"/"stadsbud" do not).
 */
function marksAgree(typed: string, word: string): boolean {
  const n = Math.min(typed.length, word.length);
  for (let i = 0; i < n; i++) {
    const a = typed.charAt(i);
    const b = word.charAt(i);
    if (a === b) continue;
    return fold(a) !== fold(b);
  }
  return true;
}

// Labels come from the vocabulary index (a few thousand), so their words are worked out once
// per process rather than on every keystroke.
const labelInfoCache = new Map<string, LabelInfo>();
const LABEL_CACHE_MAX = 50_000;

function labelInfo(label: string): LabelInfo {
  let info = labelInfoCache.get(label);
  if (!info) {
    info = {
      words: words(label),
      typedWords: rawWords(label),
      names: labelAlternatives(label).map((name) => ({
        folded: tokenize(name)[0] ?? "",
        typed: rawWords(name)[0] ?? "",
        length: name.length,
      })),
    };
    if (labelInfoCache.size >= LABEL_CACHE_MAX) labelInfoCache.clear();
    labelInfoCache.set(label, info);
  }
  return info;
}

/** A query word: folded (to match), and as typed when it has å, ä, ö or other marks. */
type TypedTerm = { term: QueryTerm; typed: string | null };

function typedTerms(q: string, terms: QueryTerm[]): TypedTerm[] {
  const typedWords = rawWords(q);
  return terms.map((term) => {
    const typed = typedWords.find((w) => fold(w) === term.term);
    return { term, typed: typed && typed !== term.term ? typed : null };
  });
}

/**
 * The "/" name of the label whose first word starts with the first word typed, and whether it is
 * that whole word (or its stem). Typed with å, ä or ö, the letters must agree: "vård" starts
 * "Vårdbiträde" but not "Värdetransportör"; typed without them, both do.
 */
function headMatch(info: LabelInfo, first: TypedTerm): { length: number; whole: boolean } | null {
  const t = first.term;
  let best: { length: number; whole: boolean } | null = null;
  for (const name of info.names) {
    if (!name.folded.startsWith(t.term)) continue;
    if (first.typed && !marksAgree(first.typed, name.typed)) continue;
    const whole = name.folded === t.term || stem(name.folded) === (t.stem ?? t.term);
    if (!best || (whole && !best.whole) || (whole === best.whole && name.length < best.length)) {
      best = { length: name.length, whole };
    }
  }
  return best;
}

function rank(row: Row, terms: TypedTerm[], corrections: TermCorrections[]): Ranked {
  const info = labelInfo(row.label);
  const label = info.words;
  const detail = words(row.detail);
  let quality = 0;
  let exactness = 0;
  terms.forEach(({ term: t, typed }, i) => {
    const c = corrections[i] ?? NO_CORRECTIONS;
    const inLabel = termTier(t, c, label);
    if (inLabel.tier < NO_MATCH) {
      // A word start counts as much as a whole word here (the user is still typing);
      // the whole word only breaks ties.
      quality += inLabel.tier === 1 ? 0 : inLabel.tier;
      // Found only by folding what was typed with å, ä or ö ("städ" → "Stadsbud"): a weaker match.
      if (
        typed &&
        inLabel.tier <= 2 &&
        !info.typedWords.some((w) => marksAgree(typed, w) && fold(w).startsWith(t.stem ?? t.term))
      ) {
        quality += 1;
      }
      if (inLabel.tier === 1) exactness += 1;
      return;
    }
    quality += Math.min(NO_MATCH, termTier(t, c, detail).tier + DETAIL_PENALTY);
  });
  const first = terms[0];
  const head = first ? headMatch(info, first) : null;
  const commonness = Number(row.boost);
  const hit: VocabularyHit = { id: row.id, label: row.label, kind: row.kind };
  if (row.detail) hit.detail = row.detail;
  return {
    hit,
    quality,
    wholeHead: head?.whole ? 0 : 1,
    everyday: -commonness + (head ? 0 : NOT_AT_START_PENALTY),
    head: head ? 0 : 1,
    exactness,
    length: head?.length ?? row.label.length,
  };
}

const collator = new Intl.Collator("sv");

/**
 * Occupations and skills whose labels match what the user has typed so far, best first.
 * Among equally good matches the everyday occupation comes first (see `Ranked`).
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
  const typed = typedTerms(q, terms);
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
    .map((r) => rank(r, typed, corrections))
    .sort(
      (a, b) =>
        a.quality - b.quality ||
        a.wholeHead - b.wholeHead ||
        a.everyday - b.everyday ||
        a.head - b.head ||
        a.exactness - b.exactness ||
        a.length - b.length ||
        collator.compare(a.hit.label, b.hit.label),
    )
    .slice(0, limit)
    .map((r) => r.hit);
}
