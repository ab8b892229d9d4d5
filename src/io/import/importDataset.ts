import type { Feature, FeatureCollection } from 'geojson';
import type { RejectedRow } from '../../core/dataset';
import { describeDataProblem } from '../../core/dataProblems';
import type { ZoneLevel } from '../../core/rules';
import { DataError, featuresOf, parseJsonFile } from '../dataError';
import type { DatasetTexts } from '../readDataset';
import type { MappedKind } from './columnAliases';
import { createAddressPlacer } from './addressPlacement';
import { chooseYear, yearsOfTable, type BaseYearChoice, type StatedYear } from './baseYear';
import { applyOverrides, type ColumnMapping } from './columnMapping';
import { geometryToWgs84, type Crs } from './crs';
import { csvOrXlsxTable } from './readTable';
import { DATASET_PARTS, guessPart, PART_FILES, type DatasetPart } from './datasetPart';
import { detectFormat, type FileFormat } from './fileFormat';
import { knownSchools } from './knownSchools';
import { readKml } from './kmlZones';
import { levelFromText } from './pupilGrade';
import { schoolsFromGeoJson, schoolsFromTable } from './schoolsGeoJson';
import { readShapefileZip } from './shapefileZip';
import { studentsCsvFromTable } from './studentsCsv';
import type { SkippedRow } from './totalRows';
import { decodeText } from './textDecoding';
import { zonesToContract } from './zonesGeoJson';

/** One input file: its name as the user knows it (its extension decides the format) and its bytes. */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
  /** The dataset part it gives; guessed from the name (guessPart) when absent. */
  part?: DatasetPart;
  /** The coordinate system of its positions; default wgs84. */
  crs?: Crs;
  /** Contract column → header name (or property key), laid over the suggested mapping; '' unmaps. */
  mapping?: ColumnMapping;
  /** The school year (its autumn) the planner says the file describes; overrides what the files say. */
  baseYear?: number;
  /** Pupils: the level cohort grades (2023级) count from when neither the cell nor the school says. */
  cohortLevel?: ZoneLevel;
}

/** What was found in one file and how it was read, for the app to show and the CLI to log. */
export interface ImportNote {
  file: string;
  part: DatasetPart;
  format: FileFormat;
  crs: Crs;
  /** Text encoding found (text formats), or the .dbf's (Shapefile). */
  encoding?: string;
  delimiter?: string;
  /** Worksheet read (XLSX: the first). */
  sheet?: string;
  /** Column names as read (tables) or property keys (features). */
  header?: string[];
  /** The mapping used: contract column → header name or property key. */
  mapping?: ColumnMapping;
  /** Data rows (tables) or features read; total rows are not counted but listed in `skipped`. */
  count?: number;
  /** Total rows of a table (合计, 小计 …) not read as data. */
  skipped?: SkippedRow[];
  /** A school table: the row (CSV: line) each school feature was made from, to name it in messages. */
  featureRows?: number[];
  /** Base years the file states (name, sheet, title). */
  years?: StatedYear[];
  /** Pupils: the level cohort grades count from for the whole file (given, or read from its name, sheet or title). */
  cohortLevel?: ZoneLevel;
}

/** The dataset in the data contract's texts, the original name of each, and a note per file. */
export interface ImportedDataset {
  texts: DatasetTexts;
  /** Contract file name → the file it was made from, to name in messages. */
  sources: Partial<Record<keyof DatasetTexts, string>>;
  notes: ImportNote[];
  /** The base year cohort grades were converted for, and what the files say. */
  baseYear: BaseYearChoice;
  /** Total rows skipped, by original file (and sheet) and row, in file order. */
  skipped: RejectedRow[];
}

const MAPPED: Partial<Record<DatasetPart, MappedKind>> = { students: 'students', schools: 'schools', catchments: 'catchments' };

/** Property keys of features, in order of first appearance. */
function propertyKeys(features: Feature[]): string[] {
  const keys = new Set<string>();
  for (const f of features) for (const k of Object.keys(f?.properties ?? {})) keys.add(k);
  return [...keys];
}

/** The mapping of a header, or a DataError naming the required columns it lacks (positions of features come from their geometry). */
function mapOrFail(file: ImportFile, header: string[], kind: MappedKind, hasGeometry: boolean): ColumnMapping {
  const { mapping, missing: lacking } = applyOverrides(header, kind, file.mapping);
  // Pupils with an address but no coordinates are placed at the unit the address names.
  const positioned = hasGeometry || (kind === 'students' && mapping.address !== undefined);
  const missing = positioned ? lacking.filter((c) => c !== 'lon' && c !== 'lat') : lacking;
  if (missing.length > 0) throw new DataError(file.name, 'missingColumns', { columns: missing.map((c) => `"${c}"`).join(', '), found: header.join(', ') });
  return mapping;
}

async function readFeatures(file: ImportFile, format: FileFormat, note: ImportNote): Promise<Feature[]> {
  if (format === 'shapefile') {
    const { features, encoding } = await readShapefileZip(file.name, file.bytes);
    note.encoding = encoding;
    return features;
  }
  const { text, encoding } = decodeText(file.bytes);
  note.encoding = encoding;
  return format === 'kml' ? readKml(file.name, text) : featuresOf(file.name, text);
}

const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

/** The schools read so far, for the pupils' school names and levels; undefined when there are none or they cannot be read (parseSchools says why). */
function schoolsOf(text: string | undefined) {
  if (text === undefined) return undefined;
  try {
    return knownSchools(featuresOf(PART_FILES.schools, text));
  } catch {
    return undefined;
  }
}

/** What pupils are read with: the files read before them, and the base year as far as known. */
interface ImportContext {
  texts: DatasetTexts;
  stated: StatedYear[];
  /** The planner's base year (any file's). */
  option?: number;
}

/** One file as the text of its contract file. */
async function importFile(file: ImportFile, part: DatasetPart, format: FileFormat, ctx: ImportContext, onFraction?: (f: number) => void): Promise<{ text: string; note: ImportNote }> {
  const crs = file.crs ?? 'wgs84';
  const note: ImportNote = { file: file.name, part, format, crs };
  const target = PART_FILES[part];
  const wrongFormat = () => new DataError(file.name, 'wrongFormat', { value: target, got: format.toUpperCase() });
  const kind = MAPPED[part];
  if (part === 'births' || part === 'housing') {
    // Planning tables keep the contract's own columns (WGS84 positions); only the encoding is detected.
    if (format !== 'csv') throw wrongFormat();
    const { text, encoding } = decodeText(file.bytes);
    return { text, note: { ...note, encoding } };
  }
  if (format === 'csv' || format === 'xlsx') {
    if (kind !== 'students' && kind !== 'schools') throw wrongFormat();
    const table = await csvOrXlsxTable(file.name, format, file.bytes);
    const mapping = mapOrFail(file, table.header, kind, false);
    const years = yearsOfTable(file.name, table);
    Object.assign(note, { encoding: table.encoding, delimiter: table.delimiter, sheet: table.sheet, header: table.header, mapping, years });
    if (kind === 'students') {
      const unitsText = ctx.texts['units.geojson'];
      const placer = mapping.address === undefined ? undefined : createAddressPlacer(unitsText === undefined ? undefined : featuresOf(PART_FILES.units, unitsText));
      const lines = countLines(file.bytes);
      ctx.stated.unshift(...years);
      const baseYear = chooseYear(ctx.option, ctx.stated, file.name).year ?? new Date().getFullYear();
      const cohortLevel = file.cohortLevel ?? [file.name, table.sheet ?? '', ...table.titles].map(levelFromText).find((l) => l !== undefined);
      const csv = studentsCsvFromTable(table, mapping, crs, {
        placer, baseYear, cohortLevel, schools: schoolsOf(ctx.texts['schools.geojson']), onLine: (line) => onFraction?.(line / lines),
      });
      return { text: csv.text, note: { ...note, count: csv.rows, skipped: csv.skipped, cohortLevel } };
    }
    ctx.stated.push(...years);
    const schools = schoolsFromTable(table, mapping, crs);
    return { text: JSON.stringify(schools.collection), note: { ...note, count: schools.collection.features.length, skipped: schools.skipped, featureRows: schools.rows } };
  }
  if (part === 'dataset') {
    if (format !== 'json') throw wrongFormat();
    const { text, encoding } = decodeText(file.bytes);
    const baseYear = (parseJsonFile(file.name, text) as { baseYear?: unknown } | null)?.baseYear;
    if (Number.isInteger(baseYear)) ctx.stated.push({ year: baseYear as number, said: `"baseYear": ${baseYear}`, file: file.name, in: 'dataset.json' });
    return { text, note: { ...note, encoding } };
  }
  if (kind === 'students') throw wrongFormat();
  ctx.stated.push(...yearsOfTable(file.name, undefined));
  const features = await readFeatures(file, format, note);
  note.count = features.length;
  note.header = propertyKeys(features);
  if (kind === undefined) {
    return { text: JSON.stringify(collection(features.map((f) => ({ ...f, geometry: geometryToWgs84(f?.geometry ?? null, crs) }) as Feature))), note };
  }
  const mapping = features.length === 0 ? {} : mapOrFail(file, note.header, kind, true);
  note.mapping = mapping;
  const out = kind === 'schools' ? schoolsFromGeoJson(features, mapping, crs) : zonesToContract(features, mapping, crs);
  return { text: JSON.stringify(out), note };
}

/**
 * Reads a dataset from files in any supported format — pupils from CSV or XLSX; schools from CSV,
 * XLSX or GeoJSON; zones from GeoJSON, zipped Shapefile or KML; optional files as GeoJSON (JSON
 * for dataset.json) — and writes each as its data contract text, so that readDataset reads them
 * unchanged (readImportedDataset names the original files in its messages). Text encodings are
 * detected, columns and properties mapped by their Chinese or English names (or the file's
 * `mapping`), values such as 一年级 or 公办 normalised, positions converted to WGS84. Pupil rows
 * that cannot be read are kept for parseStudents to reject with their original line, so rows read
 * = loaded + rejected. Pupils with an address and no coordinates are placed at the compound or
 * village of units.geojson their address names; those it names none of are rejected with the 3
 * nearest candidates. Total rows of tables (合计, 小计 …) are skipped and listed. Grades written as
 * cohorts (2023级, 2025届) are converted for the base year: the files' `baseYear` (the planner's),
 * else the year the files state (`2024秋`, `2024学年` in a file or sheet name or a title row, or
 * dataset.json's; the pupils file's first), else the current calendar year; `baseYear` in the
 * result says which and whether the files disagree. Throws a DataError naming the file that stops
 * the import. `onProgress` hears the fraction done (0..1, by bytes).
 */
export async function importDataset(files: ImportFile[], onProgress?: (fraction: number) => void): Promise<ImportedDataset> {
  const texts: DatasetTexts = {};
  const sources: ImportedDataset['sources'] = {};
  const notes: ImportNote[] = [];
  const planned = files.map((file) => {
    if (file.bytes.length === 0) throw new DataError(file.name, 'emptyFile');
    const format = detectFormat(file.name, file.bytes);
    const part = file.part ?? guessPart(file.name, format);
    if (part === undefined) throw new DataError(file.name, 'unknownKind');
    const target = PART_FILES[part];
    const other = sources[target];
    if (other !== undefined) throw new DataError(file.name, 'sameKind', { value: target, got: other });
    sources[target] = file.name;
    return { file, format, part, target };
  });
  // Pupils last: addresses without coordinates are matched to the units read before them.
  planned.sort((a, b) => Number(a.part === 'students') - Number(b.part === 'students'));
  // Progress by bytes: the pupils file is most of the work.
  const total = files.reduce((a, f) => a + f.bytes.length, 0);
  let done = 0;
  const options = [...new Set(files.map((f) => f.baseYear).filter((y) => y !== undefined))];
  const ctx: ImportContext = { texts, stated: [], option: options[0] };
  for (const { file, format, part, target } of planned) {
    const { text, note } = await importFile(file, part, format, ctx, (f) => onProgress?.((done + f * file.bytes.length) / total));
    done += file.bytes.length;
    onProgress?.(done / total);
    texts[target] = text;
    notes.push(note);
  }
  notes.sort((a, b) => DATASET_PARTS.indexOf(a.part) - DATASET_PARTS.indexOf(b.part));
  const skipped = notes.flatMap((n) => (n.skipped ?? []).map(({ line, problem }) => ({ file: n.file, ...(n.sheet !== undefined && { sheet: n.sheet }), line, reason: describeDataProblem(problem.code, problem.params, 'en'), problem })));
  return { texts, sources, notes, baseYear: chooseYear(ctx.option, ctx.stated, sources['students.csv']), skipped };
}

/** Lines in a text file's bytes (line feeds, plus a last line without one). */
function countLines(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) n++;
  return bytes.length > 0 && bytes[bytes.length - 1] !== 10 ? n + 1 : Math.max(n, 1);
}
