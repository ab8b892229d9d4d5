import { Card, Descriptions, Table, Tag } from 'antd';
import { formatNumber, formatPercent } from '../../i18n/format';
import { displayName, selectSelectedSchool, useClassBandLabels, useRules, useT } from '../../store/selectors';
import { uiActions, useAppStore } from '../../store/store';
import { classCapOfGrade } from '../../core/rules';
import { ZoneActions } from '../edit/ZoneActions';
import { FacilityLevers } from '../edit/FacilityLevers';

/** The selected school by grade: pupils, classes and the largest class of each grade. */
export function SchoolDetail() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const school = useAppStore(selectSelectedSchool);
  const rules = useRules();
  const bands = useClassBandLabels();
  if (!school) return null;
  const rows = Object.keys(school.grades).map((g) => {
    const grade = Number(g);
    return { grade, pupils: school.grades[grade], classes: school.classes[grade], largest: school.largestClass[grade], cap: classCapOfGrade(grade, rules) };
  });
  return (
    <Card size="small" title={displayName(school, locale)} extra={<a onClick={() => uiActions.selectSchool(undefined)}>{t('close')}</a>} data-testid="school-detail">
      <Descriptions size="small" column={3} items={[
        { key: 'level', label: t('schoolLevel'), children: <>{t(school.level)} {school.ownership === 'private' && <Tag color="purple">{t('private')}</Tag>}</> },
        { key: 'enrollment', label: t('enrollment'), children: <span className={school.oversize ? 'bad' : ''}>{formatNumber(locale, school.enrollment)}</span> },
        { key: 'classrooms', label: t('classrooms'), children: school.classrooms === undefined ? '—' : formatNumber(locale, school.classrooms) },
        { key: 'utilization', label: t('utilization'), children: school.utilization === undefined ? t('noRoomLimit') : formatPercent(locale, school.utilization) },
        { key: 'over', label: t('overCap'), children: formatNumber(locale, school.classesOverCap) },
        { key: 'large', label: bands.largeClasses, children: formatNumber(locale, school.largeClasses) },
        { key: 'extraLarge', label: bands.extraLargeClasses, children: formatNumber(locale, school.extraLargeClasses) },
        { key: 'classes', label: t('classes'), children: formatNumber(locale, school.totalClasses) },
      ]} />
      {school.roomShortage > 0 && <Tag color="red">{t('roomShortage', { n: school.roomShortage })}</Tag>}
      <ZoneActions schoolId={school.id} />
      <FacilityLevers schoolId={school.id} />
      <Table
        size="small"
        rowKey="grade"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: t('grade'), dataIndex: 'grade', render: (g: number) => t('gradeN', { n: g }) },
          { title: t('pupilsInGrade'), dataIndex: 'pupils', align: 'right', render: (v: number) => formatNumber(locale, v) },
          { title: t('classes'), dataIndex: 'classes', align: 'right' },
          { title: t('largestClass'), dataIndex: 'largest', align: 'right', render: (v: number, r) => <span className={v > r.cap ? 'bad' : ''}>{formatNumber(locale, v)}</span> },
        ]}
      />
    </Card>
  );
}
