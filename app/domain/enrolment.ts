// Enrolment (docs/product-rules.md#enrolment): the form schema shared by the enrol and edit pages, and the rules
// behind it. Checks that need the database (postal code exists, coach in the organisation, email
// free) live in app/utils/participants.server.ts.
import { z } from "zod";
import { optionalDateField, requiredDateField } from "./form-rules.ts";
import { dayKey } from "./swedish-time.ts";
import { incomeSources, occupationStatuses } from "./vocab/outcomes.ts";
import { genders, goals, referralSources } from "./vocab/participants.ts";
import type { Vocabulary } from "./vocab/vocabulary.ts";

/** Participants are of working age: 15 to 80 years in the enrolment year. */
export const MIN_AGE = 15;
export const MAX_AGE = 80;

export function birthYearRange(now = new Date()): { min: number; max: number } {
  const year = now.getFullYear();
  return { min: year - MAX_AGE, max: year - MIN_AGE };
}

/** Form values arrive as a string or a list of strings (repeated names): always a list here. */
export function listOf<T extends z.ZodType>(item: T, message = "Välj bland alternativen i listan.") {
  return z.preprocess(
    (v) => (v == null || v === "" ? [] : [v].flat().filter((x) => x !== "")),
    z
      .array(z.unknown())
      // One message on the field itself (not on "field.0"), so it shows next to the field.
      .refine((list) => list.every((x) => item.safeParse(x).success), message)
      .transform((list) => list.map((x) => item.parse(x)) as Array<z.output<T>>),
  );
}

/** "YYYY-MM-DD" from a date input, as noon UTC that day (stable in Swedish time). */
export function dateFromInput(value: string): Date {
  return new Date(`${value}T12:00:00Z`);
}

const NOON_MS = 12 * 60 * 60_000;

/** A required date field (form-rules' parsing and messages), kept as noon UTC that day. */
export const dateAtNoonField = (label: string) =>
  requiredDateField(label).transform((day) => new Date(day.getTime() + NOON_MS));

/** An optional date field, kept as noon UTC that day; empty is undefined. */
export const optionalDateAtNoonField = (label: string) =>
  optionalDateField(label).transform((day) => (day ? new Date(day.getTime() + NOON_MS) : undefined));

/** Not after today (Swedish time). */
export function notInFuture(date: Date, now = new Date()): boolean {
  if (Number.isNaN(date.getTime())) return true; // reported by the date field itself
  return dayKey(date) <= dayKey(now);
}

/** One code of a vocabulary, with a message for a missing or unknown value. */
export function choice<C extends string>(vocab: Vocabulary<C>, message: string) {
  return z.enum(vocab.codes as [C, ...C[]], { error: message });
}

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} får vara högst ${max} tecken.`)
    .optional()
    .transform((v) => (v ? v : undefined));

export function enrolmentSchema(now = new Date()) {
  const years = birthYearRange(now);
  return z
    .object({
      pseudonym: z
        .string({ error: "Fyll i ett namn eller initialer." })
        .trim()
        .min(1, "Fyll i ett namn eller initialer.")
        .max(60, "Namnet får vara högst 60 tecken."),
      realName: optionalText("Fullständigt namn", 120),
      email: z
        .string()
        .trim()
        .toLowerCase()
        .max(254, "E-postadressen är för lång.")
        .optional()
        .transform((v) => (v ? v : undefined))
        .pipe(z.email("Skriv en giltig e-postadress, till exempel namn@exempel.se.").optional()),
      phone: optionalText("Telefonnumret", 40).refine(
        (v) => !v || /^[+\d][\d\s-]{4,}$/.test(v),
        "Skriv ett telefonnummer med siffror, till exempel 070-123 45 67.",
      ),
      gender: choice(genders, "Välj kön för statistiken (eller Vill ej ange)."),
      birthYear: z
        .string()
        .trim()
        .optional()
        .transform((v) => (v ? v : undefined))
        .refine((v) => v === undefined || /^\d{4}$/.test(v), "Skriv födelseåret med fyra siffror, till exempel 1990.")
        .transform((v) => (v === undefined ? undefined : Number(v)))
        .refine(
          (v) => v === undefined || (v >= years.min && v <= years.max),
          `Födelseåret ska vara mellan ${years.min} och ${years.max}.`,
        ),
      municipalityCode: z
        .string()
        .trim()
        .optional()
        .transform((v) => (v ? v : undefined)),
      postalCode: z
        .string()
        .trim()
        .max(12, "Skriv postnumret med fem siffror.")
        .optional()
        .transform((v) => (v ? v : undefined)),
      referralSource: choice(referralSources, "Välj vem som remitterade deltagaren."),
      goals: listOf(goals.schema).refine((v) => v.length > 0, "Välj minst ett mål."),
      startOccupation: choice(occupationStatuses, "Välj sysselsättning vid start."),
      startIncomeSources: listOf(incomeSources.schema).refine(
        (v) => v.length > 0,
        "Välj minst en försörjning (eller Ingen offentlig försörjning).",
      ),
      coachId: z
        .string()
        .trim()
        .optional()
        .transform((v) => (v ? v : undefined)),
      /** Empty means today; a date in the past is back-dating (issue 12), never a future date. */
      enrolledAt: optionalDateAtNoonField("inskrivningsdatum"),
    })
    .superRefine((value, ctx) => {
      if (value.enrolledAt && !notInFuture(value.enrolledAt, now))
        ctx.addIssue({
          code: "custom",
          path: ["enrolledAt"],
          message: "Inskrivningsdatum kan inte ligga i framtiden.",
        });
      if (!value.municipalityCode && !value.postalCode) {
        ctx.addIssue({ code: "custom", path: ["postalCode"], message: "Fyll i postnummer eller välj kommun." });
      }
    });
}
export type EnrolmentInput = z.output<ReturnType<typeof enrolmentSchema>>;

/** Consent fields: only on enrolment (later changes are made on the consent form). */
export function consentSchema(now = new Date()) {
  return z
    .object({
      consentBrygga: z.literal("yes", { error: "Deltagaren måste samtycka till att uppgifterna används i Brygga." }),
      consentBryggaDate: dateAtNoonField("datum för samtycket"),
      consentStatistics: z.enum(["yes", "no"], { error: "Välj om deltagaren samtycker till statistik." }),
      consentStatisticsDate: optionalDateAtNoonField("datum för samtycket"),
    })
    .superRefine((value, ctx) => {
      if (!notInFuture(value.consentBryggaDate, now))
        ctx.addIssue({ code: "custom", path: ["consentBryggaDate"], message: "Datumet kan inte vara i framtiden." });
      if (value.consentStatisticsDate && !notInFuture(value.consentStatisticsDate, now)) {
        ctx.addIssue({
          code: "custom",
          path: ["consentStatisticsDate"],
          message: "Datumet kan inte vara i framtiden.",
        });
      }
    });
}
export type ConsentInput = z.output<ReturnType<typeof consentSchema>>;

/**
 * A change of consent on the participant's page. Saying no to Brygga itself is not a change that can
 * be recorded: without that consent the participant's data must be erased (by an admin). Returns the
 * message for the "given" field, or null when the change may be recorded.
 */
export function consentChangeError(change: { scope: string; given: "yes" | "no" }): string | null {
  return change.scope === "brygga" && change.given === "no"
    ? "Utan samtycke till Brygga ska deltagarens uppgifter raderas. Be administratören radera dem."
    : null;
}
