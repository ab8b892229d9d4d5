import { useAppStore, type EarlierWork } from '../store/store';
import { datasetKey } from './datasetKey';
import { readOtherVersions } from './persistence';
import { addEarlierScenario, currentScenarios, isBlankScenario } from './scenarioActions';

/** localStorage key of the other versions whose work the planner chose not to bring into dataset `key`. */
const dismissedKey = (key: string) => `earlierWorkDismissed|${key}`;

function dismissed(key: string): Set<string> {
  try {
    const list: unknown = JSON.parse(localStorage.getItem(dismissedKey(key)) ?? '[]');
    return new Set(Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : []);
  } catch {
    // Site storage blocked or the entry garbled: nothing counts as dismissed.
    return new Set();
  }
}

const shownKey = () => {
  const { dataset } = useAppStore.getState();
  return dataset && datasetKey(dataset);
};

/**
 * Offers the scenarios saved for another version of the dataset under `key` (the same files with a
 * few pupils added: its key differs, so its work does not open by itself): the newest such work
 * with scenarios of edits not already here, unless the planner dismissed it for this dataset.
 */
export async function offerEarlierWork(key: string): Promise<void> {
  let versions: Awaited<ReturnType<typeof readOtherVersions>>;
  try {
    versions = await readOtherVersions(key);
  } catch {
    // Storage that cannot be read is reported by the workspace's own read.
    return;
  }
  if (shownKey() !== key) return;
  const here = new Set(currentScenarios(useAppStore.getState()).map((d) => d.id));
  const skip = dismissed(key);
  for (const v of versions) {
    const scenarios = v.scenarios.filter((d) => d.edits.length > 0 && !here.has(d.id));
    if (skip.has(v.key) || scenarios.length === 0) continue;
    useAppStore.setState({ earlierWork: { key: v.key, baseYear: v.baseYear, schools: v.schools, rowsRead: v.rowsRead, scenarios } });
    return;
  }
  useAppStore.setState({ earlierWork: undefined });
}

/**
 * Brings the offered scenarios in, each opened in turn (the untouched scenario a fresh workspace
 * starts with gives way to the first); one whose edits the current data refuses is left out and
 * named with why. Autosave then keeps them under this dataset.
 */
export async function importEarlierWork(): Promise<void> {
  const work = useAppStore.getState().earlierWork;
  if (!work) return;
  const refused: NonNullable<EarlierWork['refused']> = [];
  for (const doc of work.scenarios) {
    const docs = currentScenarios(useAppStore.getState());
    const blank = docs.length === 1 && isBlankScenario(docs[0]) ? docs[0] : undefined;
    const outcome = await addEarlierScenario(doc, blank);
    if (outcome !== true) refused.push({ name: doc.name, ...outcome });
  }
  useAppStore.setState({ earlierWork: refused.length > 0 ? { ...work, scenarios: [], refused } : undefined });
}

/** Stops offering this work for the dataset shown (remembered in the browser). */
export function dismissEarlierWork(): void {
  const { earlierWork } = useAppStore.getState();
  const key = shownKey();
  if (!earlierWork || !key) return;
  try {
    localStorage.setItem(dismissedKey(key), JSON.stringify([...dismissed(key), earlierWork.key]));
  } catch {
    // Site storage blocked: dismissed for this visit only.
  }
  useAppStore.setState({ earlierWork: undefined });
}
