import { Segmented, Typography } from 'antd';
import { useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { useCompareYear } from './useCompare';

/** Chooses the projected school year the totals, table and dashboard show. */
export function YearSelector() {
  const t = useT();
  const { years, year } = useCompareYear();
  if (year === undefined) return null;
  return (
    <label className="compare-control">
      <Typography.Text type="secondary">{t('year')}</Typography.Text>
      <Segmented<number>
        data-testid="compare-year"
        size="small"
        value={year}
        options={years.map((y) => ({ value: y, label: String(y) }))}
        onChange={(compareYear) => useAppStore.setState({ compareYear })}
      />
    </label>
  );
}
