/**
 * The synthetic road network and barriers: a street grid in the city (arterials every 1.6 km, local
 * streets every 400 m) and around each town seat, rural roads every 2 km across the county, county
 * roads from the city to every town seat, a path from every village to the nearest road, the 弥河
 * river east of the city (crossed only by arterials and every other rural road: the bridges) and a
 * railway west of it. All invented: the river and railway follow their real course only roughly.
 */
import type { Feature, LineString } from 'geojson';
import { roundPos, strictlyInside, toKm, toLonLat } from './geo.ts';
import type { Rng } from './random.ts';
import { inCity, type Area } from './towns.ts';
import type { LonLat, Region, Unit } from './types.ts';

type RoadClass = 'arterial' | 'local' | 'path';
type Km = [number, number];

interface Edge {
  a: number;
  b: number;
  cls: RoadClass;
  name: string;
  /** A rural road on a line that has bridges (every 4 km). */
  bridge: boolean;
}

const STEP_KM = 0.4;
const TOWN_HALF_KM = 1.4;

// Approximate courses (WGS84), drawn by hand: the Mi River east of the city flowing north to the
// bay; a railway west of the city running north to Yangkou. Both reach past the county outline.
const RIVER: LonLat[] = [[118.79, 36.7], [118.805, 36.76], [118.822, 36.82], [118.826, 36.86], [118.832, 36.9], [118.845, 36.96], [118.86, 37.03], [118.872, 37.1], [118.885, 37.18], [118.895, 37.26], [118.9, 37.32]];
const RAILWAY: LonLat[] = [[118.69, 36.7], [118.7, 36.8], [118.708, 36.88], [118.72, 36.98], [118.745, 37.08], [118.78, 37.18], [118.8, 37.3]];

/** The barriers: the river (with small meanders from the seeded stream) and the railway. */
export function buildBarriers(rng: Rng): { river: LonLat[]; railway: LonLat[]; features: Feature[] } {
  const river: LonLat[] = [];
  RIVER.forEach((p, i) => {
    river.push(p);
    const q = RIVER[i + 1];
    if (!q) return;
    for (let k = 1; k < 4; k++) {
      const t = k / 4;
      const [x, y] = toKm([p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t]);
      river.push(toLonLat([x + rng.uniform(-0.35, 0.35), y]));
    }
  });
  const riverOut = river.map(roundPos);
  const railwayOut = RAILWAY.map(roundPos);
  const line = (coordinates: LonLat[], properties: Record<string, unknown>): Feature<LineString> => ({ type: 'Feature', properties, geometry: { type: 'LineString', coordinates } });
  return {
    river: riverOut,
    railway: railwayOut,
    features: [line(riverOut, { kind: 'river', name: '弥河' }), line(railwayOut, { kind: 'railway', name: '益羊铁路' })],
  };
}

/** Parameters (t along p→q, u along a→b) where two segments properly cross, or undefined. */
function crossing(p: Km, q: Km, a: Km, b: Km): [number, number] | undefined {
  const r: Km = [q[0] - p[0], q[1] - p[1]];
  const s: Km = [b[0] - a[0], b[1] - a[1]];
  const d = r[0] * s[1] - r[1] * s[0];
  if (Math.abs(d) < 1e-12) return undefined;
  const t = ((a[0] - p[0]) * s[1] - (a[1] - p[1]) * s[0]) / d;
  const u = ((a[0] - p[0]) * r[1] - (a[1] - p[1]) * r[0]) / d;
  const eps = 1e-9;
  return t > eps && t < 1 - eps && u > eps && u < 1 - eps ? [t, u] : undefined;
}

function crossesLine(p: Km, q: Km, line: Km[]): boolean {
  for (let i = 0; i + 1 < line.length; i++) if (crossing(p, q, line[i], line[i + 1])) return true;
  return false;
}

/** The road network as LineString features with `class` and, for county roads, `name`. */
export function buildRoads(county: Region, areas: readonly Area[], units: readonly Unit[], river: LonLat[]): Feature[] {
  const nodes: Km[] = [];
  const nodeIndex = new Map<string, number>();
  const latticeNode = (i: number, j: number): number => {
    const key = `${i},${j}`;
    let v = nodeIndex.get(key);
    if (v === undefined) {
      v = nodes.length;
      nodes.push([i * STEP_KM, j * STEP_KM]);
      nodeIndex.set(key, v);
    }
    return v;
  };
  const inside = (k: Km) => strictlyInside(toLonLat(k), county);
  const city = (k: Km) => inCity(toLonLat(k), 1.08);
  const towns = areas.filter((a) => !a.urban).map((a) => toKm(a.at));
  const nearTown = (k: Km) => towns.some((t) => Math.abs(k[0] - t[0]) <= TOWN_HALF_KM && Math.abs(k[1] - t[1]) <= TOWN_HALF_KM);
  const edges: Edge[] = [];
  const [w, s] = toKm([county.bbox[0], county.bbox[1]]);
  const [e, n] = toKm([county.bbox[2], county.bbox[3]]);
  const i0 = Math.floor(w / STEP_KM);
  const i1 = Math.ceil(e / STEP_KM);
  const j0 = Math.floor(s / STEP_KM);
  const j1 = Math.ceil(n / STEP_KM);
  for (let i = i0; i <= i1; i++) {
    for (let j = j0; j <= j1; j++) {
      for (const [di, dj] of [[1, 0], [0, 1]] as const) {
        const a: Km = [i * STEP_KM, j * STEP_KM];
        const b: Km = [(i + di) * STEP_KM, (j + dj) * STEP_KM];
        // The line an edge lies on: a row (horizontal edge) or a column.
        const line = di === 1 ? j : i;
        let cls: RoadClass | undefined;
        let bridge = false;
        if (city(a) && city(b)) cls = line % 4 === 0 ? 'arterial' : 'local';
        else if (nearTown(a) && nearTown(b) && inside(a) && inside(b)) cls = 'local';
        else if (line % 5 === 0 && inside(a) && inside(b)) {
          cls = 'local';
          bridge = line % 10 === 0;
        }
        if (cls) edges.push({ a: latticeNode(i, j), b: latticeNode(i + di, j + dj), cls, name: '', bridge });
      }
    }
  }
  const onNetwork = new Set(edges.flatMap((ed) => [ed.a, ed.b]));
  const nearestNode = (k: Km): number => {
    let best = -1;
    let bestD = Infinity;
    for (const v of onNetwork) {
      const d = Math.hypot(nodes[v][0] - k[0], nodes[v][1] - k[1]);
      if (d < bestD) [best, bestD] = [v, d];
    }
    return best;
  };
  const addNode = (k: Km) => nodes.push(k) - 1;
  // Free edges (county roads, village paths) are split where they cross the lattice or each other.
  const free: Edge[] = [];
  const centre = nearestNode(toKm(areas.find((a) => a.name === '圣城街道')!.at));
  for (const area of areas.filter((a) => !a.urban)) free.push({ a: centre, b: nearestNode(toKm(area.at)), cls: 'arterial', name: `寿光—${area.name}县道`, bridge: false });
  for (const u of units.filter((x) => x.kind === 'village')) {
    const home = toKm(u.at);
    const to = nearestNode(home);
    if (Math.hypot(nodes[to][0] - home[0], nodes[to][1] - home[1]) > 0.05) free.push({ a: addNode(home), b: to, cls: 'path', name: '', bridge: false });
  }
  const splits = new Map<Edge, { t: number; v: number }[]>();
  const addSplit = (ed: Edge, t: number, v: number) => {
    const list = splits.get(ed) ?? [];
    list.push({ t, v });
    splits.set(ed, list);
  };
  const all = [...edges, ...free];
  for (const [fi, f] of free.entries()) {
    for (const [k, other] of all.entries()) {
      // Each pair of free edges once.
      if (k >= edges.length && k <= edges.length + fi) continue;
      if (other.a === f.a || other.a === f.b || other.b === f.a || other.b === f.b) continue;
      const p = nodes[f.a];
      const q = nodes[f.b];
      const x = crossing(p, q, nodes[other.a], nodes[other.b]);
      if (!x) continue;
      // A path meets a road where it crosses it; a county road crosses other paths and roads at junctions too.
      const v = addNode([p[0] + (q[0] - p[0]) * x[0], p[1] + (q[1] - p[1]) * x[0]]);
      addSplit(f, x[0], v);
      addSplit(other, x[1], v);
    }
  }
  const pieces: Edge[] = [];
  for (const ed of all) {
    const cuts = (splits.get(ed) ?? []).sort((x, y) => x.t - y.t);
    let from = ed.a;
    for (const c of cuts) {
      pieces.push({ ...ed, a: from, b: c.v });
      from = c.v;
    }
    pieces.push({ ...ed, a: from, b: ed.b });
  }
  const riverKm = river.map(toKm);
  const kept = pieces.filter((ed) => ed.a !== ed.b && (ed.cls === 'arterial' || ed.bridge || !crossesLine(nodes[ed.a], nodes[ed.b], riverKm)));
  return chains(largestPiece(kept, nodes.length), nodes);
}

/** The edges of the largest connected piece (the others would be roads no school can reach). */
function largestPiece(edges: Edge[], count: number): Edge[] {
  const parent = Int32Array.from({ length: count }, (_, i) => i);
  const find = (v: number): number => {
    while (parent[v] !== v) v = parent[v] = parent[parent[v]];
    return v;
  };
  for (const ed of edges) parent[find(ed.a)] = find(ed.b);
  const size = new Map<number, number>();
  for (const ed of edges) size.set(find(ed.a), (size.get(find(ed.a)) ?? 0) + 1);
  const biggest = [...size].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]?.[0];
  return edges.filter((ed) => find(ed.a) === biggest);
}

/** Joins edges of one class and name through nodes where only they meet, into LineString features. */
function chains(edges: Edge[], nodes: Km[]): Feature[] {
  const at = new Map<number, number[]>();
  edges.forEach((ed, k) => {
    for (const v of [ed.a, ed.b]) at.set(v, [...(at.get(v) ?? []), k]);
  });
  const used = new Uint8Array(edges.length);
  const same = (x: Edge, y: Edge) => x.cls === y.cls && x.name === y.name;
  const features: Feature[] = [];
  const extend = (path: number[], k: number) => {
    for (;;) {
      const end = path[path.length - 1];
      const around = at.get(end)!;
      if (around.length !== 2) return;
      const next = around[0] === k ? around[1] : around[0];
      if (used[next] || !same(edges[next], edges[k])) return;
      used[next] = 1;
      path.push(edges[next].a === end ? edges[next].b : edges[next].a);
      k = next;
    }
  };
  edges.forEach((ed, k) => {
    if (used[k]) return;
    used[k] = 1;
    const forward = [ed.a, ed.b];
    extend(forward, k);
    const backward = [ed.b, ed.a];
    extend(backward, k);
    const path = [...backward.slice(2).reverse(), ...forward];
    features.push({
      type: 'Feature',
      properties: { class: ed.cls, ...(ed.name ? { name: ed.name } : {}) },
      geometry: { type: 'LineString', coordinates: path.map((v) => roundPos(toLonLat(nodes[v]))) },
    });
  });
  return features;
}
