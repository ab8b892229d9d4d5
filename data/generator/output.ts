/** Serialises the dataset files: one GeoJSON feature per line, fixed property order, 6-decimal coordinates. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';
import type { SchoolRecord } from './facilities.ts';
import { birthsCsv, housingCsv, type BirthRow, type HousingRow } from './demand.ts';
import type { Pupil, Unit, Zone } from './types.ts';
import { historyCsv, intakePlanCsv, type HistoryRow, type IntakePlanRow } from './history.ts';

/** A FeatureCollection as text, one feature per line so that diffs stay readable. */
function collection(features: readonly Feature[]): string {
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

function point(coordinates: [number, number], properties: Record<string, unknown>): Feature {
  return { type: 'Feature', properties, geometry: { type: 'Point', coordinates } };
}

/** Properties of a school in the order of the data contract. */
function schoolProperties(record: SchoolRecord): Record<string, unknown> {
  const { plan, classrooms, facilities } = record;
  return {
    id: plan.id,
    name: plan.name,
    nameEn: plan.nameEn,
    level: plan.level,
    ownership: plan.ownership,
    town: plan.town,
    setting: plan.setting,
    ...(plan.operator ? { operator: plan.operator } : {}),
    classrooms,
    ...(plan.opens !== undefined ? { opens: plan.opens } : {}),
    ...facilities,
  };
}

/** Everything the generator writes into a dataset folder. */
export interface DatasetFiles {
  dataset: Record<string, unknown>;
  county: Feature;
  context: readonly Feature[];
  schools: readonly SchoolRecord[];
  zones: readonly Zone[];
  units: readonly Unit[];
  pupils: readonly Pupil[];
  births: readonly BirthRow[];
  housing: readonly HousingRow[];
  history: readonly HistoryRow[];
  intakePlan: readonly IntakePlanRow[];
  roads: readonly Feature[];
  barriers: readonly Feature[];
}

/** Writes the dataset folder (created if missing) and returns the paths written. */
export function writeDataset(dir: string, files: DatasetFiles): string[] {
  mkdirSync(dir, { recursive: true });
  const out: [string, string][] = [
    ['dataset.json', `${JSON.stringify(files.dataset, null, 2)}\n`],
    ['county.geojson', collection([files.county])],
    ['context.geojson', collection(files.context)],
    ['schools.geojson', collection(files.schools.map((s) => point(s.plan.at, schoolProperties(s))))],
    ['catchments.geojson', collection(files.zones.map((z) => z.feature))],
    ['units.geojson', collection(files.units.map((u) => point(u.at, { id: u.id, name: u.name, kind: u.kind, town: u.town })))],
    ['students.csv', students(files.pupils)],
    ['births.csv', birthsCsv(files.births)],
    ['housing.csv', housingCsv(files.housing)],
    ['history.csv', historyCsv(files.history)],
    ['intake_plan.csv', intakePlanCsv(files.intakePlan)],
    ['roads.geojson', collection(files.roads)],
    ['barriers.geojson', collection(files.barriers)],
  ];
  return out.map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}

function students(pupils: readonly Pupil[]): string {
  const rows = ['id,lon,lat,grade,school_id,unit_id'];
  pupils.forEach((p, i) => {
    rows.push(`S${String(i + 1).padStart(6, '0')},${p.lon.toFixed(6)},${p.lat.toFixed(6)},${p.grade},${p.schoolId},${p.unitId}`);
  });
  return `${rows.join('\n')}\n`;
}
