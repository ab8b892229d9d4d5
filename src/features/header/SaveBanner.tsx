import { Alert, Button, Space } from 'antd';
import { formatTime } from '../../i18n/format';
import { exportAllScenarios } from '../../app/savedWorkExport';
import { keepBothVersions, reloadSavedWork } from '../../app/workspace';
import { useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { ReadErrorActions, ReadErrorDialog } from './ReadErrorDialog';
import { storageReason } from './storageReason';

/**
 * Below the header when saving is not what it should be: the saved work could not be read, a save
 * failed (autosave off, why, and 导出全部方案), or another tab saved newer work (reload or keep both).
 */
export function SaveBanner() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const savedAt = useAppStore((s) => s.savedAt);
  const saveError = useAppStore((s) => s.saveError);
  const readError = useAppStore((s) => s.readError);
  const conflict = useAppStore((s) => s.saveConflict);
  const exportAll = <Button size="small" data-testid="export-all-scenarios" onClick={() => void exportAllScenarios()}>{t('exportAllScenarios')}</Button>;
  if (readError) {
    return (
      <>
        <ReadErrorDialog />
        <Alert className="save-banner" type="error" data-testid="save-banner" title={`${t('saveOff')} · ${t('readErrorShort', { reason: storageReason(readError, locale) })}`} action={<ReadErrorActions extra={exportAll} />} />
      </>
    );
  }
  if (conflict) {
    const what = [...conflict.names, ...(conflict.settings ? [t('conflictSettings')] : [])].join('、');
    return (
      <Alert
        className="save-banner"
        type="warning"
        data-testid="save-conflict"
        title={t(conflict.blocked ? 'conflictBlocked' : 'conflictNotice', { what })}
        action={
          <Space>
            <Button size="small" data-testid="conflict-reload" onClick={() => void reloadSavedWork()}>{t(conflict.blocked ? 'reloadSavedDiscard' : 'reloadSaved')}</Button>
            {conflict.blocked && <Button size="small" type="primary" data-testid="conflict-keep-both" onClick={() => void keepBothVersions()}>{t('keepBothVersions')}</Button>}
          </Space>
        }
      />
    );
  }
  if (saveError) {
    const last = savedAt === undefined ? '' : ` · ${t('lastSavedAt', { time: formatTime(locale, savedAt) })}`;
    return <Alert className="save-banner" type="error" data-testid="save-banner" title={`${t('saveOffBecause', { reason: storageReason(saveError, locale) })}${last}`} action={exportAll} />;
  }
  return null;
}
