import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Space, Tag, Typography } from 'antd';
import { memo, useDeferredValue, useMemo } from 'react';
import { computeLevelSizes, type LevelSizes } from '../../core/levelSizes';
import { ZONE_LEVELS, type ZoneLevel } from '../../core/rules';
import { formatNumber, formatPercent } from '../../i18n/format';
import { INDICATORS, type StandardsResult } from '../../core/standards';
import { ProfileEditor } from './ProfileEditor';
import { describeGap } from './gap';
import { useRules, useSchoolName, useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/** Builds the compliance workbook (exceljs loads only now) and hands it to the browser as a file. */
async function downloadWorkbook(): Promise<void> {
  const { standards, dataset, locale, profile } = useAppStore.getState();
  if (!standards || !dataset) return;
  const { buildComplianceWorkbook } = await import('../../io/complianceXlsx');
  const buffer = await buildComplianceWorkbook(standards, dataset.schools, profile, locale).xlsx.writeBuffer();
  const url = URL.createObjectURL(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  Object.assign(document.createElement('a'), { href: url, download: locale === 'en' ? 'compliance.xlsx' : '优质均衡达标.xlsx' }).click();
  URL.revokeObjectURL(url);
}

/**
 * Pass or fail at a glance against the profile in use (national 优质均衡 by default): the county CVs per level and the
 * failing schools, each gap in plain units.
 */
export function ComplianceCard() {
  // Drawn a moment after an edit's county numbers (it is not what the planner looks at first).
  const standards = useDeferredValue(useAppStore((s) => s.standards));
  const results = useDeferredValue(useAppStore((s) => s.result?.schools));
  const rules = useRules();
  const sizes = useMemo(() => results && computeLevelSizes(results, rules), [results, rules]);
  return standards && sizes ? <ComplianceView standards={standards} sizes={sizes} /> : null;
}

const ComplianceView = memo(function ComplianceView({ standards, sizes }: { standards: StandardsResult; sizes: Record<ZoneLevel, LevelSizes> }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const profile = useAppStore((s) => s.profile);
  const nameOf = useSchoolName();
  return (
    <Card
      size="small"
      title={t('complianceTitle')}
      data-testid="compliance"
      extra={
        <Space>
          <ProfileEditor />
          <Button size="small" icon={<DownloadOutlined />} onClick={() => void downloadWorkbook()} data-testid="export-compliance">{t('exportXlsx')}</Button>
        </Space>
      }
    >
      {ZONE_LEVELS.map((level) => {
        const l = standards[level];
        const max = profile.cvMax[level];
        const over = INDICATORS.filter((k) => l.notComputable[k] === undefined && l.cv[k] > max);
        const unknown = INDICATORS.filter((k) => l.notComputable[k] !== undefined);
        const failing = standards.sections.filter((x) => x.level === level && !x.pass);
        return (
          <div key={level} style={{ marginBottom: 8 }} data-testid={`compliance-${level}`}>
            <Space wrap>
              <Typography.Text strong>{t('cvLabel', { level: t(level) })}</Typography.Text>
              {!l.cvPass ? <Tag color="red">{t('cvFail', { n: over.length, max })}</Tag> : unknown.length === 0 ? <Tag color="green">{t('cvAllPass', { max })}</Tag> : <Tag color="green">{t('cvComputablePass', { n: INDICATORS.length - unknown.length, max })}</Tag>}
              {unknown.length > 0 && (
                <Tag color="orange" data-testid={`cv-not-computable-${level}`}>
                  {t('cvNotComputable', { items: unknown.map((k) => { const why = t(l.notComputable[k] === 'noPupils' ? 'cvNoPupils' : 'cvNoResource'); return locale === 'en' ? `${t(`ind_${k}`)} (${why})` : `${t(`ind_${k}`)}（${why}）`; }).join(locale === 'en' ? ', ' : '、') })}
                </Tag>
              )}
              {failing.length === 0 ? <Tag color="green">{t('allSchoolsPass')}</Tag> : <Tag color="red">{t('schoolsFailingN', { level: t(level), n: failing.length })}</Tag>}
            </Space>
            <div className="num" data-testid={`sizes-${level}`}>
              {t('levelSizes', {
                oversize: formatNumber(locale, sizes[level].oversizeSchools),
                overCap: formatNumber(locale, sizes[level].classesOverCap),
                large: formatNumber(locale, sizes[level].largeClasses),
                largeShare: formatPercent(locale, sizes[level].totalClasses === 0 ? 0 : sizes[level].largeClasses / sizes[level].totalClasses, 1),
                extra: formatNumber(locale, sizes[level].extraLargeClasses),
                extraShare: formatPercent(locale, sizes[level].totalClasses === 0 ? 0 : sizes[level].extraLargeClasses / sizes[level].totalClasses, 1),
              })}
            </div>
            {failing.length > 0 && (
              <Collapse
                size="small"
                ghost
                items={[{
                  key: 'failing',
                  label: t('schoolsFailingN', { level: t(level), n: failing.length }),
                  children: failing.map((x) => (
                    <div key={`${x.schoolId}-${x.level}`} style={{ marginBottom: 4 }}>
                      <Typography.Text strong>{nameOf(x.schoolId)}</Typography.Text> <Tag>{t('indicatorsMet', { met: x.met })}</Tag>
                      {x.missed.map((m) => <div key={m.key} className="warn">{describeGap(locale, x, m)}</div>)}
                    </div>
                  )),
                }]}
              />
            )}
          </div>
        );
      })}
    </Card>
  );
});
