import { useCallback, useMemo } from 'react';
import { withLimits, type RuleSettings } from '../core/limits';
import { DEFAULT_RULES, type Rules } from '../core/rules';
import { DEFAULT_SCHOOL_SYSTEM, withSchoolSystem } from '../core/schoolSystem';
import type { SchoolResult, SimulationResult } from '../core/simulation';
import { classBandLabels } from '../i18n/limitText';
import { translate } from '../i18n/format';
import type { Locale, MessageKey } from '../i18n/messages';
import { useAppStore, type AppState } from './store';

/** Translation function for the current locale. */
export function useT() {
  const locale = useAppStore((s) => s.locale);
  return useCallback((key: MessageKey, vars?: Record<string, string | number>) => translate(locale, key, vars), [locale]);
}

/** The rules the app applies: the national ones with the planner's limits, under the dataset's school system. */
export function useRules(): Rules {
  const limits = useAppStore((s) => s.limits);
  const system = useAppStore((s) => s.dataset?.schoolSystem ?? DEFAULT_SCHOOL_SYSTEM);
  return useMemo(() => withSchoolSystem(withLimits(DEFAULT_RULES, limits), system), [limits, system]);
}

/** The names of the 大班额 and 超大班额 counts with their bands under the planner's limits, in the locale. */
export function useClassBandLabels(): Record<'largeClasses' | 'extraLargeClasses', string> {
  const limits = useAppStore((s) => s.limits);
  const locale = useAppStore((s) => s.locale);
  return useMemo(() => classBandLabels(limits, locale), [limits, locale]);
}

/** The planner's rule settings, as the engine is given them. */
export const selectRuleSettings = (s: AppState): RuleSettings => ({ overlapRule: s.overlapRule, limits: s.limits });

/** The result of the selected school, if any. */
export const selectSelectedSchool = (s: AppState): SchoolResult | undefined =>
  s.result?.schools.find((r) => r.id === s.selectedSchoolId);

/** Compliance status of a school: 2 oversized, 1 classes over the cap, 0 within limits. */
export function schoolStatus(r: SchoolResult): 0 | 1 | 2 {
  if (r.oversize) return 2;
  return r.classesOverCap > 0 ? 1 : 0;
}

/** A school's name for the locale: the English name in English when there is one. */
export function displayName(r: Pick<SchoolResult, 'name' | 'nameEn'>, locale: Locale): string {
  return locale === 'en' && r.nameEn ? r.nameEn : r.name;
}

/** A function naming a school by id for the current locale (null: no school, outside every zone). */
export function useSchoolName(): (id: string | null) => string {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const schools = useAppStore((s) => s.dataset?.schools);
  return (id) => {
    if (id === null) return t('noSchool');
    const school = schools?.find((s) => s.id === id);
    return school ? displayName(school, locale) : id;
  };
}

/**
 * The result the map and tables show: the base year's, or the chosen projected year's once the
 * active scenario has been projected (until then, and while it is projected again after an edit,
 * the last one at hand; the year selector says it is being computed).
 */
export const selectShownResult = (s: AppState): SimulationResult | undefined => {
  if (s.viewYear === undefined) return s.result;
  return s.projections[s.activeScenarioId]?.view.years.find((y) => y.year === s.viewYear)?.result ?? s.result;
};
