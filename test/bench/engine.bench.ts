import { computeGradeCounts } from '../../src/core/aggregate';
import { computeAssignment, createAssignmentWorkspace, type AssignmentWorkspace } from '../../src/core/assignment';
import { computeProjection } from '../../src/core/projection';
import { DEFAULT_RULES } from '../../src/core/rules';
import { DEFAULT_PROJECTION, NO_RULES } from '../../src/core/scenarioRules';
import { computeSchoolResults } from '../../src/core/simulation';
import type { Dataset } from '../../src/core/dataset';
import { datasetWithSyntheticPupils, loadShouguang, median, seededRandom } from './benchData';
import { timeIncrementalEdit } from './incrementalEdit';
import { naiveAssignment } from './naiveAssignment';
import { prepareDistances } from '../../src/core/distance';
import { loadShouguangRoads } from './distanceData';
import { timeDistanceEdit } from './distanceEdit';
import { computeScenarioRun } from '../../src/core/scenarioRun';
import { computeNearbyCounts } from '../../src/core/standards';
import { naiveNearbyCounts } from './naiveNearby';

// Full recompute (assignment + aggregation, zone index build included) against the naive turf
// loop on the same pupils, in one run; then an incremental edit on the same pupils.
// Usage: npm run bench:engine [-- --json] [-- --sizes 150000,1000000] (npm run bench runs it, then the import bench)
const args = process.argv.slice(2);
const json = args.includes('--json');
const sizesArg = args[args.indexOf('--sizes') + 1];
const sizes = args.includes('--sizes') ? sizesArg.split(',').map(Number) : [150_000, 1_000_000];
const log = (s: string) => json || console.log(s);

function timeIt(runs: number, f: () => void): number[] {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return times;
}

/** Ours: assignment with counting on the way, then class formation per school. */
function fullRecompute(dataset: Dataset, workspace: AssignmentWorkspace): Int32Array {
  const { schoolOf, counts } = computeAssignment(dataset.pupils, dataset.zones, dataset.schools.length, workspace);
  computeSchoolResults(dataset.schools, counts, dataset.baseYear, DEFAULT_RULES);
  return schoolOf;
}

/** Naive: the turf loop, a counting pass, then the same class formation. */
function naiveRecompute(dataset: Dataset, zoneFeatures: typeof loaded.zoneFeatures.features): Int32Array {
  const schoolOf = naiveAssignment(dataset, zoneFeatures);
  const counts = computeGradeCounts(dataset.pupils, schoolOf, dataset.schools.length);
  computeSchoolResults(dataset.schools, counts, dataset.baseYear, DEFAULT_RULES);
  return schoolOf;
}

const loaded = loadShouguang();
const zoneFeatures = loaded.zoneFeatures.features;
const vertices = zoneFeatures.reduce((a, f) => a + JSON.stringify(f.geometry.coordinates).split('],[').length, 0);
log(`zones: ${zoneFeatures.length} (${vertices} vertices); Node ${process.version}`);

const rows = [];
for (const n of sizes) {
  const { dataset, layoutMs } = datasetWithSyntheticPupils(loaded, n);
  // The engine keeps one workspace for the resident dataset, as the worker does; every run still
  // rebuilds the zone grids and reassigns every pupil. Warm up the JIT before timing.
  const workspace = createAssignmentWorkspace();
  for (let w = 0; w < 3; w++) fullRecompute(dataset, workspace);
  let ours: Int32Array = new Int32Array(0);
  const fullTimes = timeIt(n >= 1_000_000 ? 9 : 15, () => {
    ours = fullRecompute(dataset, workspace);
  });
  let naive: Int32Array = new Int32Array(0);
  const naiveTimes = timeIt(n >= 1_000_000 ? 1 : 3, () => {
    naive = naiveRecompute(dataset, zoneFeatures);
  });
  let differ = 0;
  for (let i = 0; i < n; i++) if (ours[i] !== naive[i]) differ++;
  const fullMs = median(fullTimes);
  const naiveMs = median(naiveTimes);
  const inc = timeIncrementalEdit(dataset, 30);
  // The same edit's distance metrics (就近入学), by road over the default dataset's roads: prepared once, then updated per edit.
  const withRoads = { ...dataset, ...loadShouguangRoads() };
  const distanceEdit = timeDistanceEdit(withRoads, prepareDistances(withRoads, DEFAULT_RULES), 30);
  // The 就近入学 counts the standards take after every edit (a pass over every pupil). The synthetic
  // pupils name no school: here nine in ten are on their zone school's roll, the others on another's.
  const { zoneSchoolOf } = computeScenarioRun(dataset, dataset.zoneState, DEFAULT_RULES);
  const rand = seededRandom(7);
  const roll = { segmentStart: dataset.pupils.segmentStart, currentSchool: zoneSchoolOf.map((s) => (s >= 0 && rand() < 0.1 ? Math.floor(rand() * dataset.schools.length) : s)) };
  const nearbyMs = median(timeIt(9, () => computeNearbyCounts(roll, zoneSchoolOf)));
  const naiveNearbyMs = median(timeIt(5, () => naiveNearbyCounts(roll, zoneSchoolOf)));
  const projectionMs = median(timeIt(3, () => computeProjection({ dataset, state: dataset.zoneState, scenario: NO_RULES, settings: DEFAULT_PROJECTION, rules: DEFAULT_RULES })));
  const row = {
    students: n, naiveMs: round(naiveMs), fullMs: round(fullMs), ratio: Math.round(naiveMs / fullMs),
    incrementalMs: round(inc.incrementalMs), editGeometryMs: round(inc.geometryMs), editPupilsMoved: inc.pupilsMoved,
    distanceEditMs: round(distanceEdit.incrementalMs), distanceEditMinMs: round(distanceEdit.incrementalMinMs), distanceFromScratchMs: round(distanceEdit.fromScratchMs), distanceEqual: distanceEdit.equal,
    nearbyMs: round(nearbyMs), naiveNearbyMs: round(naiveNearbyMs),
    layoutMs: round(layoutMs), projectionMs: round(projectionMs), naiveRuns: naiveTimes.length, fullRuns: fullTimes.length, assignmentsDiffer: differ,
  };
  rows.push(row);
  log(`${n.toLocaleString('en')} pupils: naive turf ${row.naiveMs} ms (median of ${row.naiveRuns}), ours ${row.fullMs} ms (median of ${row.fullRuns}), ratio ${row.ratio}×; one-off layout ${row.layoutMs} ms; assignments that differ: ${differ}`);
  log(`  就近入学 counts for the standards after an edit: ${row.nearbyMs} ms against ${row.naiveNearbyMs} ms with a key per pupil (medians), ratio ${Math.round(naiveNearbyMs / nearbyMs)}×`);
  log(`  projection of the base year and ${DEFAULT_PROJECTION.years} years after it: ${row.projectionMs} ms (median of 3)`);
  log(`  incremental edit (a block between 圣城小学 and 汇文学校, ${inc.pupilsMoved} pupils move): engine ${row.incrementalMs} ms (median of ${inc.runs}), zone geometry ${row.editGeometryMs} ms`);
  log(`  its distance metrics (by road): ${row.distanceEditMs} ms incremental (median of ${distanceEdit.runs}, fastest ${row.distanceEditMinMs} ms) against ${row.distanceFromScratchMs} ms from scratch, ratio ${Math.round(distanceEdit.fromScratchMs / distanceEdit.incrementalMs)}×; equal: ${distanceEdit.equal}`);
}
if (json) console.log(JSON.stringify(rows, null, 2));

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
