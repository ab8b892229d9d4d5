import { Alert, Button, Drawer, Progress, Segmented, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { cancelWarning, computeWarning, openWarning, warningFresh } from '../../app/warningActions';
import { downloadFile } from '../../app/download';
import { activeScenario } from '../../app/scenarioActions';
import { formatNumber, formatPercent } from '../../i18n/format';
import { displayName, useT } from '../../store/selectors';
import { uiActions, useAppStore } from '../../store/store';
import type { ZoneLevel } from '../../core/rules';
import { WarningNotice } from './WarningNotice';
import { WarningSettingsButton } from './WarningSettingsButton';
import { WarningTableView } from './WarningTableView';
import { backtestText, computeWarningTable } from './warningTable';
import './warning.css';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Computes the active scenario's warning again when it is shown (drawer or map colouring) and stale. */
function useFreshWarning(): void {
  const shown = useAppStore((s) => s.warningOpen || s.colorBy === 'warning');
  const edits = useAppStore((s) => s.edits);
  const scenarios = useAppStore((s) => s.scenarios);
  const activeId = useAppStore((s) => s.activeScenarioId);
  const profile = useAppStore((s) => s.profile);
  const overlapRule = useAppStore((s) => s.overlapRule);
  const limits = useAppStore((s) => s.limits);
  const engineReady = useAppStore((s) => s.result);
  useEffect(() => {
    if (shown && engineReady && !warningFresh() && useAppStore.getState().warningProgress === undefined) void computeWarning();
  }, [shown, edits, scenarios, activeId, profile, overlapRule, limits, engineReady]);
}

/** The 学位预警 drawer: the active scenario's warning by school and year with ranges and back-test, its settings, and its exports. */
export function WarningPanel() {
  const t = useT();
  const open = useAppStore((s) => s.warningOpen);
  const locale = useAppStore((s) => s.locale);
  const level = useAppStore((s) => s.level);
  const warning = useAppStore((s) => s.warning);
  const progress = useAppStore((s) => s.warningProgress);
  const error = useAppStore((s) => s.warningError);
  const dataset = useAppStore((s) => s.dataset);
  const fresh = useAppStore((s) => warningFresh(s));
  const [notice, setNotice] = useState(false);
  useFreshWarning();
  const view = warning?.view;
  const s = view?.settings;
  const exportXlsx = async () => {
    if (!view || !dataset) return;
    const table = computeWarningTable(view, (i) => displayName(dataset.schools[i], locale), locale);
    const { buildTablesWorkbook } = await import('../../io/export/workbook');
    const book = buildTablesWorkbook([{ name: locale === 'en' ? 'Enrollment warning' : '学位预警', table }]);
    const scenario = activeScenario()?.name ?? '';
    downloadFile(`${scenario}-${locale === 'en' ? 'enrollment-warning' : '学位预警'}.xlsx`, new Uint8Array(await book.xlsx.writeBuffer()), XLSX);
  };
  return (
    <Drawer
      placement="bottom"
      size="50vh"
      resizable
      mask={false}
      open={open}
      onClose={() => openWarning(false)}
      title={t('warningTitle', { scenario: activeScenario()?.name ?? '' })}
      extra={(
        <Space>
          <Segmented<ZoneLevel> size="small" value={level} onChange={uiActions.setLevel} options={[{ value: 'primary', label: t('primary') }, { value: 'junior', label: t('junior') }]} />
          <WarningSettingsButton />
          <Button size="small" disabled={!view} onClick={() => void exportXlsx()} data-testid="warning-xlsx">{t('warnExportXlsx')}</Button>
          <Button size="small" disabled={!view} onClick={() => setNotice(true)} data-testid="warning-notice-open">{t('warnPrintNotice')}</Button>
        </Space>
      )}
      styles={{ body: { padding: 12, background: '#fafafa' } }}
      data-testid="warning-panel"
    >
      <Space direction="vertical" style={{ width: '100%' }} size={6}>
        {progress !== undefined ? (
          <Space data-testid="warning-progress">
            <Progress percent={Math.round(progress * 100)} size="small" style={{ width: 240 }} />
            <span>{t('warningProgress', { p: formatPercent(locale, progress) })}</span>
            <Button size="small" onClick={cancelWarning} data-testid="warning-cancel">{t('warningCancel')}</Button>
          </Space>
        ) : (
          !fresh && <Space><span>{t('warningStale')}</span><Button size="small" type="primary" onClick={() => void computeWarning()} data-testid="warning-compute">{t('warningCompute')}</Button></Space>
        )}
        {error && <Alert type="error" showIcon message={t('warningFault', { detail: error.fault ?? '' })} />}
        {view && s && (
          <>
            <Typography.Text type="secondary">{t('warningIntro', { yellow: formatPercent(locale, s.yellowAt), red: formatPercent(locale, s.redAt), source: s.source, draws: formatNumber(locale, s.draws), seed: s.seed })}</Typography.Text>
            <Typography.Text data-testid="warning-backtest">{backtestText(view, level, locale)}</Typography.Text>
            <WarningTableView view={view} />
            <Typography.Text type="secondary" data-testid="warning-times">{t('warnTimes', { project: formatNumber(locale, view.projectMs), draws: formatNumber(locale, view.drawMs) })}</Typography.Text>
          </>
        )}
      </Space>
      {notice && view && <WarningNotice view={view} onClose={() => setNotice(false)} />}
    </Drawer>
  );
}
