import { Card, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { ZONE_LEVELS } from '../../core/rules';
import { formatNumber, formatPercent } from '../../i18n/format';
import { useClassBandLabels, useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { countyTotals, type CountyTotals } from './compareModel';
import { formatDelta } from './format';
import { useCompared, useCompareYear } from './useCompare';

type Count = Exclude<keyof CountyTotals, 'cvPass' | 'schoolsFailing' | 'totalClasses'>;

/** A row of the totals: a label and, per scenario, what its cell shows. */
interface TotalsRow {
  key: string;
  label: ReactNode;
  cells: ReactNode[];
}

/**
 * County totals per compared scenario for the chosen year: pupils moved and in all, oversized
 * schools, classes over the cap, 大班额 and 超大班额 (with their share of all classes), and the
 * standards at a glance (county CVs and schools failing the 7 indicators, per level).
 */
export function CompareTotals() {
  const t = useT();
  const bands = useClassBandLabels();
  const locale = useAppStore((s) => s.locale);
  const compared = useCompared();
  const { year } = useCompareYear();
  const totals = compared.map((c) => countyTotals(c.view, year));
  if (year === undefined) return null;

  const count = (key: Count, bad: boolean, shareOfClasses = false): TotalsRow['cells'] =>
    totals.map((x, k) => {
      if (!x) return '—';
      // Pupils moved are counted against 现状 already: no second difference.
      const delta = k > 0 && totals[0] && key !== 'pupilsMoved' ? x[key] - totals[0][key] : 0;
      const direction = !bad ? '' : delta < 0 ? 'better' : 'worse';
      const share = shareOfClasses && x.totalClasses > 0 ? ` (${formatPercent(locale, x[key] / x.totalClasses, 1)})` : '';
      return (
        <span className={`num ${bad && x[key] > 0 ? 'bad' : ''}`} data-testid={`total-${key}-${compared[k].id}`}>
          {formatNumber(locale, x[key])}{share}
          {delta !== 0 && <span className={`compare-delta ${direction}`}> {formatDelta(locale, delta)}</span>}
        </span>
      );
    });
  const rows: TotalsRow[] = [
    { key: 'pupilsMoved', label: <Tooltip title={t('pupilsMovedHint')}>{t('pupilsMoved')}</Tooltip>, cells: count('pupilsMoved', false) },
    { key: 'totalPupils', label: t('totalPupils'), cells: count('totalPupils', false) },
    { key: 'oversizeSchools', label: t('oversizeSchools'), cells: count('oversizeSchools', true) },
    { key: 'classesOverCap', label: t('classesOverCap'), cells: count('classesOverCap', true, true) },
    { key: 'largeClasses', label: bands.largeClasses, cells: count('largeClasses', true, true) },
    { key: 'extraLargeClasses', label: bands.extraLargeClasses, cells: count('extraLargeClasses', true, true) },
    ...ZONE_LEVELS.flatMap((level) => [
      {
        key: `cv-${level}`,
        label: t('cvPassLevel', { level: t(level) }),
        cells: totals.map((x, k) => x && <Tag color={x.cvPass[level] ? 'green' : 'red'} data-testid={`total-cv-${level}-${compared[k].id}`}>{t(x.cvPass[level] ? 'pass' : 'fail')}</Tag>),
      },
      {
        key: `failing-${level}`,
        label: t('schoolsFailingLevel', { level: t(level) }),
        cells: totals.map((x, k) => x && (
          <span className={`num ${x.schoolsFailing[level] > 0 ? 'bad' : ''}`} data-testid={`total-failing-${level}-${compared[k].id}`}>{formatNumber(locale, x.schoolsFailing[level])}</span>
        )),
      },
    ]),
  ];
  const columns: ColumnsType<TotalsRow> = [
    { title: t('figure'), dataIndex: 'label', width: 190 },
    ...compared.map((c, k) => ({ title: c.name, key: c.id, align: 'right' as const, render: (_: unknown, r: TotalsRow) => r.cells[k] })),
  ];
  return (
    <Card size="small" title={t('countyTotals', { year })} data-testid="compare-totals">
      <Table<TotalsRow> size="small" rowKey="key" columns={columns} dataSource={rows} pagination={false} />
    </Card>
  );
}
