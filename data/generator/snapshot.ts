/**
 * Reads a dataset folder (default data/shouguang) exactly as the app's load does and writes its
 * snapshot, the form the app opens at start (src/io/snapshot). The app's build runs it (vite.config.ts).
 * Run from the repository root: npx tsx data/generator/snapshot.ts OUT_FILE [FOLDER]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_RULES } from '../../src/core/rules.ts';
import { OPTIONAL_FILES, REQUIRED_FILES } from '../../src/io/readDataset.ts';
import { buildDatasetSnapshot } from '../../src/io/snapshot/datasetSnapshot.ts';

const [out, folder = join(dirname(fileURLToPath(import.meta.url)), '..', 'shouguang')] = process.argv.slice(2);
if (!out) {
  console.error('usage: npx tsx data/generator/snapshot.ts OUT_FILE [FOLDER]');
  process.exit(2);
}
const files = [...REQUIRED_FILES, ...OPTIONAL_FILES].filter((name) => existsSync(join(folder, name))).map((name) => ({ name, bytes: readFileSync(join(folder, name)) }));
writeFileSync(out, await buildDatasetSnapshot(files, DEFAULT_RULES));
