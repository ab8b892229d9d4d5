import { useEffect, useMemo } from 'react';
import { refreshChangedAreas, runProjections } from '../../app/compareActions';
import { translate } from '../../i18n/format';
import { BASELINE_ID, useAppStore } from '../../store/store';
import { comparedScenarios, projectedYears, type ComparedScenario } from './compareModel';

/** The compared scenarios, named for the locale, with their projections. */
export function useCompared(): ComparedScenario[] {
  const ids = useAppStore((s) => s.compareIds);
  const scenarios = useAppStore((s) => s.scenarios);
  const projections = useAppStore((s) => s.projections);
  const locale = useAppStore((s) => s.locale);
  return useMemo(() => comparedScenarios(ids, scenarios, projections, BASELINE_ID, translate(locale, 'baseline')), [ids, scenarios, projections, locale]);
}

/** The years projected for the compared scenarios, and the one chosen (the base year until one is picked). */
export function useCompareYear(): { years: number[]; year: number | undefined } {
  const compared = useCompared();
  const chosen = useAppStore((s) => s.compareYear);
  const years = useMemo(() => projectedYears(compared), [compared]);
  return { years, year: chosen !== undefined && years.includes(chosen) ? chosen : years[0] };
}

/**
 * While the panel is open, keeps the projections and changed areas current: on opening, and after
 * every edit, scenario, profile, rule setting or dataset change (only stale scenarios are projected again).
 */
export function useProjectionsWhileOpen(): void {
  const open = useAppStore((s) => s.compareOpen);
  const edits = useAppStore((s) => s.edits);
  const scenarios = useAppStore((s) => s.scenarios);
  const profile = useAppStore((s) => s.profile);
  const overlapRule = useAppStore((s) => s.overlapRule);
  const limits = useAppStore((s) => s.limits);
  const version = useAppStore((s) => s.datasetVersion);
  useEffect(() => {
    if (!open) return;
    void runProjections();
    void refreshChangedAreas();
  }, [open, edits, scenarios, profile, overlapRule, limits, version]);
}
