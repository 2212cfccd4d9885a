// A vocabulary is a fixed list of codes (stored in the database) with a Swedish label each
// (shown in the UI). Every vocabulary module builds on this helper so forms, zod schemas and
// labels stay in step.
import { z } from "zod";

export type Vocabulary<C extends string> = {
  readonly codes: readonly C[];
  readonly labels: Readonly<Record<C, string>>;
  label(code: string | null | undefined): string;
  /** Is `value` one of the codes? (The same answer as `schema`, without zod: hot paths read many stored codes.) */
  has(value: unknown): value is C;
  schema: z.ZodEnum<{ [K in C]: K }>;
  options: ReadonlyArray<{ value: C; label: string }>;
};

export function vocabulary<const C extends string>(labels: Record<C, string>): Vocabulary<C> {
  const codes = Object.keys(labels) as C[];
  const known = new Set<unknown>(codes);
  return {
    codes,
    labels,
    label: (code) => (code && code in labels ? labels[code as C] : (code ?? "")),
    has: (value): value is C => known.has(value),
    schema: z.enum(codes as [C, ...C[]]),
    options: codes.map((value) => ({ value, label: labels[value] })),
  };
}
