// The fuzz campaign: `npm run fuzz -- --runs N --seed S [--only edits|files] [--case K]`.
// Edit sequences through the worker's edit session and damaged input files through the CLI's
// reading path, in process; every failure prints its seed, case and a one-line reproduction.
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { EDIT_DATASETS } from './editData';
import { runEditCase } from './editCampaign';
import { runFileCase, type FileOptions } from './fileCampaign';
import { reproduction, type CaseReport } from './report';

const USAGE = 'usage: npm run fuzz -- [--runs N] [--seed S] [--only edits|files] [--case K] [--no-faults] [--steps N] [--dataset ' + Object.keys(EDIT_DATASETS).join('|') + '] [--budget-ms MS] [--in-process] [--dump DIR] [--verbose]';

interface Totals {
  cases: number;
  failed: number;
  ms: number;
  byKind: Map<string, number[]>;
  notes: Map<string, number>;
}

/**
 * Runs damaged-file cases in a worker thread with a watchdog: a case that does not answer within
 * its budget (plus a margin for the thread's start) is a hang; the thread is ended and replaced.
 */
function fileRunner(seed: number, options: FileOptions) {
  const api = import.meta.resolve('tsx/esm/api');
  const url = new URL('./fileWorker.ts', import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(url)});`;
  let worker: Worker | undefined;
  return {
    run(k: number): Promise<CaseReport> {
      worker ??= new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`));
      const w = worker;
      let where = '';
      return new Promise((resolve) => {
        const message = (m: CaseReport | { started: string }) => {
          if ('started' in m) where = m.started;
          else done(m);
        };
        const done = (report: CaseReport) => {
          clearTimeout(timer);
          w.off('message', message);
          w.off('error', crashed);
          resolve(report);
        };
        const crashed = (e: Error) => {
          worker = undefined;
          void w.terminate();
          done({ failures: [{ kind: 'crash', message: `${where}: the reading thread died: ${e.message}` }], notes: {} });
        };
        const timer = setTimeout(() => {
          worker = undefined;
          void w.terminate();
          done({ failures: [{ kind: 'hang', message: `${where}: no answer within ${Math.max(60_000, options.budgetMs * 6)} ms: ended` }], notes: {} });
        }, Math.max(60_000, options.budgetMs * 6));
        w.on('message', message);
        w.on('error', crashed);
        w.postMessage({ seed, k, options });
      });
    },
    close: () => worker?.terminate(),
  };
}

async function campaign(name: 'edits' | 'files', cases: number[], seed: number, run: (k: number) => CaseReport | Promise<CaseReport>, extra: string, verbose: boolean): Promise<Totals> {
  const totals: Totals = { cases: 0, failed: 0, ms: 0, byKind: new Map(), notes: new Map() };
  const t0 = performance.now();
  let last = t0;
  for (const k of cases) {
    const report = await run(k);
    totals.cases++;
    for (const [key, n] of Object.entries(report.notes)) totals.notes.set(key, (totals.notes.get(key) ?? 0) + n);
    if (report.failures.length > 0) {
      totals.failed++;
      for (const f of report.failures) {
        totals.byKind.set(f.kind, [...(totals.byKind.get(f.kind) ?? []), k]);
        console.log(`FAIL ${name} seed=${seed} case=${k} ${f.kind}: ${f.message}`);
      }
      console.log(`  reproduce: ${reproduction(name, seed, k, extra)}`);
    } else if (verbose) console.log(`ok ${name} seed=${seed} case=${k} ${JSON.stringify(report.notes)}`);
    if (performance.now() - last > 10_000) {
      last = performance.now();
      console.error(`${name}: ${totals.cases} / ${cases.length} cases, ${totals.failed} failed, ${((last - t0) / 1000).toFixed(0)} s`);
    }
  }
  totals.ms = performance.now() - t0;
  return totals;
}

function summary(name: string, seed: number, t: Totals): void {
  console.log(`${name}: ${t.cases} case(s), ${t.failed} failed, ${(t.ms / 1000).toFixed(1)} s (seed ${seed})`);
  for (const [kind, ks] of [...t.byKind].sort((a, b) => b[1].length - a[1].length)) console.log(`  ${kind}: ${ks.length} — cases ${ks.slice(0, 12).join(', ')}${ks.length > 12 ? ' …' : ''}`);
  console.log(`  did: ${[...t.notes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        runs: { type: 'string' }, seed: { type: 'string' }, only: { type: 'string' }, case: { type: 'string' }, 'no-faults': { type: 'boolean' },
        steps: { type: 'string' }, dataset: { type: 'string' }, 'budget-ms': { type: 'string' }, 'in-process': { type: 'boolean' }, dump: { type: 'string' }, verbose: { type: 'boolean' }, help: { type: 'boolean' },
      },
    }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 1;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const int = (name: string, v: string | undefined, fallback: number) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a whole number ≥ 0, got "${v}"`);
    return n;
  };
  const runs = int('runs', args.runs, 100);
  const seed = int('seed', args.seed, 1);
  const only = args.only;
  if (only !== undefined && only !== 'edits' && only !== 'files') {
    console.error(`--only must be edits or files, got "${only}"\n${USAGE}`);
    return 1;
  }
  if (args.dataset !== undefined && !(args.dataset in EDIT_DATASETS)) {
    console.error(`--dataset must be one of ${Object.keys(EDIT_DATASETS).join(', ')}\n${USAGE}`);
    return 1;
  }
  const cases = args.case !== undefined ? [int('case', args.case, 0)] : Array.from({ length: runs }, (_, k) => k);
  const faults = !args['no-faults'];
  const maxSteps = int('steps', args.steps, 10);
  const budgetMs = int('budget-ms', args['budget-ms'], 10_000);
  const verbose = args.verbose === true || args.case !== undefined;
  let failed = 0;
  if (only !== 'files') {
    const dataset = args.dataset as keyof typeof EDIT_DATASETS | undefined;
    const extra = `${faults ? '' : ' --no-faults'}${args.steps ? ` --steps ${maxSteps}` : ''}${dataset ? ` --dataset ${dataset}` : ''}`;
    const t = await campaign('edits', cases, seed, (k) => runEditCase(seed, k, { faults, maxSteps, dataset }), extra, verbose);
    summary('edits', seed, t);
    failed += t.failed;
  }
  if (only !== 'edits') {
    const extra = args['budget-ms'] ? ` --budget-ms ${budgetMs}` : '';
    const options = { budgetMs, dumpTo: args.dump };
    const runner = args['in-process'] ? undefined : fileRunner(seed, options);
    const t = await campaign('files', cases, seed, (k) => (runner ? runner.run(k) : runFileCase(seed, k, options)), extra, verbose);
    await runner?.close();
    summary('files', seed, t);
    failed += t.failed;
  }
  return failed > 0 ? 1 : 0;
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error(e);
  process.exit(1);
});
