import type { FeatureCollection, MultiPolygon } from 'geojson';
import { difference, intersection } from 'polyclip-ts';
import type { Dataset } from '../src/core/dataset';
import { boxOf, overlaps } from '../src/core/editGeometry';
import type { EditProblem } from '../src/core/editProblems';
import type { ProjectionNote } from '../src/core/projection';
import { ZONE_LEVELS, type ZoneLevel } from '../src/core/rules';
import type { ProjectionSettings, ScenarioRules } from '../src/core/scenarioRules';
import type { SimulationResult } from '../src/core/simulation';
import type { StandardsResult } from '../src/core/standards';
import type { ZoneEdit } from '../src/core/zoneEdits';
import type { MultiPolygonCoords, ZoneState } from '../src/core/zoneState';
import { SHARED_SEPARATOR } from '../src/io/zoneFeatures';
import type { MovedDistance, YearDistance } from '../src/core/distance';

/** A scenario to project: its edits from the dataset's own zoning, its rules and settings. */
export interface ScenarioRequest {
  key: string;
  edits: ZoneEdit[];
  rules: ScenarioRules;
  settings: ProjectionSettings;
}

/** One projected year as the app shows it. */
export interface YearView {
  year: number;
  result: SimulationResult;
  standards: StandardsResult;
  /** How far the projected pupils go that year, per level (就近入学). */
  distance?: YearDistance['levels'];
}

/** A scenario's projection, small enough to hand to the page. */
export interface ProjectionView {
  key: string;
  baseYear: number;
  intake: 'births' | 'repeat';
  notes: ProjectionNote[];
  years: YearView[];
  /** Pupils of the base year whose school differs from the dataset's own zoning (edits in full effect). */
  pupilsMoved: number;
  /** Those pupils' distances before and after, per level, by compound (就近入学). */
  movedDistance?: MovedDistance[];
  /** Whether the distances go by road. */
  byRoad?: boolean;
}

/** A request that could not be projected: an edit of it is refused (index from 0). */
export interface ProjectionRefusal {
  key: string;
  problem: EditProblem;
  index: number;
}

/**
 * The areas whose school differs between the dataset's zoning and `state`, per level: pieces of each
 * changed zone that another school (or none) held before, as features with `level`, `from` and `to`
 * school ids (`from` null where no zone was; a shared zone's ids joined by 、).
 */
export function computeChangedAreas(dataset: Dataset, state: ZoneState): FeatureCollection<MultiPolygon> {
  const features: FeatureCollection<MultiPolygon>['features'] = [];
  const id = (key: string) => key.split(',').map((s) => dataset.schools[Number(s)].id).join(SHARED_SEPARATOR);
  for (const level of ZONE_LEVELS) changedAreasOfLevel(dataset.zoneState, state, level, (from, to, geometry) => {
    features.push({ type: 'Feature', properties: { level, from: from === undefined ? null : id(from), to: id(to) }, geometry: { type: 'MultiPolygon', coordinates: geometry } });
  });
  return { type: 'FeatureCollection', features };
}

/** A level's zones keyed by their schools' indexes: "3" for a school's own, "3,7" for a shared one. */
function zonesByKey(state: ZoneState, level: ZoneLevel): Map<string, MultiPolygonCoords> {
  const zones = new Map([...state.zones[level]].map(([s, zone]) => [String(s), zone]));
  for (const [key, zone] of state.shared[level]) zones.set(key, zone.polygons);
  return zones;
}

function changedAreasOfLevel(before: ZoneState, after: ZoneState, level: ZoneLevel, emit: (from: string | undefined, to: string, g: MultiPolygonCoords) => void): void {
  const old = zonesByKey(before, level);
  for (const [s, zone] of zonesByKey(after, level)) {
    const previous = old.get(s);
    if (previous === zone) continue;
    let gained = (previous ? difference(zone, previous) : zone) as MultiPolygonCoords;
    if (gained.length === 0) continue;
    const box = boxOf(gained);
    for (const [t, other] of old) {
      if (t === s || gained.length === 0 || !overlaps(box, boxOf(other))) continue;
      const piece = intersection(gained, other) as MultiPolygonCoords;
      if (piece.length === 0) continue;
      emit(t, s, piece);
      gained = difference(gained, piece) as MultiPolygonCoords;
    }
    if (gained.length > 0) emit(undefined, s, gained);
  }
}

