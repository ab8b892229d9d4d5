import { Card, Input, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useDeferredValue, useMemo, useState } from 'react';
import type { SchoolResult } from '../../core/simulation';
import { formatNumber, formatPercent } from '../../i18n/format';
import { selectShownResult, useT } from '../../store/selectors';
import { useHeldWhile, useNearScreen } from '../panels/offScreen';
import { schoolNameColumn } from './schoolNameColumn';
import { uiActions, useAppStore } from '../../store/store';

const num = (a: number, b: number) => a - b;

// The sum of the column widths below.
const TABLE_WIDTH = 608;

/** Sortable table of every school: enrollment, classes, largest class, over-cap classes, oversize. */
export function SchoolTable() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  // The table follows an edit a moment after the county numbers, and only near the screen: it is
  // the slowest part to draw.
  const [near, nearRef] = useNearScreen();
  const result = useHeldWhile(!near, useDeferredValue(useAppStore(selectShownResult)));
  const selected = useAppStore((s) => s.selectedSchoolId);
  const [query, setQuery] = useState('');
  const rows = useMemo(
    () => {
      const q = query.trim().toLowerCase();
      return (result?.schools ?? []).filter((r) => q === '' || r.name.includes(q) || r.id.toLowerCase().includes(q) || (r.nameEn ?? '').toLowerCase().includes(q));
    },
    [result, query],
  );
  const table = useMemo(() => {
    if (!result) return null;
    const columns: ColumnsType<SchoolResult> = [
      schoolNameColumn<SchoolResult>(t, locale, 140),
      {
        title: t('schoolLevel'),
        dataIndex: 'level',
        width: 72,
        filters: (['primary', 'junior', 'nine_year'] as const).map((l) => ({ text: t(l), value: l })),
        onFilter: (v, r) => r.level === v,
        render: (l: SchoolResult['level']) => t(l),
      },
      { title: t('enrollment'), dataIndex: 'enrollment', width: 70, align: 'right', sorter: (a, b) => num(a.enrollment, b.enrollment), defaultSortOrder: 'descend', render: (v: number, r) => <span className={`num ${r.oversize ? 'bad' : ''}`}>{formatNumber(locale, v)}</span> },
      { title: t('classes'), dataIndex: 'totalClasses', width: 56, align: 'right', sorter: (a, b) => num(a.totalClasses, b.totalClasses), render: (v: number) => <span className="num">{formatNumber(locale, v)}</span> },
      { title: t('maxClassSize'), dataIndex: 'maxClassSize', width: 70, align: 'right', sorter: (a, b) => num(a.maxClassSize, b.maxClassSize), render: (v: number, r) => <span className={`num ${r.classesOverCap > 0 ? 'bad' : ''}`}>{formatNumber(locale, v)}</span> },
      { title: t('overCap'), dataIndex: 'classesOverCap', width: 64, align: 'right', sorter: (a, b) => num(a.classesOverCap, b.classesOverCap), render: (v: number) => <span className={`num ${v > 0 ? 'bad' : ''}`}>{formatNumber(locale, v)}</span> },
      { title: t('oversize'), dataIndex: 'oversize', width: 60, align: 'center', sorter: (a, b) => Number(a.oversize) - Number(b.oversize), render: (v: boolean) => (v ? <Tag color="red">{t('yes')}</Tag> : t('no')) },
      { title: t('utilization'), dataIndex: 'utilization', width: 76, align: 'right', sorter: (a, b) => num(a.utilization ?? -1, b.utilization ?? -1), render: (v?: number) => <span className={`num ${v !== undefined && v > 1 ? 'warn' : ''}`}>{v === undefined ? '—' : formatPercent(locale, v)}</span> },
    ];
    return (
      <Card ref={nearRef} size="small" title={`${t('schoolTable')} (${result.schools.length})`} extra={<Input.Search allowClear size="small" placeholder={t('searchSchool')} onChange={(e) => setQuery(e.target.value)} style={{ width: 160 }} />}>
        <Table<SchoolResult>
          data-testid="school-table"
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 15, showSizeChanger: false }}
          // The sort arrows need no hover hint; its tooltips were drawn again on every edit.
          showSorterTooltip={false}
          // The columns fit the side panel at 1440 px; narrower, the table scrolls under the fixed names.
          scroll={{ x: TABLE_WIDTH }}
          onRow={(r) => ({ onClick: () => uiActions.focusSchool(r.id), 'data-school-id': r.id } as React.HTMLAttributes<HTMLElement>)}
          rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
        />
      </Card>
    );
  }, [result, rows, selected, locale, t, nearRef]);
  return table;
}
