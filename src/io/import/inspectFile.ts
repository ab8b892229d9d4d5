import { parseCohort } from '../../core/cohortGrade';
import type { ZoneLevel } from '../../core/rules';
import { asDataError, DataError } from '../dataError';
import { yearsOfTable, type StatedYear } from './baseYear';
import { applyOverrides, mappingFit, requiredMissing, type MappingSuggestion } from './columnMapping';
import { mappedKindOf } from './columnAliases';
import { crsHint, type CrsHint } from './crsHint';
import { guessPart, type DatasetPart } from './datasetPart';
import { detectFormat, type FileFormat } from './fileFormat';
import type { ImportFile } from './importDataset';
import { readKml } from './kmlZones';
import { kmlText } from './kmzText';
import { looseFeatures } from './looseGeoJson';
import { csvOrXlsxTable } from './readTable';
import { levelFromText } from './pupilGrade';
import { readShapefileZip } from './shapefileZip';
import type { RepeatedColumn, Table } from './table';
import { decodeDocument } from './textDecoding';

/** What a file looks like before import: for a mapping screen to show and let the user correct. */
export interface FileInspection {
  format: FileFormat;
  /** The part guessed (or given); undefined when the name does not tell. */
  part?: DatasetPart;
  /** Column names (tables) or property keys (features), in file order. */
  header: string[];
  /** The mapping importDataset would use for the part, and the required columns it lacks. */
  suggestion?: MappingSuggestion;
  /** Base years the file states in its name, sheet name or title rows (2024秋, 2024学年 …). */
  years: StatedYear[];
  /** A table: the level its name, sheet or title says (初中, 小学), for cohort grades. */
  level?: ZoneLevel;
  /** A table: the distinct cohort grades (2023级, 2025届) among its first rows, in order of appearance. */
  cohorts: string[];
  /** A table: the names its header has more than once, with the names `header` gives their copies. */
  repeated?: RepeatedColumn[];
  /** The coordinate system the file's name or its suggested coordinate columns name, if any. */
  crsHint?: CrsHint;
}

const COHORT_SCAN_ROWS = 5000;
const COHORT_SAMPLES = 12;

/** The distinct cohort values of a table's first rows (any column), at most COHORT_SAMPLES. */
function cohortsOf(table: Table): string[] {
  const found = new Set<string>();
  let rows = 0;
  table.forEachRow((cells) => {
    if (rows++ >= COHORT_SCAN_ROWS || found.size >= COHORT_SAMPLES) return false;
    for (const c of cells) if (c.length <= 12 && /[级届]/.test(c) && parseCohort(c)) found.add(c.trim());
  }, () => rows++ < COHORT_SCAN_ROWS);
  return [...found];
}

/**
 * Reads just enough of a file to show its format, part, columns and suggested mapping (with the
 * file's own `mapping` laid over it), the coordinate system its name or columns say, the base
 * years it states, and for pupils the cohort grades among its first rows (rows with a broken quote
 * passed over: the load reports them). Throws a DataError naming the file when it cannot be read,
 * whatever went wrong (asDataError).
 */
export async function inspectFile(file: ImportFile): Promise<FileInspection> {
  try {
    return await inspect(file);
  } catch (e) {
    throw asDataError(file.name, e);
  }
}

async function inspect(file: ImportFile): Promise<FileInspection> {
  if (file.bytes.length === 0) throw new DataError(file.name, 'emptyFile');
  const format = detectFormat(file.name, file.bytes);
  const part = file.part ?? guessPart(file.name, format);
  let header: string[];
  let table: Table | undefined;
  const kind = mappedKindOf(part);
  if (format === 'csv' || format === 'xlsx') {
    table = await csvOrXlsxTable(file.name, format, file.bytes, kind && ((h) => mappingFit(h, kind, file.mapping)));
    header = table.header;
  } else {
    const features = format === 'shapefile'
      ? (await readShapefileZip(file.name, file.bytes)).features
      : format === 'kml' ? readKml(file.name, (await kmlText(file.name, file.bytes)).text) : looseFeatures(file.name, decodeDocument(file.name, file.bytes).text);
    header = [...new Set(features.flatMap((f) => Object.keys(f?.properties ?? {})))];
  }
  const suggestion = kind && requiredMissing(applyOverrides(header, kind, file.mapping), kind, format);
  const hint = crsHint(file.name, [suggestion?.mapping.lon, suggestion?.mapping.lat]);
  const level = table && [file.name, table.sheet ?? '', ...table.titles].map(levelFromText).find((l) => l !== undefined);
  return {
    format, part, header, ...(suggestion && { suggestion }), ...(hint && { crsHint: hint }),
    years: yearsOfTable(file.name, table), ...(level && { level }), cohorts: table && part === 'students' ? cohortsOf(table) : [],
    ...(table && table.repeated.length > 0 && { repeated: table.repeated }),
  };
}
