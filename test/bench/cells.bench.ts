/**
 * Unit cells at load (npm run bench:cells): ours — each zone's Voronoi diagram and the cells'
 * borders traced along it (computeUnitCells), then the adjacency — against the naive way, which
 * makes every unit's polygon (its Voronoi region intersected with its zone by polyclip) and finds
 * neighbours from those. The naive way is timed on a sample of units and scaled to all of them
 * (all of them would take minutes). On Shouguang and on a 10,000-unit county made from it (each
 * unit's pupils split into 11 sectors around the unit's point). Medians of 3; the machine is
 * shared, so absolute times drift: compare the ratios (also to one plain Delaunay triangulation of
 * every home, the floor of any Voronoi approach).
 */
import { Delaunay } from 'd3-delaunay';
import type { Dataset } from '../../src/core/dataset';
import { computeUnitCells } from '../../src/core/units/unitCells';
import { unitAdjacency } from '../../src/core/units/unitAdjacency';
import { prepareUnitCells, unitCellArea } from '../../src/core/units/datasetCells';
import type { ZoneLevel } from '../../src/core/rules';
import { loadShouguang } from './benchData';

const LEVELS: ZoneLevel[] = ['primary', 'junior'];
const SAMPLE = 30;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** A copy of the dataset with each unit's pupils split into `k` sectors around their centre: k times the units. */
function splitUnits(d: Dataset, k: number): Dataset {
  const p = d.pupils;
  const U0 = d.unitIds.length;
  const [sx, sy, n] = [new Float64Array(U0), new Float64Array(U0), new Float64Array(U0)];
  for (let i = 0; i < p.count; i++) {
    if (p.unit[i] < 0) continue;
    sx[p.unit[i]] += p.x[i];
    sy[p.unit[i]] += p.y[i];
    n[p.unit[i]]++;
  }
  const unit = new Int32Array(p.count);
  for (let i = 0; i < p.count; i++) {
    const u = p.unit[i];
    if (u < 0) {
      unit[i] = -1;
      continue;
    }
    const [cx, cy] = [sx[u] / n[u], sy[u] / n[u]];
    const sector = Math.min(k - 1, Math.floor(((Math.atan2(p.y[i] - cy, p.x[i] - cx) + Math.PI) / (2 * Math.PI)) * k));
    unit[i] = u * k + sector;
  }
  const U = d.unitIds.length * k;
  return { ...d, pupils: { ...p, unit }, unitIds: Array.from({ length: U }, (_, u) => `${d.unitIds[Math.floor(u / k)]}-${u % k}`), unitX: new Float64Array(U).fill(NaN), unitY: new Float64Array(U).fill(NaN), unitCells: undefined };
}

function benchCounty(name: string, make: () => Dataset): void {
  const ours: number[] = [];
  let dataset = make();
  let pairs = 0;
  for (let run = 0; run < 3; run++) {
    dataset = make();
    const t0 = performance.now();
    prepareUnitCells(dataset, 'smallestZone');
    for (const level of LEVELS) pairs = unitAdjacency(dataset, dataset.zoneState, level).neighbours.length / 2;
    ours.push(performance.now() - t0);
  }
  // Naive: every unit's polygon, made eagerly (diagrams built first, as ours does, then polyclip per unit).
  const naive: number[] = [];
  let withCells = 0;
  for (let run = 0; run < 3; run++) {
    const d = make();
    const t0 = performance.now();
    let sampleMs = 0;
    withCells = 0;
    for (const level of LEVELS) {
      const { cells } = computeUnitCells(d, d.zoneState, level, 'smallestZone');
      prepareUnitCells(d, 'smallestZone');
      const units = [...Array(d.unitIds.length).keys()].filter((u) => cells.pieceStart[u + 1] > cells.pieceStart[u]);
      withCells += units.length;
      const step = Math.max(1, Math.floor(units.length / SAMPLE));
      const sample = units.filter((_, i) => i % step === 0).slice(0, SAMPLE);
      const s0 = performance.now();
      for (const u of sample) unitCellArea(d, level, u);
      sampleMs += ((performance.now() - s0) * units.length) / sample.length;
    }
    naive.push(performance.now() - t0 + sampleMs);
  }
  // The floor of any Voronoi approach: one Delaunay triangulation of every pupil's home.
  const floor: number[] = [];
  const coords = new Float64Array(2 * dataset.pupils.count);
  for (let i = 0; i < dataset.pupils.count; i++) [coords[2 * i], coords[2 * i + 1]] = [dataset.pupils.x[i], dataset.pupils.y[i]];
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    new Delaunay(coords.slice());
    floor.push(performance.now() - t0);
  }
  const [o, n] = [median(ours), median(naive)];
  console.log(`${name}: ${dataset.pupils.count.toLocaleString('en')} pupils, ${dataset.unitIds.length.toLocaleString('en')} units (${withCells.toLocaleString('en')} cells over both levels), ${pairs.toLocaleString('en')} neighbour pairs (junior)`);
  console.log(`  one Delaunay of all homes (the floor): ${median(floor).toFixed(0)} ms; ours = ${(o / median(floor)).toFixed(1)} of them`);
  console.log(`  ours (cells of both levels + adjacency): ${o.toFixed(0)} ms   naive (every polygon by polyclip, scaled from ${SAMPLE} units per level): ${(n / 1000).toFixed(1)} s   ratio ${(n / o).toFixed(0)}×`);
}

const loaded = loadShouguang();
benchCounty('Shouguang', () => ({ ...loaded.dataset, unitCells: undefined }));
benchCounty('10,000-unit county', () => splitUnits(loaded.dataset, 11));
