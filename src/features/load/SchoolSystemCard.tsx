import { Card, Select, Space, Typography } from 'antd';
import { DEFAULT_SCHOOL_SYSTEM, type SchoolSystem } from '../../core/schoolSystem';
import { useT } from '../../store/selectors';

/** The county's school system for the whole set (六三制 or 五四制): which grades are primary, and what 初一 is. */
export function SchoolSystemCard({ value, onChange }: { value: SchoolSystem | undefined; onChange: (system: SchoolSystem) => void }) {
  const t = useT();
  return (
    <Card size="small" data-testid="import-school-system">
      <Space wrap>
        <span>{t('importSchoolSystem')}</span>
        <Select
          data-testid="school-system"
          size="small"
          style={{ width: 240 }}
          value={value ?? DEFAULT_SCHOOL_SYSTEM}
          options={[
            { value: '6-3', label: t('importSchoolSystem63') },
            { value: '5-4', label: t('importSchoolSystem54') },
          ]}
          onChange={onChange}
        />
        <Typography.Text type="secondary">{t('importSchoolSystemHint')}</Typography.Text>
      </Space>
    </Card>
  );
}
