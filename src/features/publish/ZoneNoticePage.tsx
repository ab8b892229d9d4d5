import { Button, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { currentEngine } from '../../app/engineClient';
import { activeScenario } from '../../app/scenarioActions';
import { formatDate } from '../../i18n/format';
import { downloadFile } from '../../app/download';
import { boundsText, changesText, unitList, zoneNoticeDocument } from './zoneNoticeText';
import { displayName, useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import type { ZoneNoticeView } from '../../../workers/zoneNoticeRun';
import '../warning/warning.css';
import { datasetTitle } from '../../i18n/datasetTitle';

/**
 * The printable 招生片区公告 of the active scenario, in the planner's language: title, document number
 * and date to fill, then per level and public school its compounds and villages by 街道/镇, its 四至
 * from the neighbouring zones, the units the boundary cuts (for a person to decide) and the
 * changes against 现状 (调整说明).
 */
export function ZoneNoticePage({ onClose }: { onClose: () => void }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const dataset = useAppStore((s) => s.dataset);
  const [docNo, setDocNo] = useState('');
  const [date, setDate] = useState(formatDate(locale, Date.now()));
  const [view, setView] = useState<ZoneNoticeView>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const doc = activeScenario();
    const engine = currentEngine();
    if (doc && engine) engine.remote.zoneNotice(doc.edits).then(setView, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  if (!dataset) return null;
  const byId = new Map(dataset.schools.map((s) => [s.id, s]));
  const nameOf = (id: string) => (byId.has(id) ? displayName(byId.get(id)!, locale) : id);
  const year = dataset.baseYear + 1;
  const datasetName = datasetTitle(dataset, locale);
  const saveDocx = async () => {
    if (!view) return;
    const { buildDocx } = await import('../../io/export/docx');
    const bytes = await buildDocx(zoneNoticeDocument(view, dataset.schools, { dataset: datasetName, year, docNo, date, locale, nameOf }));
    downloadFile(`${activeScenario()?.name ?? ''}-${locale === 'en' ? 'zone-notice' : '招生片区公告'}.docx`, bytes, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  };
  return createPortal(
    <div className="print-report warning-notice" data-testid="zone-notice" data-ready={view ? 'yes' : 'no'}>
      <div className="no-print"><Space className="report-actions" wrap>
        <span>{t('noticeDocNo')} <Input size="small" style={{ width: 160 }} value={docNo} onChange={(e) => setDocNo(e.target.value)} /></span>
        <span>{t('noticeDate')} <Input size="small" style={{ width: 160 }} value={date} onChange={(e) => setDate(e.target.value)} /></span>
        <Button type="primary" onClick={() => window.print()}>{t('print')}</Button>
        <Button disabled={!view} onClick={() => void saveDocx()} data-testid="zone-notice-docx">DOCX</Button>
        <Button onClick={onClose} data-testid="zone-notice-close">{t('close')}</Button>
      </Space></div>
      <h1 className="notice-title">{t('zoneNoticeTitle', { dataset: datasetName, year })}</h1>
      <p className="notice-docno">{docNo || t('noticeFill')}</p>
      <p>{t('zoneNoticeIntro', { year })}</p>
      {!view && !error && <p>{t('zoneNoticeComputing')}</p>}
      {error && <p className="report-error">{error}</p>}
      {view && (['primary', 'junior'] as const).map((level) => (
        <section key={level}>
          <h2>{t(level)}</h2>
          <table className="report-table" data-testid={`zone-notice-${level}`}>
            <thead><tr><th>{t('warnSchool')}</th><th>{t('zoneNoticeRange')}</th><th>{t('zoneNoticeBounds')}</th><th>{t('zoneNoticeCut')}</th><th>{t('zoneNoticeChanges')}</th></tr></thead>
            <tbody>
              {view[level].map((e) => {
                const school = dataset.schools[e.school];
                return (
                  <tr key={school.id}>
                    <td>{displayName(school, locale)}{e.sharedWith.length > 0 && <div className="muted">{t('zoneNoticeShared', { list: e.sharedWith.map(nameOf).join('、') })}</div>}</td>
                    <td className="notice-zone">{e.towns.map((g) => <div key={g.town}><b>{g.town || t('noTown')}</b>：{unitList(g.units, locale)}</div>)}</td>
                    <td className="notice-zone">{boundsText(e, nameOf, locale)}</td>
                    <td className="notice-zone">{unitList(e.cut, locale)}</td>
                    <td className="notice-zone">{changesText(e, locale)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
      <p className="notice-sign">{date}</p>
    </div>,
    document.body,
  );
}
