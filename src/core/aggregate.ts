import type { PupilTable } from './dataset';
import { MAX_GRADE } from './rules';

/** Stride of the per-school grade counts: counts[school * GRADE_STRIDE + grade]. */
export const GRADE_STRIDE = MAX_GRADE + 1;

/**
 * Counts pupils by school and grade: `counts[s * GRADE_STRIDE + g]` pupils of grade g attend school
 * s. Pupils with a negative school index are not counted.
 */
export function computeGradeCounts(
  pupils: PupilTable,
  schoolOf: Int32Array,
  schoolCount: number,
): Int32Array {
  const counts = new Int32Array(schoolCount * GRADE_STRIDE);
  const { grade } = pupils;
  for (let i = 0; i < pupils.count; i++) {
    const s = schoolOf[i];
    if (s >= 0) counts[s * GRADE_STRIDE + grade[i]]++;
  }
  return counts;
}
