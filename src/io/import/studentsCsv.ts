import Papa from 'papaparse';
import { SOURCE_LINE_COLUMN } from '../parseStudents';
import type { ColumnMapping } from './columnMapping';
import { toWgs84, type Crs } from './crs';
import type { Table } from './table';
import { flattenText } from './textDecoding';
import { normaliseGrade } from './valueNormalise';

const OPTIONAL = ['school_id', 'unit_id', 'address'] as const;
// Rows written per Papa.unparse call: one call per row costs a third more time at a million rows.
const BATCH_ROWS = 10_000;

/** The students.csv text of a table and how many data rows it holds. */
export interface StudentsCsv {
  text: string;
  rows: number;
}

/** A number as text: a finite value in its shortest exact form, else the text it came from. */
function coordinateText(value: number, raw: string): string {
  return Number.isFinite(value) ? String(value) : raw;
}

/**
 * Writes a mapped pupil table as the contract's students.csv: columns id, lon, lat, grade, the
 * optional ones mapped, and `source_line` (each row's line in the original file). Coordinates are
 * converted from `crs` to WGS84, grades written as 1..9 where recognised; a value that cannot be
 * read is written as it was, so that parseStudents rejects that row with its line and reason —
 * no row is lost here. `mapping` must map id, lon, lat and grade.
 */
export function studentsCsvFromTable(table: Table, mapping: ColumnMapping, crs: Crs): StudentsCsv {
  const col = (name: string) => (mapping[name] === undefined ? -1 : table.header.indexOf(mapping[name]));
  const [cId, cLon, cLat, cGrade] = ['id', 'lon', 'lat', 'grade'].map(col);
  const optional = OPTIONAL.filter((name) => col(name) >= 0);
  const cOptional = optional.map(col);
  const chunks: string[] = [];
  let batch: string[][] = [['id', 'lon', 'lat', 'grade', ...optional, SOURCE_LINE_COLUMN]];
  const flush = () => {
    chunks.push(flattenText(Papa.unparse(batch, { newline: '\n' })));
    batch = [];
  };
  let rows = 0;
  table.forEachRow((cells, line) => {
    const lonText = (cells[cLon] ?? '').trim();
    const latText = (cells[cLat] ?? '').trim();
    const lon = lonText === '' ? NaN : Number(lonText);
    const lat = latText === '' ? NaN : Number(latText);
    const [x, y] = Number.isFinite(lon) && Number.isFinite(lat) ? toWgs84(lon, lat, crs) : [lon, lat];
    const gradeText = (cells[cGrade] ?? '').trim();
    const grade = normaliseGrade(gradeText);
    batch.push([
      (cells[cId] ?? '').trim(),
      coordinateText(x, lonText),
      coordinateText(y, latText),
      grade === undefined ? gradeText : String(grade),
      ...cOptional.map((c) => (cells[c] ?? '').trim()),
      String(line),
    ]);
    rows++;
    if (batch.length === BATCH_ROWS) flush();
  });
  if (batch.length > 0) flush();
  return { text: chunks.join('\n') + '\n', rows };
}
