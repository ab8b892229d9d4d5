import { DEFAULT_LIMITS, LIMIT_FIELDS, limitsProblems, limitValue, withLimitValue, type LimitField, type Limits, type LimitsProblem } from '../core/limits';

/** The option that sets each figure of the limits. */
const OPTION_OF: Record<LimitField, string> = {
  'classCap.primary': 'class-cap-primary',
  'classCap.junior': 'class-cap-junior',
  maxSchoolSize: 'max-school-size',
  maxNineYearSchoolSize: 'max-nine-year-size',
  largeClassMin: 'large-class-min',
  extraLargeClassMin: 'extra-large-class-min',
};

/** The command line's limit options (parseArgs): each figure of the county's limits, the national one when absent. */
export const LIMITS_OPTIONS = Object.fromEntries(LIMIT_FIELDS.map((f) => [OPTION_OF[f], { type: 'string' }])) as Record<string, { type: 'string' }>;

export const LIMITS_USAGE = `[${LIMIT_FIELDS.map((f) => `--${OPTION_OF[f]} <n>`).join('] [')}]`;

/** A problem of the limits in the command line's words, naming the options. */
function describe(p: LimitsProblem): string {
  if (p.code === 'limitOutOfRange') return `--${OPTION_OF[p.field]} must be a whole number from ${p.min} to ${p.max}, got "${Number.isNaN(p.got) ? '' : p.got}"`;
  if (p.code === 'largeNotAboveCap') return `--large-class-min (${p.large}) must be above --${OPTION_OF[p.field]} (${p.cap}): a class at the cap is not a large class`;
  return `--large-class-min (${p.large}) must be below --extra-large-class-min (${p.extraLarge})`;
}

/** The limits the options give (the national figure for each one absent), or what is wrong with them. */
export function parseLimitsArgs(args: Record<string, unknown>): Limits | { error: string } {
  let limits = DEFAULT_LIMITS;
  for (const field of LIMIT_FIELDS) {
    const given = args[OPTION_OF[field]];
    if (typeof given === 'string') limits = withLimitValue(limits, field, given.trim() === '' ? Number.NaN : Number(given));
  }
  const problems = limitsProblems(limits);
  return problems.length > 0 ? { error: problems.map(describe).join('; ') } : limits;
}

/** The limits as the run's report states them: the figures that differ from the national ones, or none. */
export function describeLimitsArgs(limits: Limits): string | undefined {
  const changed = LIMIT_FIELDS.filter((f) => limitValue(limits, f) !== limitValue(DEFAULT_LIMITS, f));
  return changed.length > 0 ? `limits: ${changed.map((f) => `--${OPTION_OF[f]} ${limitValue(limits, f)}`).join(', ')} (the national figures otherwise)` : undefined;
}
