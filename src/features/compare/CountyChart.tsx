import { Card } from 'antd';
import { useMemo } from 'react';
import { formatNumber, translate } from '../../i18n/format';
import { useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { smallMultiplesOption } from './chartOptions';
import { countySeries, type CountyMetric } from './compareModel';
import { EChart } from './EChart';
import { useCompared, useCompareYear } from './useCompare';

const METRICS: CountyMetric[] = ['classesOverCap', 'largeClasses', 'oversizeSchools'];

/** County counts by year (classes over the cap, 大班额, oversized schools), one line per scenario. */
export function CountyChart() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const compared = useCompared();
  const { years } = useCompareYear();
  const option = useMemo(
    () => smallMultiplesOption(years, METRICS.map((m) => ({ title: translate(locale, m), series: countySeries(compared, years, m) })), (n) => formatNumber(locale, n)),
    [compared, years, locale],
  );
  if (years.length === 0) return null;
  return (
    <Card size="small" title={t('countyByYear')}>
      <EChart option={option} height={240} testId="county-chart" />
    </Card>
  );
}
