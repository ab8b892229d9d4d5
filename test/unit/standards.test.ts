import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRADE_STRIDE } from '../../src/core/aggregate';
import type { School } from '../../src/core/dataset';
import { DEFAULT_RULES, levelOfGrade } from '../../src/core/rules';
import { computeScenarioRun } from '../../src/core/scenarioRun';
import { parseProfile } from '../../src/core/parseProfile';
import { computeNearbyCounts, computeStandards, computeWeightedCv, NATIONAL_PROFILE } from '../../src/core/standards';
import { applyZoneEdit } from '../../src/core/zoneEdits';
import { parseScenario } from '../../src/io/parseScenario';
import { countyOutline } from '../../src/io/countyOutline';
import { OPTIONAL_FILES, readDataset, REQUIRED_FILES } from '../../src/io/readDataset';
import { p01AfterPlan, schoolProperty } from './shouguangFiles';
import { naiveNearbyCounts } from '../bench/naiveNearby';

/** A school meeting every primary threshold at 100 pupils, with some fields overridden. */
function school(id: string, over: Record<string, number> = {}, level: School['level'] = 'primary'): School {
  return {
    id, name: id, level, ownership: 'public', lon: 0, lat: 0,
    facilities: { teachers_qualified: 5, teachers_backbone: 1, teachers_pe_art: 1, room_area_m2: 500, sports_area_m2: 800, equipment_value_yuan: 250000, multimedia_rooms: 3, music_rooms: 1, art_rooms: 1, ...over },
  };
}

/** Counts with `n` pupils spread over grades 1–6 (and `j` over 7–9) for each school. */
function counts(per: [number, number][]): Int32Array {
  const c = new Int32Array(per.length * GRADE_STRIDE);
  per.forEach(([n, j], s) => {
    for (let g = 1; g <= 9; g++) c[s * GRADE_STRIDE + g] = levelOfGrade(g, DEFAULT_RULES) === 'primary' ? (g === 1 ? n : 0) : g === 7 ? j : 0;
  });
  return c;
}

describe('coefficient of variation (差异系数), the official enrollment-weighted method', () => {
  it('gives 0.515 on the worked example of DOMAIN.md', () => {
    expect(computeWeightedCv([45, 37, 89, 76, 55], [279, 137, 935, 160, 402])).toBeCloseTo(0.515, 3);
  });
  it('is 0 when every school has the same per-pupil value, and leaves out schools without pupils', () => {
    expect(computeWeightedCv([10, 20, 0], [50, 100, 999])).toBe(0);
  });
});

describe('the school rule: at least 6 of 7 met, the missed one at least 85% of its threshold', () => {
  const assess = (over: Record<string, number>) => computeStandards([school('A', over)], counts([[100, 0]]), () => 3, DEFAULT_RULES).sections[0];

  it('passes a school meeting all 7', () => {
    const a = assess({});
    expect(a.met).toBe(7);
    expect(a.pass).toBe(true);
    expect(a.indicators.roomAreaPerStudent).toBe(5);
    expect(a.indicators.teachersQualifiedPer100).toBe(5);
  });
  it('passes one miss at 90% of the threshold (room area 4.05 of 4.5 m²)', () => {
    const a = assess({ room_area_m2: 405 });
    expect(a.met).toBe(6);
    expect(a.pass).toBe(true);
    expect(a.missed).toEqual([{ key: 'roomAreaPerStudent', value: 4.05, threshold: 4.5 }]);
  });
  it('fails one miss below 85% (room area 3.8 of 4.5 m², 84%)', () => {
    const a = assess({ room_area_m2: 380 });
    expect(a.met).toBe(6);
    expect(a.pass).toBe(false);
  });
  it('fails two misses even when both are close', () => {
    const a = assess({ room_area_m2: 440, multimedia_rooms: 2.2 });
    expect(a.met).toBe(5);
    expect(a.pass).toBe(false);
  });
  it('requires one music and one art room per 12 classes', () => {
    expect(computeStandards([school('A')], counts([[100, 0]]), () => 13, DEFAULT_RULES).sections[0].roomsRequired).toBe(2);
  });
});

describe('nine-year schools split into sections', () => {
  it('splits whole-school resources by pupils weighted 1 : 1.1, unless the section has its own field', () => {
    const nine = school('N', { room_area_m2: 1050 }, 'nine_year');
    const r = computeStandards([nine], counts([[100, 100]]), () => 3, DEFAULT_RULES);
    const [p, j] = r.sections;
    expect(p.level).toBe('primary');
    expect(p.resources.roomAreaPerStudent).toBeCloseTo(500, 9); // 1050 × 100 / (100 + 110)
    expect(j.resources.roomAreaPerStudent).toBeCloseTo(550, 9);
    const own = computeStandards([{ ...nine, facilities: { ...nine.facilities, primary_room_area_m2: 600 } }], counts([[100, 100]]), () => 3, DEFAULT_RULES);
    expect(own.sections[0].indicators.roomAreaPerStudent).toBe(6);
    expect(computeStandards([nine], counts([[100, 100]]), () => 3, DEFAULT_RULES, { ...NATIONAL_PROFILE, nineYearJuniorWeight: 1 }).sections[0].resources.roomAreaPerStudent).toBe(525);
  });
});

describe('就近入学: the share of a school’s pupils who live in its zone', () => {
  it('counts, per public school and level, the pupils on its roll living in its zone', () => {
    const tinyDir = join(import.meta.dirname, '../fixtures/tiny');
    const rows = ['a,118.002,36.002,1,P1', 'b,118.003,36.004,2,P1', 'c,118.015,36.005,1,P1', 'd,118.015,36.005,3,P2', 'e,118.015,36.006,8,J1', 'f,118.016,36.006,2,'];
    const { dataset } = readDataset({
      'schools.geojson': readFileSync(join(tinyDir, 'schools.geojson'), 'utf8'),
      'catchments.geojson': readFileSync(join(tinyDir, 'catchments.geojson'), 'utf8'),
      'students.csv': `id,lon,lat,grade,school_id\n${rows.join('\n')}\n`,
    }, DEFAULT_RULES, 2024);
    const run = computeScenarioRun(dataset, dataset.zoneState, DEFAULT_RULES);
    const nearby = computeNearbyCounts(dataset.pupils, run.zoneSchoolOf);
    expect(nearby.get('0:primary')).toEqual({ enrolled: 3, inZone: 2 }); // c lives in P2's zone
    expect(nearby.get('1:primary')).toEqual({ enrolled: 1, inZone: 1 });
    expect(nearby.get('2:junior')).toEqual({ enrolled: 1, inZone: 1 });
    const standards = computeStandards(run.schools, run.counts, () => 1, DEFAULT_RULES, NATIONAL_PROFILE, nearby);
    const p1 = standards.sections.find((x) => x.schoolId === 'P1')!;
    expect(p1.nearbyShare).toBeCloseTo(2 / 3);
    expect(p1.nearbyPass).toBe(false); // primary needs 100%
  });
});

describe('就近入学 counts', () => {
  it('equal a plain count per pupil, fixed-school pupils after the levels left out', () => {
    const pupil = fc.record({ current: fc.integer({ min: -1, max: 6 }), zone: fc.integer({ min: -1, max: 6 }), segment: fc.integer({ min: 0, max: 2 }) });
    fc.assert(fc.property(fc.array(pupil, { maxLength: 80 }), (ps) => {
      const sorted = [...ps].sort((a, b) => a.segment - b.segment);
      const currentSchool = Int32Array.from(sorted, (p) => p.current);
      const zoneSchoolOf = Int32Array.from(sorted, (p) => p.zone);
      const starts = [0, 1, 2].map((k) => sorted.findIndex((p) => p.segment >= k)).map((i) => (i < 0 ? sorted.length : i));
      const segmentStart = Int32Array.from([...starts, sorted.length]);
      const counted = computeNearbyCounts({ currentSchool, segmentStart }, zoneSchoolOf);
      const plain = naiveNearbyCounts({ currentSchool, segmentStart }, zoneSchoolOf);
      expect(new Map([...counted].sort())).toEqual(new Map([...plain].sort()));
    }));
  });
});

describe('standards profiles', () => {
  it('fill what a profile leaves out from the national one and refuse a bad number with its path', () => {
    const parsed = parseProfile({ name: '某省标准', thresholds: { primary: { roomAreaPerStudent: 5 } }, cvMax: { junior: 0.4 } });
    expect('profile' in parsed && parsed.profile).toMatchObject({ name: '某省标准', cvMax: { primary: 0.5, junior: 0.4 } });
    if (!('profile' in parsed)) return;
    expect(parsed.profile.thresholds.primary.roomAreaPerStudent).toBe(5);
    expect(parsed.profile.thresholds.primary.sportsAreaPerStudent).toBe(7.5);
    expect(parseProfile({ thresholds: { junior: { backbonePer100: -1 } } })).toEqual({ error: 'thresholds.junior.backbonePer100 must be a number ≥ 0, got -1' });
    expect(parseProfile('strict')).toEqual({ error: 'profile must be an object' });
  });

  it('change who passes: a stricter room-area threshold fails a school that met it', () => {
    const a = computeStandards([school('A', { room_area_m2: 500 })], counts([[100, 0]]), () => 3, DEFAULT_RULES);
    expect(a.sections[0].pass).toBe(true);
    const strict = parseProfile({ thresholds: { primary: { roomAreaPerStudent: 6 } } });
    if (!('profile' in strict)) throw new Error(strict.error);
    const b = computeStandards([school('A', { room_area_m2: 500 })], counts([[100, 0]]), () => 3, DEFAULT_RULES, strict.profile);
    expect(b.sections[0].missed).toEqual([{ key: 'roomAreaPerStudent', value: 5, threshold: 6 }]);
    expect(b.sections[0].pass).toBe(false); // 5 is 83% of 6
  });
});

describe('private schools in or out of the county CVs (the profile switch)', () => {
  // Room area per pupil: public A 500 m² / 100 = 5, public B 300 / 100 = 3, private C 1000 / 200 = 5.
  // Every other resource is the same per pupil at all three (C has twice A's for twice the pupils).
  const schools = [
    school('A'),
    school('B', { room_area_m2: 300 }),
    { ...school('C', { teachers_qualified: 10, teachers_backbone: 2, teachers_pe_art: 2, room_area_m2: 1000, sports_area_m2: 1600, equipment_value_yuan: 500000, multimedia_rooms: 6 }), ownership: 'private' as const },
  ];
  const cv = (includePrivateInCv: boolean) =>
    computeStandards(schools, counts([[100, 0], [100, 0], [200, 0]]), () => 3, DEFAULT_RULES, { ...NATIONAL_PROFILE, cvMax: { primary: 0.2, junior: 0.45 }, includePrivateInCv }).primary;

  it('leaves them out by default: A and B only', () => {
    // X̄ = 800 / 200 = 4; S = √(½·1² + ½·1²) = 1; CV = 1 / 4.
    const out = cv(false);
    expect(out.cv.roomAreaPerStudent).toBe(0.25);
    for (const key of ['teachersQualifiedPer100', 'backbonePer100', 'peArtPer100', 'sportsAreaPerStudent', 'equipmentValuePerStudent', 'multimediaRoomsPer100'] as const) expect(out.cv[key], key).toBe(0);
    expect(out.cvPass).toBe(false);
    expect(NATIONAL_PROFILE.includePrivateInCv).toBe(false);
  });

  it('counts them when the profile says so', () => {
    // X̄ = 1800 / 400 = 4.5; S² = ¼·0.5² + ¼·1.5² + ½·0.5² = 0.75; CV = √0.75 / 4.5 = 0.19245…
    const all = cv(true);
    expect(all.cv.roomAreaPerStudent).toBeCloseTo(Math.sqrt(0.75) / 4.5, 12);
    expect(all.cv.sportsAreaPerStudent).toBe(0);
    expect(all.cvPass).toBe(true);
  });
});

describe('the Shouguang plan', () => {
  const dir = join(import.meta.dirname, '../../data/shouguang');
  const loaded = readDataset(Object.fromEntries([...REQUIRED_FILES, ...OPTIONAL_FILES].map((f) => [f, readFileSync(join(dir, f), 'utf8')])), DEFAULT_RULES, 2020);
  const d = loaded.dataset;
  const standardsOf = (state = d.zoneState) => {
    const run = computeScenarioRun(d, state, DEFAULT_RULES);
    const classesOf = (s: number, level: 'primary' | 'junior') =>
      Object.entries(run.result.schools[s].classes).reduce((a, [g, k]) => a + (levelOfGrade(Number(g), DEFAULT_RULES) === level ? k : 0), 0);
    return computeStandards(run.schools, run.counts, classesOf, DEFAULT_RULES);
  };

  it('counts a scenario’s new building: more teaching-room area meets that indicator', () => {
    const ctx = { schools: d.schools, schoolIndex: new Map(d.schools.map((s, i) => [s.id, i])), unitIndex: new Map(d.unitIds.map((u, i) => [u, i])) };
    const built = applyZoneEdit(d.zoneState, { op: 'setFacilities', schoolId: 'P01', facilities: { room_area_m2: 2600 * 4.6 } }, ctx);
    const p01 = standardsOf(built).sections.find((x) => x.schoolId === 'P01')!;
    expect(p01.indicators.roomAreaPerStudent).toBeCloseTo(4.6, 9);
    expect(p01.missed.map((m) => m.key)).not.toContain('roomAreaPerStudent');
  });

  it('turns 圣城小学 from failing to passing when part of its zone goes to 汇文学校', () => {
    const base = standardsOf().sections.find((x) => x.schoolId === 'P01')!;
    expect(base.pass).toBe(false);
    // 10,143 m² (schools.geojson) for 2,600 pupils, then for the 1,863 its zone keeps (counted with turf).
    const room = schoolProperty('P01', 'room_area_m2');
    expect(base.indicators.roomAreaPerStudent).toBeCloseTo(room / 2600, 12);
    const scenario = parseScenario('s.json', readFileSync(join(import.meta.dirname, '../../data/scenarios/shengcheng-to-huiwen.json'), 'utf8'));
    const ctx = { schools: d.schools, schoolIndex: new Map(d.schools.map((s, i) => [s.id, i])), unitIndex: new Map(d.unitIds.map((u, i) => [u, i])), county: countyOutline(loaded.county) };
    const state = scenario.edits.reduce((st, e) => applyZoneEdit(st, e, ctx), d.zoneState);
    const after = standardsOf(state).sections.find((x) => x.schoolId === 'P01')!;
    expect(after.pass).toBe(true);
    expect(after.indicators.roomAreaPerStudent).toBeCloseTo(room / p01AfterPlan.reduce((a, b) => a + b, 0), 12);
  });
});

describe('size limits per level', () => {
  it('counts classes by the level of their grade and oversize schools at each level they teach', async () => {
    const { computeLevelSizes } = await import('../../src/core/levelSizes');
    const { computeSchoolResults } = await import('../../src/core/simulation');
    const { GRADE_STRIDE } = await import('../../src/core/aggregate');
    const school = (id: string, level: 'primary' | 'junior' | 'nine_year') => ({ id, name: id, level, ownership: 'public' as const, lon: 0, lat: 0, facilities: {} });
    const counts = new Int32Array(2 * GRADE_STRIDE);
    // A: primary, no room limit; grade 1: 100 pupils → 3 classes of 34/33/33; grade 2: 46 → 2 of 23.
    counts[1] = 100;
    counts[2] = 46;
    // B: nine-year with 3 rooms: grade 1 has 130 (one class per grade, then rooms to the largest);
    // grade 7 has 58 → 1 class of 58 (over the junior cap of 50 and 大班额).
    counts[GRADE_STRIDE + 1] = 130;
    counts[GRADE_STRIDE + 7] = 58;
    const results = computeSchoolResults([school('A', 'primary'), { ...school('B', 'nine_year'), classrooms: 3 }], counts, 2020, DEFAULT_RULES);
    // B's rooms: 1 for grade 1 (130), 1 for grade 7 (58), the third to grade 1 → 65 and 65.
    expect(results[1].classes[1]).toBe(2);
    const sizes = computeLevelSizes(results, DEFAULT_RULES);
    expect(sizes.primary).toEqual({ schools: 2, oversizeSchools: 0, totalClasses: 7, classesOverCap: 2, largeClasses: 2, extraLargeClasses: 0 });
    expect(sizes.junior).toEqual({ schools: 1, oversizeSchools: 0, totalClasses: 1, classesOverCap: 1, largeClasses: 1, extraLargeClasses: 0 });
  });
});
