import type { PupilTable, School } from './dataset';
import { ZONE_LEVELS, type Rules, type ZoneLevel } from './rules';
import { computeFreePlaces, computeSharedWeights, drawSharedZone, hashText, type SharedPupil } from './sharedLottery';
import type { MultiPolygonCoords, ZoneState } from './zoneState';

/**
 * Zone ids of the shared zones a run has met: the k-th is schoolCount + k, so in the zone grid a
 * shared zone is one more zone with a pseudo school row (ZoneSet.zoneSchool). Ids are given in the
 * order met and never reused, so they stay valid across a run's states.
 */
export interface SharedZoneIds {
  schoolCount: number;
  groups: { level: ZoneLevel; key: string; schools: number[] }[];
  byKey: Map<string, number>;
}

/** No shared zone met yet. */
export function createSharedZoneIds(schoolCount: number): SharedZoneIds {
  return { schoolCount, groups: [], byKey: new Map() };
}

/** The id of a level's shared zone `key` (given its schools), registered when new. */
export function sharedZoneId(ids: SharedZoneIds, level: ZoneLevel, key: string, schools: number[]): number {
  const k = `${level}|${key}`;
  let id = ids.byKey.get(k);
  if (id === undefined) {
    id = ids.schoolCount + ids.groups.length;
    ids.byKey.set(k, id);
    ids.groups.push({ level, key, schools });
  }
  return id;
}

/** Registers every shared zone of a state (primary, then junior, each in the state's order). */
export function registerSharedZones(ids: SharedZoneIds, state: ZoneState): void {
  for (const level of ZONE_LEVELS) for (const [key, zone] of state.shared[level]) sharedZoneId(ids, level, key, zone.schools);
}

/**
 * One level's zones by zone id, in the overlap rule's file order: the single-school zones (id =
 * school index) in the state's order, then the shared zones (registered in `ids`).
 */
export function zonesById(state: ZoneState, level: ZoneLevel, ids: SharedZoneIds): Map<number, MultiPolygonCoords> {
  const zones = new Map(state.zones[level]);
  for (const [key, zone] of state.shared[level]) zones.set(sharedZoneId(ids, level, key, zone.schools), zone.polygons);
  return zones;
}

/**
 * A shared zone's pupils by school: per school of the zone (ascending index), its lottery weight,
 * the pupils enrolled there who keep it, and those the lottery gave it. Pupils are those living in
 * the zone; a unit assigned to a school takes its pupils wherever they were drawn.
 */
export interface SharedZoneResult {
  level: ZoneLevel;
  schoolIds: string[];
  weights: number[];
  kept: number[];
  drawn: number[];
}

/** The shared zones of a level resolved: their pupils by school, and the rows of every pupil living in one. */
export interface SharedResolution {
  zones: SharedZoneResult[];
  rows: number[];
}

/**
 * Gives every pupil of a level living in a shared zone (zoneOf ≥ schoolCount) a school of that zone,
 * writing it into `out`, and returns the shared zones of the level in the state's order with their
 * pupils by school. Per zone: the weights of its schools (computeSharedWeights of their free places
 * for the level, computeFreePlaces with the pupils of their own single-school zones), then
 * drawSharedZone with the rules' seed. A function of the zone of every pupil of the level, the
 * state, the schools (as in effect) and the rules only, so a run from scratch and one reached by
 * edits agree.
 */
export function resolveSharedZones(
  level: ZoneLevel,
  state: ZoneState,
  ids: SharedZoneIds,
  pupils: PupilTable,
  zoneOf: Int32Array,
  schools: School[],
  rules: Rules,
  out: Int32Array,
): SharedResolution {
  if (state.shared[level].size === 0) return { zones: [], rows: [] };
  const k = ZONE_LEVELS.indexOf(level);
  const S = ids.schoolCount;
  const byZone = new Map<number, number[]>();
  const rows: number[] = [];
  // Pupils of each school's own zone, and those of each shared zone, in one pass.
  const own = new Int32Array(S);
  for (let i = pupils.segmentStart[k], to = pupils.segmentStart[k + 1]; i < to; i++) {
    const z = zoneOf[i];
    if (z < 0) continue;
    if (z < S) {
      own[z]++;
      continue;
    }
    rows.push(i);
    const list = byZone.get(z);
    if (list) list.push(i);
    else byZone.set(z, [i]);
  }
  const zones = [...state.shared[level]].map(([key, zone]) => {
    const id = sharedZoneId(ids, level, key, zone.schools);
    const free = zone.schools.map((s) => computeFreePlaces(schools[s], own[s], level, rules));
    const weights = computeSharedWeights(free, rules.sharedZoneWeights);
    const list = byZone.get(id) ?? [];
    const members: SharedPupil[] = list.map((i) => ({ grade: pupils.grade[i], line: pupils.line[i], current: pupils.currentSchool[i] }));
    const label = hashText(zone.schools.map((s) => schools[s].id).join(','));
    const draw = drawSharedZone(zone.schools, weights, label, rules.sharedZoneSeed, members);
    list.forEach((i, m) => (out[i] = draw.school[m]));
    return { level, schoolIds: zone.schools.map((s) => schools[s].id), weights, kept: draw.kept, drawn: draw.drawn };
  });
  return { zones, rows };
}
