import { Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useDeferredValue, useMemo } from 'react';
import type { DistanceMetrics, DistanceStats, LevelDistance } from '../../core/distance';
import { formatNumber, formatPercent } from '../../i18n/format';
import type { Locale } from '../../i18n/messages';
import { displayName, useT } from '../../store/selectors';
import { useHeldWhile, useNearScreen } from '../panels/offScreen';
import { uiActions, useAppStore } from '../../store/store';

type Row = DistanceMetrics['schools'][number] & { name: string };

const statsOf = (d: LevelDistance, byRoad: boolean): DistanceStats | undefined => (byRoad ? d.road : d.straight);

/** Per school section of the chosen level and for the county: how far pupils go, by road when roads are loaded (就近入学). */
export function DistancePanel() {
  const t = useT();
  const locale = useAppStore((s) => s.locale) as Locale;
  const level = useAppStore((s) => s.level);
  // Both follow an edit in React's deferred pass, and only near the screen: the table is slow to
  // draw, and a new moved-pupils line alone would redraw it in the edit's own pass.
  const [near, nearRef] = useNearScreen();
  const distance = useHeldWhile(!near, useDeferredValue(useAppStore((s) => s.distance)));
  const movedDistance = useHeldWhile(!near, useDeferredValue(useAppStore((s) => s.movedDistance)));
  const schools = useAppStore((s) => s.dataset?.schools);
  const selected = useAppStore((s) => s.selectedSchoolId);
  return useMemo(() => {
    if (!distance || !schools) return null;
    const names = new Map(schools.map((s) => [s.id, displayName(s, locale)]));
    const byRoad = distance.byRoad;
    const m = (v: number | undefined) => (v === undefined ? '—' : t('distanceMetres', { n: formatNumber(locale, v) }));
    const rows: Row[] = distance.schools.filter((s) => s.level === level && s.pupils > 0).map((s) => ({ ...s, name: names.get(s.id) ?? s.id }));
    const stat = (key: keyof DistanceStats) => ({
      title: t(key === 'meanM' ? 'distanceMean' : key === 'medianM' ? 'distanceMedian' : key === 'p90M' ? 'distanceP90' : 'distanceMax'),
      key,
      align: 'right' as const,
      sorter: (a: Row, b: Row) => (statsOf(a, byRoad)?.[key] ?? -1) - (statsOf(b, byRoad)?.[key] ?? -1),
      render: (_: unknown, r: Row) => <span className="num">{m(statsOf(r, byRoad)?.[key])}</span>,
    });
    const columns: ColumnsType<Row> = [
      { title: t('schoolTable'), dataIndex: 'name', width: 150, fixed: 'left' },
      { title: t('enrollment'), dataIndex: 'pupils', align: 'right', sorter: (a, b) => a.pupils - b.pupils, render: (v: number) => <span className="num">{formatNumber(locale, v)}</span> },
      stat('meanM'),
      { ...stat('medianM'), defaultSortOrder: 'descend' },
      stat('p90M'),
      stat('maxM'),
      {
        title: t('distanceWithin'), key: 'within', align: 'right', sorter: (a, b) => a.withinShare - b.withinShare,
        render: (_, r) => <span className="num" title={t('distanceRadiusTip', { radius: m(r.radiusM) })}>{formatPercent(locale, r.withinShare)}</span>,
      },
      {
        title: t('distanceNearby'), key: 'nearby', align: 'right', sorter: (a, b) => (a.nearby?.share ?? -1) - (b.nearby?.share ?? -1),
        render: (_, r) => <span className="num">{r.nearby ? formatPercent(locale, r.nearby.share) : '—'}</span>,
      },
      {
        title: t('distanceSentPast'), key: 'sentPast', align: 'right', sorter: (a, b) => (a.nearby?.sentPast ?? -1) - (b.nearby?.sentPast ?? -1),
        render: (_, r) => r.nearby ? <span className={`num ${r.nearby.sentPast > 0 ? 'warn' : ''}`} title={t('distanceSentPastTip', { n: formatNumber(locale, r.nearby.sentPast), extra: m(r.nearby.extraMeanM), max: m(r.nearby.extraMaxM) })}>{formatNumber(locale, r.nearby.sentPast)}</span> : '—',
      },
      {
        title: t('distanceCrossings'), key: 'crossings', align: 'right', sorter: (a, b) => a.crossings.any - b.crossings.any,
        render: (_, r) => <span className="num" title={t('distanceCrossingsTip', { arterial: formatNumber(locale, r.crossings.arterial), railway: formatNumber(locale, r.crossings.railway), river: formatNumber(locale, r.crossings.river) })}>{formatNumber(locale, r.crossings.any)}</span>,
      },
    ];
    const c = distance.county[level];
    const moved = movedDistance?.find((x) => x.level === level);
    const cs = statsOf(c, byRoad);
    return (
      <Card ref={nearRef} size="small" data-testid="distance-panel" title={`${t('distanceTitle')} · ${t(byRoad ? 'distanceByRoad' : 'distanceStraight')}`}>
        <Typography.Paragraph data-testid="distance-county" style={{ fontSize: 12, marginBottom: 8 }}>
          {t('distanceCounty', {
            level: t(level), pupils: formatNumber(locale, c.pupils), mean: m(cs?.meanM), median: m(cs?.medianM), p90: m(cs?.p90M), max: m(cs?.maxM),
            within: formatPercent(locale, c.withinShare), nearby: formatPercent(locale, c.nearby?.share ?? 0), sent: formatNumber(locale, c.nearby?.sentPast ?? 0),
            extra: m(c.nearby?.extraMeanM), cross: formatNumber(locale, c.crossings.any),
          })}
          {c.unreachable > 0 && <> {t('distanceUnreachable', { n: formatNumber(locale, c.unreachable) })}</>}
        </Typography.Paragraph>
        {moved && moved.pupils > 0 && (
          <Typography.Paragraph data-testid="distance-moved" style={{ fontSize: 12, marginBottom: 8 }}>
            {t('distanceMoved', { pupils: formatNumber(locale, moved.pupils), further: formatNumber(locale, moved.further), nearer: formatNumber(locale, moved.nearer), before: m(moved.meanBeforeM), after: m(moved.meanAfterM), max: m(moved.maxIncreaseM) })}
          </Typography.Paragraph>
        )}
        <Table<Row>
          data-testid="distance-table"
          size="small"
          rowKey={(r) => `${r.id}:${r.level}`}
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          // The sort arrows need no hover hint; its tooltips were drawn again on every edit.
          showSorterTooltip={false}
          scroll={{ x: 900 }}
          onRow={(r) => ({ onClick: () => uiActions.selectSchool(r.id), 'data-school-id': r.id } as React.HTMLAttributes<HTMLElement>)}
          rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
        />
      </Card>
    );
  }, [distance, movedDistance, schools, level, selected, locale, t, nearRef]);
}
