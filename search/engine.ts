// The search engine contract (docs/product-rules.md#search). Two engines implement it: `sqlite` (embedded FTS5,
// the default) and `meilisearch` (production scale). Only openings are indexed — participant
// data never enters a search engine.
import type { DbOrTx } from "../app/utils/db.server.ts";

/** What a search engine stores for one published opening (codes, not labels, for filters). */
export type OpeningDocument = {
  id: string;
  title: string;
  description: string;
  tasks: string[];
  occupationId: string;
  occupationLabel: string;
  /** The occupation's SSYK-4 group label (searchable: "Svetsare och gasskärare"). */
  occupationGroupLabel?: string;
  ssyk4Code: string;
  ssyk2Code: string;
  skillIds: string[];
  skillLabels: string[];
  kind: string;
  employerId: string;
  employerName: string;
  municipalityCode: string;
  municipalityName: string;
  hoursMin: number;
  hoursMax: number;
  schedule: string[]; // day | evening | weekend | night
  environment: string[]; // "dimension:value" pairs and "instructions:written" etc.
  accommodations: string[];
  competitive: boolean;
  leadsToEmployment: string;
  lat: number;
  lng: number;
  endDate: number | null; // epoch ms
  publishedAt: number; // epoch ms, for "newer first"
};

export type OpeningQuery = {
  /** Free text typed by a user; may be empty (then everything that passes the filters). */
  text?: string;
  /**
   * false for text that nobody typed (the matcher's occupation labels, from the vocabulary): its
   * words match as written or stemmed, without typo corrections. The embedded engine then runs
   * one full-text query instead of two, over a few terms instead of every near spelling
   * (issue 16); Meilisearch's typo rules are part of its index and cost it little, so it ignores this.
   */
  typoTolerance?: boolean;
  filters?: {
    kinds?: string[];
    occupationIds?: string[];
    ssyk4Codes?: string[];
    municipalityCodes?: string[];
    employerIds?: string[];
    /** Openings whose hours range overlaps [min, max]. */
    hours?: { min: number; max: number };
    /** Exclude openings that have any of these values (e.g. "schedule:night", "physicalLoad:heavy"). */
    excludeSchedule?: string[];
    excludeEnvironment?: string[];
    /** Openings that offer every one of these accommodation codes. */
    requireAccommodations?: string[];
    /** Exclude openings that ended before this instant (epoch ms). */
    notEndedBefore?: number;
  };
  geo?: { lat: number; lng: number; radiusKm: number };
  /**
   * Values the caller would like openings to have: environment values ("pace:calm",
   * "instructions:written") and accommodation codes. Not a filter. Each hit tells how many it has
   * (`preferred`); without text, openings that have more of them come first, then the newest.
   */
  prefer?: { environment?: string[]; accommodations?: string[] };
  limit?: number;
  offset?: number;
  /**
   * false when the caller does not use `total` (the matcher's candidate queries): the engine may
   * then skip counting and report the hits it returned (offset + hits) as the total.
   */
  countTotal?: boolean;
};

export type OpeningHit = {
  id: string;
  /** 0..1, higher is more relevant to the text (1 when the query has no text). */
  relevance: number;
  /** Kilometres from the geo point, when the query had one. */
  distanceKm?: number;
  /** How many of the query's `prefer` values the opening has, when the query had some. */
  preferred?: number;
};

export type OpeningSearchResult = { hits: OpeningHit[]; total: number };

export type SearchEngine = {
  readonly name: "sqlite" | "meilisearch";
  /**
   * Bring the index in step with the openings with these ids, inside the caller's transaction:
   * a published opening is upserted, anything else (draft, filled, closed, deleted) is removed.
   */
  syncOpenings(tx: DbOrTx, openingIds: string[]): Promise<void>;
  searchOpenings(query: OpeningQuery): Promise<OpeningSearchResult>;
};

/** A vocabulary suggestion for search-as-you-type (occupations, skills). */
export type VocabularyHit = { id: string; label: string; kind: "occupation" | "skill"; detail?: string };
