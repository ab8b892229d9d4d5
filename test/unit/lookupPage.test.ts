import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeLookupIndex } from '../../src/core/publish/lookupIndex';
import { DEFAULT_RULES } from '../../src/core/rules';
import type { School } from '../../src/core/dataset';
import { applyZoneEdit, type ZoneEdit } from '../../src/core/zoneEdits';
import { buildLookupPage, lookupPageData, pinyinInitials, type LookupPageData } from '../../src/io/export/lookupPage';
import { LOOKUP_SCRIPT } from '../../src/io/export/lookupScript';
import { parseScenario } from '../../src/io/parseScenario';
import { OPTIONAL_FILES, readDataset, REQUIRED_FILES, type DatasetTexts } from '../../src/io/readDataset';
import { noticeUnits } from '../../workers/zoneNoticeRun';
import { warningCountyTexts } from './warningCounty';

const box = (x0: number, x1: number) => ({ type: 'Polygon' as const, coordinates: [[[x0, 36.003], [x1, 36.003], [x1, 36.007], [x0, 36.007], [x0, 36.003]]] });

/** The page of a dataset's files under its edits, its data and the page's own search. */
function pageOf(texts: DatasetTexts, edits: (schools: School[]) => ZoneEdit[], baseYear = 2020) {
  const loaded = readDataset(texts, DEFAULT_RULES, baseYear);
  const d = loaded.dataset;
  const ctx = { schools: d.schools, schoolIndex: new Map(d.schools.map((s, i) => [s.id, i])), unitIndex: new Map(d.unitIds.map((u, i) => [u, i])) };
  const state = edits(d.schools).reduce((s, e) => applyZoneEdit(s, e, ctx), d.zoneState);
  const index = computeLookupIndex(d, state, noticeUnits(loaded), DEFAULT_RULES);
  const data = lookupPageData(index, d.schools, { dataset: { zh: d.name, en: d.nameEn ?? d.name }, year: d.baseYear + 1, baseYear: d.baseYear, synthetic: d.synthetic, locale: 'zh-CN' });
  const search = new Function('globalThis', `${LOOKUP_SCRIPT}; return search;`)({ LOOKUP_DATA: data }) as (q: string) => number[];
  return { loaded, index, data, search, html: buildLookupPage(data) };
}

// The warning county (A west, B east, J over both; units 西村 UA at 118.005 and 东村 UB at 118.015, y 36.005),
// a road 东西大街 across it at y 36.0045 and an unnamed one; the scenario gives B a box around UA and
// makes a box around UB a zone A and B share (多校划片).
function county() {
  const road = (name: string | undefined, y: number) => ({ type: 'Feature', properties: { class: 'local', ...(name && { name }) }, geometry: { type: 'LineString', coordinates: [[118.001, y], [118.019, y]] } });
  const texts = warningCountyTexts({ 'roads.geojson': JSON.stringify({ type: 'FeatureCollection', features: [road('东西大街', 36.0045), road(undefined, 36.009)] }) });
  texts['students.csv'] = texts['students.csv']!.replace('unit_id\n', 'unit_id,name\n').replace(/^(p7,[^\n]*)$/m, '$1,王小红');
  return pageOf(texts, () => [
    { op: 'assignArea', level: 'primary', schoolId: 'B', area: box(118.003, 118.007) },
    { op: 'shareArea', level: 'primary', schoolIds: ['A', 'B'], area: box(118.013, 118.017) },
  ]);
}

describe('学区查询 page', () => {
  it('gives each compound, village and named road its zoned schools now and under 现状', () => {
    const { index } = county();
    const [A, B, J] = [0, 1, 2];
    expect(index.schools).toEqual([A, B, J]);
    expect(index.places.map((p) => [p.kind, p.name, p.now, p.before])).toEqual([
      ['unit', '西村', { primary: [[B]], junior: [[J]] }, { primary: [[A]], junior: [[J]] }],
      ['unit', '东村', { primary: [[A, B]], junior: [[J]] }, { primary: [[B]], junior: [[J]] }],
      // West to east: A, the box given to B, A, B, the shared box, B.
      ['road', '东西大街', { primary: [[A], [B], [A, B]], junior: [[J]] }, { primary: [[A], [B]], junior: [[J]] }],
    ]);
  });

  it('carries pinyin initials and finds places by name and by initials, best first', () => {
    const { data, search } = county();
    expect(data.p.map((p) => p[3])).toEqual(['xc', 'dc', 'dxdj']);
    expect(search('xc')).toEqual([0]);
    expect(search('dxd')).toEqual([2]);
    expect(search('  东 ')).toEqual([1, 2]);
    expect(search('村')).toEqual([0, 1]);
    expect(search('北')).toEqual([]);
    expect(pinyinInitials('阳光花园3期')).toBe('yghy3q');
  });

  it('is one HTML file that fetches nothing and holds no pupil name', () => {
    const { html } = county();
    expect(html).toContain('default-src \'none\'');
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html).not.toContain('王小红');
  });
});

/** Whether `text` holds any of `strings`, by looking up its every substring of their lengths. */
function holdsAny(text: string, strings: Iterable<string>): string | undefined {
  const set = new Set(strings);
  for (const length of new Set([...set].map((s) => s.length))) {
    for (let i = 0; i + length <= text.length; i++) if (set.has(text.slice(i, i + length))) return text.slice(i, i + length);
  }
  return undefined;
}

describe('学区查询 page of Shouguang under the plan', () => {
  it('holds no pupil id and no coordinate: its map is on a grid of whole numbers, not degrees', () => {
    const dir = join(import.meta.dirname, '../../data/shouguang');
    const texts = Object.fromEntries([...REQUIRED_FILES, ...OPTIONAL_FILES].map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    const scenarioFile = join(dir, '../scenarios/shengcheng-to-huiwen.json');
    const { html, index, data } = pageOf(texts, (schools) => parseScenario(scenarioFile, readFileSync(scenarioFile, 'utf8'), schools).edits);
    const rows = texts['students.csv']!.trim().split('\n').slice(1).map((line) => line.split(','));
    expect(rows.length).toBe(121_429);
    expect(holdsAny(html, rows.map((r) => r[0]))).toBeUndefined();
    expect(holdsAny(html, rows.flatMap((r) => [r[1], r[2]]))).toBeUndefined();
    // No number with four or more decimals (a coordinate rounded to ~10 m or finer) at all.
    expect(html.match(/\d\.\d{4,}/)).toBeNull();
    // Every unit with a point and every named road is searchable.
    expect(index.places.filter((p) => p.kind === 'unit').length).toBe(960);
    expect(index.places.filter((p) => p.kind === 'road').length).toBe(11);
    expect((data as LookupPageData).p.length).toBe(971);
  });
});
