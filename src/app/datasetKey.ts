import type { LoadSummary } from '../../workers/loadContract';

type Keyed = Pick<LoadSummary, 'name' | 'nameGiven' | 'baseYear' | 'schools' | 'rowsRead'>;

/** The key a dataset's workspace is saved under: its name, size and base year. */
export function datasetKey(d: Keyed): string {
  return `${d.name}|${d.baseYear}|${d.schools.length}|${d.rowsRead}`;
}

/**
 * The key the workspace of a dataset whose dataset.json gives no name was saved under before such a
 * dataset took its county outline's name: every one was named 'dataset'. Undefined for a named one.
 */
export function formerDatasetKey(d: Keyed): string | undefined {
  const former = datasetKey({ ...d, name: 'dataset' });
  return d.nameGiven || former === datasetKey(d) ? undefined : former;
}

/** What a dataset key says of its dataset (see datasetKey); undefined for a key it did not make. */
export function keyParts(key: string): { name: string; baseYear: number; schools: number; rowsRead: number } | undefined {
  const m = /^(.*)\|(\d+)\|(\d+)\|(\d+)$/s.exec(key);
  return m ? { name: m[1], baseYear: Number(m[2]), schools: Number(m[3]), rowsRead: Number(m[4]) } : undefined;
}
