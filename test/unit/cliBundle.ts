import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

// Keyed by the checkout's path: worktrees share node_modules, so a build there would be shared too.
/** Where the unit tests' one-time build of the CLI lands (see cliBundleSetup.ts). */
export const CLI_BUNDLE = join(tmpdir(), `simulate-cli-${createHash('sha1').update(root).digest('hex').slice(0, 12)}`, 'simulate.js');
