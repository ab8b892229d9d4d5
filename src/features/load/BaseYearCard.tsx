import { Alert, Card, InputNumber, Space, Typography } from 'antd';
import { statedBaseYear } from '../../app/importDrafts';
import type { StatedYear } from '../../io/import';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../store/selectors';
import type { ImportDraft } from '../../store/store';

/** What a stated year says, e.g. "学生名单.xlsx 的工作表名写明“2024秋”". */
function statedText(y: StatedYear, t: ReturnType<typeof useT>): string {
  const where = t(`importYearIn_${y.in === 'dataset.json' ? 'dataset' : y.in}` as MessageKey);
  return t('importBaseYearStated', { file: y.file, where, said: y.said });
}

/** The base year of the whole set: what the files state (and whether they disagree), changeable. */
export function BaseYearCard({ drafts, value, onChange }: { drafts: ImportDraft[]; value: number | undefined; onChange: (year: number | undefined) => void }) {
  const t = useT();
  const stated = statedBaseYear(drafts);
  const fallback = new Date().getFullYear();
  const source = stated.stated.find((y) => y.year === stated.year);
  return (
    <Card size="small" data-testid="import-base-year">
      <Space wrap>
        <span>{t('importBaseYear')}</span>
        <InputNumber data-testid="base-year" min={1900} max={2200} precision={0} value={value ?? stated.year ?? fallback} onChange={(y) => onChange(y ?? undefined)} />
        <Typography.Text type="secondary" data-testid="base-year-source">{source ? statedText(source, t) : t('importBaseYearNone', { year: fallback })}</Typography.Text>
      </Space>
      {stated.conflict && (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} data-testid="base-year-conflict"
          title={t('importBaseYearConflict', { list: stated.stated.map((y) => `${statedText(y, t)} → ${y.year}`).join('；') })} />
      )}
    </Card>
  );
}
