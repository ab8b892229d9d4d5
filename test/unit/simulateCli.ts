import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CLI_BUNDLE } from './cliBundle';

const root = join(import.meta.dirname, '../..');

/**
 * Runs the CLI (`npm run simulate`, built once by cliBundleSetup.ts) with `args` from the project's
 * folder; a run that hangs is killed after two minutes (code null). Stacks name the sources only
 * with --debug, the one option that prints them: reading the source map costs a third of a short run.
 */
export function simulateCli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const sourceMaps = args.includes('--debug') ? ['--enable-source-maps'] : [];
  const r = spawnSync(process.execPath, [...sourceMaps, CLI_BUNDLE, ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
