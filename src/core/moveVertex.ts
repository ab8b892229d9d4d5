import { differenceOf, intersectionOf } from './clip';
import { boxOf, checkedGeometry, clipToCounty, overlaps } from './editGeometry';
import { EditError, type EditContext, type MoveVertexEdit } from './editTypes';
import type { ZoneLevel } from './rules';
import { editableZoneName, editableZones, withEditedZones } from './sharedZoneEdits';
import type { MultiPolygonCoords, ZoneState } from './zoneState';

/** Vertices closer than this (degrees, ~0.1 mm) are the same point. */
const SAME_POINT = 1e-9;

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
 * moveVertex: the zones sharing the point move it together; each moved zone is checked and clipped
 * to the county. Only the land between the point's old and new edges changes hands: what a moved
 * zone gains is taken out of the moved zones after it and of every other zone it lay in, and what a
 * moved zone gives up and no other gains is a gap (reported, as for setZone). Everywhere else the
 * zones stay as they were, overlaps and nested zones included. The school's own zone, or a zone it
 * shares with others, must have a vertex at the point.
 */
export function applyMoveVertex(state: ZoneState, edit: MoveVertexEdit, level: ZoneLevel, school: number, ctx: EditContext): ZoneState {
  if (!isPoint(edit.from) || !isPoint(edit.to)) throw new EditError('badPoint');
  const current = editableZones(state, level);
  const zones = new Map(current);
  const shares = [...state.shared[level].values()].map((z, k) => (z.schools.includes(school) ? -1 - k : 0)).filter((k) => k < 0);
  const own = [school, ...shares].some((k) => current.has(k) && withVertexMoved(current.get(k)!, edit.from, edit.from));
  if (!own) throw new EditError('noVertex', { school: ctx.schools[school].name, level, at: edit.from.join(', ') });
  const name = (s: number) => editableZoneName(state, level, s, ctx);
  const movedZones: [number, MultiPolygonCoords][] = [];
  for (const [s, zone] of current) {
    const moved = withVertexMoved(zone, edit.from, edit.to);
    if (!moved) continue;
    if (state.locked[level].has(s)) throw new EditError('vertexOnLocked', { school: name(s), level });
    const subject = { schoolZone: name(s) };
    movedZones.push([s, clipToCounty(checkedGeometry({ type: 'MultiPolygon', coordinates: moved }, subject), ctx, subject)]);
  }
  const gains: MultiPolygonCoords[] = [];
  for (const [s, zone] of movedZones) {
    const rest = gains.length > 0 ? differenceOf(zone, ...gains) : zone;
    if (rest.length === 0) zones.delete(s);
    else zones.set(s, rest);
    const gain = differenceOf(zone, current.get(s)!);
    if (gain.length > 0) gains.push(gain);
  }
  const movedSet = new Set(movedZones.map(([s]) => s));
  for (const [s, zone] of current) {
    if (movedSet.has(s)) continue;
    const box = boxOf(zone);
    const over = gains.filter((g) => overlaps(box, boxOf(g)) && intersectionOf(zone, g).length > 0);
    if (over.length === 0) continue;
    if (state.locked[level].has(s)) throw new EditError('moveReachesLocked', { school: name(s), level });
    const rest = differenceOf(zone, ...over);
    if (rest.length === 0) zones.delete(s);
    else zones.set(s, rest);
  }
  return withEditedZones(state, level, zones);
}
