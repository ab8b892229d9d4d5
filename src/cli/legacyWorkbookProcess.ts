import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseLegacyWorkbook, type LegacyParse, type LegacyParser } from '../io/import/legacyWorkbook';

/**
 * The heap an old workbook may take while read, by its size: SheetJS holds about 30 times the file
 * (a 48 MB workbook of three 65,000-row sheets took 1.45 GB), so a damaged file's endless loop ends
 * soon while a big real one has room.
 */
const heapMbFor = (bytes: Uint8Array) => 512 + Math.ceil((64 * bytes.length) / (1024 * 1024));
/** How long it may take. */
const TIME_MS = 120_000;
const ROLE = 'XUEQU_READ_LEGACY_WORKBOOK';

/** Whether this process was started to read one old workbook (see legacyWorkbookInProcess). */
export function isLegacyWorkbookProcess(): boolean {
  return process.env[ROLE] === '1' && process.send !== undefined;
}

/** In such a process: reads the workbook it is sent and sends back what it gave. */
export function serveLegacyWorkbook(): void {
  process.once('message', (bytes: Uint8Array) => {
    void parseLegacyWorkbook(bytes).then((outcome) => process.send!(outcome, () => process.exit(0)));
  });
}

/**
 * Reads old workbooks in a process of their own, started from `entry` (the CLI's own module, which
 * serves them when isLegacyWorkbookProcess), with a heap by its size (heapMbFor) and TIME_MS: a damaged .xls can
 * send SheetJS into an endless loop, which then ends as an unreadable file, not as the CLI dying out
 * of memory with a stack trace.
 */
export function legacyWorkbookInProcess(entry: string | URL): LegacyParser {
  const path = entry instanceof URL ? fileURLToPath(entry) : entry;
  return (bytes) => new Promise<LegacyParse>((resolve) => {
    // SheetJS writes notes on records it does not know to the console, and a process out of memory its stack: neither is shown.
    const child = fork(path, [], {
      execArgv: [...process.execArgv, `--max-old-space-size=${heapMbFor(bytes)}`],
      env: { ...process.env, [ROLE]: '1' },
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      serialization: 'advanced',
    });
    const done = (outcome: LegacyParse) => {
      clearTimeout(timer);
      child.kill();
      resolve(outcome);
    };
    const timer = setTimeout(() => done({ problem: 'corrupt', detail: `reading it took over ${TIME_MS / 1000} s: the file is damaged` }), TIME_MS);
    child.once('message', (outcome: LegacyParse) => done(outcome));
    child.once('exit', () => done({ problem: 'corrupt', detail: 'reading it ran out of memory: the file is damaged' }));
    child.once('error', (e) => done({ problem: 'corrupt', detail: e.message }));
    child.send(bytes);
  });
}
