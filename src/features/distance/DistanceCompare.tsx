import { Card, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { unitNames } from '../../app/exportActions';
import type { ZoneLevel } from '../../core/rules';
import type { YearView } from '../../../workers/scenarioProjection';
import { formatNumber, formatPercent } from '../../i18n/format';
import type { Locale } from '../../i18n/messages';
import { useSchoolName, useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { yearOf } from '../compare/compareModel';
import { useCompared, useCompareYear } from '../compare/useCompare';
import { distanceRows, type DistanceRow } from './distanceCompareModel';

/** How many compounds going further are listed per scenario and level. */
const UNITS_SHOWN = 5;

/**
 * 就近入学 in the comparison: per level and compared scenario, for the chosen year, the mean
 * distance, the share within the service radius, 就近率 and the pupils sent past a nearer school
 * (differences from the first scenario); then, per scenario that moves pupils, how far the moved
 * pupils go before and after and the compounds that go furthest.
 */
export function DistanceCompare() {
  const t = useT();
  const locale = useAppStore((s) => s.locale) as Locale;
  const nameOf = useSchoolName();
  const compared = useCompared();
  const { year } = useCompareYear();
  if (year === undefined) return null;
  const m = (v: number) => t('distanceMetres', { n: formatNumber(locale, v) });
  const rows = distanceRows(compared.map((c) => yearOf(c.view, year)?.distance));
  const show = (r: DistanceRow, v: number | undefined, delta: number | undefined, k: number): ReactNode => {
    if (v === undefined) return '—';
    const text = r.unit === 'metres' ? m(v) : r.unit === 'share' ? formatPercent(locale, v, 1) : formatNumber(locale, v);
    const d = delta === undefined || Math.abs(delta) < (r.unit === 'share' ? 0.0005 : 0.5) ? undefined : delta;
    const dText = d === undefined ? '' : `${d > 0 ? '+' : '−'}${r.unit === 'metres' ? m(Math.abs(d)) : r.unit === 'share' ? formatPercent(locale, Math.abs(d), 1) : formatNumber(locale, Math.abs(d))}`;
    const worse = d !== undefined && (r.better === 'lower' ? d > 0 : d < 0);
    return (
      <span className="num" data-testid={`distance-${r.key}-${compared[k].id}`}>
        {text}
        {d !== undefined && <span className={`compare-delta ${worse ? 'worse' : 'better'}`}> {dText}</span>}
      </span>
    );
  };
  const columns: ColumnsType<DistanceRow> = [
    { title: t('figure'), key: 'label', width: 200, render: (_, r) => t(r.label, { level: t(r.level) }) },
    ...compared.map((c, k) => ({ title: c.name, key: c.id, align: 'right' as const, render: (_: unknown, r: DistanceRow) => show(r, r.values[k], k > 0 && r.values[0] !== undefined && r.values[k] !== undefined ? r.values[k]! - r.values[0] : undefined, k) })),
  ];
  const names = unitNames();
  const moved = compared.filter((c) => c.view?.movedDistance?.some((x) => x.pupils > 0));
  return (
    <Card size="small" title={<Tooltip title={t('distanceCompareHint')}>{t('distanceCompareTitle', { year })}</Tooltip>} data-testid="compare-distance">
      <Table<DistanceRow> size="small" rowKey="key" columns={columns} dataSource={rows} pagination={false} />
      {moved.map((c) => (
        <div key={c.id} style={{ marginTop: 8, fontSize: 12 }} data-testid={`distance-moved-${c.id}`}>
          <Typography.Text strong>{t('distanceMovedOf', { name: c.name })}</Typography.Text>
          {c.view!.movedDistance!.filter((x) => x.pupils > 0).map((x) => {
            const further = x.units.filter((u) => u.meanAfterM > u.meanBeforeM).slice(0, UNITS_SHOWN);
            return (
              <div key={x.level}>
                <div><Typography.Text strong>{t(x.level)}</Typography.Text> {t('distanceMoved', { pupils: formatNumber(locale, x.pupils), further: formatNumber(locale, x.further), nearer: formatNumber(locale, x.nearer), before: m(x.meanBeforeM), after: m(x.meanAfterM), max: m(x.maxIncreaseM) })}</div>
                {further.length > 0 && (
                  <ul style={{ margin: '2px 0 0', paddingInlineStart: 18 }} aria-label={t('distanceFurtherUnits')}>
                    {further.map((u) => (
                      <li key={`${u.unitId}:${u.from}:${u.to}`} className="warn">
                        {t('distanceUnitLine', { unit: names.get(u.unitId) || u.unitId || '—', pupils: formatNumber(locale, u.pupils), from: nameOf(u.from), to: nameOf(u.to), before: m(u.meanBeforeM), after: m(u.meanAfterM), extra: m(u.meanAfterM - u.meanBeforeM) })}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </Card>
  );
}

/** The 就近入学 line of one level and scenario in the standards dashboard, for the chosen year. */
export function DistanceDashboardLine({ distance, level }: { distance: YearView['distance']; level: ZoneLevel }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale) as Locale;
  const d = distance?.[level];
  if (!d || d.pupils === 0) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`dashboard-distance-${level}`}>
      {t('distanceDashboard', { mean: t('distanceMetres', { n: formatNumber(locale, d.meanM) }), within: formatPercent(locale, d.withinShare, 1), nearby: formatPercent(locale, d.nearbyShare, 1), sent: formatNumber(locale, d.sentPast) })}
    </Typography.Text>
  );
}
