import Papa from 'papaparse';
import type { DataProblem } from '../../core/dataProblems';
import type { ZoneLevel } from '../../core/rules';
import { DataError } from '../dataError';
import { IMPORT_NOTES_COLUMN, SOURCE_LINE_COLUMN, type ImportRowNote } from '../parseStudents';
import type { ColumnMapping } from './columnMapping';
import { ADDRESS_CANDIDATES_COLUMN, ADDRESS_STATUS_COLUMN, type AddressPlacer } from './addressPlacement';
import { toWgs84, type Crs } from './crs';
import type { KnownSchools } from './knownSchools';
import { pupilGrade } from './pupilGrade';
import type { Table } from './table';
import { flattenText } from './textDecoding';
import { createTotalRowTest, totalRowProblem, type SkippedRow } from './totalRows';

const OPTIONAL = ['school_id', 'unit_id', 'address', 'name'] as const;
// Distinct grade texts remembered (a column of free text would otherwise grow the memo without bound).
const GRADE_TEXTS = 1000;
// Rows written per Papa.unparse call: one call per row costs a third more time at a million rows.
const BATCH_ROWS = 10_000;

/** The students.csv text of a table, how many data rows it holds, and the total rows it skipped. */
export interface StudentsCsv {
  text: string;
  rows: number;
  skipped: SkippedRow[];
}

/** How pupil rows are read beyond their mapping (all optional). */
export interface PupilRowOptions {
  /** Places rows that have an address and no coordinates. */
  placer?: AddressPlacer;
  /** Hears the line reached every 10,000 rows (progress). */
  onLine?: (line: number) => void;
  /** The school year (its autumn) that cohort grades (2023级, 2025届) are converted for. */
  baseYear?: number;
  /** The level the whole file's cohorts count from, when neither the cell nor the school says. */
  cohortLevel?: ZoneLevel;
  /** The schools file's schools, for the school-name column and the level of a pupil's school. */
  schools?: KnownSchools;
}

/** A number as text: a finite value in its shortest exact form, else the text it came from. */
function coordinateText(value: number, raw: string): string {
  return Number.isFinite(value) ? String(value) : raw;
}

/**
 * Writes a mapped pupil table as the contract's students.csv: columns id, lon, lat, grade, the
 * optional ones mapped, and `source_line` (each row's line in the original file). Coordinates are
 * converted from `crs` to WGS84, grades written as 1..9 where recognised (pupilGrade: 三年级, and
 * cohorts such as 2023级 converted for `baseYear`); a value that cannot be read is written as it
 * was, so that parseStudents rejects that row with its line and reason — no row is lost here.
 * Total rows (合计, 小计 …, or a row without id that sums the rows above) are not written but
 * returned as `skipped`, so rows read = rows + skipped (checked: a mismatch throws
 * rowCountMismatch). A row the table cannot split into cells (a broken quote) is written empty
 * with a rejecting note, for parseStudents to reject by its line. `mapping` must map id and grade, and lon
 * and lat unless it maps address.
 *
 * With an address column and a `placer`, a row with an address and no lon/lat is placed at the
 * unit its address names (lon/lat of the unit, unit_id set); a row it cannot place keeps empty
 * coordinates and gets the address_status and address_candidates columns, for parseStudents to
 * reject it with the nearest candidates; the address column keeps only such rows' addresses. With a `school_name` column and `schools`, a row without
 * school_id gets the school its name names (matchSchoolName); an unknown or ambiguous name, or a
 * name that disagrees with the row's school_id, is noted in the import_notes column.
 */
export function studentsCsvFromTable(table: Table, mapping: ColumnMapping, crs: Crs, options: PupilRowOptions = {}): StudentsCsv {
  const { placer, onLine } = options;
  const col = (name: string) => (mapping[name] === undefined ? -1 : table.header.indexOf(mapping[name]));
  const [cId, cLon, cLat, cGrade, cAddress, cSchoolName] = ['id', 'lon', 'lat', 'grade', 'address', 'school_name'].map(col);
  const byAddress = placer !== undefined && cAddress >= 0;
  const byName = options.schools !== undefined && cSchoolName >= 0;
  const optional = OPTIONAL.filter((name) => col(name) >= 0 || (byAddress && name === 'unit_id') || (byName && name === 'school_id'));
  const cOptional = optional.map(col);
  const unitAt = optional.indexOf('unit_id');
  const schoolAt = optional.indexOf('school_id');
  const addressAt = optional.indexOf('address');
  const chunks: string[] = [];
  let batch: string[][] = [['id', 'lon', 'lat', 'grade', ...optional, SOURCE_LINE_COLUMN, IMPORT_NOTES_COLUMN, ...(byAddress ? [ADDRESS_STATUS_COLUMN, ADDRESS_CANDIDATES_COLUMN] : [])]];
  const flush = () => {
    chunks.push(flattenText(Papa.unparse(batch, { newline: '\n' })));
    batch = [];
  };
  const isTotal = createTotalRowTest(cId);
  const skipped: SkippedRow[] = [];
  const grades = new Map<string, ReturnType<typeof pupilGrade>>();
  let rows = 0;
  let visited = 0;
  const write = (row: string[], line: number) => {
    batch.push(row);
    rows++;
    if (batch.length === BATCH_ROWS) {
      flush();
      onLine?.(line);
    }
  };
  // A row that cannot be split into cells is written empty with the problem as a rejecting note: parseStudents rejects it by its line.
  const broken = (line: number, problem: DataProblem) => {
    visited++;
    const note: ImportRowNote = { ...problem, reject: true };
    write(['', '', '', '', ...optional.map(() => ''), String(line), JSON.stringify([note]), ...(byAddress ? ['', ''] : [])], line);
  };
  table.forEachRow((cells, line) => {
    visited++;
    const total = isTotal(cells);
    if (total) {
      skipped.push({ line, problem: totalRowProblem(total) });
      return;
    }
    let lonText = (cells[cLon] ?? '').trim();
    let latText = (cells[cLat] ?? '').trim();
    const optionalCells = cOptional.map((c) => (cells[c] ?? '').trim());
    const notes: ImportRowNote[] = [];
    let school = -1;
    if (byName) {
      const named = options.schools!.byName((cells[cSchoolName] ?? '').trim(), optionalCells[schoolAt]);
      if (named.note) notes.push(named.note);
      if (optionalCells[schoolAt] === '' && named.school >= 0) optionalCells[schoolAt] = options.schools!.ids[named.school];
    }
    if (options.schools && schoolAt >= 0) school = options.schools.indexOf(optionalCells[schoolAt]);
    const status: string[] = byAddress ? ['', ''] : [];
    const address = byAddress ? (cells[cAddress] ?? '').trim() : '';
    let placedAtUnit = false;
    if (byAddress && lonText === '' && latText === '' && address !== '') {
      const p = placer(address);
      if (p.placed) {
        [lonText, latText] = [String(p.lon), String(p.lat)];
        optionalCells[unitAt] = p.unitId;
        placedAtUnit = true;
      } else {
        status[0] = p.status;
        status[1] = p.candidates;
      }
    }
    const lon = lonText === '' ? NaN : Number(lonText);
    const lat = latText === '' ? NaN : Number(latText);
    // Units are already WGS84: only the file's own coordinates are converted.
    const [x, y] = Number.isFinite(lon) && Number.isFinite(lat) && !placedAtUnit ? toWgs84(lon, lat, crs) : [lon, lat];
    const gradeText = (cells[cGrade] ?? '').trim();
    const schoolLevel = school >= 0 ? options.schools!.levels[school] : undefined;
    // A file holds a handful of distinct grade texts: each is read once per school level.
    const key = `${schoolLevel ?? ''}|${gradeText}`;
    let grade = grades.get(key);
    if (!grade) {
      grade = pupilGrade(gradeText, { baseYear: options.baseYear, fileLevel: options.cohortLevel, schoolLevel });
      if (grades.size >= GRADE_TEXTS) grades.clear();
      grades.set(key, grade);
    }
    if (grade.note) notes.push(grade.note);
    // The address is read again only to name a row that could not be placed: written for every
    // row, its (Chinese) text would make the whole contract text two bytes a character.
    if (addressAt >= 0 && !status[0]) optionalCells[addressAt] = '';
    write([
      (cells[cId] ?? '').trim(),
      coordinateText(x, lonText),
      coordinateText(y, latText),
      grade.grade === undefined ? gradeText : String(grade.grade),
      ...optionalCells,
      String(line),
      notes.length === 0 ? '' : JSON.stringify(notes),
      ...status,
    ], line);
  }, broken);
  if (batch.length > 0) flush();
  if (visited !== rows + skipped.length) throw new DataError(table.file, 'rowCountMismatch', { n: visited, max: rows + skipped.length });
  return { text: chunks.join('\n') + '\n', rows, skipped };
}
