// Issue 13 items 4 and 8: control characters never reach the database or an email, and no field
// carries (or echoes back) more than its maximum.
import { z } from "zod";
import { describe, expect, test } from "vitest";
import { optionalText, parseFields, requiredText } from "~/domain/form-rules.ts";
import { fields, formValues, maxLengthOf, parseForm } from "~/domain/forms.ts";
import { cleanInput, MAX_FIELD_CHARS } from "~/domain/text-input.ts";

const hostile = "Anna\u0000 \u001b[31mLind\u202egpj.exe\u2028rad två\u200b\ufeff\u0085";

function form(entries: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
}

describe("control characters", () => {
  test("NUL, ESC, bidi overrides, zero-width and line separators are removed; tabs and newlines stay", () => {
    expect(cleanInput(hostile)).toBe("Anna [31mLindgpj.exe\nrad två");
    expect(cleanInput("rad 1\r\nrad 2\tkolumn")).toBe("rad 1\r\nrad 2\tkolumn");
    expect(cleanInput("Åsa Öberg-Ärlig 👩‍💻")).toBe("Åsa Öberg-Ärlig 👩‍💻");
  });

  test("every form value and every shared text schema drops them", () => {
    expect(formValues(form({ name: hostile })).name).toBe("Anna [31mLindgpj.exe\nrad två");
    const shape = { name: requiredText("namn", 120), note: optionalText("anteckning", 2000) };
    const direct = parseFields(shape, { name: "A\u202eB", note: "x\u0000y" });
    expect(direct).toEqual({ ok: true, data: { name: "AB", note: "xy" } });
    expect(z.object({ s: fields.text("ämne") }).parse({ s: "Hej\u202e\u0007" })).toEqual({ s: "Hej" });
    expect(requiredText("namn", 120).safeParse("\u0000\u202e").success).toBe(false); // nothing left: "Fyll i"
  });
});

describe("field length", () => {
  test("a value is capped at MAX_FIELD_CHARS, longer than every field's own maximum, so it still fails it", () => {
    expect(formValues(form({ body: "x".repeat(900_000) })).body).toHaveLength(MAX_FIELD_CHARS);
    const many = new FormData();
    for (let i = 0; i < 5000; i++) many.append("ids", String(i));
    expect((formValues(many).ids as string[]).length).toBe(1000);
  });

  test("the maximum a schema declares is found through pipes, transforms and optionals", () => {
    expect(maxLengthOf(fields.email())).toBe(254);
    expect(maxLengthOf(requiredText("namn", 120))).toBe(120);
    expect(maxLengthOf(optionalText("anteckning", 2000))).toBe(2000);
    expect(maxLengthOf(fields.optionalText("svar", 300))).toBe(300);
    expect(maxLengthOf(z.string())).toBeUndefined();
  });

  test("after an error a form echoes at most the field's maximum", () => {
    const schema = z.object({ email: fields.email(), note: z.string().max(10) });
    const result = parseForm(schema, form({ email: "a".repeat(900_000) + "@example.se", note: "y".repeat(50) }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.values.email).toHaveLength(254);
    expect(result.values.note).toHaveLength(10);
    const fieldsResult = parseFields({ name: requiredText("namn", 120) }, { name: "n".repeat(5000) });
    expect(!fieldsResult.ok && fieldsResult.values.name).toHaveLength(120);
  });
});
