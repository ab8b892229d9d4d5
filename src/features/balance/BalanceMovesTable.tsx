import { Button, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { memo, useMemo } from 'react';
import { toggleMove } from '../../app/balanceActions';
import type { BalanceMove } from '../../core/balance/types';
import { formatNumber } from '../../i18n/format';
import { useSchoolName, useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { computeMoveRows, type MoveRow } from './balanceModel';

/** The plan's moves: unit, level, from, to, pupils by grade, added distance and why; each can be removed (and restored) until accepted. */
export const BalanceMovesTable = memo(function BalanceMovesTable({ moves, removed, editable }: { moves: BalanceMove[]; removed: number[]; editable: boolean }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const units = useAppStore((s) => s.dataset?.units);
  const schoolName = useSchoolName();
  const unitNames = useMemo(() => new Map((units?.features ?? []).map((f) => [String(f.properties?.id), String(f.properties?.name ?? f.properties?.id)])), [units]);
  const rows = computeMoveRows(moves, removed, (id) => unitNames.get(id) ?? id, (id) => schoolName(id));
  const columns: ColumnsType<MoveRow> = [
    { title: t('balanceColUnit'), dataIndex: 'unit', width: 110, ellipsis: true },
    { title: t('balanceColLevel'), dataIndex: 'level', width: 64, render: (l: MoveRow['level']) => t(l) },
    { title: t('balanceColFrom'), dataIndex: 'from', width: 100, ellipsis: true },
    { title: t('balanceColTo'), dataIndex: 'to', width: 100, ellipsis: true },
    {
      title: t('balanceColPupils'),
      dataIndex: 'pupils',
      width: 150,
      sorter: (a, b) => a.pupils - b.pupils,
      render: (v: number, r) => <span className="num" title={r.grades.map((g) => `${t('gradeN', { n: g.grade })} ${formatNumber(locale, g.n)}`).join(' · ')}>{formatNumber(locale, v)}{locale === 'en' ? ' (' : '（'}{r.grades.map((g) => `${g.grade}:${formatNumber(locale, g.n)}`).join(' ')}{locale === 'en' ? ')' : '）'}</span>,
    },
    { title: t('balanceColAdded'), dataIndex: 'addedKm', width: 80, align: 'right', sorter: (a, b) => a.addedKm - b.addedKm, render: (v: number) => <span className="num">{t('balanceKm', { km: formatNumber(locale, v, 2) })}</span> },
    { title: t('balanceColReason'), dataIndex: 'reason', width: 110, render: (r: MoveRow['reason']) => t(`balanceReason_${r}`) },
    {
      key: 'remove',
      width: 64,
      render: (_, r) => (
        <Button size="small" type="link" disabled={!editable} onClick={() => void toggleMove(r.index)} data-testid={`balance-toggle-${r.index}`}>
          {r.removed ? t('balanceRestore') : t('balanceRemove')}
        </Button>
      ),
    },
  ];
  return (
    <Table<MoveRow>
      data-testid="balance-moves"
      size="small"
      rowKey="index"
      columns={columns}
      dataSource={rows}
      pagination={{ pageSize: 12, showSizeChanger: false }}
      scroll={{ x: 778 }}
      rowClassName={(r) => (r.removed ? 'balance-removed' : '')}
    />
  );
});
