/**
 * Checks a written dataset against the data contract and the situation it must show; prints a report.
 * Also runs on its own: npx tsx data/generator/check.ts [folder]
 */
import { booleanPointInPolygon } from '@turf/turf';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkNamedSchools, checkSizeBands, reportIndicators, type Enrollment } from './checkEnrollment.ts';
import { checkZones, type LevelZones } from './checkZones.ts';
import { distanceKm } from './geo.ts';
import { readDataset, type Dataset } from './readDataset.ts';
import { n, Report } from './report.ts';

const RADIUS_KM = { compound: 0.15, village: 0.4 } as const;

/** Assigns pupils as the contract says: a private school_id wins, otherwise the zone of the pupil's level. */
function assign(ds: Dataset, levels: readonly LevelZones[]) {
  const privateIds = new Set(ds.schools.filter((s) => s.properties.ownership === 'private').map((s) => s.properties.id));
  const enrollment = new Map<string, number[]>();
  let unassigned = 0;
  let elsewhere = 0;
  for (const p of ds.students) {
    let school: string | undefined = privateIds.has(p.schoolId) ? p.schoolId : undefined;
    if (!school) {
      const { zones } = levels[p.grade <= 6 ? 0 : 1] as LevelZones;
      const inside = (z: LevelZones['zones'][number]): boolean =>
        p.lon >= z.bbox[0] && p.lon <= z.bbox[2] && p.lat >= z.bbox[1] && p.lat <= z.bbox[3] &&
        booleanPointInPolygon([p.lon, p.lat], z.feature);
      const hinted = zones.find((z) => z.schoolId === p.schoolId);
      school = hinted && inside(hinted) ? hinted.schoolId : zones.find(inside)?.schoolId;
      if (school && school !== p.schoolId) elsewhere++;
    }
    if (!school) {
      unassigned++;
      continue;
    }
    const counts = enrollment.get(school) ?? [0, 0, 0, 0, 0, 0, 0, 0, 0];
    counts[p.grade - 1] = (counts[p.grade - 1] ?? 0) + 1;
    enrollment.set(school, counts);
  }
  return { enrollment, unassigned, elsewhere, privateCount: ds.students.filter((p) => privateIds.has(p.schoolId)).length };
}

function checkSchools(ds: Dataset, report: Report): void {
  report.section('schools');
  const s = ds.schools.map((f) => f.properties);
  const count = (pred: (x: (typeof s)[number]) => boolean): number => s.filter(pred).length;
  report.info(`${s.length} schools: ${count((x) => x.level === 'primary')} primary, ${count((x) => x.level === 'junior')} junior, ` +
    `${count((x) => x.level === 'nine_year')} nine-year; ${count((x) => x.ownership === 'private')} private; ` +
    `${count((x) => (x.opens ?? 0) > ds.baseYear)} planned`);
  report.require(count((x) => x.level === 'primary') >= 62, 'at least 62 primary schools');
  report.require(count((x) => x.level === 'junior') >= 26, 'at least 26 junior schools');
  const nine = count((x) => x.level === 'nine_year' && x.ownership === 'public');
  report.require(nine >= 5 && nine <= 6, `5–6 public nine-year schools: ${nine}`);
  report.require(new Set(s.map((x) => x.id)).size === s.length, 'school ids are unique');
  const has = (name: string, level: string, ownership: string, opens?: number): boolean =>
    s.some((x) => x.name === name && x.level === level && x.ownership === ownership && x.opens === opens);
  report.require(has('现代明德学校', 'nine_year', 'private') && has('寿光世纪学校', 'nine_year', 'private') &&
    count((x) => x.level === 'primary' && x.ownership === 'private') >= 1, 'private: 现代明德学校, 寿光世纪学校 and a primary');
  report.require(has('弥水小镇学校', 'nine_year', 'public', 2022) && has('寿光一中分校小学部', 'primary', 'public', 2022) &&
    has('万达广场北小学', 'primary', 'public', 2023), 'planned: 弥水小镇学校 2022, 寿光一中分校小学部 2022, 万达广场北小学 2023');
  const fields = ['classrooms', 'teachers_qualified', 'teachers_backbone', 'teachers_pe_art', 'room_area_m2', 'sports_area_m2',
    'equipment_value_yuan', 'multimedia_rooms', 'music_rooms', 'art_rooms'];
  report.require(s.every((x) => fields.every((f) => Number.isInteger(x[f]) && Number(x[f]) >= 0)), 'every facility field is a whole number');
  const at = (name: string) => ds.schools.find((f) => f.properties.name === name)?.geometry.coordinates ?? [0, 0];
  const toSc = distanceKm(at('汇文学校'), at('圣城小学'));
  const toJq = distanceKm(at('汇文学校'), at('建桥学校'));
  report.require(toSc <= 1.5 && toJq <= 1.5, `汇文学校 beside 圣城小学 (${toSc.toFixed(2)} km) and 建桥学校 (${toJq.toFixed(2)} km)`);
}

function checkUnitsAndPupils(ds: Dataset, report: Report, assigned: ReturnType<typeof assign>): void {
  report.section('units and pupils');
  const units = new Map(ds.units.map((u) => [u.properties.id, u]));
  report.require(ds.units.length >= 900 && ds.units.length <= 1000, `900–1,000 units: ${ds.units.length} ` +
    `(${ds.units.filter((u) => u.properties.kind === 'compound').length} compounds)`);
  report.require(units.size === ds.units.length && new Set(ds.units.map((u) => u.properties.name)).size === ds.units.length,
    'unit ids and names are unique');
  const rows = ds.students.length;
  report.require(rows >= 115000 && rows <= 125000, `total pupils ${n(rows)} (115,000–125,000)`);
  report.require(ds.studentsBytes < 8e6, `students.csv under 8 MB: ${(ds.studentsBytes / 1e6).toFixed(2)} MB`);
  const far = ds.students.filter((p) => {
    const u = units.get(p.unitId);
    return !u || distanceKm([p.lon, p.lat], u.geometry.coordinates) > RADIUS_KM[u.properties.kind] + 0.001;
  }).length;
  report.require(far === 0, `every pupil within 150 m (compound) / 400 m (village) of their unit: ${far} outside`);
  const outside = ds.students.filter((p) => !booleanPointInPolygon([p.lon, p.lat], ds.county)).length;
  report.require(outside === 0, `every pupil inside the county: ${outside} outside`);
  report.require(assigned.unassigned === 0, `every pupil assigned: ${assigned.unassigned} unassigned`);
  const share = assigned.privateCount / rows;
  report.info(`private pupils ${n(assigned.privateCount)} (${(share * 100).toFixed(1)}%)`);
  const otherShare = assigned.elsewhere / (rows - assigned.privateCount);
  report.require(otherShare >= 0.01 && otherShare <= 0.03, `public pupils recorded at another public school: ${(otherShare * 100).toFixed(1)}% (1–3%)`);
  const grades = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((g) => ds.students.filter((p) => p.grade === g).length);
  report.info(`pupils by grade 1–9: ${grades.map(n).join(', ')}`);
}

/** Checks the dataset in `dir`, prints the report, and returns true when every requirement holds. */
export function checkDataset(dir: string): boolean {
  const ds = readDataset(dir);
  const report = new Report();
  checkSchools(ds, report);
  const levels = checkZones(ds, report);
  const assigned = assign(ds, levels);
  checkUnitsAndPupils(ds, report, assigned);
  const enrollment: Enrollment = assigned.enrollment;
  checkNamedSchools(ds, enrollment, report);
  checkSizeBands(ds, enrollment, report);
  reportIndicators(ds, enrollment, report);
  report.section(report.passed ? 'all checks passed' : `${report.failed} check(s) failed`);
  return report.passed;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'shouguang');
  process.exit(checkDataset(dir) ? 0 : 1);
}
