/**
 * The nearest-rank p-quantile (0 < p ≤ 1) of values sorted ascending: the value at 1-based rank
 * ceil(p·n). The median is p = 0.5 (for an even count, the lower middle value). NaN when empty.
 */
export function nearestRank(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}
