/** Fixed settings of the default dataset. */

/** The seed of every random draw; change it to get another, equally plausible county. */
export const SEED = 370783;

/** The school year the pupils describe. */
export const BASE_YEAR = 2020;

/** Relative cohort sizes of grades 1–9 (index 0 = grade 1): younger cohorts slightly larger. */
export const COHORT_WEIGHTS: readonly number[] = [1.1, 1.08, 1.06, 1.04, 1.02, 1.0, 0.98, 0.96, 0.94];

/** Junior pupils per primary pupil implied by the cohort weights (grades 7–9 over grades 1–6). */
export const JUNIOR_PER_PRIMARY =
  COHORT_WEIGHTS.slice(6).reduce((a, b) => a + b, 0) / COHORT_WEIGHTS.slice(0, 6).reduce((a, b) => a + b, 0);

/** Class cap of a grade (教督〔2017〕6号): 45 in grades 1–6, 50 in grades 7–9. */
export function classCap(grade: number): number {
  return grade <= 6 ? 45 : 50;
}
