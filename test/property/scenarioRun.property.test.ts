import { area, booleanPointInPolygon, multiPolygon } from '@turf/turf';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { messyZoning } from './messyZoning';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset';
import { computePupilLayout } from '../../src/core/pupilLayout';
import { DEFAULT_RULES, OVERLAP_RULES, teachesLevel, type Rules, type ZoneLevel } from '../../src/core/rules';
import { applyZoneState, computeScenarioRun } from '../../src/core/scenarioRun';
import { applyZoneEdit, EditError, type EditContext, type ZoneEdit } from '../../src/core/zoneEdits';
import type { MultiPolygonCoords, ZoneState } from '../../src/core/zoneState';
import { OPTIONAL_FILES, readDataset, REQUIRED_FILES } from '../../src/io/readDataset';
import { unitCellArea } from '../../src/core/units/datasetCells';

const dir = join(import.meta.dirname, '../../data/shouguang');
const { dataset } = readDataset(Object.fromEntries([...REQUIRED_FILES, ...OPTIONAL_FILES].map((f) => [f, readFileSync(join(dir, f), 'utf8')])), DEFAULT_RULES, 2020);
const ctx: EditContext = {
  schools: dataset.schools,
  schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])),
  unitIndex: new Map(dataset.unitIds.map((u, i) => [u, i])),
  unitArea: (level, u) => unitCellArea(dataset, level, u),
};
const zonedSchools = (level: ZoneLevel) => dataset.schools.filter((s) => s.ownership === 'public' && teachesLevel(s.level, level)).map((s) => s.id);
/** Every zone of a level, the shared ones (多校划片) included. */
const allZones = (state: ZoneState, level: ZoneLevel) => [...state.zones[level].values(), ...[...state.shared[level].values()].map((z) => z.polygons)];
const totalArea = (state: ZoneState, level: ZoneLevel) => allZones(state, level).reduce((a, m) => a + area(multiPolygon(m)), 0);

/** A quadrilateral around a point of the city or the county, in degrees. */
const quad = fc.record({
  cx: fc.double({ min: 118.62, max: 118.86, noNaN: true }),
  cy: fc.double({ min: 36.8, max: 36.95, noNaN: true }),
  r: fc.double({ min: 0.002, max: 0.03, noNaN: true }),
  skew: fc.double({ min: 0.3, max: 1, noNaN: true }),
}).map(({ cx, cy, r, skew }) => ({ type: 'Polygon' as const, coordinates: [[[cx - r, cy - r * skew], [cx + r * skew, cy - r], [cx + r, cy + r * skew], [cx - r * skew, cy + r], [cx - r, cy - r * skew]]] }));

type Quad = { type: 'Polygon'; coordinates: number[][][] };
type Step =
  | { op: 'assignArea' | 'setZone'; level: ZoneLevel; pick: number; area: Quad }
  | { op: 'shareArea'; level: ZoneLevel; pick: number; other: number; area: Quad }
  | { op: 'assignUnits'; level: ZoneLevel; pick: number; units: number[] }
  | { op: 'mergeZones'; level: ZoneLevel; pick: number; from: number }
  | { op: 'lockZone'; level: ZoneLevel; pick: number; locked: boolean }
  | { op: 'moveVertex'; level: ZoneLevel; pick: number; vertex: number; dx: number; dy: number }
  | { op: 'setFacilities'; level: ZoneLevel; pick: number; classrooms: number }
  | { op: 'undo' };

const step = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('assignArea' as const), level: fc.constantFrom<ZoneLevel>('primary', 'junior'), pick: fc.nat(), area: quad }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('shareArea' as const), level: fc.constantFrom<ZoneLevel>('primary', 'junior'), pick: fc.nat(), other: fc.nat(), area: quad }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('setZone' as const), level: fc.constantFrom<ZoneLevel>('primary', 'junior'), pick: fc.nat(), area: quad }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('assignUnits' as const), level: fc.constantFrom<ZoneLevel>('primary', 'junior'), pick: fc.nat(), units: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('mergeZones' as const), level: fc.constantFrom<ZoneLevel>('primary', 'junior'), pick: fc.nat(), from: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('lockZone' as const), level: fc.constantFrom<ZoneLevel>('primary', 'junior'), pick: fc.nat(), locked: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('moveVertex' as const), level: fc.constantFrom<ZoneLevel>('primary', 'junior'), pick: fc.nat(), vertex: fc.nat(), dx: fc.double({ min: -0.002, max: 0.002, noNaN: true }), dy: fc.double({ min: -0.002, max: 0.002, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('setFacilities' as const), level: fc.constantFrom<ZoneLevel>('primary', 'junior'), pick: fc.nat(), classrooms: fc.integer({ min: 0, max: 80 }) }) },
  { weight: 2, arbitrary: fc.constant({ op: 'undo' as const }) },
);

function toEdit(s: Exclude<Step, { op: 'undo' }>, state: ZoneState): ZoneEdit {
  const schools = zonedSchools(s.level);
  const schoolId = schools[s.pick % schools.length];
  if (s.op === 'setFacilities') return { op: 'setFacilities', schoolId, facilities: { classrooms: s.classrooms } };
  if (s.op === 'shareArea') return { op: 'shareArea', level: s.level, schoolIds: [schoolId, schools[s.other % schools.length]], area: s.area };
  if (s.op === 'moveVertex') {
    // A vertex of a zone that exists now (a shared zone's through its first school), moved by up to ~200 m.
    const zoned: [number, MultiPolygonCoords][] = [...state.zones[s.level], ...[...state.shared[s.level].values()].map((z): [number, MultiPolygonCoords] => [z.schools[0], z.polygons])];
    const [school, zone] = zoned[s.pick % zoned.length];
    const ring = zone[0][0];
    const [x, y] = ring[s.vertex % (ring.length - 1)];
    return { op: 'moveVertex', level: s.level, schoolId: dataset.schools[school].id, from: [x, y], to: [x + s.dx, y + s.dy] };
  }
  if (s.op === 'assignUnits') return { op: 'assignUnits', level: s.level, schoolId, unitIds: s.units.map((u) => dataset.unitIds[u % dataset.unitIds.length]) };
  if (s.op === 'setZone') return { op: 'setZone', level: s.level, schoolId, geometry: s.area };
  if (s.op === 'mergeZones') return { op: 'mergeZones', level: s.level, schoolId, fromSchoolId: schools[s.from % schools.length] };
  if (s.op === 'lockZone') return { op: 'lockZone', level: s.level, schoolId, locked: s.locked };
  return { op: 'assignArea', level: s.level, schoolId, area: s.area };
}

/** Sample points over the edited part of the county (where the random edits fall). */
const samples = Array.from({ length: 800 }, (_, i) => [118.6 + 0.3 * ((i * 0.618034) % 1), 36.78 + 0.2 * ((i * 0.414214) % 1)]);

/** The largest number of zones of a level that contain one sample point (1 when they do not overlap). */
function maxOverlap(state: ZoneState, level: ZoneLevel): number {
  const zones = allZones(state, level).map((m) => multiPolygon(m));
  return Math.max(...samples.map((p) => zones.filter((z) => booleanPointInPolygon(p, z, { ignoreBoundary: true })).length));
}

const sameInts = (a: Int32Array, b: Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

let applied = 0;

function run(steps: Step[], data: Dataset = dataset, start: ZoneState = dataset.zoneState, rules: Rules = DEFAULT_RULES) {
  const scenario = computeScenarioRun(data, start, rules);
  const history: ZoneState[] = [start];
  let gaps = false;
  for (const s of steps) {
    let next: ZoneState;
    if (s.op === 'undo') {
      if (history.length === 1) continue;
      history.pop();
      next = history[history.length - 1];
    } else {
      try {
        next = applyZoneEdit(history[history.length - 1], toEdit(s, history[history.length - 1]), ctx);
      } catch (e) {
        if (e instanceof EditError) continue;
        throw e;
      }
      history.push(next);
      applied++;
      gaps ||= s.op === 'setZone' || s.op === 'moveVertex';
    }
    applyZoneState(scenario, data, next, rules);
    const scratch = computeScenarioRun(data, next, rules);
    expect(scenario.result).toEqual(scratch.result);
    expect(sameInts(scenario.schoolOf, scratch.schoolOf)).toBe(true);
    expect(sameInts(scenario.zoneSchoolOf, scratch.zoneSchoolOf)).toBe(true);
  }
  return { scenario, history, gaps };
}

describe('incremental scenario runs against their from-scratch twin', () => {
  it('the overlap check sees an overlap when there is one', () => {
    const zones = new Map(dataset.zoneState.zones.primary);
    const [[a, za], [, zb]] = [...zones].filter(([, z]) => z[0][0].some(([x, y]) => x > 118.65 && x < 118.85 && y > 36.8 && y < 36.95)).slice(0, 2);
    zones.set(a, [...za, ...zb]);
    expect(maxOverlap({ ...dataset.zoneState, zones: { ...dataset.zoneState.zones, primary: zones } }, 'primary')).toBeGreaterThanOrEqual(2);
  });

  it('agree after random sequences of edits and undos; undo restores the exact state; zones stay a partition', () => {
    const base = computeScenarioRun(dataset, dataset.zoneState, DEFAULT_RULES);
    const areas = { primary: totalArea(dataset.zoneState, 'primary'), junior: totalArea(dataset.zoneState, 'junior') };
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
        const { scenario, history, gaps } = run(steps);
        const final = history[history.length - 1];
        for (const level of ['primary', 'junior'] as const) {
          // Still a partition: no overlaps anywhere, and no gaps unless an edit may leave one.
          expect(maxOverlap(final, level)).toBeLessThanOrEqual(1);
          if (!gaps) expect(totalArea(final, level) / areas[level]).toBeCloseTo(1, 6);
        }
        // Undo everything: back to the dataset's own zoning and results, exactly.
        applyZoneState(scenario, dataset, dataset.zoneState, DEFAULT_RULES);
        expect(scenario.result).toEqual(base.result);
        expect(sameInts(scenario.schoolOf, base.schoolOf)).toBe(true);
      }),
      { numRuns: 60 },
    );
    // The sequences must have done something: most random edits are valid.
    expect(applied).toBeGreaterThan(60);
  }, 240_000);
});

/**
 * Random edit and undo sequences from `start` agree with the from-scratch twin at every step
 * (see run), and undoing everything gives back the start's results exactly.
 */
function expectRandomRunsAgree(data: Dataset, start: ZoneState, rules: Rules) {
  const base = computeScenarioRun(data, start, rules);
  fc.assert(
    fc.property(fc.array(step, { minLength: 1, maxLength: 6 }), (steps) => {
      const { scenario } = run(steps, data, start, rules);
      applyZoneState(scenario, data, start, rules);
      expect(scenario.result).toEqual(base.result);
      expect(sameInts(scenario.schoolOf, base.schoolOf)).toBe(true);
    }),
    { numRuns: 20 },
  );
}

/**
 * The Shouguang zoning made messy: in each level, one zone gets an extra part over its neighbours
 * (overlaps), another a small part inside a third zone (nested, no hole), and a third a part with a
 * hole. Pupils are added at every vertex of the city's zones, so the boundary rule is exercised.
 */
function messyStart(): { data: Dataset; start: ZoneState } {
  const { zones, corners } = messyZoning(dataset);
  const p = dataset.pupils;
  const n = p.count + 2 * corners.length;
  const cat = <T extends Float64Array | Int32Array | Uint8Array | Uint32Array>(a: T, extra: number[]) => {
    const out = new (a.constructor as new (n: number) => T)(n);
    out.set(a);
    out.set(extra, a.length);
    return out;
  };
  const twice = <T>(f: (c: [number, number]) => T) => [...corners.map(f), ...corners.map(f)];
  const pupils = computePupilLayout({
    x: cat(p.x, twice(([x]) => x)),
    y: cat(p.y, twice(([, y]) => y)),
    grade: cat(p.grade, [...corners.map(() => 2), ...corners.map(() => 8)]),
    fixedSchool: cat(p.fixedSchool, twice(() => -1)),
    currentSchool: cat(p.currentSchool, twice(() => -1)),
    line: cat(p.line, twice(() => 0)),
    unit: cat(p.unit, twice(() => -1)),
  }, DEFAULT_RULES);
  // The messy zoning is the dataset's own, as a loaded file's would be.
  const start = { ...dataset.zoneState, zones };
  return { data: { ...dataset, pupils, zoneState: start }, start };
}

describe('incremental scenario runs on overlapping, nested and holed zones, with pupils on every vertex', () => {
  const { data, start } = messyStart();

  it('the start has pupils in two zones and pupils placed by the boundary rule', () => {
    const scratch = computeScenarioRun(data, start, DEFAULT_RULES);
    expect(scratch.overlaps.size).toBeGreaterThan(1000);
    expect(scratch.onBoundary.size).toBeGreaterThan(0);
  });

  it('agree with the from-scratch twin after random edits and undos, under both overlap rules', () => {
    for (const overlapRule of OVERLAP_RULES) {
      const rules = { ...DEFAULT_RULES, overlapRule };
      expectRandomRunsAgree(data, start, rules);
    }
  }, 240_000);
});

/**
 * The Shouguang zoning with zones shared by several schools (多校划片), as the dataset's own: per
 * level, a block of the city carved out of the zones under it and shared by two schools, and one
 * more square shared by three, drawn over its neighbours (overlapping them, as a file's may).
 * Every pupil of the dataset is kept; the lottery weighs schools by their free places.
 */
function sharedStart(): { data: Dataset; start: ZoneState } {
  const square = (cx: number, cy: number, r: number): [number, number][] => [[cx - r, cy - r], [cx + r, cy - r], [cx + r, cy + r], [cx - r, cy + r], [cx - r, cy - r]];
  let state = dataset.zoneState;
  const shared = { ...state.shared };
  for (const level of ['primary', 'junior'] as const) {
    const [a, b, c] = zonedSchools(level);
    state = applyZoneEdit(state, { op: 'shareArea', level, schoolIds: [a, b], area: { type: 'Polygon', coordinates: [square(118.74, 36.87, 0.015)] } }, ctx);
    const three = [a, b, c].map((id) => ctx.schoolIndex.get(id)!).sort((x, y) => x - y);
    shared[level] = new Map([...state.shared[level], [three.join(','), { schools: three, polygons: [[square(118.76, 36.89, 0.01)]] }]]);
  }
  const start = { ...state, shared };
  return { data: { ...dataset, zoneState: start }, start };
}

describe('incremental scenario runs with shared zones (多校划片)', () => {
  const { data, start } = sharedStart();

  it('the start shares the pupils of the carved block between its two schools', () => {
    const scratch = computeScenarioRun(data, start, DEFAULT_RULES);
    const shared = scratch.result.shared!;
    expect(shared.map((z) => z.schoolIds.length)).toEqual([2, 3, 2, 3]);
    // The block's pupils counted outside the engine: inside it, not inside the square of three; a
    // pupil on an edge belongs to the side east (on an east–west edge, north) of it.
    const inSquare = (x: number, y: number, cx: number, cy: number, r: number) => x >= cx - r && x < cx + r && y >= cy - r && y < cy + r;
    const inBlock = (x: number, y: number) => inSquare(x, y, 118.74, 36.87, 0.015) && !inSquare(x, y, 118.76, 36.89, 0.01);
    const p = data.pupils;
    [0, 2].forEach((z, k) => {
      let n = 0;
      for (let i = p.segmentStart[k]; i < p.segmentStart[k + 1]; i++) if (inBlock(p.x[i], p.y[i])) n++;
      const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
      expect(sum(shared[z].kept) + sum(shared[z].drawn)).toBe(n);
    });
  });

  it('agree with the from-scratch twin after random edits (shareArea among them) and undos', () => {
    for (const sharedZoneWeights of ['freePlaces', 'equal'] as const) {
      const rules = { ...DEFAULT_RULES, sharedZoneWeights };
      expectRandomRunsAgree(data, start, rules);
    }
  }, 240_000);
});
