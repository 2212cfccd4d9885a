// The Meilisearch index for openings (docs/product-rules.md#search): its settings, and the document shape sent to it.
// Filters work on codes, never on labels; labels are only searched. Only openings are indexed —
// participant data never enters the search engine.
import fs from "node:fs";
import path from "node:path";
import type { Settings } from "meilisearch";
import type { OpeningDocument } from "../engine.ts";
import { fold, SWEDISH_STOP_WORDS } from "../text.ts";

/** The live index the application queries. Reindexing builds `openings_<timestamp>` and swaps it in. */
export const OPENING_INDEX_UID = "openings";
export const OPENING_PRIMARY_KEY = "id";

/** Searched text, most important first (the order feeds the "attribute" ranking rule). */
export const SEARCHABLE_ATTRIBUTES = [
  "title",
  "occupationLabel",
  "occupationGroupLabel",
  "tasks",
  "skillLabels",
  "description",
  "employerName",
  "municipalityName",
] as const;

/** Codes and numbers the filters of OpeningQuery use (never labels). */
export const FILTERABLE_ATTRIBUTES = [
  "kind",
  "occupationId",
  "ssyk4Code",
  "ssyk2Code",
  "municipalityCode",
  "employerId",
  "hoursMin",
  "hoursMax",
  "schedule",
  "environment",
  "accommodations",
  "competitive",
  "endDate",
  "_geo",
] as const;

export const SORTABLE_ATTRIBUTES = ["publishedAt", "_geo"] as const;

/**
 * Meilisearch's default rules with "sort" moved last: text relevance decides, and the query's sort
 * (newer first, see engine.ts) only breaks ties — like the sqlite engine's ORDER BY.
 */
export const RANKING_RULES = ["words", "typo", "proximity", "attribute", "exactness", "sort"] as const;

/** One typo from 5 letters, two from 9 (docs/product-rules.md#search), the same as the sqlite engine (search/typo.ts). */
export const TYPO_TOLERANCE = { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } } as const;

// ───────────────────────────── Synonyms from the JobTech keywords ─────────────────────────────

/** A concept of keyword-concepts-with-relations.json. */
export type KeywordConcept = {
  id: string;
  preferred_label: string;
  type?: string;
  related?: Array<{ id: string; preferred_label: string; type: string }>;
};

export type SynonymOptions = {
  /** A keyword related to more targets than this is a topic ("Life science" → 22 occupations), not a synonym. */
  maxTargetsPerKeyword?: number;
  /** At most this many keywords (the first, alphabetically) make it into the map. */
  maxKeywords?: number;
  /** Which related concept types become synonyms. */
  relationTypes?: readonly string[];
};

export const SYNONYM_DEFAULTS = {
  maxTargetsPerKeyword: 12,
  maxKeywords: 500,
  relationTypes: ["occupation-name", "skill"],
} as const satisfies Required<SynonymOptions>;

/**
 * The search forms of a taxonomy label: lower-cased, alternatives split on "/", the qualifier after
 * a comma dropped ("Lagerarbetare/Terminalarbetare" → ["lagerarbetare", "terminalarbetare"],
 * "Butikssäljare, fackhandel" → ["butikssäljare"]).
 */
export function labelForms(label: string): string[] {
  const forms = label
    .split("/")
    .map((part) => (part.split(",")[0] ?? "").trim().toLowerCase().replace(/\s+/g, " "))
    .filter((form) => form.length > 1);
  return [...new Set(forms)];
}

/**
 * One-way synonyms keyword → related occupation (and skill) labels, from the JobTech keyword
 * concepts: a search for "lager" also finds "lagerarbetare", "godsmottagare" …; "frissa" finds
 * "frisör". One-way on purpose: the relation says what a keyword is about, so the reverse ("barista"
 * → "turism") would pull in unrelated openings. Keywords related to too many targets are topics and
 * are left out. Deterministic: keywords and their targets are sorted.
 */
export function buildSynonyms(
  concepts: readonly KeywordConcept[],
  options: SynonymOptions = {},
): Record<string, string[]> {
  const o = { ...SYNONYM_DEFAULTS, ...options };
  const types = new Set(o.relationTypes);
  const byKeyword = new Map<string, Set<string>>();
  for (const concept of concepts) {
    const keyword = concept.preferred_label?.trim().toLowerCase().replace(/\s+/g, " ");
    if (!keyword || keyword.length < 2) continue;
    const targets = byKeyword.get(keyword) ?? new Set<string>();
    for (const related of concept.related ?? []) {
      if (!types.has(related.type)) continue;
      for (const form of labelForms(related.preferred_label)) if (form !== keyword) targets.add(form);
    }
    if (targets.size) byKeyword.set(keyword, targets);
  }
  const synonyms: Record<string, string[]> = {};
  const keywords = [...byKeyword.keys()].sort((a, b) => a.localeCompare(b, "sv"));
  let count = 0;
  for (const keyword of keywords) {
    const targets = byKeyword.get(keyword)!;
    if (targets.size > o.maxTargetsPerKeyword) continue;
    if (count >= o.maxKeywords) break;
    synonyms[keyword] = [...targets].sort((a, b) => a.localeCompare(b, "sv"));
    count++;
  }
  return synonyms;
}

/** Where the taxonomy keyword file is: $REFERENCE_DATA_DIR or ../shared/data (from the repository root). */
export function keywordConceptsFile(dataDir = process.env.REFERENCE_DATA_DIR || "../shared/data"): string {
  return path.resolve(dataDir, "jobtech-taxonomy", "keyword-concepts-with-relations.json");
}

/** Read the keyword concepts and build the synonyms; an empty map (and a warning) when the file is missing. */
export function loadTaxonomySynonyms(
  file = keywordConceptsFile(),
  options: SynonymOptions & { logger?: Pick<Console, "warn"> } = {},
): Record<string, string[]> {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    (options.logger ?? console).warn(`[search] ${file} saknas: Meilisearch-indexet får inga synonymer.`);
    return {};
  }
  const parsed = JSON.parse(text) as { data?: { concepts?: KeywordConcept[] } };
  return buildSynonyms(parsed.data?.concepts ?? [], options);
}

// ───────────────────────────── Stop words ─────────────────────────────

/**
 * The words of the Snowball Swedish stop list (search/text.ts) that contain å, ä or ö, spelled as
 * written. text.ts keeps the list folded ("på" → "pa") because the sqlite engine folds everything;
 * Meilisearch's Swedish pipeline keeps å/ä/ö, so it needs these spellings too. Every entry folds to
 * a member of SWEDISH_STOP_WORDS (checked by a unit test).
 */
export const SWEDISH_LETTER_STOP_WORDS = [
  "på",
  "för",
  "så",
  "är",
  "då",
  "där",
  "något",
  "från",
  "när",
  "över",
  "än",
  "här",
  "någon",
  "själv",
  "några",
  "sådan",
  "vår",
  "sådant",
  "varför",
  "sådana",
  "vårt",
  "våra",
] as const;

/** Stop words for Meilisearch: the folded list of text.ts plus the spellings with å/ä/ö. */
export function meilisearchStopWords(): string[] {
  const words = new Set<string>(SWEDISH_STOP_WORDS);
  for (const word of SWEDISH_LETTER_STOP_WORDS) if (SWEDISH_STOP_WORDS.has(fold(word))) words.add(word);
  return [...words].sort();
}

// ───────────────────────────── Settings ─────────────────────────────

/** The full settings of the openings index (docs/product-rules.md#search). Pure: synonyms are passed in. */
export function openingIndexSettings(synonyms: Record<string, string[]> = {}): Settings {
  return {
    searchableAttributes: [...SEARCHABLE_ATTRIBUTES],
    filterableAttributes: [...FILTERABLE_ATTRIBUTES],
    sortableAttributes: [...SORTABLE_ATTRIBUTES],
    rankingRules: [...RANKING_RULES],
    // Tokenize and normalize every field as Swedish. Note: Meilisearch's Swedish pipeline keeps
    // å/ä/ö as letters of their own (they are not "a"/"o" with a diacritic in Swedish), so a query
    // without them ("lakare") reaches "läkare" through typo tolerance, i.e. in words of 5+ letters.
    localizedAttributes: [{ attributePatterns: ["*"], locales: ["swe"] }],
    stopWords: meilisearchStopWords(),
    synonyms,
    typoTolerance: { ...TYPO_TOLERANCE, minWordSizeForTypos: { ...TYPO_TOLERANCE.minWordSizeForTypos } },
  };
}

// ───────────────────────────── Documents ─────────────────────────────

/** What is stored in Meilisearch for one opening: the shared document plus `_geo` for geo search. */
export type MeiliOpeningDocument = OpeningDocument & { _geo: { lat: number; lng: number } };

export function toMeiliDocument(document: OpeningDocument): MeiliOpeningDocument {
  return { ...document, _geo: { lat: document.lat, lng: document.lng } };
}
