import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAddressMatcher, matchAddresses, unitsFromFeatures } from '../../src/core/address';
import { DEFAULT_RULES } from '../../src/core/rules';
import { computeValidationReport } from '../../src/core/validation';
import { featuresOf } from '../../src/io/dataError';
import { OPTIONAL_FILES, readDataset, REQUIRED_FILES } from '../../src/io/readDataset';
import { median, seededRandom } from './benchData';

// The validation report on the Shouguang dataset (first run and median of 5 warm runs), then
// address matching of 100k and 1M made-up addresses (90% a unit name with house details and
// sometimes province, city and town; 10% with the name's first character lost), with the cache of
// repeated addresses and without it. Usage: npx tsx test/bench/validation.bench.ts
const dir = join(import.meta.dirname, '../../data/shouguang');
const texts = Object.fromEntries([...REQUIRED_FILES, ...OPTIONAL_FILES].map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const { dataset, county } = readDataset(texts, DEFAULT_RULES, 2020);
const input = {
  schools: dataset.schools, zones: featuresOf('catchments.geojson', texts['catchments.geojson']!), county, pupils: dataset.pupils,
  rejected: dataset.rejected, warnings: dataset.warnings, baseYear: dataset.baseYear, rules: DEFAULT_RULES,
};
const time = (f: () => void) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};
const first = time(() => computeValidationReport(input));
const warm = Array.from({ length: 5 }, () => time(() => computeValidationReport(input)));
console.log(`validation report, Shouguang (${dataset.pupils.count} pupils, ${input.zones.length} zones): first ${first.toFixed(0)} ms, median ${median(warm).toFixed(0)} ms`);

const units = unitsFromFeatures(featuresOf('units.geojson', texts['units.geojson']!));
const random = seededRandom(7);
const pick = (n: number) => Math.floor(random() * n);
const address = () => {
  const u = units[pick(units.length)];
  const detail = u.kind === 'village' ? `${1 + pick(200)}号` : `${1 + pick(30)}号楼${1 + pick(6)}单元${1 + pick(18)}0${1 + pick(4)}室`;
  const r = random();
  if (r < 0.3) return `山东省寿光市${u.town}${u.name}${detail}`;
  if (r < 0.9) return `${u.name}${detail}`;
  return `${u.town}${u.name.slice(1)}${detail}`;
};
for (const n of [100_000, 1_000_000]) {
  const rows = Array.from({ length: n }, address);
  let matched = 0;
  const cached = time(() => { matched = matchAddresses(createAddressMatcher(units), rows).filter((r) => r.status === 'matched').length; });
  const uncached = time(() => matchAddresses(createAddressMatcher(units, { cacheSize: 1 }), rows));
  console.log(`address matching, ${n} rows (${matched} matched): ${cached.toFixed(0)} ms with the cache, ${uncached.toFixed(0)} ms without`);
}
