import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formClasses, largestClasses } from '../../data/generator/classes';

// Figures of the default dataset counted straight from its files with turf and the generator's
// class formation (data/generator/classes.ts), apart from the engine the tests check.

const dir = join(import.meta.dirname, '../../data/shouguang');
const json = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8'));

/** students.csv rows: home, grade, school_id, unit_id. */
export const pupilRows = readFileSync(join(dir, 'students.csv'), 'utf8').trim().split('\n').slice(1).map((line) => {
  const [, lon, lat, grade, schoolId, unitId] = line.split(',');
  return { home: [Number(lon), Number(lat)], grade: Number(grade), schoolId, unitId };
});

const zones = json('catchments.geojson').features as Feature<Polygon | MultiPolygon>[];
const privateIds = new Set(json('schools.geojson').features.filter((f: Feature) => f.properties!.ownership === 'private').map((f: Feature) => f.properties!.id));

/** The zone feature of a school and level. */
export const zoneOf = (schoolId: string, level: 'primary' | 'junior') => zones.find((z) => z.properties!.school_id === schoolId && z.properties!.level === level)!;

/** The plan's area given to 汇文学校 (data/scenarios/shengcheng-to-huiwen.json). */
export const planArea: Feature<MultiPolygon> = { type: 'Feature', properties: {}, geometry: JSON.parse(readFileSync(join(dir, '../scenarios/shengcheng-to-huiwen.json'), 'utf8')).edits[0].area };

/** Zoned pupils (not at a private school) by grade (index 0 = grade 1) of the primary grades whose home satisfies `inside`. */
export function primaryByGrade(inside: (home: number[]) => boolean): number[] {
  const out = [0, 0, 0, 0, 0, 0];
  for (const r of pupilRows) if (r.grade <= 6 && !privateIds.has(r.schoolId) && inside(r.home)) out[r.grade - 1]++;
  return out;
}

/** 圣城小学's pupils by grade after the plan: its zone less the area given away. */
export const p01AfterPlan = primaryByGrade((h) => booleanPointInPolygon(h, zoneOf('P01', 'primary')) && !booleanPointInPolygon(h, planArea));

/** The largest class of a school with these pupils by grade in `rooms` rooms (DOMAIN.md's rule). */
export const largestClass = (byGrade: number[], rooms: number) => Math.max(...largestClasses(byGrade, formClasses(byGrade, rooms)));

/** Classes over the cap (45 in grades 1–6) of a primary school with these pupils by grade in `rooms` rooms. */
export function classesOverCap(byGrade: number[], rooms: number): number {
  const k = formClasses(byGrade, rooms);
  // k classes of grade g hold n pupils evenly: n mod k of them ceil(n / k), the rest floor(n / k).
  return byGrade.reduce((sum, n, g) => {
    if (n === 0) return sum;
    const [big, small] = [Math.ceil(n / k[g]), Math.floor(n / k[g])];
    const bigCount = n % k[g] === 0 ? k[g] : n % k[g];
    return sum + (big > 45 ? bigCount : 0) + (small > 45 && small !== big ? k[g] - bigCount : 0);
  }, 0);
}

/** 圣城小学's zoned pupils by grade (grade 1 first), as data/generator/README.md gives them. */
export const P01_PUPILS = [420, 436, 445, 453, 424, 422];

/** A school's property in schools.geojson. */
export const schoolProperty = (id: string, key: string): number => json('schools.geojson').features.find((f: Feature) => f.properties!.id === id).properties[key];

/**
 * The zoned primary pupils (not at a private school) of some units whose home lies outside
 * `schoolId`'s primary zone: those that giving the units to that school moves to it.
 */
export function unitPupilsJoining(unitIds: string[], schoolId: string): number {
  const zone = zoneOf(schoolId, 'primary');
  return pupilRows.filter((r) => unitIds.includes(r.unitId) && r.grade <= 6 && !privateIds.has(r.schoolId) && !booleanPointInPolygon(r.home, zone)).length;
}
