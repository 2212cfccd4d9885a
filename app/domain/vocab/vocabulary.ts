// A vocabulary is a fixed list of codes (stored in the database) with a Swedish label each
// (shown in the UI). Every vocabulary module builds on this helper so forms, zod schemas and
// labels stay in step.
import { z } from "zod";

export type Vocabulary<C extends string> = {
  readonly codes: readonly C[];
  readonly labels: Readonly<Record<C, string>>;
  label(code: string | null | undefined): string;
  schema: z.ZodEnum<{ [K in C]: K }>;
  options: ReadonlyArray<{ value: C; label: string }>;
};

export function vocabulary<const C extends string>(labels: Record<C, string>): Vocabulary<C> {
  const codes = Object.keys(labels) as C[];
  return {
    codes,
    labels,
    label: (code) => (code && code in labels ? labels[code as C] : (code ?? "")),
    schema: z.enum(codes as [C, ...C[]]),
    options: codes.map((value) => ({ value, label: labels[value] })),
  };
}
