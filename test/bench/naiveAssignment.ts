import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Dataset } from '../../src/core/dataset';

/**
 * The naive baseline of PERF.md: for every zoned pupil, a loop of turf `booleanPointInPolygon`
 * over the zones of the pupil's level, stopping at the first hit. Returns school indexes per row.
 */
export function naiveAssignment(dataset: Dataset, zoneFeatures: Feature<Polygon | MultiPolygon>[]): Int32Array {
  const schoolIndex = new Map(dataset.schools.map((s, i) => [s.id, i]));
  const byLevel = {
    primary: zoneFeatures.filter((f) => f.properties?.level === 'primary'),
    junior: zoneFeatures.filter((f) => f.properties?.level === 'junior'),
  };
  const schoolOfFeature = new Map(zoneFeatures.map((f) => [f, schoolIndex.get(String(f.properties?.school_id)) ?? -1]));
  const p = dataset.pupils;
  const out = new Int32Array(p.count).fill(-1);
  const s = p.segmentStart;
  for (const [level, from, to] of [['primary', s[0], s[1]], ['junior', s[1], s[2]]] as const) {
    for (let i = from; i < to; i++) {
      const pt = [p.x[i], p.y[i]];
      for (const f of byLevel[level]) {
        if (booleanPointInPolygon(pt, f)) {
          out[i] = schoolOfFeature.get(f)!;
          break;
        }
      }
    }
  }
  out.set(p.fixedSchool.subarray(s[2], s[3]), s[2]);
  return out;
}
