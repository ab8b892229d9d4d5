import { booleanPointInPolygon } from '@turf/turf';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/core/rules';
import { simulate } from '../../src/core/scenarioRun';
import { buildZoneGrid, zoneAt, OUTSIDE } from '../../src/core/zoneGrid';
import { OPTIONAL_FILES, readDataset, REQUIRED_FILES } from '../../src/io/readDataset';
import { seededRandom } from '../bench/benchData';

const dir = join(import.meta.dirname, '../../data/shouguang');
const texts = Object.fromEntries([...REQUIRED_FILES, ...OPTIONAL_FILES].map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const loaded = readDataset(texts, DEFAULT_RULES, 2020);
const { dataset } = loaded;
const result = simulate(dataset, DEFAULT_RULES);
const byName = (name: string) => result.schools.find((s) => s.name === name)!;

describe('the embedded Shouguang dataset reproduces the 2020 plan’s situation', () => {
  it('is a synthetic county of about 120,000 pupils with the required schools', () => {
    expect(dataset.baseYear).toBe(2020);
    expect(dataset.rowsRead).toBeGreaterThan(110_000);
    expect(dataset.rowsRead).toBeLessThan(130_000);
    expect(dataset.rejected).toEqual([]);
    const count = (level: string) => dataset.schools.filter((s) => s.level === level).length;
    expect(count('primary')).toBeGreaterThanOrEqual(60);
    expect(count('junior')).toBeGreaterThanOrEqual(25);
    expect(count('nine_year')).toBeGreaterThanOrEqual(3);
    expect(dataset.schools.filter((s) => s.ownership === 'private').length).toBeGreaterThanOrEqual(2);
    const totalBytes = [...REQUIRED_FILES, ...OPTIONAL_FILES].reduce((a, f) => a + statSync(join(dir, f)).size, 0);
    expect(totalBytes).toBeLessThan(15 * 1024 * 1024);
  });

  it('has 圣城小学 over 2000 pupils with classes over 45', () => {
    const s = byName('圣城小学');
    expect(s.level).toBe('primary');
    expect(s.enrollment).toBeGreaterThan(2000);
    expect(s.oversize).toBe(true);
    expect(s.maxClassSize).toBeGreaterThan(45);
  });

  it('has 建桥学校 and 圣城中学 oversized, 汇文学校 open beside them with spare rooms', () => {
    expect(byName('建桥学校').oversize).toBe(true);
    expect(byName('圣城中学').oversize).toBe(true);
    expect(byName('圣城中学').maxClassSize).toBeGreaterThan(50);
    const huiwen = byName('汇文学校');
    expect(huiwen.planned).toBe(false);
    expect(huiwen.utilization!).toBeLessThan(0.6);
  });

  it('has private 现代明德学校 and a 世纪教育集团 school, and the three planned schools without zones', () => {
    expect(byName('现代明德学校').ownership).toBe('private');
    expect(byName('现代明德学校').enrollment).toBeGreaterThan(0);
    expect(result.schools.some((s) => s.ownership === 'private' && s.name.includes('世纪'))).toBe(true);
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
        expect(s.facilities[f], `${s.name} ${f}`).toBeGreaterThanOrEqual(0);
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
