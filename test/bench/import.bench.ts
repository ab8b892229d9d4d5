import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RULES } from '../../src/core/rules';
import { importDataset, readImportedDataset, type Crs, type ImportFile } from '../../src/io/import';
import { computeValidationReport } from '../../src/core/validation';
import { featuresOf } from '../../src/io/dataError';
import { pupilsCsv } from '../fixtures/corpus/manyPupils';

// Imports 1,000,000 generated pupil rows (Chinese headers, grades as 一年级 …, 1 in 1000 rows bad)
// through importDataset and readImportedDataset with the tiny schools and zones, and prints the
// time of each stage, the heap after it and the process's peak RSS.
// Usage: npm run bench (runs after the engine bench) or tsx test/bench/import.bench.ts [--rows N] [--crs gcj02]
const args = process.argv.slice(2);
const rows = args.includes('--rows') ? Number(args[args.indexOf('--rows') + 1]) : 1_000_000;
const crs = (args.includes('--crs') ? args[args.indexOf('--crs') + 1] : 'wgs84') as Crs;
const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
const heap = () => mb(process.memoryUsage().heapUsed);

const tiny = join(import.meta.dirname, '../fixtures/tiny');
let t = performance.now();
const bytes = pupilsCsv(rows);
console.log(`generated ${rows.toLocaleString('en')} rows, ${mb(bytes.length)} of CSV in ${Math.round(performance.now() - t)} ms; heap ${heap()}`);
const files: ImportFile[] = [
  { name: 'schools.geojson', bytes: new Uint8Array(readFileSync(join(tiny, 'schools.geojson'))) },
  { name: 'catchments.geojson', bytes: new Uint8Array(readFileSync(join(tiny, 'catchments.geojson'))) },
  { name: '学生名单.csv', bytes, crs },
];
t = performance.now();
const imported = await importDataset(files);
const importMs = performance.now() - t;
console.log(`importDataset (decode, CSV, find columns, ${crs}): ${Math.round(importMs)} ms; heap ${heap()}`);
t = performance.now();
const { dataset } = readImportedDataset(imported, DEFAULT_RULES, 2024);
const readMs = performance.now() - t;
console.log(`readImportedDataset (pupil rows converted and read, pupil layout): ${Math.round(readMs)} ms; heap ${heap()}`);
console.log(`pupils read ${dataset.rowsRead.toLocaleString('en')} = loaded ${dataset.pupils.count.toLocaleString('en')} + rejected ${dataset.rejected.length.toLocaleString('en')}`);
// The worker then computes the validation report on the parsed dataset before answering (workers/engineApi.ts load).
t = performance.now();
const report = computeValidationReport({
  schools: dataset.schools, zones: featuresOf('catchments.geojson', imported.texts['catchments.geojson']!), pupils: dataset.pupils,
  rejected: dataset.rejected, warnings: dataset.warnings, baseYear: dataset.baseYear, rules: DEFAULT_RULES,
});
const validateMs = performance.now() - t;
console.log(`computeValidationReport (as the worker does): ${Math.round(validateMs)} ms, ${report.items.length} findings; heap ${heap()}`);
console.log(`worker path total (import + read + validate) ${Math.round(importMs + readMs + validateMs)} ms`);
console.log(`total ${Math.round(importMs + readMs)} ms; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}; Node ${process.version}`);
if (dataset.rowsRead !== rows || dataset.pupils.count + dataset.rejected.length !== rows) throw new Error('counts do not reconcile');
