import { describe, expect, it } from 'vitest';
import type { School } from '../../src/core/dataset';
import { DEFAULT_RULES } from '../../src/core/rules';
import { computeValidationReport, describeValidationItem } from '../../src/core/validation';
import { pupilsAtTheirSchool } from '../../src/core/validation/pupilsAtSchool';

const school = (id: string, name: string, lon: number, ownership: School['ownership'] = 'public'): School => ({
  id, name, level: 'primary', ownership, lon, lat: 37, classrooms: 24,
} as School);
const schools = [school('A', '甲小学', 118), school('B', '乙小学', 118.01), school('C', '丙学校', 118.02, 'private')];
// Metres east of a school at latitude 37° in degrees of longitude.
const east = (m: number) => m / (111_195 * Math.cos((37 * Math.PI) / 180));

// [lon, school]: at A's pin four times, 0.5 m from it once (placed at it), 2 m once (not); a pupil of
// B at A's pin (not A's pupil: not counted); two of B's at B's pin (too few); five of the private C at its pin.
const rows: [number, number][] = [
  [118, 0], [118, 0], [118, 0], [118, 0], [118 + east(0.5), 0], [118 + east(2), 0], [118.005, 0],
  [118, 1], [118.01, 1], [118.01, 1], [118.015, 1],
  [118.02, 2], [118.02, 2], [118.02, 2], [118.02, 2], [118.02, 2],
];
const pupils = {
  x: rows.map(([x]) => x),
  y: rows.map(() => 37),
  grade: rows.map(() => 3),
  currentSchool: rows.map(([, s]) => s),
};

describe('pupils placed at their own school', () => {
  it('names a public school with three or more of its pupils within 1 m of it, with its count and first lines', () => {
    expect(pupilsAtTheirSchool(pupils, schools, 3)).toEqual([{
      kind: 'pupilsAtSchool', severity: 'warning', schools: [{ id: 'A', name: '甲小学' }],
      pupils: 5, enrolled: 7, lines: [2, 3, 4], geometry: { type: 'Point', coordinates: [118, 37] },
    }]);
  });

  it('is a warning of the validation report, said in Chinese and English', () => {
    const report = computeValidationReport({ schools, zones: [], pupils, baseYear: 2024, rules: DEFAULT_RULES });
    const item = report.items.find((i) => i.kind === 'pupilsAtSchool')!;
    expect(item.severity).toBe('warning');
    expect(describeValidationItem(item, 'zh-CN')).toBe('甲小学：7 名学生中有 5 名的住址坐标就是学校所在位置（第 2、3、4、5、6 行）——多为住址不详时填了学校地址。他们计入学校所在的片区，改划边界也不会随住址变动：请核对其住址');
    expect(describeValidationItem(item, 'en')).toContain('甲小学: 5 of its 7 pupils live exactly at the school (lines 2, 3, 4, 5, 6)');
  });

  it('leaves out homes not yet placed (no coordinates) and pupils of no known school', () => {
    const few = { x: [NaN, 118, 118, 118], y: [NaN, 37, 37, 37], grade: [1, 1, 1, 1], currentSchool: [0, -1, 0, 0] };
    expect(pupilsAtTheirSchool(few, schools, 5)).toEqual([]);
  });
});
