import type { MultiPolygon, Polygon } from 'geojson';
import { area as turfArea, kinks } from '@turf/turf';
import { difference, intersection, union } from 'polyclip-ts';
import { FACILITY_FIELDS, type School } from './dataset';
import { teachesLevel, ZONE_LEVELS, type ZoneLevel } from './rules';
import { describeEditProblem, type EditProblemCode, type EditProblemParams, type EditSubject } from './editProblems';
import type { MultiPolygonCoords, ZoneState } from './zoneState';

/** Give an area to a school: it leaves the zones it covered and joins the school's zone. */
export interface AssignAreaEdit {
  op: 'assignArea';
  level: ZoneLevel;
  schoolId: string;
  area: Polygon | MultiPolygon;
}

/** Make a geometry a school's whole zone: taken out of every other zone; what it leaves is a gap. */
export interface SetZoneEdit {
  op: 'setZone';
  level: ZoneLevel;
  schoolId: string;
  geometry: Polygon | MultiPolygon;
}

/** Assign units (compounds, villages) to a school, whatever zone they lie in. */
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
export type ZoneEdit = AssignAreaEdit | SetZoneEdit | AssignUnitsEdit | MergeZonesEdit | LockZoneEdit | MoveVertexEdit | SetFacilitiesEdit;

export const EDIT_OPS = ['assignArea', 'setZone', 'assignUnits', 'mergeZones', 'lockZone', 'moveVertex', 'setFacilities'] as const;

const FACILITY_KEYS = new Set<string>(['classrooms', ...FACILITY_FIELDS, ...FACILITY_FIELDS.flatMap((f) => [`primary_${f}`, `junior_${f}`])]);

/** Vertices closer than this (degrees, ~0.1 mm) are the same point. */
const SAME_POINT = 1e-9;

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
}

type Box = [number, number, number, number];

function boxOf(m: MultiPolygonCoords): Box {
  const b: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of m) {
    for (const [x, y] of polygon[0] ?? []) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  }
  return b;
}

const overlaps = (a: Box, b: Box) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Checks a drawn or imported geometry and returns it as MultiPolygon coordinates. */
function checkedGeometry(g: unknown, what: EditSubject): MultiPolygonCoords {
  const geometry = g as Polygon | MultiPolygon | undefined;
  if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') throw new EditError('notPolygon', { what });
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) throw new EditError('empty', { what });
  const out: MultiPolygonCoords = polygons.map((polygon) => {
    if (!Array.isArray(polygon) || polygon.length === 0) throw new EditError('noRings', { what });
    return polygon.map((ring) => {
      if (!Array.isArray(ring) || ring.some((p) => !Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1]) || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90)) {
        throw new EditError('badCoordinate', { what });
      }
      const closed: [number, number][] = ring.map((p) => [p[0], p[1]]);
      const [first, last] = [closed[0], closed[closed.length - 1]];
      if (first[0] !== last[0] || first[1] !== last[1]) closed.push([first[0], first[1]]);
      if (closed.length < 4) throw new EditError('shortRing', { what });
      return closed;
    });
  });
  const feature = { type: 'Feature' as const, properties: {}, geometry: { type: 'MultiPolygon' as const, coordinates: out } };
  const crossing = kinks(feature).features[0];
  if (crossing) {
    const [x, y] = crossing.geometry.coordinates;
    throw new EditError('selfIntersecting', { what, at: `${x.toFixed(5)}, ${y.toFixed(5)}` });
  }
  if (turfArea(feature) < 1) throw new EditError('noArea', { what });
  return out;
}

function checkedTarget(edit: { level: unknown; schoolId: unknown }, ctx: EditContext): { level: ZoneLevel; school: number } {
  if (!ZONE_LEVELS.includes(edit.level as ZoneLevel)) throw new EditError('badLevel', { got: JSON.stringify(edit.level) });
  const level = edit.level as ZoneLevel;
  const school = ctx.schoolIndex.get(String(edit.schoolId));
  if (school === undefined) throw new EditError('unknownSchool', { id: String(edit.schoolId) });
  const s = ctx.schools[school];
  if (s.ownership === 'private') throw new EditError('privateSchool', { school: s.name });
  if (!teachesLevel(s.level, level)) throw new EditError('wrongLevel', { school: s.name, level });
  return { level, school };
}

function clipToCounty(m: MultiPolygonCoords, ctx: EditContext, what: EditSubject): MultiPolygonCoords {
  if (!ctx.county) return m;
  const clipped = intersection(m, ctx.county) as MultiPolygonCoords;
  if (clipped.length === 0) throw new EditError('outsideCounty', { what });
  return clipped;
}

/**
 * Applies one edit to a zone state and returns the new state (the old one is untouched, so a
 * failed edit changes nothing and undo is keeping the old state). Locked zones are left as they
 * are: an area drawn over one skips it, and an edit that would change one is refused. Zones of a
 * level that were a partition stay one: area only moves between zones, or leaves them as a
 * reported gap (setZone, moveVertex).
 * Throws EditError on an edit that names an unknown school, unit or level, a school that cannot take
 * the zone, or a geometry that is empty, self-intersecting, without area or outside the county.
 */
export function applyZoneEdit(state: ZoneState, edit: ZoneEdit, ctx: EditContext): ZoneState {
  if (!EDIT_OPS.includes((edit as { op: string })?.op as ZoneEdit['op'])) throw new EditError('unknownOp', { op: JSON.stringify((edit as { op?: unknown })?.op), ops: EDIT_OPS.join(', ') });
  if (edit.op === 'setFacilities') return setFacilities(state, edit, ctx);
  const { level, school } = checkedTarget(edit, ctx);
  const locked = state.locked[level];
  const name = (s: number) => ctx.schools[s].name;
  if (edit.op === 'lockZone') {
    if (!state.zones[level].has(school)) throw new EditError('noZoneToLock', { school: name(school), level });
    const next = new Set(locked);
    if (edit.locked) next.add(school);
    else next.delete(school);
    return { ...state, locked: { ...state.locked, [level]: next } };
  }
  if (edit.op !== 'assignUnits' && locked.has(school)) throw new EditError('locked', { school: name(school), level });
  if (edit.op === 'mergeZones') {
    const from = checkedTarget({ level, schoolId: edit.fromSchoolId }, ctx).school;
    const zone = state.zones[level].get(from);
    if (from === school) throw new EditError('mergeSelf');
    if (!zone) throw new EditError('noZoneToMerge', { school: name(from), level });
    if (locked.has(from)) throw new EditError('locked', { school: name(from), level });
    const zones = new Map(state.zones[level]);
    const own = zones.get(school);
    zones.set(school, own ? (union(own, zone) as MultiPolygonCoords) : zone);
    zones.delete(from);
    return { ...state, zones: { ...state.zones, [level]: zones } };
  }
  if (edit.op === 'moveVertex') return moveVertex(state, edit, level, school, ctx);
  if (edit.op === 'assignUnits') {
    if (!Array.isArray(edit.unitIds) || edit.unitIds.length === 0) throw new EditError('noUnits');
    const unitSchool = new Map(state.unitSchool[level]);
    for (const id of edit.unitIds) {
      const unit = ctx.unitIndex.get(String(id));
      if (unit === undefined) throw new EditError('unknownUnit', { id: String(id) });
      unitSchool.set(unit, school);
    }
    return { ...state, unitSchool: { ...state.unitSchool, [level]: unitSchool } };
  }
  const zones = new Map(state.zones[level]);
  if (edit.op === 'assignArea') {
    // Not clipped to the county: only the pieces of zones (inside it already) move.
    const area = checkedGeometry(edit.area, 'area');
    const box = boxOf(area);
    const gained: MultiPolygonCoords[] = [];
    for (const [s, zone] of state.zones[level]) {
      // A locked zone keeps its area: the part of the drawn area over it is left out.
      if (s === school || locked.has(s) || !overlaps(box, boxOf(zone))) continue;
      const piece = intersection(zone, area) as MultiPolygonCoords;
      if (piece.length === 0) continue;
      gained.push(piece);
      const rest = difference(zone, area) as MultiPolygonCoords;
      if (rest.length === 0) zones.delete(s);
      else zones.set(s, rest);
    }
    if (gained.length === 0) {
      const own = state.zones[level].get(school);
      if (own && intersection(own, area).length > 0) return state;
      clipToCounty(area, ctx, 'area');
      throw new EditError('coversNoZone');
    }
    const own = state.zones[level].get(school);
    zones.set(school, union(own ?? gained[0], ...(own ? gained : gained.slice(1))) as MultiPolygonCoords);
  } else {
    const geometry = clipToCounty(checkedGeometry(edit.geometry, 'zone'), ctx, 'zone');
    const box = boxOf(geometry);
    for (const [s, zone] of state.zones[level]) {
      if (s === school || !overlaps(box, boxOf(zone)) || intersection(zone, geometry).length === 0) continue;
      if (locked.has(s)) throw new EditError('overlapsLocked', { school: name(s), level });
      const rest = difference(zone, geometry) as MultiPolygonCoords;
      if (rest.length === 0) zones.delete(s);
      else zones.set(s, rest);
    }
    zones.set(school, geometry);
  }
  return { ...state, zones: { ...state.zones, [level]: zones } };
}

function isPoint(p: unknown): p is [number, number] {
  return Array.isArray(p) && Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;
}

/** The zone with every vertex at `from` moved to `to`, or undefined when it has none there. */
function withVertexMoved(zone: MultiPolygonCoords, from: [number, number], to: [number, number]): MultiPolygonCoords | undefined {
  let found = false;
  const moved = zone.map((polygon) =>
    polygon.map((ring) =>
      ring.map(([x, y]): [number, number] => {
        if (Math.abs(x - from[0]) > SAME_POINT || Math.abs(y - from[1]) > SAME_POINT) return [x, y];
        found = true;
        return [to[0], to[1]];
      }),
    ),
  );
  return found ? moved : undefined;
}

/**
 * moveVertex: the zones sharing the point move it together; each moved zone is checked, clipped to
 * the county, and taken out of the zones after it and of every other zone it now overlaps, so the
 * level stays free of overlaps; area no zone keeps any more is a gap (reported, as for setZone).
 */
function moveVertex(state: ZoneState, edit: MoveVertexEdit, level: ZoneLevel, school: number, ctx: EditContext): ZoneState {
  if (!isPoint(edit.from) || !isPoint(edit.to)) throw new EditError('badPoint');
  const zones = new Map(state.zones[level]);
  const own = zones.get(school);
  if (!own || !withVertexMoved(own, edit.from, edit.from)) throw new EditError('noVertex', { school: ctx.schools[school].name, level, at: edit.from.join(', ') });
  const movedZones: [number, MultiPolygonCoords][] = [];
  for (const [s, zone] of state.zones[level]) {
    const moved = withVertexMoved(zone, edit.from, edit.to);
    if (!moved) continue;
    if (state.locked[level].has(s)) throw new EditError('vertexOnLocked', { school: ctx.schools[s].name, level });
    const subject = { schoolZone: ctx.schools[s].name };
    movedZones.push([s, clipToCounty(checkedGeometry({ type: 'MultiPolygon', coordinates: moved }, subject), ctx, subject)]);
  }
  const taken: MultiPolygonCoords[] = [];
  for (const [s, zone] of movedZones) {
    const rest = taken.length > 0 ? (difference(zone, ...taken) as MultiPolygonCoords) : zone;
    if (rest.length === 0) zones.delete(s);
    else zones.set(s, rest);
    taken.push(zone);
  }
  const movedSet = new Set(movedZones.map(([s]) => s));
  for (const [s, zone] of state.zones[level]) {
    if (movedSet.has(s)) continue;
    const box = boxOf(zone);
    const over = taken.filter((m) => overlaps(box, boxOf(m)) && intersection(zone, m).length > 0);
    if (over.length === 0) continue;
    if (state.locked[level].has(s)) throw new EditError('moveReachesLocked', { school: ctx.schools[s].name, level });
    const rest = difference(zone, ...over) as MultiPolygonCoords;
    if (rest.length === 0) zones.delete(s);
    else zones.set(s, rest);
  }
  return { ...state, zones: { ...state.zones, [level]: zones } };
}

/**
 * setFacilities: the values join those of an earlier change of the school in the scenario (the
 * later value of a field wins), and the latest `fromYear` given applies to them all.
 */
function setFacilities(state: ZoneState, edit: SetFacilitiesEdit, ctx: EditContext): ZoneState {
  const school = ctx.schoolIndex.get(String(edit.schoolId));
  if (school === undefined) throw new EditError('unknownSchool', { id: String(edit.schoolId) });
  const entries = Object.entries(edit.facilities ?? {});
  if (entries.length === 0) throw new EditError('noFacilities');
  for (const [key, value] of entries) {
    if (!FACILITY_KEYS.has(key)) throw new EditError('unknownFacility', { id: key });
    if (!Number.isFinite(value) || value < 0 || (key === 'classrooms' && !Number.isInteger(value))) {
      throw new EditError('badFacilityValue', { id: key, got: JSON.stringify(value) });
    }
  }
  if (edit.fromYear !== undefined && !Number.isInteger(edit.fromYear)) throw new EditError('badYear', { got: JSON.stringify(edit.fromYear) });
  const facilities = new Map(state.facilities);
  const earlier = facilities.get(school);
  facilities.set(school, { values: { ...earlier?.values, ...Object.fromEntries(entries) }, fromYear: edit.fromYear ?? earlier?.fromYear });
  return { ...state, facilities };
}
