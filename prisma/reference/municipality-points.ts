// Checks each municipality's point (kommuner.csv, geocoded 2015) against the municipality's own
// border (kommuner.geo.json). Some geocoded points are far outside their municipality (Robertsfors
// about 200 km away, Pajala and Överkalix sharing one point); those are replaced by a point inside
// the municipality's largest polygon, so that distances used in matching stay sane.
import type { LatLng } from "../../app/domain/geo.ts";

type Position = [lng: number, lat: number, ...rest: number[]]; // GeoJSON order
type Ring = Position[];
type Polygon = [outer: Ring, ...holes: Ring[]];
export type Geometry = { type: "Polygon"; coordinates: Polygon } | { type: "MultiPolygon"; coordinates: Polygon[] };

/** Points outside the border by more than this are replaced (the borders are simplified). */
export const BORDER_TOLERANCE_KM = 1;
const KM_PER_DEGREE = 111.195;

export type PointCorrection = { code: string; from: LatLng; to: LatLng; outsideKm: number };

function polygonsOf(geometry: Geometry): Polygon[] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * The ring's edges as (previous position, position), in order; `closed` starts with the edge from
 * the last position to the first (GeoJSON rings repeat the first position at the end anyway).
 */
function* edges(ring: Ring, closed = true): Generator<[Position, Position]> {
  let previous = closed ? ring.at(-1) : undefined;
  for (const position of ring) {
    if (previous) yield [previous, position];
    previous = position;
  }
}

function ringContains(ring: Ring, { lat, lng }: LatLng): boolean {
  let inside = false;
  for (const [[x2, y2], [x1, y1]] of edges(ring)) {
    if (y1 > lat !== y2 > lat && lng < ((x2 - x1) * (lat - y1)) / (y2 - y1) + x1) inside = !inside;
  }
  return inside;
}

function polygonContains([outer, ...holes]: Polygon, point: LatLng): boolean {
  return ringContains(outer, point) && !holes.some((hole) => ringContains(hole, point));
}

export function geometryContains(geometry: Geometry, point: LatLng): boolean {
  return polygonsOf(geometry).some((polygon) => polygonContains(polygon, point));
}

/** Distance in km from a point to the nearest border segment (local equirectangular projection). */
export function distanceToBorderKm(geometry: Geometry, point: LatLng): number {
  const scale = Math.cos((point.lat * Math.PI) / 180);
  const px = point.lng * scale;
  let best = Infinity;
  for (const ring of polygonsOf(geometry).flat()) {
    for (const [[lngA, ay], [lngB, by]] of edges(ring, false)) {
      const ax = lngA * scale;
      const dx = lngB * scale - ax;
      const dy = by - ay;
      const lengthSquared = dx * dx + dy * dy;
      const t =
        lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (point.lat - ay) * dy) / lengthSquared));
      best = Math.min(best, Math.hypot(px - ax - t * dx, point.lat - ay - t * dy));
    }
  }
  return best * KM_PER_DEGREE;
}

/** Signed area (in squared degrees) and area centroid of a ring. */
function ringCentroid(ring: Ring): { area: number; point: LatLng } {
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (const [[x1, y1], [x2, y2]] of edges(ring)) {
    const cross = x1 * y2 - x2 * y1;
    twiceArea += cross;
    cx += (x1 + x2) * cross;
    cy += (y1 + y2) * cross;
  }
  return { area: twiceArea / 2, point: { lng: cx / (3 * twiceArea), lat: cy / (3 * twiceArea) } };
}

/** The midpoint of the widest stretch inside the polygon along the parallel at `lat`. */
function scanlineMidpoint(polygon: Polygon, lat: number): LatLng | null {
  const crossings: number[] = [];
  for (const ring of polygon) {
    for (const [[x2, y2], [x1, y1]] of edges(ring)) {
      if (y1 > lat !== y2 > lat) crossings.push(((x2 - x1) * (lat - y1)) / (y2 - y1) + x1);
    }
  }
  crossings.sort((a, b) => a - b);
  let best: LatLng | null = null;
  let widest = 0;
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    const [from, to] = [crossings[i]!, crossings[i + 1]!]; // i + 1 < length
    const width = to - from;
    if (width > widest) {
      widest = width;
      best = { lat, lng: (from + to) / 2 };
    }
  }
  return best;
}

/** A point inside the municipality: the centroid of its largest polygon, or a point on its middle parallel. */
export function representativePoint(geometry: Geometry): LatLng {
  const polygons = polygonsOf(geometry);
  const sized = polygons.map((polygon) => ({ polygon, ...ringCentroid(polygon[0]) }));
  const largest = sized.reduce((a, b) => (Math.abs(b.area) > Math.abs(a.area) ? b : a));
  if (polygonContains(largest.polygon, largest.point)) return largest.point;
  return scanlineMidpoint(largest.polygon, largest.point.lat) ?? largest.point;
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * The point to store for a municipality: the given one when it lies inside (or within the
 * tolerance of) the border, otherwise a representative point inside it, with the correction.
 */
export function checkedMunicipalityPoint(
  code: string,
  point: LatLng,
  geometry: Geometry | undefined,
): { point: LatLng; correction: PointCorrection | null } {
  if (!geometry || geometryContains(geometry, point)) return { point, correction: null };
  const outsideKm = distanceToBorderKm(geometry, point);
  if (outsideKm <= BORDER_TOLERANCE_KM) return { point, correction: null };
  const inside = representativePoint(geometry);
  const to = { lat: round6(inside.lat), lng: round6(inside.lng) };
  return { point: to, correction: { code, from: point, to, outsideKm: Math.round(outsideKm * 10) / 10 } };
}
