import { Card, Collapse, Space, Tag, Typography } from 'antd';
import { ZONE_LEVELS } from '../../core/rules';
import { useSchoolName, useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { describeGap } from '../standards/gap';
import { DistanceDashboardLine } from '../distance/DistanceCompare';
import { standardsVerdicts, yearOf } from './compareModel';
import { useCompared, useCompareYear } from './useCompare';

/**
 * The quality-balance standards in the chosen projected year: per level and scenario, the county CVs
 * pass or fail and the schools failing the 7-indicator rule, each gap in plain units.
 */
export function StandardsDashboard() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const nameOf = useSchoolName();
  const compared = useCompared();
  const { year } = useCompareYear();
  if (year === undefined) return null;
  return (
    <Card size="small" title={t('dashboardTitle', { year })} data-testid="compare-dashboard">
      {ZONE_LEVELS.map((level) => (
        <div key={level} style={{ marginBottom: 8 }} data-testid={`dashboard-${level}`}>
          <Typography.Text strong>{t(level)}</Typography.Text>
          <Collapse
            size="small"
            ghost
            items={compared.map((c) => {
              const verdict = standardsVerdicts(c.view, year)?.[level];
              return {
                key: c.id,
                collapsible: verdict && verdict.failing.length > 0 ? undefined : ('disabled' as const),
                label: (
                  <Space wrap size={4}>
                    <Typography.Text>{c.name}</Typography.Text>
                    {verdict && <Tag color={verdict.cvPass ? 'green' : 'red'}>{t('cvLabel', { level: t(level) })} {t(verdict.cvPass ? 'pass' : 'fail')}</Tag>}
                    {verdict && (verdict.failing.length === 0
                      ? <Tag color="green">{t('allSchoolsPass')}</Tag>
                      : <Tag color="red">{t('schoolsFailingN', { level: t(level), n: verdict.failing.length })}</Tag>)}
                    <DistanceDashboardLine distance={yearOf(c.view, year)?.distance} level={level} />
                  </Space>
                ),
                children: verdict?.failing.map((x) => (
                  <div key={x.schoolId} style={{ marginBottom: 4 }}>
                    <Typography.Text strong>{nameOf(x.schoolId)}</Typography.Text> <Tag>{t('indicatorsMet', { met: x.met })}</Tag>
                    {x.missed.map((m) => <div key={m.key} className="warn">{describeGap(locale, x, m)}</div>)}
                  </div>
                )),
              };
            })}
          />
        </div>
      ))}
    </Card>
  );
}
