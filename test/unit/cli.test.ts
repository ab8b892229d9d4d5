import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { largestClass, p01AfterPlan, schoolProperty } from './shouguangFiles';

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

// Each test runs the CLI several times, on Shouguang too: seconds each, minutes on a busy machine.
describe('npm run simulate', { timeout: 240_000 }, () => {
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
    // Counted from the files: its zone less the plan's area (turf), classes by the generator's rule.
    expect(p01AfterPlan.reduce((a, b) => a + b, 0)).toBe(1863);
    expect(shengcheng.grades).toEqual(Object.fromEntries(p01AfterPlan.map((n, g) => [String(g + 1), n])));
    expect(shengcheng.maxClassSize).toBe(largestClass(p01AfterPlan, 46));
    expect(shengcheng.maxClassSize).toBe(45);
    expect(shengcheng.classesOverCap).toBe(0);
    const before = [420, 436, 445, 453, 424, 422];
    const moved = [...(json.moved as { grade: number }[])].sort((a, b) => a.grade - b.grade);
    expect(moved).toEqual(before.map((n, g) => ({ from: 'P01', to: 'N02', grade: g + 1, count: n - p01AfterPlan[g] })));
    expect(json.students.input).toBe(json.students.assigned + json.students.unassigned + json.students.rejected);
  });

  it('applies a scenario that gives compounds to a school (assignUnits): the projection fixture, by hand', () => {
    // Unit U2 lies in P2's zone with c (grade 1, zoned) and r (grade 1, at private R). Given to P1,
    // c moves from P2 to P1; r stays at R.
    const file = join(work, 'units-fixture.json');
    writeFileSync(file, JSON.stringify({ version: 2, name: 'u', edits: [{ op: 'assignUnits', level: 'primary', schoolId: 'P1', unitIds: ['U2'] }] }));
    const r = simulate('--data', join(root, 'test/fixtures/projection'), '--scenario', file);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    const school = (id: string) => json.schools.find((s: { id: string }) => s.id === id);
    expect(school('P1').grades).toEqual({ '1': 3, '2': 1, '3': 0, '4': 0, '5': 1, '6': 0 });
    expect(school('P2').enrollment).toBe(0);
    expect(school('R').enrollment).toBe(1);
    expect(json.moved).toEqual([{ from: 'P2', to: 'P1', grade: 1, count: 1 }]);
    expect(json.students).toEqual({ input: 6, assigned: 6, unassigned: 0, rejected: 0 });
  });

  it('applies assignUnits on the Shouguang dataset: the moves are the units’ zoned primary pupils, counted from the files', () => {
    const data = join(root, 'data/shouguang');
    const units = ['U0001', 'U0002', 'U0003'];
    const file = join(work, 'units-shouguang.json');
    writeFileSync(file, JSON.stringify({ version: 2, name: 'u', edits: [{ op: 'assignUnits', level: 'primary', schoolId: 'N02', unitIds: units }] }));
    // Counted outside the engine: students.csv rows of those units in grades 1–6 whose school_id is
    // not a private school, each from the primary zone (turf) holding the home.
    const privateIds = new Set(JSON.parse(readFileSync(join(data, 'schools.geojson'), 'utf8')).features.filter((f: Feature) => f.properties!.ownership === 'private').map((f: Feature) => f.properties!.id));
    const zones = (JSON.parse(readFileSync(join(data, 'catchments.geojson'), 'utf8')).features as Feature<Polygon | MultiPolygon>[]).filter((f) => f.properties!.level === 'primary');
    const expected = new Map<string, number>();
    for (const row of Papa.parse<Record<string, string>>(readFileSync(join(data, 'students.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data) {
      const grade = Number(row.grade);
      if (!units.includes(row.unit_id) || grade > 6 || privateIds.has(row.school_id)) continue;
      const home = [Number(row.lon), Number(row.lat)];
      const from = zones.filter((z) => booleanPointInPolygon(home, z)).map((z) => z.properties!.school_id);
      expect(from).toHaveLength(1);
      if (from[0] === 'N02') continue;
      const key = `${from[0]}|${grade}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const r = simulate('--data', data, '--scenario', file);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    const moved = (json.moved as { from: string; to: string; grade: number; count: number }[]).map((m) => [`${m.from}|${m.grade}`, m.to, m.count]);
    expect(moved.sort()).toEqual([...expected].map(([k, n]) => [k, 'N02', n]).sort());
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    // 汇文学校 had 560 pupils (data/generator/README.md).
    expect(json.schools.find((s: { id: string }) => s.id === 'N02').enrollment).toBe(560 + total);
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
    expect(shengcheng.indicators.roomAreaPerStudent).toBe(Number((schoolProperty('P01', 'room_area_m2') / 2600).toFixed(4)));
  });

  it('assesses the standards against the profile saved with a scenario', () => {
    const file = join(work, 'profile.json');
    writeFileSync(file, JSON.stringify({ version: 1, name: 'lenient rooms', edits: [], profile: { thresholds: { primary: { roomAreaPerStudent: 3.5 } } } }));
    const out = join(work, 'profile-out.json');
    expect(simulate('--data', join(root, 'data/shouguang'), '--scenario', file, '--standards', '--out', out).code).toBe(0);
    const p01 = JSON.parse(readFileSync(out, 'utf8')).standards.schools.find((s: { id: string }) => s.id === 'P01');
    expect(p01.indicators.roomAreaPerStudent).toBe(Number((schoolProperty('P01', 'room_area_m2') / 2600).toFixed(4)));
    expect(p01.met).toBe(5); // room area (3.9 ≥ 3.5) now met; sports area and multimedia still missed
  });

  it('leaves private schools out of the county CVs unless the scenario’s profile counts them', () => {
    // Tiny: P1 5 pupils with 500 m² of rooms (100 m² each), P2 2 pupils and private X1 1 pupil with
    // none. Two values, one of them 0: CV = √(share at 0 / share at 100) — √(2/5) without X1, √(3/5) with it.
    const cvOf = (profile: unknown) => {
      const file = join(work, 'private-cv.json');
      writeFileSync(file, JSON.stringify({ version: 2, name: 'cv', edits: [], profile }));
      const r = simulate('--data', tiny, '--standards', '--scenario', file);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout).standards.primary.cv.roomAreaPerStudent;
    };
    expect(cvOf({})).toBe(Number(Math.sqrt(2 / 5).toFixed(4)));
    expect(cvOf({ includePrivateInCv: true })).toBe(Number(Math.sqrt(3 / 5).toFixed(4)));
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
    expect(shifted.projectionNotes).toEqual(['no births.csv: the grade-1 intake of every projected year repeats the base year\'s grade 1 (same places, same private choices)']);
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
    // A misspelt rule or profile key stops the run instead of running it without that rule.
    expectOneLineError(simulate('--data', data, '--scenario', rule('r5.json', { phasein: { fromYear: 2021 } })), /^error: \S*r5\.json: unknown key "phasein" in rules \(did you mean "phaseIn"\?\)$/);
    expectOneLineError(simulate('--data', data, '--scenario', rule('r6.json', { opening: [{ schoolId: 'N', year: 2021 }] })), /^error: \S*r6\.json: unknown key "opening" in rules \(did you mean "openings"\?\)$/);
    const profile = join(work, 'r7.json');
    writeFileSync(profile, JSON.stringify({ version: 2, name: 'p', edits: [], profile: { cvmax: { primary: 0.3 } } }));
    expectOneLineError(simulate('--data', data, '--standards', '--scenario', profile), /^error: \S*r7\.json: unknown key "cvmax" in profile \(did you mean "cvMax"\?\)$/);
  });

  it('stops with one line on an empty pupils file and on a usage error', () => {
    expectOneLineError(simulate('--data', tinyWith('students.csv', '')), /students\.csv: the file is empty/);
    const r = simulate('--bogus');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/usage: npm run simulate/);
  });
});
