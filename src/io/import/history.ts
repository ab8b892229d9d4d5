import { GRADE_STRIDE } from '../../core/aggregate';
import type { School } from '../../core/dataset';
import { gradesTaught, type Rules } from '../../core/rules';
import type { EnrollmentHistory } from '../../core/warning/backtest';
import { DataError } from '../dataError';
import { numberCell, parsePlanningTable } from '../parsePlanningTable';

/**
 * Parses `history.csv` (columns year, school_id, grade, pupils): earlier years' enrollment by school
 * and grade, for the warning's back-test. Years must be before `baseYear`; a school not in the
 * schools file, a grade the school does not teach or a repeated year, school and grade stops the
 * load naming the line. Cells not given count 0.
 */
export function parseHistory(file: string, text: string, schools: readonly School[], baseYear: number, rules: Rules): EnrollmentHistory {
  const index = new Map(schools.map((s, i) => [s.id, i]));
  const byYear = new Map<number, Int32Array>();
  const seen = new Set<string>();
  for (const row of parsePlanningTable(file, text, ['year', 'school_id', 'grade', 'pupils'])) {
    const id = row.get('school_id');
    const s = index.get(id);
    if (s === undefined) throw new DataError(file, 'planUnknownSchool', { n: row.line, id });
    const year = numberCell(file, row, 'year', { min: 1900, integer: true });
    if (year >= baseYear) throw new DataError(file, 'historyNotPast', { n: row.line, got: String(year), year: baseYear });
    const grade = numberCell(file, row, 'grade', { min: 1, integer: true });
    if (!gradesTaught(schools[s].level, rules).includes(grade)) throw new DataError(file, 'historyBadGrade', { n: row.line, id, got: String(grade) });
    const pupils = numberCell(file, row, 'pupils', { integer: true });
    const key = `${year} ${id} ${grade}`;
    if (seen.has(key)) throw new DataError(file, 'duplicateRow', { n: row.line, id, value: `${year} ${grade}` });
    seen.add(key);
    let counts = byYear.get(year);
    if (!counts) byYear.set(year, (counts = new Int32Array(schools.length * GRADE_STRIDE)));
    counts[s * GRADE_STRIDE + grade] = pupils;
  }
  return { years: [...byYear.keys()].sort((a, b) => a - b), counts: byYear };
}
