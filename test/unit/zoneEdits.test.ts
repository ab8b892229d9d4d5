import { area, multiPolygon } from '@turf/turf';
import { union } from 'polyclip-ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/core/rules';
import { applyZoneState, computeScenarioRun } from '../../src/core/scenarioRun';
import { describeEditProblem } from '../../src/core/editProblems';
import { applyZoneEdit, EditError, type EditContext, type ZoneEdit } from '../../src/core/zoneEdits';
import type { MultiPolygonCoords } from '../../src/core/zoneState';
import { readDataset } from '../../src/io/readDataset';
import { unitCellArea } from '../../src/core/units/datasetCells';

const dir = join(import.meta.dirname, '../fixtures/tiny');
const header = 'id,lon,lat,grade,school_id,unit_id\n';
/** The tiny county (P1 west half, P2 south-east quarter, a gap north-east; J1 everywhere) with these pupils. */
function tiny(rows: string) {
  const { dataset } = readDataset({
    'schools.geojson': readFileSync(join(dir, 'schools.geojson'), 'utf8'),
    'catchments.geojson': readFileSync(join(dir, 'catchments.geojson'), 'utf8'),
    'students.csv': header + rows,
  }, DEFAULT_RULES, 2024);
  const ctx: EditContext = {
    schools: dataset.schools,
    schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])),
    unitIndex: new Map(dataset.unitIds.map((u, i) => [u, i])),
    unitArea: (level, u) => unitCellArea(dataset, level, u),
  };
  return { dataset, ctx };
}
const rect = (x0: number, y0: number, x1: number, y1: number) => ({ type: 'Polygon' as const, coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
const areaOf = (m: MultiPolygonCoords | undefined) => (m ? area(multiPolygon(m)) : 0);
const PUPILS = [
  'w1,118.002,36.002,1,,V1', // P1, stays
  'm1,118.008,36.003,1,,V2', // P1, inside the block given to P2
  'm2,118.009,36.004,4,,V2', // P1, inside the block too
  'e1,118.015,36.005,2,,V3', // P2
  'g1,118.015,36.015,3,,V3', // in the gap
].join('\n');

describe('zone edits on a hand-made county', () => {
  it('assignArea moves the block and its pupils from P1 to P2, keeping the total area', () => {
    const { dataset, ctx } = tiny(PUPILS);
    const run = computeScenarioRun(dataset, dataset.zoneState, DEFAULT_RULES);
    const before = dataset.zoneState.zones.primary;
    const edit: ZoneEdit = { op: 'assignArea', level: 'primary', schoolId: 'P2', area: rect(118.006, 36.0, 118.01, 36.005) };
    const next = applyZoneEdit(dataset.zoneState, edit, ctx);
    const after = next.zones.primary;
    const block = area(rect(118.006, 36.0, 118.01, 36.005));
    expect(areaOf(after.get(0))).toBeCloseTo(areaOf(before.get(0)) - block, -1);
    expect(areaOf(after.get(1))).toBeCloseTo(areaOf(before.get(1)) + block, -1);
    expect(next.zones.junior).toBe(dataset.zoneState.zones.junior);

    const moves = applyZoneState(run, dataset, next, DEFAULT_RULES);
    expect(moves).toHaveLength(2);
    const p1 = run.result.schools[0];
    const p2 = run.result.schools[1];
    expect(p1.grades).toMatchObject({ 1: 1, 4: 0 });
    expect(p2.grades).toMatchObject({ 1: 1, 2: 1, 4: 1 });
    expect(run.result).toEqual(computeScenarioRun(dataset, next, DEFAULT_RULES).result);
  });

  it('setZone makes the geometry the whole zone: its old part outside becomes a gap, a gap inside joins', () => {
    const { dataset, ctx } = tiny(PUPILS);
    const run = computeScenarioRun(dataset, dataset.zoneState, DEFAULT_RULES);
    expect(run.unassignedByLevel.primary).toBe(1); // g1
    const next = applyZoneEdit(dataset.zoneState, { op: 'setZone', level: 'primary', schoolId: 'P2', geometry: rect(118.016, 36.0, 118.02, 36.02) }, ctx);
    applyZoneState(run, dataset, next, DEFAULT_RULES);
    // e1 (118.015) is now in the gap left behind; g1 (118.015) is still outside the new zone.
    expect(run.unassignedByLevel.primary).toBe(2);
    expect(run.result.schools[1].enrollment).toBe(0);
    expect(areaOf(next.zones.primary.get(0))).toBeCloseTo(areaOf(dataset.zoneState.zones.primary.get(0)), -1);
    expect(run.result).toEqual(computeScenarioRun(dataset, next, DEFAULT_RULES).result);
  });

  it('assignUnits moves a unit’s cell and its pupils to the school, and undo brings them back', () => {
    const { dataset, ctx } = tiny(PUPILS);
    const run = computeScenarioRun(dataset, dataset.zoneState, DEFAULT_RULES);
    const base = structuredClone(run.result);
    const next = applyZoneEdit(dataset.zoneState, { op: 'assignUnits', level: 'primary', schoolId: 'P2', unitIds: ['V2'] }, ctx);
    const moves = applyZoneState(run, dataset, next, DEFAULT_RULES);
    expect(moves.map((m) => [m.from, m.to])).toEqual([[0, 1], [0, 1]]);
    expect(run.result.schools[1].enrollment).toBe(3);
    applyZoneState(run, dataset, dataset.zoneState, DEFAULT_RULES);
    expect(run.result).toEqual(base);
  });

  it('mergeZones joins P1’s zone to P2’s and moves P1’s pupils', () => {
    const { dataset, ctx } = tiny(PUPILS);
    const run = computeScenarioRun(dataset, dataset.zoneState, DEFAULT_RULES);
    const next = applyZoneEdit(dataset.zoneState, { op: 'mergeZones', level: 'primary', schoolId: 'P2', fromSchoolId: 'P1' }, ctx);
    expect(next.zones.primary.has(0)).toBe(false);
    expect(areaOf(next.zones.primary.get(1))).toBeCloseTo(areaOf(dataset.zoneState.zones.primary.get(0)) + areaOf(dataset.zoneState.zones.primary.get(1)), -1);
    applyZoneState(run, dataset, next, DEFAULT_RULES);
    expect(run.result.schools[0].enrollment).toBe(0);
    expect(run.result.schools[1].enrollment).toBe(4);
    expect(run.result).toEqual(computeScenarioRun(dataset, next, DEFAULT_RULES).result);
  });

  it('a locked zone keeps its area: a drawn area skips it, other edits of it are refused', () => {
    const { dataset, ctx } = tiny(PUPILS);
    const locked = applyZoneEdit(dataset.zoneState, { op: 'lockZone', level: 'primary', schoolId: 'P1', locked: true }, ctx);
    // The area covers both P1 and P2; only P2's part moves (to nobody else here: give it to P1? refused).
    expect(() => applyZoneEdit(locked, { op: 'assignArea', level: 'primary', schoolId: 'P1', area: rect(118.005, 36.0, 118.015, 36.005) }, ctx)).toThrow(/zone of 西小学 is locked/);
    expect(() => applyZoneEdit(locked, { op: 'mergeZones', level: 'primary', schoolId: 'P2', fromSchoolId: 'P1' }, ctx)).toThrow(/locked/);
    expect(() => applyZoneEdit(locked, { op: 'setZone', level: 'primary', schoolId: 'P2', geometry: rect(118.005, 36.0, 118.02, 36.01) }, ctx)).toThrow(/overlaps the locked primary zone of 西小学/);
    const afterArea = applyZoneEdit(locked, { op: 'assignArea', level: 'primary', schoolId: 'P2', area: rect(118.005, 36.0, 118.015, 36.005) }, ctx);
    expect(afterArea.zones.primary.get(0)).toBe(locked.zones.primary.get(0));
    const unlocked = applyZoneEdit(locked, { op: 'lockZone', level: 'primary', schoolId: 'P1', locked: false }, ctx);
    expect(applyZoneEdit(unlocked, { op: 'assignArea', level: 'primary', schoolId: 'P2', area: rect(118.005, 36.0, 118.015, 36.005) }, ctx).zones.primary.get(0)).not.toBe(locked.zones.primary.get(0));
  });

  it('moveVertex moves a boundary point: the zones sharing it follow, the zone it now reaches gives way', () => {
    const { dataset, ctx } = tiny(`${PUPILS}\nt1,118.0095,36.008,2,,V4`);
    const run = computeScenarioRun(dataset, dataset.zoneState, DEFAULT_RULES);
    // (118.01, 36.01) is a corner of P2 lying on P1's edge: moving it west makes P2 take a triangle of P1.
    const next = applyZoneEdit(dataset.zoneState, { op: 'moveVertex', level: 'primary', schoolId: 'P2', from: [118.01, 36.01], to: [118.008, 36.01] }, ctx);
    const triangle = area({ type: 'Polygon', coordinates: [[[118.01, 36.0], [118.01, 36.01], [118.008, 36.01], [118.01, 36.0]]] });
    expect(areaOf(next.zones.primary.get(1))).toBeCloseTo(areaOf(dataset.zoneState.zones.primary.get(1)) + triangle, -1);
    expect(areaOf(next.zones.primary.get(0))).toBeCloseTo(areaOf(dataset.zoneState.zones.primary.get(0)) - triangle, -1);
    const moves = applyZoneState(run, dataset, next, DEFAULT_RULES);
    expect(moves.map((m) => dataset.pupils.line[m.pupil])).toEqual([7]); // t1, the 6th data row
    expect(run.result).toEqual(computeScenarioRun(dataset, next, DEFAULT_RULES).result);
    // The shared corner (118.01, 36.0) moves in both zones at once, and they do not overlap after.
    const shared = applyZoneEdit(dataset.zoneState, { op: 'moveVertex', level: 'primary', schoolId: 'P1', from: [118.01, 36.0], to: [118.012, 36.0] }, ctx);
    const [p1, p2] = [shared.zones.primary.get(0)!, shared.zones.primary.get(1)!];
    expect(p1.flat(2)).toContainEqual([118.012, 36.0]);
    expect(p2.flat(2)).toContainEqual([118.012, 36.0]);
    // Within 50 m² (floating-point slivers of the clipping) of an exact partition, on zones of ~1 km².
    expect(areaOf(p1) + areaOf(p2)).toBeCloseTo(areaOf(union(p1, p2) as MultiPolygonCoords), -2);
    expect(() => applyZoneEdit(dataset.zoneState, { op: 'moveVertex', level: 'primary', schoolId: 'P1', from: [118.5, 36.5], to: [118.6, 36.6] }, ctx)).toThrow(/no boundary point/);
    expect(() => applyZoneEdit(dataset.zoneState, { op: 'moveVertex', level: 'primary', schoolId: 'P2', from: [118.02, 36.0], to: [118.02, 36.02] }, ctx)).toThrow(/crosses itself/);
  });

  it('moveVertex changes only the land between the old and new edges: a zone nested in a moved zone, and an overlap far from the point, stay', () => {
    // P2 also has a small part nested in P1 (drawn over it, no hole in P1) and a strip overlapping P1's west edge.
    const nested: [number, number][][] = [[[118.003, 36.012], [118.005, 36.012], [118.005, 36.014], [118.003, 36.014], [118.003, 36.012]]];
    const strip: [number, number][][] = [[[118.0, 36.004], [118.002, 36.004], [118.002, 36.006], [118.0, 36.006], [118.0, 36.004]]];
    const { dataset, ctx } = tiny(`${PUPILS}\nn1,118.004,36.013,1,,V5\ns1,118.001,36.005,1,,V6`);
    const primary = new Map(dataset.zoneState.zones.primary);
    primary.set(1, [...primary.get(1)!, nested, strip]);
    const state = { ...dataset.zoneState, zones: { ...dataset.zoneState.zones, primary } };
    // The corner the two zones share moves 200 m east. P1's east edge now runs from (118.012, 36.0) to
    // (118.01, 36.02): P1 gains that triangle, partly from P2 (below 36.01) and partly from the gap.
    // P2 loses the part of it that was P2's: the quadrilateral under 36.01.
    const next = applyZoneEdit(state, { op: 'moveVertex', level: 'primary', schoolId: 'P1', from: [118.01, 36.0], to: [118.012, 36.0] }, ctx);
    const gained = area({ type: 'Polygon', coordinates: [[[118.01, 36.0], [118.012, 36.0], [118.01, 36.02], [118.01, 36.0]]] });
    const lost = area({ type: 'Polygon', coordinates: [[[118.01, 36.0], [118.012, 36.0], [118.011, 36.01], [118.01, 36.01], [118.01, 36.0]]] });
    const [nestedArea, stripArea] = [nested, strip].map((p) => areaOf([p]));
    expect(areaOf(next.zones.primary.get(0))).toBeCloseTo(areaOf(primary.get(0)) + gained, -1);
    // P2's nested part and strip lie in P1 and still count towards P2's area: they are P2's still.
    expect(areaOf(next.zones.primary.get(1))).toBeCloseTo(areaOf(dataset.zoneState.zones.primary.get(1)) - lost + nestedArea + stripArea, -1);
    expect(next.zones.primary.get(1)).toContainEqual(nested);
    expect(next.zones.primary.get(1)).toContainEqual(strip);
    // The nested pupil stays with P2 (the smallest zone), as before the move.
    const run = computeScenarioRun(dataset, state, DEFAULT_RULES);
    const moves = applyZoneState(run, dataset, next, DEFAULT_RULES);
    const n1 = dataset.pupils.line.indexOf(8);
    expect(moves.map((m) => m.pupil)).not.toContain(n1);
    expect(run.schoolOf[n1]).toBe(1);
  });

  it('setFacilities adds classrooms from the base year on, and not before its year', () => {
    const rows = Array.from({ length: 100 }, (_, i) => `p${i},118.002,36.002,1,,V1`).join('\n');
    const { dataset, ctx } = tiny(rows);
    const run = computeScenarioRun(dataset, dataset.zoneState, DEFAULT_RULES);
    // 100 grade-1 pupils in P1's 6 rooms: 3 classes of 34/33/33 (rooms are not short), so give it 1 room.
    const squeezed = applyZoneEdit(dataset.zoneState, { op: 'setFacilities', schoolId: 'P1', facilities: { classrooms: 1 } }, ctx);
    applyZoneState(run, dataset, squeezed, DEFAULT_RULES);
    expect(run.result.schools[0]).toMatchObject({ classrooms: 1, maxClassSize: 100, extraLargeClasses: 1 });
    expect(run.result).toEqual(computeScenarioRun(dataset, squeezed, DEFAULT_RULES).result);
    const later = applyZoneEdit(dataset.zoneState, { op: 'setFacilities', schoolId: 'P1', facilities: { classrooms: 1 }, fromYear: 2030 }, ctx);
    applyZoneState(run, dataset, later, DEFAULT_RULES);
    expect(run.result.schools[0]).toMatchObject({ classrooms: 6, maxClassSize: 34 });
    expect(() => applyZoneEdit(dataset.zoneState, { op: 'setFacilities', schoolId: 'P1', facilities: { pool_m2: 3 } }, ctx)).toThrow(/unknown facility field "pool_m2"/);
    expect(() => applyZoneEdit(dataset.zoneState, { op: 'setFacilities', schoolId: 'P1', facilities: { classrooms: 2.5 } }, ctx)).toThrow(/"classrooms" must be a number/);
    expect(() => applyZoneEdit(dataset.zoneState, { op: 'setFacilities', schoolId: 'P1', facilities: {} }, ctx)).toThrow(/at least one field/);
  });

  it('rejects bad edits with a clear reason and changes nothing', () => {
    const { dataset, ctx } = tiny(PUPILS);
    const state = dataset.zoneState;
    const snapshot = structuredClone(state);
    const bad: [unknown, RegExp][] = [
      [{ op: 'assignArea', level: 'primary', schoolId: 'NOPE', area: rect(118, 36, 118.01, 36.01) }, /unknown school "NOPE"/],
      [{ op: 'assignArea', level: 'senior', schoolId: 'P1', area: rect(118, 36, 118.01, 36.01) }, /level must be primary or junior/],
      [{ op: 'assignArea', level: 'junior', schoolId: 'P1', area: rect(118, 36, 118.01, 36.01) }, /西小学 does not teach junior grades/],
      [{ op: 'assignArea', level: 'primary', schoolId: 'X1', area: rect(118, 36, 118.01, 36.01) }, /民办小学 is private/],
      [{ op: 'assignUnits', level: 'primary', schoolId: 'P1', unitIds: ['V9'] }, /unknown unit "V9"/],
      [{ op: 'assignUnits', level: 'primary', schoolId: 'P1', unitIds: [] }, /at least one unit/],
      [{ op: 'assignArea', level: 'primary', schoolId: 'P1', area: { type: 'Polygon', coordinates: [[[118, 36], [118.01, 36.01], [118.01, 36], [118, 36.01], [118, 36]]] } }, /crosses itself/],
      [{ op: 'assignArea', level: 'primary', schoolId: 'P1', area: { type: 'Polygon', coordinates: [[[118, 36], [118.01, 36], [118.02, 36], [118, 36]]] } }, /no area/],
      [{ op: 'assignArea', level: 'primary', schoolId: 'P1', area: { type: 'Polygon', coordinates: [] } }, /polygon without rings|empty/],
      [{ op: 'assignArea', level: 'primary', schoolId: 'P1', area: { type: 'Point', coordinates: [118, 36] } }, /must be a GeoJSON Polygon/],
      [{ op: 'assignArea', level: 'primary', schoolId: 'P2', area: rect(119, 37, 119.01, 37.01) }, /covers no zone/],
      [{ op: 'explode', level: 'primary', schoolId: 'P2' }, /unknown op "explode"/],
      [{ op: 'mergeZones', level: 'primary', schoolId: 'P2', fromSchoolId: 'P2' }, /into itself/],
      [{ op: 'mergeZones', level: 'primary', schoolId: 'P2', fromSchoolId: 'N9' }, /新学校 has no primary zone/],
      [{ op: 'lockZone', level: 'primary', schoolId: 'N9', locked: true }, /新学校 has no primary zone to lock/],
    ];
    for (const [edit, message] of bad) {
      expect(() => applyZoneEdit(state, edit as ZoneEdit, ctx)).toThrow(EditError);
      expect(() => applyZoneEdit(state, edit as ZoneEdit, ctx)).toThrow(message);
    }
    const county = [[[[118, 36], [118.02, 36], [118.02, 36.02], [118, 36.02], [118, 36]]]] as MultiPolygonCoords;
    expect(() => applyZoneEdit(state, { op: 'setZone', level: 'primary', schoolId: 'P2', geometry: rect(119, 37, 119.01, 37.01) }, { ...ctx, county })).toThrow(/outside the county/);
    expect(structuredClone(state)).toEqual(snapshot);
  });
});

describe('edit problems in both languages', () => {
  it('say the same thing in Chinese and English, with the subject and level translated', () => {
    const { dataset, ctx } = tiny(PUPILS);
    let error: EditError | undefined;
    try {
      applyZoneEdit(dataset.zoneState, { op: 'assignArea', level: 'junior', schoolId: 'P1', area: rect(118, 36, 118.01, 36.01) }, ctx);
    } catch (e) {
      error = e as EditError;
    }
    expect(error?.code).toBe('wrongLevel');
    expect(describeEditProblem(error!.code, error!.params, 'zh-CN')).toBe('西小学 不招收初中学生');
    expect(describeEditProblem(error!.code, error!.params, 'en')).toBe(error!.message);
    expect(describeEditProblem('selfIntersecting', { what: 'area', at: '118.00000, 36.00000' }, 'zh-CN')).toBe('该区域的边界自相交（118.00000, 36.00000 附近）');
    expect(describeEditProblem('noArea', { what: { schoolZone: '东小学' } }, 'en')).toBe("东小学's zone has no area");
  });
});
