import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { exportFile, type ExportKind } from '../../app/exportActions';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../store/selectors';
import { ZoneNoticePage } from '../publish/ZoneNoticePage';

// The report (and the maps it draws) loads when first asked for.
const PrintReport = lazy(() => import('../report/PrintReport').then((m) => ({ default: m.PrintReport })));

const ITEMS: [ExportKind, MessageKey][] = [
  ['schoolsCsv', 'exportSchoolsCsv'],
  ['distanceCsv', 'exportDistanceCsv'],
  ['tablesXlsx', 'exportTablesXlsx'],
  ['projectionCsv', 'exportProjectionCsv'],
  ['zonesGeoJson', 'exportZonesGeoJson'],
  ['zonesShp', 'exportZonesShp'],
  ['movedCsv', 'exportMovedCsv'],
  ['mapPng', 'exportMapPng'],
  ['lookupHtml', 'lookupMenu'],
  ['lettersXlsx', 'lettersXlsxMenu'],
  ['lettersDocx', 'lettersDocxMenu'],
  ['publicationZip', 'publicationZipMenu'],
];

/** Exports of the active scenario: tables, projections, zones, the moved-pupil list, the map, the 学区查询 page, the letters to families, the report. */
export function ExportMenu() {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState(false);
  const [zoneNotice, setZoneNotice] = useState(false);
  const run = async (kind: ExportKind) => {
    setBusy(true);
    try {
      void message.success(t('exported', { name: await exportFile(kind) }));
    } catch (e) {
      // Whatever failed, the planner is told (an error without a message still says the export failed).
      void message.error(e instanceof Error && e.message ? e.message : t('exportFailed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            ...ITEMS.map(([kind, label]) => ({ key: kind, label: <span data-testid={`export-${kind}`}>{t(label)}</span> })),
            { type: 'divider' as const },
            { key: 'report', label: <span data-testid="export-report">{t('printReport')}</span> },
            { key: 'zoneNotice', label: <span data-testid="export-zone-notice">{t('zoneNoticeMenu')}</span> },
          ],
          onClick: ({ key }) => (key === 'report' ? setReport(true) : key === 'zoneNotice' ? setZoneNotice(true) : void run(key as ExportKind)),
        }}
      >
        <Button data-testid="export-menu" icon={<DownloadOutlined />} loading={busy}>{t('exports')}</Button>
      </Dropdown>
      {report && <Suspense fallback={null}><PrintReport onClose={() => setReport(false)} /></Suspense>}
      {zoneNotice && <ZoneNoticePage onClose={() => setZoneNotice(false)} />}
    </>
  );
}
