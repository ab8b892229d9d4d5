import type { DatasetTexts } from '../readDataset';
import type { FileFormat } from './fileFormat';

/** The part of a dataset a file gives: the three required ones, or an optional file. */
export type DatasetPart = 'schools' | 'catchments' | 'students' | 'dataset' | 'units' | 'county' | 'context' | 'births' | 'housing' | 'intakePlan' | 'history' | 'roads' | 'barriers';

/** The data contract file each part becomes. */
export const PART_FILES = {
  schools: 'schools.geojson',
  catchments: 'catchments.geojson',
  students: 'students.csv',
  dataset: 'dataset.json',
  units: 'units.geojson',
  county: 'county.geojson',
  context: 'context.geojson',
  births: 'births.csv',
  housing: 'housing.csv',
  intakePlan: 'intake_plan.csv',
  history: 'history.csv',
  roads: 'roads.geojson',
  barriers: 'barriers.geojson',
} as const satisfies Record<DatasetPart, keyof DatasetTexts>;

/** Every part, in the order readDataset reads them. */
export const DATASET_PARTS = Object.keys(PART_FILES) as DatasetPart[];

// Checked in this order: a "学校学生名单" is pupils, a "学校片区" is zones, a "学区小区" zones.
const NAME_PATTERNS: [DatasetPart, RegExp][] = [
  ['students', /student|pupil|学生|学籍/i],
  ['catchments', /catchment|zone|学区|片区|划片|招生范围/i],
  ['schools', /school|学校/i],
  ['units', /小区|村庄|村居|社区|compound|village|\bunits?\b/i],
  // A DataV GeoAtlas download is named by the county's 6-digit code (370783.json, 370783_full.json).
  ['roads', /\broads?\b|道路|路网/i],
  ['barriers', /barrier|河流|水系|铁路|障碍/i],
  ['county', /county|outline|县界|市界|边界|行政区划|^\d{6}(_full)?\.(geo)?json$/i],
];

/**
 * The part a file most likely gives: a data contract file name decides, then words in the name
 * (students/学生, catchments/zones/片区, schools/学校, 小区/村庄/社区 for compounds and villages,
 * 县界/边界/outline or a 6-digit county code for the county outline), then the format (Shapefile
 * and KML are zones); undefined when nothing tells.
 */
export function guessPart(name: string, format: FileFormat): DatasetPart | undefined {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).toLowerCase();
  const exact = DATASET_PARTS.find((part) => PART_FILES[part] === base);
  if (exact) return exact;
  const named = NAME_PATTERNS.find(([, pattern]) => pattern.test(base));
  if (named) return named[0];
  return format === 'shapefile' || format === 'kml' ? 'catchments' : undefined;
}

/** Parts that may come in several files (zones in a Shapefile and a KML, pupils in an export and a supplement), combined in the order given. */
export const MULTI_FILE_PARTS: ReadonlySet<DatasetPart> = new Set(['catchments', 'students', 'units']);
