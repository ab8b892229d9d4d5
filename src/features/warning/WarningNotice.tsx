import { Button, Input, Space } from 'antd';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { unitNames } from '../../app/exportActions';
import { formatDate, formatPercent, translate } from '../../i18n/format';
import { displayName, useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import type { WarningView } from '../../../workers/warningRun';
import { tierText, warnedYears, warningLines } from './warningTable';
import { warningNoticeDocument } from './warningNoticeText';
import { downloadFile } from '../../app/download';
import { activeScenario } from '../../app/scenarioActions';
import { datasetTitle } from '../../i18n/datasetTitle';

/**
 * The printable 学位预警 notice of the active scenario, in the planner's language (the browser prints
 * it or saves it as PDF): title, document number, date and the data's cut-off date as fields to
 * fill, the thresholds and their source, then per level and public school its zone (the compounds
 * and villages it holds) and its tier in each year warned, and the disclaimer.
 */
export function WarningNotice({ view, onClose }: { view: WarningView; onClose: () => void }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const dataset = useAppStore((s) => s.dataset);
  const [docNo, setDocNo] = useState('');
  const [date, setDate] = useState(formatDate(locale, Date.now()));
  const [cutoff, setCutoff] = useState(translate(locale, 'noticeFill'));
  if (!dataset) return null;
  const names = unitNames();
  const pct = (v: number) => formatPercent(locale, v);
  const s = view.settings;
  const saveDocx = async () => {
    const { buildDocx } = await import('../../io/export/docx');
    const byId = new Map(dataset.schools.map((school) => [school.id, school]));
    const doc = warningNoticeDocument(view, dataset.schools, {
      dataset: datasetTitle(dataset, locale), docNo, cutoff, date, locale,
      nameOf: (id) => (byId.has(id) ? displayName(byId.get(id)!, locale) : id), unitName: (id) => names.get(id) || id,
    });
    downloadFile(`${activeScenario()?.name ?? ''}-${locale === 'en' ? 'enrollment-warning-notice' : '学位预警公告'}.docx`, await buildDocx(doc), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  };
  return createPortal(
    <div className="print-report warning-notice" data-testid="warning-notice">
      <div className="no-print"><Space className="report-actions" wrap>
        <span>{t('noticeDocNo')} <Input size="small" style={{ width: 160 }} value={docNo} onChange={(e) => setDocNo(e.target.value)} data-testid="notice-docno" /></span>
        <span>{t('noticeDate')} <Input size="small" style={{ width: 160 }} value={date} onChange={(e) => setDate(e.target.value)} /></span>
        <span>{t('noticeCutoff')} <Input size="small" style={{ width: 160 }} value={cutoff} onChange={(e) => setCutoff(e.target.value)} data-testid="notice-cutoff" /></span>
        <Button type="primary" onClick={() => window.print()}>{t('print')}</Button>
        <Button onClick={() => void saveDocx()} data-testid="notice-docx">DOCX</Button>
        <Button onClick={onClose} data-testid="notice-close">{t('close')}</Button>
      </Space></div>
      <h1 className="notice-title">{t('noticeTitle', { dataset: datasetTitle(dataset, locale) })}</h1>
      <p className="notice-docno">{docNo || t('noticeFill')}</p>
      <p>{t('noticeIntro', { cutoff, yellow: pct(s.yellowAt), red: pct(s.redAt), source: s.source })}</p>
      {(['primary', 'junior'] as const).map((level) => {
        const years = warnedYears(view, level);
        const lines = warningLines(view, level);
        if (lines.length === 0) return null;
        return (
          <section key={level}>
            <h2>{t(level)}</h2>
            <table className="report-table" data-testid={`notice-table-${level}`}>
              <thead>
                <tr><th>{t('warnSchool')}</th><th>{t('noticeZone')}</th>{years.map((y) => <th key={y}>{t('warnYearN', { year: y })}</th>)}</tr>
              </thead>
              <tbody>
                {lines.map((line) => {
                  const school = dataset.schools[line.school];
                  const units = (view.zoneUnits[level][school.id] ?? []).map((id) => names.get(id) || id);
                  return (
                    <tr key={line.key}>
                      <td>{displayName(school, locale)}</td>
                      <td className="notice-zone">{units.length > 0 ? units.join(locale === 'en' ? ', ' : '、') : t('noticeZoneEmpty')}</td>
                      {years.map((y) => <td key={y}>{line.years.get(y) ? tierText(line.years.get(y)!, locale) : ''}</td>)}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        );
      })}
      <p className="notice-disclaimer">{t('noticeDisclaimer')}</p>
      <p className="notice-sign">{t('noticeCutoff')}：{cutoff}　　{date}</p>
    </div>,
    document.body,
  );
}
