import { Select, Typography } from 'antd';
import { setCompareIds } from '../../app/compareActions';
import { useT } from '../../store/selectors';
import { BASELINE_ID, useAppStore } from '../../store/store';

/** Chooses up to three scenarios to compare: 现状 and the planner's scenarios by name. */
export function ScenarioPicker() {
  const t = useT();
  const ids = useAppStore((s) => s.compareIds);
  const scenarios = useAppStore((s) => s.scenarios);
  const options = [{ value: BASELINE_ID, label: t('baseline') }, ...scenarios.map((d) => ({ value: d.id, label: d.name }))];
  return (
    <label className="compare-control">
      <Typography.Text type="secondary">{t('compareScenarios')}</Typography.Text>
      <Select
        data-testid="compare-ids"
        mode="multiple"
        maxCount={3}
        style={{ minWidth: 280 }}
        value={ids}
        options={options}
        onChange={(next: string[]) => void setCompareIds(next)}
      />
    </label>
  );
}
