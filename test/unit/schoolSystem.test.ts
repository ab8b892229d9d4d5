import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/core/rules';
import { parseSchoolSystem, primaryLastGradeOf, schoolSystemOf, withSchoolSystem } from '../../src/core/schoolSystem';
import { simulate } from '../../src/core/scenarioRun';
import { computeProjection } from '../../src/core/projection';
import { DEFAULT_PROJECTION, NO_RULES } from '../../src/core/scenarioRules';
import { DataError } from '../../src/io/dataError';
import { importDataset, readImportedDataset, type ImportFile } from '../../src/io/import';
import { pupilGrade } from '../../src/io/import/pupilGrade';
import { normaliseGrade } from '../../src/io/import/valueNormalise';
import { readDataset, type DatasetTexts } from '../../src/io/readDataset';
import { createEngineApi } from '../../workers/engineApi';
import { simulateCli } from './simulateCli';

const tiny = join(import.meta.dirname, '../fixtures/tiny');
const read = (f: string) => readFileSync(join(tiny, f), 'utf8');

// Tiny's zones: P1 west and P2 east (primary), J1 over both (junior, with a hole); X1 is a private primary school.
// a: grade 5 in P1's zone; b, c: grade 6 in P1's and P2's zones; d: grade 7; x: grade 6 at X1.
const PUPILS = ['id,lon,lat,grade,school_id', 'a,118.005,36.005,5,', 'b,118.005,36.005,6,', 'c,118.015,36.005,6,', 'd,118.005,36.005,7,', 'x,118.015,36.005,6,X1'].join('\n');
const texts = (meta?: object): DatasetTexts => ({
  'schools.geojson': read('schools.geojson'),
  'catchments.geojson': read('catchments.geojson'),
  'students.csv': PUPILS,
  ...(meta && { 'dataset.json': JSON.stringify(meta) }),
});

describe('the school system (六三制 / 五四制)', () => {
  it('is read as files and options write it, and sets the last primary grade', () => {
    for (const t of ['6-3', '63', '六三制', '６－３', ' 六三 ']) expect(parseSchoolSystem(t)).toBe('6-3');
    for (const t of ['5-4', '54', '五四制', '5+4', '５４']) expect(parseSchoolSystem(t)).toBe('5-4');
    for (const t of ['', '6-2', '九年一贯', '4-5']) expect(parseSchoolSystem(t)).toBeUndefined();
    expect([primaryLastGradeOf('6-3'), primaryLastGradeOf('5-4')]).toEqual([6, 5]);
    expect(withSchoolSystem(DEFAULT_RULES, '6-3')).toBe(DEFAULT_RULES);
    expect(schoolSystemOf(withSchoolSystem(DEFAULT_RULES, '5-4'))).toBe('5-4');
  });

  it('zones and counts grade 6 as junior under 五四制, as primary under 六三制 (hand-counted)', () => {
    const six = readDataset(texts(), DEFAULT_RULES, 2024).dataset;
    expect(six.schoolSystem).toBe('6-3');
    const r6 = simulate(six, DEFAULT_RULES);
    const at6 = (id: string) => r6.schools.find((s) => s.id === id)!;
    expect([at6('P1').enrollment, at6('P2').enrollment, at6('J1').enrollment, at6('X1').enrollment]).toEqual([2, 1, 1, 1]);
    expect(at6('J1').grades).toEqual({ 7: 1, 8: 0, 9: 0 });

    const loaded = readDataset(texts({ schoolSystem: '五四制' }), DEFAULT_RULES, 2024).dataset;
    expect(loaded.schoolSystem).toBe('5-4');
    const rules = withSchoolSystem(DEFAULT_RULES, '5-4');
    const r5 = simulate(loaded, rules);
    const at5 = (id: string) => r5.schools.find((s) => s.id === id)!;
    // b and c leave P1 and P2 for J1; a primary school teaches grades 1–5, so X1's grade-6 pupil is refused.
    expect([at5('P1').enrollment, at5('P2').enrollment, at5('J1').enrollment, at5('X1').enrollment]).toEqual([1, 0, 3, 0]);
    expect(at5('P1').grades).toEqual({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 1 });
    expect(at5('J1').grades).toEqual({ 6: 2, 7: 1, 8: 0, 9: 0 });
    // Grade 6 is under the junior cap (50) and has its own class in J1's three rooms.
    expect(at5('J1').classes).toEqual({ 6: 1, 7: 1, 8: 0, 9: 0 });
    expect(loaded.rejected.map((r) => [r.line, r.problem?.code])).toEqual([[6, 'gradeNotTaught']]);
    expect(loaded.rowsRead).toBe(5);
  });

  it('moves grade 5 up into the junior zone of home in the projection under 五四制 (hand-counted)', () => {
    const dataset = readDataset(texts({ schoolSystem: '5-4' }), DEFAULT_RULES, 2024).dataset;
    const rules = withSchoolSystem(DEFAULT_RULES, '5-4');
    const next = computeProjection({ dataset, state: dataset.zoneState, scenario: NO_RULES, settings: { ...DEFAULT_PROJECTION, years: 1 }, rules }).years[1].result;
    const at = (id: string) => next.schools.find((s) => s.id === id)!;
    // a (grade 5, P1's zone) enters J1 as grade 6; b and c go on to 7, d to 8; no grade 1 repeats (there was none).
    expect(at('J1').grades).toEqual({ 6: 1, 7: 2, 8: 1, 9: 0 });
    expect(at('P1').enrollment).toBe(0);
  });

  it('refuses a dataset.json school system it cannot read, naming the file', () => {
    for (const schoolSystem of ['七二制', 54]) {
      const read = () => readDataset(texts({ schoolSystem }), DEFAULT_RULES, 2024);
      expect(read).toThrow(DataError);
      expect(read).toThrow(expect.objectContaining({ file: 'dataset.json', code: 'badSchoolSystem' }));
    }
  });

  it('reads 初一 as the first junior grade of the system: 7 under 六三制, 6 under 五四制, whose 初四 is 9', () => {
    expect(['初一', '初1', '初中一年级', '初二', '初三', '初四'].map((g) => normaliseGrade(g))).toEqual([7, 7, 7, 8, 9, undefined]);
    expect(['初一', '初1', '初中一年级', '初二', '初三', '初四', '初中4年级', '六年级', '五年级'].map((g) => normaliseGrade(g, 5))).toEqual([6, 6, 6, 7, 8, 9, 9, 6, 5]);
    // Within a row's 学段: 一年级 of 初中 is 6 under 五四制; 五年级 of 初中 is no junior grade there.
    expect(pupilGrade('1', { rowLevel: '初中', primaryLastGrade: 5 })).toEqual({ grade: 6 });
    expect(pupilGrade('4', { rowLevel: '初中', primaryLastGrade: 5 })).toEqual({ grade: 9 });
    expect(pupilGrade('5', { rowLevel: '初中', primaryLastGrade: 5 }).note?.code).toBe('gradeLevelConflict');
    expect(pupilGrade('6', { rowLevel: '小学', primaryLastGrade: 5 }).note?.code).toBe('gradeLevelConflict');
    // A cohort entering junior in the base year's autumn is in its first junior grade.
    expect(pupilGrade('初中2024级', { baseYear: 2024, primaryLastGrade: 5 })).toEqual({ grade: 6 });
    expect(pupilGrade('初中2024级', { baseYear: 2024 })).toEqual({ grade: 7 });
  });

  describe('when files are imported', () => {
    const file = (name: string, body: string): ImportFile => ({ name, bytes: new TextEncoder().encode(body) });
    const files = () => [
      file('schools.geojson', read('schools.geojson')),
      file('catchments.geojson', read('catchments.geojson')),
      file('学生名单.csv', ['学籍号,经度,纬度,年级', 'g1,118.005,36.005,初一', 'g4,118.005,36.005,初四', 'g5,118.005,36.005,五年级'].join('\n')),
    ];
    const gradesOf = async (list: ImportFile[]) => {
      const imported = await importDataset(list);
      const { dataset } = readImportedDataset(imported, DEFAULT_RULES, 2024);
      return { system: imported.schoolSystem, stated: dataset.schoolSystem, grades: [...dataset.pupils.grade].sort(), rejected: dataset.rejected.map((r) => r.problem?.code) };
    };

    it('reads the grades under the planner’s choice, and the dataset states it', async () => {
      expect(await gradesOf(files())).toEqual({ system: '6-3', stated: '6-3', grades: [5, 7], rejected: ['badGrade'] });
      expect(await gradesOf(files().map((f) => ({ ...f, schoolSystem: '5-4' as const })))).toEqual({ system: '5-4', stated: '5-4', grades: [5, 6, 9], rejected: [] });
    });

    it('takes dataset.json’s system when the planner chose none, and the planner’s over it', async () => {
      const withMeta = [...files(), file('dataset.json', JSON.stringify({ name: '五四县', schoolSystem: '5-4' }))];
      expect(await gradesOf(withMeta)).toEqual({ system: '5-4', stated: '5-4', grades: [5, 6, 9], rejected: [] });
      const overridden = await importDataset(withMeta.map((f) => ({ ...f, schoolSystem: '6-3' as const })));
      expect(JSON.parse(overridden.texts['dataset.json']!)).toEqual({ name: '五四县', schoolSystem: '6-3' });
    });
  });

  it('in the worker, each dataset is read under its own system, not the one loaded before it', async () => {
    const api = createEngineApi();
    const asFiles = (t: DatasetTexts) => Object.entries(t).map(([name, text]) => ({ name, bytes: new TextEncoder().encode(text).buffer as ArrayBuffer }));
    const first = await api.load(asFiles(texts({ schoolSystem: '5-4' })));
    expect(first.ok && first.summary.schoolSystem).toBe('5-4');
    expect(api.simulate().result.schools.find((s) => s.id === 'J1')!.enrollment).toBe(3);
    const second = await api.load(asFiles(texts()));
    expect(second.ok && second.summary.schoolSystem).toBe('6-3');
    expect(api.simulate().result.schools.find((s) => s.id === 'J1')!.enrollment).toBe(1);
  });
});

describe('the school system through the CLI', () => {
  const work = mkdtempSync(join(tmpdir(), 'school-system-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(texts())) writeFileSync(join(work, name), text);

  it('--school-system 5-4 reads and counts grade 6 as junior and says so in the output', () => {
    const out = join(work, 'out.json');
    const r = simulateCli('--data', work, '--base-year', '2024', '--school-system', '5-4', '--out', out);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.schoolSystem).toBe('5-4');
    expect(json.schools.find((s: { id: string }) => s.id === 'J1').enrollment).toBe(3);
    expect(r.stderr).toContain('School system: 5-4');
  });

  it('refuses a system it does not know in one line naming the option', () => {
    const r = simulateCli('--data', work, '--school-system', '4-5');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('error: --school-system must be 6-3 (六三制) or 5-4 (五四制), got "4-5"');
  });
});
