import type { Feature, FeatureCollection } from 'geojson';
import { echoList } from '../../core/printable';
import type { DataProblem, DataProblemCode } from '../../core/dataProblems';
import { describeDataProblem } from '../../core/dataProblems';
import type { RejectedRow } from '../../core/dataset';
import type { ZoneLevel } from '../../core/rules';
import { asDataError, DataError, featuresOf, parseJsonFile } from '../dataError';
import type { DatasetTexts } from '../readDataset';
import { COLUMN_SPECS, mappedKindOf, type MappedKind } from './columnAliases';
import { combineFeatureTexts, combinePupilRows, type FeatureSpan, type PartPiece, type PupilRowsPiece } from './combineParts';
import { createAddressPlacer } from './addressPlacement';
import { DEFAULT_SCHOOL_SYSTEM, parseSchoolSystem, primaryLastGradeOf, type SchoolSystem } from '../../core/schoolSystem';
import { chooseYear, yearsOfTable, type BaseYearChoice, type StatedYear } from './baseYear';
import { applyOverrides, mappingFit, refuseRepeatedColumns, unreadCopies, type ColumnMapping } from './columnMapping';
import { geometryToWgs84, swapGeometryLonLat, type Crs } from './crs';
import { MAX_JSON_BYTES } from '../jsonLimits';
import { crsHint, type CrsHintSource } from './crsHint';
import { csvOrXlsxTable } from './readTable';
import { kmlText } from './kmzText';
import type { SheetNotRead, Table } from './table';
import { DATASET_PARTS, guessPart, MULTI_FILE_PARTS, PART_FILES, type DatasetPart } from './datasetPart';
import { detectFormat, type FileFormat } from './fileFormat';
import { knownSchoolsOf, parsedSchoolsOf } from './knownSchools';
import { readKmlFolders } from './kmlZones';
import { countyFromFeatures, looseFeatures } from './looseGeoJson';
import { levelFromText } from './pupilGrade';
import { schoolsFromGeoJson, schoolsFromSheets } from './schoolsGeoJson';
import { readShapefileZip } from './shapefileZip';
import { pupilRowsOfTable, sheetSchools } from './tablePupilRows';
import type { PupilRowSource } from '../pupilRows';
import type { SkippedRow } from './totalRows';
import { decodeDocument } from './textDecoding';
import { unitsFromGeoJson, unitsFromTable, type UnplacedUnit } from './unitsTable';
import { zonesToContract } from './zonesGeoJson';
import { countyAreas } from './countyAreas';
import { NOT_A_ZONE, type NotAZone } from '../../core/notAZone';
import { resolveZoneSchools } from './zoneSchools';

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
  /** The planner picked `mapping`'s columns among the header's (a repeated name's copy included), as the app's mapping step has them pick. */
  columnsPicked?: boolean;
  /** The school year (its autumn) the planner says the file describes; overrides what the files say. */
  baseYear?: number;
  /** The school system the planner says the county has (any file's); overrides dataset.json's. */
  schoolSystem?: SchoolSystem;
  /** Pupils: the level cohort grades (2023级) count from when neither the cell nor the school says. */
  cohortLevel?: ZoneLevel;
  /** Zones: the level of every zone of the file ("all zones in this file are 小学"), over any level column. */
  level?: ZoneLevel;
  /** Longitude and latitude are swapped in the file (its longitude column holds latitudes, positions are [lat, lon]): read them the other way round. */
  swapLonLat?: boolean;
}

/** What was found in one file and how it was read, for the app to show and the CLI to log. */
export interface ImportNote {
  file: string;
  part: DatasetPart;
  format: FileFormat;
  crs: Crs;
  /** Where `crs` came from: the caller, the file's name or its coordinate column (crsHint); absent: the default, WGS84. */
  crsFrom?: 'given' | CrsHintSource;
  /** Zones: the level given to the whole file. */
  level?: ZoneLevel;
  /** Longitude and latitude were read swapped, as the caller asked. */
  swapLonLat?: true;
  /** Shapefile: the datum its .prj names when positions are read without a shift to WGS84 (see unshiftedDatum). */
  datum?: string;
  /** Text encoding found (text formats), or the .dbf's (Shapefile). */
  encoding?: string;
  delimiter?: string;
  /** Worksheet read (XLSX: the first). */
  sheet?: string;
  /** A pupils or schools XLSX split into worksheets with one header: the sheets read, in order (pupil rows are named `file [sheet]`). */
  sheetsRead?: string[];
  /** XLSX: the other worksheets that hold rows, not read. */
  otherSheets?: SheetNotRead[];
  /** Column names as read (tables) or property keys (features). */
  header?: string[];
  /** The mapping used: contract column → header name or property key. */
  mapping?: ColumnMapping;
  /** Data rows (tables but the pupils', counted as they are read) or features read; total rows are not counted but listed in `skipped`. */
  count?: number;
  /** Total rows of a table (合计, 小计 …) not read as data. */
  skipped?: SkippedRow[];
  /** A school table: the row (CSV: line) each school feature was made from, to name it in messages. */
  featureRows?: number[];
  /** A school table read from several sheets: the sheet each school feature was made from. */
  featureSheets?: string[];
  /** Base years the file states (name, sheet, title). */
  years?: StatedYear[];
  /** Pupils: the level cohort grades count from for the whole file (given, or read from its name, sheet or title). */
  cohortLevel?: ZoneLevel;
}

/** The dataset in the data contract's texts (the pupils as rows), the original name of each, and a note per file. */
export interface ImportedDataset {
  /** The contract's files but students.csv, whose rows are `pupils`. */
  texts: DatasetTexts;
  /** The pupils' rows in students.csv's columns, converted from their files as they are read. */
  pupils?: PupilRowSource;
  /** Contract file name → the file it was made from (several: their names joined by ", "), to name in messages. */
  sources: Partial<Record<keyof DatasetTexts, string>>;
  /** Contract files of features made from several files (zones, units) → per file, in order, its name and features, to name a feature by its own file and number. */
  spans: Partial<Record<keyof DatasetTexts, FeatureSpan[]>>;
  notes: ImportNote[];
  /** The base year cohort grades were converted for, and what the files say. */
  baseYear: BaseYearChoice;
  /** The school system grades were read under (the planner's, else dataset.json's, else 六三制); dataset.json's text states it. */
  schoolSystem: SchoolSystem;
  /** Total rows of tables other than the pupils' skipped, by original file (and sheet) and row, in file order (the pupils' are skipped as their rows are read). */
  skipped: RejectedRow[];
  /** Rows of tables other than the pupils' (compounds and villages) not loaded, with file, line and reason. */
  rejected: RejectedRow[];
  /** Rows of tables other than the pupils' (schools, compounds and villages) loaded with a remark (read with longitude and latitude swapped). */
  remarks: RejectedRow[];
  /** Optional map files (county outline, context) not used because they are broken, and worksheets of a workbook other than the one read; the rest loaded. */
  notUsed: FileNotUsed[];
}

/** An optional file left out of the dataset, and why (a warning: the rest loads). */
export interface FileNotUsed {
  file: string;
  /** The reason in English. */
  reason: string;
  problem: DataProblem;
}

/** dataset.json's text (or none) stating the planner's school system, whatever it said; one that is not an object is left for readDataset to refuse. */
function withStatedSystem(text: string | undefined, system: SchoolSystem): string | undefined {
  const meta: unknown = text === undefined ? {} : parseJsonFile('dataset.json', text);
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) return text;
  return JSON.stringify({ ...meta, schoolSystem: system });
}

/** Parts whose broken file is left out with a warning instead of stopping the import: they only draw the map (and bound the gaps). */
const OPTIONAL_MAP_PARTS: ReadonlySet<DatasetPart> = new Set(['county', 'context']);

/** Property keys of features, in order of first appearance. */
function propertyKeys(features: Feature[]): string[] {
  const keys = new Set<string>();
  for (const f of features) for (const k of Object.keys(f?.properties ?? {})) keys.add(k);
  return [...keys];
}

/**
 * The mapping of a header, or a DataError naming a column the caller's mapping names that the file
 * lacks, or the required columns it lacks (positions of features come from their geometry; a zones
 * file given one level needs no level column).
 */
function mapOrFail(file: ImportFile, header: string[], kind: MappedKind, hasGeometry: boolean): ColumnMapping {
  for (const [column, name] of Object.entries(file.mapping ?? {})) {
    if (name !== '' && !header.includes(name)) throw new DataError(file.name, 'mappedColumnNotFound', { key: column, value: name, found: echoList(header) });
  }
  const { mapping, missing: lacking } = applyOverrides(header, kind, file.mapping);
  // Pupils with an address but no coordinates are placed at the unit the address names.
  const positioned = hasGeometry || (kind === 'students' && mapping.address !== undefined);
  const missing = lacking.filter((c) => !(positioned && (c === 'lon' || c === 'lat')) && !(c === 'level' && file.level !== undefined));
  if (missing.length > 0) {
    const named = (c: string) => {
      const orElse = COLUMN_SPECS[kind].find((spec) => spec.column === c)?.orElse;
      return orElse === undefined ? `"${c}"` : `"${c}" (or "${orElse}")`;
    };
    throw new DataError(file.name, 'missingColumns', { columns: missing.map(named).join(', '), found: echoList(header) });
  }
  return mapping;
}

/** A file's coordinate system: the caller's, else the one its coordinate columns or name say (crsHint), else WGS84. */
function crsOf(file: ImportFile, columns: (string | undefined)[]): Pick<ImportNote, 'crs' | 'crsFrom'> {
  if (file.crs !== undefined) return { crs: file.crs, crsFrom: 'given' };
  const hint = crsHint(file.name, columns);
  return hint ? { crs: hint.crs, crsFrom: hint.from } : { crs: 'wgs84' };
}

/** A file's features, with the parts of it left out (a KML's folders of earlier years). */
async function readFeatures(file: ImportFile, format: FileFormat, note: ImportNote): Promise<{ features: Feature[]; notUsed: FileNotUsed[] }> {
  if (format === 'shapefile') {
    const { features, encoding, datum } = await readShapefileZip(file.name, file.bytes);
    note.encoding = encoding;
    if (datum !== undefined) note.datum = datum;
    return { features, notUsed: [] };
  }
  checkJsonSize(file);
  const { text, encoding } = format === 'kml' ? await kmlText(file.name, file.bytes) : decodeDocument(file.name, file.bytes);
  note.encoding = encoding;
  if (format !== 'kml') return { features: looseFeatures(file.name, text), notUsed: [] };
  const { features, leftOut } = readKmlFolders(file.name, text);
  return {
    features,
    notUsed: leftOut.map((f) => {
      const problem = { code: 'kmlFolderOlderYear' as const, params: { got: f.name, value: f.read, n: f.placemarks } };
      return { file: `${file.name} [${f.name}]`, reason: describeDataProblem(problem.code, problem.params, 'en'), problem };
    }),
  };
}

/** Refuses a JSON or KML file over MAX_JSON_BYTES before it is decoded. */
function checkJsonSize(file: ImportFile): void {
  const bytes = file.bytes.length;
  if (bytes > MAX_JSON_BYTES) throw new DataError(file.name, 'fileTooLarge', { got: `${Math.ceil(bytes / 2 ** 20)} MB`, max: MAX_JSON_BYTES / 2 ** 20 });
}

/** A table's mapping with its longitude and latitude columns exchanged when the file says they are swapped. */
function swapColumns(file: ImportFile, mapping: ColumnMapping): ColumnMapping {
  if (!file.swapLonLat) return mapping;
  const { lon, lat, ...rest } = mapping;
  return { ...rest, ...(lat !== undefined && { lon: lat }), ...(lon !== undefined && { lat: lon }) };
}

/** Features with every position's longitude and latitude exchanged when the file says they are swapped. */
function swapFeatures(file: ImportFile, features: Feature[]): Feature[] {
  return file.swapLonLat ? features.map((f) => ({ ...f, geometry: swapGeometryLonLat(f?.geometry ?? null) }) as Feature) : features;
}

const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

/** What files are read with: the parts read before them (units for addresses, schools for zones and pupils named by school), and the base year as far as known. */
interface ImportContext {
  texts: DatasetTexts;
  stated: StatedYear[];
  /** The planner's base year (any file's). */
  option?: number;
  /** The planner's school system, else dataset.json's once read. */
  system?: SchoolSystem;
  /** Compounds and villages of the units' tables not loaded for want of a position (read before the pupils). */
  unplaced: UnplacedUnit[];
}

/** The names a pupils file's rows go by: the file's, or `file [sheet]` for each worksheet read of a list split into sheets. */
export function pupilFileLabels(note: Pick<ImportNote, 'file' | 'sheetsRead'>): string[] {
  return note.sheetsRead ? note.sheetsRead.map((sheet) => `${note.file} [${sheet}]`) : [note.file];
}

/** What an import of one file gives: its contract text (pupils: its rows, by worksheet when split), a note, and rows not loaded. */
interface FileImport {
  text?: string;
  /** Pupils: the rows of the file, or of each of its worksheets (named `file [sheet]`) when the list is split into sheets. */
  pupils?: PupilRowsPiece[];
  note: ImportNote;
  rejected?: RejectedRow[];
  remarks?: RejectedRow[];
  /** Parts of the file left out (areas of a county file outside the county), with why. */
  notUsed?: FileNotUsed[];
}

/** One file as the text of its contract file. */
async function importFile(file: ImportFile, part: DatasetPart, format: FileFormat, ctx: ImportContext): Promise<FileImport> {
  const { texts } = ctx;
  const note: ImportNote = { file: file.name, part, format, ...crsOf(file, []) };
  const target = PART_FILES[part];
  const wrongFormat = () => new DataError(file.name, 'wrongFormat', { value: target, got: format.toUpperCase() });
  const kind = mappedKindOf(part);
  if (part === 'births' || part === 'housing' || part === 'intakePlan' || part === 'history') {
    // Planning tables keep the contract's own columns (WGS84 positions); only the encoding is detected.
    if (format !== 'csv') throw wrongFormat();
    const { text, encoding } = decodeDocument(file.name, file.bytes);
    return { text, note: { file: file.name, part, format, crs: 'wgs84', encoding } };
  }
  if (format === 'csv' || format === 'xlsx') {
    if (kind !== 'students' && kind !== 'schools' && kind !== 'units') throw wrongFormat();
    const table = await csvOrXlsxTable(file.name, format, file.bytes, (header) => mappingFit(header, kind, file.mapping));
    const mapping = swapColumns(file, mapOrFail(file, table.header, kind, false));
    refuseRepeatedColumns(file.name, mapping, table.repeated, file.mapping);
    // A mapping file naming a repeated name bare takes its first copy: the others are named as not read.
    const unread = (file.columnsPicked ? [] : unreadCopies(file.mapping ?? {}, table.repeated)).flatMap(({ column, name, others }) => others.map((other): FileNotUsed => {
      const params = { key: column, got: name };
      return { file: `${file.name} [${other}]`, reason: describeDataProblem('repeatedColumnUnread', params, 'en'), problem: { code: 'repeatedColumnUnread', params } };
    }));
    if (file.swapLonLat) note.swapLonLat = true;
    const years = yearsOfTable(file.name, table);
    Object.assign(note, { encoding: table.encoding, delimiter: table.delimiter, sheet: table.sheet, otherSheets: table.otherSheets, header: table.header, mapping, years }, crsOf(file, [mapping.lon, mapping.lat]));
    if (kind === 'students') {
      const unitsText = texts['units.geojson'];
      const placer = mapping.address === undefined ? undefined : createAddressPlacer(unitsText === undefined ? undefined : featuresOf(PART_FILES.units, unitsText), ctx.unplaced);
      ctx.stated.unshift(...years);
      const baseYear = chooseYear(ctx.option, ctx.stated, file.name).year ?? new Date().getFullYear();
      const schools = knownSchoolsOf(texts['schools.geojson']);
      const sheets = [table, ...(table.alikeSheets ?? [])];
      // Each sheet's cohorts count from the level its name or title says (a list split into 小学 and 初中).
      const levelOf = (t: Table) => file.cohortLevel ?? [file.name, t.sheet ?? '', ...t.titles].map(levelFromText).find((l) => l !== undefined);
      const read: ImportNote = { ...note, cohortLevel: levelOf(table), ...(sheets.length > 1 && { sheetsRead: sheets.map((t) => t.sheet ?? '') }) };
      const labels = pupilFileLabels(read);
      const sheetSchool = sheetSchools(sheets.map((t) => t.sheet), mapping, schools);
      const pupils = sheets.map((t, i) => ({ file: labels[i], rows: pupilRowsOfTable(t, mapping, note.crs, { placer, baseYear, cohortLevel: levelOf(t), schools, primaryLastGrade: primaryLastGradeOf(ctx.system ?? DEFAULT_SCHOOL_SYSTEM), sheetSchool: sheetSchool[i] }) }));
      return { pupils, note: read, notUsed: unread };
    }
    if (kind === 'schools') {
      ctx.stated.push(...years);
      // A schools table split into sheets (小学, 中学) is read whole, as a pupils list is.
      const read = schoolsFromSheets([table, ...(table.alikeSheets ?? [])], mapping, note.crs);
      const sheets = read.sheets && { featureSheets: read.sheets, sheetsRead: [table, ...(table.alikeSheets ?? [])].map((t) => t.sheet ?? '') };
      return { text: JSON.stringify(read.collection), note: { ...note, count: read.collection.features.length, skipped: read.skipped, featureRows: read.rows, ...sheets }, remarks: read.remarks, notUsed: unread };
    }
    // Compounds are read from one worksheet: the others are listed as not read, alike or not.
    note.otherSheets = [...(table.otherSheets ?? []), ...(table.alikeSheets ?? []).map((t) => ({ name: t.sheet ?? '', rows: t.rowBound }))];
    const units = unitsFromTable(file.name, table, mapping, note.crs);
    ctx.unplaced.push(...units.unplaced);
    return { text: JSON.stringify(units.collection), note: { ...note, count: units.rows }, rejected: units.rejected, remarks: units.remarks, notUsed: unread };
  }
  if (part === 'dataset') {
    if (format !== 'json') throw wrongFormat();
    checkJsonSize(file);
    const { text, encoding } = decodeDocument(file.name, file.bytes);
    const { baseYear, schoolSystem } = (parseJsonFile(file.name, text) as { baseYear?: unknown; schoolSystem?: unknown } | null) ?? {};
    if (Number.isInteger(baseYear)) ctx.stated.push({ year: baseYear as number, said: `"baseYear": ${baseYear}`, file: file.name, in: 'dataset.json' });
    if (typeof schoolSystem === 'string') ctx.system ??= parseSchoolSystem(schoolSystem);
    return { text, note: { file: file.name, part, format, crs: 'wgs84', encoding } };
  }
  if (kind === 'students') throw wrongFormat();
  ctx.stated.push(...yearsOfTable(file.name, undefined));
  const read = await readFeatures(file, format, note);
  const features = swapFeatures(file, read.features);
  if (file.swapLonLat) note.swapLonLat = true;
  note.count = features.length;
  note.header = propertyKeys(features);
  if (part === 'county') {
    const zones = texts['catchments.geojson'] === undefined ? [] : featuresOf(PART_FILES.catchments, texts['catchments.geojson']);
    const areas = countyAreas(countyFromFeatures(file.name, features, note.crs), parsedSchoolsOf(texts['schools.geojson'])?.schools ?? [], zones);
    const params = { n: areas.leftOut.length, value: areas.keptNames.join('、') };
    const leftOut: FileNotUsed[] = areas.leftOut.length === 0 ? [] : [{ file: `${file.name} [${areas.leftOut.join('、')}]`, reason: describeDataProblem('countyAreasLeftOut', params, 'en'), problem: { code: 'countyAreasLeftOut', params } }];
    return { text: JSON.stringify(areas.kept), note, notUsed: [...read.notUsed, ...leftOut] };
  }
  if (kind === undefined) {
    return { text: JSON.stringify(collection(features.map((f) => ({ ...f, geometry: geometryToWgs84(f?.geometry ?? null, note.crs) }) as Feature))), note, notUsed: read.notUsed };
  }
  const mapping = features.length === 0 ? {} : mapOrFail(file, note.header, kind, true);
  note.mapping = mapping;
  if (kind === 'schools') return { text: JSON.stringify(schoolsFromGeoJson(features, mapping, note.crs)), note, notUsed: read.notUsed };
  if (kind === 'units') return { text: JSON.stringify(unitsFromGeoJson(features, mapping, note.crs)), note, notUsed: read.notUsed };
  note.level = file.level;
  const zones = zonesToContract(features, mapping, note.crs, file.level);
  const known = parsedSchoolsOf(texts['schools.geojson']);
  if (known) resolveZoneSchools(file.name, zones.features, mapping, known.schools, known.aliases);
  return { text: JSON.stringify(zones), note, notUsed: [...read.notUsed, ...notZones(file.name, zones.features)] };
}

/** A warning for each feature of a zones file that holds no area (a pin, an empty placemark), by its number in the file and its name. */
function notZones(file: string, features: Feature[]): FileNotUsed[] {
  return features.flatMap((f, i) => {
    const what = f.properties?.[NOT_A_ZONE] as NotAZone | undefined;
    if (what === undefined) return [];
    const name = ['name', 'zone_name', 'school_name'].map((k) => f.properties?.[k]).find((v) => typeof v === 'string' && v.trim() !== '');
    const code = what === 'point' ? 'zonePointSkipped' : 'zoneEmptySkipped';
    const params = { n: i + 1, value: typeof name === 'string' ? ` "${name.trim()}"` : '' };
    return [{ file, reason: describeDataProblem(code, params, 'en'), problem: { code, params } }];
  });
}

// Schools before zones (zones may name their school), units before pupils (addresses are placed at units), pupils last.
const READ_ORDER: DatasetPart[] = ['schools', 'catchments', 'units', 'dataset', 'county', 'context', 'births', 'housing', 'intakePlan', 'history', 'roads', 'barriers', 'students'];

/** The problem of a worksheet passed over, by why. */
const SHEET_NOT_READ: Record<NonNullable<SheetNotRead['why']>, DataProblemCode> = {
  hidden: 'sheetHidden', notCurrent: 'sheetNotCurrent', olderYear: 'sheetOlderYear', unrelated: 'sheetUnrelated',
};

/**
 * Reads a dataset from files in any supported format — pupils from CSV or XLSX; schools from CSV,
 * XLSX or GeoJSON; zones from GeoJSON, zipped Shapefile or KML; compounds and villages from CSV,
 * XLSX or GeoJSON; other optional files as GeoJSON (a FeatureCollection, a bare list of Features
 * or one Feature; JSON for dataset.json) — and writes each as its data contract text, so that
 * readDataset reads them unchanged (readImportedDataset names the original files in its
 * messages); the pupils are handed over as students.csv's rows (`pupils`), converted from their
 * tables as readDataset reads them, with no text of them built. Text encodings are detected, columns and properties mapped by their Chinese, English
 * or pinyin-initial names (or the file's `mapping`), values such as 一年级 or 公办 normalised,
 * positions converted to WGS84 from the file's `crs` (default: what its name or coordinate column
 * says, else WGS84). Zones naming their school only by name get its id. Pupil rows that cannot be
 * read are kept for readPupilRows to reject with their original line, so rows read = loaded +
 * rejected + skipped total rows (合计, 小计 …, listed); unit rows that cannot be read are listed in
 * `rejected`. Pupils with an address and no coordinates are placed at the compound or village of
 * units.geojson their address names; those it names none of are rejected with the 3 nearest
 * candidates. Grades written as cohorts (2023级, 2025届) are converted for the base year: the
 * files' `baseYear` (the planner's), else the year the files state (`2024秋`, `2024学年` in a file
 * or sheet name or a title row, or dataset.json's; the pupils file's first), else the current
 * calendar year; `baseYear` in the result says which and whether the files disagree. A broken
 * county outline or context file is left out and listed in `notUsed`; any other file that cannot
 * be used throws a DataError naming it. `onProgress` hears the fraction done (0..1, by bytes).
 *
 * Zones, pupils and units may each come in several files (MULTI_FILE_PARTS; any other part given
 * twice throws `sameKind`): each is read as above, then they are combined in the order the
 * files were given — features concatenated (`spans` says which file gave which), pupil rows
 * concatenated with a `source_file` column, so every pupil row keeps its own file and line.
 */
export async function importDataset(files: ImportFile[], onProgress?: (fraction: number) => void): Promise<ImportedDataset> {
  const texts: DatasetTexts = {};
  const sources: ImportedDataset['sources'] = {};
  const spans: ImportedDataset['spans'] = {};
  const pieces = new Map<keyof DatasetTexts, PartPiece[]>();
  const pupilPieces: PupilRowsPiece[] = [];
  const notes: ImportNote[] = [];
  const rejected: RejectedRow[] = [];
  const remarks: RejectedRow[] = [];
  const notUsed: FileNotUsed[] = [];
  const planned = files.map((file) => {
    if (file.bytes.length === 0) throw new DataError(file.name, 'emptyFile');
    const format = detectFormat(file.name, file.bytes);
    const part = file.part ?? guessPart(file.name, format);
    if (part === undefined) throw new DataError(file.name, 'unknownKind');
    const target = PART_FILES[part];
    const other = sources[target];
    if (other !== undefined && !MULTI_FILE_PARTS.has(part)) throw new DataError(file.name, 'sameKind', { value: target, got: other });
    sources[target] = other === undefined ? file.name : `${other}, ${file.name}`;
    return { file, format, part, target };
  });
  planned.sort((a, b) => READ_ORDER.indexOf(a.part) - READ_ORDER.indexOf(b.part));
  // Progress by bytes: the pupils file is most of the work.
  const total = files.reduce((a, f) => a + f.bytes.length, 0);
  let done = 0;
  const options = [...new Set(files.map((f) => f.baseYear).filter((y) => y !== undefined))];
  const systemChosen = files.find((f) => f.schoolSystem !== undefined)?.schoolSystem;
  const ctx: ImportContext = { texts, stated: [], option: options[0], system: systemChosen, unplaced: [] };
  for (const { file, format, part, target } of planned) {
    let read: FileImport;
    try {
      read = await importFile(file, part, format, ctx);
    } catch (thrown) {
      // Whatever a library or this program throws on a strange file, the user hears which file.
      const e = asDataError(file.name, thrown);
      if (!OPTIONAL_MAP_PARTS.has(part)) throw e;
      notUsed.push({ file: file.name, reason: e.detail, problem: { code: e.code, params: e.params } });
      delete sources[target];
      continue;
    } finally {
      done += file.bytes.length;
      onProgress?.(done / total);
    }
    if (read.pupils) pupilPieces.push(...read.pupils);
    else {
      const given = [...(pieces.get(target) ?? []), { file: file.name, text: read.text! }];
      pieces.set(target, given);
      // Combined once the part's last file is read: units before the pupils placed at them.
      if (given.length === planned.filter((p) => p.target === target).length) texts[target] = combined(given, spans, target);
    }
    notes.push(read.note);
    notUsed.push(...(read.notUsed ?? []));
    rejected.push(...(read.rejected ?? []));
    remarks.push(...(read.remarks ?? []));
    // Only one worksheet of a workbook is read: rows on the others (pupils split into 小学 and 初中) would be lost without a word.
    for (const other of read.note.otherSheets ?? []) {
      const code: DataProblemCode = other.why ? SHEET_NOT_READ[other.why] : 'sheetNotRead';
      const problem = { code, params: { value: read.note.sheet ?? '', n: other.rows } };
      notUsed.push({ file: `${file.name} [${other.name}]`, reason: describeDataProblem(problem.code, problem.params, 'en'), problem });
    }
  }
  notes.sort((a, b) => DATASET_PARTS.indexOf(a.part) - DATASET_PARTS.indexOf(b.part));
  const skipped = notes.flatMap((n) => (n.skipped ?? []).map(({ line, problem, sheet = n.sheet }) => ({ file: n.file, ...(sheet !== undefined && { sheet }), line, reason: describeDataProblem(problem.code, problem.params, 'en'), problem })));
  const pupilsFile = notes.find((n) => n.part === 'students')?.file;
  const pupils = pupilPieces.length <= 1 ? pupilPieces[0]?.rows : combinePupilRows(pupilPieces);
  const schoolSystem = ctx.system ?? DEFAULT_SCHOOL_SYSTEM;
  if (systemChosen !== undefined) texts['dataset.json'] = withStatedSystem(texts['dataset.json'], systemChosen);
  return { texts, ...(pupils && { pupils }), sources, spans, notes, baseYear: chooseYear(ctx.option, ctx.stated, pupilsFile), schoolSystem, skipped, rejected, remarks, notUsed };
}

/** A contract file's text from the texts of the files that gave it (one: that text, unchanged). */
function combined(parts: PartPiece[], spans: ImportedDataset['spans'], target: keyof DatasetTexts): string {
  if (parts.length === 1) return parts[0].text;
  const { text, spans: own } = combineFeatureTexts(parts);
  spans[target] = own;
  return text;
}
