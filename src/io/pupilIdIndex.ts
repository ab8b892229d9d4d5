import { excelRoundedForm, looksRoundedByExcel } from './pupilIdKey';

/**
 * What an id read says of its row against the rows loaded before it:
 * - `new`: no loaded row has it;
 * - `repeat`: the row lists a loaded pupil again (`row`), by the same id (`same`), by the same id
 *   Excel rounded at the same home and grade (`rounded`), or by one id in full and the other as
 *   Excel rounds it (`excel`: `other` is the loaded row's id key);
 * - `shares`: an id Excel rounded that a loaded row at another home, grade or name has too (`row`):
 *   pupils born the same day share it, so the row is another pupil.
 */
export type IdVerdict =
  | { kind: 'new' }
  | { kind: 'repeat'; how: 'same' | 'rounded' | 'excel'; row: number }
  | { kind: 'shares'; row: number };

/** The ids of the pupil rows loaded so far (as pupilIdKey writes them), to tell a row listing a loaded pupil again. */
export interface PupilIdIndex {
  /**
   * The verdict on a row whose id key is `key`; `sameHome(row)` says whether a loaded row is at this
   * row's home and grade (and name, when both have one): only then is an id Excel rounded, or one
   * written in full in one file and rounded in another, taken for the same pupil.
   */
  check(key: string, sameHome: (row: number) => boolean): IdVerdict;
  /** Notes a loaded row's id key. */
  add(key: string, row: number): void;
}

// A copy, not a slice: a slice of the row would keep its piece of the text alive until the end.
const copy = (s: string) => `${s} `.slice(0, -1);

function push(map: Map<string, number[]>, key: string, row: number): void {
  const rows = map.get(key);
  if (rows) rows.push(row);
  else map.set(copy(key), [row]);
}

/**
 * An empty PupilIdIndex. Ids in full are indexed by their Excel-rounded form only once a rounded
 * id has been read (a file without one pays nothing for it).
 */
export function createPupilIdIndex(): PupilIdIndex {
  const rowOfId = new Map<string, number>();
  const roundedRows = new Map<string, number[]>();
  let fullByRounded: Map<string, number[]> | undefined;
  const indexFull = (key: string, row: number) => {
    const rounded = excelRoundedForm(key);
    if (rounded !== undefined) push(fullByRounded!, rounded, row);
  };
  return {
    check(key, sameHome) {
      if (looksRoundedByExcel(key)) {
        const earlier = roundedRows.get(key);
        const same = earlier?.find(sameHome);
        if (same !== undefined) return { kind: 'repeat', how: 'rounded', row: same };
        if (!fullByRounded) {
          fullByRounded = new Map();
          for (const [k, row] of rowOfId) indexFull(k, row);
        }
        const full = fullByRounded.get(key)?.find(sameHome);
        if (full !== undefined) return { kind: 'repeat', how: 'excel', row: full };
        return earlier ? { kind: 'shares', row: earlier[0] } : { kind: 'new' };
      }
      const first = rowOfId.get(key);
      if (first !== undefined) return { kind: 'repeat', how: 'same', row: first };
      if (roundedRows.size > 0) {
        const rounded = excelRoundedForm(key);
        const same = rounded === undefined ? undefined : roundedRows.get(rounded)?.find(sameHome);
        if (same !== undefined) return { kind: 'repeat', how: 'excel', row: same };
      }
      return { kind: 'new' };
    },
    add(key, row) {
      if (looksRoundedByExcel(key)) return push(roundedRows, key, row);
      rowOfId.set(copy(key), row);
      if (fullByRounded) indexFull(key, row);
    },
  };
}
