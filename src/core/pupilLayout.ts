import type { PupilColumns, PupilTable } from './dataset';
import { cellOfPoint, computeGridFrame, DEFAULT_GRID_SIZE } from './gridFrame';
import { permutePacked } from './packedStrings';
import { levelOfGrade, type Rules } from './rules';

/** Spreads the low 10 bits of v to the even bit positions (for a 20-bit Morton code). */
function spread10(v: number): number {
  v &= 0x3ff;
  v = (v | (v << 8)) & 0x00ff00ff;
  v = (v | (v << 4)) & 0x0f0f0f0f;
  v = (v | (v << 2)) & 0x33333333;
  v = (v | (v << 1)) & 0x55555555;
  return v;
}

const SEGMENT_FACTOR = 2 ** 51;
const MORTON_FACTOR = 2 ** 31;

/**
 * Orders pupils by segment (zoned primary, zoned junior, fixed) and then by the Morton code of
 * their cell in a `gridSize`² frame over their bounding box (≤ 1024), so spatial lookups walk
 * memory in order, and notes each pupil's cell. One sort of packed float keys
 * (segment·2^51 + morton·2^31 + row) avoids a comparator; rows must be < 2^31.
 */
export function computePupilLayout(cols: PupilColumns, rules: Rules, gridSize = DEFAULT_GRID_SIZE): PupilTable {
  const n = cols.x.length;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    if (cols.x[i] < minX) minX = cols.x[i];
    if (cols.x[i] > maxX) maxX = cols.x[i];
    if (cols.y[i] < minY) minY = cols.y[i];
    if (cols.y[i] > maxY) maxY = cols.y[i];
  }
  const frame = computeGridFrame(minX, minY, maxX, maxY, gridSize);
  const keys = new Float64Array(n);
  const segmentCounts = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const segment =
      cols.fixedSchool[i] >= 0 ? 2 : levelOfGrade(cols.grade[i], rules) === 'primary' ? 0 : 1;
    segmentCounts[segment]++;
    const morton =
      spread10(Math.floor((cols.x[i] - frame.minX) * frame.scaleX)) |
      (spread10(Math.floor((cols.y[i] - frame.minY) * frame.scaleY)) << 1);
    keys[i] = segment * SEGMENT_FACTOR + (morton >>> 0) * MORTON_FACTOR + i;
  }
  keys.sort();
  const out: PupilTable = {
    count: n,
    x: new Float64Array(n),
    y: new Float64Array(n),
    grade: new Uint8Array(n),
    fixedSchool: new Int32Array(n),
    currentSchool: new Int32Array(n),
    line: new Uint32Array(n),
    unit: new Int32Array(n),
    ...(cols.file && { file: new Uint16Array(n) }),
    segmentStart: Int32Array.of(
      0,
      segmentCounts[0],
      segmentCounts[0] + segmentCounts[1],
      n,
    ),
    frame,
    cell: new Int32Array(n),
    runStart: new Int32Array(0),
    segmentRun: new Int32Array(4),
  };
  const rowAt = (k: number) => keys[k] % MORTON_FACTOR;
  if (cols.id) out.id = permutePacked(cols.id, n, rowAt);
  if (cols.name) out.name = permutePacked(cols.name, n, rowAt);
  for (let k = 0; k < n; k++) {
    const i = rowAt(k);
    out.x[k] = cols.x[i];
    out.y[k] = cols.y[i];
    out.grade[k] = cols.grade[i];
    out.fixedSchool[k] = cols.fixedSchool[i];
    out.currentSchool[k] = cols.currentSchool[i];
    out.line[k] = cols.line[i];
    out.unit[k] = cols.unit[i];
    if (cols.file) out.file![k] = cols.file[i];
    out.cell[k] = cellOfPoint(frame, cols.x[i], cols.y[i]);
  }
  computeRuns(out);
  return out;
}

/** Fills runStart and segmentRun: a run ends where the cell or the segment changes. */
function computeRuns(t: PupilTable): void {
  const starts = new Int32Array(t.count + 1);
  let runs = 0;
  for (let seg = 0; seg < 3; seg++) {
    t.segmentRun[seg] = runs;
    for (let i = t.segmentStart[seg]; i < t.segmentStart[seg + 1]; i++) {
      if (i === t.segmentStart[seg] || t.cell[i] !== t.cell[i - 1]) starts[runs++] = i;
    }
  }
  t.segmentRun[3] = runs;
  starts[runs] = t.count;
  t.runStart = starts.slice(0, runs + 1);
}
