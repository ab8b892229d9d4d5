import { Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { formatPercent } from '../../i18n/format';
import { TIER_COLORS } from '../../map/style';
import { displayName, useT } from '../../store/selectors';
import { uiActions, useAppStore } from '../../store/store';
import type { WarningView } from '../../../workers/warningRun';
import { demandText, ratioText, tierText, warnedYears, warningLines, type WarningLine } from './warningTable';

/** Text colour on a tier's colour: dark on yellow, white on the others. */
const ink = (tier: string) => (tier === 'yellow' ? '#3a3000' : '#ffffff');

/** The warning of the shown level: a line per school and entry grade, per year demand (range), places, ratio and tier with its likelihood, and the back-test errors. */
export function WarningTableView({ view }: { view: WarningView }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const level = useAppStore((s) => s.level);
  const schools = useAppStore((s) => s.dataset?.schools ?? []);
  const lines = warningLines(view, level);
  const pct = (v?: number) => (v === undefined ? '—' : formatPercent(locale, v, 1));
  const columns: ColumnsType<WarningLine> = [
    {
      title: t('warnSchool'),
      key: 'school',
      fixed: 'left',
      width: 150,
      render: (_, line) => <a onClick={() => uiActions.focusSchool(line.schoolId)}>{displayName(schools[line.school], locale)} <span className="muted">{t('warnGradeN', { g: line.grade })}</span></a>,
      sorter: (a, b) => a.schoolId.localeCompare(b.schoolId),
    },
    ...warnedYears(view, level).map((year) => ({
      title: t('warnYearN', { year }),
      key: String(year),
      width: 190,
      sorter: (a: WarningLine, b: WarningLine) => (a.years.get(year)?.ratio ?? -1) - (b.years.get(year)?.ratio ?? -1),
      render: (_: unknown, line: WarningLine) => {
        const row = line.years.get(year);
        if (!row) return null;
        return (
          <div className="warning-cell" data-testid={`warning-cell-${line.schoolId}-${line.grade}-${year}`}>
            <span className="tier-badge" style={row.tier ? { background: TIER_COLORS[row.tier], color: ink(row.tier) } : undefined} data-testid="warning-tier">{tierText(row, locale)}</span>
            <Tooltip title={`${t('warnDemand')} P10–P90 / ${t('warnPlaces')}${row.intake?.source === 'plan' ? t('warnPlan') : ''} / ${t('warnRatio')}`}>
              <div className="warning-figures" data-testid="warning-figures">{demandText(row)} / {row.intake?.places ?? '—'}{row.intake?.source === 'plan' ? '*' : ''} · {ratioText(row, locale)}</div>
            </Tooltip>
          </div>
        );
      },
    })),
    { title: t('warnMape1'), key: 'mape1', width: 90, align: 'right', render: (_, line) => pct(line.mape1), sorter: (a, b) => (a.mape1 ?? -1) - (b.mape1 ?? -1) },
    { title: t('warnMape3'), key: 'mape3', width: 90, align: 'right', render: (_, line) => pct(line.mape3), sorter: (a, b) => (a.mape3 ?? -1) - (b.mape3 ?? -1) },
  ];
  return <Table<WarningLine> size="small" rowKey="key" columns={columns} dataSource={lines} pagination={false} scroll={{ x: 'max-content', y: '32vh' }} data-testid="warning-table" />;
}
