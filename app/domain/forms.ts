// One way to validate every form: a zod schema parses the submitted fields; failures become
// Swedish messages per field, and the typed values are returned so the form keeps them.
import { z } from "zod";
import type { FormRefusal, Result } from "./result.ts";

export type FieldErrors = Record<string, string[] | undefined>;

export type FormResult<T> = Result<{ data: T }, FormRefusal & { formError?: string }>;

/** Every submitted field as a string, or a list when the name repeats (checkboxes). */
export function formValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length > 1 || key.endsWith("[]") ? all : (all[0] ?? "");
  }
  return values;
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
  return { ok: false, errors, formError, values };
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
      .trim()
      .toLowerCase()
      .min(1, "Fyll i en e-postadress.")
      .max(254, "E-postadressen är för lång.")
      .pipe(z.email("Skriv en giltig e-postadress, till exempel namn@foretag.se.")),
  text: (label: string, max = 200) =>
    z
      .string({ error: `Fyll i ${label}.` })
      .trim()
      .min(1, `Fyll i ${label}.`)
      .max(max, `${capitalize(label)} får vara högst ${max} tecken.`),
  optionalText: (label: string, max = 2000) =>
    z
      .string()
      .trim()
      .max(max, `${capitalize(label)} får vara högst ${max} tecken.`)
      .optional()
      .transform((v) => (v ? v : undefined)),
};

function capitalize(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
