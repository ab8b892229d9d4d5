import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/core/rules';
import { readDataset } from '../../src/io/readDataset';
import { datasetTitle } from '../../src/i18n/datasetTitle';
import { datasetKey, formerDatasetKey } from '../../src/app/datasetKey';

const dir = join(import.meta.dirname, '../../data/shouguang');
const read = (f: string) => readFileSync(join(dir, f), 'utf8');
// The first 300 pupils are enough: only the name is looked at.
const students = read('students.csv').split('\n').slice(0, 301).join('\n');
const base = { 'schools.geojson': read('schools.geojson'), 'catchments.geojson': read('catchments.geojson'), 'students.csv': students };
const outline = (...names: (string | undefined)[]) => JSON.stringify({
  type: 'FeatureCollection',
  features: names.map((name, i) => ({ type: 'Feature', properties: name === undefined ? {} : { name }, geometry: { type: 'Polygon', coordinates: [[[118 + i, 36], [118.5 + i, 36], [118.5 + i, 37], [118 + i, 37], [118 + i, 36]]] } })),
});
const named = (texts: Record<string, string>) => {
  const { name, nameGiven } = readDataset(texts, DEFAULT_RULES, 2020).dataset;
  return { name, nameGiven };
};

describe("a dataset's name", () => {
  it("is dataset.json's when it gives one, whatever the county outline says", () => {
    expect(named({ ...base, 'dataset.json': read('dataset.json'), 'county.geojson': read('county.geojson') })).toEqual({ name: '寿光市（合成数据）', nameGiven: true });
  });

  it('is the place the county outline names when there is no dataset.json (raw files from a bureau)', () => {
    expect(named({ ...base, 'county.geojson': read('county.geojson') })).toEqual({ name: '寿光市', nameGiven: false });
    expect(named({ ...base, 'dataset.json': '{"baseYear": 2020}', 'county.geojson': outline(' 样本县 ', undefined, '样本县') })).toEqual({ name: '样本县', nameGiven: false });
  });

  it('is empty when nothing names one place: no outline, an outline without names, or naming two places', () => {
    expect(named(base)).toEqual({ name: '', nameGiven: false });
    expect(named({ ...base, 'county.geojson': outline(undefined) })).toEqual({ name: '', nameGiven: false });
    expect(named({ ...base, 'county.geojson': outline('甲镇', '乙镇') })).toEqual({ name: '', nameGiven: false });
  });

  it('is shown in the planner’s language, and as “unnamed” when empty', () => {
    expect(datasetTitle({ name: '寿光市', nameEn: 'Shouguang' }, 'zh-CN')).toBe('寿光市');
    expect(datasetTitle({ name: '寿光市', nameEn: 'Shouguang' }, 'en')).toBe('Shouguang');
    expect(datasetTitle({ name: '样本县' }, 'en')).toBe('样本县');
    expect(datasetTitle({ name: '' }, 'zh-CN')).toBe('未命名数据集');
    expect(datasetTitle({ name: '' }, 'en')).toBe('Unnamed dataset');
  });

  it("keys saved work by it; an unnamed dataset's former key ('dataset') is where its earlier work is", () => {
    const schools = readDataset(base, DEFAULT_RULES, 2020).dataset.schools;
    const d = { name: '样本县', nameGiven: false, baseYear: 2024, schools, rowsRead: 1391 };
    expect(datasetKey(d)).toBe(`样本县|2024|${schools.length}|1391`);
    expect(formerDatasetKey(d)).toBe(`dataset|2024|${schools.length}|1391`);
    expect(formerDatasetKey({ ...d, name: '' })).toBe(`dataset|2024|${schools.length}|1391`);
    expect(formerDatasetKey({ ...d, nameGiven: true })).toBeUndefined();
  });
});
