import { describeDataProblem, type DataProblem } from '../core/dataProblems';
import type { LoadFailure } from '../../workers/loadContract';

const MB = 2 ** 20;

/**
 * The most bytes one load reads, in all its files together. Measured in Chromium here: a
 * 74 MB pupils file of 1,000,000 rows peaks at about 1.3 GB of renderer memory while it is read,
 * parsed and checked; 300 MB peaked at 2.1–5.1 GB and once crashed the tab.
 */
export const MAX_LOAD_BYTES = 150 * MB;

const megabytes = (bytes: number) => String(Math.ceil(bytes / MB));

/**
 * Why the picked files are too large to read, before any is read: the first file over `max`
 * bytes by name, else all of them together over `max`; undefined when they fit.
 */
export function checkFileSizes(files: readonly { name: string; size: number }[], max = MAX_LOAD_BYTES): LoadFailure | undefined {
  const fail = (file: string, problem: DataProblem): LoadFailure => ({ ok: false, file, detail: describeDataProblem(problem.code, problem.params, 'en'), problem });
  const large = files.find((f) => f.size > max);
  if (large) return fail(large.name, { code: 'pickedFileTooLarge', params: { got: megabytes(large.size), max: max / MB } });
  const total = files.reduce((a, f) => a + f.size, 0);
  if (total > max) return fail('', { code: 'pickedFilesTooLarge', params: { got: megabytes(total), max: max / MB } });
  return undefined;
}
