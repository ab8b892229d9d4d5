import { boxOf, type Box } from './editGeometry';
import type { OverlapRule, ZoneLevel } from './rules';
import { type MultiPolygonCoords, type ZoneState } from './zoneState';
import { computeZoneArea } from './zoneSet';

// Which places an edit may send to another zone (for the incremental projection, projectionRun.ts).

// Per zone geometry (states share the geometries of zones an edit left alone), its area and edges.
const areas = new WeakMap<MultiPolygonCoords, number>();
const edgesOf = new WeakMap<MultiPolygonCoords, Map<string, number>>();

/**
 * A zone's edges, each directed with its polygon's interior on its left (outer rings
 * counter-clockwise, holes clockwise, whatever way the rings were written), counted by
 * "x0,y0,x1,y1" key (two parts of a zone may have the same edge).
 */
function directedEdges(zone: MultiPolygonCoords | undefined): Map<string, number> {
  if (!zone) return new Map();
  const kept = edgesOf.get(zone);
  if (kept) return kept;
  const edges = new Map<string, number>();
  edgesOf.set(zone, edges);
  for (const polygon of zone) {
    polygon.forEach((ring, r) => {
      let twiceArea = 0;
      for (let i = 0; i + 1 < ring.length; i++) twiceArea += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
      const flip = r === 0 ? twiceArea < 0 : twiceArea > 0;
      for (let i = 0; i + 1 < ring.length; i++) {
        const [a, b] = flip ? [ring[i + 1], ring[i]] : [ring[i], ring[i + 1]];
        const key = `${a[0]},${a[1]},${b[0]},${b[1]}`;
        edges.set(key, (edges.get(key) ?? 0) + 1);
      }
    });
  }
  return edges;
}

/**
 * The box of the land a zone gained or lost between two geometries, or undefined when they cover
 * the same land. With every edge directed so that its polygon lies on its left, how many of the
 * zone's polygons hold a point is the winding number of the edges around it; a ray from a point
 * outside the box of the edges whose count differs, cast away from that box, crosses only edges
 * both geometries have as often, so the point is in the zone in both or in neither.
 */
function changedLandBox(before: MultiPolygonCoords | undefined, after: MultiPolygonCoords | undefined): Box | undefined {
  const [a, b] = [directedEdges(before), directedEdges(after)];
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  let any = false;
  const add = (edges: Map<string, number>, other: Map<string, number>) => {
    for (const [e, count] of edges) {
      if (other.get(e) === count) continue;
      any = true;
      const [x0, y0, x1, y1] = e.split(',').map(Number);
      box[0] = Math.min(box[0], x0, x1);
      box[1] = Math.min(box[1], y0, y1);
      box[2] = Math.max(box[2], x0, x1);
      box[3] = Math.max(box[3], y0, y1);
    }
  };
  add(a, b);
  add(b, a);
  return any ? box : undefined;
}

/** The zones of a level in the overlap rule's order (as computeZoneRanks ranks them), areas kept per geometry. */
function rankOrder(zones: ReadonlyMap<number, MultiPolygonCoords>, rule: OverlapRule): number[] {
  const order = [...zones.keys()];
  if (rule !== 'smallestZone') return order;
  const area = (s: number) => {
    const zone = zones.get(s)!;
    let a = areas.get(zone);
    if (a === undefined) areas.set(zone, (a = computeZoneArea(zone)));
    return a;
  };
  return order.sort((a, b) => area(a) - area(b));
}

/**
 * Whether the overlap rule ranks a level's zones differently in two states (a zone's area or place
 * in the file changed its order among the others).
 */
export function ranksChanged(state: ZoneState, next: ZoneState, level: ZoneLevel, rule: OverlapRule): boolean {
  if (state.zones[level] === next.zones[level]) return false;
  const [a, b] = [rankOrder(state.zones[level], rule), rankOrder(next.zones[level], rule)];
  return a.length !== b.length || a.some((s, r) => b[r] !== s);
}

/**
 * The places whose zone at `level` may differ between two states, the ranks of the zones being
 * the same: those in the box of land a zone gained or lost (changedLandBox; a place elsewhere lies
 * in the same zones as before), and those of a unit whose assignment changed. (When the ranks
 * change, the places the rule chose for are added: see `ranked`.)
 */
export function candidatePlaces(state: ZoneState, next: ZoneState, level: ZoneLevel, x: Float64Array, y: Float64Array, unit: Int32Array, unitCount: number): number[] {
  const [a, b] = [state.zones[level], next.zones[level]];
  const boxes: number[] = [];
  const changedZone = (before: MultiPolygonCoords | undefined, after: MultiPolygonCoords | undefined) => {
    const box = changedLandBox(before, after);
    if (box) boxes.push(...box);
  };
  for (const [s, zone] of a) if (b.get(s) !== zone) changedZone(zone, b.get(s));
  for (const [s, zone] of b) if (!a.has(s)) changedZone(undefined, zone);
  const units = new Uint8Array(unitCount);
  let anyUnit = false;
  const [ua, ub] = [state.unitSchool[level], next.unitSchool[level]];
  const unitChanged = (u: number) => {
    units[u] = 1;
    anyUnit = true;
  };
  for (const [u, s] of ua) if (ub.get(u) !== s) unitChanged(u);
  for (const u of ub.keys()) if (!ua.has(u)) unitChanged(u);
  if (boxes.length === 0 && !anyUnit) return [];
  const out: number[] = [];
  const m = boxes.length;
  for (let i = 0; i < x.length; i++) {
    if (anyUnit && unit[i] >= 0 && units[unit[i]] === 1) {
      out.push(i);
      continue;
    }
    const px = x[i];
    const py = y[i];
    for (let j = 0; j < m; j += 4) {
      if (px >= boxes[j] && px <= boxes[j + 2] && py >= boxes[j + 1] && py <= boxes[j + 3]) {
        out.push(i);
        break;
      }
    }
  }
  return out;
}

/**
 * The state with only the zones of `level` whose box meets the points' box: the others cannot
 * contain a point, and leaving them out keeps the zone grid small. File order and areas (the
 * overlap rule's ranks) of the zones kept are unchanged.
 */
export function nearState(state: ZoneState, level: ZoneLevel, x: Float64Array, y: Float64Array): ZoneState {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
    [x0, y0, x1, y1] = [Math.min(x0, x[i]), Math.min(y0, y[i]), Math.max(x1, x[i]), Math.max(y1, y[i])];
  }
  const zones = new Map([...state.zones[level]].filter(([, zone]) => {
    const [a, b, c, d] = boxOf(zone);
    return a <= x1 && x0 <= c && b <= y1 && y0 <= d;
  }));
  return { ...state, zones: { ...state.zones, [level]: zones } };
}
