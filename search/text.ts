// Text processing shared by indexing and querying (docs/product-rules.md#search): lower-case, diacritics folded,
// Swedish stop words dropped, Swedish stems added. Both the sqlite engine's FTS5 tables and the
// vocabulary index store text already processed by `indexTerms`, so the FTS5 tokenizer only has to
// split on spaces, and a query processed by `parseQuery` meets exactly the same terms.
// A named import: the package is CommonJS marked `__esModule` without a default export, which
// Vite's development server (`npm run dev`) refuses to import as a default.
import { newStemmer } from "snowball-stemmers";
import type { TermDictionary } from "./typo.ts";

export { damerauLevenshtein, maxTypos, TermDictionary, type Correction } from "./typo.ts";

// Letters that NFD does not decompose into base letter + combining mark.
const SPECIAL_LETTERS: Record<string, string> = {
  æ: "ae",
  ø: "o",
  œ: "oe",
  ß: "ss",
  đ: "d",
  ð: "d",
  þ: "th",
  ł: "l",
  ı: "i",
};
const SPECIAL_RE = /[æøœßđðþłı]/g;
const COMBINING_MARKS_RE = /\p{M}+/gu;
const TOKEN_RE = /[\p{L}\p{N}]+/gu;

/** Lower-case and fold diacritics: "Läkare, Åre" → "lakare, are". */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(COMBINING_MARKS_RE, "")
    .replace(SPECIAL_RE, (c) => SPECIAL_LETTERS[c] ?? c);
}

/** Folded words (letters and digits); everything else separates ("AT-läkare" → ["at", "lakare"]). */
export function tokenize(text: string): string[] {
  return fold(text).match(TOKEN_RE) ?? [];
}

/**
 * Swedish stop words (the Snowball list), folded. "åt" is left out: folded it becomes "at", which
 * would also swallow the "AT" of "AT-läkare".
 */
export const SWEDISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "och det att i en jag hon som han på den med var sig för så till är men ett om hade de av icke " +
    "mig du henne då sin nu har inte hans honom skulle hennes där min man ej vid kunde något från ut " +
    "när efter upp vi dem vara vad över än dig kan sina här ha mot alla under någon eller allt mycket " +
    "sedan ju denna själv detta utan varit hur ingen mitt ni bli blev oss din dessa några deras blir " +
    "mina samma vilken er sådan vår blivit dess inom mellan sådant varför varje vilka ditt vem vilket " +
    "sitta sådana vart dina vars vårt våra ert era vilkas"
  )
    .split(" ")
    .map(fold),
);

export function isStopWord(term: string): boolean {
  return SWEDISH_STOP_WORDS.has(term);
}

const swedish = newStemmer("swedish");
const stemCache = new Map<string, string>();
const STEM_CACHE_MAX = 50_000;

/**
 * Swedish Snowball stem of a folded word ("lagerarbetare" → "lagerarbet"). Stemming the folded
 * form gives the same stem as stemming the original: the Swedish suffixes are plain ASCII and
 * å/ä/ö fold to vowels, so the R1 region does not move.
 */
export function stem(term: string): string {
  let s = stemCache.get(term);
  if (s === undefined) {
    s = /\p{L}/u.test(term) ? swedish.stem(term) : term;
    if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
    stemCache.set(term, s);
  }
  return s;
}

/**
 * The terms stored in the index for a text: every non-stop word, followed by the stems that
 * differ from their words. Returned as one space-separated string for an FTS5 column.
 */
export function indexTerms(...texts: Array<string | null | undefined>): string {
  const words: string[] = [];
  const stems = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const token of tokenize(text)) {
      if (isStopWord(token)) continue;
      words.push(token);
      const s = stem(token);
      if (s !== token) stems.add(s);
    }
  }
  for (const s of words) stems.delete(s);
  return stems.size ? `${words.join(" ")} ${[...stems].join(" ")}` : words.join(" ");
}

export type QueryTerm = {
  /** The folded word as typed. */
  term: string;
  /** Its stem, when different from the word. */
  stem?: string;
  /** The last word of the query: matched as a prefix (search-as-you-type). */
  prefix: boolean;
};

/** The last (prefix) word of a query is stemmed only from this length on. */
export const MIN_PREFIX_STEM_LENGTH = 5;

/** At most this many words of a query are used (Meilisearch uses 10 as well). */
export const MAX_QUERY_TERMS = 10;

/**
 * The words of a query: folded, stop words dropped (unless the query has nothing else; then the
 * last word is kept as a prefix), duplicates dropped, the last word marked as a prefix.
 */
export function parseQuery(query: string): QueryTerm[] {
  const tokens = tokenize(query);
  if (tokens.length === 0) return [];
  let words = tokens.filter((t) => !isStopWord(t));
  if (words.length === 0) words = tokens.slice(-1);
  words = [...new Set(words)].slice(0, MAX_QUERY_TERMS);
  return words.map((term, i) => {
    const prefix = i === words.length - 1;
    // The word being typed is often incomplete, and the stem of a fragment is noise ("lage" →
    // "lag"); from the typo length on it is likely a whole word worth stemming ("kockarna").
    const s = prefix && term.length < MIN_PREFIX_STEM_LENGTH ? term : stem(term);
    return s !== term ? { term, stem: s, prefix } : { term, prefix };
  });
}

/** Typo corrections of one query term: whole words, or word prefixes (for a prefix term). */
export type TermCorrections = { words: string[]; prefixes: string[] };

/** Look up corrections for every term that is long enough to allow typos. */
export function correctTerms(terms: QueryTerm[], dictionary: TermDictionary | null, maxPerTerm = 8): TermCorrections[] {
  return terms.map((t) => {
    if (!dictionary) return { words: [], prefixes: [] };
    const found = dictionary.corrections(t.term, { prefix: t.prefix, limit: maxPerTerm });
    return {
      words: found.filter((c) => !c.prefix).map((c) => c.term),
      prefixes: found.filter((c) => c.prefix).map((c) => c.term),
    };
  });
}

function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/**
 * The FTS5 MATCH expression for a parsed query: every term must match (AND); a term matches as the
 * word itself (as a prefix when it is the last one), its stem, or one of its typo corrections.
 * Null when there is nothing to match.
 */
export function matchExpression(terms: QueryTerm[], corrections: TermCorrections[] = []): string | null {
  if (terms.length === 0) return null;
  const groups = terms.map((t, i) => {
    const alternatives = [t.prefix ? `${quote(t.term)}*` : quote(t.term)];
    if (t.stem) alternatives.push(quote(t.stem));
    const c = corrections[i];
    if (c) {
      for (const w of c.words) alternatives.push(quote(w));
      for (const p of c.prefixes) alternatives.push(`${quote(p)}*`);
    }
    return alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(" OR ")})`;
  });
  return groups.join(" AND ");
}
