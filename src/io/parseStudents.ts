import { echoList } from '../core/printable';
import type { PupilColumns, RejectedRow, School } from '../core/dataset';
import { createPackedBuilder } from '../core/packedStrings';
import { gradesTaught, MAX_GRADE, type Rules } from '../core/rules';
import { DataError } from './dataError';
import { textPupilRows, type PupilRowSource } from './pupilRows';
import { describeDataProblem, type DataProblem, type DataProblemCode, type DataProblemParams } from '../core/dataProblems';
import { ADDRESS_CANDIDATES_COLUMN, ADDRESS_STATUS_COLUMN } from './import/addressPlacement';
import { looksSwapped } from './import/valueNormalise';
import { isPlaceholderId, isScientificId, pupilIdKey } from './pupilIdKey';
import { createPupilIdIndex } from './pupilIdIndex';
import { haversineM } from '../core/distance/haversine';

/** Pupil rows read from a CSV file: loaded columns plus the rows that were not loaded. */
export interface ParsedStudents {
  columns: PupilColumns;
  /** Unit ids in order of first appearance in the `unit_id` column. */
  unitIds: string[];
  /** The pupils' files in order of first appearance in the `source_file` column, when there is one (columns.file indexes it). */
  files?: string[];
  /** Data rows read (blank lines are not rows) = loaded + rejected. */
  rowsRead: number;
  rejected: RejectedRow[];
  warnings: RejectedRow[];
  /** Total rows (合计, 小计 …) the source skipped, not read as data. */
  skipped: RejectedRow[];
}

const REQUIRED = ['id', 'lon', 'lat', 'grade'] as const;

/** Optional column giving a row's line in the file it was converted from (see src/io/import). */
export const SOURCE_LINE_COLUMN = 'source_line';

/** Optional column naming the file a row came from, when the importer combined several pupil files (see src/io/import). */
export const SOURCE_FILE_COLUMN = 'source_file';

/** Optional column of what the importer found about a row: a JSON list of ImportRowNote, or empty. */
export const IMPORT_NOTES_COLUMN = 'import_notes';

/** A problem the importer found in a row: `reject` rejects the row, else it is loaded with the remark. */
export type ImportRowNote = DataProblem & { reject?: true };

function notesOf(cell: string | undefined): ImportRowNote[] {
  const text = (cell ?? '').trim();
  return text === '' ? [] : (JSON.parse(text) as ImportRowNote[]);
}

/**
 * How far apart, m, two rows' homes may lie and be one home: one address in two files of other
 * coordinate systems (a BD-09 list and a CGCS2000 supplement) is converted to points metres apart.
 */
const SAME_HOME_M = 30;

/** Rows between two progress reports. */
const PROGRESS_ROWS = 10_000;

/**
 * Parses `students.csv` (header row; columns id, lon, lat, grade, optional school_id, unit_id and name; extra
 * columns ignored). A row with an empty id, a grade other than a whole number 1..9, a coordinate
 * that is not a longitude/latitude in degrees, or a private school that does not teach the grade is
 * rejected with its line (the header is line 1, or the row's `source_line` when that column holds
 * a whole number ≥ 1) and its file (`file`, or the row's `source_file` when that column holds a
 * name); a pair that is degrees the other way round is read swapped, and an unknown school_id
 * kept, each with a warning. A row the importer could not
 * place by its address (address_status column) is rejected naming the address and the nearest units;
 * the importer's notes on a row (import_notes column) reject it or are its warnings. A row whose id
 * an earlier loaded row has (compared as pupilIdKey writes them: '370…, ="370…", G370…, full-width
 * digits alike) is rejected naming that row's line, and its file when another (the first stays
 * loaded); but an id Excel rounded to 15 digits (looksRoundedByExcel) is shared by pupils born the
 * same day, so such a row is rejected only at the same home and grade (and name, when both rows have
 * one; homes within SAME_HOME_M), else loaded with a warning; so is a row whose id is an earlier
 * row's written in full where the other is rounded (see createPupilIdIndex).
 * An id in scientific notation (3.70783E+17) is rejected.
 * Throws a DataError when the file is empty or a required column is missing.
 */
export function parseStudents(file: string, text: string, schools: School[], rules: Rules): ParsedStudents {
  return readPupilRows(file, textPupilRows(text), schools, rules);
}

/**
 * Reads pupil rows as parseStudents reads students.csv, from any source of its rows (its text, or
 * the importer's converted table); total rows the source skipped are listed in `skipped`, so rows
 * read = loaded + rejected, and the source's rows = rows read + skipped. `onFraction` hears the
 * share of the source's row bound read (0..1), every 10,000 rows.
 */
export function readPupilRows(file: string, source: PupilRowSource, schools: School[], rules: Rules, onFraction?: (fraction: number) => void): ParsedStudents {
  const first = source.header;
  if (first.length === 0) throw new DataError(file, 'emptyFile');
  const header = first.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new DataError(file, 'missingColumns', { columns: missing.map((c) => `"${c}"`).join(', '), found: echoList(first) });
  }
  const [cId, cLon, cLat, cGrade] = REQUIRED.map((c) => header.indexOf(c));
  const cSchool = header.indexOf('school_id');
  const cUnit = header.indexOf('unit_id');
  const cSource = header.indexOf(SOURCE_LINE_COLUMN);
  const cSourceFile = header.indexOf(SOURCE_FILE_COLUMN);
  const cAddressStatus = header.indexOf(ADDRESS_STATUS_COLUMN);
  const cCandidates = header.indexOf(ADDRESS_CANDIDATES_COLUMN);
  const cAddress = header.indexOf('address');
  const cNotes = header.indexOf(IMPORT_NOTES_COLUMN);
  const cName = header.indexOf('name');
  // The loaded rows' ids (a pupil listed twice would be counted twice), by row index, whose line and
  // file are in lineOf and fileOf (a number per id, not an object: a million of them).
  const ids = createPupilIdIndex();
  const unitIndex = new Map<string, number>();
  const schoolIndex = new Map(schools.map((s, i) => [s.id, i]));
  const taught = schools.map((s) => new Set(gradesTaught(s.level, rules)));

  const cap = source.rowBound;
  const x = new Float64Array(cap);
  const y = new Float64Array(cap);
  const grade = new Uint8Array(cap);
  const fixedSchool = new Int32Array(cap);
  const currentSchool = new Int32Array(cap);
  const lineOf = new Uint32Array(cap);
  const unit = new Int32Array(cap);
  const idsRead = createPackedBuilder(cap);
  const names = createPackedBuilder(cName >= 0 ? cap : 0);
  const fileOf = new Uint16Array(cSourceFile >= 0 ? cap : 0);
  const fileIndex = new Map<string, number>();
  const fileNames: string[] = [];
  let n = 0;
  let rowsRead = 0;
  const rejected: RejectedRow[] = [];
  // Rejected rows that had an id, for a remark when another row loads that pupil.
  const rejectedIds: { key: string; id: string; row: RejectedRow }[] = [];
  const warnings: RejectedRow[] = [];
  const skipped: RejectedRow[] = [];

  // The row being read, for sameHome (one function for every row, not one made per row).
  let hereGrade = 0;
  let hereLon = 0;
  let hereLat = 0;
  let hereName = '';
  // The row's id and its key once read ('' before, and for a row rejected as listing a loaded pupil again).
  let hereId = '';
  let hereKey = '';
  /** Whether loaded row r is at the home (within SAME_HOME_M) and grade of the row being read, under its name when both have one. */
  const sameHome = (r: number) => grade[r] === hereGrade && haversineM(x[r], y[r], hereLon, hereLat) <= SAME_HOME_M && (hereName === '' || names.at(r) === '' || names.at(r) === hereName);

  /** The file a loaded row came from. */
  const fileOfRow = (r: number) => (cSourceFile >= 0 ? fileNames[fileOf[r]] : file);

  // Rows are taken one at a time: holding a million parsed rows at once would cost ~700 MB.
  const readRow = (row: string[], rowLine: number) => {
    rowsRead++;
    if (rowsRead % PROGRESS_ROWS === 0) onFraction?.(Math.min(1, rowsRead / cap));
    const sourceLine = cSource >= 0 ? Number(row[cSource]) : NaN;
    const line = Number.isInteger(sourceLine) && sourceLine >= 1 ? sourceLine : rowLine;
    const sourceFile = cSourceFile >= 0 ? (row[cSourceFile] ?? '').trim() : '';
    const rowFile = sourceFile === '' ? file : sourceFile;
    hereId = '';
    hereKey = '';
    const reject = (code: DataProblemCode, params: DataProblemParams = {}) => {
      const row: RejectedRow = { file: rowFile, line, reason: describeDataProblem(code, params, 'en'), problem: { code, params } };
      rejected.push(row);
      if (hereKey !== '') rejectedIds.push({ key: hereKey, id: hereId, row });
    };
    const warn = (code: DataProblemCode, params: DataProblemParams) => warnings.push({ file: rowFile, line, reason: describeDataProblem(code, params, 'en'), problem: { code, params } });
    // The importer's verdict comes first: a row it could not split into cells has no id to check.
    const notes = cNotes >= 0 ? notesOf(row[cNotes]) : [];
    const rejecting = notes.find((note) => note.reject);
    if (rejecting) { reject(rejecting.code, rejecting.params); return; }
    const id = (row[cId] ?? '').trim();
    if (id === '') { reject('emptyId'); return; }
    if (isPlaceholderId(id)) { reject('placeholderId', { id }); return; }
    if (isScientificId(id)) { reject('idScientific', { id }); return; }
    hereId = id;
    hereKey = pupilIdKey(id);
    const g = Number((row[cGrade] ?? '').trim());
    if (!Number.isInteger(g) || g < 1 || g > MAX_GRADE) {
      reject('badGrade', { got: row[cGrade] ?? '', max: MAX_GRADE });
      return;
    }
    const lonText = (row[cLon] ?? '').trim();
    const latText = (row[cLat] ?? '').trim();
    let lon = lonText === '' ? NaN : Number(lonText);
    let lat = latText === '' ? NaN : Number(latText);
    const addressStatus = cAddressStatus >= 0 ? (row[cAddressStatus] ?? '').trim() : '';
    if (addressStatus !== '') {
      const params = { got: (row[cAddress] ?? '').trim(), value: (row[cCandidates] ?? '').trim() };
      const code = addressStatus === 'ambiguous' ? 'addressAmbiguous' : addressStatus === 'noUnits' ? 'addressNoUnits' : addressStatus === 'unplacedUnit' ? 'addressUnitUnplaced' : params.value === '' ? 'addressUnlike' : 'addressUnmatched';
      reject(code, params);
      return;
    }
    // 0,0 is how registry exports leave a position unfilled; taken as a place it would count the pupil outside every zone.
    if (lon === 0 && lat === 0) { reject('zeroLonLat'); return; }
    // A row the other way round (36.9, 118.7) is read swapped: no latitude exceeds 90.
    if (looksSwapped(lon, lat)) {
      notes.push({ code: 'lonLatSwappedRow', params: { got: lonText, value: latText } });
      [lon, lat] = [lat, lon];
    }
    if (!Number.isFinite(lon) || lon < -180 || lon > 180) { reject('badLon', { got: lonText }); return; }
    if (!Number.isFinite(lat) || lat < -90 || lat > 90) { reject('badLat', { got: latText }); return; }
    const schoolId = cSchool >= 0 ? (row[cSchool] ?? '').trim() : '';
    const s = schoolId === '' ? -1 : (schoolIndex.get(schoolId) ?? -1);
    const isPrivate = s >= 0 && schools[s].ownership === 'private';
    // A grade the row's own school does not teach: the grade or the school is wrong (初一 written 一年级), and either way the row cannot be counted at a level.
    if (s >= 0 && !taught[s].has(g)) { reject('gradeNotTaught', { got: String(g), school: schools[s].name, id: schoolId }); return; }
    const idKey = hereKey;
    const name = cName >= 0 ? (row[cName] ?? '').trim() : '';
    hereGrade = g;
    hereLon = lon;
    hereLat = lat;
    hereName = name;
    const verdict = ids.check(idKey, rowFile, sameHome);
    if (verdict.kind === 'repeat') {
      hereKey = '';
      const at = fileOfRow(verdict.row);
      const params = { id, n: lineOf[verdict.row], value: at, got: idsRead.at(verdict.row) };
      const code = verdict.how === 'same' ? 'duplicatePupilId' : verdict.how === 'rounded' ? 'duplicatePupilIdRounded' : 'duplicatePupilIdExcel';
      reject(at === rowFile ? code : `${code}In`, params);
      return;
    }
    if (verdict.kind === 'shares') {
      const at = fileOfRow(verdict.row);
      notes.push({ code: at === rowFile ? 'pupilIdRounded' : 'pupilIdRoundedIn', params: { id, n: lineOf[verdict.row], value: at } });
    }
    ids.add(idKey, rowFile, n);
    if (schoolId !== '' && s < 0) warn('unknownSchoolId', { id: schoolId });
    for (const note of notes) warn(note.code, note.params);
    x[n] = lon;
    y[n] = lat;
    grade[n] = g;
    fixedSchool[n] = isPrivate ? s : -1;
    currentSchool[n] = s;
    lineOf[n] = line;
    const unitId = cUnit >= 0 ? (row[cUnit] ?? '').trim() : '';
    let u = unitId === '' ? -1 : unitIndex.get(unitId);
    if (u === undefined) {
      u = unitIndex.size;
      unitIndex.set(unitId, u);
    }
    unit[n] = u;
    idsRead.push(id);
    if (cName >= 0) names.push(name);
    if (cSourceFile >= 0) {
      let f = fileIndex.get(rowFile);
      if (f === undefined) {
        fileIndex.set(rowFile, (f = fileIndex.size));
        fileNames.push(rowFile);
      }
      fileOf[n] = f;
    }
    n++;
  };
  source.forEachRow({
    row: readRow,
    skip: ({ file: rowFile = file, line, problem }) => skipped.push({ file: rowFile, line, reason: describeDataProblem(problem.code, problem.params, 'en'), problem }),
  });
  // A pupil whose row here was rejected but who is loaded from another row is counted: the review says so.
  for (const { key, id, row } of rejectedIds) {
    const r = ids.loadedRow(key);
    if (r === undefined) continue;
    const params = { id, n: lineOf[r], value: fileOfRow(r) };
    warnings.push({ file: row.file, line: row.line, reason: describeDataProblem('rejectedPupilLoaded', params, 'en'), problem: { code: 'rejectedPupilLoaded', params } });
  }
  // Every row read is loaded or rejected; a row counted but neither would be a row lost without a word.
  if (rowsRead !== n + rejected.length) throw new DataError(file, 'rowCountMismatch', { n: rowsRead, max: n + rejected.length });
  return {
    columns: {
      x: x.slice(0, n),
      y: y.slice(0, n),
      grade: grade.slice(0, n),
      fixedSchool: fixedSchool.slice(0, n),
      currentSchool: currentSchool.slice(0, n),
      line: lineOf.slice(0, n),
      unit: unit.slice(0, n),
      id: idsRead.finish(),
      ...(cName >= 0 && { name: names.finish() }),
      ...(cSourceFile >= 0 && { file: fileOf.slice(0, n) }),
    },
    unitIds: [...unitIndex.keys()],
    ...(cSourceFile >= 0 && { files: fileNames }),
    rowsRead,
    rejected,
    warnings,
    skipped,
  };
}
