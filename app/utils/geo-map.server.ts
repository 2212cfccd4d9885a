// The municipality map for reports: kommuner.geo.json from the reference data (REFERENCE_DATA_DIR,
// or ../shared/data from the repository root), projected and simplified once per view and kept in
// memory. A missing file does not break the report: the page says the map is unavailable.
import fs from "node:fs";
import path from "node:path";
import { buildMapGeometry, type GeoFeature, type MapGeometry } from "~/domain/reports/map.ts";

const GEO_FILE = path.join("geo", "kommuner.geo.json");

/** View-box widths and simplification per view: the country is drawn coarser than a county. */
const VIEWS = {
  country: { width: 360, tolerance: 0.9, minRingArea: 4 },
  county: { width: 560, tolerance: 0.7, minRingArea: 2 },
} as const;

let features: GeoFeature[] | null = null;
const cache = new Map<string, MapGeometry>();

export function geoFilePath(): string {
  return path.resolve(process.env.REFERENCE_DATA_DIR || "../shared/data", GEO_FILE);
}

function loadFeatures(): GeoFeature[] {
  if (features) return features;
  const file = geoFilePath();
  const json = JSON.parse(fs.readFileSync(file, "utf8")) as { features?: GeoFeature[] };
  if (!Array.isArray(json.features)) throw new Error(`${file} är ingen GeoJSON FeatureCollection.`);
  features = json.features.filter(
    (f) => f?.properties?.code && (f.geometry?.type === "Polygon" || f.geometry?.type === "MultiPolygon"),
  );
  return features;
}

/** The whole country, or one county (SCB county code: the municipality code's first two digits). */
export function municipalityMap(
  scope: { kind: "country" } | { kind: "county"; countyCode: string },
): MapGeometry | null {
  const key = scope.kind === "country" ? "country" : `county:${scope.countyCode}`;
  const cached = cache.get(key);
  if (cached) return cached;
  try {
    const all = loadFeatures();
    const geometry =
      scope.kind === "country"
        ? buildMapGeometry(all, VIEWS.country)
        : buildMapGeometry(all, VIEWS.county, (code) => code.slice(0, 2) === scope.countyCode);
    if (geometry.shapes.length === 0) return null;
    cache.set(key, geometry);
    return geometry;
  } catch (error) {
    console.error(`Kartan kunde inte läsas (${geoFilePath()}):`, error instanceof Error ? error.message : error);
    return null;
  }
}
