import type { MultiPolygon, Polygon } from 'geojson';
import { FACILITY_FIELDS, type Dataset } from '../../src/core/dataset';
import type { EditProblemCode } from '../../src/core/editProblems';
import { OVERLAP_RULES, SHARED_ZONE_WEIGHTS, teachesLevel, ZONE_LEVELS, type Rules, type ZoneLevel } from '../../src/core/rules';
import { computeSplitPart } from '../../src/core/splitZone';
import { EditError, type ZoneEdit } from '../../src/core/zoneEdits';
import type { MultiPolygonCoords, ZoneState } from '../../src/core/zoneState';
import type { Rng } from './prng';

/** One step of an edit sequence, as the session is asked to do it. */
export type Step =
  | { kind: 'edit'; edit: ZoneEdit; via: string }
  /** An edit that must be refused with one of `codes` (and change nothing). */
  | { kind: 'refused'; edit: ZoneEdit; via: string; codes: EditProblemCode[] }
  /** A cut line the split refuses before any edit reaches the session (as the app does). */
  | { kind: 'splitRefused'; code: EditProblemCode }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'rules'; rules: Rules }
  /** Open the scenario again from its edits (a saved scenario); `broken` adds an edit that fails. */
  | { kind: 'restore'; broken: boolean }
  | { kind: 'preview'; level: ZoneLevel; area: Polygon | MultiPolygon }
  /** An edit during which a dependency of the session throws after `countdown` reads. */
  | { kind: 'fault'; edit: ZoneEdit; via: string; countdown: number };

type Pt = [number, number];

/** What the generator knows of the dataset. */
export interface StepContext {
  dataset: Dataset;
  /** Bounding box of the dataset's zones: min x, min y, max x, max y. */
  box: [number, number, number, number];
  faults: boolean;
}

/** The bounding box of every zone of a state (shared ones too). */
export function zonesBox(state: ZoneState): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const level of ZONE_LEVELS) {
    const all = [...state.zones[level].values(), ...[...state.shared[level].values()].map((z) => z.polygons)];
    for (const [x, y] of all.flat(3)) [b[0], b[1], b[2], b[3]] = [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)];
  }
  return b;
}

/** Every zone of a level with a school that can be named for it (a shared zone's first school). */
function zonesOf(state: ZoneState, level: ZoneLevel): { school: number; zone: MultiPolygonCoords; shared: boolean }[] {
  return [
    ...[...state.zones[level]].map(([school, zone]) => ({ school, zone, shared: false })),
    ...[...state.shared[level].values()].map((z) => ({ school: z.schools[0], zone: z.polygons, shared: true })),
  ];
}

const closed = (ring: Pt[]): Pt[] => [...ring, ring[0]];

/** A star-shaped ring (never crossing itself) around a point. */
function star(rng: Rng, [cx, cy]: Pt, r: number): Pt[] {
  const n = rng.int(3, 10);
  const start = rng.float(0, 2 * Math.PI);
  return closed(Array.from({ length: n }, (_, k): Pt => {
    const a = start + (2 * Math.PI * k) / n;
    const rr = r * rng.float(0.4, 1);
    return [cx + rr * Math.cos(a), cy + rr * Math.sin(a)];
  }));
}

/** A random area over the dataset: stars, boxes on zone vertices, zones' own rings, holes, several parts. */
function randomArea(rng: Rng, ctx: StepContext, state: ZoneState, level: ZoneLevel): Polygon | MultiPolygon {
  const [x0, y0, x1, y1] = ctx.box;
  const w = Math.max(x1 - x0, 1e-3);
  const h = Math.max(y1 - y0, 1e-3);
  const centre = (): Pt => [rng.float(x0 - 0.1 * w, x1 + 0.1 * w), rng.float(y0 - 0.1 * h, y1 + 0.1 * h)];
  const radius = () => rng.float(0.02, 0.4) * Math.min(w, h);
  const vertices = zonesOf(state, level).flatMap((z) => z.zone.flat(2));
  const shape = rng.weighted({ star: 5, onVertices: 3, zoneRing: 2, holed: 2, parts: 2 });
  if (shape === 'onVertices' && vertices.length >= 2) {
    // A box with corners at two zone vertices: its edges run along and through zone edges.
    const [a, b] = [rng.pick(vertices), rng.pick(vertices)];
    const [ax, bx] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
    const [ay, by] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
    if (bx - ax > 1e-6 && by - ay > 1e-6) return { type: 'Polygon', coordinates: [[[ax, ay], [bx, ay], [bx, by], [ax, by], [ax, ay]]] };
  }
  if (shape === 'zoneRing') {
    // A zone's own outer ring (a whole zone, or one part of it), as a planner tracing it would.
    const zones = zonesOf(state, level);
    if (zones.length > 0) {
      const polygon = rng.pick(rng.pick(zones).zone);
      return { type: 'Polygon', coordinates: [polygon[0]] };
    }
  }
  const c = centre();
  const r = radius();
  if (shape === 'holed') return { type: 'Polygon', coordinates: [star(rng, c, r), star(rng, c, r * 0.3).reverse()] };
  if (shape === 'parts') {
    const far: Pt = [c[0] + 2.5 * r, c[1] + rng.float(-r, r)];
    return { type: 'MultiPolygon', coordinates: [[star(rng, c, r)], [star(rng, far, r)]] };
  }
  return { type: 'Polygon', coordinates: [star(rng, c, r)] };
}

/** Schools that can take a zone of the level (public, teaching it), as indexes. */
function zonable(dataset: Dataset, level: ZoneLevel): number[] {
  return dataset.schools.flatMap((s, i) => (s.ownership === 'public' && teachesLevel(s.level, level) ? [i] : []));
}

/** A valid-looking edit of a random kind; the session may still refuse it (a locked zone …). */
function randomEdit(rng: Rng, ctx: StepContext, state: ZoneState): { edit: ZoneEdit; via: string } | { refused: EditProblemCode } {
  const { dataset } = ctx;
  const level = rng.pick(ZONE_LEVELS);
  const schools = zonable(dataset, level);
  if (schools.length === 0) return { edit: { op: 'setFacilities', schoolId: dataset.schools[0].id, facilities: { classrooms: 3 } }, via: 'setFacilities' };
  const id = (s: number) => dataset.schools[s].id;
  const school = rng.pick(schools);
  const kind = rng.weighted({ assignArea: 6, shareArea: 3, setZone: 2, assignUnits: 3, mergeZones: 1, lockZone: 2, moveVertex: 4, setFacilities: 2, split: 3 });
  const zoned = zonesOf(state, level);
  if (kind === 'assignArea') return { edit: { op: 'assignArea', level, schoolId: id(school), area: randomArea(rng, ctx, state, level) }, via: kind };
  if (kind === 'shareArea' && schools.length >= 2) {
    const ids = rng.sample(schools, rng.int(2, Math.min(3, schools.length))).map(id);
    return { edit: { op: 'shareArea', level, schoolIds: ids, area: randomArea(rng, ctx, state, level) }, via: kind };
  }
  if (kind === 'setZone') return { edit: { op: 'setZone', level, schoolId: id(school), geometry: randomArea(rng, ctx, state, level) }, via: kind };
  if (kind === 'assignUnits' && dataset.unitIds.length > 0) {
    return { edit: { op: 'assignUnits', level, schoolId: id(school), unitIds: rng.sample(dataset.unitIds, rng.int(1, 4)) }, via: kind };
  }
  if (kind === 'mergeZones' && schools.length >= 2) {
    const withZone = schools.filter((s) => state.zones[level].has(s) && s !== school);
    if (withZone.length > 0) return { edit: { op: 'mergeZones', level, schoolId: id(school), fromSchoolId: id(rng.pick(withZone)) }, via: kind };
  }
  if (kind === 'lockZone') {
    const withZone = schools.filter((s) => state.zones[level].has(s));
    if (withZone.length > 0) return { edit: { op: 'lockZone', level, schoolId: id(rng.pick(withZone)), locked: rng.chance(0.6) }, via: kind };
  }
  if (kind === 'moveVertex' && zoned.length > 0) {
    const { school: owner, zone } = rng.pick(zoned);
    const ring = rng.pick(rng.pick(zone));
    const from = rng.pick(ring);
    const [x0, y0, x1, y1] = ctx.box;
    const scale = Math.min(x1 - x0, y1 - y0);
    const others = zoned.flatMap((z) => z.zone.flat(2));
    const to: Pt = rng.weighted({ near: 6, far: 1, onto: 2 }) === 'near'
      ? [from[0] + rng.float(-0.05, 0.05) * scale, from[1] + rng.float(-0.05, 0.05) * scale]
      : rng.chance(0.5) ? [rng.float(x0, x1), rng.float(y0, y1)] : rng.pick(others);
    return { edit: { op: 'moveVertex', level, schoolId: id(owner), from: [from[0], from[1]], to }, via: kind };
  }
  if (kind === 'setFacilities') {
    const fields = rng.sample(['classrooms', ...FACILITY_FIELDS, 'primary_room_area_m2', 'junior_teachers_qualified'], rng.int(1, 3));
    // Counts (classrooms, teachers, rooms) are whole numbers; areas and values need not be.
    const measured = (f: string) => f.endsWith('_m2') || f.endsWith('_yuan');
    const facilities = Object.fromEntries(fields.map((f) => [f, rng.chance(0.1) ? 0 : measured(f) ? rng.float(0, 10000) : rng.int(0, f === 'classrooms' ? 40 : 200)]));
    const fromYear = rng.chance(0.3) ? dataset.baseYear + rng.int(-1, 3) : undefined;
    return { edit: { op: 'setFacilities', schoolId: id(rng.pick(dataset.schools.map((_, i) => i))), facilities, ...(fromYear !== undefined && { fromYear }) }, via: kind };
  }
  if (kind === 'split') {
    // Split a school's zone with a cut line, as the app does, and give the far part to another school (or several).
    const own = [...state.zones[level]];
    if (own.length > 0 && schools.length >= 2) {
      const [s, zone] = rng.pick(own);
      const [bx0, by0, bx1, by1] = boxOfZone(zone);
      const t = () => rng.float(0.2, 0.8);
      const vertical = rng.chance(0.5);
      const line: Pt[] = vertical
        ? [[bx0 + t() * (bx1 - bx0), by0 - 0.01], ...(rng.chance(0.5) ? [[bx0 + t() * (bx1 - bx0), (by0 + by1) / 2] as Pt] : []), [bx0 + t() * (bx1 - bx0), by1 + 0.01]]
        : [[bx0 - 0.01, by0 + t() * (by1 - by0)], [bx1 + 0.01, by0 + t() * (by1 - by0)]];
      let part: MultiPolygonCoords;
      try {
        part = computeSplitPart(zone, line, [dataset.schools[s].lon, dataset.schools[s].lat]);
      } catch (e) {
        if (e instanceof EditError) return { refused: e.code };
        throw e;
      }
      const area: MultiPolygon = { type: 'MultiPolygon', coordinates: part };
      const others = schools.filter((o) => o !== s);
      if (rng.chance(0.3) && others.length >= 2) return { edit: { op: 'shareArea', level, schoolIds: rng.sample(others, 2).map(id), area }, via: 'split→shareArea' };
      return { edit: { op: 'assignArea', level, schoolId: id(rng.pick(others)), area }, via: 'split→assignArea' };
    }
  }
  return { edit: { op: 'assignArea', level, schoolId: id(school), area: randomArea(rng, ctx, state, level) }, via: 'assignArea' };
}

function boxOfZone(zone: MultiPolygonCoords): [number, number, number, number] {
  const xs = zone.flat(2).map((p) => p[0]);
  const ys = zone.flat(2).map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** An edit that must be refused, with the codes it may be refused with. */
function refusedEdit(rng: Rng, ctx: StepContext, state: ZoneState): { edit: ZoneEdit; via: string; codes: EditProblemCode[] } {
  const { dataset } = ctx;
  const level = rng.pick(ZONE_LEVELS);
  const schools = zonable(dataset, level);
  const id = (s: number) => dataset.schools[s].id;
  // A school of the level, unlocked when one is: a locked zone is refused first.
  const unlocked = schools.filter((s) => !state.locked[level].has(s));
  const index = unlocked.length > 0 ? rng.pick(unlocked) : schools.length > 0 ? rng.pick(schools) : -1;
  const school = index >= 0 ? id(index) : 'NO-SCHOOL-OF-THE-LEVEL';
  const lock: EditProblemCode[] = index < 0 ? ['unknownSchool'] : state.locked[level].has(index) ? ['locked'] : [];
  const area = randomArea(rng, ctx, state, level);
  const [x0, y0, x1, y1] = ctx.box;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const d = Math.max(x1 - x0, y1 - y0) / 4;
  const candidates: (() => { edit: ZoneEdit; via: string; codes: EditProblemCode[] } | undefined)[] = [
    () => ({ edit: { op: 'assignArea', level, schoolId: 'NO-SUCH-SCHOOL', area }, via: 'unknown school', codes: ['unknownSchool'] }),
    () => ({ edit: { op: 'assignArea', level: 'senior' as ZoneLevel, schoolId: school, area }, via: 'bad level', codes: ['badLevel', ...lock] }),
    () => {
      const p = dataset.schools.findIndex((s) => s.ownership === 'private');
      return p < 0 ? undefined : { edit: { op: 'setZone', level, schoolId: id(p), geometry: area }, via: 'private school', codes: ['privateSchool'] };
    },
    () => {
      const other = level === 'primary' ? 'junior' : 'primary';
      const w = dataset.schools.findIndex((s) => s.ownership === 'public' && s.level === other);
      return w < 0 ? undefined : { edit: { op: 'assignArea', level, schoolId: id(w), area }, via: 'wrong level', codes: ['wrongLevel'] };
    },
    () => ({ edit: { op: 'assignArea', level, schoolId: school, area: { type: 'Polygon', coordinates: [[[cx - d, cy - d], [cx + d, cy + d], [cx + d, cy - d], [cx - d, cy + d], [cx - d, cy - d]]] } }, via: 'bow tie', codes: ['selfIntersecting', ...lock] }),
    () => ({ edit: { op: 'setZone', level, schoolId: school, geometry: { type: 'Polygon', coordinates: [[[cx, cy], [cx + d, cy], [cx, cy]]] } }, via: 'short ring', codes: ['shortRing', ...lock] }),
    () => ({ edit: { op: 'assignArea', level, schoolId: school, area: { type: 'Polygon', coordinates: [[[cx, cy], [cx + d, cy], [cx + 2 * d, cy], [cx, cy]]] } }, via: 'flat ring', codes: ['noArea', 'selfIntersecting', ...lock] }),
    () => ({ edit: { op: 'assignArea', level, schoolId: school, area: { type: 'Polygon', coordinates: [[[cx, cy], [Number.NaN, cy], [cx, cy + d], [cx, cy]]] } }, via: 'NaN coordinate', codes: ['badCoordinate', ...lock] }),
    () => ({ edit: { op: 'assignArea', level, schoolId: school, area: { type: 'Polygon', coordinates: [[[cx, cy], [cx + 400, cy], [cx, cy + d], [cx, cy]]] } }, via: 'longitude over 180', codes: ['badCoordinate', ...lock] }),
    () => ({ edit: { op: 'assignArea', level, schoolId: school, area: { type: 'Point', coordinates: [cx, cy] } as unknown as Polygon }, via: 'a point', codes: ['notPolygon', ...lock] }),
    () => ({ edit: { op: 'assignArea', level, schoolId: school, area: { type: 'MultiPolygon', coordinates: [] } }, via: 'no polygons', codes: ['empty', ...lock] }),
    () => ({ edit: { op: 'assignArea', level, schoolId: school, area: { type: 'MultiPolygon', coordinates: [[]] } }, via: 'a polygon without rings', codes: ['noRings', ...lock] }),
    () => ({ edit: { op: 'assignArea', level, schoolId: school, area: { type: 'Polygon', coordinates: [star(rng, [cx + 30, cy - 20], 0.01)] } }, via: 'far away', codes: ['coversNoZone', 'outsideCounty', ...lock] }),
    () => ({ edit: { op: 'assignUnits', level, schoolId: school, unitIds: [] }, via: 'no units', codes: ['noUnits', ...lock] }),
    () => ({ edit: { op: 'assignUnits', level, schoolId: school, unitIds: ['NO-SUCH-UNIT'] }, via: 'unknown unit', codes: ['unknownUnit', ...lock] }),
    () => ({ edit: { op: 'mergeZones', level, schoolId: school, fromSchoolId: school }, via: 'merge into itself', codes: ['mergeSelf', 'locked', ...lock] }),
    () => {
      const without = schools.filter((s) => !state.zones[level].has(s) && id(s) !== school);
      return without.length === 0 ? undefined : { edit: { op: 'mergeZones', level, schoolId: school, fromSchoolId: id(rng.pick(without)) }, via: 'merge a school without zone', codes: ['noZoneToMerge', 'locked', ...lock] };
    },
    () => {
      const without = schools.filter((s) => !state.zones[level].has(s));
      return without.length === 0 ? undefined : { edit: { op: 'lockZone', level, schoolId: id(rng.pick(without)), locked: true }, via: 'lock a school without zone', codes: ['noZoneToLock'] };
    },
    () => ({ edit: { op: 'shareArea', level, schoolIds: [school, school], area }, via: 'share with itself', codes: ['tooFewSchools', ...lock] }),
    () => ({ edit: { op: 'moveVertex', level, schoolId: school, from: [cx + 0.123456789, cy + 0.0987654321], to: [cx, cy] }, via: 'no vertex there', codes: ['noVertex', 'locked', ...lock] }),
    () => ({ edit: { op: 'moveVertex', level, schoolId: school, from: [cx, cy], to: [Number.NaN, cy] }, via: 'NaN point', codes: ['badPoint', 'locked', ...lock] }),
    () => ({ edit: { op: 'setFacilities', schoolId: school, facilities: { swimming_pools: 1 } }, via: 'unknown facility', codes: ['unknownFacility', ...lock] }),
    () => ({ edit: { op: 'setFacilities', schoolId: school, facilities: { classrooms: rng.pick([-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) } }, via: 'bad facility value', codes: ['badFacilityValue', ...lock] }),
    () => ({ edit: { op: 'setFacilities', schoolId: school, facilities: {} }, via: 'no facilities', codes: ['noFacilities', ...lock] }),
    () => ({ edit: { op: 'setFacilities', schoolId: school, facilities: { classrooms: 4 }, fromYear: 2024.5 }, via: 'bad year', codes: ['badYear', ...lock] }),
    () => ({ edit: { op: 'explode', level, schoolId: school } as unknown as ZoneEdit, via: 'unknown op', codes: ['unknownOp'] }),
    () => ({ edit: null as unknown as ZoneEdit, via: 'null edit', codes: ['unknownOp'] }),
    () => {
      const locked = [...state.locked[level]];
      return locked.length === 0 ? undefined : { edit: { op: 'setZone', level, schoolId: id(rng.pick(locked)), geometry: area }, via: 'edit a locked zone', codes: ['locked'] };
    },
  ];
  for (;;) {
    const made = rng.pick(candidates)();
    if (made) return made;
  }
}

/** The next step of a sequence: mostly edits, with undo, redo, refusals, rule changes, reopening, previews and faults mixed in. */
export function randomStep(rng: Rng, ctx: StepContext, state: ZoneState, rules: Rules): Step {
  const kind = rng.weighted({ edit: 55, refused: 12, undo: 12, redo: 7, rules: 3, restore: 3, preview: 3, fault: ctx.faults ? 5 : 0 });
  if (kind === 'undo') return { kind: 'undo' };
  if (kind === 'redo') return { kind: 'redo' };
  if (kind === 'refused') return { kind: 'refused', ...refusedEdit(rng, ctx, state) };
  if (kind === 'rules') {
    return { kind: 'rules', rules: { ...rules, overlapRule: rng.pick(OVERLAP_RULES), sharedZoneWeights: rng.pick(SHARED_ZONE_WEIGHTS), sharedZoneSeed: rng.chance(0.5) ? rules.sharedZoneSeed : rng.int(-1000, 1000) } };
  }
  if (kind === 'restore') return { kind: 'restore', broken: rng.chance(0.3) };
  if (kind === 'preview') {
    const level = rng.pick(ZONE_LEVELS);
    return { kind: 'preview', level, area: randomArea(rng, ctx, state, level) };
  }
  const made = randomEdit(rng, ctx, state);
  if ('refused' in made) return { kind: 'splitRefused', code: made.refused };
  if (kind === 'fault') return { kind: 'fault', ...made, countdown: rng.int(1, 40) };
  return { kind: 'edit', ...made };
}
