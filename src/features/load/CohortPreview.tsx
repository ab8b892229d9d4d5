import { Select, Space, Typography } from 'antd';
import type { ZoneLevel } from '../../core/rules';
import { useT } from '../../store/selectors';
import { useAppStore, type ImportDraft } from '../../store/store';
import { cohortConversion } from './cohortConversion';

/** A pupils file's cohort grades: the level they count from (changeable) and how each converts for the base year. */
export function CohortPreview({ draft, index, year, primaryLastGrade, onChange }: { draft: ImportDraft; index: number; year: number; primaryLastGrade: number; onChange: (d: ImportDraft) => void }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const levelName = (l: ZoneLevel) => t(l).toLowerCase();
  return (
    <div style={{ marginTop: 8 }} data-testid={`cohorts-${index}`}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('importCohorts')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ margin: '0 0 4px' }}>{t('importCohortRule')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 4 }}>
        <span>{t('importCohortLevel')}</span>
        <Select
          data-testid={`cohort-level-${index}`}
          style={{ width: 380 }}
          size="small"
          value={draft.cohortLevel ?? 'auto'}
          options={[
            { value: 'auto', label: draft.statedLevel ? t('importCohortAutoStated', { level: levelName(draft.statedLevel) }) : t('importCohortAuto') },
            { value: 'primary', label: t('importCohortPrimary') },
            { value: 'junior', label: t('importCohortJunior') },
          ]}
          onChange={(v: ZoneLevel | 'auto') => onChange({ ...draft, cohortLevel: v === 'auto' ? undefined : v })}
        />
      </Space>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {draft.cohorts!.map((c) => <li key={c} data-testid="cohort-row">{cohortConversion(c, year, draft.cohortLevel, t, locale, primaryLastGrade)}</li>)}
      </ul>
    </div>
  );
}
