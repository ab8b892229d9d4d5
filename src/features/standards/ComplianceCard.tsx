import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Space, Tag, Typography } from 'antd';
import { ZONE_LEVELS } from '../../core/rules';
import { INDICATORS, type IndicatorKey, type SectionStandards } from '../../core/standards';
import { ProfileEditor } from './ProfileEditor';
import { formatNumber } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';
import { useSchoolName, useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/** Units of each indicator: how a value reads, and how a shortfall adds up. */
const UNITS: Record<IndicatorKey, { unit: MessageKey; total: MessageKey; per100: boolean; digits: number }> = {
  teachersQualifiedPer100: { unit: 'unit_per100', total: 'total_people', per100: true, digits: 1 },
  backbonePer100: { unit: 'unit_per100', total: 'total_people', per100: true, digits: 1 },
  peArtPer100: { unit: 'unit_per100', total: 'total_people', per100: true, digits: 1 },
  roomAreaPerStudent: { unit: 'unit_m2', total: 'total_m2', per100: false, digits: 1 },
  sportsAreaPerStudent: { unit: 'unit_m2', total: 'total_m2', per100: false, digits: 1 },
  equipmentValuePerStudent: { unit: 'unit_yuan', total: 'total_yuan', per100: false, digits: 0 },
  multimediaRoomsPer100: { unit: 'unit_rooms100', total: 'total_rooms', per100: true, digits: 1 },
};

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
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const standards = useAppStore((s) => s.standards);
  const profile = useAppStore((s) => s.profile);
  const nameOf = useSchoolName();
  if (!standards) return null;
  const gap = (x: SectionStandards, m: SectionStandards['missed'][number]) => {
    const u = UNITS[m.key];
    const short = ((m.threshold - m.value) * x.pupils) / (u.per100 ? 100 : 1);
    return t('gapLine', {
      indicator: t(`ind_${m.key}` as MessageKey),
      value: formatNumber(locale, m.value, u.digits),
      threshold: formatNumber(locale, m.threshold, u.digits),
      unit: t(u.unit),
      short: formatNumber(locale, Math.ceil(short)),
      total: t(u.total),
      pupils: formatNumber(locale, x.pupils),
    });
  };
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
        const over = INDICATORS.filter((k) => l.cv[k] > max);
        const failing = standards.sections.filter((x) => x.level === level && !x.pass);
        return (
          <div key={level} style={{ marginBottom: 8 }} data-testid={`compliance-${level}`}>
            <Space wrap>
              <Typography.Text strong>{t('cvLabel', { level: t(level) })}</Typography.Text>
              {l.cvPass ? <Tag color="green">{t('cvAllPass', { max })}</Tag> : <Tag color="red">{t('cvFail', { n: over.length, max })}</Tag>}
              {failing.length === 0 ? <Tag color="green">{t('allSchoolsPass')}</Tag> : <Tag color="red">{t('schoolsFailingN', { level: t(level), n: failing.length })}</Tag>}
            </Space>
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
                      {x.missed.map((m) => <div key={m.key} className="warn">{gap(x, m)}</div>)}
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
}
