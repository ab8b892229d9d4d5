import { booleanPointInPolygon } from '@turf/turf';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/core/rules';
import { simulate } from '../../src/core/scenarioRun';
import { buildZoneGrid, OUTSIDE } from '../../src/core/zoneGrid';
import { zoneAt } from '../../src/core/zoneLocate';
import { OPTIONAL_FILES, readDataset, REQUIRED_FILES } from '../../src/io/readDataset';
import { seededRandom } from '../bench/benchData';
import { formClasses, largestClasses } from '../../data/generator/classes';

const dir = join(import.meta.dirname, '../../data/shouguang');
const texts = Object.fromEntries([...REQUIRED_FILES, ...OPTIONAL_FILES].map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const loaded = readDataset(texts, DEFAULT_RULES, 2020);
const { dataset } = loaded;
const result = simulate(dataset, DEFAULT_RULES);
const byName = (name: string) => result.schools.find((s) => s.name === name)!;

// The figures below are the generator's own (`npx tsx data/generator/check.ts`, which counts pupils
// per zone and forms classes with data/generator/classes.ts, apart from src/), or counted from the files.
describe('the embedded Shouguang dataset reproduces the 2020 plan’s situation', () => {
  const csvRows = readFileSync(join(dir, 'students.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));

  it('is a synthetic county of 121,429 pupils with the required schools', () => {
    expect(dataset.baseYear).toBe(2020);
    expect(dataset.rowsRead).toBe(121_429);
    expect(dataset.rowsRead).toBe(csvRows.length);
    expect(dataset.rejected).toEqual([]);
    const count = (level: string) => dataset.schools.filter((s) => s.level === level).length;
    expect([count('primary'), count('junior'), count('nine_year')]).toEqual([92, 27, 8]);
    expect(dataset.schools.filter((s) => s.ownership === 'private').map((s) => [s.id, s.name])).toEqual([['R01', '现代明德学校'], ['R02', '寿光世纪学校'], ['R03', '寿光市英才小学']]);
    const totalBytes = [...REQUIRED_FILES, ...OPTIONAL_FILES].reduce((a, f) => a + statSync(join(dir, f)).size, 0);
    // A budget for the app's first load, not a figure of the data.
    expect(totalBytes).toBeLessThan(15 * 1024 * 1024);
  });

  it('has 圣城小学 at 2,600 pupils in 46 rooms, every class over 45 and the largest 61', () => {
    const s = byName('圣城小学');
    expect(s.level).toBe('primary');
    expect(s.grades).toEqual({ 1: 420, 2: 436, 3: 445, 4: 453, 5: 424, 6: 422 });
    expect(s.enrollment).toBe(2600);
    expect(s.oversize).toBe(true);
    expect(s.classes).toEqual({ 1: 7, 2: 8, 3: 8, 4: 8, 5: 8, 6: 7 });
    expect([s.totalClasses, s.classesOverCap, s.largeClasses, s.maxClassSize]).toEqual([46, 46, 27, 61]);
    // The generator's class formation on the same counts, as a second opinion.
    const k = formClasses([420, 436, 445, 453, 424, 422], 46);
    expect(Math.max(...largestClasses([420, 436, 445, 453, 424, 422], k))).toBe(61);
  });

  it('has 建桥学校 and 圣城中学 oversized, 汇文学校 open beside them with spare rooms', () => {
    expect([byName('建桥学校').enrollment, byName('建桥学校').oversize]).toEqual([2600, true]);
    const middle = byName('圣城中学');
    expect([middle.enrollment, middle.oversize, middle.totalClasses, middle.classesOverCap, middle.largeClasses, middle.maxClassSize]).toEqual([2200, true, 38, 38, 31, 61]);
    const huiwen = byName('汇文学校');
    expect(huiwen.planned).toBe(false);
    expect(huiwen.enrollment).toBe(560);
    // 16 classes within the cap need 16 of its 60 rooms.
    expect(huiwen.utilization).toBe(16 / 60);
  });

  it('has private 现代明德学校 and 寿光世纪学校 with the pupils the file gives them, and the three planned schools without zones', () => {
    for (const id of ['R01', 'R02', 'R03']) {
      const s = result.schools.find((x) => x.id === id)!;
      expect([s.ownership, s.enrollment]).toEqual(['private', csvRows.filter((r) => r[4] === id).length]);
    }
    for (const name of ['弥水小镇学校', '寿光一中分校小学部', '万达广场北小学']) {
      const s = byName(name);
      expect(s.planned).toBe(true);
      expect(s.enrollment).toBe(0);
    }
  });

  it('zones every pupil living in the county', () => {
    expect(result.summary.unassigned).toBe(0);
    expect(result.summary.assigned).toBe(dataset.rowsRead);
  });

  it('puts every school under the county’s facility fields', () => {
    for (const s of dataset.schools) {
      for (const f of ['teachers_qualified', 'teachers_backbone', 'teachers_pe_art', 'room_area_m2', 'sports_area_m2', 'equipment_value_yuan', 'multimedia_rooms', 'music_rooms', 'art_rooms']) {
        // Every school has every field, a whole number ≥ 0 (the generator's rule).
        expect(Number.isInteger(s.facilities[f]) && s.facilities[f] >= 0, `${s.name} ${f} = ${s.facilities[f]}`).toBe(true);
      }
    }
  });

  it('zone grid lookups agree with turf on 20,000 random points over the real zones', () => {
    const rand = seededRandom(7);
    for (const level of ['primary', 'junior'] as const) {
      const frame = dataset.pupils.frame;
      const grid = buildZoneGrid(dataset.zones[level], frame);
      const features = loaded.zoneFeatures.features.filter((f) => f.properties?.level === level);
      const [x0, y0] = [frame.minX, frame.minY];
      const [x1, y1] = [x0 + frame.nx / frame.scaleX, y0 + frame.ny / frame.scaleY];
      for (let k = 0; k < 10_000; k++) {
        const p = [x0 + rand() * (x1 - x0), y0 + rand() * (y1 - y0)];
        const hits = features.filter((f) => booleanPointInPolygon(p, f)).map((f) => f.properties!.zone as number);
        const z = zoneAt(grid, p[0], p[1]);
        if (hits.length === 0) expect(z).toBe(OUTSIDE);
        else expect(hits).toContain(z);
      }
    }
  });
});
