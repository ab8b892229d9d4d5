import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const tiny = join(root, 'test/fixtures/tiny');
const work = mkdtempSync(join(tmpdir(), 'simulate-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function simulate(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/simulate.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of the tiny dataset with one file replaced. */
function tinyWith(file: string, content: string | null): string {
  const dir = mkdtempSync(join(work, 'case-'));
  cpSync(tiny, dir, { recursive: true });
  if (content === null) rmSync(join(dir, file));
  else writeFileSync(join(dir, file), content);
  return dir;
}

function expectOneLineError(r: ReturnType<typeof simulate>, pattern: RegExp) {
  expect(r.code).toBe(1);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('npm run simulate', () => {
  it('writes the contract JSON for a dataset folder', () => {
    const out = join(work, 'tiny.json');
    const r = simulate('--data', tiny, '--out', out);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.students).toEqual({ input: 19, assigned: 10, unassigned: 3, rejected: 6 });
    expect(json.rejected).toHaveLength(6);
    expect(json.rejected[0]).toEqual({ file: 'students.csv', line: 14, reason: 'grade 8 is not taught at 民办小学 (school_id "X1")' });
    const p1 = json.schools.find((s: { id: string }) => s.id === 'P1');
    expect(p1).toMatchObject({
      id: 'P1', name: '西小学', level: 'primary', enrollment: 5,
      grades: { '1': 3, '2': 2, '3': 0, '4': 0, '5': 0, '6': 0 },
      classes: { '1': 1, '2': 1, '3': 0, '4': 0, '5': 0, '6': 0 },
      maxClassSize: 3, classesOverCap: 0, largeClasses: 0, extraLargeClasses: 0, oversize: false,
    });
    expect(json.schools.map((s: { id: string }) => s.id)).toEqual(['P1', 'P2', 'J1', 'X1', 'N9']);
  });

  it('stops with one line naming the file when a required column is missing', () => {
    const dir = tinyWith('students.csv', 'id,lon,lat\n1,118.0,36.0\n');
    expectOneLineError(simulate('--data', dir), /^error: students\.csv: missing required column\(s\) "grade"/);
  });

  it('stops with one line on truncated JSON', () => {
    const dir = tinyWith('schools.geojson', readFileSync(join(tiny, 'schools.geojson'), 'utf8').slice(0, 200));
    expectOneLineError(simulate('--data', dir), /^error: schools\.geojson: not valid JSON/);
  });

  it('stops with one line when a required file is missing, or the folder does not exist', () => {
    expectOneLineError(simulate('--data', tinyWith('students.csv', null)), /students\.csv: the file is missing/);
    expectOneLineError(simulate('--data', join(work, 'nope')), /nope: not a folder/);
  });

  it('stops with one line when a zone names an unknown school', () => {
    const zones = readFileSync(join(tiny, 'catchments.geojson'), 'utf8').replace('"school_id":"P2"', '"school_id":"P7"');
    expectOneLineError(simulate('--data', tinyWith('catchments.geojson', zones)), /catchments\.geojson: feature 2 \(school_id "P7"\): school_id "P7" is not in the schools file/);
  });

  it('applies a scenario: the plan’s example moves part of 圣城小学’s zone to 汇文学校', () => {
    const out = join(work, 'scenario.json');
    const r = simulate('--data', join(root, 'data/shouguang'), '--scenario', join(root, 'data/scenarios/shengcheng-to-huiwen.json'), '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    const shengcheng = json.schools.find((s: { id: string }) => s.id === 'P01');
    expect(shengcheng.name).toBe('圣城小学');
    expect(shengcheng.enrollment).toBeLessThan(2000);
    expect(shengcheng.maxClassSize).toBeLessThanOrEqual(45);
    expect(shengcheng.classesOverCap).toBe(0);
    const moved = json.moved as { from: string; to: string; grade: number; count: number }[];
    expect(moved.every((m) => m.from === 'P01' && m.to === 'N02' && m.grade >= 1 && m.grade <= 6)).toBe(true);
    expect(moved.reduce((a, m) => a + m.count, 0)).toBe(2600 - shengcheng.enrollment);
    expect(json.students.input).toBe(json.students.assigned + json.students.unassigned + json.students.rejected);
  });

  it('adds the quality-balance standards with --standards: county CVs per level and every school section', () => {
    const out = join(work, 'standards.json');
    const r = simulate('--data', join(root, 'data/shouguang'), '--standards', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const { standards, county } = JSON.parse(readFileSync(out, 'utf8'));
    // Classes split by the level of their grade add up to the county's; 圣城小学 and 建桥学校 (nine-year) are oversized primaries.
    for (const key of ['totalClasses', 'classesOverCap', 'largeClasses', 'extraLargeClasses']) expect(standards.primary[key] + standards.junior[key]).toBe(county[key]);
    expect(standards.primary.oversizeSchools).toBe(2);
    const keys = ['teachersQualifiedPer100', 'backbonePer100', 'peArtPer100', 'roomAreaPerStudent', 'sportsAreaPerStudent', 'equipmentValuePerStudent', 'multimediaRoomsPer100'];
    for (const level of ['primary', 'junior']) {
      expect(Object.keys(standards[level].cv).sort()).toEqual([...keys].sort());
      expect(standards[level].cvPass).toBe(Object.values<number>(standards[level].cv).every((v) => v <= (level === 'primary' ? 0.5 : 0.45)));
      expect(standards[level].largeClassShare).toBeCloseTo(standards[level].largeClasses / standards[level].totalClasses, 4);
      expect(standards[level].schoolsFailing).toBe(standards.schools.filter((s: { level: string; pass: boolean }) => s.level === level && !s.pass).length);
    }
    const shengcheng = standards.schools.find((s: { id: string }) => s.id === 'P01');
    expect(shengcheng).toMatchObject({ level: 'primary', pupils: 2600, pass: false });
    expect(shengcheng.indicators.roomAreaPerStudent).toBeLessThan(4.5);
  });

  it('assesses the standards against the profile saved with a scenario', () => {
    const file = join(work, 'profile.json');
    writeFileSync(file, JSON.stringify({ version: 1, name: 'lenient rooms', edits: [], profile: { thresholds: { primary: { roomAreaPerStudent: 3.5 } } } }));
    const out = join(work, 'profile-out.json');
    expect(simulate('--data', join(root, 'data/shouguang'), '--scenario', file, '--standards', '--out', out).code).toBe(0);
    const p01 = JSON.parse(readFileSync(out, 'utf8')).standards.schools.find((s: { id: string }) => s.id === 'P01');
    expect(p01.indicators.roomAreaPerStudent).toBeGreaterThan(3.5);
    expect(p01.met).toBe(5); // room area now met; sports area and multimedia still missed
  });

  it('stops with one line naming the edit when a scenario edit is bad, and on a bad scenario file', () => {
    const data = join(root, 'data/shouguang');
    const write = (name: string, content: string) => {
      const path = join(work, name);
      writeFileSync(path, content);
      return path;
    };
    const square = { type: 'Polygon', coordinates: [[[118.7, 36.87], [118.71, 36.87], [118.71, 36.88], [118.7, 36.88], [118.7, 36.87]]] };
    const edits = (e: unknown[]) => JSON.stringify({ version: 1, name: 't', edits: e });
    expectOneLineError(simulate('--data', data, '--scenario', write('s1.json', edits([{ op: 'assignArea', level: 'primary', schoolId: 'N02', area: square }, { op: 'assignArea', level: 'primary', schoolId: 'ZZZ', area: square }]))), /s1\.json: edit 2 \(assignArea\): unknown school "ZZZ"$/);
    expectOneLineError(simulate('--data', data, '--scenario', write('s2.json', edits([{ op: 'assignUnits', level: 'junior', schoolId: 'P01', unitIds: ['U0001'] }]))), /s2\.json: edit 1 \(assignUnits\): 圣城小学 does not teach junior grades/);
    expectOneLineError(simulate('--data', data, '--scenario', write('s3.json', edits([{ op: 'setZone', level: 'primary', schoolId: 'P01', geometry: { type: 'Polygon', coordinates: [[[120, 40], [120.1, 40], [120.1, 40.1], [120, 40.1], [120, 40]]] } }]))), /s3\.json: edit 1 \(setZone\): the zone lies outside the county/);
    expectOneLineError(simulate('--data', data, '--scenario', write('s4.json', '{"version": 7, "edits": []}')), /s4\.json: unsupported scenario version 7/);
    expectOneLineError(simulate('--data', data, '--scenario', write('s5.json', '{"version": 1, "edits": [')), /s5\.json: not valid JSON/);
    expectOneLineError(simulate('--data', data, '--scenario', write('s6.json', '{"version": 1, "edits": [], "profile": {"cvMax": {"primary": "low"}}}')), /s6\.json: the standards profile: cvMax\.primary must be a number ≥ 0, got "low"/);
   }, 180_000);

  it('projects years with --years and a scenario\'s rules, from --base-year when given', () => {
    const fixture = join(root, 'test/fixtures/projection');
    const out = join(work, 'projection.json');
    expect(simulate('--data', fixture, '--years', '2', '--out', out).code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.projection.map((y: { year: number }) => y.year)).toEqual([2020, 2021, 2022]);
    expect(json.projectionNotes).toEqual([]);
    const p1 = (year: number) => json.projection.find((y: { year: number }) => y.year === year).schools.find((s: { id: string }) => s.id === 'P1');
    expect(p1(2021).grades).toMatchObject({ '1': 30, '2': 2, '3': 1, '6': 1 });
    expect(p1(2021).largestClass['1']).toBe(30);
    const scenario = join(work, 'phased.json');
    writeFileSync(scenario, JSON.stringify({
      version: 2, name: 'phased', edits: [],
      rules: { classroomAdditions: [{ schoolId: 'P1', year: 2022, rooms: 3 }], diversions: [{ fromSchoolId: 'P1', toSchoolId: 'P2', grades: [1, 2], count: 2, year: 2020 }] },
    }));
    expect(simulate('--data', fixture, '--scenario', scenario, '--years', '2', '--out', out).code).toBe(0);
    const phased = JSON.parse(readFileSync(out, 'utf8'));
    const p1Phased = phased.projection.map((y: { schools: { id: string; classrooms: number; grades: Record<string, number> }[] }) => y.schools.find((s) => s.id === 'P1')!);
    expect(p1Phased.map((s: { classrooms: number }) => s.classrooms)).toEqual([3, 3, 6]);
    expect(p1Phased[0].grades).toMatchObject({ '1': 1, '2': 0 });
    expect(simulate('--data', tiny, '--years', '1', '--base-year', '2031', '--out', out).code).toBe(0);
    const shifted = JSON.parse(readFileSync(out, 'utf8'));
    expect(shifted.baseYear).toBe(2031);
    expect(shifted.projectionNotes[0]).toMatch(/no births\.csv/);
    // Under base year 2031, N9 (opens 2030) is open.
    expect(shifted.projection[0].schools.find((s: { id: string }) => s.id === 'N9').planned).toBe(false);
  });

  it('assesses every projected year with --standards --years; the base year as without --years', () => {
    const out = join(work, 'projected-standards.json');
    expect(simulate('--data', join(root, 'data/shouguang'), '--standards', '--years', '2', '--out', out).code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.projection.map((y: { standards: unknown }) => typeof y.standards)).toEqual(['object', 'object', 'object']);
    const strip = (schools: Record<string, unknown>[]) => schools.map(({ nearbyShare: _, nearbyPass: __, ...rest }) => rest);
    expect(json.projection[0].standards.primary).toEqual(json.standards.primary);
    expect(strip(json.projection[0].standards.schools)).toEqual(strip(json.standards.schools));
    expect(json.projection[2].standards.primary.totalClasses).toBe(json.projection[2].schools.reduce((a: number, s: { classes: Record<string, number> }) => a + [1, 2, 3, 4, 5, 6].reduce((b, g) => b + (s.classes[g] ?? 0), 0), 0));
  });

  it('stops with one line on a bad --years or a bad rule', () => {
    const data = join(root, 'test/fixtures/projection');
    expectOneLineError(simulate('--data', data, '--years', 'ten'), /--years must be a whole number from 0 to 30, got "ten"/);
    const rule = (name: string, rules: unknown) => {
      const path = join(work, name);
      writeFileSync(path, JSON.stringify({ version: 2, name: 'r', edits: [], rules }));
      return path;
    };
    expectOneLineError(simulate('--data', data, '--scenario', rule('r1.json', { openings: [{ schoolId: 'ZZ', year: 2022 }] })), /r1\.json: rule 1 \(openings\): school "ZZ" is not in the dataset/);
    expectOneLineError(simulate('--data', data, '--scenario', rule('r2.json', { privateShares: [{ schoolId: 'P1', level: 'primary', share: 0.1 }] })), /r2\.json: rule 1 \(privateShares\): "P1" is not a private school/);
    expectOneLineError(simulate('--data', data, '--scenario', rule('r3.json', { diversions: [{ fromSchoolId: 'P1', toSchoolId: 'P2', grades: [1, 12], count: 5, year: 2021 }] })), /r3\.json: rule 1 \(diversions\): "grades" is invalid/);
    expectOneLineError(simulate('--data', data, '--scenario', rule('r4.json', { phaseIn: { fromYear: 'soon' } })), /r4\.json: rule 0 \(phaseIn\): "fromYear" is invalid, got "soon"/);
  });

  it('stops with one line on an empty pupils file and on a usage error', () => {
    expectOneLineError(simulate('--data', tinyWith('students.csv', '')), /students\.csv: the file is empty/);
    const r = simulate('--bogus');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/usage: npm run simulate/);
  });
});
