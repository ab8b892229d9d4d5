import { translate } from '../i18n/format';
import { useAppStore } from '../store/store';
import { downloadFile } from './download';
import { readRawRecords } from './persistence';
import { scenarioFileJson } from './scenarioFile';
import { currentScenarios } from './scenarioActions';
import { datasetKey } from './datasetKey';
import { datasetTitle } from '../i18n/datasetTitle';

/** A file name without the characters file systems refuse. */
const safeName = (name: string) => name.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').trim() || 'scenario';

/** Distinct file names for scenario names: a repeated name gets " (2)", " (3)" … */
function scenarioFileNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const stem = safeName(name);
    let file = `${stem}.json`;
    for (let n = 2; used.has(file); n++) file = `${stem} (${n}).json`;
    used.add(file);
    return file;
  });
}

/**
 * Downloads every scenario as it is on screen (saved or not) in one zip of scenario files, each
 * one readable by 导入方案: the planner's way to keep their work when autosave is off.
 */
export async function exportAllScenarios(): Promise<void> {
  const s = useAppStore.getState();
  const docs = currentScenarios(s);
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  scenarioFileNames(docs.map((d) => d.name)).forEach((file, i) => zip.file(file, scenarioFileJson(docs[i], s.profile)));
  const stem = translate(s.locale, 'allScenariosFile');
  downloadFile(`${stem}-${safeName(s.dataset ? datasetTitle(s.dataset, s.locale) : '')}.zip`, await zip.generateAsync({ type: 'uint8array' }), 'application/zip');
}

/** Downloads every record saved for the dataset exactly as stored, as JSON (when it cannot be read). */
export async function exportRawSavedWork(): Promise<void> {
  const { dataset, locale } = useAppStore.getState();
  if (!dataset) return;
  const raw = await readRawRecords(datasetKey(dataset));
  downloadFile(`${translate(locale, 'rawRecordFile')}.json`, JSON.stringify(raw, null, 2) + '\n', 'application/json');
}
