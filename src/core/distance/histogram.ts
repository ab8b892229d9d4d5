/** Fine bins of 1 m, in blocks of 1024 with a count per block, up to 2^18 m (262 km); farther values share the last bin. */
const FINE = 1 << 18;
const BLOCK = 1024;

/**
 * Counts of distances by whole metre (two levels, so a rank is found in ~1,300 steps), kept up to
 * date as pupils change school; with the exact sorted values of every school it gives a county
 * quantile exactly (see quantileOf).
 */
export interface DistanceHistogram {
  fine: Int32Array;
  block: Int32Array;
  total: number;
}

/** An empty histogram. */
export function createHistogram(): DistanceHistogram {
  return { fine: new Int32Array(FINE), block: new Int32Array(FINE / BLOCK), total: 0 };
}

const binOf = (v: number) => (v < FINE - 1 ? Math.floor(v) : FINE - 1);

/** Adds (`by` = 1) or removes (−1) a finite distance ≥ 0; other values are not counted. */
export function countDistance(h: DistanceHistogram, v: number, by: 1 | -1): void {
  if (!(v >= 0) || v === Infinity) return;
  const b = binOf(v);
  h.fine[b] += by;
  h.block[b >> 10] += by;
  h.total += by;
}

/** Count of values ≤ v in an ascending array from index `from`. */
function upperBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lowerBound(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The nearest-rank p-quantile of the values counted in `h`, which are exactly the union of the
 * ascending arrays `parts` (finite values only): finds the metre bin holding rank ⌈p·n⌉, then takes
 * the exact value from the parts' values in that bin. NaN when empty.
 */
export function quantileOf(h: DistanceHistogram, parts: readonly Float64Array[], p: number): number {
  if (h.total === 0) return NaN;
  let k = Math.max(1, Math.ceil(p * h.total));
  let b = 0;
  while (h.block[b] < k) k -= h.block[b++];
  let f = b * BLOCK;
  while (h.fine[f] < k) k -= h.fine[f++];
  const lo = f;
  const hi = f === FINE - 1 ? Infinity : f + 1;
  const inBin: number[] = [];
  for (const a of parts) {
    const end = hi === Infinity ? upperBound(a, Number.MAX_VALUE) : lowerBound(a, hi);
    for (let j = lowerBound(a, lo); j < end; j++) inBin.push(a[j]);
  }
  inBin.sort((x, y) => x - y);
  return inBin[k - 1];
}
