import { union } from 'polyclip-ts';
import type { OverlapRule, ZoneLevel } from './rules';
import { isClipResult } from './clip';
import type { MultiPolygonCoords } from './zoneState';

/**
 * The zones of one level as flat rings. Zone z belongs to school `zoneSchool[z]`; it is the union
 * of its polygons `polygons[z]`, each read even-odd over its rings (outer ring and holes), each ring
 * a closed or open list x0,y0,x1,y1,… of longitude/latitude degrees. Where zones overlap, a point
 * goes to the zone of lowest `rank[z]` (see OverlapRule).
 */
export interface ZoneSet {
  level: ZoneLevel;
  zoneSchool: Int32Array;
  polygons: Float64Array[][][];
  rank: Int32Array;
}

/** Flattens one level's zones into the polygons the zone grid reads, ranked by `rule`. */
export function computeZoneSet(level: ZoneLevel, zones: ReadonlyMap<number, MultiPolygonCoords>, rule: OverlapRule = 'smallestZone'): ZoneSet {
  const ranks = computeZoneRanks(zones, rule);
  return {
    level,
    zoneSchool: Int32Array.from(zones.keys()),
    polygons: [...zones.values()].map((polygons) => polygons.map((rings) => rings.map(flattenRing))),
    rank: Int32Array.from(zones.keys(), (s) => ranks.get(s)!),
  };
}

function flattenRing(ring: [number, number][]): Float64Array {
  let n = ring.length;
  if (n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1]) n--;
  const flat = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    flat[2 * i] = ring[i][0];
    flat[2 * i + 1] = ring[i][1];
  }
  return flat;
}

const areaCache = new WeakMap<MultiPolygonCoords, number>();

/** Whether two of the polygons' bounding boxes meet: only then may the polygons overlap. */
function partsMayOverlap(polygons: MultiPolygonCoords): boolean {
  const boxes = polygons.map((rings) => {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of rings[0] ?? []) {
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
    return [x0, y0, x1, y1];
  });
  return boxes.some((a, i) => boxes.some((b, j) => j > i && a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]));
}

/**
 * The land of a zone's polygons for its area: their union where two may overlap (polyclip), else
 * the polygons. Rings polyclip cannot union (some that cross themselves) are left as they are: their
 * areas are added up.
 */
export function zoneLand(polygons: MultiPolygonCoords): MultiPolygonCoords {
  // Exact union only where parts may overlap: most zones are one polygon, or parts apart; an
  // edited zone is the result of a union or difference, whose parts never overlap.
  if (polygons.length < 2 || isClipResult(polygons) || !partsMayOverlap(polygons)) return polygons;
  try {
    return union(polygons[0], ...polygons.slice(1)) as MultiPolygonCoords;
  } catch {
    return polygons;
  }
}

/**
 * A zone's area in square degrees scaled by the cosine of its latitude (proportional to m² at
 * county scale): the area of its land (zoneLand: two features of one school that overlap, or one
 * given twice, count their shared land once), each polygon its outer ring less its holes. Cached
 * per geometry object (states are immutable and share unchanged zones).
 */
export function computeZoneArea(polygons: MultiPolygonCoords): number {
  let area = areaCache.get(polygons);
  if (area !== undefined) return area;
  const land = zoneLand(polygons);
  area = 0;
  for (const rings of land) {
    rings.forEach((ring, k) => {
      let twice = 0;
      let lat = 0;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        twice += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
        lat += ring[i][1];
      }
      const a = (Math.abs(twice) / 2) * Math.cos(((lat / ring.length) * Math.PI) / 180);
      area! += k === 0 ? a : -a;
    });
  }
  areaCache.set(polygons, area);
  return area;
}

/**
 * The rank of every zone (school → rank, 0 wins) under an overlap rule: by area, smallest first,
 * ties by the map's order (file order); or by the map's order alone.
 */
export function computeZoneRanks(zones: ReadonlyMap<number, MultiPolygonCoords>, rule: OverlapRule): Map<number, number> {
  const order = [...zones.keys()];
  if (rule === 'smallestZone') {
    const area = new Map(order.map((s) => [s, computeZoneArea(zones.get(s)!)]));
    order.sort((a, b) => area.get(a)! - area.get(b)!);
  }
  return new Map(order.map((s, rank) => [s, rank]));
}
