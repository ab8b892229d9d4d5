import { Card, Input, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { formatNumber } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../store/selectors';
import { schoolNameColumn } from '../schools/schoolNameColumn';
import { uiActions, useAppStore } from '../../store/store';
import { differsFromFirst, filterRows, schoolCompareRows, SCHOOL_FIGURES, type SchoolCompareRow, type SchoolFigure } from './compareModel';
import { formatDelta } from './format';
import { useCompared, useCompareYear } from './useCompare';

const LABELS: Record<SchoolFigure, MessageKey> = {
  enrollment: 'enrollment',
  totalClasses: 'classes',
  maxClassSize: 'maxClassSize',
  classesOverCap: 'overCap',
  oversize: 'oversize',
};

/** Figures where a fall is an improvement (the others are coloured neutrally). */
const LOWER_IS_BETTER = new Set<SchoolFigure>(['maxClassSize', 'classesOverCap']);

/**
 * Every school in the chosen year, side by side for the compared scenarios (enrollment, classes,
 * largest class, classes over the cap, oversized); a figure that differs from the first scenario's
 * is highlighted with the difference. Filter, search, sort; a click selects the school.
 */
export function SchoolCompareTable() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const selected = useAppStore((s) => s.selectedSchoolId);
  const compared = useCompared();
  const { year } = useCompareYear();
  const [query, setQuery] = useState('');
  const [onlyChanged, setOnlyChanged] = useState(false);
  const rows = useMemo(() => schoolCompareRows(compared, year), [compared, year]);
  const shown = useMemo(() => filterRows(rows, query, onlyChanged), [rows, query, onlyChanged]);
  if (year === undefined) return null;

  const cell = (r: SchoolCompareRow, k: number, f: SchoolFigure) => {
    const x = r.cells[k];
    if (!x) return '—';
    const diff = differsFromFirst(r, k, f);
    const first = r.cells[0];
    const value = f === 'oversize'
      ? (x.oversize ? <Tag color="red">{t('yes')}</Tag> : t('no'))
      : <>
          {formatNumber(locale, x[f])}
          {diff && first && <span className={`compare-delta ${LOWER_IS_BETTER.has(f) ? (x[f] < first[f] ? 'better' : 'worse') : ''}`}> {formatDelta(locale, x[f] - first[f])}</span>}
        </>;
    const bad = (f === 'enrollment' && x.oversize) || ((f === 'maxClassSize' || f === 'classesOverCap') && x.classesOverCap > 0);
    return <span className={`num ${bad ? 'bad' : ''} ${diff ? 'compare-diff' : ''}`} data-testid={`cell-${f}-${compared[k].id}`}>{value}</span>;
  };
  const columns: ColumnsType<SchoolCompareRow> = [
    schoolNameColumn<SchoolCompareRow>(t, locale, 170),
    ...compared.map((c, k) => ({
      title: c.name,
      key: c.id,
      children: SCHOOL_FIGURES.map((f) => ({
        title: t(LABELS[f]),
        key: `${c.id}-${f}`,
        align: 'right' as const,
        width: f === 'oversize' ? 70 : 92,
        sorter: (a: SchoolCompareRow, b: SchoolCompareRow) => Number(a.cells[k]?.[f] ?? -1) - Number(b.cells[k]?.[f] ?? -1),
        defaultSortOrder: k === 0 && f === 'enrollment' ? ('descend' as const) : undefined,
        render: (_: unknown, r: SchoolCompareRow) => cell(r, k, f),
      })),
    })),
  ];
  return (
    <Card
      size="small"
      title={`${t('beforeAfter', { year })} (${shown.length})`}
      data-testid="compare-schools"
      extra={
        <Space>
          <Space size={4}>
            <Switch size="small" checked={onlyChanged} onChange={setOnlyChanged} data-testid="only-changed" />
            <Typography.Text>{t('onlyChanged')}</Typography.Text>
          </Space>
          <Input.Search allowClear size="small" placeholder={t('searchSchool')} onChange={(e) => setQuery(e.target.value)} style={{ width: 160 }} data-testid="compare-search" />
        </Space>
      }
    >
      <Table<SchoolCompareRow>
        size="small"
        bordered
        rowKey="id"
        columns={columns}
        dataSource={shown}
        pagination={false}
        scroll={{ x: 170 + compared.length * 440, y: 260 }}
        onRow={(r) => ({ onClick: () => uiActions.selectSchool(r.id), 'data-school-id': r.id } as React.HTMLAttributes<HTMLElement>)}
        rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
      />
    </Card>
  );
}
