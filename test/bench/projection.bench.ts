import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../src/core/dataset';
import { computeProjection, type Projection } from '../../src/core/projection';
import { createProjectionRun } from '../../src/core/projectionRun';
import { DEFAULT_RULES } from '../../src/core/rules';
import { DEFAULT_PROJECTION, NO_RULES } from '../../src/core/scenarioRules';
import { applyZoneEdit, EditError, type EditContext, type ZoneEdit } from '../../src/core/zoneEdits';
import type { ZoneState } from '../../src/core/zoneState';
import { OPTIONAL_FILES, readDataset, REQUIRED_FILES } from '../../src/io/readDataset';
import { datasetWithSyntheticPupils, median, seededRandom } from './benchData';
import { computeScenarioRun } from '../../src/core/scenarioRun';
import { NATIONAL_PROFILE } from '../../src/core/standards';
import { createProjectionCache } from '../../workers/projectionCache';
import { createProjectionDistance, DEFAULT_DISTANCE_SETTINGS, prepareDistances, scenarioOpenYears } from '../../src/core/distance';

// The ten-year projection after each of a series of edits (boundary points dragged, areas given to
// a neighbour), from scratch against the run moved incrementally (only the places whose school
// changes re-placed), on the default dataset (births, estates) and with 150,000 synthetic pupils;
// both measure every placement's distance (the per-year 就近入学 figures), as the worker does.
// Each incremental result (counts, results and distance figures) is checked against the
// from-scratch one. Then the worker's answer to the compare panel after each edit, with its
// projections kept, against a cold answer.
// Usage: npm run bench:projection [-- --json] [-- --edits 12]
const args = process.argv.slice(2);
const json = args.includes('--json');
const editCount = args.includes('--edits') ? Number(args[args.indexOf('--edits') + 1]) : 12;
const log = (s: string) => json || console.log(s);

const dir = join(import.meta.dirname, '../../data/shouguang');
const loaded = readDataset(Object.fromEntries([...REQUIRED_FILES, ...OPTIONAL_FILES].map((f) => [f, readFileSync(join(dir, f), 'utf8')])), DEFAULT_RULES, 2020);

/** A series of valid edits from the dataset's zoning: primary and junior vertices moved ~150–400 m, and city blocks given to the zone's neighbour. */
function editSeries(dataset: Dataset, count: number): { states: ZoneState[]; edits: ZoneEdit[] } {
  const ctx: EditContext = { schools: dataset.schools, schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])), unitIndex: new Map(dataset.unitIds.map((u, i) => [u, i])) };
  const rand = seededRandom(7);
  const states: ZoneState[] = [dataset.zoneState];
  const edits: ZoneEdit[] = [];
  while (states.length <= count) {
    const state = states[states.length - 1];
    const level = rand() < 0.7 ? 'primary' : 'junior';
    const zones = [...state.zones[level]];
    const [school, zone] = zones[Math.floor(rand() * zones.length)];
    const ring = zone[0][0];
    const [x, y] = ring[Math.floor(rand() * (ring.length - 1))];
    const d = (0.0015 + rand() * 0.0025) * (rand() < 0.5 ? -1 : 1);
    const edit: ZoneEdit = rand() < 0.5
      ? { op: 'moveVertex', level, schoolId: dataset.schools[school].id, from: [x, y], to: [x + d, y - d] }
      : { op: 'assignArea', level, schoolId: dataset.schools[school].id, area: { type: 'Polygon', coordinates: [[[x - 0.004, y - 0.003], [x + 0.004, y - 0.003], [x + 0.004, y + 0.003], [x - 0.004, y + 0.003], [x - 0.004, y - 0.003]]] } };
    try {
      states.push(applyZoneEdit(state, edit, ctx));
      edits.push(edit);
    } catch (e) {
      if (!(e instanceof EditError)) throw e;
    }
  }
  return { states, edits };
}

const sameCounts = (a: Projection, b: Projection) => a.years.every((y, t) => y.counts.every((c, i) => c === b.years[t].counts[i]) && JSON.stringify(y.result) === JSON.stringify(b.years[t].result));

const rows = [];
for (const [label, dataset] of [['default dataset', loaded.dataset], ['150,000 pupils', datasetWithSyntheticPupils(loaded, 150_000).dataset]] as const) {
  const { states, edits } = editSeries(dataset, editCount);
  const input = { dataset, state: dataset.zoneState, scenario: NO_RULES, settings: DEFAULT_PROJECTION, rules: DEFAULT_RULES };
  const tp = performance.now();
  const prepared = prepareDistances(dataset, DEFAULT_RULES);
  const prepareMs = performance.now() - tp;
  const measure = () => createProjectionDistance({ prepared, dataset, openYear: scenarioOpenYears(dataset.schools, NO_RULES.openings), settings: DEFAULT_DISTANCE_SETTINGS, rules: DEFAULT_RULES });
  // Warm up both paths (JIT) before timing.
  computeProjection({ ...input, sink: measure().sink });
  const measured = measure();
  const run = createProjectionRun({ ...input, sink: measured.sink });
  const t0 = performance.now();
  void run.projection;
  const firstMs = performance.now() - t0;
  const full: number[] = [];
  const incremental: number[] = [];
  let equal = true;
  for (const state of states.slice(1)) {
    const a = performance.now();
    const scratchMeasured = measure();
    const scratch = computeProjection({ ...input, state, sink: scratchMeasured.sink });
    const scratchDistance = scratchMeasured.years();
    full.push(performance.now() - a);
    const b = performance.now();
    run.moveTo(state);
    const moved = run.projection;
    const movedDistance = measured.years();
    incremental.push(performance.now() - b);
    equal &&= sameCounts(moved, scratch) && JSON.stringify(movedDistance) === JSON.stringify(scratchDistance);
  }
  // What the compare panel waits for: the worker's answer (edits replayed from the longest kept
  // prefix, the projection moved, changed years reassessed, pupils moved counted), kept against cold.
  const ctx: EditContext = { schools: dataset.schools, schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])), unitIndex: new Map(dataset.unitIds.map((u, i) => [u, i])) };
  const applyEdit = (state: ZoneState, edit: ZoneEdit) => applyZoneEdit(state, edit, ctx);
  const baseSchoolOf = computeScenarioRun(dataset, dataset.zoneState, DEFAULT_RULES).schoolOf;
  const request = (k: number) => ({ key: 'plan', edits: edits.slice(0, k), rules: NO_RULES, settings: DEFAULT_PROJECTION });
  // As in the worker, the scenario being edited lends the states its edits made (EditSession.applyTo).
  const made = new Map(states.slice(0, -1).map((state, i) => [state, JSON.stringify(edits[i])]));
  const kept = createProjectionCache(dataset, DEFAULT_RULES, (state, edit) => (made.get(state) === JSON.stringify(edit) ? states[states.indexOf(state) + 1] : applyEdit(state, edit)));
  await kept.project(request(0), NATIONAL_PROFILE, baseSchoolOf, prepared);
  const answers: number[] = [];
  const cold: number[] = [];
  for (let k = 1; k <= edits.length; k++) {
    const a = performance.now();
    await kept.project(request(k), NATIONAL_PROFILE, baseSchoolOf, prepared);
    answers.push(performance.now() - a);
    if (k % 4 === 0) {
      const b = performance.now();
      await createProjectionCache(dataset, DEFAULT_RULES, applyEdit).project(request(k), NATIONAL_PROFILE, baseSchoolOf, prepared);
      cold.push(performance.now() - b);
    }
  }
  const row = { dataset: label, pupils: dataset.pupils.count, edits: full.length, fullMs: round(median(full)), incrementalMs: round(median(incremental)), incrementalMaxMs: round(Math.max(...incremental)), ratio: round(median(full) / median(incremental)), firstProjectionMs: round(firstMs), distancePrepareMs: round(prepareMs), equal, workerAnswerMs: round(median(answers)), workerColdMs: round(median(cold)) };
  rows.push(row);
  log(`${label} (${row.pupils.toLocaleString('en')} pupils), ${DEFAULT_PROJECTION.years}-year projection with its distances (${prepared.byRoad ? 'by road' : 'straight'}, prepared in ${row.distancePrepareMs} ms) after each of ${row.edits} edits: full ${row.fullMs} ms, incremental ${row.incrementalMs} ms (median; slowest ${row.incrementalMaxMs} ms), ratio ${row.ratio}×; equal to the full one: ${equal}`);
  log(`  the worker's answer to the compare panel (projection, each year assessed, distances, pupils moved): ${row.workerAnswerMs} ms kept (median of ${answers.length}) against ${row.workerColdMs} ms cold (median of ${cold.length}), ratio ${round(row.workerColdMs / row.workerAnswerMs)}×`);
}
if (json) console.log(JSON.stringify(rows, null, 2));

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
