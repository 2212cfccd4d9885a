// A vocabulary's `has` (a Set lookup for hot paths, issue 16) answers exactly as its zod schema.
import { describe, expect, test } from "vitest";
import { accommodations } from "~/domain/vocab/accommodations.ts";
import { environmentDimensions, instructionStyles } from "~/domain/vocab/environment.ts";
import { openingKinds } from "~/domain/vocab/openings.ts";
import { scheduleTimes } from "~/domain/vocab/schedule.ts";
import { vocabulary } from "~/domain/vocab/vocabulary.ts";

const vocabularies = [
  accommodations,
  instructionStyles,
  openingKinds,
  scheduleTimes,
  ...Object.values(environmentDimensions),
  vocabulary({ a: "A", b: "B" }),
];
const strangers: unknown[] = [
  "",
  "x",
  " day",
  "DAY",
  null,
  undefined,
  1,
  {},
  [],
  "__proto__",
  "toString",
  "constructor",
];

describe("vocabulary.has", () => {
  test("is true for every code and false for anything else, like the schema", () => {
    for (const vocab of vocabularies) {
      for (const code of vocab.codes) expect(vocab.has(code)).toBe(true);
      for (const value of [...strangers, ...vocab.codes.map((c) => `${c}x`)])
        expect(vocab.has(value)).toBe(vocab.schema.safeParse(value).success);
    }
  });
});
