import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { simulateCli } from './simulateCli';

const root = join(import.meta.dirname, '../..');
const tiny = join(root, 'test/fixtures/tiny');
const work = mkdtempSync(join(tmpdir(), 'simulate-registry-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));


// A registry export: the term in the file name, cohort grades, a total row; pupils at the tiny dataset's homes.
const PUPILS = [
  '学籍号,经度,纬度,年级,学校代码', // line 1
  'a1,118.002,36.002,2023级,P1', // 2: primary → grade 2 (2024) or 3 (2025), zone P1
  'b1,118.012,36.002,2024级,P2', // 3: grade 1 (2024); 2025: grade 2, zone P2
  'j1,118.005,36.005,2022级,J1', // 4: junior → grade 9 (2024); 2025: grade 10, rejected
  'a1,118.003,36.003,一年级,P1', // 5: a1 again, rejected naming line 2
  '合计,,,,', // 6: skipped
].join('\n') + '\n';

describe('npm run simulate on a registry export', () => {
  const pupils = join(work, '学生名单2024秋.csv');
  writeFileSync(pupils, PUPILS);

  it('reads the base year from the file name, converts cohorts, skips the total row and says so', () => {
    const out = join(work, 'registry.json');
    const r = simulateCli('--data', tiny, '--students', pupils, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('base year 2024, as 学生名单2024秋.csv (name: "2024秋") says\n'
      + `wrote ${out}: 5 schools; pupils read 4 = assigned 3 + unassigned 0 + rejected 1; 1 row(s) skipped (totals, header copies, pupils off the roll)\n`);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.students).toEqual({ input: 4, assigned: 3, unassigned: 0, rejected: 1 });
    expect(json.skipped).toEqual([{ file: '学生名单2024秋.csv', line: 6, reason: 'total row skipped ("合计")' }]);
    expect(json.rejected).toEqual([{ file: '学生名单2024秋.csv', line: 5, reason: 'id "a1" is also on line 2, which is loaded; this row is not' }]);
    const grades = (id: string) => json.schools.find((s: { id: string }) => s.id === id).grades;
    expect(grades('P1')).toEqual({ '1': 0, '2': 1, '3': 0, '4': 0, '5': 0, '6': 0 });
    expect(grades('P2')).toEqual({ '1': 1, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0 });
    expect(grades('J1')).toEqual({ '7': 0, '8': 0, '9': 1 });
  });

  it('--base-year overrides the file name, and files that disagree are reported', () => {
    const schools = join(work, '学校2023学年.csv');
    writeFileSync(schools, '学校代码,学校名称,学段,办学性质,经度,纬度\nP1,西小学,小学,公办,118.005,36.005\nP2,东小学,小学,公办,118.015,36.005\nJ1,中学,初中,公办,118.01,36.015\nX1,民办小学,小学,民办,118.012,36.012\nN9,新学校,九年一贯制,公办,118.018,36.018\n');
    const out = join(work, 'registry-2025.json');
    const r = simulateCli('--data', tiny, '--schools', schools, '--students', pupils, '--base-year', '2025', '--years', '0', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe('warning: the files disagree on the base year: 学生名单2024秋.csv (name: "2024秋") says 2024; 学校2023学年.csv (name: "2023学年") says 2023; 2025 (--base-year) is used');
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.baseYear).toBe(2025);
    expect(json.students).toEqual({ input: 4, assigned: 2, unassigned: 0, rejected: 2 });
    expect(json.rejected.map((r: { line: number; reason: string }) => [r.line, r.reason])).toEqual([
      [4, 'grade "2022级" is grade 10 in the autumn term of 2025, outside grades 7 to 9'],
      [5, 'id "a1" is also on line 2, which is loaded; this row is not'],
    ]);
    expect(json.schools.find((s: { id: string }) => s.id === 'P1').grades['3']).toBe(1);
    expect(json.schools.find((s: { id: string }) => s.id === 'P2').grades['2']).toBe(1);
  });
});
