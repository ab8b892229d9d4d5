import type { RejectedRow, School } from '../dataset';
import { firstOccurrences, packedAt } from '../packedStrings';
import { MAX_GRADE } from '../rules';
import { isGrade, lineOf } from './levelPupils';
import type { DuplicateSchoolIdItem, RowsItem, ValidationPupils } from './types';

// Rows loaded with a school the schools file lacks are zoned instead: if that school is private (or
// its name is mistyped), its pupils are counted at public schools. Errors, as a wrong count is.
const MISCOUNTING_REMARKS = new Set<string>(['schoolNameUnknown', 'unknownSchoolId']);

/**
 * Groups rows by file and problem (code, else reason): one item per group with its first lines;
 * an error when the rows were not loaded or were loaded with a school no school is (MISCOUNTING_REMARKS).
 */
export function summariseRows(rows: readonly RejectedRow[], loaded: boolean, maxLines: number): RowsItem[] {
  const groups = new Map<string, RowsItem>();
  for (const row of rows) {
    const key = `${row.file}\u0000${row.problem?.code ?? row.reason}`;
    let item = groups.get(key);
    if (!item) {
      item = {
        kind: 'rows', severity: loaded && !MISCOUNTING_REMARKS.has(row.problem?.code ?? '') ? 'warning' : 'error', schools: [], file: row.file, code: row.problem?.code,
        firstReason: row.reason, firstProblem: row.problem, loaded, count: 0, lines: [],
      };
      groups.set(key, item);
    }
    item.count++;
    if (item.lines.length < maxLines) item.lines.push(row.line);
  }
  return [...groups.values()];
}

/**
 * Problems of the pupil columns themselves (rows a parser would have rejected): grades outside
 * 1..MAX_GRADE, and ids seen on an earlier row (when ids are given).
 */
export function checkPupilColumns(pupils: ValidationPupils, file: string, maxLines: number): RowsItem[] {
  const items: RowsItem[] = [];
  const item = (code: 'badGrade' | 'duplicateId', firstReason: string, params: RowsItem['firstProblem']): RowsItem => ({
    kind: 'rows', severity: 'error', schools: [], file, code, firstReason, firstProblem: params, loaded: true, count: 0, lines: [],
  });
  let badGrade: RowsItem | undefined;
  for (let i = 0; i < pupils.grade.length; i++) {
    if (isGrade(pupils.grade[i])) continue;
    const got = String(pupils.grade[i]);
    badGrade ??= item('badGrade', `grade "${got}" is not a whole number from 1 to ${MAX_GRADE}`, { code: 'badGrade', params: { got, max: MAX_GRADE } });
    badGrade.count++;
    if (badGrade.lines.length < maxLines) badGrade.lines.push(lineOf(pupils, i));
  }
  if (badGrade) items.push(badGrade);
  if (pupils.id) {
    const first = firstOccurrences(pupils.id);
    let duplicate: RowsItem | undefined;
    for (let i = 0; i < first.length; i++) {
      if (first[i] === i) continue;
      const id = packedAt(pupils.id, i);
      duplicate ??= item('duplicateId', `duplicate id "${id}"`, { code: 'duplicateId', params: { id } });
      duplicate.count++;
      if (duplicate.lines.length < maxLines) duplicate.lines.push(lineOf(pupils, i));
    }
    if (duplicate) items.push(duplicate);
  }
  return items;
}

/** School ids used by more than one school, one item each, in order of first use. */
export function duplicateSchoolIds(schools: readonly School[]): DuplicateSchoolIdItem[] {
  const byId = new Map<string, School[]>();
  for (const s of schools) byId.set(s.id, [...(byId.get(s.id) ?? []), s]);
  return [...byId]
    .filter(([, list]) => list.length > 1)
    .map(([id, list]) => ({ kind: 'duplicateSchoolId', severity: 'error', schools: list.map((s) => ({ id, name: s.name })), count: list.length }));
}
