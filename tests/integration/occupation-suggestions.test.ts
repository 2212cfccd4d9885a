// Search-as-you-type for occupations finds the everyday job first (issue 14, item 3): measured on
// ~30 everyday queries (tests/fixtures/everyday-occupations.ts) against the real JobTech vocabulary.
import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";
import { databaseFile } from "~/utils/database-url.ts";
import { db } from "~/utils/db.server.ts";
import { ensureSearchSchema } from "../../search/sqlite/schema.ts";
import { suggestVocabulary } from "../../search/vocabulary.ts";
import { EVERYDAY_OCCUPATION_QUERIES } from "../fixtures/everyday-occupations.ts";

async function labels(q: string, limit = 10): Promise<string[]> {
  return (await suggestVocabulary(db, q, { kind: "occupation", limit })).map((h) => h.label);
}

describe("occupation suggestions", () => {
  test("every everyday query has an expected occupation among the first three", async () => {
    const misses: string[] = [];
    for (const { q, expected } of EVERYDAY_OCCUPATION_QUERIES) {
      const top = (await labels(q, 3)).slice(0, 3);
      if (!top.some((l) => expected.includes(l))) misses.push(`${q} → ${top.join("; ")}`);
    }
    expect(EVERYDAY_OCCUPATION_QUERIES.length).toBeGreaterThanOrEqual(30);
    expect(misses).toEqual([]);
  });

  test("the common job comes first, before supervisors and planners", async () => {
    expect((await labels("lager"))[0]).toBe("Lagerarbetare/Terminalarbetare");
    expect((await labels("lager")).indexOf("Arbetsledare lager och terminal")).toBeGreaterThan(2);
    expect((await labels("butik")).slice(0, 2).sort()).toEqual([
      "Butikssäljare, dagligvaror/Medarbetare, dagligvaror",
      "Butikssäljare, fackhandel",
    ]);
    expect((await labels("städ"))[0]).toBe("Städare");
    const vard = await labels("vård", 5);
    expect(vard[0]).toBe("Vårdbiträde");
    expect(vard).toContain("Undersköterska, vård- och specialavdelning och mottagning");
  });

  test("typed with å, ä or ö the letters count; typed without them, folding finds the same jobs", async () => {
    // "städ" is not "stad": Stadsarkivarie and Stadsbud come after every job that starts with "städ".
    const stad = await labels("städ");
    const lastStad = Math.max(stad.indexOf("Städare"), stad.indexOf("Städchef"), stad.indexOf("Arbetsledare städ"));
    expect(stad.indexOf("Stadsarkivarie")).toBeGreaterThan(lastStad);
    expect(stad.indexOf("Expressarbetare/Flyttkarl/Stadsbud")).toBeGreaterThan(lastStad);
    expect((await labels("vård", 3)).some((l) => l.startsWith("Värde"))).toBe(false);
    // Without a Swedish keyboard.
    expect((await labels("stadare"))[0]).toBe("Städare");
    expect((await labels("vardbitrade"))[0]).toBe("Vårdbiträde");
  });

  test("a whole first word typed names that job, however specialised", async () => {
    expect((await labels("läkare"))[0]).toBe("Läkare");
    expect((await labels("kock", 3)).every((l) => l.startsWith("Kock"))).toBe(true);
    expect((await labels("snickare"))[0]).toBe("Träarbetare/Snickare");
  });

  test("an index built by an older version gets its commonness at the next start", async () => {
    const sqlite = new Database(databaseFile());
    try {
      sqlite.exec("UPDATE vocabulary_fts SET boost = 0; DELETE FROM search_meta WHERE key = 'vocabulary_version'");
      expect((await labels("lager"))[0]).not.toBe("Lagerarbetare/Terminalarbetare");
      ensureSearchSchema(sqlite);
    } finally {
      sqlite.close();
    }
    expect((await labels("lager"))[0]).toBe("Lagerarbetare/Terminalarbetare");
  });
});
