import type { DatasetTexts } from '../../src/io/readDataset';
import type { Rng } from './prng';

// Coordinates on a lattice near (118, 36): 1/256° (~400 m). Zones share their edges' vertices
// exactly, and pupils placed at lattice points and half points fall exactly on edges and vertices.
const UNIT = 1 / 256;
const SIZE = 40;
const at = (i: number, j: number): [number, number] => [118 + i * UNIT, 36 + j * UNIT];
type Ring = [number, number][];

const box = (i0: number, j0: number, i1: number, j1: number): Ring => [at(i0, j0), at(i1, j0), at(i1, j1), at(i0, j1), at(i0, j0)];

/** A list of edge offsets along a shared boundary: the boundary wiggles, the zones on both sides keep the same vertices. */
function wiggle(rng: Rng, n: number, amp: number): number[] {
  return Array.from({ length: n + 1 }, () => rng.int(-amp, amp));
}

/**
 * `count` vertical strips over [0, SIZE]² whose shared edges wiggle (each pair of neighbours has
 * every vertex of their edge in common). Strip k is the k-th ring.
 */
function strips(rng: Rng, count: number, x0: number, x1: number, y0: number, y1: number): Ring[] {
  const rows = 6;
  const ys = Array.from({ length: rows + 1 }, (_, k) => y0 + Math.round(((y1 - y0) * k) / rows));
  const edges: Ring[] = [];
  for (let k = 1; k < count; k++) {
    const x = x0 + Math.round(((x1 - x0) * k) / count);
    const w = wiggle(rng, rows, Math.max(1, Math.floor((x1 - x0) / count / 3)));
    edges.push(ys.map((y, r) => at(x + w[r], y)));
  }
  const left: Ring = ys.map((y) => at(x0, y));
  const right: Ring = ys.map((y) => at(x1, y));
  const all = [left, ...edges, right];
  return Array.from({ length: count }, (_, k) => {
    const ring = [...all[k], ...[...all[k + 1]].reverse()];
    return [...ring, ring[0]];
  });
}

interface SchoolSpec {
  id: string;
  name: string;
  level: 'primary' | 'junior' | 'nine_year';
  ownership: 'public' | 'private';
  at: [number, number];
  classrooms?: number;
  opens?: number;
  facilities: Record<string, number>;
}

/**
 * A small county made messy on purpose, from a seed: primary and junior zones that tile most of
 * the area with jagged shared edges, then an overlapping extra part, a part nested in another
 * zone, a part with a hole, an island part, a zone shared by two or three schools (多校划片), a gap;
 * schools without a zone, a private school and a planned one; units (compounds, villages);
 * pupils at random, at every zone vertex and on edge midpoints, some enrolled (school_id), some
 * private, some in units; sometimes a county outline that cuts a corner. As the files a county
 * would give (data contract), so it is loaded the way a real one is.
 */
export function messyCountyTexts(rng: Rng): DatasetTexts {
  const nPrimary = rng.int(2, 5);
  const nJunior = rng.int(1, 3);
  const schools: SchoolSpec[] = [];
  const facility = (): Record<string, number> => (rng.chance(0.6) ? { room_area_m2: rng.int(0, 6000), teachers_qualified: rng.int(0, 80), sports_area_m2: rng.int(0, 9000) } : {});
  const classrooms = () => (rng.chance(0.8) ? rng.int(0, 30) : undefined);
  for (let k = 0; k < nPrimary; k++) schools.push({ id: `P${k + 1}`, name: `第${k + 1}小学`, level: 'primary', ownership: 'public', at: at(rng.int(0, SIZE), rng.int(0, SIZE)), classrooms: classrooms(), facilities: facility() });
  for (let k = 0; k < nJunior; k++) schools.push({ id: `J${k + 1}`, name: `第${k + 1}中学`, level: 'junior', ownership: 'public', at: at(rng.int(0, SIZE), rng.int(0, SIZE)), classrooms: classrooms(), facilities: facility() });
  const nine = rng.chance(0.6);
  if (nine) schools.push({ id: 'N1', name: '九年一贯制学校', level: 'nine_year', ownership: 'public', at: at(rng.int(0, SIZE), rng.int(0, SIZE)), classrooms: classrooms(), facilities: facility() });
  // Zoneless schools: a private one and a planned one (new schools such as 万达广场北小学 get zones by edits).
  schools.push({ id: 'X1', name: '民办学校', level: rng.pick(['primary', 'nine_year'] as const), ownership: 'private', at: at(rng.int(0, SIZE), rng.int(0, SIZE)), classrooms: classrooms(), facilities: {} });
  if (rng.chance(0.6)) schools.push({ id: 'Q1', name: '新建小学', level: 'primary', ownership: 'public', at: at(rng.int(0, SIZE), rng.int(0, SIZE)), opens: rng.pick([2020, 2026, 2031]), facilities: {} });
  if (rng.chance(0.5)) schools.push({ id: 'Q2', name: '新建中学', level: 'junior', ownership: 'public', at: at(rng.int(0, SIZE), rng.int(0, SIZE)), facilities: {} });

  const zones: { ids: string; level: 'primary' | 'junior'; polygons: Ring[][] }[] = [];
  const primaryZoned = schools.filter((s) => s.level === 'primary' && s.ownership === 'public' && !s.id.startsWith('Q')).map((s) => s.id);
  if (nine) primaryZoned.push('N1');
  const juniorZoned = schools.filter((s) => s.level === 'junior' && !s.id.startsWith('Q')).map((s) => s.id);
  if (nine && rng.chance(0.5)) juniorZoned.push('N1');
  for (const [level, ids] of [['primary', primaryZoned], ['junior', juniorZoned]] as const) {
    // Leave a strip of the county without zones sometimes: a gap.
    const top = rng.chance(0.3) ? SIZE - rng.int(2, 6) : SIZE;
    const rings = strips(rng, ids.length, 0, SIZE, 0, top);
    ids.forEach((id, k) => zones.push({ ids: id, level, polygons: [[rings[k]]] }));
    const some = () => rng.pick(ids);
    const c = () => rng.int(4, SIZE - 4);
    if (rng.chance(0.6)) {
      // Overlap: an extra part reaching over neighbours.
      const [i, j, r] = [c(), c(), rng.int(2, 6)];
      zones.push({ ids: some(), level, polygons: [[box(i - r, j - r, i + r, j + r)]] });
    }
    if (rng.chance(0.5)) {
      // Nested: a small part of one zone inside another (no hole there).
      const [i, j] = [c(), c()];
      zones.push({ ids: some(), level, polygons: [[box(i, j, i + 1, j + 1)]] });
    }
    if (rng.chance(0.5)) {
      // A part with a hole (the hole is land of whatever zone is under it).
      const [i, j, r] = [c(), c(), rng.int(2, 4)];
      zones.push({ ids: some(), level, polygons: [[box(i - r, j - r, i + r, j + r), box(i - 1, j - 1, i + 1, j + 1)]] });
    }
    if (rng.chance(0.5)) {
      // An island far from the rest: a multi-part zone.
      const j = rng.int(0, SIZE - 3);
      zones.push({ ids: some(), level, polygons: [[box(SIZE + 3, j, SIZE + 5, j + 2)]] });
    }
    if (ids.length >= 2 && rng.chance(0.6)) {
      // 多校划片: a zone two or three schools share, drawn over the others as a file's may be.
      const members = rng.sample(ids, rng.int(2, Math.min(3, ids.length)));
      const [i, j, r] = [c(), c(), rng.int(1, 4)];
      zones.push({ ids: members.join(rng.pick(['、', ',', ';'])), level, polygons: [[box(i - r, j - r, i + r, j + r)]] });
    }
  }

  const units = Array.from({ length: rng.int(0, 8) }, (_, k) => ({ id: `U${k + 1}`, name: `小区${k + 1}`, kind: rng.pick(['compound', 'village']), at: at(rng.int(0, SIZE), rng.int(0, SIZE)) }));
  const rows = ['id,lon,lat,grade,school_id,unit_id'];
  let n = 0;
  const zoneVertices = zones.flatMap((z) => z.polygons.flat(2));
  const pupil = ([x, y]: [number, number]) => {
    const grade = rng.int(1, 9);
    const unit = units.length > 0 && rng.chance(0.3) ? rng.pick(units) : undefined;
    const enrolled = rng.chance(0.15) ? rng.pick(schools).id : rng.chance(0.03) ? 'ZZZ' : '';
    const [px, py] = unit && rng.chance(0.7) ? unit.at : [x, y];
    rows.push(`s${++n},${px},${py},${grade},${enrolled},${unit?.id ?? ''}`);
  };
  const nRandom = rng.int(0, 250);
  for (let k = 0; k < nRandom; k++) pupil(rng.chance(0.5) ? at(rng.int(-2, SIZE + 6) + rng.int(0, 1) / 2, rng.int(-2, SIZE + 2) + rng.int(0, 1) / 2) : at(rng.float(-2, SIZE + 6), rng.float(-2, SIZE + 2)));
  for (const v of rng.sample(zoneVertices, rng.int(0, 60))) pupil(v);
  // A few bad rows: they are rejected and listed, and counted in rows read.
  if (rng.chance(0.3)) rows.push(`bad${++n},118.01,36.01,0,,`, `bad${++n},,36.01,3,,`);

  const point = (p: [number, number], properties: Record<string, unknown>) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: p }, properties });
  const texts: DatasetTexts = {
    'schools.geojson': JSON.stringify({
      type: 'FeatureCollection',
      features: schools.map((s) => point(s.at, { id: s.id, name: s.name, level: s.level, ownership: s.ownership, ...(s.classrooms !== undefined && { classrooms: s.classrooms }), ...(s.opens !== undefined && { opens: s.opens }), ...s.facilities })),
    }),
    'catchments.geojson': JSON.stringify({
      type: 'FeatureCollection',
      features: zones.map((z) => ({ type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: z.polygons }, properties: { school_id: z.ids, level: z.level } })),
    }),
    'students.csv': rows.join('\n') + '\n',
    'dataset.json': JSON.stringify({ name: '乱县', baseYear: rng.pick([2020, 2024]) }),
  };
  if (units.length > 0) texts['units.geojson'] = JSON.stringify({ type: 'FeatureCollection', features: units.map((u) => point(u.at, { id: u.id, name: u.name, kind: u.kind })) });
  if (rng.chance(0.4)) {
    // A county outline that cuts the north-east corner off: edits are clipped to it.
    const cut = rng.int(5, 15);
    const outline = [at(-4, -4), at(SIZE + 8, -4), at(SIZE + 8, SIZE - cut), at(SIZE - cut, SIZE + 4), at(-4, SIZE + 4), at(-4, -4)];
    texts['county.geojson'] = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [outline] }, properties: {} }] });
  }
  return texts;
}

/** The lattice the messy county is drawn on, for edits that snap to it (shared vertices). */
export const MESSY_LATTICE = { at, size: SIZE, unit: UNIT };
