import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { simulateCli } from './simulateCli';

// The minimal case of issue 16 through the command line: primary zone B (乙小学), a small square,
// lies inside zone A (甲小学) with no hole in A. Units of 0.01°; A = [0, 8]², B = [2, 4]².
const work = mkdtempSync(join(tmpdir(), 'overlap-rule-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const at = (i: number, j: number) => [118 + i / 100, 36 + j / 100];
const square = (x0: number, y0: number, x1: number, y1: number) => [[at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)]];
const school = (id: string, name: string, i: number, j: number) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: at(i, j) }, properties: { id, name, level: 'primary', ownership: 'public' } });
const zone = (id: string, rings: number[][][]) => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates: rings }, properties: { school_id: id, level: 'primary' } });

// 15 pupils on a 5 × 3 grid over A (one of them, (3, 3), inside B), then four exactly on boundaries:
// B's east edge (the side east of it is A only), B's west edge and B's south-west corner (the side
// east-north-east of them is B), and A's outer east edge (nothing east of it: the zone it bounds).
const grid = [1, 3, 5, 6, 7].flatMap((i) => [1, 3, 7].map((j) => [i, j]));
const onEdges = [[4, 3], [2, 3], [2, 2], [8, 5]];
writeFileSync(join(work, 'schools.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [school('A', '甲小学', 6, 6), school('B', '乙小学', 3, 3)] }));
writeFileSync(join(work, 'catchments.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [zone('A', square(0, 0, 8, 8)), zone('B', square(2, 2, 4, 4))] }));
writeFileSync(join(work, 'students.csv'), ['id,lon,lat,grade', ...[...grid, ...onEdges].map(([i, j], k) => `s${k},${at(i, j).join(',')},1`)].join('\n'));

function simulate(...args: string[]) {
  const out = join(work, `out-${args.join('-')}.json`);
  const r = simulateCli('--data', work, '--base-year', '2024', '--validate', '--out', out, ...args);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return { code: r.code, stderr: r.stderr, json: r.code === 0 ? JSON.parse(readFileSync(out, 'utf8')) : undefined };
}

const enrollment = (json: { schools: { id: string; enrollment: number }[] }) => Object.fromEntries(json.schools.map((s) => [s.id, s.enrollment]));

describe('overlapping and nested zones through the CLI', () => {
  it('smallest zone wins (the default): B keeps (3,3), its west edge and its corner; every other pupil is in A; none outside', () => {
    const { code, json } = simulate();
    expect(code).toBe(0);
    expect(enrollment(json)).toEqual({ A: 16, B: 3 });
    expect(json.students).toEqual({ input: 19, assigned: 19, unassigned: 0, rejected: 0 });
    const overlap = json.validation.filter((v: { kind: string }) => v.kind === 'overlap');
    expect(overlap).toHaveLength(1);
    expect(overlap[0].schools).toEqual(['A', 'B']);
    expect(overlap[0].pupils).toBe(3);
    expect(overlap[0].message).toMatch(/affecting 3 pupil\(s\); by the overlap rule they go to 乙小学 3$/);
    expect(json.validation.some((v: { kind: string }) => v.kind === 'pupilsOutside')).toBe(false);
  });

  it('--overlap-rule file-order gives the three shared pupils to A, first in the file', () => {
    const { code, json } = simulate('--overlap-rule', 'file-order');
    expect(code).toBe(0);
    expect(enrollment(json)).toEqual({ A: 19, B: 0 });
    const overlap = json.validation.find((v: { kind: string }) => v.kind === 'overlap');
    expect(overlap.message).toMatch(/they go to 甲小学 3$/);
  });

  it('an unknown rule is a one-line usage error', () => {
    const r = simulate('--overlap-rule', 'largest');
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('error: --overlap-rule must be smallest or file-order, got "largest"');
  });
});

describe('the county’s limits through the CLI', () => {
  it('--class-cap-primary forms classes under that cap, the output states the limits, and a wrong figure is an error naming its option', () => {
    const national = simulate();
    const local = simulate('--class-cap-primary', '10', '--max-school-size', '100');
    expect(local.code).toBe(0);
    expect(local.stderr).toContain('limits: --class-cap-primary 10, --max-school-size 100 (the national figures otherwise)');
    const a = (json: typeof local.json) => json.schools.find((s: { id: string }) => s.id === 'A');
    const pupils = a(national.json).grades[1];
    expect(pupils).toBeGreaterThan(10);
    expect(a(national.json).classes[1]).toBe(1);
    expect(a(local.json).classes[1]).toBe(Math.ceil(pupils / 10));
    expect(a(local.json).classesOverCap).toBe(0);
    expect(national.json.limits.classCap).toEqual({ primary: 45, junior: 50 });
    expect(local.json.limits).toEqual({ classCap: { primary: 10, junior: 50 }, maxSchoolSize: 100, maxNineYearSchoolSize: 2500, largeClassMin: 56, extraLargeClassMin: 66 });
    const wrong = simulate('--extra-large-class-min', '50');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim()).toBe('error: --large-class-min (56) must be below --extra-large-class-min (50)');
  });
});
