import { booleanPointInPolygon, multiPolygon } from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNASSIGNED } from '../../src/core/assignment';
import { OVERLAP_RULES, type OverlapRule } from '../../src/core/rules';
import { applyZoneState, computeScenarioRun } from '../../src/core/scenarioRun';
import { applyZoneEdit, EditError } from '../../src/core/zoneEdits';
import { type MultiPolygonCoords, type ZoneState } from '../../src/core/zoneState';
import { computeZoneRanks } from '../../src/core/zoneSet';
import { box, cellCounty } from '../unit/cellsFixture';

// Small messy counties on a 0.01° lattice: overlapping, nested, holed and multi-part zones, pupils
// of a few units (some at one place with another unit's), unit points or none; random sequences
// of assignUnits and undo. The engine's school per pupil must equal a plain point-in-polygon
// assignment on the edited zones (turf, best rank first).
const X = (a: number) => 118 + a / 100;
const Y = (b: number) => 36 + b / 100;

const rect = fc.record({ x: fc.integer({ min: 0, max: 5 }), y: fc.integer({ min: 0, max: 5 }), w: fc.integer({ min: 1, max: 4 }), h: fc.integer({ min: 1, max: 4 }) });
const zone = fc.oneof(
  rect.map((r) => box(X(r.x), Y(r.y), X(r.x + r.w), Y(r.y + r.h))),
  // A zone with a hole.
  fc.record({ x: fc.integer({ min: 0, max: 3 }), y: fc.integer({ min: 0, max: 3 }) }).map(({ x, y }): MultiPolygonCoords => [[box(X(x), Y(y), X(x + 3), Y(y + 3))[0][0], box(X(x + 1), Y(y + 1), X(x + 2), Y(y + 2))[0][0].slice().reverse()]]),
  // Two parts.
  fc.tuple(rect, rect).filter(([a, b]) => a.x + a.w < b.x || b.x + b.w < a.x).map(([a, b]) => [...box(X(a.x), Y(a.y), X(a.x + a.w), Y(a.y + a.h)), ...box(X(b.x), Y(b.y), X(b.x + b.w), Y(b.y + b.h))]),
);
// Positions in thousandths of a lattice step, off the lattice lines the zones follow (a pupil on a zone edge goes either way).
const coordinate = fc.integer({ min: 0, max: 8999 }).map((k) => (k % 1000 === 0 ? k + 1 : k) / 1000);
const pupil = fc.tuple(coordinate, coordinate, fc.integer({ min: 0, max: 5 }));
const county = fc.record({
  zones: fc.array(zone, { minLength: 2, maxLength: 5 }),
  pupils: fc.array(pupil, { minLength: 4, maxLength: 30 }),
  // Pupils of another unit at the place of an earlier pupil.
  sharing: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 5 })), { maxLength: 4 }),
  points: fc.array(fc.option(fc.tuple(coordinate, coordinate)), { minLength: 7, maxLength: 7 }),
  rule: fc.constantFrom<OverlapRule>(...OVERLAP_RULES),
});
const step = fc.oneof(
  { weight: 4, arbitrary: fc.record({ school: fc.nat(), units: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 3 }) }) },
  { weight: 1, arbitrary: fc.constant('undo' as const) },
);

/** The school of each point under a state: the best-ranked zone holding it (turf), or UNASSIGNED. */
function reference(state: ZoneState, rule: OverlapRule, points: [number, number][]): number[] {
  const ranks = computeZoneRanks(state.zones.primary, rule);
  const zones = [...state.zones.primary].sort(([a], [b]) => ranks.get(a)! - ranks.get(b)!);
  return points.map((p) => zones.find(([, m]) => booleanPointInPolygon(p, multiPolygon(m)))?.[0] ?? UNASSIGNED);
}

describe('unit cells under random assignUnits sequences', () => {
  it('the engine agrees with a plain point-in-polygon assignment on the edited zones', () => {
    fc.assert(
      fc.property(county, fc.array(step, { minLength: 1, maxLength: 6 }), (c, steps) => {
        const pupils: [number, number, string][] = c.pupils.map(([x, y, u]) => [X(x), Y(y), `U${u}`]);
        for (const [k, u] of c.sharing) pupils.push([pupils[k % pupils.length][0], pupils[k % pupils.length][1], `U${u}`]);
        const units = c.points.flatMap((p, u): [string, number, number][] => (p ? [[`U${u}`, X(p[0]), Y(p[1])]] : []));
        const t = cellCounty({ zones: c.zones.map((m, i) => [`S${i}`, m]), schools: ['N'], pupils, units, rule: c.rule });
        const { dataset, ctx, rules } = t;
        const p = dataset.pupils;
        const rows = Array.from({ length: p.segmentStart[1] }, (_, i) => i);
        const points = rows.map((i): [number, number] => [p.x[i], p.y[i]]);
        const states = [dataset.zoneState];
        const run = computeScenarioRun(dataset, dataset.zoneState, rules);
        for (const s of steps) {
          if (s === 'undo') {
            if (states.length > 1) states.pop();
          } else {
            const schoolId = dataset.schools[s.school % dataset.schools.length].id;
            // Units with a cell (the others are refused: tested in unitCells.test.ts).
            const unitIds = s.units.map((u) => `U${u}`).filter((id) => t.cells.pieceStart[t.unit(id) + 1] > t.cells.pieceStart[Math.max(0, t.unit(id))]);
            if (unitIds.length === 0) continue;
            try {
              states.push(applyZoneEdit(states[states.length - 1], { op: 'assignUnits', level: 'primary', schoolId, unitIds }, ctx));
            } catch (e) {
              if (!(e instanceof EditError)) throw e;
              continue;
            }
            // Every pupil of the units whose place is their own unit's now goes to the school.
            const school = ctx.schoolIndex.get(schoolId)!;
            const after = computeScenarioRun(dataset, states[states.length - 1], rules).schoolOf;
            for (const i of rows) {
              const own = rows.filter((j) => p.x[j] === p.x[i] && p.y[j] === p.y[i]);
              const mine = own.filter((j) => p.unit[j] === p.unit[i]).length;
              const rival = Math.max(0, ...[...new Set(own.map((j) => p.unit[j]))].filter((u) => u !== p.unit[i]).map((u) => own.filter((j) => p.unit[j] === u).length));
              if (unitIds.includes(dataset.unitIds[p.unit[i]]) && mine > rival && after[i] !== UNASSIGNED) expect(after[i]).toBe(school);
            }
          }
          const state = states[states.length - 1];
          applyZoneState(run, dataset, state, rules);
          expect(rows.map((i) => run.schoolOf[i])).toEqual(reference(state, c.rule, points));
        }
      }),
      { numRuns: 40, seed: 12 },
    );
  });
});
