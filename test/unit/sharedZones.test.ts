import { describe, expect, it } from 'vitest';
import { GRADE_STRIDE } from '../../src/core/aggregate';
import type { School } from '../../src/core/dataset';
import { DEFAULT_RULES } from '../../src/core/rules';
import { applyZoneState, computeScenarioRun } from '../../src/core/scenarioRun';
import { apportion, computeFreePlaces, computeSharedWeights, drawSharedZone } from '../../src/core/sharedLottery';
import { computeNearbyCounts } from '../../src/core/standards';
import { applyZoneEdit, EditError, type EditContext } from '../../src/core/zoneEdits';
import { loadShared, SHARED_RULES } from './sharedFixture';

const grades = (counts: Int32Array, s: number) => Array.from(counts.subarray(s * GRADE_STRIDE + 1, s * GRADE_STRIDE + 4));

describe('the lottery of a shared zone (多校划片)', () => {
  it('apportions by the largest remainder, ties to the earlier school', () => {
    // 10 × 3/4 = 7.5 and 10 × 1/4 = 2.5: whole parts 7 and 2, remainders equal, the extra one to the first.
    expect(apportion(10, [3, 1])).toEqual([8, 2]);
    expect(apportion(10, [15, 5])).toEqual([8, 2]);
    // 3 × 3/4 = 2.25 and 0.75: whole parts 2 and 0, the larger remainder (0.75) gets the last one.
    expect(apportion(3, [15, 5])).toEqual([2, 1]);
    // 7 / 3 each: 2, 2, 2 and one left, to the first.
    expect(apportion(7, [1, 1, 1])).toEqual([3, 2, 2]);
    expect(apportion(5, [0, 1])).toEqual([0, 5]);
    expect(apportion(0, [2, 1])).toEqual([0, 0]);
  });

  it('weighs schools by free places, equally when unknown, all zero or asked', () => {
    const school = (level: School['level'], classrooms?: number): School => ({ id: 'S', name: 'S', level, ownership: 'public', classrooms, lon: 0, lat: 0, facilities: {} });
    // 12 rooms × 45 − 500 = 40; a junior school 8 × 50 − 420 = −20 → 0.
    expect(computeFreePlaces(school('primary', 12), 500, 'primary', DEFAULT_RULES)).toBe(40);
    expect(computeFreePlaces(school('junior', 8), 420, 'junior', DEFAULT_RULES)).toBe(0);
    // A nine-year school of 10 rooms: 6/9 of them (6.67 → 6) for primary, 3/9 (3.33 → 3) for junior.
    expect(computeFreePlaces(school('nine_year', 10), 100, 'primary', DEFAULT_RULES)).toBe(6 * 45 - 100);
    expect(computeFreePlaces(school('nine_year', 10), 100, 'junior', DEFAULT_RULES)).toBe(3 * 50 - 100);
    expect(computeFreePlaces(school('primary'), 0, 'primary', DEFAULT_RULES)).toBeUndefined();
    expect(computeSharedWeights([15, 5], 'freePlaces')).toEqual([15, 5]);
    expect(computeSharedWeights([15, 5], 'equal')).toEqual([1, 1]);
    expect(computeSharedWeights([15, undefined], 'freePlaces')).toEqual([1, 1]);
    expect(computeSharedWeights([0, 0], 'freePlaces')).toEqual([1, 1]);
  });

  it('keeps enrolled pupils at their school and draws the others per grade', () => {
    const pupils = [
      { grade: 1, line: 2, current: -1 },
      { grade: 1, line: 3, current: 7 },
      { grade: 1, line: 4, current: 3 },
      { grade: 1, line: 5, current: 9 },
      { grade: 2, line: 6, current: -1 },
    ];
    const draw = drawSharedZone([3, 7], [1, 1], 99, 1, pupils);
    // Rows 1 and 2 keep 7 and 3; rows 0 and 3 (9 is not a school of the zone) share grade 1 one
    // each; row 4 alone in grade 2 goes to the first school.
    expect(draw.school[1]).toBe(7);
    expect(draw.school[2]).toBe(3);
    expect([draw.school[0], draw.school[3]].sort()).toEqual([3, 7]);
    expect(draw.school[4]).toBe(3);
    expect(draw.kept).toEqual([1, 1]);
    expect(draw.drawn).toEqual([2, 1]);
  });
});

describe('shared zones in a run', () => {
  const dataset = loadShared();
  const [A, B] = [0, 1];

  it('splits the shared zone 3 : 1 by free places, enrolled pupils keeping their school', () => {
    const run = computeScenarioRun(dataset, dataset.zoneState, SHARED_RULES);
    // A: own 5 + 8 of the 10 entrants; the enrolled grade-2 pupil; 2 of the 3 grade-3 pupils.
    expect(grades(run.counts, A)).toEqual([13, 1, 2]);
    // B: own 5 + 2 entrants; its 2 enrolled grade-2 pupils; 1 grade-3 pupil.
    expect(grades(run.counts, B)).toEqual([7, 2, 1]);
    expect(run.result.shared).toEqual([{ level: 'primary', schoolIds: ['A', 'B'], weights: [15, 5], kept: [1, 2], drawn: [10, 3] }]);
    expect(run.result.summary.unassigned).toBe(0);
  });

  it('splits equally under equal weights', () => {
    const run = computeScenarioRun(dataset, dataset.zoneState, { ...SHARED_RULES, sharedZoneWeights: 'equal' });
    // 10 entrants 5 : 5; 3 grade-3 pupils 1.5 : 1.5, the extra one to A.
    expect(grades(run.counts, A)).toEqual([10, 1, 2]);
    expect(grades(run.counts, B)).toEqual([10, 2, 1]);
  });

  it('gives the same draw for the same seed, and another order but the same totals for another', () => {
    const entrantsAtB = (seed: number) => {
      const run = computeScenarioRun(dataset, dataset.zoneState, { ...SHARED_RULES, sharedZoneSeed: seed });
      const rows: number[] = [];
      for (let i = 0; i < dataset.pupils.count; i++) if (run.zoneOf[i] >= dataset.schools.length && dataset.pupils.grade[i] === 1 && run.schoolOf[i] === B) rows.push(dataset.pupils.line[i]);
      return { lines: rows.sort((a, b) => a - b), counts: Array.from(run.counts) };
    };
    const one = entrantsAtB(1);
    expect(entrantsAtB(1)).toEqual(one);
    const two = entrantsAtB(2);
    expect(one.lines.length).toBe(2);
    expect(two.lines.length).toBe(2);
    expect(two.lines).not.toEqual(one.lines);
    expect(two.counts).toEqual(one.counts);
  });

  it('counts a shared-zone pupil attending one of its schools as 就近', () => {
    const run = computeScenarioRun(dataset, dataset.zoneState, SHARED_RULES);
    const nearby = computeNearbyCounts(dataset.pupils, run.zoneSchoolOf);
    expect(nearby.get(`${A}:primary`)).toEqual({ enrolled: 1, inZone: 1 });
    expect(nearby.get(`${B}:primary`)).toEqual({ enrolled: 2, inZone: 2 });
  });
});

describe('shareArea: giving a drawn area to several schools', () => {
  const dataset = loadShared();
  const ctx: EditContext = { schools: dataset.schools, schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])), unitIndex: new Map() };
  // The east half of A's own zone (4 of its 5 pupils are west of 118.007, one east).
  const area = { type: 'Polygon' as const, coordinates: [[[118.007, 35.99], [118.012, 35.99], [118.012, 36.02], [118.007, 36.02], [118.007, 35.99]]] };

  it('moves the area from A and from the zone A and B share into the zone B and C now share, incrementally as from scratch', () => {
    const next = applyZoneEdit(dataset.zoneState, { op: 'shareArea', level: 'primary', schoolIds: ['C', 'B'], area }, ctx);
    expect([...next.shared.primary.keys()]).toEqual(['0,1', '1,2']);
    expect(next.shared.primary.get('1,2')!.schools).toEqual([1, 2]);
    const run = computeScenarioRun(dataset, dataset.zoneState, SHARED_RULES);
    const moves = applyZoneState(run, dataset, next, SHARED_RULES);
    const scratch = computeScenarioRun(dataset, next, SHARED_RULES);
    expect(run.result).toEqual(scratch.result);
    expect(Array.from(run.schoolOf)).toEqual(Array.from(scratch.schoolOf));
    expect(Array.from(run.zoneSchoolOf)).toEqual(Array.from(scratch.zoneSchoolOf));
    // In the B–C zone: A's pupil at 118.008 and the entrants at 118.0105 and 118.0114 (the two at
    // x = 118.012 lie on its east edge and stay east, in the A–B zone). Weights: B 10 − 5 = 5,
    // C 30 − 0 = 30; 3 × 5/35 = 0.43 and 3 × 30/35 = 2.57 → 0 and 2, C's remainder is larger → 0 : 3.
    // A–B keeps 8 entrants with weights A 20 − 4 = 16, B 5: 6.10 and 1.90 → 6 and 1, B's remainder
    // larger → 6 : 2; grade 3: 2.29 and 0.71 → 2 and 0, B's remainder → 2 : 1.
    expect(scratch.result.shared).toEqual([
      { level: 'primary', schoolIds: ['A', 'B'], weights: [16, 5], kept: [1, 2], drawn: [8, 3] },
      { level: 'primary', schoolIds: ['B', 'C'], weights: [5, 30], kept: [0, 0], drawn: [0, 3] },
    ]);
    expect(grades(scratch.counts, 0)).toEqual([4 + 6, 1, 2]);
    expect(grades(scratch.counts, 1)).toEqual([5 + 2, 2, 1]);
    expect(grades(scratch.counts, 2)).toEqual([3, 0, 0]);
    expect(moves.filter((m) => m.to === 2).length).toBe(3);
    // Undo: back to the start exactly.
    applyZoneState(run, dataset, dataset.zoneState, SHARED_RULES);
    expect(run.result).toEqual(computeScenarioRun(dataset, dataset.zoneState, SHARED_RULES).result);
  });

  it('draws again when a school of the zone gets other classrooms, incrementally as from scratch', () => {
    const next = applyZoneEdit(dataset.zoneState, { op: 'setFacilities', schoolId: 'A', facilities: { classrooms: 1 } }, ctx);
    const run = computeScenarioRun(dataset, dataset.zoneState, SHARED_RULES);
    applyZoneState(run, dataset, next, SHARED_RULES);
    const scratch = computeScenarioRun(dataset, next, SHARED_RULES);
    expect(run.result).toEqual(scratch.result);
    expect(Array.from(run.schoolOf)).toEqual(Array.from(scratch.schoolOf));
    // A: 1 room × 10 − 5 = 5 free places, as B: 10 entrants 5 : 5, 3 grade-3 pupils 1.5 : 1.5 → 2 : 1.
    expect(scratch.result.shared![0].weights).toEqual([5, 5]);
    expect(grades(scratch.counts, 0)).toEqual([5 + 5, 1, 2]);
    expect(grades(scratch.counts, 1)).toEqual([5 + 5, 2, 1]);
  });

  it('refuses fewer than two schools, a private school or one of another level', () => {
    const refused = (schoolIds: string[]) => {
      try {
        applyZoneEdit(dataset.zoneState, { op: 'shareArea', level: 'primary', schoolIds, area }, ctx);
      } catch (e) {
        return (e as EditError).code;
      }
      return 'applied';
    };
    expect(refused(['A', 'A'])).toBe('tooFewSchools');
    expect(refused(['A', 'X'])).toBe('privateSchool');
    expect(refused(['A', 'J'])).toBe('wrongLevel');
    expect(refused(['A', 'Q'])).toBe('unknownSchool');
  });
});
