/** Class formation with shared classrooms, exactly as shared DOMAIN.md defines it. */
import { classCap } from './settings.ts';

/** Classes per grade (index 0 = grade 1) for pupil counts per grade; rooms null means not limited. */
export function formClasses(counts: readonly number[], rooms: number | null): number[] {
  const full = counts.map((n, g) => Math.ceil(n / classCap(g + 1)));
  if (rooms === null) return full;
  const k: number[] = counts.map((n) => (n > 0 ? 1 : 0));
  for (let used = k.reduce((a, b) => a + b, 0); used < rooms; used++) {
    let best = -1;
    let bestSize = 0;
    counts.forEach((n, g) => {
      const size = Math.ceil(n / (k[g] ?? 1));
      // strictly larger wins, so a tie stays with the lower grade
      if ((k[g] ?? 0) > 0 && (k[g] ?? 0) < (full[g] ?? 0) && size > bestSize) {
        best = g;
        bestSize = size;
      }
    });
    if (best < 0) break;
    k[best] = (k[best] ?? 0) + 1;
  }
  return k;
}

/** Largest class of each grade, ceil(n / k); 0 for a grade without pupils. */
export function largestClasses(counts: readonly number[], classes: readonly number[]): number[] {
  return counts.map((n, g) => (n > 0 ? Math.ceil(n / (classes[g] ?? 1)) : 0));
}

/** Rooms needed to form every class at the cap. */
export function roomsAtCap(counts: readonly number[]): number {
  return formClasses(counts, null).reduce((a, b) => a + b, 0);
}
