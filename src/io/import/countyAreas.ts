import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { ringContains } from '../../core/ringContains';

type Polygons = [number, number][][][];

/** A Polygon's or MultiPolygon's polygons; none for other geometries. */
function polygonsOf(g: Geometry | null | undefined): Polygons {
  if (g?.type === 'Polygon') return [g.coordinates as [number, number][][]];
  if (g?.type === 'MultiPolygon') return g.coordinates as Polygons;
  return [];
}

/** Whether (x, y) lies in the polygons, each read even-odd over its rings (outer ring and holes). */
function within(polygons: Polygons, x: number, y: number): boolean {
  return polygons.some((rings) => rings.reduce((inside, ring) => (ringContains(ring, x, y) ? !inside : inside), false));
}

/** Sample points of the polygons: a GRID × GRID lattice over their box, those inside them. */
const GRID = 12;
function samplePoints(polygons: Polygons): [number, number][] {
  const points = polygons.flat(2);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const out: [number, number][] = [];
  for (let i = 0; i < GRID; i++) {
    for (let j = 0; j < GRID; j++) {
      const x = x0 + ((i + 0.5) / GRID) * (x1 - x0);
      const y = y0 + ((j + 0.5) / GRID) * (y1 - y0);
      if (within(polygons, x, y)) out.push([x, y]);
    }
  }
  return out;
}

/** How an area of a county file is named in messages: its name property, else its feature number. */
function areaName(f: Feature, i: number): string {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  const name = [p.name, p.NAME, p.名称, p.Name].find((v) => typeof v === 'string' && v.trim() !== '');
  return typeof name === 'string' ? name.trim() : `#${i + 1}`;
}

/**
 * The areas of a county file (WGS84 features) that make the county, and the names of those left out.
 * A file of several areas may be the county's towns (all of it) or a prefecture's counties (the
 * county and its neighbours, as a downloaded 潍坊市 file is): an area is kept when a school lies in it
 * or when the zones cover at least half of it (sampled on a 12 × 12 lattice), so a town without a school
 * stays and a neighbouring county goes. All are kept when the file has one area, or when none qualifies.
 */
export function countyAreas(county: FeatureCollection, schools: readonly { lon: number; lat: number }[], zones: readonly Feature[]): { kept: FeatureCollection; keptNames: string[]; leftOut: string[] } {
  const all = { kept: county, keptNames: county.features.map(areaName), leftOut: [] };
  if (county.features.length < 2) return all;
  const zonePolygons = zones.map((z) => polygonsOf(z.geometry)).filter((p) => p.length > 0);
  const boxes = zonePolygons.map((p) => {
    const pts = p.flat(2);
    return [Math.min(...pts.map((q) => q[0])), Math.max(...pts.map((q) => q[0])), Math.min(...pts.map((q) => q[1])), Math.max(...pts.map((q) => q[1]))];
  });
  const zoned = (x: number, y: number) => zonePolygons.some((p, k) => x >= boxes[k][0] && x <= boxes[k][1] && y >= boxes[k][2] && y <= boxes[k][3] && within(p, x, y));
  const keep = county.features.map((f) => {
    const polygons = polygonsOf(f.geometry);
    if (schools.some((s) => within(polygons, s.lon, s.lat))) return true;
    const samples = samplePoints(polygons);
    return samples.length > 0 && samples.filter(([x, y]) => zoned(x, y)).length * 2 >= samples.length;
  });
  if (!keep.some(Boolean)) return all;
  return {
    kept: { ...county, features: county.features.filter((_, i) => keep[i]) },
    keptNames: all.keptNames.filter((_, i) => keep[i]),
    leftOut: all.keptNames.filter((_, i) => !keep[i]),
  };
}
