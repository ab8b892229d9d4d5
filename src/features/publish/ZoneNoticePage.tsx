import { Button, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { currentEngine } from '../../app/engineClient';
import { activeScenario } from '../../app/scenarioActions';
import { SIDES } from '../../core/publish/fourBounds';
import type { NoticeUnit, ZoneNoticeEntry } from '../../core/publish/zoneNotice';
import { formatDate, translate } from '../../i18n/format';
import type { Locale } from '../../i18n/messages';
import { displayName, useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import type { ZoneNoticeView } from '../../../workers/zoneNoticeRun';
import '../warning/warning.css';

const list = (units: NoticeUnit[], locale: Locale) => units.map((u) => u.name).join(locale === 'en' ? ', ' : '、');

/** 四至 in words: "东至汇文学校片区；南至县（市）界 …", a side's neighbours by their schools' names. */
export function boundsText(entry: ZoneNoticeEntry, nameOf: (id: string) => string, locale: Locale): string {
  return SIDES.map((side) => {
    const b = entry.bounds[side];
    const parts = [...b.neighbours.map((k) => translate(locale, 'boundZone', { school: k.split('、').map(nameOf).join('、') })), ...(b.open ? [translate(locale, 'boundEdge')] : [])];
    return `${translate(locale, `side_${side}`)}${locale === 'en' ? ' ' : ''}${parts.join(locale === 'en' ? ' and ' : '、')}`;
  }).join(locale === 'en' ? '; ' : '；');
}

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
  return createPortal(
    <div className="print-report warning-notice" data-testid="zone-notice" data-ready={view ? 'yes' : 'no'}>
      <div className="no-print"><Space className="report-actions" wrap>
        <span>{t('noticeDocNo')} <Input size="small" style={{ width: 160 }} value={docNo} onChange={(e) => setDocNo(e.target.value)} /></span>
        <span>{t('noticeDate')} <Input size="small" style={{ width: 160 }} value={date} onChange={(e) => setDate(e.target.value)} /></span>
        <Button type="primary" onClick={() => window.print()}>{t('print')}</Button>
        <Button onClick={onClose} data-testid="zone-notice-close">{t('close')}</Button>
      </Space></div>
      <h1 className="notice-title">{t('zoneNoticeTitle', { dataset: locale === 'en' ? (dataset.nameEn ?? dataset.name) : dataset.name, year })}</h1>
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
                const changes = [e.gained.length > 0 && t('zoneNoticeGained', { list: list(e.gained, locale) }), e.lost.length > 0 && t('zoneNoticeLost', { list: list(e.lost, locale) })].filter(Boolean).join(locale === 'en' ? '; ' : '；');
                return (
                  <tr key={school.id}>
                    <td>{displayName(school, locale)}{e.sharedWith.length > 0 && <div className="muted">{t('zoneNoticeShared', { list: e.sharedWith.map(nameOf).join('、') })}</div>}</td>
                    <td className="notice-zone">{e.towns.map((g) => <div key={g.town}><b>{g.town || t('noTown')}</b>：{list(g.units, locale)}</div>)}</td>
                    <td className="notice-zone">{boundsText(e, nameOf, locale)}</td>
                    <td className="notice-zone">{list(e.cut, locale)}</td>
                    <td className="notice-zone">{changes || t('zoneNoticeNoChange')}</td>
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
