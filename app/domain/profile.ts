// The vocational profile (yrkesprofil, docs/product-rules.md#vocational-profile): the shapes of the JSON columns of Profile,
// with zod schemas, limits and Swedish labels. Functional needs and preferences only — there is
// no diagnosis field anywhere.
//
// Reading is tolerant (`readProfile`): a broken or older value falls back to an empty one, so a
// page never fails on stored data. Writing goes through the strict schemas below.
import { z } from "zod";
import { accommodations } from "./vocab/accommodations.ts";
import { drivingLicences } from "./vocab/driving-licences.ts";
import {
  environmentDimensionLabels,
  environmentDimensions,
  instructionStyles,
  type EnvironmentDimension,
} from "./vocab/environment.ts";
import { scheduleTimes, travelModes } from "./vocab/schedule.ts";
import { vocabulary } from "./vocab/vocabulary.ts";

export const PROFILE_LIMITS = {
  hoursMin: 1,
  hoursMax: 60,
  commuteMinKm: 0,
  commuteMaxKm: 200,
  maxListItems: 30,
  maxStrengths: 20,
  strengthLength: 120,
  educationLength: 2000,
  experienceEntries: 30,
  experienceText: 200,
  experienceNote: 500,
} as const;

export const environmentDimensionCodes = Object.keys(environmentDimensions) as EnvironmentDimension[];

// ───────────── interests, skills, languages ─────────────

export const interestsSchema = z.object({
  occupationIds: z.array(z.string()).default([]),
  groupCodes: z.array(z.string()).default([]),
});
export type Interests = z.infer<typeof interestsSchema>;

// ───────────── experience ─────────────

/** What a past job or practice told us: each factor worked, did not work, or is unknown. */
export const experienceFactors = vocabulary({
  hours: "Arbetstiden",
  environment: "Miljön",
  pace: "Tempot",
  variation: "Variationen",
  instructions: "Hur instruktionerna gavs",
  colleagues: "Antalet kollegor",
  manager: "Närmaste chefen",
});
export type ExperienceFactor = (typeof experienceFactors.codes)[number];

export const factorVerdicts = vocabulary({
  worked: "Fungerade bra",
  did_not_work: "Fungerade inte",
});
export type FactorVerdict = (typeof factorVerdicts.codes)[number];

export const experienceFactorSchema = z.object({
  verdict: factorVerdicts.schema.optional(),
  note: z.string().max(PROFILE_LIMITS.experienceNote).optional(),
});

export const experienceEntrySchema = z.object({
  id: z.string().min(1).max(40),
  what: z.string().min(1).max(PROFILE_LIMITS.experienceText),
  where: z.string().max(PROFILE_LIMITS.experienceText).optional(),
  when: z.string().max(60).optional(),
  occupationId: z.string().optional(),
  hoursPerWeek: z.number().int().min(0).max(80).optional(),
  colleagues: z.number().int().min(0).max(10000).optional(),
  instructions: z.array(instructionStyles.schema).default([]),
  factors: z.partialRecord(experienceFactors.schema, experienceFactorSchema).default({}),
  worked: z.string().max(PROFILE_LIMITS.experienceNote).optional(),
  didNotWork: z.string().max(PROFILE_LIMITS.experienceNote).optional(),
});
export type ExperienceEntry = z.infer<typeof experienceEntrySchema>;

// ───────────── preferences and environment ─────────────

export const preferencesSchema = z.object({
  hoursMin: z.number().int().optional(),
  hoursMax: z.number().int().optional(),
  schedule: z.array(scheduleTimes.schema).default([]),
  startFlexible: z.boolean().optional(),
  maxCommuteKm: z.number().min(0).max(PROFILE_LIMITS.commuteMaxKm).optional(),
  travelMode: travelModes.schema.optional(),
});
export type Preferences = z.infer<typeof preferencesSchema>;

/** The same vocabulary as Opening.environment: one preferred value per dimension, instruction styles. */
export const environmentPrefsSchema = z.object({
  pace: environmentDimensions.pace.schema.optional(),
  noise: environmentDimensions.noise.schema.optional(),
  socialContact: environmentDimensions.socialContact.schema.optional(),
  customerContact: environmentDimensions.customerContact.schema.optional(),
  teamSize: environmentDimensions.teamSize.schema.optional(),
  variation: environmentDimensions.variation.schema.optional(),
  physicalLoad: environmentDimensions.physicalLoad.schema.optional(),
  setting: environmentDimensions.setting.schema.optional(),
  instructions: z.array(instructionStyles.schema).optional(),
});
export type EnvironmentPrefs = z.infer<typeof environmentPrefsSchema>;

// ───────────── needs, exclusions, disclosure ─────────────

export const needSchema = z.object({ code: accommodations.schema, must: z.boolean() });
export type Need = z.infer<typeof needSchema>;

/** Every "dimension:value" an exclusion may name, e.g. "physicalLoad:heavy". */
export const environmentValueCodes: string[] = environmentDimensionCodes.flatMap((d) =>
  environmentDimensions[d].codes.map((value) => `${d}:${value}`),
);

export function environmentValueLabel(code: string): string {
  const [dimension, value] = code.split(":") as [EnvironmentDimension, string];
  const vocab = environmentDimensions[dimension];
  return vocab ? `${environmentDimensionLabels[dimension]}: ${vocab.label(value).toLowerCase()}` : code;
}

export const exclusionsSchema = z.object({
  occupationIds: z.array(z.string()).default([]),
  groupCodes: z.array(z.string()).default([]),
  environment: z.array(z.string().refine((v) => environmentValueCodes.includes(v))).default([]),
  schedule: z.array(scheduleTimes.schema).default([]),
});
export type Exclusions = z.infer<typeof exclusionsSchema>;

/** The parts of a profile an employer may be shown, one yes/no each (the participant decides). */
export const disclosureItems = vocabulary({
  interests: "Vad deltagaren vill jobba med",
  strengths: "Styrkor",
  skills: "Kompetenser",
  experience: "Erfarenhet",
  education: "Utbildning",
  drivingLicences: "Körkort",
  languages: "Språk",
  preferences: "Arbetstid och resväg",
  environmentPrefs: "Önskad arbetsmiljö",
  needs: "Anpassningar som behövs",
});
export type DisclosureItem = (typeof disclosureItems.codes)[number];

/** The same parts in the participant's own words ("du", no jargon), for their own pages. */
const disclosureItemsForParticipant: Record<DisclosureItem, string> = {
  interests: "Vad du vill jobba med",
  strengths: "Vad du är bra på",
  skills: "Vad du kan göra",
  experience: "Vad du har gjort förut",
  education: "Din utbildning",
  drivingLicences: "Dina körkort",
  languages: "Språk du talar",
  preferences: "Hur mycket du vill jobba och hur du tar dig dit",
  environmentPrefs: "Hur du vill ha det på jobbet",
  needs: "Vad du behöver på en arbetsplats",
};

/** A disclosure item's label for the coach (third person) or the participant (second person). */
export function disclosureLabel(item: DisclosureItem, audience: "coach" | "participant"): string {
  return audience === "participant" ? disclosureItemsForParticipant[item] : disclosureItems.label(item);
}

export const disclosureSchema = z.partialRecord(disclosureItems.schema, z.boolean());
export type Disclosure = z.infer<typeof disclosureSchema>;

// ───────────── the whole profile ─────────────

export type ProfileData = {
  interests: Interests;
  strengths: string[];
  skillIds: string[];
  experience: ExperienceEntry[];
  education: string | null;
  drivingLicences: string[];
  languageIds: string[];
  preferences: Preferences;
  environmentPrefs: EnvironmentPrefs;
  needs: Need[];
  exclusions: Exclusions;
  disclosure: Disclosure;
};

/** The stored columns of a Profile row (JSON text). */
export type ProfileRow = {
  interests: string;
  strengths: string;
  skillIds: string;
  experience: string;
  education: string | null;
  drivingLicences: string;
  languageIds: string;
  preferences: string;
  environmentPrefs: string;
  needs: string;
  exclusions: string;
  disclosure: string;
};

function parseText(value: string | null | undefined): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function read<S extends z.ZodType>(schema: S, value: string | null | undefined, fallback: z.output<S>): z.output<S> {
  const result = schema.safeParse(parseText(value) ?? fallback);
  return result.success ? result.data : fallback;
}

const stringList = z.array(z.string());

/** Older or seeded entries may lack an id or the structured factors: give them defaults. */
function readExperience(value: string | null | undefined): ExperienceEntry[] {
  const raw = parseText(value);
  if (!Array.isArray(raw)) return [];
  const entries: ExperienceEntry[] = [];
  raw.forEach((item, index) => {
    if (!item || typeof item !== "object") return;
    const candidate = { id: `e${index + 1}`, ...(item as Record<string, unknown>) };
    const result = experienceEntrySchema.safeParse(candidate);
    if (result.success) entries.push(result.data);
  });
  return entries;
}

export const emptyProfile = (): ProfileData => ({
  interests: { occupationIds: [], groupCodes: [] },
  strengths: [],
  skillIds: [],
  experience: [],
  education: null,
  drivingLicences: [],
  languageIds: [],
  preferences: { schedule: [] },
  environmentPrefs: {},
  needs: [],
  exclusions: { occupationIds: [], groupCodes: [], environment: [], schedule: [] },
  disclosure: {},
});

/** Parses a stored Profile row; every broken column falls back to its empty value. */
export function readProfile(row: ProfileRow | null | undefined): ProfileData {
  const empty = emptyProfile();
  if (!row) return empty;
  const needs = read(z.array(z.unknown()), row.needs, []).flatMap((n) => {
    const parsed = needSchema.safeParse(n);
    return parsed.success ? [parsed.data] : [];
  });
  return {
    interests: read(interestsSchema, row.interests, empty.interests),
    strengths: read(stringList, row.strengths, []),
    skillIds: read(stringList, row.skillIds, []),
    experience: readExperience(row.experience),
    education: row.education?.trim() ? row.education : null,
    drivingLicences: read(stringList, row.drivingLicences, []).filter((c) =>
      (drivingLicences.codes as readonly string[]).includes(c),
    ),
    languageIds: read(stringList, row.languageIds, []),
    preferences: read(preferencesSchema, row.preferences, empty.preferences),
    environmentPrefs: read(environmentPrefsSchema, row.environmentPrefs, {}),
    needs,
    exclusions: read(exclusionsSchema, row.exclusions, empty.exclusions),
    disclosure: read(disclosureSchema, row.disclosure, {}),
  };
}

/** Columns to write for the given parts of a profile. */
export function profileColumns(data: Partial<ProfileData>): Partial<ProfileRow> {
  const out: Partial<ProfileRow> = {};
  for (const [key, value] of Object.entries(data) as Array<[keyof ProfileData, unknown]>) {
    if (key === "education") out.education = (value as string | null) ?? null;
    else out[key] = JSON.stringify(value);
  }
  return out;
}

/** A short random id for a new experience entry (stable across edits). */
export function newEntryId(): string {
  return `e${Math.random().toString(36).slice(2, 10)}`;
}

/** How complete the profile is, for the coach's overview: which sections have content. */
export function filledSections(profile: ProfileData): Record<string, boolean> {
  return {
    interests: profile.interests.occupationIds.length + profile.interests.groupCodes.length > 0,
    strengths: profile.strengths.length + profile.skillIds.length > 0,
    experience: profile.experience.length > 0,
    background: Boolean(profile.education) || profile.drivingLicences.length + profile.languageIds.length > 0,
    preferences:
      profile.preferences.hoursMin != null ||
      profile.preferences.maxCommuteKm != null ||
      profile.preferences.schedule.length > 0,
    environment: Object.keys(profile.environmentPrefs).length > 0,
    needs: profile.needs.length > 0,
    exclusions:
      profile.exclusions.occupationIds.length +
        profile.exclusions.groupCodes.length +
        profile.exclusions.environment.length +
        profile.exclusions.schedule.length >
      0,
    disclosure: Object.keys(profile.disclosure).length > 0,
  };
}
