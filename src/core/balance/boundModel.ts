import { GRADE_STRIDE } from '../aggregate';
import { computeCandidates } from './candidates';
import { BalanceState, roomsIn } from './state';
import type { BalanceInput, BalanceSettings } from './types';

/** A mixed-integer model as arrays (the shape HiGHS' createModel takes), columns in CSC form. */
export interface BoundModel {
  numCols: number;
  numRows: number;
  colCost: Float64Array;
  colLower: Float64Array;
  colUpper: Float64Array;
  rowLower: Float64Array;
  rowUpper: Float64Array;
  matrix: { format: 'csc'; numRows: number; numCols: number; starts: Int32Array; indices: Int32Array; values: Float64Array };
  /** 1 = integer, 0 = continuous, per column. */
  integrality: Int32Array;
}

/**
 * The balancing problem without contiguity as a MILP whose optimum is a lower bound on the weighted
 * pupils moved of any plan meeting every limit: a binary x per unit and option (stay, or each school
 * it may go to; locked units only stay), Σ x = 1 per unit; per school, year and grade an integer
 * class count k with cap·k ≥ pupils; Σ_g k ≤ rooms (exactly "no class over the cap"); pupils ≤ the
 * size limit. Minimizes the weighted pupils moved. Infinite bounds are ±Infinity.
 */
export function computeBoundModel(input: BalanceInput, settings: BalanceSettings): BoundModel {
  const st = new BalanceState(input, settings);
  const cand = computeCandidates(st, settings);
  const S = st.S;
  const Y = st.Y;
  const n = st.target.length;
  // Rows: one per unit; per limited school and year, 9 grade rows, a rooms row and a size row.
  const schoolRow = new Int32Array(S).fill(-1);
  let rows = n;
  for (let s = 0; s < S; s++) if (st.limited[s] === 1) (schoolRow[s] = rows), (rows += Y * 11);
  const rowLower = new Float64Array(rows).fill(-Infinity);
  const rowUpper = new Float64Array(rows).fill(Infinity);
  for (let i = 0; i < n; i++) rowLower[i] = rowUpper[i] = 1;
  const gradeRow = (s: number, y: number, g: number) => schoolRow[s] + y * 11 + (g - 1);
  for (let s = 0; s < S; s++) {
    if (schoolRow[s] < 0) continue;
    const school = input.schools[s];
    for (let y = 0; y < Y; y++) {
      let fixedTotal = 0;
      for (let g = 1; g < GRADE_STRIDE; g++) {
        const f = input.fixed[(y * S + s) * GRADE_STRIDE + g];
        fixedTotal += f;
        rowUpper[gradeRow(s, y, g)] = roomsIn(school, y) === undefined ? Infinity : -f;
      }
      rowUpper[schoolRow[s] + y * 11 + 9] = roomsIn(school, y) ?? Infinity;
      rowUpper[schoolRow[s] + y * 11 + 10] = school.maxSize - fixedTotal;
    }
  }
  const cost: number[] = [];
  const upper: number[] = [];
  const integer: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const column = (entries: Map<number, number>, c: number, up: number, int: number) => {
    for (const r of [...entries.keys()].sort((a, b) => a - b)) {
      indices.push(r);
      values.push(entries.get(r)!);
    }
    starts.push(indices.length);
    cost.push(c);
    upper.push(up);
    integer.push(int);
  };
  const add = (m: Map<number, number>, r: number, v: number) => m.set(r, (m.get(r) ?? 0) + v);
  for (let i = 0; i < n; i++) {
    const options = [-1];
    if (cand.frozen[i] === 0) for (let c = cand.offsets[i]; c < cand.offsets[i + 1]; c++) options.push(cand.schools[c]);
    const p = input.levels[st.itemLevel[i]].pupils;
    const u = st.itemUnit[i];
    for (const t of options) {
      const m = new Map<number, number>([[i, 1]]);
      const put = (s: number, y: number, g: number, count: number) => {
        if (s < 0 || schoolRow[s] < 0 || count === 0) return;
        add(m, gradeRow(s, y, g), count);
        add(m, schoolRow[s] + y * 11 + 10, count);
      };
      if (t < 0) for (let e = p.offsets[u]; e < p.offsets[u + 1]; e++) put(p.school[e], p.year[e], p.grade[e], p.count[e]);
      else for (let y = 0; y < Y; y++) for (let g = 1; g < GRADE_STRIDE; g++) put(t, y, g, st.total[(i * Y + y) * GRADE_STRIDE + g]);
      column(m, st.costOf(i, t).moved, 1, 1);
    }
  }
  for (let s = 0; s < S; s++) {
    if (schoolRow[s] < 0) continue;
    for (let y = 0; y < Y; y++) {
      if (roomsIn(input.schools[s], y) === undefined) continue;
      for (let g = 1; g < GRADE_STRIDE; g++) column(new Map([[gradeRow(s, y, g), -input.gradeCap[g]], [schoolRow[s] + y * 11 + 9, 1]]), 0, Infinity, 1);
    }
  }
  const numCols = cost.length;
  return {
    numCols,
    numRows: rows,
    colCost: Float64Array.from(cost),
    colLower: new Float64Array(numCols),
    colUpper: Float64Array.from(upper),
    rowLower,
    rowUpper,
    matrix: { format: 'csc', numRows: rows, numCols, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
    integrality: Int32Array.from(integer),
  };
}
