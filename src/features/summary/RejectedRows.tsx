import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Table } from 'antd';
import { downloadFile } from '../../app/download';
import { formatRejectedCsv } from '../../io/export/rejectedCsv';
import { useT } from '../../store/selectors';
import { describeDataProblem } from '../../core/dataProblems';
import { useAppStore } from '../../store/store';
import type { RejectedRow } from '../../core/dataset';

// A stable empty list: a selector returning a new [] each call would re-render forever.
const NO_ROWS: RejectedRow[] = [];

/** The pupil rows that were not loaded (file, line, reason), rows loaded with a remark and total rows skipped, exportable as CSV. */
export function RejectedRows() {
  const t = useT();
  // Each list on its own: an edit replaces the dataset's zones, not these.
  const rejected = useAppStore((s) => s.dataset?.rejected);
  const warnings = useAppStore((s) => s.dataset?.warnings);
  const skipped = useAppStore((s) => s.dataset?.skipped ?? NO_ROWS);
  const locale = useAppStore((s) => s.locale);
  if (!rejected || !warnings || (rejected.length === 0 && warnings.length === 0 && skipped.length === 0)) return null;
  const dataset = { rejected, warnings, skipped };
  const rows = [
    ...dataset.rejected.map((r) => ({ ...r, kind: t('rejected') })),
    ...dataset.warnings.map((r) => ({ ...r, kind: t('warnings') })),
    ...dataset.skipped.map((r) => ({ ...r, kind: t('rowSkipped') })),
  ];
  return (
    <Card
      size="small"
      title={`${t('rejectedRows')} (${dataset.rejected.length})`}
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined />}
          data-testid="export-rejected"
          onClick={() => downloadFile(t('rejectedCsvName'), formatRejectedCsv(dataset.rejected, dataset.warnings, locale, dataset.skipped), 'text/csv;charset=utf-8')}
        >
          {t('exportRejectedCsv')}
        </Button>
      }
    >
      <Table
        size="small"
        rowKey={(r) => `${r.file}:${r.line}:${r.kind}`}
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          { title: t('file'), dataIndex: 'file', render: (file: string, r) => (r.sheet ? `${file} › ${r.sheet}` : file) },
          { title: t('line'), dataIndex: 'line', width: 70 },
          { title: '', dataIndex: 'kind', width: 70 },
          { title: t('reason'), dataIndex: 'reason', render: (reason: string, r) => (r.problem ? describeDataProblem(r.problem.code, r.problem.params, locale) : reason) },
        ]}
      />
    </Card>
  );
}
