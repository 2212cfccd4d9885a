import { describe, expect, test } from "vitest";
import {
  correctTerms,
  damerauLevenshtein,
  fold,
  indexTerms,
  isStopWord,
  matchExpression,
  maxTypos,
  parseQuery,
  stem,
  TermDictionary,
  tokenize,
} from "../../search/text.ts";

describe("folding and tokenizing", () => {
  test("lower-cases and folds Swedish and other diacritics", () => {
    expect(fold("Läkare Åre Öland")).toBe("lakare are oland");
    expect(fold("Café Ærø Straße")).toBe("cafe aero strasse");
  });

  test("splits on everything but letters and digits", () => {
    expect(tokenize("AT-läkare, Lagerarbetare/Terminalarbetare (50 %)")).toEqual([
      "at",
      "lakare",
      "lagerarbetare",
      "terminalarbetare",
      "50",
    ]);
    expect(tokenize("  ,;  ")).toEqual([]);
  });
});

describe("stop words and stemming", () => {
  test("Swedish stop words are recognised in folded form", () => {
    for (const w of ["och", "i", "for", "pa", "med", "att"]) expect(isStopWord(w)).toBe(true);
    for (const w of ["lakare", "lager", "at"]) expect(isStopWord(w)).toBe(false);
  });

  test("Swedish stems, also of folded words", () => {
    expect(stem("lagerarbetare")).toBe("lagerarbet");
    expect(stem("kockarna")).toBe(stem("kockar"));
    expect(stem("lakare")).toBe(fold(stem("läkare")));
    expect(stem("0680")).toBe("0680");
  });

  test("index terms drop stop words and add the stems that differ", () => {
    expect(indexTerms("Kock och lagerarbetare i Jönköping")).toBe("kock lagerarbetare jonkoping lagerarbet");
    expect(indexTerms(null, "", undefined)).toBe("");
  });
});

describe("query parsing and match expressions", () => {
  test("the last word is a prefix, stop words are dropped, stems are added", () => {
    expect(parseQuery("Lagerarbetare i Jönk")).toEqual([
      { term: "lagerarbetare", stem: "lagerarbet", prefix: false },
      { term: "jonk", prefix: true },
    ]);
  });

  test("a query of only stop words keeps its last word as a prefix", () => {
    expect(parseQuery("och för")).toEqual([{ term: "for", prefix: true }]);
    expect(parseQuery(" ,. ")).toEqual([]);
  });

  test("every term must match; alternatives are OR-ed", () => {
    const terms = parseQuery("lagerarbetare lage");
    expect(matchExpression(terms)).toBe('("lagerarbetare" OR "lagerarbet") AND "lage"*');
    expect(
      matchExpression(terms, [
        { words: ["lagerarbetere"], prefixes: [] },
        { words: [], prefixes: ["lago"] },
      ]),
    ).toBe('("lagerarbetare" OR "lagerarbet" OR "lagerarbetere") AND ("lage"* OR "lago"*)');
    expect(matchExpression([])).toBeNull();
  });
});

describe("typo tolerance", () => {
  test("bounds: none below 5 letters, one from 5, two from 9", () => {
    expect([4, 5, 8, 9, 20].map(maxTypos)).toEqual([0, 1, 1, 2, 2]);
  });

  test("Damerau-Levenshtein counts a swap of neighbours as one edit and gives up past the bound", () => {
    expect(damerauLevenshtein("lagerarbetrae", "lagerarbetare")).toBe(1);
    expect(damerauLevenshtein("kock", "kick")).toBe(1);
    expect(damerauLevenshtein("svetsare", "svetsar")).toBe(1);
    expect(damerauLevenshtein("abc", "xyz")).toBe(3);
    expect(damerauLevenshtein("abcdef", "uvwxyz", 1)).toBe(2);
  });

  const dictionary = new TermDictionary([
    "kock",
    "kiosk",
    "svetsare",
    "sjukskoterska",
    "lagerarbetare",
    "lakare",
    "lager",
  ]);

  test("a 4-letter word gets no correction", () => {
    expect(dictionary.corrections("kick")).toEqual([]);
  });

  test("a 5-letter word gets one edit, not two", () => {
    expect(dictionary.corrections("kiosc").map((c) => c.term)).toEqual(["kiosk"]);
    expect(dictionary.corrections("kiuxk")).toEqual([]);
  });

  test("a 9-letter word gets two edits, not three", () => {
    expect(dictionary.corrections("svetssrae").map((c) => c.term)).toEqual(["svetsare"]);
    expect(dictionary.corrections("sjukskotrsak").map((c) => c.term)).toEqual(["sjukskoterska"]);
    expect(dictionary.corrections("sjukskxtrsak")).toEqual([]);
  });

  test("a typo on the first letter counts as two", () => {
    expect(dictionary.corrections("pakare")).toEqual([]); // 6 letters: one typo allowed
    expect(dictionary.corrections("tagerarbetare").map((c) => c.term)).toEqual(["lagerarbetare"]); // 13: two
    expect(dictionary.corrections("tagerarbetere")).toEqual([]); // first letter + one more = three
  });

  test("the word being typed is corrected as a prefix", () => {
    expect(dictionary.corrections("lagerarbetrae", { prefix: true })).toContainEqual({
      term: "lagerarbetare",
      distance: 1,
      prefix: true,
    });
    const prefixes = dictionary.corrections("svetsra", { prefix: true }).map((c) => c.term);
    expect(prefixes.some((p) => "svetsare".startsWith(p))).toBe(true);
  });

  test("corrections are looked up per query term and never include the term itself", () => {
    const terms = parseQuery("lakrae kock");
    expect(correctTerms(terms, dictionary)).toEqual([
      { words: ["lakare"], prefixes: [] },
      { words: [], prefixes: [] },
    ]);
    expect(dictionary.corrections("lakare")).toEqual([]);
  });

  test("on a dictionary of 12,000 terms, the bucketed lookup finds exactly what a full scan finds", () => {
    // Speed belongs to the benchmark (`npm run bench`, autocomplete); this checks that looking in
    // the first-letter/length buckets only never misses a word that scanning every term would find.
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const letters = "abcdefghijklmnoprstuvy";
    const words = Array.from({ length: 12_000 }, () =>
      Array.from({ length: 4 + Math.floor(random() * 12) }, () => letters[Math.floor(random() * letters.length)]).join(
        "",
      ),
    );
    const big = new TermDictionary(words);
    const distinct = [...new Set(words)];
    const queries = words.slice(0, 200).map((w) => (w.length > 5 ? w.slice(0, 2) + w[3] + w[2] + w.slice(4) : w));
    for (const q of queries) {
      const max = maxTypos(q.length);
      const scanned = distinct
        .filter((w) => w[0] === q[0])
        .map((w) => ({ term: w, distance: damerauLevenshtein(q, w, max) }))
        .filter((c) => c.distance > 0 && c.distance <= max)
        .map((c) => `${c.term}:${c.distance}`)
        .sort();
      const looked = big
        .corrections(q, { limit: Number.MAX_SAFE_INTEGER })
        .filter((c) => c.term[0] === q[0])
        .map((c) => `${c.term}:${c.distance}`)
        .sort();
      expect(looked, q).toEqual(scanned);
    }
  });
});
