import type { Dataset, PupilTable } from './dataset';

/** Pupils of one grade that change from one school to another (null: no school, outside every zone). */
export interface MovedGroup {
  from: string | null;
  to: string | null;
  grade: number;
  count: number;
}

/**
 * Groups the pupils whose school differs between two assignments (school index per pupil row, −1
 * for none) by from, to and grade, largest groups first.
 */
export function computeMovedGroups(dataset: Pick<Dataset, 'schools'> & { pupils: Pick<PupilTable, 'grade'> }, before: Int32Array, after: Int32Array): MovedGroup[] {
  const groups = new Map<string, MovedGroup>();
  const idOf = (s: number) => (s >= 0 ? dataset.schools[s].id : null);
  for (let i = 0; i < before.length; i++) {
    if (before[i] === after[i]) continue;
    const grade = dataset.pupils.grade[i];
    const key = `${before[i]}|${after[i]}|${grade}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { from: idOf(before[i]), to: idOf(after[i]), grade, count: 1 });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.grade - b.grade);
}

/** Groups a transition's moves (see applyZoneState) like computeMovedGroups. */
export function groupMoves(dataset: Dataset, moves: { pupil: number; from: number; to: number }[]): MovedGroup[] {
  const before = Int32Array.from(moves, (m) => m.from);
  const after = Int32Array.from(moves, (m) => m.to);
  const grades = Uint8Array.from(moves, (m) => dataset.pupils.grade[m.pupil]);
  return computeMovedGroups({ ...dataset, pupils: { ...dataset.pupils, grade: grades } }, before, after);
}

/** Pupils of one grade living in one unit (compound or village) that change from one school to another. */
export interface MovedUnitGroup extends MovedGroup {
  /** The unit's id; '' for pupils whose unit is not given. */
  unit: string;
}

/**
 * Groups the pupils whose school differs between two assignments (school index per pupil row, −1
 * for none) by unit, grade, from and to; largest groups first, then by unit id and grade.
 */
export function computeMovedByUnit(
  dataset: Pick<Dataset, 'schools' | 'unitIds'> & { pupils: Pick<PupilTable, 'grade' | 'unit'> },
  before: Int32Array,
  after: Int32Array,
): MovedUnitGroup[] {
  const groups = new Map<string, MovedUnitGroup>();
  const idOf = (s: number) => (s >= 0 ? dataset.schools[s].id : null);
  for (let i = 0; i < before.length; i++) {
    if (before[i] === after[i]) continue;
    const unit = dataset.pupils.unit[i];
    const grade = dataset.pupils.grade[i];
    const key = `${unit}|${grade}|${before[i]}|${after[i]}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { unit: unit >= 0 ? dataset.unitIds[unit] : '', grade, from: idOf(before[i]), to: idOf(after[i]), count: 1 });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0) || a.grade - b.grade);
}
