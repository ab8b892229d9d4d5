import { Tag, Typography } from 'antd';
import { formatTime } from '../../i18n/format';
import { useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/** In the header: when the work was last saved, or that autosave is off (the banner below says why). */
export function SaveStatus() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const savedAt = useAppStore((s) => s.savedAt);
  const off = useAppStore((s) => !!(s.saveError || s.readError || s.saveConflict?.blocked));
  if (off) return <Tag color="error" data-testid="autosave-off">{t('saveOff')}</Tag>;
  if (savedAt === undefined) return null;
  return <Typography.Text className="saved-at" data-testid="saved-at">{t('savedAt')} {formatTime(locale, savedAt)}</Typography.Text>;
}
