import type { FeatureCollection } from 'geojson';
import type { Dataset } from '../core/dataset';
import { computePupilLayout } from '../core/pupilLayout';
import { createZoneState } from '../core/zoneState';
import type { Rules } from '../core/rules';
import { DataError, featuresOf, parseJsonFile } from './dataError';
import { parseBirths } from './parseBirths';
import { parseHousing } from './parseHousing';
import { parseBarriers, parseRoads } from './parseRoads';
import { parseSchools } from './parseSchools';
import { readPupilRows } from './parseStudents';
import { textPupilRows, type PupilRowSource } from './pupilRows';
import { parseZones, type ParsedZones } from './parseZones';
import { parseIntakePlan } from './import/intakePlan';
import { parseHistory } from './import/history';
import { parseSchoolSystem, schoolSystemOf, withSchoolSystem } from '../core/schoolSystem';

/** The required files of a dataset folder (data/README.md). */
export const REQUIRED_FILES = ['schools.geojson', 'catchments.geojson', 'students.csv'] as const;
/** Optional files the app and the CLI understand. */
export const OPTIONAL_FILES = ['dataset.json', 'units.geojson', 'county.geojson', 'context.geojson', 'births.csv', 'housing.csv', 'intake_plan.csv', 'history.csv', 'roads.geojson', 'barriers.geojson'] as const;

/** A dataset folder as texts by file name (the required files must be present). */
export type DatasetTexts = Partial<Record<(typeof REQUIRED_FILES)[number] | (typeof OPTIONAL_FILES)[number], string>>;

/** A dataset with what the map needs to draw it. */
export interface LoadedDataset {
  dataset: Dataset;
  zoneFeatures: ParsedZones['features'];
  county?: FeatureCollection;
  context?: FeatureCollection;
  units?: FeatureCollection;
}

const isLonLat = (x: unknown, y: unknown): boolean =>
  typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y) && Math.abs(x) <= 180 && Math.abs(y) <= 90;

/** dataset.json's object, or a DataError when the file is JSON but not an object (null, a list, a number …). */
function datasetMeta(text: string): Record<string, unknown> {
  const json = parseJsonFile('dataset.json', text);
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new DataError('dataset.json', 'notJsonObject', { got: json === null ? 'null' : Array.isArray(json) ? 'a list' : typeof json });
  }
  return json as Record<string, unknown>;
}

/** Progress of a load: a step name and a fraction 0..1 of the whole. */
export type LoadProgress = (step: 'schools' | 'zones' | 'students' | 'index', fraction: number) => void;

/**
 * Reads a dataset from the texts of its files (decoding is the caller's job). Throws a DataError
 * naming the file when a required file is missing or unusable (also: dataset.json not a JSON object,
 * a compound or village whose point is not longitude/latitude degrees); bad pupil rows are rejected and
 * listed, not fatal. `fallbackYear` is the base year when dataset.json gives none. The dataset is read
 * under its school system (dataset.json's `schoolSystem`: 6-3 六三制 or 5-4 五四制), else under that of
 * `rules`; the result's `schoolSystem` says which. `pupilRows` are
 * students.csv's rows when they do not come as its text (the importer's, see importDataset).
 */
export function readDataset(
  texts: DatasetTexts,
  rules: Rules,
  fallbackYear: number,
  onProgress: LoadProgress = () => {},
  pupilRows?: PupilRowSource,
): LoadedDataset {
  for (const f of REQUIRED_FILES) if (texts[f] === undefined && !(f === 'students.csv' && pupilRows)) throw new DataError(f, 'missingFile');
  const meta = texts['dataset.json'] === undefined ? {} : datasetMeta(texts['dataset.json']);
  const baseYear = meta.baseYear === undefined ? fallbackYear : Number(meta.baseYear);
  if (!Number.isInteger(baseYear)) throw new DataError('dataset.json', 'badBaseYear', { got: JSON.stringify(meta.baseYear) });
  const schoolSystem = meta.schoolSystem === undefined ? schoolSystemOf(rules) : typeof meta.schoolSystem === 'string' ? parseSchoolSystem(meta.schoolSystem) : undefined;
  if (!schoolSystem) throw new DataError('dataset.json', 'badSchoolSystem', { got: JSON.stringify(meta.schoolSystem) });
  // Which grades are primary decides how every pupil is read and zoned: the dataset's system, from here on.
  rules = withSchoolSystem(rules, schoolSystem);
  onProgress('schools', 0.05);
  const schools = parseSchools('schools.geojson', texts['schools.geojson']!);
  onProgress('zones', 0.15);
  const parsedZones = parseZones('catchments.geojson', texts['catchments.geojson']!, schools);
  onProgress('students', 0.3);
  const students = readPupilRows('students.csv', pupilRows ?? textPupilRows(texts['students.csv']!), schools, rules, (f) => onProgress('students', 0.3 + f * 0.55));
  onProgress('index', 0.85);
  const pupils = computePupilLayout(students.columns, rules);
  const units = texts['units.geojson'] === undefined ? undefined : featuresOf('units.geojson', texts['units.geojson']);
  const unitIds = [...students.unitIds];
  const knownUnits = new Set(unitIds);
  for (const f of units ?? []) {
    const id = f.properties?.id;
    if ((typeof id === 'string' || typeof id === 'number') && !knownUnits.has(String(id))) {
      knownUnits.add(String(id));
      unitIds.push(String(id));
    }
  }
  const unitX = new Float64Array(unitIds.length).fill(NaN);
  const unitY = new Float64Array(unitIds.length).fill(NaN);
  const unitIndex = new Map(unitIds.map((id, u) => [id, u]));
  (units ?? []).forEach((f, i) => {
    const u = unitIndex.get(String(f.properties?.id));
    if (u === undefined || f.geometry?.type !== 'Point') return;
    const [x, y] = f.geometry.coordinates;
    if (!isLonLat(x, y)) {
      const where = { feature: i + 1, idKey: 'id' as const, id: String(f.properties?.id) };
      if (isLonLat(y, x)) throw new DataError('units.geojson', 'swappedPosition', { where, got: `[${x}, ${y}]`, key: 'units' });
      throw new DataError('units.geojson', 'notLonLat', { where });
    }
    [unitX[u], unitY[u]] = [x, y];
  });
  const births = texts['births.csv'] === undefined ? undefined : parseBirths('births.csv', texts['births.csv'], unitIndex);
  const housing = texts['housing.csv'] === undefined ? undefined : parseHousing('housing.csv', texts['housing.csv'], (id) => {
    const u = unitIndex.get(id);
    return u === undefined ? undefined : { unit: u, x: unitX[u], y: unitY[u] };
  });
  const intakePlan = texts['intake_plan.csv'] === undefined ? undefined : parseIntakePlan('intake_plan.csv', texts['intake_plan.csv'], schools, rules);
  const history = texts['history.csv'] === undefined ? undefined : parseHistory('history.csv', texts['history.csv'], schools, baseYear, rules);
  const optional = (f: 'county.geojson' | 'context.geojson'): FeatureCollection | undefined =>
    texts[f] === undefined ? undefined : { type: 'FeatureCollection', features: featuresOf(f, texts[f]) };
  const county = optional('county.geojson');
  const givenName = typeof meta.name === 'string' ? meta.name : undefined;
  return {
    dataset: {
      name: givenName ?? outlineName(county) ?? '',
      nameGiven: givenName !== undefined,
      nameEn: typeof meta.nameEn === 'string' ? meta.nameEn : undefined,
      synthetic: meta.synthetic === true,
      baseYear,
      schoolSystem,
      schools,
      zones: parsedZones.zones,
      zoneState: createZoneState(parsedZones.geometry, parsedZones.shared),
      unitIds,
      unitX,
      unitY,
      births,
      housing,
      intakePlan,
      history,
      pupils,
      ...(texts['roads.geojson'] !== undefined && { roads: parseRoads('roads.geojson', texts['roads.geojson']) }),
      ...(texts['barriers.geojson'] !== undefined && { barrierLines: parseBarriers('barriers.geojson', texts['barriers.geojson']) }),
      ...(students.files && { pupilFiles: students.files }),
      rowsRead: students.rowsRead,
      rejected: students.rejected,
      warnings: students.warnings,
      ...(students.skipped.length > 0 && { skipped: students.skipped }),
    },
    zoneFeatures: parsedZones.features,
    county,
    context: optional('context.geojson'),
    units: units && { type: 'FeatureCollection', features: units },
  };
}

/** The place a county outline names: the one `name` its features give (a DataV outline has one feature), else undefined. */
function outlineName(county: FeatureCollection | undefined): string | undefined {
  const names = new Set((county?.features ?? []).map((f) => f.properties?.name).filter((n) => typeof n === 'string').map((n: string) => n.trim()).filter((n) => n !== ''));
  return names.size === 1 ? [...names][0] : undefined;
}
