import { join } from 'node:path';

/** Where the unit tests' one-time build of the CLI lands (see cliBundleSetup.ts). */
export const CLI_BUNDLE = join(import.meta.dirname, '../../node_modules/.cache/simulate-cli/simulate.js');
