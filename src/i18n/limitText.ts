import type { LimitField, Limits, LimitsProblem } from '../core/limits';
import type { SchoolSystem } from '../core/schoolSystem';
import { formatNumber, translate } from './format';
import type { Locale, MessageKey } from './messages';

/** The label of each figure of the limits. */
export const LIMIT_FIELD_LABELS: Record<LimitField, MessageKey> = {
  'classCap.primary': 'limit_classCapPrimary',
  'classCap.junior': 'limit_classCapJunior',
  maxSchoolSize: 'limit_maxSchoolSize',
  maxNineYearSchoolSize: 'limit_maxNineYearSchoolSize',
  largeClassMin: 'limit_largeClassMin',
  extraLargeClassMin: 'limit_extraLargeClassMin',
};

/** The names of the 大班额 and 超大班额 counts with the bands the limits give them, e.g. 大班额（56–65）. */
export function classBandLabels(limits: Limits, locale: Locale): Record<'largeClasses' | 'extraLargeClasses', string> {
  return {
    largeClasses: translate(locale, 'largeClasses', { from: limits.largeClassMin, to: limits.extraLargeClassMin - 1 }),
    extraLargeClasses: translate(locale, 'extraLargeClasses', { from: limits.extraLargeClassMin }),
  };
}

/** The limits in one sentence, for the report and the settings' summary. */
export function describeLimits(limits: Limits, locale: Locale): string {
  const n = (v: number) => formatNumber(locale, v);
  return translate(locale, 'limitsLine', {
    primary: n(limits.classCap.primary), junior: n(limits.classCap.junior), school: n(limits.maxSchoolSize), nineYear: n(limits.maxNineYearSchoolSize),
    large: n(limits.largeClassMin), largeTo: n(limits.extraLargeClassMin - 1), extraLarge: n(limits.extraLargeClassMin),
  });
}

/** A school system with its grades, e.g. 五四制（小学一至五年级，初中六至九年级）. */
export function describeSchoolSystem(system: SchoolSystem, locale: Locale): string {
  return translate(locale, system === '5-4' ? 'schoolSystem54' : 'schoolSystem63');
}

/** What is wrong with a figure the planner typed, naming it. */
export function describeLimitsProblem(p: LimitsProblem, locale: Locale): string {
  const field = (f: LimitField) => translate(locale, LIMIT_FIELD_LABELS[f]);
  if (p.code === 'limitOutOfRange') return translate(locale, 'limitOutOfRange', { field: field(p.field), min: p.min, max: p.max, got: Number.isNaN(p.got) ? '—' : p.got });
  if (p.code === 'largeNotAboveCap') return translate(locale, 'largeNotAboveCap', { field: field(p.field), cap: p.cap, large: p.large });
  return translate(locale, 'largeNotBelowExtraLarge', { large: p.large, extraLarge: p.extraLarge });
}
