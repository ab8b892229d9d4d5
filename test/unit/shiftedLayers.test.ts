import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import type { School } from '../../src/core/dataset';
import { DEFAULT_RULES } from '../../src/core/rules';
import { checkShiftedLayers, describeValidationItem, type ShiftInput } from '../../src/core/validation';
import type { MultiPolygonCoords } from '../../src/core/zoneState';

// Around (118.71, 36.905) in Shouguang, gcoord puts GCJ-02 0.00568° east and 0.00043° north of WGS84,
// BD-09 0.01221° east and 0.00632° north (printed once with gcoord.transform; the tests below only
// rely on these to the third significant digit).
const box = (x0: number, y0: number, w: number, h: number): MultiPolygonCoords => [[[[x0, y0], [x0 + w, y0], [x0 + w, y0 + h], [x0, y0 + h], [x0, y0]]]];
const to = (system: typeof gcoord.GCJ02 | typeof gcoord.BD09) => (x: number, y: number) => gcoord.transform([x, y], gcoord.WGS84, system) as [number, number];
const toGcj = to(gcoord.GCJ02);
const toBd = to(gcoord.BD09);

const school = (id: string, lon: number, lat: number, ownership: School['ownership'] = 'public'): School => ({ id, name: id, level: 'primary', ownership, lon, lat, facilities: {} });

/** Pupils of grade 1 at the given homes, each at the school given (−1: none). */
function pupils(homes: [number, number][], currentSchool: number[], unit?: number[]): ShiftInput['pupils'] {
  return {
    x: Float64Array.from(homes, (h) => h[0]),
    y: Float64Array.from(homes, (h) => h[1]),
    grade: Uint8Array.from(homes, () => 1),
    currentSchool: Int32Array.from(currentSchool),
    ...(unit && { unit: Int32Array.from(unit) }),
  };
}

const input = (zones: Map<number, MultiPolygonCoords>, schools: School[], p: ShiftInput['pupils'], extra: Partial<ShiftInput> = {}): ShiftInput => ({
  zones: { primary: zones, junior: new Map() },
  schools,
  pupils: p,
  rules: DEFAULT_RULES,
  ...extra,
});

describe('pupils against the zones', () => {
  // Two primary zones side by side, 600 m × 550 m each (118.70–118.714 E, 36.90–36.905 N), 400 homes on a grid.
  const zones = new Map([[0, box(118.7, 36.9, 0.007, 0.005)], [1, box(118.707, 36.9, 0.007, 0.005)]]);
  const grid: [number, number][] = [];
  for (let i = 0; i < 20; i++) for (let j = 0; j < 20; j++) grid.push([118.7005 + i * 0.00065, 36.9003 + j * 0.00022]);
  const schools = [school('A', 118.7035, 36.9025), school('B', 118.7105, 36.9025)];
  const noSchool = grid.map(() => -1);

  it('names the pupils file and GCJ-02 when GCJ-02 homes are read as WGS84 (~500 m off)', () => {
    const item = checkShiftedLayers(input(zones, schools, pupils(grid.map(([x, y]) => toGcj(x, y)), noSchool), { sources: { pupils: { file: '学生名单.csv', crs: 'wgs84' } } }));
    // 0.00568° east: the homes of the 7 columns within 0.00568° of the east edge (i ≥ 13) leave both zones.
    expect(item).toMatchObject([{ kind: 'shiftedLayer', severity: 'error', layer: 'pupils', file: '学生名单.csv', crs: 'gcj02', readAs: 'wgs84', against: 'zones', tested: 400, before: 140, after: 0 }]);
    expect(item[0].geometry.coordinates).toHaveLength(140);
    expect(describeValidationItem(item[0], 'en')).toBe('学生名单.csv: the pupils look like GCJ-02 read as WGS84 — choose GCJ-02 for 学生名单.csv. Of 400 pupils checked, 140 live outside the zone of their school (without one: outside every zone); read as GCJ-02, 0 would');
    expect(describeValidationItem(item[0], 'zh-CN')).toBe('学生名单.csv：学生坐标看起来是 GCJ-02，却按 WGS84 读取——请为 学生名单.csv 选择 GCJ-02。抽查的 400 名学生中有 140 名住在其学校的片区之外（无学校片区的：在所有片区之外）；按 GCJ-02 读取只有 0 名');
  });

  it('checks pupils from several files file by file: a GCJ-02 file among WGS84 ones is named, though the whole layer read as GCJ-02 would not fit better', () => {
    // Rows with odd j (10 per column) come from 东城.csv in GCJ-02 read as WGS84, the others from 西城.csv, right.
    const fileOf = grid.map((_, k) => k % 2);
    const homes = grid.map(([x, y], k) => (fileOf[k] === 1 ? toGcj(x, y) : [x, y]) as [number, number]);
    const two = { ...pupils(homes, noSchool), file: Uint16Array.from(fileOf) };
    const sources = { pupilSources: [{ file: '西城.csv', crs: 'wgs84' as const }, { file: '东城.csv', crs: 'wgs84' as const }] };
    // 东城.csv: of its 200 homes, the 7 east columns × 10 leave both zones; read as GCJ-02, none.
    expect(checkShiftedLayers(input(zones, schools, two, sources))).toMatchObject([{ layer: 'pupils', file: '东城.csv', crs: 'gcj02', readAs: 'wgs84', tested: 200, before: 70, after: 0 }]);
    // As one layer, reading all as GCJ-02 would bring 70 in and move 70 of 西城.csv out: no finding.
    expect(checkShiftedLayers(input(zones, schools, pupils(homes, noSchool)))).toEqual([]);
    // 东城.csv read as GCJ-02, as it should be (its homes converted to WGS84: the grid): nothing to say.
    const declared = { pupilSources: [sources.pupilSources[0], { file: '东城.csv', crs: 'gcj02' as const }] };
    expect(checkShiftedLayers(input(zones, schools, { ...two, x: Float64Array.from(grid, (h) => h[0]), y: Float64Array.from(grid, (h) => h[1]) }, declared))).toEqual([]);
  });

  it('tells BD-09 homes from GCJ-02 ones', () => {
    const item = checkShiftedLayers(input(zones, schools, pupils(grid.map(([x, y]) => toBd(x, y)), noSchool)));
    expect(item).toMatchObject([{ layer: 'pupils', file: 'students.csv', crs: 'bd09', readAs: 'wgs84', after: 0 }]);
  });

  it('says nothing for homes in WGS84, or for homes outside the zones that no conversion brings in', () => {
    expect(checkShiftedLayers(input(zones, schools, pupils(grid, noSchool)))).toEqual([]);
    // Half the homes 5 km north: outside, but converting does not bring them in.
    const far = grid.map(([x, y], i): [number, number] => [x, i % 2 === 0 ? y + 0.045 : y]);
    expect(checkShiftedLayers(input(zones, schools, pupils(far, noSchool)))).toEqual([]);
  });
});

describe('pupils that land in the neighbouring zone', () => {
  // Zones A and B, 0.01° square each, side by side: read 500 m east, pupils of A fall into B, not outside every zone.
  const zones = new Map([[0, box(118.7, 36.9, 0.01, 0.01)], [1, box(118.71, 36.9, 0.01, 0.01)]]);
  const schools = [school('A', 118.705, 36.905), school('B', 118.715, 36.905)];
  const homes: [number, number][] = [];
  const attends: number[] = [];
  for (let i = 0; i < 20; i++) for (let j = 0; j < 10; j++) {
    homes.push([118.7005 + i * 0.001, 36.9005 + j * 0.001]);
    attends.push(i < 10 ? 0 : 1);
  }

  it('counts the pupils outside their own school’s zone, so a shift within a tiling is seen', () => {
    const [item] = checkShiftedLayers(input(zones, schools, pupils(homes.map(([x, y]) => toGcj(x, y)), attends)));
    // Columns i = 4..9 cross into B (118.7005 + 0.004 + 0.00568 ≥ 118.71) and i = 14..19 leave B
    // eastwards; 0.00043° north keeps the top row (36.9095) inside: 12 columns × 10 rows.
    expect(item).toMatchObject({ layer: 'pupils', crs: 'gcj02', tested: 200, before: 120, after: 0 });
  });

  it('sees the shift when most pupils miss for another reason: it compares the pupils each reading brings in and moves out', () => {
    // 400 more pupils at the same homes attend C, whose zone is 10 km east: they miss read either way.
    const withC = new Map([...zones, [2, box(118.8, 36.9, 0.01, 0.01)]]);
    const schoolsC = [...schools, school('C', 118.805, 36.905)];
    const shifted = homes.map(([x, y]) => toGcj(x, y));
    const all = [...shifted, ...shifted, ...shifted];
    const attendsAll = [...attends, ...homes.map(() => 2), ...homes.map(() => 2)];
    // As read: the 120 of the test above plus the 400 at C miss; read as GCJ-02 only the 400 do. 400 / 520 > 3/4,
    // which hid the shift before; now the 120 brought in against 0 moved out name it.
    expect(checkShiftedLayers(input(withC, schoolsC, pupils(all, attendsAll)))).toMatchObject([{ layer: 'pupils', crs: 'gcj02', tested: 600, before: 520, after: 400 }]);
    // The same pupils read right: reading them as GCJ-02 would move 120 out and bring none in.
    expect(checkShiftedLayers(input(withC, schoolsC, pupils([...homes, ...homes, ...homes], attendsAll)))).toEqual([]);
  });

  it('names the zones when the pupils fit them only moved: zones in BD-09 read as WGS84', () => {
    const shiftedZones = new Map([...zones].map(([s, z]) => [s, z.map((p) => p.map((r) => r.map(([x, y]) => toBd(x, y))))]));
    const items = checkShiftedLayers(input(shiftedZones, [], pupils(homes, attends), { sources: { zones: { file: '片区.kml', crs: 'wgs84' } } }));
    // 0.00632° north leaves rows j ≤ 5 below both zones; 0.0122° east puts every column of rows 6–9
    // west of its own school's zone: all 200 miss.
    expect(items).toMatchObject([{ layer: 'zones', file: '片区.kml', crs: 'bd09', readAs: 'wgs84', layers: ['pupils'], tested: 200, before: 200, after: 0 }]);
    expect(describeValidationItem(items[0], 'en')).toBe('片区.kml: the zones look like BD-09 read as WGS84 — choose BD-09 for 片区.kml. The pupils fit them only when shifted: 200 of 200 checked lie outside their zone; with the zones read as BD-09, 0 would');
  });
});

describe('pupils placed at their compound or village by address', () => {
  // Zones A and B as above; compounds U0 and U2 in A and U1 in B, from a GCJ-02 file read as WGS84;
  // 10 pupils placed at each by address (their position is the unit's) and 100 with homes of their
  // own, all in the west of A (x ≤ 118.7032), which no reading moves out of A.
  const zones = new Map([[0, box(118.7, 36.9, 0.01, 0.01)], [1, box(118.71, 36.9, 0.01, 0.01)]]);
  const schools = [school('A', 118.705, 36.905), school('B', 118.715, 36.905)];
  const read = [toGcj(118.706, 36.905), toGcj(118.716, 36.905), toGcj(118.7045, 36.902)];
  const own: [number, number][] = [];
  for (let i = 0; i < 10; i++) for (let j = 0; j < 10; j++) own.push([118.7005 + i * 0.0003, 36.9005 + j * 0.0009]);
  const tens = (v: number) => Array.from({ length: 10 }, () => v);
  const homes = [...own, ...read.flatMap((p) => Array.from({ length: 10 }, () => p))];
  const attends = [...own.map(() => 0), ...tens(0), ...tens(1), ...tens(0)];
  const unitOf = [...own.map(() => -1), ...tens(0), ...tens(1), ...tens(2)];

  it('name the units file, not the pupils file: their positions come from the units', () => {
    const items = checkShiftedLayers(input(zones, schools, pupils(homes, attends, unitOf), {
      units: { x: read.map((p) => p[0]), y: read.map((p) => p[1]) },
      sources: { pupils: { file: '学生.csv', crs: 'wgs84' }, units: { file: '小区.csv', crs: 'wgs84' } },
    }));
    // Read as WGS84, U0 and U2 lie in B (x + 0.00568 ≥ 118.71) and U1 east of both zones: U1 and the
    // 30 pupils placed at the three miss, 31 of the 3 units and 30 pupils; read as GCJ-02, none.
    expect(items).toMatchObject([{ layer: 'units', file: '小区.csv', crs: 'gcj02', readAs: 'wgs84', against: 'zones', severity: 'error', tested: 33, before: 31, after: 0 }]);
    expect(describeValidationItem(items[0], 'en')).toBe('小区.csv: the compounds and villages look like GCJ-02 read as WGS84 — choose GCJ-02 for 小区.csv. Of 33 checked (compounds and villages, and pupils placed at them by address), 31 lie outside every zone (a pupil: outside the zone of their school); read as GCJ-02, 0 would');
  });

  it('say nothing when the units file is read right', () => {
    const right = [[118.706, 36.905], [118.716, 36.905], [118.7045, 36.902]];
    const placed = [...own, ...right.flatMap((p) => Array.from({ length: 10 }, () => p as [number, number]))];
    expect(checkShiftedLayers(input(zones, schools, pupils(placed, attends, unitOf), { units: { x: right.map((p) => p[0]), y: right.map((p) => p[1]) } }))).toEqual([]);
  });

  it('only warn when one compound’s pupils attend a school across the boundary, in a file read right: the same signal as a shift, at one place', () => {
    // A is 118.70–118.71, B 118.71–118.73; compound V (118.7125) in B sends its 5 pupils to A, W (118.725) in B to B.
    const wide = new Map([[0, box(118.7, 36.9, 0.01, 0.01)], [1, box(118.71, 36.9, 0.02, 0.01)]]);
    const units = [[118.7125, 36.905], [118.725, 36.905]] as [number, number][];
    const at = [...Array.from({ length: 5 }, () => units[0]), ...Array.from({ length: 20 }, () => units[1])];
    const items = checkShiftedLayers(input(wide, schools, pupils(at, [...at.map((_, k) => (k < 5 ? 0 : 1))], at.map((_, k) => (k < 5 ? 0 : 1))), {
      units: { x: units.map((p) => p[0]), y: units.map((p) => p[1]) },
      sources: { units: { file: '小区.csv', crs: 'wgs84' } },
    }));
    expect(items).toMatchObject([{ layer: 'units', severity: 'warning', crs: 'gcj02', before: 5, after: 0 }]);
    expect(describeValidationItem(items[0], 'en')).toContain('— but at fewer than 3 places, as when the pupils of one compound attend a school across a zone boundary: check the coordinate system of 小区.csv');
  });
});

describe('schools against their own zones', () => {
  it('names the schools file when schools read 500 m east sit in the next zone', () => {
    // Six zones in a row, each school 0.0005° inside the east edge of its own.
    const zones = new Map(Array.from({ length: 6 }, (_, k) => [k, box(118.7 + 0.01 * k, 36.9, 0.01, 0.01)] as const));
    const schools = Array.from({ length: 6 }, (_, k) => school(`S${k}`, ...toGcj(118.7095 + 0.01 * k, 36.905)));
    const items = checkShiftedLayers(input(zones, schools, pupils([], []), { sources: { schools: { file: '学校.xlsx', crs: 'wgs84' } } }));
    expect(items).toMatchObject([{ layer: 'schools', file: '学校.xlsx', crs: 'gcj02', tested: 6, before: 6, after: 0 }]);
    expect(describeValidationItem(items[0], 'en')).toBe('学校.xlsx: the schools look like GCJ-02 read as WGS84 — choose GCJ-02 for 学校.xlsx. 6 of 6 school zones do not hold their school; read as GCJ-02, 0 would not');
  });
});

describe('compounds and villages against the pupils who name them', () => {
  // One zone holding everything; 10 units, 20 pupils each living 0.0005° (44.5 m at 36.9° N) east of their unit.
  const zones = new Map([[0, box(118.6, 36.8, 0.2, 0.2)]]);
  const schools = [school('A', 118.7, 36.9)];
  const unitPoints = Array.from({ length: 10 }, (_, k): [number, number] => [118.65 + 0.01 * k, 36.85 + 0.01 * k]);
  const homes = unitPoints.flatMap(([x, y]) => Array.from({ length: 20 }, (): [number, number] => [x + 0.0005, y]));
  const unitOf = unitPoints.flatMap((_, u) => Array.from({ length: 20 }, () => u));
  const metres = (dx: number, dy: number, lat: number) => Math.hypot(dx * 111_320 * Math.cos((lat * Math.PI) / 180), dy * 110_540);

  it('names the units file when its points lie a GCJ-02 offset from their pupils', () => {
    const read = unitPoints.map(([x, y]) => toGcj(x, y));
    const items = checkShiftedLayers(input(zones, schools, pupils(homes, homes.map(() => 0), unitOf), {
      units: { x: read.map((p) => p[0]), y: read.map((p) => p[1]) },
      sources: { units: { file: '小区-高德.csv', crs: 'wgs84' } },
    }));
    expect(items).toMatchObject([{ layer: 'units', file: '小区-高德.csv', crs: 'gcj02', against: 'pupils', tested: 200 }]);
    // Before: the median of the 10 units' pupil-to-unit distances, the GCJ-02 offset less the 0.0005° (computed with gcoord).
    const d = unitPoints.map(([x, y], k) => metres(read[k][0] - x - 0.0005, read[k][1] - y, y)).sort((a, b) => a - b);
    expect(items[0].before).toBe(Math.round((d[4] + d[5]) / 2));
    expect(Math.abs(items[0].after - metres(0.0005, 0, 36.9))).toBeLessThanOrEqual(1);
  });

  it('says nothing when units and pupils agree', () => {
    expect(checkShiftedLayers(input(zones, schools, pupils(homes, homes.map(() => 0), unitOf), { units: { x: unitPoints.map((p) => p[0]), y: unitPoints.map((p) => p[1]) } }))).toEqual([]);
  });
});
