// Coarse grid cells as search tokens (issue 16, item 2; docs/decisions/0017-query-plans-and-geo-tokens.md).
// Every indexed opening carries one cell token per grid level ("g16x412y61"); a query with a
// geo radius asks for `(text) AND geo : (cells covering the radius)`, so the text search only
// scores the openings near the participant: its cost follows the local density of openings, not
// the country's. The cells only narrow the search: the bounding box and the exact distance still
// decide, so a covering must include every cell that touches the radius's bounding box.
//
// Each opening also carries its municipality's token ("k0680"), so a text search limited to some
// municipalities (the opening search's "kommun" filter) scores only their openings, not every
// match in the country; the side table's filter still decides.
import { EARTH_RADIUS_KM, toRadians } from "../app/domain/geo.ts";

/** Cell sizes (km, north–south), smallest first. */
export const GEO_CELL_LEVELS_KM = [4, 16, 64] as const;
/** A covering uses the smallest level with at most this many cells. */
export const MAX_COVERING_CELLS = 30;

const KM_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_KM;
/** East–west cells are this much wider in degrees: about square at 60° N (cos 60° = 0.5). */
const LNG_STRETCH = 2;

const cellIndex = (degrees: number, stepDegrees: number) => Math.floor(degrees / stepDegrees);
/** A signed index as token characters ("-3" → "n3": the tokenizer splits on "-"). */
const part = (i: number) => (i < 0 ? `n${-i}` : String(i));
const token = (levelKm: number, i: number, j: number) => `g${levelKm}x${part(i)}y${part(j)}`;

function steps(levelKm: number): { lat: number; lng: number } {
  const lat = levelKm / KM_PER_DEGREE;
  return { lat, lng: lat * LNG_STRETCH };
}

/** The cell tokens of a point, one per level. */
export function geoCellTokens(lat: number, lng: number): string[] {
  return GEO_CELL_LEVELS_KM.map((km) => {
    const s = steps(km);
    return token(km, cellIndex(lat, s.lat), cellIndex(lng, s.lng));
  });
}

/**
 * The cells of one level that together cover every point within `radiusKm` of the centre (its
 * bounding box), at the smallest level that needs at most MAX_COVERING_CELLS; null when none
 * does (a radius of hundreds of kilometres, or near a pole): then search without cells.
 */
export function geoCellCovering(geo: { lat: number; lng: number; radiusKm: number }): string[] | null {
  if (!(geo.radiusKm >= 0) || !Number.isFinite(geo.lat) || !Number.isFinite(geo.lng)) return null;
  const dLat = geo.radiusKm / KM_PER_DEGREE;
  const cosLat = Math.cos(toRadians(Math.min(89.9, Math.abs(geo.lat) + dLat)));
  const dLng = dLat / cosLat;
  if (!(dLng < 90) || Math.abs(geo.lng) + dLng > 180) return null;
  for (const km of GEO_CELL_LEVELS_KM) {
    const s = steps(km);
    const i0 = cellIndex(geo.lat - dLat, s.lat);
    const i1 = cellIndex(geo.lat + dLat, s.lat);
    const j0 = cellIndex(geo.lng - dLng, s.lng);
    const j1 = cellIndex(geo.lng + dLng, s.lng);
    if ((i1 - i0 + 1) * (j1 - j0 + 1) > MAX_COVERING_CELLS) continue;
    const cells: string[] = [];
    for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) cells.push(token(km, i, j));
    return cells;
  }
  return null;
}

/** The token of a municipality (its four-digit code) in the index's geo column. */
export function municipalityToken(code: string): string {
  return `k${code}`;
}

/** A text search narrows by municipality tokens for at most this many municipalities. */
export const MAX_MUNICIPALITY_TOKENS = 30;
