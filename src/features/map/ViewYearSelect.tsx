import { LoadingOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useEffect } from 'react';
import { activeProjectionFresh, projectActiveScenario, setViewYear } from '../../app/viewYearActions';
import { activeScenario } from '../../app/scenarioActions';
import { useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';

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
  const edits = useAppStore((s) => s.edits);
  const scenarios = useAppStore((s) => s.scenarios);
  const activeId = useAppStore((s) => s.activeScenarioId);
  const profile = useAppStore((s) => s.profile);
  const overlapRule = useAppStore((s) => s.overlapRule);
  const limits = useAppStore((s) => s.limits);
  const projections = useAppStore((s) => s.projections);
  useEffect(() => {
    if (viewYear !== undefined) void projectActiveScenario();
  }, [viewYear, edits, scenarios, activeId, profile, overlapRule, limits]);
  if (baseYear === undefined) return null;
  // Read when the projections change: the shown year is being computed until its projection is fresh.
  const computing = viewYear !== undefined && (!activeProjectionFresh() || !projections[activeId]?.view.years.some((y) => y.year === viewYear));
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
