/**
 * The nearest-rank p-quantile (0 < p ≤ 1) of values sorted ascending: the value at 1-based rank
 * ceil(p·n). The median is p = 0.5 (for an even count, the lower middle value). NaN when empty.
 */
export function nearestRank(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

/** Count of values ≤ v in an ascending array. */
function countAtMost(a: Float64Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The nearest-rank p-quantile of the union of several ascending arrays, without merging them:
 * bisects on the value until no double lies between the bounds, then takes the smallest value
 * above the lower bound. Equal to nearestRank of the merged, sorted values. NaN when all are empty.
 */
export function nearestRankOfUnion(arrays: Float64Array[], p: number): number {
  let total = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    if (a.length === 0) continue;
    total += a.length;
    lo = Math.min(lo, a[0]);
    hi = Math.max(hi, a[a.length - 1]);
  }
  if (total === 0) return NaN;
  const k = Math.max(1, Math.ceil(p * total));
  const count = (v: number) => arrays.reduce((c, a) => c + countAtMost(a, v), 0);
  if (count(lo) >= k) return lo;
  // Invariant: count(lo) < k ≤ count(hi).
  for (;;) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (count(mid) >= k) hi = mid;
    else lo = mid;
  }
  return hi;
}
