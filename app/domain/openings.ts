// Openings (uppdrag, praktikplatser, arbetsträning, anställningar, studiebesök): the shapes of the
// JSON columns, the rules an opening must follow, and the one form schema shared by the form
// (client) and the actions (server). Pure: the database checks (occupation and skill ids exist,
// the workplace is the employer's own) live in app/utils/openings.server.ts.
import { z } from "zod";
import {
  checkbox,
  checkboxList,
  choice,
  choiceList,
  intField,
  optionalChoice,
  optionalDateField,
  optionalIntField,
  optionalText,
  parseFields,
  requiredText,
  type ShapeOutput,
} from "./form-rules.ts";
import type { FormResult } from "./forms.ts";
import { accommodations, type Accommodation } from "./vocab/accommodations.ts";
import {
  environmentDimensions,
  instructionStyles,
  type Environment,
  type EnvironmentDimension,
} from "./vocab/environment.ts";
import {
  employmentSupports,
  isCompetitive,
  leadsToEmployment,
  openingKinds,
  openingStatuses,
  type EmploymentSupport,
  type OpeningKind,
  type OpeningStatus,
} from "./vocab/openings.ts";
import { scheduleTimes, type Schedule } from "./vocab/schedule.ts";
import { vocabulary } from "./vocab/vocabulary.ts";
import { addDays, addMonths, daysFromTo } from "./swedish-time.ts";

// ───────────── rules ─────────────

export const HOURS = { min: 1, max: 40 } as const;
export const PLACES_MAX = 50;
export const LIMITS = {
  title: 120,
  description: 4000,
  task: 200,
  tasks: 15,
  skills: 20,
  purpose: 1000,
  supervisorName: 100,
  closeDetail: 500,
} as const;

/** Practice and work trial: a stated purpose and a length (docs/product-rules.md#principles). */
export const PERIOD_KINDS: readonly OpeningKind[] = ["practice", "work_trial"];
export const PRACTICE_TYPICAL_WEEKS = { min: 4, max: 6 } as const;
/** At most six months: 26 weeks, and an end date at most six calendar months after the start. */
export const PERIOD_MAX_WEEKS = 26;
export const PERIOD_MAX_MONTHS = 6;
/** How far the stated length may differ from the dates before we ask the employer to check. */
export const PERIOD_LENGTH_TOLERANCE_DAYS = 7;

export function hasPeriod(kind: string): boolean {
  return (PERIOD_KINDS as readonly string[]).includes(kind);
}

/** Why an opening is closed: shown to the employer when closing, kept for statistics. */
export const closeReasons = vocabulary({
  no_longer_needed: "Behovet finns inte längre",
  filled_elsewhere: "Tillsatt på annat sätt",
  paused: "Pausad tills vidare",
  no_supervisor: "Vi har ingen handledare just nu",
  other: "Annat skäl",
});

export const openingEventActions = vocabulary({
  created: "Skapade annonsen",
  updated: "Ändrade annonsen",
  published: "Publicerade annonsen",
  closed: "Stängde annonsen",
  filled: "Markerade annonsen som tillsatt",
  duplicated: "Skapade annonsen som kopia",
});

/** What may be done to an opening in each status (draft → published → filled / closed). */
export const openingTransitions = {
  edit: ["draft", "published"],
  publish: ["draft"],
  fill: ["published"],
  close: ["draft", "published"],
  duplicate: ["draft", "published", "filled", "closed"],
} as const satisfies Record<string, readonly OpeningStatus[]>;
export type OpeningAction = keyof typeof openingTransitions;

export function canDo(action: OpeningAction, status: string): boolean {
  return (openingTransitions[action] as readonly string[]).includes(status);
}

// ───────────── JSON columns (shapes documented in prisma/schema.prisma) ─────────────

export const tasksSchema = z.array(z.string().trim().min(1).max(LIMITS.task)).max(LIMITS.tasks);
export const skillIdsSchema = z.array(z.string().trim().min(1).max(64)).max(LIMITS.skills);
export const scheduleSchema = z.object({ times: z.array(scheduleTimes.schema), startFlexible: z.boolean() });
export const environmentSchema = z
  .object({
    pace: environmentDimensions.pace.schema,
    noise: environmentDimensions.noise.schema,
    socialContact: environmentDimensions.socialContact.schema,
    customerContact: environmentDimensions.customerContact.schema,
    teamSize: environmentDimensions.teamSize.schema,
    variation: environmentDimensions.variation.schema,
    physicalLoad: environmentDimensions.physicalLoad.schema,
    setting: environmentDimensions.setting.schema,
    instructions: z.array(instructionStyles.schema),
  })
  .partial();
export const accommodationsSchema = z.array(accommodations.schema);

export const environmentDimensionCodes = Object.keys(environmentDimensions) as EnvironmentDimension[];

function parseJsonText(json: string | null | undefined): unknown {
  if (!json) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x.length > 0) : [];

/** Read stored JSON leniently: unknown codes are dropped, broken JSON gives the empty value. */
export function readTasks(json: string | null | undefined): string[] {
  return strings(parseJsonText(json));
}

export function readSkillIds(json: string | null | undefined): string[] {
  return strings(parseJsonText(json));
}

export function readSchedule(json: string | null | undefined): Schedule {
  const raw = parseJsonText(json) as { times?: unknown; startFlexible?: unknown } | undefined;
  return {
    times: strings(raw?.times).filter((t): t is Schedule["times"][number] => scheduleTimes.has(t)),
    startFlexible: raw?.startFlexible === true,
  };
}

export function readEnvironment(json: string | null | undefined): Environment {
  const raw = parseJsonText(json);
  const env: Environment = {};
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return env;
  const record = raw as Record<string, unknown>;
  for (const dimension of environmentDimensionCodes) {
    const value = record[dimension];
    if (environmentDimensions[dimension].has(value)) {
      (env as Record<string, string>)[dimension] = value;
    }
  }
  const instructions = strings(record.instructions).filter((s) => instructionStyles.has(s));
  if (instructions.length) env.instructions = instructions as Environment["instructions"];
  return env;
}

export function readAccommodations(json: string | null | undefined): Accommodation[] {
  return strings(parseJsonText(json)).filter((a): a is Accommodation => accommodations.has(a));
}

// ───────────── the opening form ─────────────

/** One task per line; blank lines and list markers ("-", "•", "1.") are dropped. */
const tasksField = z
  .preprocess((v) => (Array.isArray(v) ? v.join("\n") : (v ?? "")), z.string())
  .transform((text) =>
    text
      .split(/\r?\n/)
      .map((line) => line.replace(/^\s*(?:[-*•–]|\d+[.)])\s*/, "").trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.string().max(LIMITS.task, `Varje arbetsuppgift får vara högst ${LIMITS.task} tecken.`))
      .min(1, "Skriv minst en arbetsuppgift, en per rad.")
      .max(LIMITS.tasks, `Skriv högst ${LIMITS.tasks} arbetsuppgifter.`),
  );

const hoursRange = `Timmar per vecka ska vara mellan ${HOURS.min} och ${HOURS.max}.`;

const dimensionMessage = "Välj ett av alternativen.";
const dimensionFields = {
  pace: optionalChoice(environmentDimensions.pace.schema, dimensionMessage),
  noise: optionalChoice(environmentDimensions.noise.schema, dimensionMessage),
  socialContact: optionalChoice(environmentDimensions.socialContact.schema, dimensionMessage),
  customerContact: optionalChoice(environmentDimensions.customerContact.schema, dimensionMessage),
  teamSize: optionalChoice(environmentDimensions.teamSize.schema, dimensionMessage),
  variation: optionalChoice(environmentDimensions.variation.schema, dimensionMessage),
  physicalLoad: optionalChoice(environmentDimensions.physicalLoad.schema, dimensionMessage),
  setting: optionalChoice(environmentDimensions.setting.schema, dimensionMessage),
} satisfies Record<EnvironmentDimension, z.ZodType>;

export const openingFormShape = {
  kind: choice(openingKinds.schema, "Välj vad det är för slags annons."),
  title: requiredText("en rubrik", LIMITS.title, 3),
  workplaceId: z.string({ error: "Välj en arbetsplats." }).trim().min(1, "Välj en arbetsplats."),
  occupationId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || null),
  /** The text in the occupation search field: used when no id was chosen (no JavaScript). */
  occupationQuery: optionalText("yrket", 200),
  /** A choice among the server's suggestions ("Menade du …?") after typed text matched no label. */
  occupationChoice: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || null),
  description: requiredText("en beskrivning", LIMITS.description, 10),
  tasks: tasksField,
  skillIds: checkboxList(z.string().trim().min(1).max(64), LIMITS.skills),
  skillQuery: optionalText("kompetensen", 200),
  skillChoice: checkboxList(z.string().trim().min(1).max(64), LIMITS.skills),
  hoursMin: intField("minsta antal timmar", HOURS.min, HOURS.max, hoursRange),
  hoursMax: intField("högsta antal timmar", HOURS.min, HOURS.max, hoursRange),
  scheduleTimes: choiceList(scheduleTimes.schema).refine(
    (times) => times.length > 0,
    "Välj minst en tid: dagtid, kväll, helg eller natt.",
  ),
  startFlexible: choice(z.enum(["fixed", "flexible"]), "Välj om starttiden är fast eller flexibel."),
  ...dimensionFields,
  instructions: choiceList(instructionStyles.schema),
  accommodations: choiceList(accommodations.schema),
  supervisorName: optionalText("handledarens namn", LIMITS.supervisorName),
  supervisorFixed: checkbox,
  leadsToEmployment: z.preprocess(
    (v) => (v == null || v === "" ? "maybe" : v),
    choice(leadsToEmployment.schema, "Välj ja, kanske eller nej."),
  ),
  employmentSupport: optionalChoice(employmentSupports.schema, "Välj en anställningsform i listan."),
  purpose: optionalText("syftet", LIMITS.purpose),
  lengthWeeks: optionalIntField(
    "längden i veckor",
    1,
    PERIOD_MAX_WEEKS,
    `Längden ska vara mellan 1 och ${PERIOD_MAX_WEEKS} veckor (högst sex månader).`,
  ),
  places: intField("antal platser", 1, PLACES_MAX, `Antal platser ska vara mellan 1 och ${PLACES_MAX}.`),
  startDate: optionalDateField("startdatum", { example: "2026-03-02" }),
  endDate: optionalDateField("slutdatum", { example: "2026-03-02" }),
};

type FormShapeOutput = ShapeOutput<typeof openingFormShape>;

/** What the opening form produces: ready to store, except that the ids are checked against the database. */
export type OpeningInput = {
  kind: OpeningKind;
  title: string;
  workplaceId: string;
  occupationId: string | null;
  occupationQuery: string | null;
  description: string;
  tasks: string[];
  skillIds: string[];
  skillQuery: string | null;
  hoursMin: number;
  hoursMax: number;
  schedule: Schedule;
  environment: Environment;
  accommodationsOffered: Accommodation[];
  supervisorName: string | null;
  supervisorFixed: boolean;
  leadsToEmployment: "yes" | "maybe" | "no";
  employmentSupport: EmploymentSupport | null;
  competitive: boolean;
  purpose: string | null;
  lengthWeeks: number | null;
  places: number;
  startDate: Date | null;
  endDate: Date | null;
};

function openingRules({
  data,
  add,
}: {
  data: Partial<FormShapeOutput>;
  add: (field: string, message: string) => void;
}) {
  if (data.hoursMin != null && data.hoursMax != null && data.hoursMin > data.hoursMax) {
    add("hoursMax", "Högsta antal timmar kan inte vara mindre än minsta antal timmar.");
  }
  if (data.startDate && data.endDate && data.endDate <= data.startDate) {
    add("endDate", "Slutdatum måste vara efter startdatum.");
  }
  if (data.occupationId === null && !data.occupationChoice && !data.occupationQuery && "occupationId" in data) {
    add("occupationId", "Välj ett yrke. Börja skriva och välj i listan.");
  }
  const kind = data.kind;
  if (kind === "job" && "employmentSupport" in data && !data.employmentSupport) {
    add("employmentSupport", "Välj anställningsform, eller ”Utan stöd”.");
  }
  if (kind && hasPeriod(kind)) {
    if (kind === "practice" && "purpose" in data && !data.purpose) {
      add("purpose", "Skriv syftet med praktiken, till exempel att prova yrket eller träna arbetsuppgifterna.");
    }
    if (kind === "practice" && "lengthWeeks" in data && data.lengthWeeks == null) {
      add(
        "lengthWeeks",
        `Skriv hur många veckor praktiken är. Vanligt är ${PRACTICE_TYPICAL_WEEKS.min}–${PRACTICE_TYPICAL_WEEKS.max} veckor.`,
      );
    }
    if (data.startDate && data.endDate && data.endDate > data.startDate) {
      if (data.endDate > addMonths(data.startDate, PERIOD_MAX_MONTHS)) {
        add("endDate", `${openingKinds.label(kind)} får vara högst sex månader. Välj ett tidigare slutdatum.`);
      } else if (data.lengthWeeks != null) {
        const days = daysFromTo(data.startDate, data.endDate) + 1;
        if (Math.abs(days - data.lengthWeeks * 7) > PERIOD_LENGTH_TOLERANCE_DAYS) {
          add(
            "lengthWeeks",
            `Längden (${data.lengthWeeks} veckor) stämmer inte med datumen, som är ungefär ${Math.round(days / 7)} veckor. Ändra längden eller datumen.`,
          );
        }
      }
    }
  }
}

/** Parse the opening form (values from formValues). Cross-field rules run on every field that parsed. */
export function parseOpeningForm(values: Record<string, string | string[]>): FormResult<OpeningInput> {
  const result = parseFields(openingFormShape, values, openingRules);
  if (!result.ok) return result;
  return { ok: true, data: toOpeningInput(result.data) };
}

function toOpeningInput(d: FormShapeOutput): OpeningInput {
  const period = hasPeriod(d.kind);
  const environment: Environment = {};
  for (const dimension of environmentDimensionCodes) {
    const value = d[dimension];
    if (value) (environment as Record<string, string>)[dimension] = value;
  }
  if (d.instructions.length) environment.instructions = [...new Set(d.instructions)];
  const employmentSupport = d.kind === "job" ? d.employmentSupport : null;
  const lengthWeeks = period ? (d.lengthWeeks ?? null) : null;
  // A practice with a start and a length but no end date ends after that many weeks.
  const endDate =
    d.endDate ?? (period && d.startDate && lengthWeeks ? addDays(d.startDate, lengthWeeks * 7 - 1) : null);
  return {
    kind: d.kind,
    title: d.title,
    workplaceId: d.workplaceId,
    occupationId: d.occupationChoice ?? d.occupationId,
    occupationQuery: d.occupationChoice ? null : d.occupationQuery,
    description: d.description,
    tasks: d.tasks,
    skillIds: [...new Set([...d.skillIds, ...d.skillChoice])],
    skillQuery: d.skillQuery,
    hoursMin: d.hoursMin,
    hoursMax: d.hoursMax,
    schedule: {
      times: scheduleTimes.codes.filter((t) => d.scheduleTimes.includes(t)),
      startFlexible: d.startFlexible === "flexible",
    },
    environment,
    accommodationsOffered: accommodations.codes.filter((a) => d.accommodations.includes(a)),
    supervisorName: d.supervisorName,
    supervisorFixed: d.supervisorFixed && Boolean(d.supervisorName),
    leadsToEmployment: d.kind === "job" ? "yes" : d.leadsToEmployment,
    employmentSupport,
    competitive: isCompetitive(d.kind, employmentSupport),
    purpose: period ? d.purpose : null,
    lengthWeeks,
    places: d.places,
    startDate: d.startDate,
    endDate,
  };
}

/** The form's values for an existing opening (edit, duplicate). */
export type OpeningFormDefaults = Record<string, string | string[]>;

export function openingFormDefaults(
  o: {
    kind: string;
    title: string;
    workplaceId: string;
    occupationId: string;
    description: string;
    tasks: string;
    skillIds: string;
    hoursMin: number;
    hoursMax: number;
    schedule: string;
    environment: string;
    accommodationsOffered: string;
    supervisorName: string | null;
    supervisorFixed: boolean;
    leadsToEmployment: string;
    employmentSupport: string | null;
    purpose: string | null;
    lengthWeeks: number | null;
    places: number;
    startDate: Date | string | null;
    endDate: Date | string | null;
  },
  toDateInput: (d: Date | string | null) => string,
): OpeningFormDefaults {
  const schedule = readSchedule(o.schedule);
  const env = readEnvironment(o.environment);
  const values: OpeningFormDefaults = {
    kind: o.kind,
    title: o.title,
    workplaceId: o.workplaceId,
    occupationId: o.occupationId,
    description: o.description,
    tasks: readTasks(o.tasks).join("\n"),
    skillIds: readSkillIds(o.skillIds),
    hoursMin: String(o.hoursMin),
    hoursMax: String(o.hoursMax),
    scheduleTimes: schedule.times,
    startFlexible: schedule.startFlexible ? "flexible" : "fixed",
    instructions: env.instructions ?? [],
    accommodations: readAccommodations(o.accommodationsOffered),
    supervisorName: o.supervisorName ?? "",
    supervisorFixed: o.supervisorFixed ? "on" : "",
    leadsToEmployment: o.leadsToEmployment,
    employmentSupport: o.employmentSupport ?? "",
    purpose: o.purpose ?? "",
    lengthWeeks: o.lengthWeeks != null ? String(o.lengthWeeks) : "",
    places: String(o.places),
    startDate: toDateInput(o.startDate),
    endDate: toDateInput(o.endDate),
  };
  for (const d of environmentDimensionCodes) values[d] = (env[d] as string | undefined) ?? "";
  return values;
}

/** A stored opening's fields for the database (JSON columns serialised). */
export function openingData(input: OpeningInput, occupationId: string) {
  return {
    kind: input.kind,
    title: input.title,
    workplaceId: input.workplaceId,
    occupationId,
    description: input.description,
    tasks: JSON.stringify(tasksSchema.parse(input.tasks)),
    skillIds: JSON.stringify(skillIdsSchema.parse(input.skillIds)),
    hoursMin: input.hoursMin,
    hoursMax: input.hoursMax,
    schedule: JSON.stringify(scheduleSchema.parse(input.schedule)),
    environment: JSON.stringify(environmentSchema.parse(input.environment)),
    accommodationsOffered: JSON.stringify(accommodationsSchema.parse(input.accommodationsOffered)),
    employmentSupport: input.employmentSupport,
    competitive: input.competitive,
    leadsToEmployment: input.leadsToEmployment,
    supervisorName: input.supervisorName,
    supervisorFixed: input.supervisorFixed,
    purpose: input.purpose,
    lengthWeeks: input.lengthWeeks,
    places: input.places,
    startDate: input.startDate,
    endDate: input.endDate,
  };
}

/** Swedish names of the fields, for "Ändrade: rubrik, timmar" in the opening's history. */
export const openingFieldLabels: Record<string, string> = {
  kind: "typ",
  title: "rubrik",
  workplaceId: "arbetsplats",
  occupationId: "yrke",
  description: "beskrivning",
  tasks: "arbetsuppgifter",
  skillIds: "kompetenser",
  hoursMin: "timmar",
  hoursMax: "timmar",
  schedule: "arbetstider",
  environment: "arbetsmiljö",
  accommodationsOffered: "anpassningar",
  employmentSupport: "anställningsform",
  competitive: "anställningsform",
  leadsToEmployment: "leder till anställning",
  supervisorName: "handledare",
  supervisorFixed: "handledare",
  purpose: "syfte",
  lengthWeeks: "längd",
  places: "antal platser",
  startDate: "startdatum",
  endDate: "slutdatum",
};

/** The Swedish names of the fields that differ between two stored versions. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const changed = new Set<string>();
  for (const [key, label] of Object.entries(openingFieldLabels)) {
    const a = before[key] instanceof Date ? (before[key] as Date).getTime() : (before[key] ?? null);
    const b = after[key] instanceof Date ? (after[key] as Date).getTime() : (after[key] ?? null);
    if (a !== b) changed.add(label);
  }
  return [...changed];
}

/** "10–20 tim/vecka" or "20 tim/vecka". */
export function formatHours(min: number, max: number): string {
  return min === max ? `${min} tim/vecka` : `${min}–${max} tim/vecka`;
}

export { openingKinds, openingStatuses };
