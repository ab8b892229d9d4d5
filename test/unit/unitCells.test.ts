import { describe, expect, it } from 'vitest';
import { computeScenarioRun } from '../../src/core/scenarioRun';
import { unitAdjacency } from '../../src/core/units/unitAdjacency';
import { applyZoneEdit, EditError } from '../../src/core/zoneEdits';
import { parseBarriers } from '../../src/io/parseRoads';
import type { MultiPolygonCoords } from '../../src/core/zoneState';
import { box, cellCounty, planarArea } from './cellsFixture';

// Hand-made counties on a 0.01° lattice east of 118° E, north of 36° N: X(2) is 118.02, Y(1) 36.01.
const X = (a: number) => 118 + a / 100;
const Y = (b: number) => 36 + b / 100;
const B = (x0: number, y0: number, x1: number, y1: number) => box(X(x0), Y(y0), X(x1), Y(y1));
/** Area in lattice squares (0.01° × 0.01°). */
const cellsOf = (m: MultiPolygonCoords) => planarArea(m) * 1e4;
/** The neighbours of each unit by id, ids sorted. */
function neighbours(c: ReturnType<typeof cellCounty>, state = c.dataset.zoneState): Record<string, string[]> {
  const adj = unitAdjacency(c.dataset, state, 'primary');
  const ids = c.dataset.unitIds;
  return Object.fromEntries(ids.map((id, u) => [id, [...adj.neighbours.subarray(adj.offsets[u], adj.offsets[u + 1])].map((v) => ids[v]).sort()]));
}
/** Pupils by school id under a state (from scratch). */
function enrollment(c: ReturnType<typeof cellCounty>, state = c.dataset.zoneState): Record<string, number> {
  const run = computeScenarioRun(c.dataset, state, c.rules);
  return Object.fromEntries(run.result.schools.map((s, i) => [c.dataset.schools[i].id, s.enrollment]));
}

describe('unit cells on hand-made counties', () => {
  it('splits a zone between its units along their bisector and ends at the zone boundary', () => {
    const c = cellCounty({ zones: [['A', B(0, 0, 2, 1)], ['B', B(2, 0, 4, 1)]], pupils: [[X(0.5), Y(0.5), 'U1'], [X(1.5), Y(0.5), 'U2'], [X(3), Y(0.5), 'U3'], [X(3.2), Y(0.7), 'U3']] });
    // U1 and U2 share A along x = 1 (the bisector of 0.5 and 1.5); U3 is all of B.
    expect(cellsOf(c.area('U1'))).toBeCloseTo(1, 6);
    expect(cellsOf(c.area('U2'))).toBeCloseTo(1, 6);
    expect(cellsOf(c.area('U3'))).toBeCloseTo(2, 6);
    expect(neighbours(c)).toEqual({ U1: ['U2'], U2: ['U1', 'U3'], U3: ['U2'] });
    expect(c.cells.strayPupils).toBe(0);
  });

  it('links units sharing a border, not those meeting at a point (four quadrant zones)', () => {
    const c = cellCounty({
      zones: [['SW', B(0, 0, 1, 1)], ['SE', B(1, 0, 2, 1)], ['NW', B(0, 1, 1, 2)], ['NE', B(1, 1, 2, 2)]],
      pupils: [[X(0.5), Y(0.5), 'sw'], [X(1.5), Y(0.5), 'se'], [X(0.5), Y(1.5), 'nw'], [X(1.5), Y(1.5), 'ne']],
    });
    expect(neighbours(c)).toEqual({ sw: ['nw', 'se'], se: ['ne', 'sw'], nw: ['ne', 'sw'], ne: ['nw', 'se'] });
  });

  it('gives a shared place to the unit with more homes there and counts the others as stray', () => {
    const c = cellCounty({
      zones: [['A', B(0, 0, 2, 1)]],
      pupils: [[X(0.5), Y(0.5), 'U1'], [X(0.5), Y(0.5), 'U1'], [X(0.5), Y(0.5), 'U2'], [X(1.5), Y(0.5), 'U2']],
    });
    expect(c.cells.strayPupils).toBe(1);
    expect(cellsOf(c.area('U1'))).toBeCloseTo(1, 6);
    expect(cellsOf(c.area('U2'))).toBeCloseTo(1, 6);
  });

  it('gives a unit without pupils the cell of its point, and none to a unit with neither', () => {
    const c = cellCounty({
      zones: [['A', B(0, 0, 4, 1)]],
      pupils: [[X(0.5), Y(0.5), 'U1'], [X(2.5), Y(0.5), 'E']],
      units: [['P', X(3.5), Y(0.5)]],
    });
    // Bisectors at x = 1.5 (U1 | E) and x = 3 (E | P).
    expect(cellsOf(c.area('U1'))).toBeCloseTo(1.5, 6);
    expect(cellsOf(c.area('E'))).toBeCloseTo(1.5, 6);
    expect(cellsOf(c.area('P'))).toBeCloseTo(1, 6);
    const none = cellCounty({ zones: [['A', B(0, 0, 1, 1)]], pupils: [[X(0.5), Y(0.5), 'U1']], units: [['Q', X(5), Y(5)]] });
    expect(none.area('Q')).toEqual([]);
    expect(() => applyZoneEdit(none.dataset.zoneState, { op: 'assignUnits', level: 'primary', schoolId: 'A', unitIds: ['Q'] }, none.ctx)).toThrow(/unit "Q" has no home in a primary zone/);
  });

  it('clips cells to where a nested zone does not win, and moves a nested unit out of its zone', () => {
    // C lies inside B without a hole; the smallest zone wins, so B's units share B less C.
    const c = cellCounty({
      zones: [['B', B(0, 0, 4, 2)], ['C', B(1, 0.5, 2, 1.5)]],
      pupils: [[X(1.5), Y(1), 'V'], [X(0.5), Y(1), 'W1'], [X(3), Y(1), 'W2']],
    });
    // W1 | W2 at x = 1.75: W1 = 1.75 × 2 − 0.75 × 1, W2 = 2.25 × 2 − 0.25 × 1.
    expect(cellsOf(c.area('V'))).toBeCloseTo(1, 6);
    expect(cellsOf(c.area('W1'))).toBeCloseTo(2.75, 6);
    expect(cellsOf(c.area('W2'))).toBeCloseTo(4.25, 6);
    expect(neighbours(c)).toEqual({ V: ['W1', 'W2'], W1: ['V', 'W2'], W2: ['V', 'W1'] });
    const next = applyZoneEdit(c.dataset.zoneState, { op: 'assignUnits', level: 'primary', schoolId: 'B', unitIds: ['V'] }, c.ctx);
    expect(next.zones.primary.has(c.ctx.schoolIndex.get('C')!)).toBe(false);
    expect(enrollment(c, next)).toEqual({ B: 3, C: 0 });
  });

  it('fills a hole with the zone inside it, and a multi-part zone has a cell in each part', () => {
    const holed: MultiPolygonCoords = [[B(0, 0, 3, 3)[0][0], B(1, 1, 2, 2)[0][0].slice().reverse()]];
    const c = cellCounty({
      zones: [['A', holed], ['H', B(1, 1, 2, 2)], ['M', [...B(3, 0, 4, 1), ...B(3, 2, 4, 3)]]],
      pupils: [[X(0.5), Y(1.5), 'a'], [X(1.5), Y(1.5), 'h'], [X(3.5), Y(0.5), 'm1'], [X(3.5), Y(2.5), 'm2']],
    });
    expect(cellsOf(c.area('a'))).toBeCloseTo(8, 6);
    expect(cellsOf(c.area('h'))).toBeCloseTo(1, 6);
    // M's parts each hold one unit: the bisector y = 1.5 falls in the gap between them.
    expect(cellsOf(c.area('m1'))).toBeCloseTo(1, 6);
    expect(cellsOf(c.area('m2'))).toBeCloseTo(1, 6);
    expect(neighbours(c)).toEqual({ a: ['h', 'm1', 'm2'], h: ['a'], m1: ['a'], m2: ['a'] });
    const next = applyZoneEdit(c.dataset.zoneState, { op: 'assignUnits', level: 'primary', schoolId: 'A', unitIds: ['m2', 'h'] }, c.ctx);
    expect(cellsOf(next.zones.primary.get(c.ctx.schoolIndex.get('A')!)!)).toBeCloseTo(10, 6);
    expect(cellsOf(next.zones.primary.get(c.ctx.schoolIndex.get('M')!)!)).toBeCloseTo(1, 6);
    expect(enrollment(c, next)).toEqual({ A: 3, H: 0, M: 1 });
  });

  it('moves every piece of a unit cut by a zone boundary, and the map of zones shows it', () => {
    const c = cellCounty({
      zones: [['A', B(0, 0, 2, 1)], ['B', B(2, 0, 4, 1)], ['T', B(0, 1, 4, 2)]],
      pupils: [[X(0.5), Y(0.5), 'a'], [X(1.5), Y(0.5), 'cut'], [X(2.5), Y(0.5), 'cut'], [X(3.5), Y(0.5), 'b'], [X(2), Y(1.5), 't']],
    });
    expect(c.cells.pieceStart[c.unit('cut') + 1] - c.cells.pieceStart[c.unit('cut')]).toBe(2);
    expect(cellsOf(c.area('cut'))).toBeCloseTo(2, 6);
    const next = applyZoneEdit(c.dataset.zoneState, { op: 'assignUnits', level: 'primary', schoolId: 'T', unitIds: ['cut'] }, c.ctx);
    const zone = (id: string) => cellsOf(next.zones.primary.get(c.ctx.schoolIndex.get(id)!)!);
    expect([zone('A'), zone('B'), zone('T')].map((a) => Math.round(a * 1e6) / 1e6)).toEqual([1, 1, 6]);
    expect(enrollment(c, next)).toEqual({ A: 1, B: 1, T: 3 });
    // Undo is the state before: untouched.
    expect(enrollment(c)).toEqual({ A: 2, B: 2, T: 1 });
  });

  it('keeps the part of a cell in a locked zone, and refuses when all of it is locked', () => {
    const c = cellCounty({ zones: [['A', B(0, 0, 2, 1)], ['B', B(2, 0, 4, 1)]], pupils: [[X(0.5), Y(0.5), 'a'], [X(1.5), Y(0.5), 'a2'], [X(3), Y(0.5), 'b']] });
    const locked = applyZoneEdit(c.dataset.zoneState, { op: 'lockZone', level: 'primary', schoolId: 'A', locked: true }, c.ctx);
    expect(() => applyZoneEdit(locked, { op: 'assignUnits', level: 'primary', schoolId: 'B', unitIds: ['a2'] }, c.ctx)).toThrow(/units lie in the locked primary zone of 学校A/);
    expect(() => applyZoneEdit(locked, { op: 'assignUnits', level: 'primary', schoolId: 'A', unitIds: ['b'] }, c.ctx)).toThrow(EditError);
  });

  it('does not link units across a barrier line, nor across a third school\u2019s zone', () => {
    const c = cellCounty({
      zones: [['A', B(0, 0, 2, 1)], ['S', B(2, 0, 2.1, 1)], ['B', B(2.1, 0, 4, 1)]],
      pupils: [[X(0.5), Y(0.5), 'a1'], [X(1.5), Y(0.5), 'a2'], [X(2.05), Y(0.5), 's'], [X(3), Y(0.5), 'b']],
    });
    expect(neighbours(c)).toEqual({ a1: ['a2'], a2: ['a1', 's'], s: ['a2', 'b'], b: ['s'] });
    // A river along x = 1 (between a1 and a2) and beyond the county both ways, read from a barriers
    // file as a load reads it: the same lines the distances count crossings of.
    const river = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { kind: '河流', name: '弥河' }, geometry: { type: 'LineString', coordinates: [[X(1), Y(-1)], [X(1), Y(2)]] } }] };
    c.dataset.barrierLines = parseBarriers('barriers.geojson', JSON.stringify(river));
    expect(neighbours(c)).toEqual({ a1: [], a2: ['s'], s: ['a2', 'b'], b: ['s'] });
    // A railway given as a polygon (its ring) around b cuts b from s; the river still cuts a1 from a2.
    const yard = { type: 'Feature', properties: { kind: 'railway' }, geometry: { type: 'Polygon', coordinates: B(2.5, -1, 3.5, 2)[0] } };
    c.dataset.barrierLines = parseBarriers('barriers.geojson', JSON.stringify({ ...river, features: [...river.features, yard] }));
    expect(neighbours(c)).toEqual({ a1: [], a2: ['s'], s: ['a2'], b: [] });
    c.dataset.barrierLines = undefined;
    // A third school's zone drawn over the border of a1 and a2 cuts their link.
    const drawn = applyZoneEdit(c.dataset.zoneState, { op: 'assignArea', level: 'primary', schoolId: 'S', area: { type: 'Polygon', coordinates: B(0.9, -1, 1.1, 2)[0] } }, c.ctx);
    expect(neighbours(c, drawn).a1).toEqual([]);
  });
});
