import { difference, intersection } from 'polyclip-ts';
import { boxOf, checkedGeometry, clipToCounty, overlaps } from './editGeometry';
import { EditError, type EditContext, type MoveVertexEdit } from './editTypes';
import type { ZoneLevel } from './rules';
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
 * moveVertex: the zones sharing the point move it together; each moved zone is checked, clipped to
 * the county, and taken out of the zones after it and of every other zone it now overlaps, so the
 * level stays free of overlaps; area no zone keeps any more is a gap (reported, as for setZone).
 */
export function applyMoveVertex(state: ZoneState, edit: MoveVertexEdit, level: ZoneLevel, school: number, ctx: EditContext): ZoneState {
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
