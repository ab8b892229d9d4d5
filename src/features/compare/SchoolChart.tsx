import { Card, Typography } from 'antd';
import { useMemo } from 'react';
import { formatNumber, translate } from '../../i18n/format';
import { useSchoolName, useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { smallMultiplesOption } from './chartOptions';
import { focusSchool, schoolSeries } from './compareModel';
import { EChart } from './EChart';
import { useCompared, useCompareYear } from './useCompare';

// The school's figures by year: its size, and whether its classes stay within the cap.
const PANELS = [
  ['enrollment', 'enrollment'],
  ['totalClasses', 'classes'],
  ['maxClassSize', 'maxClassSize'],
  ['classesOverCap', 'overCap'],
] as const;

/** The selected school (or the worst one) by year: pupils, classes, largest class and classes over the cap, one line per scenario. */
export function SchoolChart() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const selected = useAppStore((s) => s.selectedSchoolId);
  const nameOf = useSchoolName();
  const compared = useCompared();
  const { years, year } = useCompareYear();
  const schoolId = focusSchool(selected, compared, year);
  const option = useMemo(
    () =>
      schoolId === undefined
        ? undefined
        : smallMultiplesOption(
            years,
            PANELS.map(([f, title]) => ({ title: translate(locale, title), series: schoolSeries(compared, years, schoolId, f) })),
            (n) => formatNumber(locale, n),
          ),
    [compared, years, locale, schoolId],
  );
  if (years.length === 0) return null;
  return (
    <Card size="small" title={schoolId === undefined ? t('schoolByYear', { name: t('school') }) : t('schoolByYear', { name: nameOf(schoolId) })} data-testid="school-chart-card">
      {option ? <EChart option={option} height={260} testId="school-chart" /> : <Typography.Text type="secondary">{t('noFocusSchool')}</Typography.Text>}
    </Card>
  );
}
