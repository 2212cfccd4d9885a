// One way to validate every form: a zod schema parses the submitted fields; failures become
// Swedish messages per field, and the typed values are returned so the form keeps them.
import { z } from "zod";
import { capitalizeSv } from "./swedish.ts";
import { cleanInput, echoValue, MAX_FIELD_VALUES } from "./text-input.ts";
import type { FormRefusal, Result } from "./result.ts";

export type FieldErrors = Record<string, string[] | undefined>;

export type FormResult<T> = Result<{ data: T }, FormRefusal & { formError?: string }>;

/**
 * Every submitted field as a string, or a list when the name repeats (checkboxes) — without
 * control characters and capped in length and count (see text-input.ts).
 */
export function formValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData
      .getAll(key)
      .filter((v): v is string => typeof v === "string")
      .slice(0, MAX_FIELD_VALUES)
      .map(cleanInput);
    values[key] = all.length > 1 || key.endsWith("[]") ? all : (all[0] ?? "");
  }
  return values;
}

type SchemaNode = { maxLength?: number | null; _zod: { def: Record<string, unknown> } };

/** The smallest maximum length a field's schema declares for its text (`.max(n)`), if any. */
export function maxLengthOf(schema: z.ZodType): number | undefined {
  const node = schema as unknown as SchemaNode;
  const own = typeof node.maxLength === "number" ? [node.maxLength] : [];
  const def = node._zod.def;
  const inner = ["in", "out", "innerType", "schema"]
    .map((k) => def[k])
    .filter((v): v is z.ZodType => typeof v === "object" && v !== null && "_zod" in v)
    .map(maxLengthOf)
    .filter((v): v is number => v !== undefined);
  const all = [...own, ...inner];
  return all.length ? Math.min(...all) : undefined;
}

/** The submitted values as a form may show them back: each at most its field's maximum length. */
export function echoValues(
  shape: Record<string, z.ZodType> | undefined,
  values: Record<string, string | string[]>,
): Record<string, string | string[]> {
  const echoed: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(values)) {
    const field = shape?.[key];
    echoed[key] = echoValue(value, field ? maxLengthOf(field) : undefined);
  }
  return echoed;
}

export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  values: Record<string, string | string[]> = {},
): FormResult<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  let formError: string | undefined;
  for (const issue of result.error.issues) {
    const key = issue.path.join(".");
    if (!key) formError = issue.message;
    else (errors[key] ??= []).push(issue.message);
  }
  const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : undefined;
  return { ok: false, errors, formError, values: echoValues(shape, values) };
}

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): FormResult<z.output<S>> {
  const values = formValues(formData);
  return parseWith(schema, values, values);
}

/** Common field schemas with Swedish messages. */
export const fields = {
  email: () =>
    z
      .string({ error: "Fyll i en e-postadress." })
      .overwrite(cleanInput)
      .trim()
      .toLowerCase()
      .min(1, "Fyll i en e-postadress.")
      .max(254, "E-postadressen är för lång.")
      .pipe(z.email("Skriv en giltig e-postadress, till exempel namn@foretag.se.")),
  text: (label: string, max = 200) =>
    z
      .string({ error: `Fyll i ${label}.` })
      .overwrite(cleanInput)
      .trim()
      .min(1, `Fyll i ${label}.`)
      .max(max, `${capitalizeSv(label)} får vara högst ${max} tecken.`),
  optionalText: (label: string, max = 2000) =>
    z
      .string()
      .overwrite(cleanInput)
      .trim()
      .max(max, `${capitalizeSv(label)} får vara högst ${max} tecken.`)
      .optional()
      .transform((v) => (v ? v : undefined)),
};
