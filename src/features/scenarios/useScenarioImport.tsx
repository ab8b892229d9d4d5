import { App } from 'antd';
import { addImportedScenario, readScenarioFile, type OpenRefusal } from '../../app/scenarioActions';
import { useT } from '../../store/selectors';
import { useAppStore, type ScenarioDoc } from '../../store/store';
import { importRefusalText } from './importRefusal';

/**
 * Imports a scenario file: a bad file or a refused edit is reported naming the file (nothing
 * changes); a scenario with the same name as an existing one is added only after the planner
 * chooses to replace it or to keep both.
 */
export function useScenarioImport(): (file: File) => Promise<void> {
  const t = useT();
  const { modal, message } = App.useApp();
  const add = async (fileName: string, doc: ScenarioDoc, replaces?: ScenarioDoc) => {
    const outcome: true | OpenRefusal = await addImportedScenario(doc, replaces);
    if (outcome === true) {
      void message.success(t('importDone', { name: doc.name }));
      return;
    }
    const text = importRefusalText(useAppStore.getState().locale, fileName, doc, outcome);
    modal.error({ title: t('importFailed'), content: <span data-testid="import-error">{text}</span> });
  };
  return async (file: File) => {
    const read = readScenarioFile(file.name, await file.text());
    if (!read.ok) {
      modal.error({ title: t('importFailed'), content: <span data-testid="import-error">{read.message}</span> });
      return;
    }
    const { doc, replaces } = read;
    if (!replaces) return add(file.name, doc);
    modal.confirm({
      title: t('importReplaceTitle', { name: doc.name }),
      content: t('importReplaceBody'),
      okText: t('replace'),
      cancelText: t('keepBoth'),
      okButtonProps: { 'data-testid': 'import-replace' },
      cancelButtonProps: { 'data-testid': 'import-keep-both' },
      keyboard: false,
      onOk: () => add(file.name, doc, replaces),
      onCancel: () => add(file.name, { ...doc, name: t('copyOf', { name: doc.name }) }),
    });
  };
}
