import { App, Button, Modal, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { storageProblemOf } from '../../app/persistence';
import { exportRawSavedWork } from '../../app/savedWorkExport';
import { overwriteSavedWork } from '../../app/workspace';
import { useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { storageReason } from './storageReason';

/** Export of the raw saved record and "start afresh and overwrite": the planner's choices after a read error. */
export function ReadErrorActions({ extra }: { extra?: ReactNode }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const { message } = App.useApp();
  const exportRaw = () => exportRawSavedWork().catch((e: unknown) => void message.error(storageReason(storageProblemOf(e), locale)));
  return (
    <Space wrap>
      <Button size="small" data-testid="export-raw-record" onClick={() => void exportRaw()}>{t('exportRawRecord')}</Button>
      {extra}
      <Button size="small" danger data-testid="start-afresh" onClick={() => void overwriteSavedWork()}>{t('startAfresh')}</Button>
    </Space>
  );
}

/** Said once when the saved work cannot be read: why, that nothing was changed, and what the planner can do. */
export function ReadErrorDialog() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const readError = useAppStore((s) => s.readError);
  const [seen, setSeen] = useState<typeof readError>();
  if (!readError) return null;
  return (
    <Modal
      open={seen !== readError}
      title={t('readErrorTitle')}
      closable={false}
      maskClosable={false}
      footer={
        <Space>
          <ReadErrorActions />
          <Button type="primary" data-testid="keep-autosave-off" onClick={() => setSeen(readError)}>{t('keepAutosaveOff')}</Button>
        </Space>
      }
    >
      <Typography.Paragraph data-testid="read-error-text">{t('readErrorBody', { reason: storageReason(readError, locale) })}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('readErrorHint')}</Typography.Paragraph>
    </Modal>
  );
}
