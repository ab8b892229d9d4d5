import type { Dataset } from './dataset';

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
export function computeMovedGroups(dataset: Dataset, before: Int32Array, after: Int32Array): MovedGroup[] {
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
