import { Card, Segmented, Table } from 'antd';
import { useState } from 'react';
import type { MovedGroup } from '../../core/moves';
import { formatNumber } from '../../i18n/format';
import { useSchoolName, useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/** Pupils changing school, from which to which, by grade: for the last edit and in total. */
export function MovedPupils() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const moved = useAppStore((s) => s.moved);
  const totalMoved = useAppStore((s) => s.totalMoved);
  const edits = useAppStore((s) => s.edits.length);
  const editMs = useAppStore((s) => s.editMs);
  const nameOf = useSchoolName();
  const [which, setWhich] = useState<'last' | 'total'>('total');
  const rows = which === 'last' ? moved : totalMoved;
  const sum = rows.reduce((a, m) => a + m.count, 0);
  return (
    // Hidden, not unmounted, while there is nothing to show: mounted at an edit, its table measured
    // the scrollbar (a forced layout of the page) inside the edit's commit.
    <Card
      hidden={edits === 0 && totalMoved.length === 0}
      size="small"
      title={`${t('movedTitle')} (${formatNumber(locale, sum)})`}
      extra={<span className="num">{t('editsCount', { n: edits })}{editMs !== undefined && ` · ${t('editTime', { ms: formatNumber(locale, editMs, 1) })}`}</span>}
      data-testid="moved-pupils"
    >
      <Segmented value={which} onChange={setWhich} options={[{ value: 'total', label: t('movedTotal') }, { value: 'last', label: t('movedLast') }]} style={{ marginBottom: 8 }} />
      <Table<MovedGroup>
        size="small"
        rowKey={(m) => `${m.from}|${m.to}|${m.grade}`}
        dataSource={rows}
        locale={{ emptyText: t('movedNone') }}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        columns={[
          { title: t('from'), dataIndex: 'from', render: nameOf },
          { title: t('to'), dataIndex: 'to', render: nameOf },
          { title: t('grade'), dataIndex: 'grade', width: 80, render: (g: number) => t('gradeN', { n: g }) },
          { title: t('count'), dataIndex: 'count', align: 'right', render: (n: number) => formatNumber(locale, n) },
        ]}
      />
    </Card>
  );
}
