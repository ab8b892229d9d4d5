import { differenceOf, intersectionOf, unionOf } from './clip';
import { boxOf, checkedGeometry, clipToCounty, overlaps } from './editGeometry';
import { EDIT_OPS, EditError, type AssignUnitsEdit, type EditContext, type ZoneEdit } from './editTypes';
import { applySetFacilities } from './facilityEdit';
import { applyMoveVertex } from './moveVertex';
import { teachesLevel, ZONE_LEVELS, type ZoneLevel } from './rules';
import { editableZones, sharedEditKey, withEditedZones } from './sharedZoneEdits';
import { sharedZoneKey, type MultiPolygonCoords, type ZoneState } from './zoneState';

export * from './editTypes';

function checkedTarget(edit: { level: unknown; schoolId: unknown }, ctx: EditContext): { level: ZoneLevel; school: number } {
  if (!ZONE_LEVELS.includes(edit.level as ZoneLevel)) throw new EditError('badLevel', { got: JSON.stringify(edit.level) ?? 'undefined' });
  const level = edit.level as ZoneLevel;
  const school = ctx.schoolIndex.get(String(edit.schoolId));
  if (school === undefined) throw new EditError('unknownSchool', { id: String(edit.schoolId) });
  const s = ctx.schools[school];
  if (s.ownership === 'private') throw new EditError('privateSchool', { school: s.name });
  if (!teachesLevel(s.level, level)) throw new EditError('wrongLevel', { school: s.name, level });
  return { level, school };
}

/** The schools of a shareArea edit: each checked as a zone's school, at least two distinct, ascending. */
function checkedSchools(edit: { level: unknown; schoolIds: unknown }, ctx: EditContext): { level: ZoneLevel; schools: number[] } {
  const ids = Array.isArray(edit.schoolIds) ? edit.schoolIds : [];
  const checked = ids.map((schoolId) => checkedTarget({ level: edit.level, schoolId }, ctx));
  const schools = [...new Set(checked.map((c) => c.school))].sort((a, b) => a - b);
  if (schools.length < 2) throw new EditError('tooFewSchools');
  return { level: checked[0].level, schools };
}

/**
 * Gives `area` to the zone of editable key `target` (see editableZones): the pieces of every other
 * unlocked zone of the level under it move to the target zone. `added` makes the target a new
 * shared zone.
 */
function giveArea(state: ZoneState, level: ZoneLevel, target: number, area: MultiPolygonCoords, ctx: EditContext, added?: Parameters<typeof withEditedZones>[3]): ZoneState {
  const current = editableZones(state, level);
  const zones = new Map(current);
  const box = boxOf(area);
  const gained: MultiPolygonCoords[] = [];
  for (const [s, zone] of current) {
    // A locked zone keeps its area: the part of the drawn area over it is left out.
    if (s === target || state.locked[level].has(s) || !overlaps(box, boxOf(zone))) continue;
    const piece = intersectionOf(zone, area);
    if (piece.length === 0) continue;
    gained.push(piece);
    const rest = differenceOf(zone, area);
    if (rest.length === 0) zones.delete(s);
    else zones.set(s, rest);
  }
  const own = current.get(target);
  if (gained.length === 0) {
    if (own && intersectionOf(own, area).length > 0) return state;
    clipToCounty(area, ctx, 'area');
    throw new EditError('coversNoZone');
  }
  zones.set(target, unionOf(...(own ? [own, ...gained] : gained)));
  return withEditedZones(state, level, zones, added);
}

/**
 * Gives units to a school: their cells (src/core/units, built on the loaded zones) leave every
 * unlocked zone they lie in and join the school's zone — the same move as assignArea with the
 * cells as the area, so the zones show the new boundary and pupils follow the geometry. A part of
 * a cell in a locked zone stays; a unit with no cell at the level is refused.
 */
function applyAssignUnits(state: ZoneState, edit: AssignUnitsEdit, level: ZoneLevel, school: number, ctx: EditContext): ZoneState {
  if (!Array.isArray(edit.unitIds) || edit.unitIds.length === 0) throw new EditError('noUnits');
  const areas = edit.unitIds.map((id) => {
    const unit = ctx.unitIndex.get(String(id));
    if (unit === undefined) throw new EditError('unknownUnit', { id: String(id) });
    const area = ctx.unitArea?.(level, unit) ?? [];
    if (area.length === 0) throw new EditError('unitWithoutArea', { id: String(id), level });
    return area;
  });
  const area = areas.length === 1 ? areas[0] : unionOf(areas[0], ...areas.slice(1));
  try {
    return giveArea(state, level, school, area, ctx);
  } catch (e) {
    if (!(e instanceof EditError) || e.code !== 'coversNoZone') throw e;
    const box = boxOf(area);
    for (const s of state.locked[level]) {
      const zone = state.zones[level].get(s);
      if (zone && overlaps(box, boxOf(zone)) && intersectionOf(zone, area).length > 0) throw new EditError('unitsInLocked', { school: ctx.schools[s].name, level });
    }
    throw e;
  }
}

/**
 * Applies one edit to a zone state and returns the new state (the old one is untouched, so a
 * failed edit changes nothing and undo is keeping the old state). Locked zones are left as they
 * are: an area drawn over one skips it, and an edit that would change one is refused. Zones of a
 * level that were a partition stay one: area only moves between zones (shared zones included), or
 * leaves them as a reported gap (setZone, moveVertex). A shared zone is never locked.
 * Throws EditError on an edit that names an unknown school, unit or level, a school that cannot take
 * the zone, or a geometry that is empty, self-intersecting, without area or outside the county.
 */
export function applyZoneEdit(state: ZoneState, edit: ZoneEdit, ctx: EditContext): ZoneState {
  if (!EDIT_OPS.includes((edit as { op: string })?.op as ZoneEdit['op'])) throw new EditError('unknownOp', { op: JSON.stringify((edit as { op?: unknown })?.op), ops: EDIT_OPS.join(', ') });
  if (edit.op === 'setFacilities') return applySetFacilities(state, edit, ctx);
  if (edit.op === 'shareArea') {
    // Not clipped to the county: only the pieces of zones (inside it already) move.
    const { level, schools } = checkedSchools(edit, ctx);
    const area = checkedGeometry(edit.area, 'area');
    const key = sharedZoneKey(schools);
    const target = sharedEditKey(state, level, key);
    return giveArea(state, level, target, area, ctx, state.shared[level].has(key) ? undefined : { editKey: target, key, schools });
  }
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
  if (locked.has(school)) throw new EditError('locked', { school: name(school), level });
  if (edit.op === 'mergeZones') {
    const from = checkedTarget({ level, schoolId: edit.fromSchoolId }, ctx).school;
    const zone = state.zones[level].get(from);
    if (from === school) throw new EditError('mergeSelf');
    if (!zone) throw new EditError('noZoneToMerge', { school: name(from), level });
    if (locked.has(from)) throw new EditError('locked', { school: name(from), level });
    const zones = new Map(state.zones[level]);
    const own = zones.get(school);
    zones.set(school, own ? unionOf(own, zone) : zone);
    zones.delete(from);
    return { ...state, zones: { ...state.zones, [level]: zones } };
  }
  if (edit.op === 'moveVertex') return applyMoveVertex(state, edit, level, school, ctx);
  if (edit.op === 'assignUnits') return applyAssignUnits(state, edit, level, school, ctx);
  // Not clipped to the county: only the pieces of zones (inside it already) move.
  if (edit.op === 'assignArea') return giveArea(state, level, school, checkedGeometry(edit.area, 'area'), ctx);
  const geometry = clipToCounty(checkedGeometry(edit.geometry, 'zone'), ctx, 'zone');
  const box = boxOf(geometry);
  const current = editableZones(state, level);
  const zones = new Map(current);
  for (const [s, zone] of current) {
    if (s === school || !overlaps(box, boxOf(zone)) || intersectionOf(zone, geometry).length === 0) continue;
    if (locked.has(s)) throw new EditError('overlapsLocked', { school: name(s), level });
    const rest = differenceOf(zone, geometry);
    if (rest.length === 0) zones.delete(s);
    else zones.set(s, rest);
  }
  zones.set(school, geometry);
  return withEditedZones(state, level, zones);
}
