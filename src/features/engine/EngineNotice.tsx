import { Alert, Button } from 'antd';
import { useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/**
 * One line on the computing engine after its worker failed: being restarted, restarted with the
 * current scenario (closable), or stopped (with a reload button; the scenarios are kept).
 */
export function EngineNotice() {
  const t = useT();
  const notice = useAppStore((s) => s.engineNotice);
  if (!notice) return null;
  const stopped = notice.code === 'engineStopped' || notice.code === 'engineRecoveryFailed';
  return (
    <Alert
      type={stopped ? 'error' : 'warning'}
      showIcon
      data-testid="engine-notice"
      data-code={notice.code}
      title={t(notice.code, { detail: notice.detail ?? '' })}
      closable={notice.code === 'engineRestarted' ? { onClose: () => useAppStore.setState({ engineNotice: undefined }) } : undefined}
      action={stopped ? <Button size="small" onClick={() => window.location.reload()}>{t('reloadPage')}</Button> : undefined}
      style={{ marginBottom: 8 }}
    />
  );
}
