// Database rows → the matcher's plain inputs (app/domain/matching/types.ts). The rows are what the
// matching service selects in one SQL query each (app/utils/matching.server.ts); JSON columns are
// read with the zod schemas of app/domain/profile.ts and the readers of app/domain/openings.ts.
//
// Reading is tolerant item by item: a broken or unknown value is dropped on its own, never the whole
// column. That matters most for the hard exclusions and `must` needs: one unreadable entry must not
// silently drop the participant's other "aldrig" rules.
import { type z } from "zod";
import type { Goal, LeadsToEmployment, MatchOpening, MatchParticipant } from "~/domain/matching/index.ts";
import { readAccommodations, readEnvironment, readSchedule } from "~/domain/openings.ts";
import {
  environmentPrefsSchema,
  exclusionsSchema,
  interestsSchema,
  needSchema,
  preferencesSchema,
} from "~/domain/profile.ts";
import {
  employmentSupports,
  leadsToEmployment,
  openingKinds,
  openingStatuses,
  type EmploymentSupport,
  type OpeningKind,
  type OpeningStatus,
} from "~/domain/vocab/openings.ts";
import { goals as goalVocabulary } from "~/domain/vocab/participants.ts";
import { toBool, toDate, toInt, type SqlBool, type SqlDate, type SqlInt } from "./raw-values.ts";

/** One opening as selected by the matching service: the opening with its occupation, workplace and employer. */
export type OpeningMatchRow = {
  id: string;
  kind: string;
  status: string;
  title: string;
  occupationId: string;
  occupationLabel: string;
  ssyk4Code: string;
  hoursMin: SqlInt;
  hoursMax: SqlInt;
  /** JSON { times, startFlexible } */
  schedule: string | null;
  /** JSON { pace, noise, …, instructions: [] } */
  environment: string | null;
  /** JSON string[] */
  accommodationsOffered: string | null;
  employmentSupport: string | null;
  competitive: SqlBool;
  leadsToEmployment: string;
  supervisorName: string | null;
  supervisorFixed: SqlBool;
  places: SqlInt;
  /** Placements on this opening that have not ended (they take a place each). */
  activePlacements: SqlInt;
  endDate: SqlDate;
  publishedAt: SqlDate;
  lat: number | null;
  lng: number | null;
};

/** One participant with the profile columns the matcher reads (profile columns null without a profile). */
export type ParticipantMatchRow = {
  id: string;
  /** JSON Goal[] */
  goals: string | null;
  lat: number | null;
  lng: number | null;
  /** The home municipality's centre: the fallback when the participant has no own point. */
  municipalityLat: number | null;
  municipalityLng: number | null;
  interests: string | null;
  preferences: string | null;
  environmentPrefs: string | null;
  needs: string | null;
  exclusions: string | null;
};

// ───────────────────────────── small readers ─────────────────────────────

function parseText(value: string | null | undefined): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function isFiniteNumber(n: unknown): n is number {
  return typeof n === "number" && Number.isFinite(n);
}

function point(lat: number | null | undefined, lng: number | null | undefined): { lat: number; lng: number } | null {
  return isFiniteNumber(lat) && isFiniteNumber(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180
    ? { lat, lng }
    : null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Parse an object with a zod object schema, field by field: a field that fails is retried item by
 * item when it is a list (keeping the items that parse), and otherwise left at its default.
 */
function readObject<S extends z.ZodObject>(schema: S, raw: unknown): z.output<S> {
  const whole = schema.safeParse(isRecord(raw) ? raw : {});
  if (whole.success) return whole.data;
  const record = isRecord(raw) ? raw : {};
  const fixed: Record<string, unknown> = {};
  for (const [key, fieldSchema] of Object.entries(schema.shape) as Array<[string, z.ZodType]>) {
    const value = record[key];
    if (fieldSchema.safeParse(value).success) fixed[key] = value;
    else if (Array.isArray(value)) fixed[key] = value.filter((item) => fieldSchema.safeParse([item]).success);
  }
  const retried = schema.safeParse(fixed);
  return retried.success ? retried.data : schema.parse({});
}

function inVocabulary<C extends string>(vocab: { has(value: unknown): value is C }, value: unknown): value is C {
  return vocab.has(value);
}

// ───────────────────────────── openings ─────────────────────────────

/**
 * An opening row as the matcher's MatchOpening. Unknown kind or status codes are kept as they are
 * (they fail the hard filters: never shown); places left = places − active placements.
 */
export function toMatchOpening(row: OpeningMatchRow): MatchOpening {
  const support =
    row.employmentSupport && inVocabulary(employmentSupports, row.employmentSupport) ? row.employmentSupport : null;
  const leads = inVocabulary(leadsToEmployment, row.leadsToEmployment)
    ? (row.leadsToEmployment as LeadsToEmployment)
    : "maybe";
  return {
    id: row.id,
    kind: row.kind as OpeningKind,
    status: row.status as OpeningStatus,
    title: row.title,
    occupationId: row.occupationId,
    occupationLabel: row.occupationLabel,
    ssyk4Code: row.ssyk4Code,
    hoursMin: toInt(row.hoursMin),
    hoursMax: toInt(row.hoursMax),
    schedule: readSchedule(row.schedule),
    environment: readEnvironment(row.environment),
    accommodationsOffered: readAccommodations(row.accommodationsOffered),
    employmentSupport: support as EmploymentSupport | null,
    competitive: toBool(row.competitive),
    leadsToEmployment: leads,
    supervisorName: row.supervisorName?.trim() ? row.supervisorName.trim() : null,
    supervisorFixed: toBool(row.supervisorFixed),
    placesLeft: toInt(row.places, 1) - toInt(row.activePlacements),
    endDate: toDate(row.endDate),
    publishedAt: toDate(row.publishedAt),
    location: point(row.lat, row.lng),
  };
}

/** Is this a kind / status code the vocabularies know (for callers that want to warn)? */
export function isKnownOpeningCodes(row: Pick<OpeningMatchRow, "kind" | "status">): boolean {
  return inVocabulary(openingKinds, row.kind) && inVocabulary(openingStatuses, row.status);
}

// ───────────────────────────── participants ─────────────────────────────

export function readGoals(json: string | null | undefined): Goal[] {
  const raw = parseText(json);
  if (!Array.isArray(raw)) return [];
  return [...new Set(raw.filter((g): g is Goal => inVocabulary(goalVocabulary, g)))];
}

/**
 * A participant row as the matcher's MatchParticipant: home = own point, else the municipality's
 * centre, else unknown. Profile columns are read with the profile's zod schemas, item by item.
 */
export function toMatchParticipant(row: ParticipantMatchRow): MatchParticipant {
  const interests = readObject(interestsSchema, parseText(row.interests));
  const preferences = readObject(preferencesSchema, parseText(row.preferences));
  const environmentPrefs = readObject(environmentPrefsSchema, parseText(row.environmentPrefs));
  const exclusions = readObject(exclusionsSchema, parseText(row.exclusions));
  const rawNeeds = parseText(row.needs);
  const needs = (Array.isArray(rawNeeds) ? rawNeeds : []).flatMap((n) => {
    const parsed = needSchema.safeParse(n);
    return parsed.success ? [parsed.data] : [];
  });
  // The same code twice (once `nice`, once `must`) counts as `must`.
  const needByCode = new Map<string, { code: (typeof needs)[number]["code"]; must: boolean }>();
  for (const n of needs)
    needByCode.set(n.code, { code: n.code, must: n.must || (needByCode.get(n.code)?.must ?? false) });

  return {
    id: row.id,
    goals: readGoals(row.goals),
    home: point(row.lat, row.lng) ?? point(row.municipalityLat, row.municipalityLng),
    interests: { occupationIds: [...new Set(interests.occupationIds)], groupCodes: [...new Set(interests.groupCodes)] },
    preferences: {
      hoursMin: preferences.hoursMin ?? null,
      hoursMax: preferences.hoursMax ?? null,
      schedule: preferences.schedule,
      startFlexible: preferences.startFlexible ?? null,
      maxCommuteKm: preferences.maxCommuteKm ?? null,
      travelMode: preferences.travelMode ?? null,
    },
    environmentPrefs,
    needs: [...needByCode.values()],
    exclusions: {
      occupationIds: [...new Set(exclusions.occupationIds)],
      groupCodes: [...new Set(exclusions.groupCodes)],
      environment: [...new Set(exclusions.environment)],
      schedule: [...new Set(exclusions.schedule)],
    },
  };
}
