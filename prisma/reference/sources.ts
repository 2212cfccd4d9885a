// Reads the reference data files (../shared/data, see its README.md) into plain rows, one array per
// table. The JSON shapes are validated with zod so that a changed download fails loudly, naming the
// file, instead of loading half the data.
import { z } from "zod";
import { normalizePostalCode } from "../../app/domain/geo.ts";
import { csvRecords } from "./csv.ts";
import { checkedMunicipalityPoint, type Geometry, type PointCorrection } from "./municipality-points.ts";

/** Every file the loader reads, relative to the data dir; all of them go into the fingerprint. */
export const SOURCE_FILES = {
  municipalities: "geo/kommuner.csv",
  counties: "geo/counties.csv",
  postalCodes: "geo/postal_codes.csv",
  borders: "geo/kommuner.geo.json",
  ssykHierarchy: "jobtech-taxonomy/the-ssyk-hierarchy-with-occupations.json",
  ssykLevel4: "jobtech-taxonomy/ssyk-level-4-groups-with-related-occupations.json",
  noEducation: "jobtech-taxonomy/occupations-with-no-educational-requirements.json",
  substitutes: "jobtech-taxonomy/substitutability-relations-between-occupations.json",
  skills: "jobtech-taxonomy/skills.json",
  languages: "jobtech-taxonomy/languages.json",
} as const;

export type SourceName = keyof typeof SOURCE_FILES;
export type SourceTexts = Record<SourceName, string>;

export type MunicipalityRow = {
  code: string;
  name: string;
  county: string;
  countyCode: string;
  population: number | null;
  lat: number;
  lng: number;
  conceptId: string | null;
};
export type PostalCodeRow = { code: string; locality: string; municipalityCode: string };
export type OccupationGroupRow = {
  code: string;
  level: number;
  label: string;
  conceptId: string;
  parentCode: string | null;
  definition: string | null;
};
export type OccupationRow = { id: string; label: string; ssyk4Code: string; noEducationRequired: boolean };
export type OccupationSubstituteRow = { fromId: string; toId: string; percentage: number };
export type ConceptRow = { id: string; label: string };

export type ReferenceData = {
  municipalities: MunicipalityRow[];
  pointCorrections: PointCorrection[];
  postalCodes: PostalCodeRow[];
  skippedPostalCodes: number;
  occupationGroups: OccupationGroupRow[]; // parents before children
  occupations: OccupationRow[];
  substitutes: OccupationSubstituteRow[];
  skippedSubstitutes: number;
  skills: ConceptRow[];
  languages: ConceptRow[];
};

// ───────────────────────────── JSON shapes ─────────────────────────────

const concept = z.object({ id: z.string().min(1), preferred_label: z.string().min(1), type: z.string() });
const occupationName = concept.extend({ type: z.literal("occupation-name") });
const ssykCode = z.string().regex(/^\d{1,4}$/);

const ssykLevel4 = concept.extend({
  type: z.literal("ssyk-level-4"),
  ssyk_code_2012: ssykCode,
  definition: z.string().nullish(),
  narrower: z.array(occupationName).default([]),
});
const ssykLevel3 = concept.extend({
  type: z.literal("ssyk-level-3"),
  ssyk_code_2012: ssykCode,
  narrower: z.array(ssykLevel4).default([]),
});
const ssykLevel2 = concept.extend({
  type: z.literal("ssyk-level-2"),
  ssyk_code_2012: ssykCode,
  narrower: z.array(ssykLevel3).default([]),
});
const ssykLevel1 = concept.extend({
  type: z.literal("ssyk-level-1"),
  ssyk_code_2012: ssykCode,
  narrower: z.array(ssykLevel2).default([]),
});

const substitutability = occupationName.extend({ substitutability_percentage: z.number().int().min(1).max(100) });
const substitutionConcept = occupationName.extend({
  substitutes: z.array(substitutability).default([]),
  substituted_by: z.array(substitutability).default([]),
});
const occupationCollection = concept.extend({ related: z.array(concept).default([]) });

/** JobTech downloads are shaped {"data":{"concepts":[...]}}. */
const taxonomyFile = <T extends z.ZodType>(item: T) => z.object({ data: z.object({ concepts: z.array(item) }) });

const position = z.tuple([z.number(), z.number()], z.number()); // [lng, lat, ...altitude]
const ring = z.array(position);
const polygon = z.tuple([ring], ring); // outer ring first, then holes
const borders = z.object({
  features: z.array(
    z.object({
      properties: z.object({ code: z.string() }),
      geometry: z.discriminatedUnion("type", [
        z.object({ type: z.literal("Polygon"), coordinates: polygon }),
        z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(polygon) }),
      ]),
    }),
  ),
});

function parseJson<T extends z.ZodType>(texts: SourceTexts, name: SourceName, schema: T): z.output<T> {
  const result = schema.safeParse(JSON.parse(texts[name]));
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  throw new Error(`${SOURCE_FILES[name]}: unexpected shape at ${issue?.path.join(".")}: ${issue?.message}`);
}

function concepts<T extends z.ZodType>(texts: SourceTexts, name: SourceName, item: T): z.output<T>[] {
  return parseJson(texts, name, taxonomyFile(item)).data.concepts;
}

// ───────────────────────────── Geography ─────────────────────────────

function parseNumber(value: string, source: string, what: string): number {
  const number = Number(value);
  if (value === "" || !Number.isFinite(number)) throw new Error(`${source}: ${what} "${value}" is not a number`);
  return number;
}

function readMunicipalities(texts: SourceTexts): { rows: MunicipalityRow[]; corrections: PointCorrection[] } {
  const countyCodes = new Map(
    csvRecords(texts.counties, ["county_code", "county_name"], SOURCE_FILES.counties).map((c) => [
      c.county_name,
      c.county_code,
    ]),
  );
  const geometries = new Map<string, Geometry>(
    parseJson(texts, "borders", borders).features.map((f) => [f.properties.code, f.geometry]),
  );
  const source = SOURCE_FILES.municipalities;
  const columns = ["code", "name", "county", "population", "lat", "lng", "jobtech_concept_id"] as const;
  const corrections: PointCorrection[] = [];
  const rows = csvRecords(texts.municipalities, columns, source).map((r): MunicipalityRow => {
    if (!/^\d{4}$/.test(r.code)) throw new Error(`${source}: municipality code "${r.code}" is not four digits`);
    const countyCode = countyCodes.get(r.county);
    if (!countyCode) throw new Error(`${source}: county "${r.county}" of ${r.name} is not in ${SOURCE_FILES.counties}`);
    const given = {
      lat: parseNumber(r.lat, source, `lat of ${r.name}`),
      lng: parseNumber(r.lng, source, `lng of ${r.name}`),
    };
    const { point, correction } = checkedMunicipalityPoint(r.code, given, geometries.get(r.code));
    if (correction) corrections.push(correction);
    return {
      code: r.code,
      name: r.name,
      county: r.county,
      countyCode,
      population: r.population === "" ? null : parseNumber(r.population, source, `population of ${r.name}`),
      lat: point.lat,
      lng: point.lng,
      conceptId: r.jobtech_concept_id || null,
    };
  });
  return { rows, corrections };
}

function readPostalCodes(
  texts: SourceTexts,
  municipalityCodes: Set<string>,
): { rows: PostalCodeRow[]; skipped: number } {
  const source = SOURCE_FILES.postalCodes;
  const records = csvRecords(texts.postalCodes, ["postal_code", "locality", "municipality_code"], source);
  const rows = new Map<string, PostalCodeRow>();
  let skipped = 0;
  for (const r of records) {
    const code = normalizePostalCode(r.postal_code);
    if (!code || !municipalityCodes.has(r.municipality_code) || rows.has(code)) {
      skipped++;
      continue;
    }
    rows.set(code, { code, locality: r.locality, municipalityCode: r.municipality_code });
  }
  return { rows: [...rows.values()], skipped };
}

// ───────────────────────────── Occupations (SSYK 2012) ─────────────────────────────

type SsykNode = { id: string; preferred_label: string; ssyk_code_2012: string; definition?: string | null };

function groupRow(
  node: SsykNode,
  level: number,
  parentCode: string | null,
  definition: string | null,
): OccupationGroupRow {
  const code = node.ssyk_code_2012;
  if (code.length !== level || (parentCode !== null && !code.startsWith(parentCode))) {
    throw new Error(
      `${SOURCE_FILES.ssykHierarchy}: SSYK code "${code}" does not fit level ${level} under "${parentCode}"`,
    );
  }
  return { code, level, label: node.preferred_label, conceptId: node.id, parentCode, definition };
}

function readOccupations(texts: SourceTexts): { groups: OccupationGroupRow[]; occupations: OccupationRow[] } {
  const definitions = new Map(
    concepts(texts, "ssykLevel4", ssykLevel4).map((g) => [g.ssyk_code_2012, g.definition ?? null] as const),
  );
  const noEducation = new Set(
    concepts(texts, "noEducation", occupationCollection).flatMap((c) => c.related.map((r) => r.id)),
  );
  const levels: [OccupationGroupRow[], OccupationGroupRow[], OccupationGroupRow[], OccupationGroupRow[]] = [
    [],
    [],
    [],
    [],
  ];
  const occupations = new Map<string, OccupationRow>();

  for (const l1 of concepts(texts, "ssykHierarchy", ssykLevel1)) {
    levels[0].push(groupRow(l1, 1, null, null));
    for (const l2 of l1.narrower) {
      levels[1].push(groupRow(l2, 2, l1.ssyk_code_2012, null));
      for (const l3 of l2.narrower) {
        levels[2].push(groupRow(l3, 3, l2.ssyk_code_2012, null));
        for (const l4 of l3.narrower) {
          const code = l4.ssyk_code_2012;
          levels[3].push(groupRow(l4, 4, l3.ssyk_code_2012, definitions.get(code) ?? l4.definition ?? null));
          for (const o of l4.narrower) {
            const existing = occupations.get(o.id);
            if (existing && existing.ssyk4Code !== code) {
              throw new Error(
                `${SOURCE_FILES.ssykHierarchy}: occupation ${o.id} is in both ${existing.ssyk4Code} and ${code}`,
              );
            }
            occupations.set(o.id, {
              id: o.id,
              label: o.preferred_label,
              ssyk4Code: code,
              noEducationRequired: noEducation.has(o.id),
            });
          }
        }
      }
    }
  }
  return { groups: levels.flat(), occupations: [...occupations.values()] };
}

/**
 * Substitutability, directed as in the taxonomy: "A substitutes B" is stored as fromId A → toId B.
 * Each relation appears twice in the file (in A's `substitutes` and in B's `substituted_by`); both
 * are read so that a relation listed on one side only is not lost, then deduplicated.
 */
function readSubstitutes(texts: SourceTexts, known: Set<string>): { rows: OccupationSubstituteRow[]; skipped: number } {
  const rows = new Map<string, OccupationSubstituteRow>();
  const skipped = new Set<string>();
  const add = (fromId: string, toId: string, percentage: number) => {
    const key = `${fromId}>${toId}`;
    if (fromId === toId || !known.has(fromId) || !known.has(toId)) {
      skipped.add(key);
      return;
    }
    const existing = rows.get(key);
    if (!existing || percentage > existing.percentage) rows.set(key, { fromId, toId, percentage });
  };
  for (const c of concepts(texts, "substitutes", substitutionConcept)) {
    for (const r of c.substitutes) add(c.id, r.id, r.substitutability_percentage);
    for (const r of c.substituted_by) add(r.id, c.id, r.substitutability_percentage);
  }
  return { rows: [...rows.values()], skipped: skipped.size };
}

function readConcepts(texts: SourceTexts, name: "skills" | "languages"): ConceptRow[] {
  const rows = new Map<string, ConceptRow>();
  for (const c of concepts(texts, name, concept)) rows.set(c.id, { id: c.id, label: c.preferred_label.trim() });
  return [...rows.values()];
}

// ───────────────────────────── All of it ─────────────────────────────

export function readReferenceData(texts: SourceTexts): ReferenceData {
  const municipalities = readMunicipalities(texts);
  const postalCodes = readPostalCodes(texts, new Set(municipalities.rows.map((m) => m.code)));
  const { groups, occupations } = readOccupations(texts);
  const substitutes = readSubstitutes(texts, new Set(occupations.map((o) => o.id)));
  return {
    municipalities: municipalities.rows,
    pointCorrections: municipalities.corrections,
    postalCodes: postalCodes.rows,
    skippedPostalCodes: postalCodes.skipped,
    occupationGroups: groups,
    occupations,
    substitutes: substitutes.rows,
    skippedSubstitutes: substitutes.skipped,
    skills: readConcepts(texts, "skills"),
    languages: readConcepts(texts, "languages"),
  };
}
