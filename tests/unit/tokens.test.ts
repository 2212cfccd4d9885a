import { describe, expect, test } from "vitest";
import { safeRedirect } from "~/utils/auth.server.ts";
import { hashToken, normalizeCode, randomCode, randomToken } from "~/utils/tokens.server.ts";

describe("secrets", () => {
  test("tokens are long, random and URL-safe; hashes are stable", () => {
    const a = randomToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(a);
    expect(hashToken(a)).toBe(hashToken(a));
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  test("codes avoid look-alike characters and accept what people type", () => {
    for (let i = 0; i < 200; i++) expect(randomCode()).toMatch(/^[A-HJ-KM-NP-Z2-9]{4}-[A-HJ-KM-NP-Z2-9]{4}$/);
    expect(normalizeCode(" k7qm 3xpa ")).toBe("K7QM-3XPA");
    expect(normalizeCode("k7qm-3xpa")).toBe("K7QM-3XPA");
  });

  test("only same-site paths are followed after sign-in", () => {
    expect(safeRedirect("/coach", "/")).toBe("/coach");
    expect(safeRedirect("//evil.example", "/")).toBe("/");
    expect(safeRedirect("https://evil.example", "/")).toBe("/");
    expect(safeRedirect("/\\evil.example", "/")).toBe("/");
    expect(safeRedirect(null, "/x")).toBe("/x");
  });
});
