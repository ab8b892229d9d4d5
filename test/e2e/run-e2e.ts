import { spawnSync } from 'node:child_process';
import { findChromium, INSTALL_HINT } from './chromium';

// Runs the browser tests: builds the app, then Vitest drives Chromium against `vite preview`.
// Without Chromium they cannot run: outside CI that is said and the run ends; in CI it fails.
if (!findChromium()) {
  console.error(INSTALL_HINT);
  if (process.env.CI) {
    console.error('CI=true: the browser tests must run, failing.');
    process.exit(1);
  }
  console.error('Browser tests NOT run.');
  process.exit(0);
}
const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run('npx', ['vite', 'build', '--logLevel', 'warn']);
run('npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts']);
