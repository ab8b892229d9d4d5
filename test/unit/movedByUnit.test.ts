import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { School } from '../../src/core/dataset';
import { computeMovedByUnit, computeMovedGroups } from '../../src/core/moves';
import { formatMovedCsv } from '../../src/io/export/movedCsv';

const school = (id: string, name: string): School => ({ id, name, level: 'primary', ownership: 'public', lon: 118, lat: 36, facilities: {} });
const schools = [school('A', '甲小学'), school('B', '乙小学'), school('C', '=1+1')];
const A = 0, B = 1, C = 2, NONE = -1;
// Nine pupils: [unit, grade, before, after]; unit −1 = not given.
const rows: [number, number, number, number][] = [
  [0, 1, A, B],
  [0, 1, A, B],
  [0, 2, A, B],
  [1, 1, A, C],
  [NONE, 1, A, NONE],
  [NONE, 1, A, NONE],
  [0, 1, A, A],
  [1, 1, NONE, C],
  [0, 1, A, B],
];
const dataset = {
  schools,
  unitIds: ['U1', 'U2'],
  pupils: { unit: Int32Array.from(rows, (r) => r[0]), grade: Uint8Array.from(rows, (r) => r[1]) },
};
const before = Int32Array.from(rows, (r) => r[2]);
const after = Int32Array.from(rows, (r) => r[3]);

describe('pupils changing school by unit', () => {
  const groups = computeMovedByUnit(dataset, before, after);

  it('groups by unit, grade, from and to, largest first, then by unit and grade', () => {
    expect(groups).toEqual([
      { unit: 'U1', grade: 1, from: 'A', to: 'B', count: 3 },
      { unit: '', grade: 1, from: 'A', to: null, count: 2 },
      { unit: 'U1', grade: 2, from: 'A', to: 'B', count: 1 },
      { unit: 'U2', grade: 1, from: 'A', to: 'C', count: 1 },
      { unit: 'U2', grade: 1, from: null, to: 'C', count: 1 },
    ]);
  });

  it('adds up to the moves by grade', () => {
    const byGrade = new Map<string, number>();
    const key = (g: { from: string | null; to: string | null; grade: number }) => `${g.from}|${g.to}|${g.grade}`;
    for (const g of groups) byGrade.set(key(g), (byGrade.get(key(g)) ?? 0) + g.count);
    const moved = computeMovedGroups(dataset, before, after);
    expect(Object.fromEntries(byGrade)).toEqual(Object.fromEntries(moved.map((g) => [key(g), g.count])));
  });

  it('exports CSV with unit names, school names, 片区外 for none, and formula-like names escaped', () => {
    const text = formatMovedCsv(groups, schools, new Map([['U1', '滨河小区']]));
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(Papa.parse<string[]>(text.slice(1, -2)).data).toEqual([
      ['小区/村代码', '小区/村名称', '原学校', '新学校', '年级', '人数'],
      ['U1', '滨河小区', '甲小学', '乙小学', '1', '3'],
      ['', '', '甲小学', '片区外', '1', '2'],
      ['U1', '滨河小区', '甲小学', '乙小学', '2', '1'],
      ['U2', '', '甲小学', "'=1+1", '1', '1'],
      ['U2', '', '片区外', "'=1+1", '1', '1'],
    ]);
  });

  it('exports English headers when asked', () => {
    const text = formatMovedCsv(groups, schools, undefined, 'en');
    expect(text.split('\r\n')[0]).toBe('\uFEFFUnit ID,Unit name,From school,To school,Grade,Pupils');
    expect(text.split('\r\n')[2]).toBe(',,甲小学,outside zones,1,2');
  });
});
