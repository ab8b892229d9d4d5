// Runs damaged-file cases in a worker thread, so that the runner can end a case that hangs.
import { parentPort } from 'node:worker_threads';
import { runFileCase, type FileOptions } from './fileCampaign';

parentPort!.on('message', async ({ seed, k, options }: { seed: number; k: number; options: FileOptions }) => {
  try {
    parentPort!.postMessage(await runFileCase(seed, k, options, (where) => parentPort!.postMessage({ started: where })));
  } catch (e) {
    parentPort!.postMessage({ failures: [{ kind: 'runner', message: `the case itself failed: ${(e as Error).stack ?? String(e)}` }], notes: {} });
  }
});
