import type { Feature, FeatureCollection, LineString } from 'geojson';
import type { ZoneLevel } from '../rules';
import type { PupilUnits } from './movedDistance';
import { basisDistanceM, NEAREST_KEPT, type PreparedDistances } from './prepare';
import { TIE_M } from './settings';

/** Properties of a line from a compound sent past a nearer school to that school. */
export interface SentPastProps {
  /** The compound or village (unit id; '' for pupils without one). */
  unit: string;
  /** The school the pupils go to, and their nearest public school of the level. */
  school: string;
  nearest: string;
  pupils: number;
  /** Mean metres further than the nearest school (by road when there are roads). */
  extraM: number;
}

/**
 * Lines from the compounds whose pupils of `level` go to a public school further than their nearest
 * open public school of the level (by more than TIE_M) to that nearest school: one per unit, school
 * and nearest school, starting at the mean home of those pupils; most pupils first. `schoolOf` is
 * the school per pupil row (−1: none).
 */
export function computeSentPastLines(p: PreparedDistances, schoolOf: Int32Array, level: ZoneLevel, units: PupilUnits): FeatureCollection<LineString, SentPastProps> {
  const l = level === 'primary' ? 0 : 1;
  const groups = new Map<string, { unit: number; school: number; nearest: number; pupils: number; sx: number; sy: number; extra: number }>();
  for (let i = 0; i < schoolOf.length; i++) {
    const s = schoolOf[i];
    if (s < 0 || p.level[i] !== l || p.schools[s].ownership !== 'public') continue;
    const nearest = p.nearSchool[i * NEAREST_KEPT];
    if (nearest < 0 || nearest === s) continue;
    const d = basisDistanceM(p, i, s);
    const extra = d - p.nearM[i * NEAREST_KEPT];
    if (!(extra > TIE_M) || !Number.isFinite(d)) continue;
    const unit = units.unit[i];
    const key = `${unit}:${s}:${nearest}`;
    const g = groups.get(key) ?? { unit, school: s, nearest, pupils: 0, sx: 0, sy: 0, extra: 0 };
    g.pupils++;
    g.sx += p.pupils.x[i];
    g.sy += p.pupils.y[i];
    g.extra += extra;
    groups.set(key, g);
  }
  const features: Feature<LineString, SentPastProps>[] = [...groups.values()]
    .sort((a, b) => b.pupils - a.pupils || a.unit - b.unit || a.school - b.school)
    .map((g) => {
      const to = p.schools[g.nearest];
      return {
        type: 'Feature',
        properties: { unit: g.unit >= 0 ? units.unitIds[g.unit] : '', school: p.schools[g.school].id, nearest: to.id, pupils: g.pupils, extraM: g.extra / g.pupils },
        geometry: { type: 'LineString', coordinates: [[g.sx / g.pupils, g.sy / g.pupils], [to.lon, to.lat]] },
      };
    });
  return { type: 'FeatureCollection', features };
}
