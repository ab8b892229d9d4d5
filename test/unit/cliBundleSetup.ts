import { join } from 'node:path';
import { build } from 'vite';
import { CLI_BUNDLE } from './cliBundle';

const root = join(import.meta.dirname, '../..');

/**
 * Vitest global setup: builds the CLI once, its dependencies included, into one Node module, so each
 * CLI test starts plain Node instead of compiling the TypeScript sources through tsx again.
 */
export async function setup() {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    // Dependencies bundled too: resolving and lexing them from node_modules was half of every run's start.
    ssr: { noExternal: true },
    build: { ssr: join(root, 'src/cli/simulate.ts'), outDir: join(CLI_BUNDLE, '..'), emptyOutDir: true, minify: false, sourcemap: true, target: 'node20' },
  });
}
