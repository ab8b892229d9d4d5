import { classCapOfGrade, MAX_GRADE, type Rules } from './rules';

/** Classes formed in one school, by grade, under the class formation rule of DOMAIN.md. */
export interface ClassFormation {
  /** classes[g] = number of classes of grade g (index 0 unused; 0 where the grade has no pupils). */
  classes: number[];
  /** Largest class of each grade, ceil(n_g / k_g) (0 where the grade has no pupils). */
  largestClass: number[];
  /** Largest class of the school. */
  maxClassSize: number;
  /** Total number of classes. */
  totalClasses: number;
  /** Classes whose size exceeds the cap of their grade. */
  classesOverCap: number;
  /** Classes of 大班额 size (largeClassMin .. extraLargeClassMin − 1). */
  largeClasses: number;
  /** Classes of 超大班额 size (≥ extraLargeClassMin). */
  extraLargeClasses: number;
  /** Classes needed to keep every class within its cap: Σ ceil(n_g / cap_g). */
  classesNeededAtCap: number;
  /** Rooms missing for one class per grade with pupils (0 when rooms suffice for that). */
  roomShortage: number;
}

/** Number of classes among `k` even classes of `n` pupils (sizes floor/ceil of n/k) whose size is ≥ `min`. */
export function classesAtLeast(n: number, k: number, min: number): number {
  const small = Math.floor(n / k);
  if (small >= min) return k;
  const bigCount = n - small * k;
  return small + 1 >= min ? bigCount : 0;
}

/**
 * Forms classes for one school. `pupilsByGrade[g]` is the number of pupils of grade g (index 0
 * unused). `classrooms` undefined means rooms are not limited (k_g = ceil(n_g / cap)); otherwise the
 * rooms go one class per grade with pupils, then one at a time to the grade whose largest class is
 * largest (ties: the lower grade), until rooms run out or every grade is within its cap. Pupils are
 * spread evenly, so a grade's classes differ by at most one pupil.
 */
export function computeClassFormation(
  pupilsByGrade: ArrayLike<number>,
  classrooms: number | undefined,
  rules: Rules,
): ClassFormation {
  const classes = new Array<number>(MAX_GRADE + 1).fill(0);
  const target = new Array<number>(MAX_GRADE + 1).fill(0);
  let gradesWithPupils = 0;
  let classesNeededAtCap = 0;
  for (let g = 1; g <= MAX_GRADE; g++) {
    const n = pupilsByGrade[g] ?? 0;
    if (n <= 0) continue;
    gradesWithPupils++;
    target[g] = Math.ceil(n / classCapOfGrade(g, rules));
    classesNeededAtCap += target[g];
    classes[g] = classrooms === undefined ? target[g] : 1;
  }
  if (classrooms !== undefined) {
    let roomsLeft = classrooms - gradesWithPupils;
    while (roomsLeft > 0) {
      let best = 0;
      let bestSize = 0;
      for (let g = 1; g <= MAX_GRADE; g++) {
        if (classes[g] >= target[g]) continue;
        const size = Math.ceil(pupilsByGrade[g] / classes[g]);
        if (size > bestSize) {
          best = g;
          bestSize = size;
        }
      }
      if (best === 0) break;
      classes[best]++;
      roomsLeft--;
    }
  }
  const largestClass = new Array<number>(MAX_GRADE + 1).fill(0);
  let maxClassSize = 0;
  let totalClasses = 0;
  let classesOverCap = 0;
  let largeClasses = 0;
  let extraLargeClasses = 0;
  for (let g = 1; g <= MAX_GRADE; g++) {
    const k = classes[g];
    if (k === 0) continue;
    const n = pupilsByGrade[g];
    largestClass[g] = Math.ceil(n / k);
    maxClassSize = Math.max(maxClassSize, largestClass[g]);
    totalClasses += k;
    classesOverCap += classesAtLeast(n, k, classCapOfGrade(g, rules) + 1);
    const atLeastLarge = classesAtLeast(n, k, rules.largeClassMin);
    const atLeastExtra = classesAtLeast(n, k, rules.extraLargeClassMin);
    largeClasses += atLeastLarge - atLeastExtra;
    extraLargeClasses += atLeastExtra;
  }
  const roomShortage = classrooms === undefined ? 0 : Math.max(0, gradesWithPupils - classrooms);
  return {
    classes,
    largestClass,
    maxClassSize,
    totalClasses,
    classesOverCap,
    largeClasses,
    extraLargeClasses,
    classesNeededAtCap,
    roomShortage,
  };
}
