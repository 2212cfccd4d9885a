// A map of Swedish municipalities as SVG paths, from GeoJSON borders (no map tiles): projected
// with a transverse Mercator on 15° E (the meridian of SWEREF 99 TM, so Sweden keeps its shape),
// fitted to a view box, simplified (Douglas–Peucker) and rounded to whole units to keep the page
// light. Pure functions; app/utils/geo-map.server.ts reads the file and caches the result.

export type Position = [number, number];
export type GeoFeature = {
  properties: { code: string; name: string };
  geometry: { type: "Polygon"; coordinates: Position[][] } | { type: "MultiPolygon"; coordinates: Position[][][] };
};
export type MapShape = { code: string; name: string; d: string };
export type MapGeometry = { width: number; height: number; shapes: MapShape[] };

const RAD = Math.PI / 180;
const CENTRAL_MERIDIAN = 15;

/** Transverse Mercator on a unit sphere; y grows northwards. */
export function project([lon, lat]: Position): Position {
  const lambda = (lon - CENTRAL_MERIDIAN) * RAD;
  const phi = lat * RAD;
  const b = Math.cos(phi) * Math.sin(lambda);
  return [0.5 * Math.log((1 + b) / (1 - b)), Math.atan2(Math.tan(phi), Math.cos(lambda))];
}

function perpendicularDistanceSq(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSq = dx * dx + dy * dy;
  if (lengthSq === 0) return (p[0] - a[0]) ** 2 + (p[1] - a[1]) ** 2;
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSq));
  return (p[0] - a[0] - t * dx) ** 2 + (p[1] - a[1] - t * dy) ** 2;
}

/** Douglas–Peucker: keeps the points that deviate more than `tolerance` from the simplified line. */
export function simplify(points: Position[], tolerance: number): Position[] {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const toleranceSq = tolerance * tolerance;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let maxSq = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = perpendicularDistanceSq(points[i]!, points[first]!, points[last]!);
      if (d > maxSq) {
        maxSq = d;
        index = i;
      }
    }
    if (index !== -1 && maxSq > toleranceSq) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** Shoelace area (absolute). */
export function ringArea(points: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++)
    sum += (points[j]![0] + points[i]![0]) * (points[j]![1] - points[i]![1]);
  return Math.abs(sum / 2);
}

function polygonsOf(feature: GeoFeature): Position[][][] {
  return feature.geometry.type === "Polygon" ? [feature.geometry.coordinates] : feature.geometry.coordinates;
}

export type MapOptions = {
  /** View box width; the height follows the shape. */
  width: number;
  /** Simplification tolerance in view-box units. */
  tolerance: number;
  /** Rings (islands, holes) smaller than this area in square units are left out, except a feature's largest. */
  minRingArea: number;
  padding?: number;
};

/** SVG paths for the features (all of them, or those whose code `include` accepts). */
export function buildMapGeometry(
  features: readonly GeoFeature[],
  options: MapOptions,
  include: (code: string) => boolean = () => true,
): MapGeometry {
  const chosen = features.filter((f) => include(f.properties.code));
  const projected = chosen.map((f) => ({
    f,
    polygons: polygonsOf(f).map((rings) => rings.map((ring) => ring.map(project))),
  }));
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const { polygons } of projected)
    for (const rings of polygons)
      for (const [x, y] of rings[0] ?? []) {
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
  const padding = options.padding ?? 4;
  if (!Number.isFinite(minX)) return { width: options.width, height: options.width, shapes: [] };
  const scale = (options.width - 2 * padding) / Math.max(maxX - minX, 1e-9);
  const height = Math.ceil((maxY - minY) * scale + 2 * padding);
  const toView = ([x, y]: Position): Position => [(x - minX) * scale + padding, (maxY - y) * scale + padding];

  const shapes: MapShape[] = [];
  for (const { f, polygons } of projected) {
    const rings = polygons.flatMap((p) => p).map((ring) => ring.map(toView));
    const areas = rings.map(ringArea);
    const largest = areas.indexOf(Math.max(...areas));
    const parts: string[] = [];
    rings.forEach((ring, i) => {
      if (i !== largest && areas[i]! < options.minRingArea) return;
      const simplified = simplify(ring, options.tolerance);
      const rounded: Position[] = [];
      for (const [x, y] of simplified) {
        const point: Position = [Math.round(x), Math.round(y)];
        const prev = rounded[rounded.length - 1];
        if (!prev || prev[0] !== point[0] || prev[1] !== point[1]) rounded.push(point);
      }
      if (rounded.length > 1 && rounded[0]![0] === rounded.at(-1)![0] && rounded[0]![1] === rounded.at(-1)![1])
        rounded.pop();
      if (rounded.length < 3) {
        if (i !== largest) return;
        // Keep a tiny municipality visible as a small square.
        const [x, y] = rounded[0] ?? [Math.round(ring[0]![0]), Math.round(ring[0]![1])];
        parts.push(`M${x - 1} ${y - 1}h2v2h-2Z`);
        return;
      }
      parts.push(`M${rounded.map(([x, y]) => `${x} ${y}`).join("L")}Z`);
    });
    shapes.push({ code: f.properties.code, name: f.properties.name, d: parts.join("") });
  }
  shapes.sort((a, b) => a.code.localeCompare(b.code));
  return { width: options.width, height, shapes };
}

// ───────────── colour classes ─────────────

/** Sequential colours, light to dark (the darkest is the brand colour). */
export const MAP_COLOURS = ["#d8ebe8", "#a3d0c9", "#64aca3", "#2b8179", "#0b5563"] as const;
export const MAP_NONE_COLOUR = "#f3f4f5";

export type MapClass = { index: number; min: number; max: number; colour: string; label: string };

/** Up to five classes of equal width on whole numbers from 1 to the largest value. */
export function mapClasses(maxValue: number): MapClass[] {
  if (maxValue <= 0) return [];
  const count = Math.min(MAP_COLOURS.length, maxValue);
  const step = Math.ceil(maxValue / count);
  const classes: MapClass[] = [];
  for (let i = 0; i < count; i++) {
    const min = i * step + 1;
    if (min > maxValue) break;
    const max = Math.min(maxValue, (i + 1) * step);
    classes.push({ index: i, min, max, colour: "", label: min === max ? `${min}` : `${min}–${max}` });
  }
  // Spread the colours over the classes so few classes still run from light to dark.
  return classes.map((c, i) => ({
    ...c,
    colour:
      MAP_COLOURS[
        classes.length === 1
          ? MAP_COLOURS.length - 1
          : Math.round((i * (MAP_COLOURS.length - 1)) / (classes.length - 1))
      ]!,
  }));
}

export function classOf(classes: readonly MapClass[], value: number): MapClass | null {
  return classes.find((c) => value >= c.min && value <= c.max) ?? null;
}
