import gcoord from 'gcoord';
import type { ZoneLevel } from '../rules';
import type { MultiPolygonCoords } from '../zoneState';
import type { LevelPupils } from './levelPupils';
import { locatePoints } from './pointLocation';
import type { ShiftedPupilsItem } from './types';

/** Pupils tested per level: a spread sample is enough to see a shift of the whole file. */
const SAMPLE = 20_000;
/** Below this share of pupils outside every zone nothing looks shifted. */
const MIN_OUTSIDE_SHARE = 0.2;
const MIN_OUTSIDE = 5;

const SYSTEMS = { gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/** Every k-th pupil, at most SAMPLE of them. */
function sample(p: LevelPupils): { x: Float64Array; y: Float64Array } {
  const step = Math.max(1, Math.ceil(p.x.length / SAMPLE));
  const n = Math.ceil(p.x.length / step);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    x[k] = p.x[k * step];
    y[k] = p.y[k * step];
  }
  return { x, y };
}

const outside = (found: Int32Array) => found.reduce((n, z) => n + (z < 0 ? 1 : 0), 0);

/**
 * Whether a level's pupils look shifted against its zones, as when GCJ-02 (AMap) or BD-09 (Baidu)
 * positions are read as WGS84 (a systematic 100–700 m offset): at least 20% of the (sampled)
 * pupils lie outside every zone, and reading their positions as that system instead would put
 * most of them inside a zone and leave at most half as many outside. Gives the system that fits
 * best, or nothing.
 */
export function checkPupilShift(level: ZoneLevel, zones: ReadonlyMap<number, MultiPolygonCoords>, pupils: LevelPupils): ShiftedPupilsItem | undefined {
  if (zones.size === 0 || pupils.x.length === 0) return undefined;
  const { x, y } = sample(pupils);
  const before = outside(locatePoints(zones, x, y));
  if (before < MIN_OUTSIDE || before < MIN_OUTSIDE_SHARE * x.length) return undefined;
  let best: { crs: 'gcj02' | 'bd09'; after: number; x: Float64Array; y: Float64Array } | undefined;
  for (const crs of ['gcj02', 'bd09'] as const) {
    const cx = new Float64Array(x.length);
    const cy = new Float64Array(y.length);
    for (let i = 0; i < x.length; i++) [cx[i], cy[i]] = gcoord.transform([x[i], y[i]], SYSTEMS[crs], gcoord.WGS84);
    const after = outside(locatePoints(zones, cx, cy));
    if (after * 2 <= before && after * 2 < x.length && (!best || after < best.after)) best = { crs, after, x: cx, y: cy };
  }
  if (!best) return undefined;
  const located = locatePoints(zones, x, y);
  const points: [number, number][] = [];
  for (let i = 0; i < x.length && points.length < 500; i++) if (located[i] < 0) points.push([x[i], y[i]]);
  return {
    kind: 'shiftedPupils',
    severity: 'warning',
    level,
    schools: [],
    crs: best.crs,
    sampled: x.length,
    outside: before,
    outsideAsCrs: best.after,
    geometry: { type: 'MultiPoint', coordinates: points },
  };
}
