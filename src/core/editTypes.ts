import type { MultiPolygon, Polygon } from 'geojson';
import type { School } from './dataset';
import { describeEditProblem, type EditProblemCode, type EditProblemParams } from './editProblems';
import type { ZoneLevel } from './rules';
import type { MultiPolygonCoords } from './zoneState';

/** Give an area to a school: it leaves the zones it covered and joins the school's zone. */
export interface AssignAreaEdit {
  op: 'assignArea';
  level: ZoneLevel;
  schoolId: string;
  area: Polygon | MultiPolygon;
}

/**
 * Give an area to several schools together (多校划片): it leaves the zones it covered and joins the
 * zone these schools share, made when they share none yet. At least two distinct schools.
 */
export interface ShareAreaEdit {
  op: 'shareArea';
  level: ZoneLevel;
  schoolIds: string[];
  area: Polygon | MultiPolygon;
}

/** Make a geometry a school's whole zone: taken out of every other zone; what it leaves is a gap. */
export interface SetZoneEdit {
  op: 'setZone';
  level: ZoneLevel;
  schoolId: string;
  geometry: Polygon | MultiPolygon;
}

/** Give units (compounds, villages) to a school: their areas (cells) leave the zones they lie in and join the school's zone. */
export interface AssignUnitsEdit {
  op: 'assignUnits';
  level: ZoneLevel;
  schoolId: string;
  unitIds: string[];
}

/** Merge another school's zone of the level into this school's zone. */
export interface MergeZonesEdit {
  op: 'mergeZones';
  level: ZoneLevel;
  schoolId: string;
  fromSchoolId: string;
}

/** Lock (or unlock) a school's zone against edits. */
export interface LockZoneEdit {
  op: 'lockZone';
  level: ZoneLevel;
  schoolId: string;
  locked: boolean;
}

/**
 * Move a boundary point: every zone of the level with a vertex at `from` (the school's zone among
 * them) moves it to `to`, so a shared edge stays one edge.
 */
export interface MoveVertexEdit {
  op: 'moveVertex';
  level: ZoneLevel;
  schoolId: string;
  from: [number, number];
  to: [number, number];
}

/**
 * Change a school's facilities (building, hiring): new values of `classrooms` and of facility
 * fields (section variants `primary_*` / `junior_*` too), in effect from `fromYear` (default: now).
 */
export interface SetFacilitiesEdit {
  op: 'setFacilities';
  schoolId: string;
  facilities: Record<string, number>;
  fromYear?: number;
}

/** One edit of a scenario, as stored in its JSON file. */
export type ZoneEdit = AssignAreaEdit | ShareAreaEdit | SetZoneEdit | AssignUnitsEdit | MergeZonesEdit | LockZoneEdit | MoveVertexEdit | SetFacilitiesEdit;

export const EDIT_OPS = ['assignArea', 'shareArea', 'setZone', 'assignUnits', 'mergeZones', 'lockZone', 'moveVertex', 'setFacilities'] as const;

/**
 * An edit that cannot be applied; nothing changed. `code` and `params` say why (see
 * describeEditProblem for either language); the message is the English text.
 */
export class EditError extends Error {
  constructor(
    readonly code: EditProblemCode,
    readonly params: EditProblemParams = {},
  ) {
    super(describeEditProblem(code, params, 'en'));
    this.name = 'EditError';
  }
}

/** What an edit needs to know about the dataset. */
export interface EditContext {
  schools: School[];
  schoolIndex: ReadonlyMap<string, number>;
  unitIndex: ReadonlyMap<string, number>;
  /** The county outline; areas are clipped to it when given. */
  county?: MultiPolygonCoords;
  /** Unit u's area (cell) at a level, empty when it has none (see src/core/units); assignUnits moves it. */
  unitArea?: (level: ZoneLevel, unit: number) => MultiPolygonCoords;
}
