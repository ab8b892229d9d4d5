import { LoadingOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useEffect } from 'react';
import { activeProjectionFresh, projectActiveScenario, setViewYear } from '../../app/viewYearActions';
import { activeScenario } from '../../app/scenarioActions';
import { useT } from '../../store/selectors';
import { useAppStore, type AppState } from '../../store/store';

// In the base year nothing is projected: what a projection depends on is read only while a
// projected year is shown, so that an edit in the base year does not draw the selector again.
const projecting = (s: AppState) => s.viewYear !== undefined;

/**
 * The school year the map and tables show: the base year or one of the projected years of the
 * active scenario (its projection settings, ten years by default). A projected year is projected
 * again after every edit, rule or profile change; a spinner shows while it is.
 */
export function ViewYearSelect() {
  const t = useT();
  const baseYear = useAppStore((s) => s.dataset?.baseYear);
  const years = useAppStore((s) => activeScenario(s)?.projection.years ?? 10);
  const viewYear = useAppStore((s) => s.viewYear);
  const edits = useAppStore((s) => projecting(s) && s.edits);
  const scenarios = useAppStore((s) => projecting(s) && s.scenarios);
  const activeId = useAppStore((s) => s.activeScenarioId);
  const profile = useAppStore((s) => projecting(s) && s.profile);
  const overlapRule = useAppStore((s) => projecting(s) && s.overlapRule);
  const limits = useAppStore((s) => projecting(s) && s.limits);
  const projections = useAppStore((s) => projecting(s) && s.projections);
  useEffect(() => {
    if (viewYear !== undefined) void projectActiveScenario();
  }, [viewYear, edits, scenarios, activeId, profile, overlapRule, limits]);
  if (baseYear === undefined) return null;
  // Read when the projections change: the shown year is being computed until its projection is fresh.
  const computing = projections && (!activeProjectionFresh() || !projections[activeId]?.view.years.some((y) => y.year === viewYear));
  return (
    <span className="view-year">
      <Select<number>
        data-testid="view-year"
        size="middle"
        value={viewYear ?? baseYear}
        onChange={(y) => void setViewYear(y)}
        style={{ width: 156 }}
        popupMatchSelectWidth={false}
        options={Array.from({ length: years + 1 }, (_, k) => ({ value: baseYear + k, label: k === 0 ? t('viewYearBase', { year: baseYear }) : t('viewYearN', { year: baseYear + k }) }))}
      />
      {computing && <LoadingOutlined data-testid="view-year-computing" title={t('projecting')} />}
    </span>
  );
}
