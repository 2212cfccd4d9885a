// The grid cells that narrow the text search to a radius (search/geo-cells.ts) must never leave out
// an opening within the radius: otherwise the text search would lose hits the exact filter keeps.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { haversineKm } from "../../app/domain/geo.ts";
import { GEO_CELL_LEVELS_KM, MAX_COVERING_CELLS, geoCellCovering, geoCellTokens } from "../../search/geo-cells.ts";

describe("geo cell tokens", () => {
  it("every point within the radius has its cell in the covering (Sweden, 0.1–150 km)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 55, max: 69.1, noNaN: true }),
        fc.double({ min: 10.5, max: 24.2, noNaN: true }),
        fc.double({ min: 0.1, max: 150, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        (lat, lng, radiusKm, r, angle) => {
          const cells = geoCellCovering({ lat, lng, radiusKm });
          // Up to the matcher's 100 km there is always a covering; beyond, the search may go without.
          if (radiusKm <= 100.05) expect(cells).not.toBeNull();
          fc.pre(cells !== null);
          expect(cells!.length).toBeLessThanOrEqual(MAX_COVERING_CELLS);
          // A point at distance r × radius in direction angle (small-distance approximation, then checked).
          const d = (r * radiusKm) / 6371.0088;
          const point = {
            lat: lat + (d * Math.cos(angle) * 180) / Math.PI,
            lng: lng + (d * Math.sin(angle) * 180) / Math.PI / Math.cos((lat * Math.PI) / 180),
          };
          fc.pre(haversineKm({ lat, lng }, point) <= radiusKm);
          const tokens = new Set(geoCellTokens(point.lat, point.lng));
          expect(cells!.some((c) => tokens.has(c))).toBe(true);
        },
      ),
      { numRuns: 3000, seed: 16 },
    );
  });

  it("one token per level, words the FTS tokenizer keeps whole; small radii use small cells", () => {
    const tokens = geoCellTokens(57.7826, 14.1618);
    expect(tokens).toHaveLength(GEO_CELL_LEVELS_KM.length);
    for (const t of tokens) expect(t).toMatch(/^g\d+x\d+y\d+$/);
    expect(geoCellTokens(-33.9, -70.6).every((t) => /^g\d+xn\d+yn\d+$/.test(t))).toBe(true);
    expect(geoCellCovering({ lat: 57.78, lng: 14.16, radiusKm: 5 })!.every((c) => c.startsWith("g4x"))).toBe(true);
    expect(geoCellCovering({ lat: 57.78, lng: 14.16, radiusKm: 100 })!.every((c) => c.startsWith("g64x"))).toBe(true);
    expect(geoCellCovering({ lat: 57.78, lng: 14.16, radiusKm: 2000 })).toBeNull();
  });
});
