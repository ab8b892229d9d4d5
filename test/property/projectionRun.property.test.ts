import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { messyZoning } from './messyZoning';
import { describe, expect, it } from 'vitest';
import { computeProjection } from '../../src/core/projection';
import { createProjectionRun } from '../../src/core/projectionRun';
import { DEFAULT_RULES, OVERLAP_RULES, teachesLevel, type Rules, type ZoneLevel } from '../../src/core/rules';
import type { Dataset } from '../../src/core/dataset';
import { computePupilLayout } from '../../src/core/pupilLayout';
import { DEFAULT_PROJECTION, NO_RULES, type ScenarioRules } from '../../src/core/scenarioRules';
import { unitCellArea } from '../../src/core/units/datasetCells';
import { applyZoneEdit, EditError, type EditContext, type ZoneEdit } from '../../src/core/zoneEdits';
import type { MultiPolygonCoords, ZoneState } from '../../src/core/zoneState';
import { OPTIONAL_FILES, readDataset, REQUIRED_FILES } from '../../src/io/readDataset';
import { createProjectionDistance, DEFAULT_DISTANCE_SETTINGS, prepareDistances, scenarioOpenYears } from '../../src/core/distance';

// The default dataset with its births, housing estates and planned schools: the projection's every source of pupils.
const dir = join(import.meta.dirname, '../../data/shouguang');
const { dataset } = readDataset(Object.fromEntries([...REQUIRED_FILES, ...OPTIONAL_FILES].map((f) => [f, readFileSync(join(dir, f), 'utf8')])), DEFAULT_RULES, 2020);
const ctx: EditContext = {
  schools: dataset.schools,
  schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])),
  unitIndex: new Map(dataset.unitIds.map((u, i) => [u, i])),
  unitArea: (level, u) => unitCellArea(dataset, level, u),
};
const zonedSchools = (level: ZoneLevel) => dataset.schools.filter((s) => s.ownership === 'public' && teachesLevel(s.level, level)).map((s) => s.id);

const quad = fc.record({
  cx: fc.double({ min: 118.62, max: 118.86, noNaN: true }),
  cy: fc.double({ min: 36.8, max: 36.95, noNaN: true }),
  r: fc.double({ min: 0.002, max: 0.03, noNaN: true }),
}).map(({ cx, cy, r }) => ({ type: 'Polygon' as const, coordinates: [[[cx - r, cy - r], [cx + r, cy - r * 0.5], [cx + r * 0.8, cy + r], [cx - r, cy + r], [cx - r, cy - r]]] }));
const level = fc.constantFrom<ZoneLevel>('primary', 'junior');
type Step =
  | { op: 'assignArea' | 'setZone'; level: ZoneLevel; pick: number; area: { type: 'Polygon'; coordinates: number[][][] } }
  | { op: 'assignUnits'; level: ZoneLevel; pick: number; units: number[] }
  | { op: 'moveVertex'; level: ZoneLevel; pick: number; vertex: number; dx: number; dy: number }
  | { op: 'mergeZones'; level: ZoneLevel; pick: number; from: number }
  | { op: 'setFacilities'; level: ZoneLevel; pick: number; classrooms: number }
  | { op: 'back' };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constantFrom('assignArea' as const, 'setZone' as const), level, pick: fc.nat(), area: quad }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('assignUnits' as const), level, pick: fc.nat(), units: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('moveVertex' as const), level, pick: fc.nat(), vertex: fc.nat(), dx: fc.double({ min: -0.004, max: 0.004, noNaN: true }), dy: fc.double({ min: -0.004, max: 0.004, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('mergeZones' as const), level, pick: fc.nat(), from: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('setFacilities' as const), level, pick: fc.nat(), classrooms: fc.integer({ min: 0, max: 80 }) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'back' as const }) },
);

function toEdit(s: Exclude<Step, { op: 'back' }>, state: ZoneState): ZoneEdit {
  const schools = zonedSchools(s.level);
  const schoolId = schools[s.pick % schools.length];
  if (s.op === 'setFacilities') return { op: 'setFacilities', schoolId, facilities: { classrooms: s.classrooms } };
  if (s.op === 'assignUnits') return { op: 'assignUnits', level: s.level, schoolId, unitIds: s.units.map((u) => dataset.unitIds[u % dataset.unitIds.length]) };
  if (s.op === 'mergeZones') return { op: 'mergeZones', level: s.level, schoolId, fromSchoolId: schools[s.from % schools.length] };
  if (s.op === 'assignArea' || s.op === 'setZone') return s.op === 'setZone' ? { op: 'setZone', level: s.level, schoolId, geometry: s.area } : { op: 'assignArea', level: s.level, schoolId, area: s.area };
  if (s.op !== 'moveVertex') throw new Error('every other step is handled above');
  const zoned = [...state.zones[s.level]] as [number, MultiPolygonCoords][];
  const [school, zone] = zoned[s.pick % zoned.length];
  const ring = zone[0][0];
  const [x, y] = ring[s.vertex % (ring.length - 1)];
  return { op: 'moveVertex', level: s.level, schoolId: dataset.schools[school].id, from: [x, y], to: [x + s.dx, y + s.dy] };
}

// Scenario rules that change how places map to schools over the years: none, phase-in, an earlier opening, a diversion.
const scenarios: ScenarioRules[] = [
  NO_RULES,
  { ...NO_RULES, phaseIn: { fromYear: 2022 } },
  { ...NO_RULES, openings: [{ schoolId: 'P90', year: 2021 }], classroomAdditions: [{ schoolId: 'P01', year: 2023, rooms: 4 }] },
  { ...NO_RULES, diversions: [{ fromSchoolId: 'P01', toSchoolId: 'N02', grades: [1, 2, 3], count: 40, year: 2021 }] },
];
const settings = { ...DEFAULT_PROJECTION, years: 6 };

/**
 * Random edits and steps back from `start` (the dataset's own zoning): after each, the run moved
 * incrementally equals the projection from scratch, exactly, and so do the per-year distance
 * figures its sink kept (by road: the default dataset has roads). Returns how many steps were
 * compared and how many changed the projection, and how many changed the distance figures. The
 * seed is fixed: the tests hold the sample to having changed the projection often enough, which a
 * random draw of a few short sequences may fall short of.
 */
function expectRunsAgree(data: Dataset, rules: Rules, runs: number, maxSteps: number, seed: number): { compared: number; differed: number; distanceDiffered: number } {
  let compared = 0;
  let differed = 0;
  let distanceDiffered = 0;
  const prepared = prepareDistances(data, rules);
  fc.assert(
    fc.property(fc.constantFrom(...scenarios.keys()), fc.array(step, { minLength: 1, maxLength: maxSteps }), (which, steps) => {
      const input = { dataset: data, state: data.zoneState, scenario: scenarios[which], settings, rules };
      const measure = () => createProjectionDistance({ prepared, dataset: data, openYear: scenarioOpenYears(data.schools, scenarios[which].openings), settings: DEFAULT_DISTANCE_SETTINGS, rules });
      const measured = measure();
      const run = createProjectionRun({ ...input, sink: measured.sink });
      const start = run.projection;
      const startDistance = JSON.stringify(measured.years());
      const history: ZoneState[] = [data.zoneState];
      for (const s of steps) {
        let next: ZoneState;
        if (s.op === 'back') {
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
        }
        expect(run.moveTo(next)).toBe(true);
        const scratchMeasured = measure();
        const scratch = computeProjection({ ...input, state: next, sink: scratchMeasured.sink });
        expect(run.projection).toEqual(scratch);
        const scratchDistance = scratchMeasured.years();
        expect(scratchDistance).toHaveLength(settings.years + 1);
        expect(measured.years()).toEqual(scratchDistance);
        compared++;
        if (JSON.stringify(scratch.years.map((y) => y.counts)) !== JSON.stringify(start.years.map((y) => y.counts))) differed++;
        if (JSON.stringify(scratchDistance) !== startDistance) distanceDiffered++;
      }
    }),
    { numRuns: runs, seed },
  );
  return { compared, differed, distanceDiffered };
}

/**
 * The default zoning made messy, as the dataset's own (as in the scenario-run property test): per
 * level one zone gets an extra part over its neighbours (overlaps), another a small part inside a
 * third zone (nested), a third a part with a hole; pupils are added on every city zone vertex (on
 * boundaries), so the overlap rule and the boundary rule choose.
 */
function messyDataset(): Dataset {
  const { zones, corners } = messyZoning(dataset);
  const p = dataset.pupils;
  const n = p.count + corners.length;
  const cat = <T extends Float64Array | Int32Array | Uint8Array | Uint32Array>(a: T, extra: number[]) => {
    const out = new (a.constructor as new (n: number) => T)(n);
    out.set(a);
    out.set(extra, a.length);
    return out;
  };
  const pupils = computePupilLayout({
    x: cat(p.x, corners.map(([x]) => x)),
    y: cat(p.y, corners.map(([, y]) => y)),
    grade: cat(p.grade, corners.map((_, i) => 1 + (i % 9))),
    fixedSchool: cat(p.fixedSchool, corners.map(() => -1)),
    currentSchool: cat(p.currentSchool, corners.map(() => -1)),
    line: cat(p.line, corners.map(() => 0)),
    unit: cat(p.unit, corners.map(() => -1)),
  }, DEFAULT_RULES);
  return { ...dataset, pupils, zoneState: { ...dataset.zoneState, zones } };
}

describe('the incremental projection against its from-scratch twin', () => {
  it('after random edits and steps back, moving the run gives exactly the projection and the per-year distances from scratch', () => {
    const { compared, differed, distanceDiffered } = expectRunsAgree(dataset, DEFAULT_RULES, 6, 3, 20261204);
    // The edits must have changed the projection often, or the agreement says little.
    expect(compared).toBeGreaterThan(6);
    expect(differed).toBeGreaterThan(3);
    expect(distanceDiffered).toBeGreaterThan(3);
  }, 600_000);

  it('agrees on overlapping, nested and holed zones with pupils on their vertices, under both overlap rules', () => {
    const messy = messyDataset();
    for (const overlapRule of OVERLAP_RULES) {
      const { compared } = expectRunsAgree(messy, { ...DEFAULT_RULES, overlapRule }, 3, 2, 20261205);
      expect(compared).toBeGreaterThan(2);
    }
  }, 600_000);

  it('refuses to move when a state has shared zones (多校划片), leaving the run as it was', () => {
    const run = createProjectionRun({ dataset, state: dataset.zoneState, scenario: NO_RULES, settings: { ...settings, years: 1 }, rules: DEFAULT_RULES });
    const before = run.projection;
    const area = { type: 'Polygon' as const, coordinates: [[[118.73, 36.86], [118.76, 36.86], [118.76, 36.89], [118.73, 36.89], [118.73, 36.86]]] };
    const shared = applyZoneEdit(dataset.zoneState, { op: 'shareArea', level: 'primary', schoolIds: ['P01', 'N02'], area }, ctx);
    expect(run.moveTo(shared)).toBe(false);
    expect(run.state).toBe(dataset.zoneState);
    expect(run.projection).toEqual(before);
  });
});
