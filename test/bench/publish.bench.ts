import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEFAULT_RULES } from '../../src/core/rules';
import { applyZoneEdit } from '../../src/core/zoneEdits';
import { buildPublication } from '../../workers/publicationSet';
import { NATIONAL_PROFILE } from '../../src/core/standards';
import { DEFAULT_PROJECTION, NO_RULES } from '../../src/core/scenarioRules';
import { pinyinInitials } from '../../src/io/export/lookupPage';
import { LOOKUP_SCRIPT } from '../../src/io/export/lookupScript';
import { parseScenario } from '../../src/io/parseScenario';
import { OPTIONAL_FILES, REQUIRED_FILES, readDataset } from '../../src/io/readDataset';
import { median } from './benchData';

// The publication set for Shouguang under the plan's scenario (data/scenarios/shengcheng-to-huiwen.json),
// as `--publish` writes it, in memory: each file's time and the whole (target ≤ 5 s), the lookup
// page's size gzipped (target ≤ 1 MB), and a search on the page (target ≤ 50 ms) run by the page's
// own script in Node against the naive way, the pinyin initials computed at each search rather than
// carried in the page. Usage: npm run bench:publish
const dir = join(import.meta.dirname, '../../data/shouguang');
const texts = Object.fromEntries([...REQUIRED_FILES, ...OPTIONAL_FILES].map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
const loaded = readDataset(texts, DEFAULT_RULES, 2024);
const { dataset } = loaded;
const file = join(dir, '../scenarios/shengcheng-to-huiwen.json');
const scenario = parseScenario(file, readFileSync(file, 'utf8'), dataset.schools);
const ctx = { schools: dataset.schools, schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])), unitIndex: new Map(dataset.unitIds.map((u, i) => [u, i])) };
const state = scenario.edits.reduce((s, e) => applyZoneEdit(s, e, ctx), dataset.zoneState);
const input = { loaded, state, scenario: scenario.rules ?? NO_RULES, projection: scenario.projection ?? DEFAULT_PROJECTION, profile: NATIONAL_PROFILE, rules: DEFAULT_RULES, locale: 'zh-CN' as const };

const totals: number[] = [];
const cpus: number[] = [];
let files: Awaited<ReturnType<typeof buildPublication>> = [];
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  files = await buildPublication(input);
  totals.push(performance.now() - t0);
  const cpu = process.cpuUsage(cpu0);
  cpus.push((cpu.user + cpu.system) / 1000);
  console.log(`run ${r + 1}: ${(totals[r] / 1000).toFixed(2)} s (CPU ${(cpus[r] / 1000).toFixed(2)} s) — ${files.map((f) => `${f.name} ${(f.ms / 1000).toFixed(2)} s`).join(', ')}`);
}
console.log(`publication set: median ${(median(totals) / 1000).toFixed(2)} s of ${totals.length} runs (first run ${(totals[0] / 1000).toFixed(2)} s, includes warming up; CPU time, which a loaded machine does not stretch: median ${(median(cpus) / 1000).toFixed(2)} s, first ${(cpus[0] / 1000).toFixed(2)} s); target ≤ 5 s`);

const page = files.find((f) => f.name.endsWith('.html'))!.bytes;
console.log(`lookup page: ${(page.length / 1024).toFixed(0)} KB, gzipped ${(gzipSync(page).length / 1024).toFixed(0)} KB; target ≤ 1,024 KB gzipped`);

// The page's search, run by its own script on its own data.
const html = new TextDecoder().decode(page);
const data = JSON.parse(html.match(/<script id="data" type="application\/json">(.*?)<\/script>/s)![1]);
const search = new Function('globalThis', `${LOOKUP_SCRIPT}; return search;`)({ LOOKUP_DATA: data }) as (q: string) => number[];
const names: string[] = data.p.map((p: unknown[]) => p[1]);
const queries = names.slice(0, 200).flatMap((n) => [n.slice(0, 2), pinyinInitials(n).slice(0, 3)]);
const time = (run: (q: string) => unknown) => queries.map((q) => {
  const t0 = performance.now();
  run(q);
  return performance.now() - t0;
});
const ours = time(search);
const naive = time((q) => names.filter((n) => n.includes(q) || pinyinInitials(n).includes(q)));
const worst = (xs: number[]) => Math.max(...xs);
const p99 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.99)];
console.log(`search over ${names.length} places, ${queries.length} queries (names and pinyin initials): ours median ${median(ours).toFixed(3)} ms, 99th percentile ${p99(ours).toFixed(2)} ms, worst ${worst(ours).toFixed(2)} ms; `
  + `naive (initials computed per search) median ${median(naive).toFixed(2)} ms, worst ${worst(naive).toFixed(2)} ms; ratio ${(median(naive) / median(ours)).toFixed(0)}×; target ≤ 50 ms`);
console.log('(a loaded machine: figures vary from run to run)');
