// The reference data loaded by scripts/prepare-database.ts (tests/setup/global-setup.ts) into the
// template database: every test file works on its own copy, so this file may rewrite rows.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { haversineKm } from "~/domain/geo.ts";
import { databaseFile } from "~/utils/database-url.ts";
import { db } from "~/utils/db.server.ts";
import { parseCsv } from "../../prisma/reference/csv.ts";
import { loadReferenceData, referenceDataDir } from "../../prisma/reference/load.ts";

let sqlite: Database.Database;

beforeAll(() => {
  sqlite = new Database(databaseFile());
  sqlite.pragma("busy_timeout = 5000");
});
afterAll(() => sqlite.close());

async function counts() {
  return {
    municipalities: await db.municipality.count(),
    postalCodes: await db.postalCode.count(),
    groups: await db.occupationGroup.count(),
    occupations: await db.occupation.count(),
    substitutes: await db.occupationSubstitute.count(),
    skills: await db.skill.count(),
    languages: await db.language.count(),
  };
}

async function load(): Promise<{ changed: boolean; lines: string[] }> {
  const lines: string[] = [];
  const changed = await loadReferenceData(sqlite, { log: (line) => lines.push(line) });
  return { changed, lines };
}

describe("municipalities and postal codes", () => {
  test("all 290 municipalities, Jönköping included", async () => {
    expect(await db.municipality.count()).toBe(290);
    const jonkoping = await db.municipality.findUniqueOrThrow({ where: { code: "0680" } });
    expect(jonkoping).toMatchObject({
      name: "Jönköping",
      county: "Jönköpings län",
      countyCode: "06",
      conceptId: "KURg_KJF_Lwc",
    });
    expect(jonkoping.lat).toBeCloseTo(57.78, 1);
    expect(jonkoping.lng).toBeCloseTo(14.16, 1);
    expect(jonkoping.population).toBeGreaterThan(100_000);
  });

  test("every municipality lies in Sweden and in the county its code says", async () => {
    for (const m of await db.municipality.findMany()) {
      expect(m.code).toMatch(/^\d{4}$/);
      expect(m.countyCode).toBe(m.code.slice(0, 2));
      expect(m.lat).toBeGreaterThan(55);
      expect(m.lat).toBeLessThan(69.1);
      expect(m.lng).toBeGreaterThan(10.9);
      expect(m.lng).toBeLessThan(24.2);
    }
  });

  test("points geocoded far outside their municipality are moved into it", async () => {
    // kommuner.csv puts Robertsfors about 200 km west of Umeå, in the mountains; it borders Umeå.
    const robertsfors = await db.municipality.findUniqueOrThrow({ where: { code: "2409" } });
    const umea = await db.municipality.findUniqueOrThrow({ where: { code: "2480" } });
    expect(haversineKm(robertsfors, umea)).toBeLessThan(80);
  });

  test("a Jönköping postal code leads to Jönköping", async () => {
    const postal = await db.postalCode.findUniqueOrThrow({ where: { code: "55320" }, include: { municipality: true } });
    expect(postal.locality).toBe("Jönköping");
    expect(postal.municipality.code).toBe("0680");
  });

  test("postal codes are five digits and plentiful", async () => {
    expect(await db.postalCode.count()).toBeGreaterThan(15_000);
    const odd = await db.postalCode.findMany({ where: { NOT: { code: { gte: "10000", lte: "99999" } } } });
    expect(odd).toEqual([]);
  });
});

describe("occupations", () => {
  test("SSYK 2012 levels 1–4 with definitions on level 4", async () => {
    const groups = await db.occupationGroup.groupBy({
      by: ["level"],
      _count: { _all: true },
      orderBy: { level: "asc" },
    });
    expect(groups.map((g) => [g.level, g._count._all])).toEqual([
      [1, 10],
      [2, 46],
      [3, 147],
      [4, 400],
    ]);
    expect(await db.occupationGroup.count({ where: { level: 4, definition: null } })).toBe(0);
  });

  test("every occupation sits in a 4-digit group whose parents reach level 1", async () => {
    const groups = new Map((await db.occupationGroup.findMany()).map((g) => [g.code, g]));
    const occupations = await db.occupation.findMany();
    expect(occupations.length).toBeGreaterThan(2000);
    for (const occupation of occupations) {
      expect(occupation.ssyk4Code).toMatch(/^\d{4}$/);
      let group = groups.get(occupation.ssyk4Code);
      const chain: number[] = [];
      while (group) {
        chain.push(group.level);
        expect(occupation.ssyk4Code.startsWith(group.code)).toBe(true);
        group = group.parentCode ? groups.get(group.parentCode) : undefined;
      }
      expect(chain).toEqual([4, 3, 2, 1]);
    }
  });

  test("exactly 112 occupations need no formal education", async () => {
    expect(await db.occupation.count({ where: { noEducationRequired: true } })).toBe(112);
    const cleaner = await db.occupation.findUniqueOrThrow({ where: { id: "KF64_AvU_S4N" } });
    expect(cleaner).toMatchObject({ label: "Städare", ssyk4Code: "9111", noEducationRequired: true });
  });

  test("substitutability relations with 25, 50 or 75 percent", async () => {
    expect(await db.occupationSubstitute.count()).toBeGreaterThan(8000);
    const percentages = await db.occupationSubstitute.groupBy({ by: ["percentage"] });
    expect(percentages.length).toBeGreaterThan(0);
    for (const { percentage } of percentages) expect([25, 50, 75]).toContain(percentage);

    const selfRelations = sqlite
      .prepare(`SELECT COUNT(*) AS c FROM "OccupationSubstitute" WHERE "fromId" = "toId"`)
      .get();
    expect(selfRelations).toEqual({ c: 0 });
    // Skolvärd substitutes Elevassistent at 75 %.
    const pair = await db.occupationSubstitute.findUnique({
      where: { fromId_toId: { fromId: "17FS_XzU_AQ4", toId: "Sbzf_iBA_MAS" } },
    });
    expect(pair?.percentage).toBe(75);
  });
});

describe("skills and languages", () => {
  test("the JobTech skills", async () => {
    expect(await db.skill.count()).toBeGreaterThan(6000);
  });

  test("languages include Swedish, Arabic and Somali", async () => {
    const labels = (await db.language.findMany({ where: { label: { in: ["Svenska", "Arabiska", "Somaliska"] } } })).map(
      (l) => l.label,
    );
    expect(labels.sort()).toEqual(["Arabiska", "Somaliska", "Svenska"]);
  });
});

describe("loading again", () => {
  test("a second run changes nothing and says so", async () => {
    const before = await counts();
    const { changed, lines } = await load();
    expect(changed).toBe(false);
    expect(lines).toEqual(["Referensdata: redan inläst"]);
    expect(await counts()).toEqual(before);
  });

  test("without the stored fingerprint every row is compared, and none differ", async () => {
    const before = await counts();
    sqlite.exec(`DELETE FROM "ReferenceDataVersion"`);
    const { changed, lines } = await load();
    expect(changed).toBe(false);
    expect(lines.at(-1)).toMatch(/klart på \d+ ms \(0 rader ändrade\)/);
    expect(await counts()).toEqual(before);
    expect((await load()).lines).toEqual(["Referensdata: redan inläst"]);
  });

  test("edited and extra rows are put back when the counts disagree", async () => {
    await db.skill.update({ where: { id: "11L4_Q2Z_8tM" }, data: { label: "Fel" } });
    await db.occupationSubstitute.create({ data: { fromId: "KF64_AvU_S4N", toId: "17FS_XzU_AQ4", percentage: 50 } });
    const { changed } = await load();
    expect(changed).toBe(true);
    expect((await db.skill.findUniqueOrThrow({ where: { id: "11L4_Q2Z_8tM" } })).label).toBe("Kylteknik");
    expect(
      await db.occupationSubstitute.findUnique({
        where: { fromId_toId: { fromId: "KF64_AvU_S4N", toId: "17FS_XzU_AQ4" } },
      }),
    ).toBeNull();
  });
});

describe("referenceDataDir", () => {
  const saved = process.env.REFERENCE_DATA_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.REFERENCE_DATA_DIR;
    else process.env.REFERENCE_DATA_DIR = saved;
  });

  test("defaults to ../shared/data next to the repository", () => {
    delete process.env.REFERENCE_DATA_DIR;
    expect(referenceDataDir()).toBe(path.resolve("../shared/data"));
  });

  test("REFERENCE_DATA_DIR wins", () => {
    process.env.REFERENCE_DATA_DIR = os.tmpdir();
    expect(referenceDataDir()).toBe(path.resolve(os.tmpdir()));
  });

  test("a missing folder is a clear error naming the path and the variable", () => {
    const missing = path.join(os.tmpdir(), "brygga-no-such-reference-data");
    fs.rmSync(missing, { recursive: true, force: true });
    process.env.REFERENCE_DATA_DIR = missing;
    expect(() => referenceDataDir()).toThrow(missing);
    expect(() => referenceDataDir()).toThrow(/REFERENCE_DATA_DIR/);
  });
});

describe("parseCsv", () => {
  test("quoted fields may hold commas, quotes and line breaks", () => {
    const text = '\ufeffcode,name\r\n0114,"Upplands Väsby, kommun"\r\n"0115","Säg ""hej""\nigen"\n';
    expect(parseCsv(text)).toEqual([
      ["code", "name"],
      ["0114", "Upplands Väsby, kommun"],
      ["0115", 'Säg "hej"\nigen'],
    ]);
  });

  test("empty fields and a last line without a line break", () => {
    expect(parseCsv('a,,"",b\nc')).toEqual([["a", "", "", "b"], ["c"]]);
  });

  test("an unclosed quote is an error", () => {
    expect(() => parseCsv('a,"b\n')).toThrow(/not closed/);
  });
});
