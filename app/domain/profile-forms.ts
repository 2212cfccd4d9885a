// The profile editor's sections: URL slug, title, and the zod schema of each section's form.
// Shared by the editor page (server parse) and tests. Ids that must exist in reference tables are
// checked on the server (app/utils/profiles.server.ts).
import { z } from "zod";
import { listOf } from "./enrolment.ts";
import {
  disclosureItems,
  environmentDimensionCodes,
  environmentValueCodes,
  experienceFactors,
  factorVerdicts,
  PROFILE_LIMITS,
  type EnvironmentPrefs,
  type ExperienceEntry,
  type Need,
} from "./profile.ts";
import { savedSv, type Agreement } from "./swedish.ts";
import { accommodations } from "./vocab/accommodations.ts";
import { drivingLicences } from "./vocab/driving-licences.ts";
import { environmentDimensions, instructionStyles } from "./vocab/environment.ts";
import { scheduleTimes, travelModes } from "./vocab/schedule.ts";

// `saved` is the subject of the "… är sparad/sparat/sparade." notice and what its participle agrees with.
export const profileSections = [
  {
    slug: "intressen",
    title: "Intressen",
    description: "Yrken och yrkesområden deltagaren vill jobba med.",
    saved: { subject: "Intressena", agreement: "plural" },
  },
  {
    slug: "styrkor",
    title: "Styrkor och kompetenser",
    description: "Vad deltagaren är bra på.",
    saved: { subject: "Styrkorna och kompetenserna", agreement: "plural" },
  },
  {
    slug: "erfarenhet",
    title: "Erfarenhet",
    description: "Tidigare jobb och praktik – och vad som fungerade.",
    saved: { subject: "Erfarenheten", agreement: "en" },
  },
  {
    slug: "bakgrund",
    title: "Utbildning, körkort och språk",
    description: "",
    saved: { subject: "Utbildning, körkort och språk", agreement: "plural" },
  },
  {
    slug: "onskemal",
    title: "Arbetstid och resväg",
    description: "Timmar, tider på dygnet och hur långt deltagaren kan resa.",
    saved: { subject: "Arbetstid och resväg", agreement: "plural" },
  },
  {
    slug: "arbetsmiljo",
    title: "Önskad arbetsmiljö",
    description: "Tempo, ljud, samarbete och annat i miljön.",
    saved: { subject: "Den önskade arbetsmiljön", agreement: "en" },
  },
  {
    slug: "anpassningar",
    title: "Anpassningar",
    description: "Vad som måste finnas och vad som är bra att ha.",
    saved: { subject: "Anpassningarna", agreement: "plural" },
  },
  {
    slug: "aldrig",
    title: "Aldrig",
    description: "Yrken, miljöer och tider som inte är aktuella.",
    saved: { subject: "Det som aldrig är aktuellt", agreement: "ett" },
  },
  {
    slug: "synlighet",
    title: "Vad arbetsgivaren får se",
    description: "Deltagaren bestämmer vad en arbetsgivare får se.",
    saved: { subject: "Vad arbetsgivaren får se", agreement: "ett" },
  },
] as const satisfies ReadonlyArray<{
  slug: string;
  title: string;
  description: string;
  saved: { subject: string; agreement: Agreement };
}>;

/** "Intressena är sparade.", "Erfarenheten är sparad." */
export function sectionSavedNotice(section: (typeof profileSections)[number]): string {
  return savedSv(section.saved.subject, section.saved.agreement);
}
export type ProfileSectionSlug = (typeof profileSections)[number]["slug"];

export function isProfileSection(slug: string | undefined): slug is ProfileSectionSlug {
  return profileSections.some((s) => s.slug === slug);
}

const idList = (max: number, label: string) =>
  listOf(z.string().trim().min(1).max(40))
    .refine((v) => v.length <= max, `Välj högst ${max} ${label}.`)
    .transform((v) => [...new Set(v)]);

const optionalInt = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^\d+$/.test(v), `${label} ska vara ett heltal.`)
    .transform((v) => (v === undefined ? undefined : Number(v)))
    .refine((v) => v === undefined || (v >= min && v <= max), `${label} ska vara mellan ${min} och ${max}.`);

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} får vara högst ${max} tecken.`)
    .optional()
    .transform((v) => (v ? v : undefined));

export const interestsForm = z.object({
  occupationIds: idList(PROFILE_LIMITS.maxListItems, "yrken"),
  groupCodes: idList(PROFILE_LIMITS.maxListItems, "yrkesområden"),
});

export const strengthsForm = z.object({
  strengths: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((v) => v.length <= PROFILE_LIMITS.maxStrengths, `Skriv högst ${PROFILE_LIMITS.maxStrengths} styrkor.`)
    .refine(
      (v) => v.every((s) => s.length <= PROFILE_LIMITS.strengthLength),
      `Varje styrka får vara högst ${PROFILE_LIMITS.strengthLength} tecken.`,
    ),
  skillIds: idList(PROFILE_LIMITS.maxListItems, "kompetenser"),
});

const factorFields = Object.fromEntries(
  experienceFactors.codes.flatMap((f) => [
    [`factor_${f}`, z.union([z.literal(""), factorVerdicts.schema]).optional()],
    [`factor_${f}_note`, optionalText("Kommentaren", PROFILE_LIMITS.experienceNote)],
  ]),
) as Record<string, z.ZodType>;

export const experienceForm = z.object({
  entryId: z.string().trim().max(40).optional(),
  what: z
    .string({ error: "Skriv vad deltagaren gjorde." })
    .trim()
    .min(1, "Skriv vad deltagaren gjorde.")
    .max(PROFILE_LIMITS.experienceText, `Högst ${PROFILE_LIMITS.experienceText} tecken.`),
  where: optionalText("Arbetsplatsen", PROFILE_LIMITS.experienceText),
  when: optionalText("Tiden", 60),
  occupationId: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((v) => (v ? v : undefined)),
  hoursPerWeek: optionalInt("Timmar per vecka", 0, 80),
  colleagues: optionalInt("Antal kollegor", 0, 10000),
  instructions: listOf(instructionStyles.schema),
  worked: optionalText("Det som fungerade", PROFILE_LIMITS.experienceNote),
  didNotWork: optionalText("Det som inte fungerade", PROFILE_LIMITS.experienceNote),
});
/** What worked and what did not, per factor: `factor_<code>` (verdict) and `factor_<code>_note`. */
export const experienceFactorsForm = z.object(factorFields);

/** The stored entry built from a parsed experience form. */
export function experienceEntryFrom(
  input: z.output<typeof experienceForm>,
  factorValues: Record<string, unknown>,
  id: string,
): ExperienceEntry {
  const values = factorValues;
  const factors: ExperienceEntry["factors"] = {};
  for (const f of experienceFactors.codes) {
    const verdict = values[`factor_${f}`] as string | undefined;
    const note = values[`factor_${f}_note`] as string | undefined;
    if (verdict || note)
      factors[f] = { ...(verdict ? { verdict: verdict as "worked" | "did_not_work" } : {}), ...(note ? { note } : {}) };
  }
  return {
    id,
    what: input.what,
    where: input.where,
    when: input.when,
    occupationId: input.occupationId,
    hoursPerWeek: input.hoursPerWeek,
    colleagues: input.colleagues,
    instructions: input.instructions,
    factors,
    worked: input.worked,
    didNotWork: input.didNotWork,
  };
}

export const backgroundForm = z.object({
  education: optionalText("Utbildningen", PROFILE_LIMITS.educationLength),
  drivingLicences: listOf(drivingLicences.schema),
  languageIds: idList(PROFILE_LIMITS.maxListItems, "språk"),
});

export const preferencesForm = z
  .object({
    hoursMin: optionalInt("Minsta antal timmar", PROFILE_LIMITS.hoursMin, PROFILE_LIMITS.hoursMax),
    hoursMax: optionalInt("Högsta antal timmar", PROFILE_LIMITS.hoursMin, PROFILE_LIMITS.hoursMax),
    schedule: listOf(scheduleTimes.schema),
    startFlexible: z
      .string()
      .optional()
      .transform((v) => v === "yes"),
    maxCommuteKm: optionalInt("Längsta resväg", PROFILE_LIMITS.commuteMinKm, PROFILE_LIMITS.commuteMaxKm),
    travelMode: z
      .union([z.literal(""), travelModes.schema])
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .superRefine((v, ctx) => {
    if (v.hoursMin !== undefined && v.hoursMax !== undefined && v.hoursMin > v.hoursMax) {
      ctx.addIssue({
        code: "custom",
        path: ["hoursMax"],
        message: "Högsta antal timmar kan inte vara mindre än minsta.",
      });
    }
  });

export const environmentForm = z
  .object(
    Object.fromEntries(
      environmentDimensionCodes.map((d) => [d, z.union([z.literal(""), environmentDimensions[d].schema]).optional()]),
    ) as Record<string, z.ZodType<string | undefined>>,
  )
  .extend({ instructions: listOf(instructionStyles.schema) });

export function environmentPrefsFrom(input: Record<string, unknown>): EnvironmentPrefs {
  const prefs: Record<string, unknown> = {};
  for (const d of environmentDimensionCodes) if (input[d]) prefs[d] = input[d];
  const instructions = input.instructions as string[];
  if (instructions.length > 0) prefs.instructions = instructions;
  return prefs as EnvironmentPrefs;
}

export const needsForm = z.object(
  Object.fromEntries(
    accommodations.codes.map((c) => [
      `need_${c}`,
      z.enum(["", "nice", "must"], { error: "Välj ett av alternativen." }).optional(),
    ]),
  ),
);

export function needsFrom(input: Record<string, unknown>): Need[] {
  return accommodations.codes.flatMap((code) => {
    const value = input[`need_${code}`];
    return value === "must" || value === "nice" ? [{ code, must: value === "must" }] : [];
  });
}

export const exclusionsForm = z.object({
  occupationIds: idList(PROFILE_LIMITS.maxListItems, "yrken"),
  groupCodes: idList(PROFILE_LIMITS.maxListItems, "yrkesområden"),
  environment: listOf(z.string().refine((v) => environmentValueCodes.includes(v), "Okänt val av miljö.")),
  schedule: listOf(scheduleTimes.schema),
});

export const disclosureForm = z.object(
  Object.fromEntries(
    disclosureItems.codes.map((item) => [`disclose_${item}`, z.enum(["yes", "no"], { error: "Välj ja eller nej." })]),
  ),
);
