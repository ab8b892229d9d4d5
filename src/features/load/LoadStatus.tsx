import { Alert, Button, Modal, Progress } from 'antd';
import { cancelLoad, dismissLoadError } from '../../app/loadActions';
import { useT } from '../../store/selectors';
import { describeDataProblem } from '../../core/dataProblems';
import { useAppStore } from '../../store/store';
import { ImportDialog } from './ImportDialog';
import { ValidationPanel } from './ValidationPanel';

/** Progress of a dataset load with a cancel button, the mapping step, the validation report, or the one problem that stopped the load. */
export function LoadStatus() {
  const t = useT();
  const load = useAppStore((s) => s.load);
  const locale = useAppStore((s) => s.locale);
  if (load.status === 'loading') {
    return (
      <Modal open closable={false} footer={<Button onClick={cancelLoad} data-testid="cancel-load">{t('cancel')}</Button>} title={t('loading')} mask={{ closable: false }}>
        <div data-testid="load-progress">{load.label}</div>
        <Progress percent={Math.round(load.fraction * 100)} />
      </Modal>
    );
  }
  if (load.status === 'mapping') return <ImportDialog files={load.files} />;
  if (load.status === 'review') return <ValidationPanel report={load.report} rowsRead={load.rowsRead} loaded={load.loaded} rejected={load.rejected} skipped={load.skipped} />;
  if (load.status === 'error') {
    const detail = load.problem ? describeDataProblem(load.problem.code, load.problem.params, locale) : load.detail;
    return (
      <Modal open title={t('loadFailed')} onCancel={dismissLoadError} footer={<Button onClick={dismissLoadError}>{t('close')}</Button>}>
        <Alert type="error" showIcon data-testid="load-error" title={load.file ? `${load.file}: ${detail}` : detail} />
      </Modal>
    );
  }
  return null;
}
