import { DEFAULT_RULES, type OverlapRule, type Rules } from './rules';

/**
 * The thresholds a county sets for itself (DOMAIN.md: local rules differ): class caps per level,
 * the school sizes above which a school is oversized, and where 大班额 and 超大班额 begin.
 */
export type Limits = Pick<Rules, 'classCap' | 'maxSchoolSize' | 'maxNineYearSchoolSize' | 'largeClassMin' | 'extraLargeClassMin'>;

/** The national figures (DEFAULT_RULES). */
export const DEFAULT_LIMITS: Limits = limitsOf(DEFAULT_RULES);

/** The limits a set of rules applies (a copy). */
export function limitsOf(rules: Rules): Limits {
  return {
    classCap: { ...rules.classCap },
    maxSchoolSize: rules.maxSchoolSize,
    maxNineYearSchoolSize: rules.maxNineYearSchoolSize,
    largeClassMin: rules.largeClassMin,
    extraLargeClassMin: rules.extraLargeClassMin,
  };
}

/** `rules` with `limits` in place of its own; every other rule kept. */
export function withLimits(rules: Rules, limits: Limits): Rules {
  return { ...rules, ...limits, classCap: { ...limits.classCap } };
}

/** Whether two sets of limits hold the same figures. */
export function sameLimits(a: Limits, b: Limits): boolean {
  return a.classCap.primary === b.classCap.primary && a.classCap.junior === b.classCap.junior && a.maxSchoolSize === b.maxSchoolSize
    && a.maxNineYearSchoolSize === b.maxNineYearSchoolSize && a.largeClassMin === b.largeClassMin && a.extraLargeClassMin === b.extraLargeClassMin;
}

/** One figure of a Limits, by name: `classCap.primary`, `classCap.junior` or a top-level key. */
export type LimitField = 'classCap.primary' | 'classCap.junior' | Exclude<keyof Limits, 'classCap'>;

/** The figures in the order they are shown and checked. */
export const LIMIT_FIELDS: readonly LimitField[] = ['classCap.primary', 'classCap.junior', 'maxSchoolSize', 'maxNineYearSchoolSize', 'largeClassMin', 'extraLargeClassMin'];

/** The value of one figure. */
export function limitValue(limits: Limits, field: LimitField): number {
  if (field === 'classCap.primary') return limits.classCap.primary;
  if (field === 'classCap.junior') return limits.classCap.junior;
  return limits[field];
}

/** `limits` with one figure set to `value` (a copy; the other figures kept). */
export function withLimitValue(limits: Limits, field: LimitField, value: number): Limits {
  if (field === 'classCap.primary') return { ...limits, classCap: { ...limits.classCap, primary: value } };
  if (field === 'classCap.junior') return { ...limits, classCap: { ...limits.classCap, junior: value } };
  return { ...limits, classCap: { ...limits.classCap }, [field]: value };
}

/** Smallest and largest value each figure may take (pupils per class, or pupils per school). */
export const LIMIT_BOUNDS: Record<LimitField, [number, number]> = {
  'classCap.primary': [10, 100],
  'classCap.junior': [10, 100],
  maxSchoolSize: [100, 20_000],
  maxNineYearSchoolSize: [100, 20_000],
  largeClassMin: [11, 150],
  extraLargeClassMin: [12, 200],
};

/** Why a set of limits cannot be applied: a figure out of its bounds (or not whole), or 大班额 not below 超大班额. */
export type LimitsProblem =
  | { code: 'limitOutOfRange'; field: LimitField; got: number; min: number; max: number }
  | { code: 'largeNotBelowExtraLarge'; large: number; extraLarge: number }
  | { code: 'largeNotAboveCap'; field: 'classCap.primary' | 'classCap.junior'; cap: number; large: number };

/**
 * What is wrong with `limits`, or none: each figure a whole number within LIMIT_BOUNDS, 大班额
 * starting above both class caps (a class at the cap is not large) and below 超大班额.
 */
export function limitsProblems(limits: Limits): LimitsProblem[] {
  const problems: LimitsProblem[] = [];
  for (const field of LIMIT_FIELDS) {
    const got = limitValue(limits, field);
    const [min, max] = LIMIT_BOUNDS[field];
    if (!Number.isInteger(got) || got < min || got > max) problems.push({ code: 'limitOutOfRange', field, got, min, max });
  }
  if (problems.length > 0) return problems;
  for (const field of ['classCap.primary', 'classCap.junior'] as const) {
    const cap = limitValue(limits, field);
    if (limits.largeClassMin <= cap) problems.push({ code: 'largeNotAboveCap', field, cap, large: limits.largeClassMin });
  }
  if (limits.largeClassMin >= limits.extraLargeClassMin) problems.push({ code: 'largeNotBelowExtraLarge', large: limits.largeClassMin, extraLarge: limits.extraLargeClassMin });
  return problems;
}

/** The rules a planner sets in the app, kept with the workspace: where zones overlap, and the limits. */
export interface RuleSettings {
  overlapRule: OverlapRule;
  limits: Limits;
}

/** `rules` with the planner's settings in place of its own. */
export function withSettings(rules: Rules, settings: RuleSettings): Rules {
  return { ...withLimits(rules, settings.limits), overlapRule: settings.overlapRule };
}
