import type { LoadSummary } from '../../workers/loadContract';

/** The key a dataset's workspace is saved under: its name, size and base year. */
export function datasetKey(d: LoadSummary): string {
  return `${d.name}|${d.baseYear}|${d.schools.length}|${d.rowsRead}`;
}
