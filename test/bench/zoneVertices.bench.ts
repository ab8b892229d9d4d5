/**
 * The boundary points "move a boundary point" shows, after an edit (npm run bench:vertices): ours —
 * only the changed zones' points gathered again and a diff sent to the map's source
 * (createZoneVertices().update) — against the naive way, every point of every zone of the level
 * gathered and the whole set sent (setData). Both include the structured clone the source's
 * message to MapLibre's worker makes. Shouguang's primary zones, the edits an area moved back and
 * forth between 圣城小学 and 汇文学校 (two zones change); medians of 15.
 */
import type { FeatureCollection } from 'geojson';
import { applyZoneEdit } from '../../src/core/zoneEdits';
import { applyZoneChanges, computeZoneChanges, computeZoneFeatures } from '../../src/io/zoneFeatures';
import { createZoneVertices } from '../../src/map/zoneVertices';
import { loadShouguang, median } from './benchData';

const { dataset } = loadShouguang();
const ctx = { schools: dataset.schools, schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])), unitIndex: new Map(dataset.unitIds.map((u, i) => [u, i])) };
const [a, b] = ['P01', 'N02'].map((id) => dataset.schools[ctx.schoolIndex.get(id)!]);
const [cx, cy, r] = [(a.lon + b.lon) / 2, (a.lat + b.lat) / 2, 0.004];
const area = { type: 'Polygon' as const, coordinates: [[[cx - r, cy - r], [cx + r, cy - r], [cx + r, cy + r], [cx - r, cy + r], [cx - r, cy - r]]] };
const toB = applyZoneEdit(dataset.zoneState, { op: 'assignArea', level: 'primary', schoolId: 'N02', area }, ctx);
const base = computeZoneFeatures(dataset.zoneState, dataset.schools);
// As the page holds them: an edit's zones replace the changed features only.
const edited = applyZoneChanges(base, computeZoneChanges(dataset.zoneState, toB, dataset.schools));
const versions: FeatureCollection[] = [base, edited];

const RUNS = 15;
const naive: number[] = [];
const ours: number[] = [];
const vertices = createZoneVertices();
let points = 0;
let changed = 0;
vertices.reset(base, 'primary');
for (let k = 0; k < RUNS + 3; k++) {
  const zones = versions[(k + 1) % 2];
  let t0 = performance.now();
  const all = createZoneVertices().reset(zones, 'primary');
  structuredClone(all);
  const tNaive = performance.now() - t0;
  t0 = performance.now();
  const diff = vertices.update(zones);
  structuredClone(diff);
  const tOurs = performance.now() - t0;
  if (k < 3) continue;
  naive.push(tNaive);
  ours.push(tOurs);
  points = all.features.length;
  changed = (diff?.add?.length ?? 0) + (diff?.remove?.length ?? 0) + (diff?.update?.length ?? 0);
}
console.log(`Shouguang primary zones: ${points.toLocaleString('en')} boundary points; an area edit changes ${changed} of them`);
console.log(`after an edit, median of ${RUNS}: every point gathered and sent ${median(naive).toFixed(1)} ms · changed zones' points as a diff ${median(ours).toFixed(2)} ms · ×${(median(naive) / median(ours)).toFixed(0)}`);
