import { union } from 'polyclip-ts';
import type { School } from '../dataset';
import type { OverlapRule, ZoneLevel } from '../rules';
import type { MultiPolygonCoords } from '../zoneState';
import { gapPolygons, unionOfZones } from './gaps';
import type { LevelPupils } from './levelPupils';
import { pairwiseOverlaps } from './overlaps';
import { areaM2, keepPieces, type NoiseLimits } from './pieces';
import { locatePoints } from './pointLocation';
import { pupilsBeyondCounty } from './beyondCounty';
import type { GapItem, IgnoredPieces, OverlapItem, PupilsOutsideItem } from './types';

/** What the geometric checks of one level need. */
export interface LevelGeometryInput {
  level: ZoneLevel;
  schools: readonly School[];
  /** School index → the polygons of its usable zone features. */
  zones: ReadonlyMap<number, MultiPolygonCoords>;
  /** Schools whose zone came from several features (their polygons are merged first). */
  multiFeature: ReadonlySet<number>;
  /** Whether some zone of the level crosses itself (its turf area is then unreliable). */
  selfIntersecting: boolean;
  /** Which zone a pupil in several goes to. */
  overlapRule: OverlapRule;
  county: MultiPolygonCoords;
  pupils: LevelPupils;
  /** The pupils' files by pupils.file's index, when several; else the one file's name. */
  pupilFiles?: readonly string[];
  pupilsFile: string;
  limits: NoiseLimits;
  maxLines: number;
}

/** The level's findings and the pieces left out as noise. */
export interface LevelGeometryResult {
  items: (GapItem | OverlapItem | PupilsOutsideItem)[];
  ignoredGaps: IgnoredPieces;
  ignoredOverlaps: IgnoredPieces;
}

/**
 * Most homes a pupilsOutside item carries for the map, spread evenly over them: a million pupils
 * outside a zone would otherwise cross to the page as a million coordinate pairs.
 */
export const MAX_OUTSIDE_POINTS = 5000;

/** At most `max` of `rows`, spread evenly from the first. */
const spread = (rows: number[], max: number) => (rows.length <= max ? rows : Array.from({ length: max }, (_, k) => rows[Math.floor((k * rows.length) / max)]));

const ref = (schools: readonly School[], s: number) => ({ id: schools[s].id, name: schools[s].name });
const pairKey = (a: number, b: number) => (a < b ? `${a},${b}` : `${b},${a}`);

/**
 * Gaps (with their area in m² and the pupils living there), overlaps between pairs of zones (area,
 * the pupils living in both and which school the overlap rule gives them to), and the pupils
 * outside every zone of one level — all placed as the engine places them.
 */
export function checkLevelGeometry(input: LevelGeometryInput): LevelGeometryResult {
  const { level, schools, pupils, limits } = input;
  const zones = new Map<number, MultiPolygonCoords>();
  for (const [s, polygons] of input.zones) {
    zones.set(s, input.multiFeature.has(s) ? (union(polygons) as MultiPolygonCoords) : polygons);
  }
  const result: LevelGeometryResult = { items: [], ignoredGaps: { count: 0, areaM2: 0 }, ignoredOverlaps: { count: 0, areaM2: 0 } };
  const zoneUnion = unionOfZones([...zones.values()]);

  // Pupils are placed on the features' own polygons, as the engine places them (same areas, same ranks).
  const sharedBy = new Map<string, { pupils: number; to: Map<number, number> }>();
  const zoneOf = locatePoints(input.zones, pupils.x, pupils.y, input.overlapRule, (_, keys) => {
    for (let a = 0; a < keys.length; a++) {
      for (let b = a + 1; b < keys.length; b++) {
        const key = pairKey(keys[a], keys[b]);
        const pair = sharedBy.get(key) ?? { pupils: 0, to: new Map<number, number>() };
        pair.pupils++;
        pair.to.set(keys[0], (pair.to.get(keys[0]) ?? 0) + 1);
        sharedBy.set(key, pair);
      }
    }
  });
  const outside: number[] = [];
  for (let i = 0; i < zoneOf.length; i++) if (zoneOf[i] < 0) outside.push(i);
  const outX = Float64Array.from(outside, (i) => pupils.x[i]);
  const outY = Float64Array.from(outside, (i) => pupils.y[i]);

  const gaps = keepPieces(gapPolygons(zoneUnion, input.county), limits, result.ignoredGaps);
  const gapOf = locatePoints(new Map(gaps.map((g, k) => [k, [g.polygon]])), outX, outY);
  const inGap = new Array<number>(gaps.length).fill(0);
  for (const k of gapOf) if (k >= 0) inGap[k]++;
  gaps.forEach((g, k) => {
    result.items.push({
      kind: 'gap', severity: inGap[k] > 0 ? 'error' : 'warning', level, schools: [], areaM2: g.areaM2, pupils: inGap[k],
      geometry: { type: 'Polygon', coordinates: g.polygon },
    });
  });

  // The zones' areas add up to their union's exactly when no two share land, so pairs are
  // intersected only when they do not; a self-crossing ring's turf area is not the land it covers.
  const sum = [...zones.values()].reduce((a, polygons) => a + areaM2(polygons), 0);
  if (input.selfIntersecting || sum - areaM2(zoneUnion) > limits.minAreaM2) {
    for (const pair of pairwiseOverlaps(zones)) {
      const kept = keepPieces(pair.polygons, limits, result.ignoredOverlaps);
      if (kept.length === 0) continue;
      const polygons = kept.map((k) => k.polygon);
      const shared = sharedBy.get(pairKey(pair.a, pair.b));
      result.items.push({
        kind: 'overlap', severity: 'error', level, schools: [ref(schools, pair.a), ref(schools, pair.b)],
        areaM2: kept.reduce((a, k) => a + k.areaM2, 0), pupils: shared?.pupils ?? 0,
        assigned: [...(shared?.to ?? [])].sort((a, b) => b[1] - a[1]).map(([s, n]) => ({ school: ref(schools, s), pupils: n })),
        geometry: { type: 'MultiPolygon', coordinates: polygons },
      });
    }
  }

  if (outside.length > 0) {
    const beyondCounty = pupilsBeyondCounty(outside, pupils, input.county, input.pupilFiles, input.pupilsFile, input.maxLines);
    result.items.push({
      kind: 'pupilsOutside', severity: 'error', level, schools: [], pupils: outside.length,
      lines: outside.slice(0, input.maxLines).map((i) => pupils.line[i]),
      geometry: { type: 'MultiPoint', coordinates: spread(outside, MAX_OUTSIDE_POINTS).map((i) => [pupils.x[i], pupils.y[i]]) },
      ...(beyondCounty && { beyondCounty }),
    });
  }
  return result;
}
