import { join } from 'node:path';
import { build } from 'vite';
import { CLI_BUNDLE } from './cliBundle';

const root = join(import.meta.dirname, '../..');

/**
 * Vitest global setup: builds the CLI once into one Node module (dependencies stay in node_modules), so
 * each CLI test starts plain Node instead of compiling the TypeScript sources through tsx again.
 */
export async function setup() {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: { ssr: join(root, 'src/cli/simulate.ts'), outDir: join(CLI_BUNDLE, '..'), emptyOutDir: true, minify: false, sourcemap: true, target: 'node20' },
  });
}
