import { join } from 'node:path';

// In the checkout itself (not node_modules, which worktrees share) so that Node finds the packages.
/** Where the unit tests' one-time build of the CLI lands (see cliBundleSetup.ts). */
export const CLI_BUNDLE = join(import.meta.dirname, '../../.cache/simulate-cli/simulate.js');
