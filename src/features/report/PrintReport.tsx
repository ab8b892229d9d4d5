import { Button, Space } from 'antd';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { activeProjection, reportMaps } from '../../app/exportActions';
import { activeScenario } from '../../app/scenarioActions';
import { computeCountyByYearTable } from '../../io/export/projectionTables';
import { computeSchoolTable } from '../../io/export/schoolTable';
import type { Table } from '../../io/export/table';
import { formatDate, formatNumber } from '../../i18n/format';
import { displayName, useClassBandLabels, useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { describeRules } from './describeRules';
import { describeGap } from '../standards/gap';
import { datasetTitle } from '../../i18n/datasetTitle';
import { describeLimits, describeSchoolSystem } from '../../i18n/limitText';

function TableView({ table, testId }: { table: Table; testId: string }) {
  const locale = useAppStore((s) => s.locale);
  return (
    <table className="report-table" data-testid={testId}>
      <thead><tr>{table.header.map((h) => <th key={h}>{h}</th>)}</tr></thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r}>{row.map((c, i) => <td key={i} className={typeof c === 'number' ? 'num' : undefined}>{typeof c !== 'number' ? (c ?? '') : table.plainColumns?.includes(i) ? String(c) : formatNumber(locale, c, Number.isInteger(c) ? 0 : 1)}</td>)}</tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A printable report of the active scenario (the browser prints it or saves it as PDF): the map as
 * drawn, the county summary, the rules, every school's numbers, the pupils changing school and
 * the county projection by year.
 */
export function PrintReport({ onClose }: { onClose: () => void }) {
  const t = useT();
  const bands = useClassBandLabels();
  const limits = useAppStore((s) => s.limits);
  const locale = useAppStore((s) => s.locale);
  const dataset = useAppStore((s) => s.dataset);
  const result = useAppStore((s) => s.result);
  const standards = useAppStore((s) => s.standards);
  const totalMoved = useAppStore((s) => s.totalMoved);
  const [maps, setMaps] = useState<{ caption: string; url: string }[]>();
  const [mapError, setMapError] = useState<string>();
  const [projection, setProjection] = useState<Table>();
  const doc = activeScenario();
  useEffect(() => {
    let urls: string[] = [];
    reportMaps().then((drawn) => {
      urls = drawn.map((m) => URL.createObjectURL(m.png));
      setMaps(drawn.map((m, i) => ({ caption: m.caption, url: urls[i] })));
    }, (e: unknown) => setMapError(e instanceof Error ? e.message : String(e)));
    void activeProjection().then((view) => view && setProjection(computeCountyByYearTable(view.years, useAppStore.getState().locale)));
    return () => {
      for (const url of urls) URL.revokeObjectURL(url);
    };
  }, []);
  if (!dataset || !result || !doc) return null;
  const s = result.summary;
  const name = (id: string | null) => {
    const school = id === null ? undefined : dataset.schools.find((x) => x.id === id);
    return school ? displayName(school, locale) : t('noSchool');
  };
  const n = (v: number) => formatNumber(locale, v);
  return createPortal(
    <div className="print-report" data-testid="print-report" data-ready={(maps || mapError) && projection ? 'yes' : 'no'}>
      <Space className="no-print report-actions">
        <Button type="primary" data-testid="print" onClick={() => window.print()}>{t('print')}</Button>
        <Button data-testid="report-close" onClick={onClose}>{t('close')}</Button>
      </Space>
      <h1>{t('reportTitle', { dataset: datasetTitle(dataset, locale), scenario: doc.name })}</h1>
      <p>{t('reportGenerated', { date: formatDate(locale, Date.now()) })} · {t('baseYear')} {dataset.baseYear}</p>
      {maps?.map((m) => <img key={m.caption} className="report-map" src={m.url} alt={m.caption} data-testid="report-map" />)}
      {mapError && <p className="report-error">{mapError}</p>}
      <h2>{t('reportSummary')}</h2>
      <ul className="report-summary">
        <li>{t('pupilsRead')} {n(s.input)} · {t('assigned')} {n(s.assigned)} · {t('unassigned')} {n(s.unassigned)} · {t('rejected')} {n(s.rejected)}</li>
        <li>{t('oversizeSchools')} {n(s.oversizeSchools)} · {t('classesOverCap')} {n(s.classesOverCap)} · {bands.largeClasses} {n(s.largeClasses)} · {bands.extraLargeClasses} {n(s.extraLargeClasses)}</li>
        {standards && <li>{(['primary', 'junior'] as const).map((l) => `${t('cvPassLevel', { level: t(l) })}: ${standards[l].cvPass ? t('pass') : t('fail')}; ${t('schoolsFailingN', { level: t(l), n: standards[l].schoolsFailing })}`).join(' · ')}</li>}
        <li>{t('pupilsMoved')} {n(totalMoved.reduce((a, g) => a + g.count, 0))}</li>
      </ul>
      {standards && (
        <>
          <h2>{t('complianceTitle')}</h2>
          {(['primary', 'junior'] as const).map((level) => (
            <div key={level} data-testid={`report-compliance-${level}`}>
              <p><strong>{t('cvLabel', { level: t(level) })}</strong>: {standards[level].cvPass ? t('pass') : t('fail')}</p>
              <ul>
                {standards.sections.filter((x) => x.level === level && !x.pass).map((x) => (
                  <li key={x.schoolId}>{t('reportFailing', { name: name(x.schoolId), met: t('indicatorsMet', { met: x.met }), gaps: x.missed.map((m) => describeGap(locale, x, m)).join(t('listSeparator')) })}</li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
      <h2>{t('reportRules')}</h2>
      <ul data-testid="report-rules">{[describeSchoolSystem(dataset.schoolSystem, locale), describeLimits(limits, locale), ...describeRules(doc, dataset.schools, locale)].map((line) => <li key={line}>{line}</li>)}</ul>
      <h2>{t('reportSchools')}</h2>
      <TableView table={computeSchoolTable(result, locale)} testId="report-schools" />
      <h2>{t('reportMoved')}</h2>
      <TableView testId="report-moved" table={{ header: [t('from'), t('to'), t('grade'), t('count')], rows: totalMoved.map((g) => [name(g.from), name(g.to), g.grade, g.count]) }} />
      <h2>{t('reportProjection')}</h2>
      {projection && <TableView table={projection} testId="report-projection" />}
    </div>,
    document.body,
  );
}
