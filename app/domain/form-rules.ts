// Forms whose fields depend on each other (hours min ≤ max, end after start): every field is parsed
// on its own with zod, then the cross-field rules run on the fields that parsed, so a person sees
// every problem at once — not the field errors first and the cross-field ones after a resubmit.
// Shared by client and server (no I/O).
import { z } from "zod";
import { echoValues, formValues, type FieldErrors, type FormResult } from "./forms.ts";
import { parseDateInput } from "./swedish-time.ts";
import { capitalizeSv } from "./swedish.ts";
import { cleanInput } from "./text-input.ts";

type Shape = Record<string, z.ZodType>;
export type ShapeOutput<S extends Shape> = { [K in keyof S]: z.output<S[K]> };

export type RuleContext<S extends Shape> = {
  /** The fields that parsed; a field with an error is missing. */
  data: Partial<ShapeOutput<S>>;
  /** Report a problem on a field (shown next to it). */
  add: (field: string, message: string) => void;
};

export type Rules<S extends Shape> = (ctx: RuleContext<S>) => void;

export function parseFields<S extends Shape>(
  shape: S,
  values: Record<string, string | string[]>,
  rules?: Rules<S>,
): FormResult<ShapeOutput<S>> {
  const errors: FieldErrors = {};
  const data: Partial<ShapeOutput<S>> = {};
  const add = (field: string, message: string) => {
    const list = (errors[field] ??= []);
    if (!list.includes(message)) list.push(message);
  };
  for (const key of Object.keys(shape) as Array<keyof S & string>) {
    const result = shape[key]!.safeParse(values[key]);
    if (result.success) data[key] = result.data as ShapeOutput<S>[typeof key];
    // A problem inside a field (one of its checkboxes, one line of a list) is shown at the field.
    else for (const issue of result.error.issues) add(key, issue.message);
  }
  rules?.({ data, add });
  if (Object.keys(errors).length > 0) return { ok: false, errors, values: echoValues(shape, values) };
  return { ok: true, data: data as ShapeOutput<S> };
}

export function parseFormFields<S extends Shape>(
  shape: S,
  formData: FormData,
  rules?: Rules<S>,
): FormResult<ShapeOutput<S>> {
  return parseFields(shape, formValues(formData), rules);
}

// ───────────── field schemas with Swedish messages ─────────────

const blankToUndefined = (v: unknown) => (v == null || (typeof v === "string" && v.trim() === "") ? undefined : v);
const asList = (v: unknown): unknown[] =>
  v == null || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "") : [v];

/** A whole number in a range; `name` completes "Fyll i …" ("antal timmar"). */
export function intField(name: string, min: number, max: number, rangeMessage?: string) {
  const range = rangeMessage ?? `Skriv ett tal mellan ${min} och ${max}.`;
  return z
    .string({ error: `Fyll i ${name}.` })
    .trim()
    .min(1, `Fyll i ${name}.`)
    .regex(/^[-−]?\d+$/, `Skriv ${name} som ett heltal, till exempel ${min}.`)
    .transform((v) => Number(v.replace("−", "-")))
    .pipe(z.number().min(min, range).max(max, range));
}

export function optionalIntField(name: string, min: number, max: number, rangeMessage?: string) {
  return z.preprocess(blankToUndefined, intField(name, min, max, rangeMessage).optional());
}

/** Checkbox group values: always a list (one checked box arrives as a single string). */
export function checkboxList<T extends z.ZodType>(item: T, max = 50) {
  return z.preprocess(asList, z.array(item).max(max, `Välj högst ${max}.`));
}

/** A checkbox: checked (any value) or not. */
export const checkbox = z.preprocess((v) => v != null && v !== "" && v !== "false", z.boolean());

/** A choice from a vocabulary, with a message when nothing (or something unknown) was chosen. */
export function choice<C extends string>(schema: z.ZodEnum<{ [K in C]: K }>, message: string) {
  return z.custom<C>((v) => typeof v === "string" && schema.safeParse(v).success, { error: message });
}

/** Several choices from a vocabulary (a checkbox group). */
export function choiceList<C extends string>(
  schema: z.ZodEnum<{ [K in C]: K }>,
  message = "Välj bland alternativen.",
  max = 50,
) {
  return checkboxList(
    z.custom<C>((v) => typeof v === "string" && schema.safeParse(v).success, { error: message }),
    max,
  );
}

/** An optional choice: empty means none (null). */
export function optionalChoice<C extends string>(schema: z.ZodEnum<{ [K in C]: K }>, message: string) {
  return z
    .custom<C | "" | undefined>(
      (v) => v == null || v === "" || (typeof v === "string" && schema.safeParse(v).success),
      { error: message },
    )
    .transform((v): C | null => (v ? v : null));
}

/** Optional trimmed text with a maximum length; empty becomes null. */
export function optionalText(label: string, max: number) {
  return z
    .preprocess((v) => (typeof v === "string" ? v : v == null ? "" : String(v)), z.string().overwrite(cleanInput))
    .transform((v) => v.trim())
    .pipe(z.string().max(max, `${capitalizeSv(label)} får vara högst ${max} tecken.`))
    .transform((v) => (v ? v : null));
}

/** Required trimmed text with a minimum and maximum length. */
export function requiredText(label: string, max: number, min = 1) {
  return z
    .string({ error: `Fyll i ${label}.` })
    .overwrite(cleanInput)
    .trim()
    .min(1, `Fyll i ${label}.`)
    .pipe(
      z
        .string()
        .min(min, `${capitalizeSv(label)} behöver vara minst ${min} tecken.`)
        .max(max, `${capitalizeSv(label)} får vara högst ${max} tecken.`),
    );
}

type DateFieldOptions = {
  /** An example shown when the date is written wrong ("…, till exempel 2026-03-02."); none by default. */
  example?: string;
};

const dateFormatMessage = (label: string, example?: string) =>
  `Skriv ${label} som ÅÅÅÅ-MM-DD${example ? `, till exempel ${example}` : ""}.`;

/**
 * A required calendar day written ÅÅÅÅ-MM-DD (a date input) → a Date at 00:00 UTC that day.
 * `missing` replaces "Fyll i {label}." for an empty field; `check` gets the day and returns a
 * message when it is out of range (or null).
 */
export function requiredDateField(
  label: string,
  options: DateFieldOptions & { missing?: string; check?: (day: Date) => string | null } = {},
) {
  const missing = options.missing ?? `Fyll i ${label}.`;
  return z
    .string({ error: missing })
    .trim()
    .min(1, { message: missing, abort: true })
    .transform((v, ctx) => {
      const day = parseDateInput(v);
      if (!day) {
        ctx.addIssue({ code: "custom", message: dateFormatMessage(label, options.example) });
        return z.NEVER;
      }
      const problem = options.check?.(day);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
      return day;
    });
}

/** An optional calendar day written ÅÅÅÅ-MM-DD → a Date at 00:00 UTC that day; empty is null. */
export function optionalDateField(label: string, options: DateFieldOptions = {}) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      const text = (v ?? "").trim();
      if (!text) return null;
      const day = parseDateInput(text);
      if (!day) {
        ctx.addIssue({ code: "custom", message: dateFormatMessage(label, options.example) });
        return z.NEVER;
      }
      return day;
    });
}
