import { Select, Space } from 'antd';
import { memo } from 'react';
import { setOverlapRule } from '../../app/editActions';
import { OVERLAP_RULES, type OverlapRule } from '../../core/rules';
import { useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/**
 * Which zone a pupil living where zones overlap goes to (recomputes the scenario). Memoised: the
 * county card around it is drawn again at every edit.
 */
export const OverlapRuleSelect = memo(function OverlapRuleSelect() {
  const t = useT();
  const rule = useAppStore((s) => s.overlapRule);
  return (
    <Space size="small" className="overlap-rule">
      <span>{t('overlapRuleLabel')}</span>
      <Select<OverlapRule>
        size="small"
        value={rule}
        onChange={(v) => void setOverlapRule(v)}
        options={OVERLAP_RULES.map((r) => ({ value: r, label: t(`overlapRule_${r}`) }))}
        popupMatchSelectWidth={false}
        data-testid="overlap-rule"
      />
    </Space>
  );
});
