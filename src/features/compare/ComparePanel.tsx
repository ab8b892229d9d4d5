import { Drawer, Typography } from 'antd';
import { useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { DistanceCompare } from '../distance/DistanceCompare';
import { ChangedAreasSwitch } from './ChangedAreasSwitch';
import { CompareTotals } from './CompareTotals';
import { CountyChart } from './CountyChart';
import { ProjectionStatus } from './ProjectionStatus';
import { ScenarioPicker } from './ScenarioPicker';
import { SchoolChart } from './SchoolChart';
import { SchoolCompareTable } from './SchoolCompareTable';
import { StandardsDashboard } from './StandardsDashboard';
import { useCompared, useProjectionsWhileOpen } from './useCompare';
import { YearSelector } from './YearSelector';

/**
 * 方案比较与预测: a drawer from the bottom over part of the screen (no mask, resizable, so the map above
 * stays usable) comparing up to three scenarios year by year.
 */
export function ComparePanel() {
  const t = useT();
  const open = useAppStore((s) => s.compareOpen);
  const compared = useCompared();
  useProjectionsWhileOpen();
  return (
    <Drawer
      placement="bottom"
      // Less than half the screen: the map above keeps enough room to edit on (resizable for more).
      size="45vh"
      resizable
      mask={false}
      open={open}
      onClose={() => useAppStore.setState({ compareOpen: false })}
      title={t('compare')}
      extra={<ChangedAreasSwitch />}
      styles={{ body: { padding: 12, background: '#fafafa' } }}
      data-testid="compare-panel"
    >
      <div className="compare-controls">
        <ScenarioPicker />
        <YearSelector />
        <ProjectionStatus />
      </div>
      {compared.length === 0 ? (
        <Typography.Text type="secondary">{t('compareWaiting')}</Typography.Text>
      ) : (
        <div className="compare-grid">
          <CompareTotals />
          <CountyChart />
          <div className="compare-wide"><SchoolCompareTable /></div>
          <SchoolChart />
          <StandardsDashboard />
          <DistanceCompare />
        </div>
      )}
    </Drawer>
  );
}
