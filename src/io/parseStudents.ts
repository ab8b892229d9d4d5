import Papa from 'papaparse';
import type { PupilColumns, RejectedRow, School } from '../core/dataset';
import { gradesTaught, MAX_GRADE, type Rules } from '../core/rules';
import { DataError, stripBom } from './dataError';
import { describeDataProblem, type DataProblemCode, type DataProblemParams } from '../core/dataProblems';

/** Pupil rows read from a CSV file: loaded columns plus the rows that were not loaded. */
export interface ParsedStudents {
  columns: PupilColumns;
  /** Unit ids in order of first appearance in the `unit_id` column. */
  unitIds: string[];
  /** Data rows read (blank lines are not rows) = loaded + rejected. */
  rowsRead: number;
  rejected: RejectedRow[];
  warnings: RejectedRow[];
}

const REQUIRED = ['id', 'lon', 'lat', 'grade'] as const;

/**
 * Parses `students.csv` (header row; columns id, lon, lat, grade, optional school_id and unit_id; extra
 * columns ignored). A row with an empty id, a grade other than a whole number 1..9, a coordinate
 * that is not a longitude/latitude in degrees, or a private school that does not teach the grade is
 * rejected with its line (the header is line 1); an unknown school_id is kept with a warning.
 * Throws a DataError when the file is empty or a required column is missing.
 */
export function parseStudents(file: string, text: string, schools: School[], rules: Rules): ParsedStudents {
  const parsed = Papa.parse<string[]>(stripBom(text), { skipEmptyLines: false });
  const rows = parsed.data;
  if (rows.length === 0 || (rows.length === 1 && rows[0].join('') === '')) {
    throw new DataError(file, 'emptyFile');
  }
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new DataError(file, 'missingColumns', { columns: missing.map((c) => `"${c}"`).join(', '), found: rows[0].join(', ') });
  }
  const [cId, cLon, cLat, cGrade] = REQUIRED.map((c) => header.indexOf(c));
  const cSchool = header.indexOf('school_id');
  const cUnit = header.indexOf('unit_id');
  const unitIndex = new Map<string, number>();
  const schoolIndex = new Map(schools.map((s, i) => [s.id, i]));
  const taught = schools.map((s) => new Set(gradesTaught(s.level, rules)));

  const cap = rows.length;
  const x = new Float64Array(cap);
  const y = new Float64Array(cap);
  const grade = new Uint8Array(cap);
  const fixedSchool = new Int32Array(cap);
  const currentSchool = new Int32Array(cap);
  const lineOf = new Uint32Array(cap);
  const unit = new Int32Array(cap);
  let n = 0;
  let rowsRead = 0;
  const rejected: RejectedRow[] = [];
  const warnings: RejectedRow[] = [];

  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.length === 1 && row[0].trim() === '') continue;
    rowsRead++;
    const line = r + 1;
    const reject = (code: DataProblemCode, params: DataProblemParams = {}) =>
      rejected.push({ file, line, reason: describeDataProblem(code, params, 'en'), problem: { code, params } });
    const id = (row[cId] ?? '').trim();
    if (id === '') { reject('emptyId'); continue; }
    const g = Number((row[cGrade] ?? '').trim());
    if (!Number.isInteger(g) || g < 1 || g > MAX_GRADE) {
      reject('badGrade', { got: row[cGrade] ?? '', max: MAX_GRADE });
      continue;
    }
    const lonText = (row[cLon] ?? '').trim();
    const latText = (row[cLat] ?? '').trim();
    const lon = lonText === '' ? NaN : Number(lonText);
    const lat = latText === '' ? NaN : Number(latText);
    if (!Number.isFinite(lon) || lon < -180 || lon > 180) { reject('badLon', { got: lonText }); continue; }
    if (!Number.isFinite(lat) || lat < -90 || lat > 90) { reject('badLat', { got: latText }); continue; }
    const schoolId = cSchool >= 0 ? (row[cSchool] ?? '').trim() : '';
    const s = schoolId === '' ? -1 : (schoolIndex.get(schoolId) ?? -1);
    if (schoolId !== '' && s < 0) {
      const params = { id: schoolId };
      warnings.push({ file, line, reason: describeDataProblem('unknownSchoolId', params, 'en'), problem: { code: 'unknownSchoolId', params } });
    }
    const isPrivate = s >= 0 && schools[s].ownership === 'private';
    if (isPrivate && !taught[s].has(g)) { reject('gradeNotTaught', { got: String(g), school: schools[s].name, id: schoolId }); continue; }
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
    n++;
  }
  return {
    columns: {
      x: x.slice(0, n),
      y: y.slice(0, n),
      grade: grade.slice(0, n),
      fixedSchool: fixedSchool.slice(0, n),
      currentSchool: currentSchool.slice(0, n),
      line: lineOf.slice(0, n),
      unit: unit.slice(0, n),
    },
    unitIds: [...unitIndex.keys()],
    rowsRead,
    rejected,
    warnings,
  };
}
