import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeDataProblem } from '../../src/core/dataProblems';
import { DEFAULT_RULES } from '../../src/core/rules';
import { simulate } from '../../src/core/scenarioRun';
import { readDataset, type DatasetTexts } from '../../src/io/readDataset';

const dir = join(import.meta.dirname, '../fixtures/tiny');
const texts = (): DatasetTexts => ({
  'schools.geojson': readFileSync(join(dir, 'schools.geojson'), 'utf8'),
  'catchments.geojson': readFileSync(join(dir, 'catchments.geojson'), 'utf8'),
  'students.csv': readFileSync(join(dir, 'students.csv'), 'utf8'),
});

describe('simulate on a hand-made county', () => {
  const { dataset } = readDataset(texts(), DEFAULT_RULES, 2024);
  const result = simulate(dataset, DEFAULT_RULES);
  const school = (id: string) => result.schools.find((s) => s.id === id)!;

  it('assigns zoned pupils by the zone of their level', () => {
    expect(school('P1').grades).toEqual({ 1: 3, 2: 2, 3: 0, 4: 0, 5: 0, 6: 0 });
    expect(school('P2').grades[1]).toBe(2);
    expect(school('J1').grades).toEqual({ 7: 1, 8: 0, 9: 1 });
  });

  it('counts private pupils at their school wherever they live', () => {
    expect(school('X1').enrollment).toBe(1);
    expect(school('X1').grades[2]).toBe(1);
    // x1 lives in P2's zone but is not counted there.
    expect(school('P2').enrollment).toBe(2);
  });

  it('leaves pupils outside every zone of their level unassigned (gap, hole, far away)', () => {
    expect(result.summary.unassignedByLevel).toEqual({ primary: 1, junior: 2 });
  });

  it('rejects bad rows with file, line and reason, and the counts reconcile', () => {
    expect(dataset.rejected.map((r) => r.line)).toEqual([14, 16, 17, 18, 19, 20]);
    expect(dataset.rejected[0]).toMatchObject({ file: 'students.csv', line: 14, reason: 'grade 8 is not taught at 民办小学 (school_id "X1")' });
    const { code, params } = dataset.rejected[0].problem!;
    expect(describeDataProblem(code, params, 'zh-CN')).toBe('民办小学（学校代码 "X1"）不开设 8 年级');
    expect(dataset.rejected.slice(1).map((r) => r.reason)).toEqual([
      'grade "0" is not a whole number from 1 to 9',
      'grade "abc" is not a whole number from 1 to 9',
      'lat "" is not a latitude in degrees',
      'lon "200" is not a longitude in degrees',
      'id is empty',
    ]);
    const s = result.summary;
    expect(s.input).toBe(19);
    expect(s.assigned).toBe(10);
    expect(s.unassigned).toBe(3);
    expect(s.rejected).toBe(6);
    expect(s.assigned + s.unassigned + s.rejected).toBe(s.input);
  });

  it('keeps a pupil with an unknown school_id, zoned, with a warning', () => {
    expect(dataset.warnings).toMatchObject([{ file: 'students.csv', line: 15, reason: 'school_id "ZZZ" is not in the schools file; zoned as usual' }]);
  });

  it('forms classes and flags by the rules', () => {
    expect(school('P1').classes[1]).toBe(1);
    expect(school('P1').utilization).toBeCloseTo(2 / 6);
    expect(school('P2').utilization).toBeUndefined();
    expect(school('N9').planned).toBe(true);
    expect(school('N9').enrollment).toBe(0);
  });
});
