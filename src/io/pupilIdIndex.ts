import { excelRoundedForm, looksRoundedByExcel } from './pupilIdKey';

/**
 * What an id read says of its row against the rows loaded before it:
 * - `new`: no loaded row has it;
 * - `repeat`: the row lists a loaded pupil again (`row`), by the same id (`same`), by the same id
 *   Excel rounded at the same home and grade (`rounded`), or by one id in full and the other as
 *   Excel rounds it (`excel`);
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
   * The verdict on a row of `file` whose id key is `key`; `sameHome(row)` says whether a loaded row
   * is at this row's home and grade (and name, when both have one): only then is an id Excel
   * rounded, or one written in full in one file and rounded in another, taken for the same pupil.
   */
  check(key: string, file: string, sameHome: (row: number) => boolean): IdVerdict;
  /** Notes a loaded row's id key and file. */
  add(key: string, file: string, row: number): void;
  /** The loaded row whose id is `key` exactly; undefined for none, and for an id Excel rounded (pupils born the same day share it). */
  loadedRow(key: string): number | undefined;
}

const NEW: IdVerdict = { kind: 'new' };
// An id of 18 characters from digit to digit: a 身份证号 Excel could have rounded (read per row, so no pattern).
const digit = (c: number) => c >= 48 && c <= 57;
const mayBeRounded = (key: string) => key.length === 18 && digit(key.charCodeAt(0)) && digit(key.charCodeAt(17));
// A file is taken for one whose ids Excel rounded while at least half its 18-digit ids read so far
// look so: a true id ends in 000 about once in a thousand, so a file of true ids is not for long.
const isRoundedFile = (c: { ids: number; rounded: number }) => c.ids > 0 && c.rounded * 2 >= c.ids;
// Rounded ids looked for among the ids in full one candidate at a time (1,100 lookups each), before
// the ids in full are indexed by their rounded form instead (a whole file Excel rounded).
const LOOKED_UP = 1000;
const LAST_DIGITS = '0123456789X';

// A copy, not a slice: a slice of the row would keep its piece of the text alive until the end.
const copy = (s: string) => `${s} `.slice(0, -1);

function push(map: Map<string, number[]>, key: string, row: number): void {
  const rows = map.get(key);
  if (rows) rows.push(row);
  else map.set(copy(key), [row]);
}

/**
 * An empty PupilIdIndex. Comparing ids in full with Excel-rounded ones costs files of true ids
 * next to nothing: a rounded id is compared only in a file most of whose ids look rounded, and an
 * id in full only while such a file has been read.
 */
export function createPupilIdIndex(): PupilIdIndex {
  const rowOfId = new Map<string, number>();
  const roundedRows = new Map<string, number[]>();
  const idsOfFile = new Map<string, { ids: number; rounded: number }>();
  // Files now taken for ones Excel rounded (isRoundedFile): ids in full are compared with rounded ones only while there are some.
  let roundedFiles = 0;
  let lookedUp = 0;
  let fullByRounded: Map<string, number[]> | undefined;
  // Rows come file by file: the last file's counts are kept at hand.
  let lastFile: string | undefined;
  let lastCounts = { ids: 0, rounded: 0 };
  const countsOf = (file: string) => {
    if (file === lastFile) return lastCounts;
    let counts = idsOfFile.get(file);
    if (!counts) idsOfFile.set(file, (counts = { ids: 0, rounded: 0 }));
    lastFile = file;
    lastCounts = counts;
    return counts;
  };
  // The key last checked and whether it looks rounded: add() is called with it next.
  let checked = '';
  let checkedRounded = false;
  const indexFull = (key: string, row: number) => {
    const rounded = excelRoundedForm(key);
    if (rounded !== undefined) push(fullByRounded!, rounded, row);
  };
  /** The loaded row whose 18-digit id in full Excel rounds to `rounded`, at this row's home. */
  const fullOf = (rounded: string, sameHome: (row: number) => boolean): number | undefined => {
    if (++lookedUp > LOOKED_UP && !fullByRounded) {
      fullByRounded = new Map();
      for (const [k, row] of rowOfId) indexFull(k, row);
    }
    if (fullByRounded) return fullByRounded.get(rounded)?.find(sameHome);
    // Rounded at the 16th digit: the id in full starts with the same 15 digits (16th below 5) or with them less one (5 and above).
    const head = Number(rounded.slice(0, 15));
    for (const [prefix, first] of [[head, 0], [head - 1, 5]]) {
      const start = String(prefix).padStart(15, '0');
      for (let d16 = first; d16 < first + 5; d16++) {
        for (let d17 = 0; d17 < 10; d17++) {
          for (const last of LAST_DIGITS) {
            const row = rowOfId.get(`${start}${d16}${d17}${last}`);
            if (row !== undefined && sameHome(row)) return row;
          }
        }
      }
    }
    return undefined;
  };
  return {
    check(key, file, sameHome) {
      checked = key;
      checkedRounded = looksRoundedByExcel(key);
      if (checkedRounded) {
        const earlier = roundedRows.get(key);
        const same = earlier?.find(sameHome);
        if (same !== undefined) return { kind: 'repeat', how: 'rounded', row: same };
        // With this row counted: the first rounded id of a file Excel rounded is compared too.
        const counts = countsOf(file);
        const full = key.length === 18 && isRoundedFile({ ids: counts.ids + 1, rounded: counts.rounded + 1 }) ? fullOf(key, sameHome) : undefined;
        if (full !== undefined) return { kind: 'repeat', how: 'excel', row: full };
        return earlier ? { kind: 'shares', row: earlier[0] } : NEW;
      }
      const first = rowOfId.get(key);
      if (first !== undefined) return { kind: 'repeat', how: 'same', row: first };
      if (roundedFiles > 0) {
        const rounded = excelRoundedForm(key);
        const same = rounded === undefined ? undefined : roundedRows.get(rounded)?.find(sameHome);
        if (same !== undefined) return { kind: 'repeat', how: 'excel', row: same };
      }
      return NEW;
    },
    add(key, file, row) {
      const rounded = key === checked ? checkedRounded : looksRoundedByExcel(key);
      if (mayBeRounded(key)) {
        const counts = countsOf(file);
        const was = isRoundedFile(counts);
        counts.ids++;
        if (rounded) counts.rounded++;
        roundedFiles += Number(isRoundedFile(counts)) - Number(was);
      }
      if (rounded) return push(roundedRows, key, row);
      rowOfId.set(copy(key), row);
      if (fullByRounded) indexFull(key, row);
    },
    loadedRow: (key) => (looksRoundedByExcel(key) ? undefined : rowOfId.get(key)),
  };
}
