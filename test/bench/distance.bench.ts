import { buildRoadGraph, haversineM, prepareDistances, type PreparedDistances, type Polylines } from '../../src/core/distance';
import { createDijkstraWorkspace, shortestFrom } from '../../src/core/distance/dijkstra';
import type { Dataset } from '../../src/core/dataset';
import { DEFAULT_RULES } from '../../src/core/rules';
import { datasetWithSyntheticPupils, loadShouguang, median } from './benchData';
import { latticeRoads, loadShouguangRoads } from './distanceData';
import { timeDistanceEdit } from './distanceEdit';

// Distance preparation at load (snapping every pupil and school to the roads, one Dijkstra per
// school, each pupil's nearest schools) against a naive approach on a sample of the same pupils
// (each pupil snapped by scanning every segment, then one Dijkstra from the pupil to reach every
// school), extrapolated to all pupils; then the distance metrics after an edit, incremental
// against from scratch. Usage: npm run bench:distance [-- --sizes 150000,1000000] [-- --json]
const args = process.argv.slice(2);
const json = args.includes('--json');
const sizes = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1].split(',').map(Number) : [150_000, 1_000_000];
const log = (s: string) => json || console.log(s);
const round = (x: number) => Math.round(x * 100) / 100;

/** The naive way for `sample` pupils: scan all segments for the nearest, then a Dijkstra from the pupil. Returns ms per pupil. */
function naivePerPupilMs(dataset: Dataset, roads: Polylines, sample: number): number {
  const g = buildRoadGraph(roads);
  const ws = createDijkstraWorkspace(g);
  const dist = new Float64Array(g.nodeX.length);
  const p = dataset.pupils;
  const t0 = performance.now();
  for (let k = 0; k < sample; k++) {
    const i = Math.floor((k * p.count) / sample);
    let best = Infinity;
    let seg = 0;
    for (let s = 0; s < g.segA.length; s++) {
      const d = Math.min(haversineM(p.x[i], p.y[i], g.nodeX[g.segA[s]], g.nodeY[g.segA[s]]), haversineM(p.x[i], p.y[i], g.nodeX[g.segB[s]], g.nodeY[g.segB[s]]));
      if (d < best) [best, seg] = [d, s];
    }
    shortestFrom(g, seg, 0, dist, ws);
  }
  return (performance.now() - t0) / sample;
}

function timePrepare(dataset: Dataset, runs: number): { ms: number; prepared: PreparedDistances } {
  let prepared = prepareDistances(dataset, DEFAULT_RULES);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    prepared = prepareDistances(dataset, DEFAULT_RULES);
    times.push(performance.now() - t0);
  }
  return { ms: median(times), prepared };
}

const loaded = loadShouguang();
const shouguangRoads = loadShouguangRoads();
const rows = [];
{
  const dataset = { ...loaded.dataset, ...shouguangRoads };
  const { ms } = timePrepare(dataset, 3);
  const perPupil = naivePerPupilMs(dataset, shouguangRoads.roads, 20);
  const naiveMs = perPupil * dataset.pupils.count;
  const segments = buildRoadGraph(shouguangRoads.roads).segA.length;
  rows.push({ case: 'shouguang', pupils: dataset.pupils.count, segments, prepareMs: round(ms), naiveMs: round(naiveMs), ratio: Math.round(naiveMs / ms) });
  log(`Shouguang, ${dataset.pupils.count.toLocaleString('en')} pupils, ${segments.toLocaleString('en')} road segments: prepare ${round(ms)} ms (median of 3); naive ${round(naiveMs / 1000)} s (extrapolated from 20 pupils), ratio ${Math.round(naiveMs / ms)}×`);
}
for (const n of sizes) {
  const { dataset: base } = datasetWithSyntheticPupils(loaded, n);
  const big = n >= 1_000_000;
  const roads = big ? latticeRoads([118.54, 36.72, 119.12, 37.3], 200_000) : shouguangRoads.roads;
  const dataset = { ...base, roads, barrierLines: shouguangRoads.barrierLines };
  const segments = buildRoadGraph(roads).segA.length;
  const { ms, prepared } = timePrepare(dataset, big ? 1 : 3);
  const perPupil = naivePerPupilMs(dataset, roads, big ? 3 : 10);
  const naiveMs = perPupil * n;
  const edit = timeDistanceEdit(dataset, prepared, 30);
  const row = { case: 'synthetic', pupils: n, segments, prepareMs: round(ms), naiveMs: round(naiveMs), ratio: Math.round(naiveMs / ms), editIncrementalMs: round(edit.incrementalMs), editIncrementalMinMs: round(edit.incrementalMinMs), editFromScratchMs: round(edit.fromScratchMs), editRatio: Math.round(edit.fromScratchMs / edit.incrementalMs), editPupilsMoved: edit.pupilsMoved, editEqual: edit.equal };
  rows.push(row);
  log(`${n.toLocaleString('en')} pupils, ${segments.toLocaleString('en')} road segments: prepare ${row.prepareMs} ms; naive ${round(naiveMs / 1000)} s (extrapolated from ${big ? 3 : 10} pupils), ratio ${row.ratio}×`);
  log(`  edit (${edit.pupilsMoved} pupils move): distance metrics ${row.editIncrementalMs} ms incremental (median of ${edit.runs}, fastest ${row.editIncrementalMinMs} ms) against ${row.editFromScratchMs} ms from scratch, ratio ${row.editRatio}×; equal: ${edit.equal}`);
}
if (json) console.log(JSON.stringify(rows, null, 2));
