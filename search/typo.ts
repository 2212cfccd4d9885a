// Typo tolerance like Meilisearch's (docs/product-rules.md#search): a query word of 5+ letters may be one edit
// away from an indexed word, a word of 9+ letters two edits; edits are Damerau-Levenshtein
// (a swap of two neighbouring letters is one edit) and a typo on the first letter counts as two.
// `TermDictionary` finds the indexed words (or word prefixes, for the word being typed) within
// that bound without scanning the whole dictionary: terms are bucketed by first letter and length.

/** How many typos a query word of this length may contain: 0 below 5 letters, 1 below 9, else 2. */
export function maxTypos(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/**
 * Damerau-Levenshtein distance (optimal string alignment) between a and b, giving up early:
 * returns `max + 1` as soon as the distance is known to exceed `max`.
 */
export function damerauLevenshtein(a: string, b: string, max = Number.MAX_SAFE_INTEGER - 1): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (n === 0 || m === 0) return Math.min(Math.max(n, m), max + 1);
  if (m + 1 > rowA.length) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
    rowC = new Int32Array(m + 1);
  }
  let before = rowA; // row i - 2
  let prev = rowB; // row i - 1
  let cur = rowC; // row i
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const ai = a.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    // Hot loop: every index stays within 0..m, and the rows hold at least m + 1 cells.
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = prev[j - 1]! + (ai === bj ? 0 : 1);
      if (prev[j]! + 1 < v) v = prev[j]! + 1;
      if (cur[j - 1]! + 1 < v) v = cur[j - 1]! + 1;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj && before[j - 2]! + 1 < v) {
        v = before[j - 2]! + 1;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // Once a whole row exceeds max, no later cell can come back under it (also via a swap).
    if (rowMin > max) return max + 1;
    const t = before;
    before = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[m]!, max + 1);
}

export type Correction = {
  /** An indexed word, or (when `prefix`) the start of one: match it as `term*`. */
  term: string;
  distance: number;
  prefix: boolean;
};

/** Prefixes shorter than this are never needed: a typo needs a query word of 5+ letters. */
const MIN_PREFIX = 4;
/** Longer prefixes are not kept; a query word longer than this gets no prefix corrections. */
const MAX_PREFIX = 32;

function bucketKey(first: string, length: number): string {
  return `${first}${length}`;
}

function pushTo(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The dictionary of indexed terms that query words are corrected against. */
export class TermDictionary {
  private readonly words = new Set<string>();
  private readonly wordBuckets = new Map<string, string[]>();
  private readonly prefixes = new Set<string>();
  private readonly prefixBuckets = new Map<string, string[]>();
  private readonly firstLetters = new Set<string>();

  constructor(terms: Iterable<string> = []) {
    for (const term of terms) this.add(term);
  }

  get size(): number {
    return this.words.size;
  }

  has(term: string): boolean {
    return this.words.has(term);
  }

  /** Add a (folded) term; adding one that is already there does nothing. */
  add(term: string): void {
    if (term.length === 0 || this.words.has(term)) return;
    this.words.add(term);
    const first = term.charAt(0);
    this.firstLetters.add(first);
    pushTo(this.wordBuckets, bucketKey(first, term.length), term);
    const longest = Math.min(term.length, MAX_PREFIX);
    for (let length = MIN_PREFIX; length <= longest; length++) {
      const p = term.slice(0, length);
      if (this.prefixes.has(p)) continue;
      this.prefixes.add(p);
      pushTo(this.prefixBuckets, bucketKey(first, length), p);
    }
  }

  /**
   * Indexed words within the typo bound of `term` (never the term itself), closest first. With
   * `prefix`, word prefixes within the bound instead (for the word still being typed); a prefix
   * covered by a shorter one that is at least as close is left out.
   */
  corrections(term: string, o: { prefix?: boolean; limit?: number } = {}): Correction[] {
    const max = maxTypos(term.length);
    if (max === 0) return [];
    const prefix = o.prefix ?? false;
    const buckets = prefix ? this.prefixBuckets : this.wordBuckets;
    const known = prefix ? this.prefixes : this.words;
    const found = new Map<string, number>();
    for (let length = term.length - max; length <= term.length + max; length++) {
      const bucket = buckets.get(bucketKey(term.charAt(0), length));
      if (!bucket) continue;
      for (const candidate of bucket) {
        const d = damerauLevenshtein(term, candidate, max);
        if (d > 0 && d <= max) found.set(candidate, d);
      }
    }
    // A typo on the first letter counts as two, so it is possible only when two are allowed, and
    // then the rest of the word must be exact.
    if (max === 2) {
      for (const variant of this.firstLetterVariants(term)) {
        if (variant !== term && known.has(variant) && !found.has(variant)) found.set(variant, 2);
      }
    }
    let list = [...found].map(([t, distance]) => ({ term: t, distance, prefix }));
    list.sort((a, b) => a.distance - b.distance || a.term.length - b.term.length || (a.term < b.term ? -1 : 1));
    if (prefix) {
      list = list.filter((c) => !list.some((o) => o !== c && o.distance <= c.distance && c.term.startsWith(o.term)));
    }
    return list.slice(0, o.limit ?? 8);
  }

  private *firstLetterVariants(term: string): Generator<string> {
    const rest = term.slice(1);
    yield rest; // first letter deleted
    if (term.length > 1 && term.charAt(0) !== term.charAt(1)) yield term.charAt(1) + term.charAt(0) + term.slice(2); // swapped
    for (const c of this.firstLetters) {
      if (c === term.charAt(0)) continue;
      yield c + rest; // first letter replaced
      yield c + term; // a letter inserted before the first
    }
  }
}
