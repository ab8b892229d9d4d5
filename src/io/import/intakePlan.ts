import type { School } from '../../core/dataset';
import { gradesTaught, type Rules } from '../../core/rules';
import type { IntakePlanRow } from '../../core/warning/intake';
import { DataError } from '../dataError';
import { numberCell, parsePlanningTable } from '../parsePlanningTable';

/**
 * Parses `intake_plan.csv` (columns school_id, year, grade, and places or classes): the planner's
 * intake of a public school's entry grade (1, or the first junior grade) in a year; `classes`
 * alone means classes × the grade's cap under the rules applied (kept as classes, so that a changed
 * cap changes the places), `places` wins when both are given. An unknown school, a
 * grade that is not an entry grade the school teaches, a row with neither figure or a repeated
 * school, grade and year stops the load naming the line.
 */
export function parseIntakePlan(file: string, text: string, schools: readonly School[], rules: Rules): IntakePlanRow[] {
  const index = new Map(schools.map((s, i) => [s.id, i]));
  const entryGrades = [1, rules.primaryLastGrade + 1];
  const seen = new Set<string>();
  return parsePlanningTable(file, text, ['school_id', 'year', 'grade']).map((row) => {
    const id = row.get('school_id');
    const school = index.get(id);
    if (school === undefined) throw new DataError(file, 'planUnknownSchool', { n: row.line, id });
    const year = numberCell(file, row, 'year', { min: 1900, integer: true });
    const grade = numberCell(file, row, 'grade', { min: 1, integer: true });
    const entries = entryGrades.filter((g) => gradesTaught(schools[school].level, rules).includes(g));
    if (!entries.includes(grade)) throw new DataError(file, 'planNotEntryGrade', { n: row.line, id, got: String(grade), value: entries.join(', ') });
    let figure: Pick<IntakePlanRow, 'places' | 'classes'>;
    if (row.get('places') !== '') figure = { places: numberCell(file, row, 'places', { integer: true }) };
    else if (row.get('classes') !== '') figure = { classes: numberCell(file, row, 'classes', { integer: true }) };
    else throw new DataError(file, 'planNoPlaces', { n: row.line });
    const key = `${id} ${grade} ${year}`;
    if (seen.has(key)) throw new DataError(file, 'duplicateRow', { n: row.line, id, value: `${year} ${grade}` });
    seen.add(key);
    return { school, year, grade, ...figure };
  });
}
