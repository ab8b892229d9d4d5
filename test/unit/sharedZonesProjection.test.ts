import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GRADE_STRIDE } from '../../src/core/aggregate';
import { computeProjection } from '../../src/core/projection';
import { computeScenarioRun } from '../../src/core/scenarioRun';
import { DEFAULT_PROJECTION, NO_RULES } from '../../src/core/scenarioRules';
import { readDataset } from '../../src/io/readDataset';
import { simulateCli } from './simulateCli';
import { SHARED_RULES, sharedTexts } from './sharedFixture';

const grades = (counts: Int32Array, s: number, upTo: number) => Array.from(counts.subarray(s * GRADE_STRIDE + 1, s * GRADE_STRIDE + upTo + 1));

describe('the projection of a shared zone (多校划片)', () => {
  // A village in the shared zone with 100 births in 2019: the grade-1 intake of 2025.
  const units = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [118.015, 36.005] }, properties: { id: 'U1', name: '东村', kind: 'village' } }] };
  const { dataset } = readDataset({ ...sharedTexts(), 'units.geojson': JSON.stringify(units), 'births.csv': 'unit_id,year,births\nU1,2019,100\n' }, SHARED_RULES, 2024);
  const projection = computeProjection({ dataset, state: dataset.zoneState, scenario: NO_RULES, settings: { ...DEFAULT_PROJECTION, years: 1 }, rules: SHARED_RULES });

  it('gives the base year exactly as the run: the draw of the base year’s pupils', () => {
    const run = computeScenarioRun(dataset, dataset.zoneState, SHARED_RULES);
    expect(Array.from(projection.years[0].counts)).toEqual(Array.from(run.counts));
  });

  it('splits the entrants living in the shared zone by its weights (15 : 5), the pupils it drew moving up where they are', () => {
    const next = projection.years[1].counts;
    // 100 entrants × 15/20 = 75 at A, × 5/20 = 25 at B; A's 13, 1 and 2 pupils of grades 1–3 a grade up.
    expect(grades(next, 0, 4)).toEqual([75, 13, 1, 2]);
    expect(grades(next, 1, 4)).toEqual([25, 7, 2, 1]);
  });
});

describe('npm run simulate on a dataset with a shared zone', () => {
  const work = mkdtempSync(join(tmpdir(), 'simulate-shared-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  for (const [file, text] of Object.entries(sharedTexts())) writeFileSync(join(work, file), text);
  const area = { type: 'Polygon', coordinates: [[[118.007, 35.99], [118.012, 35.99], [118.012, 36.02], [118.007, 36.02], [118.007, 35.99]]] };
  writeFileSync(join(work, 'scenario.json'), JSON.stringify({ version: 2, name: 'B–C', edits: [{ op: 'shareArea', level: 'primary', schoolIds: ['B', 'C'], area }] }));
  const simulate = (...args: string[]) => {
    const out = join(work, 'out.json');
    const r = simulateCli('--data', work, '--out', out, ...args);
    expect(r.stderr).toBe(`wrote ${out}: 5 schools; pupils read 26 = assigned 26 + unassigned 0 + rejected 0\n`);
    expect(r.code).toBe(0);
    return JSON.parse(readFileSync(out, 'utf8'));
  };

  it('lists the shared zone with its pupils per school', () => {
    const json = simulate();
    // Default cap 45: weights A 2 × 45 − 5 = 85, B 45 − 5 = 40. Grade 1: 10 × 85/125 = 6.8, 3.2 →
    // 6 and 3, A's remainder larger → 7 : 3; grade 3: 2.04, 0.96 → 2 and 0, B's remainder → 2 : 1.
    expect(json.sharedZones).toEqual([{
      level: 'primary',
      schools: [
        { id: 'A', name: '汇文学校', weight: 85, kept: 1, drawn: 9, pupils: 10 },
        { id: 'B', name: '圣城小学', weight: 40, kept: 2, drawn: 4, pupils: 6 },
      ],
    }]);
    expect(json.schools.slice(0, 3).map((s: { enrollment: number }) => s.enrollment)).toEqual([15, 11, 0]);
  }, 180_000);

  it('weighs the schools equally with --shared-weights equal; another --shared-seed keeps the totals; bad values are refused', () => {
    // 10 entrants 5 : 5; 3 grade-3 pupils 1.5 : 1.5 → the extra one to A.
    expect(simulate('--shared-weights', 'equal').sharedZones[0].schools.map((s: { drawn: number }) => s.drawn)).toEqual([5 + 2, 5 + 1]);
    expect(simulate('--shared-seed', '7').sharedZones).toEqual(simulate().sharedZones);
    const refused = (...args: string[]) => simulateCli('--data', work, ...args);
    const weights = refused('--shared-weights', 'byPlaces');
    expect([weights.code, weights.stderr.trim()]).toEqual([1, 'error: --shared-weights must be free-places or equal, got "byPlaces"']);
    const seed = refused('--shared-seed', '1.5');
    expect([seed.code, seed.stderr.trim()]).toEqual([1, 'error: --shared-seed must be a whole number from -2147483648 to 2147483647, got "1.5"']);
  }, 180_000);

  it('applies a scenario’s shareArea edit', () => {
    const json = simulate('--scenario', join(work, 'scenario.json'));
    // B–C: weights B 40, C 3 × 45 = 135; 3 entrants: 0.69, 2.31 → 0 and 2, B's remainder → 1 : 2.
    // A–B: A 90 − 4 = 86, B 40; 8 entrants: 5.46, 2.54 → 5 and 2, B's remainder → 5 : 3; grade 3 → 2 : 1.
    expect(json.sharedZones).toEqual([
      { level: 'primary', schools: [{ id: 'A', name: '汇文学校', weight: 86, kept: 1, drawn: 7, pupils: 8 }, { id: 'B', name: '圣城小学', weight: 40, kept: 2, drawn: 4, pupils: 6 }] },
      { level: 'primary', schools: [{ id: 'B', name: '圣城小学', weight: 40, kept: 0, drawn: 1, pupils: 1 }, { id: 'C', name: '建桥学校', weight: 135, kept: 0, drawn: 2, pupils: 2 }] },
    ]);
    expect(json.schools.slice(0, 3).map((s: { enrollment: number }) => s.enrollment)).toEqual([4 + 8, 5 + 6 + 1, 2]);
    // C had no pupils: both it takes moved to it.
    expect(json.moved.filter((m: { to: string }) => m.to === 'C').reduce((a: number, m: { count: number }) => a + m.count, 0)).toBe(2);
  }, 180_000);
});
