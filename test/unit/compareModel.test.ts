import { describe, expect, it } from 'vitest';
import type { SchoolResult, SimulationResult } from '../../src/core/simulation';
import type { StandardsResult } from '../../src/core/standards';
import { smallMultiplesOption } from '../../src/features/compare/chartOptions';
import {
  comparedScenarios,
  countySeries,
  countyTotals,
  differsFromFirst,
  filterRows,
  focusSchool,
  projectedYears,
  schoolCompareRows,
  schoolSeries,
  standardsVerdicts,
} from '../../src/features/compare/compareModel';
import { formatDelta } from '../../src/features/compare/format';
import { describeNote, projectionNoteLines } from '../../src/features/compare/projectionNotes';
import { describeGap, shortfall } from '../../src/features/standards/gap';
import type { ProjectionView } from '../../workers/scenarioProjection';

/** A school result with the figures the panel reads (the rest left at zero). */
function school(id: string, name: string, enrollment: number, classes: number, maxClassSize: number, over: number, oversize = false): SchoolResult {
  return {
    id, name, level: 'primary', ownership: 'public', planned: false, enrollment, grades: {}, classes: {}, largestClass: {},
    totalClasses: classes, maxClassSize, classesOverCap: over, largeClasses: 0, extraLargeClasses: 0, oversize, roomShortage: 0,
  };
}

function result(schools: SchoolResult[]): SimulationResult {
  const sum = (f: (s: SchoolResult) => number) => schools.reduce((a, s) => a + f(s), 0);
  return {
    schools,
    summary: {
      input: sum((s) => s.enrollment), assigned: sum((s) => s.enrollment), unassigned: 0, rejected: 0, unassignedByLevel: { primary: 0, junior: 0 },
      schools: schools.length, oversizeSchools: sum((s) => Number(s.oversize)), totalClasses: sum((s) => s.totalClasses),
      classesOverCap: sum((s) => s.classesOverCap), largeClasses: 0, extraLargeClasses: 0,
    },
  };
}

const standards = (failing: string[]): StandardsResult => ({
  primary: { cv: {} as StandardsResult['primary']['cv'], notComputable: {}, cvPass: failing.length === 0, schoolsFailing: failing.length },
  junior: { cv: {} as StandardsResult['junior']['cv'], notComputable: {}, cvPass: true, schoolsFailing: 0 },
  sections: failing.map((schoolId) => ({
    schoolId, level: 'primary', pupils: 1000, resources: {} as never, indicators: {} as never, met: 5, pass: false,
    missed: [{ key: 'roomAreaPerStudent', value: 3.9, threshold: 4.5 }], musicRooms: 1, artRooms: 1, roomsRequired: 1,
  })),
});

function view(key: string, years: [number, SchoolResult[], string[]][], pupilsMoved = 0): ProjectionView {
  return { key, baseYear: years[0][0], intake: 'repeat', notes: [{ code: 'intakeRepeats' }], pupilsMoved, years: years.map(([year, s, f]) => ({ year, result: result(s), standards: standards(f) })) };
}

const base = view('baseline', [
  [2020, [school('A', '甲小学', 2100, 40, 53, 12, true), school('B', '乙小学', 800, 20, 40, 0)], ['A']],
  [2021, [school('A', '甲小学', 2150, 41, 54, 13, true), school('B', '乙小学', 820, 20, 41, 0)], ['A']],
]);
const plan = view('s1', [
  [2020, [school('A', '甲小学', 1900, 40, 48, 5), school('B', '乙小学', 1000, 24, 42, 0)], []],
  [2021, [school('A', '甲小学', 1950, 41, 48, 6), school('B', '乙小学', 1020, 24, 43, 0)], []],
], 200);
const compared = comparedScenarios(['baseline', 's1', 'gone'], [{ id: 's1', name: '方案 1' }], { baseline: { view: base }, s1: { view: plan } }, 'baseline', '现状');

describe('the compare panel’s model', () => {
  it('names the compared scenarios in the order chosen and drops ids that no longer exist', () => {
    expect(compared.map((c) => [c.id, c.name, c.view?.key])).toEqual([['baseline', '现状', 'baseline'], ['s1', '方案 1', 's1']]);
    expect(projectedYears(compared)).toEqual([2020, 2021]);
    expect(projectedYears([{ id: 'x', name: 'x' }])).toEqual([]);
  });

  it('gives the county totals of a year, with standards per level', () => {
    expect(countyTotals(plan, 2021)).toEqual({
      pupilsMoved: 200, totalPupils: 2970, oversizeSchools: 0, totalClasses: 65, classesOverCap: 6, largeClasses: 0, extraLargeClasses: 0,
      cvPass: { primary: true, junior: true }, schoolsFailing: { primary: 0, junior: 0 },
    });
    expect(countyTotals(base, 2020)?.cvPass.primary).toBe(false);
    expect(countyTotals(base, 2030)).toBeUndefined();
  });

  it('puts each school side by side and marks what differs from the first scenario', () => {
    const rows = schoolCompareRows(compared, 2020);
    expect(rows.map((r) => r.id)).toEqual(['A', 'B']);
    expect(rows[0].cells.map((c) => c?.enrollment)).toEqual([2100, 1900]);
    expect(rows[0].changed).toBe(true);
    expect(differsFromFirst(rows[0], 1, 'enrollment')).toBe(true);
    expect(differsFromFirst(rows[0], 1, 'totalClasses')).toBe(false);
    expect(differsFromFirst(rows[0], 0, 'enrollment')).toBe(false);
    const same = schoolCompareRows([compared[0], { ...compared[0], id: 'copy' }], 2020);
    expect(same.every((r) => !r.changed)).toBe(true);
  });

  it('filters by name or id and to the schools that change', () => {
    const rows = schoolCompareRows(compared, 2020);
    expect(filterRows(rows, '乙', false).map((r) => r.id)).toEqual(['B']);
    expect(filterRows(rows, ' a ', false).map((r) => r.id)).toEqual(['A']);
    const sameB = rows.map((r) => (r.id === 'B' ? { ...r, changed: false } : r));
    expect(filterRows(sameB, '', true).map((r) => r.id)).toEqual(['A']);
  });

  it('gives series by year per scenario, null where a scenario was not projected', () => {
    expect(countySeries(compared, [2020, 2021, 2022], 'classesOverCap')).toEqual([
      { name: '现状', values: [12, 13, null] },
      { name: '方案 1', values: [5, 6, null] },
    ]);
    expect(schoolSeries(compared, [2020, 2021], 'B', 'enrollment')).toEqual([
      { name: '现状', values: [800, 820] },
      { name: '方案 1', values: [1000, 1020] },
    ]);
  });

  it('follows the selected school, else the worst one of the first scenario', () => {
    expect(focusSchool('B', compared, 2020)).toBe('B');
    expect(focusSchool(undefined, compared, 2020)).toBe('A');
    expect(focusSchool('nope', compared.slice(1), 2020)).toBe('A');
    const fine = view('ok', [[2020, [school('B', '乙小学', 800, 20, 40, 0)], []]]);
    expect(focusSchool(undefined, [{ id: 'ok', name: 'ok', view: fine }], 2020)).toBeUndefined();
  });

  it('gives the standards verdict per level with the failing sections', () => {
    const v = standardsVerdicts(base, 2021)!;
    expect(v.primary.cvPass).toBe(false);
    expect(v.primary.failing.map((x) => x.schoolId)).toEqual(['A']);
    expect(v.junior).toEqual({ cvPass: true, failing: [] });
    expect(standardsVerdicts(base, 1999)).toBeUndefined();
  });
});

describe('words and numbers of the panel', () => {
  it('writes a gap in plain units, shared with the compliance card', () => {
    const missed = { key: 'roomAreaPerStudent' as const, value: 3.9, threshold: 4.5 };
    expect(shortfall({ pupils: 2597 }, missed)).toBe(1559);
    expect(describeGap('zh-CN', { pupils: 2597 }, missed)).toBe('生均教学及辅助用房面积 3.9 平方米/生，需 4.5 平方米/生，按 2,597 名学生约缺 1,559 平方米');
    expect(describeGap('en', { pupils: 200 }, { key: 'teachersQualifiedPer100', value: 3.5, threshold: 4.2 })).toBe(
      'qualified teachers 3.5 per 100 pupils, needs 4.2 per 100 pupils: short about 2 teachers at 200 pupils',
    );
  });

  it('writes the projection notes in words, once each', () => {
    expect(describeNote('zh-CN', { code: 'birthsCoverage', share: 0.8 })).toBe('出生数据只覆盖基准年 80% 的一年级学生所在小区/村，其余地方没有预测新生。');
    expect(describeNote('en', { code: 'intakeWithoutPlace', births: 1234 })).toBe('1,234 births are in units without a place and are not projected.');
    expect(projectionNoteLines('en', [base, plan])).toEqual([expect.stringContaining('No births data')]);
    expect(projectionNoteLines('zh-CN', [{ ...base, intake: 'births', notes: [] }])).toEqual(['一年级新生按出生数据预测']);
  });

  it('signs differences', () => {
    expect(formatDelta('zh-CN', 1200)).toBe('+1,200');
    expect(formatDelta('en', -3)).toBe('−3');
    expect(formatDelta('en', 0)).toBe('');
  });

  it('lays charts side by side with one legend of scenarios', () => {
    const option = smallMultiplesOption([2020, 2021], [
      { title: 'a', series: countySeries(compared, [2020, 2021], 'classesOverCap') },
      { title: 'b', series: countySeries(compared, [2020, 2021], 'oversizeSchools') },
    ], String) as { legend: { data: string[] }; grid: unknown[]; xAxis: { data: string[] }[]; series: { name: string; xAxisIndex: number; data: (number | null)[] }[] };
    expect(option.legend.data).toEqual(['现状', '方案 1']);
    expect(option.grid).toHaveLength(2);
    expect(option.xAxis[1].data).toEqual(['2020', '2021']);
    expect(option.series.map((s) => [s.name, s.xAxisIndex, s.data])).toEqual([
      ['现状', 0, [12, 13]], ['方案 1', 0, [5, 6]], ['现状', 1, [1, 1]], ['方案 1', 1, [0, 0]],
    ]);
  });
});
