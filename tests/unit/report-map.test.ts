// The municipality map: projection, simplification, SVG paths and colour classes; and the real
// kommuner.geo.json drawn light enough for a page.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import {
  buildMapGeometry,
  classOf,
  mapClasses,
  project,
  ringArea,
  simplify,
  type GeoFeature,
  type Position,
} from "~/domain/reports/map.ts";

const square = (code: string, lon: number, lat: number, size = 0.5): GeoFeature => ({
  properties: { code, name: `Kommun ${code}` },
  geometry: {
    type: "Polygon",
    coordinates: [
      [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
      ],
    ],
  },
});

describe("geometry", () => {
  test("the projection keeps north up and the central meridian straight", () => {
    const [x0, y0] = project([15, 57]);
    const [x1, y1] = project([15, 60]);
    expect(x0).toBeCloseTo(0, 10);
    expect(x1).toBeCloseTo(0, 10);
    expect(y1).toBeGreaterThan(y0);
    expect(project([18, 57])[0]).toBeGreaterThan(0);
  });

  test("Douglas–Peucker drops points within the tolerance and keeps corners", () => {
    const line: Position[] = [
      [0, 0],
      [1, 0.01],
      [2, -0.01],
      [3, 0],
      [3, 3],
    ];
    expect(simplify(line, 0.1)).toEqual([
      [0, 0],
      [3, 0],
      [3, 3],
    ]);
    expect(simplify(line, 0.001)).toHaveLength(5);
    expect(
      ringArea([
        [0, 0],
        [2, 0],
        [2, 2],
        [0, 2],
      ]),
    ).toBe(4);
  });

  test("features become SVG paths fitted to the view box; a filter picks a county", () => {
    const features = [square("0680", 14, 57.5), square("0682", 14.6, 57.6), square("0114", 18, 59.4)];
    const all = buildMapGeometry(features, { width: 200, tolerance: 0.5, minRingArea: 1 });
    expect(all.shapes.map((s) => s.code)).toEqual(["0114", "0680", "0682"]);
    expect(all.height).toBeGreaterThan(0);
    for (const s of all.shapes) expect(s.d).toMatch(/^M\d+ \d+(L\d+ \d+)+Z$/);
    const county = buildMapGeometry(features, { width: 200, tolerance: 0.5, minRingArea: 1 }, (code) =>
      code.startsWith("06"),
    );
    expect(county.shapes.map((s) => s.code)).toEqual(["0680", "0682"]);
    const xs = county.shapes.flatMap((s) => [...s.d.matchAll(/(\d+) (\d+)/g)].map((m) => Number(m[1])));
    expect(Math.min(...xs)).toBe(4); // padding
    expect(Math.max(...xs)).toBe(196);
  });

  test("the real municipality borders: 290 municipalities, a light page", () => {
    const file = path.resolve(process.env.REFERENCE_DATA_DIR || "../shared/data", "geo", "kommuner.geo.json");
    const { features } = JSON.parse(fs.readFileSync(file, "utf8")) as { features: GeoFeature[] };
    const country = buildMapGeometry(features, { width: 360, tolerance: 0.9, minRingArea: 4 });
    expect(country.shapes).toHaveLength(290);
    expect(country.shapes.every((s) => s.d.length > 0)).toBe(true);
    expect(JSON.stringify(country).length).toBeLessThan(80_000);
    const jonkoping = buildMapGeometry(features, { width: 560, tolerance: 0.7, minRingArea: 2 }, (code) =>
      code.startsWith("06"),
    );
    expect(jonkoping.shapes).toHaveLength(13);
  });
});

describe("colour classes", () => {
  test("up to five classes of whole numbers, light to dark", () => {
    expect(mapClasses(0)).toEqual([]);
    expect(mapClasses(2).map((c) => c.label)).toEqual(["1", "2"]);
    const classes = mapClasses(34);
    expect(classes.map((c) => c.label)).toEqual(["1–7", "8–14", "15–21", "22–28", "29–34"]);
    expect(classOf(classes, 8)?.label).toBe("8–14");
    expect(classOf(classes, 0)).toBeNull();
    expect(classes.at(-1)!.colour).toBe("#0b5563");
  });
});
