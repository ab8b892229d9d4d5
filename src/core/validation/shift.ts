import gcoord from 'gcoord';
import type { MultiPoint } from 'geojson';
import type { School } from '../dataset';
import { levelOfGrade, ZONE_LEVELS, type OverlapRule, type Rules, type ZoneLevel } from '../rules';
import type { MultiPolygonCoords } from '../zoneState';
import { isGrade } from './levelPupils';
import { locatePoints } from './pointLocation';
import type { CoordinateSystem, LayerSource, ShiftedLayerItem, ShiftLayer, ValidationPupils } from './types';

/** Points tested per layer: a spread sample is enough to see a shift of the whole file. */
const SAMPLE = 20_000;
/**
 * A shift is only looked for when at least this many (and this share of) points miss as read. The
 * share is small: where the zones tile the county, pupils without a known school only leave every
 * zone along the county's edge (about 1% of a county's pupils for a GCJ-02 offset).
 */
const MIN_MISSES = 3;
const MIN_MISS_SHARE = 0.002;
/**
 * Another reading is taken when it puts at least this many times as many missing points where they
 * should be as it moves away (a right layer moved 500 m loses many more points than it gains), and
 * gains at least as many points as a shift is looked for at. Compared point by point, this holds
 * whatever share of a layer misses for other reasons (pupils attending another school).
 */
const FIX_FACTOR = 4;
/** Pupils against the units they name: at least this many pairs, this far apart (m) on the median, at least halved and this much nearer. */
const MIN_PAIRS = 20;
const MIN_PAIR_GAIN_M = 100;
/** Distinct places the compounds and villages (or their pupils) a shift brings in must lie at for an error, not a warning. */
const MIN_PLACES = 3;
/** Pupils checked against their own school's zone that make their layer the reference for the units. */
const CONCLUSIVE_PUPILS = 100;
const MAX_POINTS_SHOWN = 500;

const SYSTEMS: readonly CoordinateSystem[] = ['wgs84', 'gcj02', 'bd09'];
const GCOORD = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;
const DEFAULT_FILES: Record<ShiftLayer, string> = { pupils: 'students.csv', schools: 'schools.geojson', units: 'units.geojson', zones: 'catchments.geojson' };

type Zones = Record<ZoneLevel, ReadonlyMap<number, MultiPolygonCoords>>;

/** Points to check against the zones: position, level (0 primary, 1 junior, 2 either) and the school whose zone should hold it (−1: any zone). */
interface Targets {
  x: Float64Array;
  y: Float64Array;
  level: Uint8Array;
  target: Int32Array;
}

/**
 * Positions (WGS84 degrees) that were converted from `readAs`, converted instead from `as`: the
 * conversion undone (WGS84 → readAs gives the file's numbers back), then done from the other system.
 */
export function reread(x: ArrayLike<number>, y: ArrayLike<number>, readAs: CoordinateSystem, as: CoordinateSystem): [Float64Array, Float64Array] {
  const n = x.length;
  const ox = Float64Array.from(x);
  const oy = Float64Array.from(y);
  if (readAs === as) return [ox, oy];
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(ox[i]) || !Number.isFinite(oy[i])) continue;
    let p: [number, number] = [ox[i], oy[i]];
    if (readAs !== 'wgs84') p = gcoord.transform(p, gcoord.WGS84, GCOORD[readAs]) as [number, number];
    if (as !== 'wgs84') p = gcoord.transform(p, GCOORD[as], gcoord.WGS84) as [number, number];
    [ox[i], oy[i]] = p;
  }
  return [ox, oy];
}

/** Indices 0..n−1 spread evenly, at most SAMPLE of them. */
function spread(indices: number[]): number[] {
  const step = Math.max(1, Math.ceil(indices.length / SAMPLE));
  return step === 1 ? indices : indices.filter((_, k) => k % step === 0);
}

function targetsOf(rows: [number, number, number, number][]): Targets {
  return {
    x: Float64Array.from(rows, (r) => r[0]),
    y: Float64Array.from(rows, (r) => r[1]),
    level: Uint8Array.from(rows, (r) => r[2]),
    target: Int32Array.from(rows, (r) => r[3]),
  };
}

type Points = { x: ArrayLike<number>; y: ArrayLike<number> };

/** Whether pupil `i` was placed at its compound or village by address: its position is the unit's, read from the units' file. */
function placedAtUnit(pupils: ValidationPupils, units: Points | undefined, i: number): boolean {
  const u = pupils.unit?.[i] ?? -1;
  return !!units && u >= 0 && u < units.x.length && pupils.x[i] === units.x[u] && pupils.y[i] === units.y[u];
}

/**
 * Zoned pupils (sampled) for which `take` holds: each should live in its current school's zone of
 * its level when that school has one, else in some zone of its level.
 */
function pupilTargets(pupils: ValidationPupils, schools: readonly School[], zones: Zones, rules: Rules, take: (i: number) => boolean): [number, number, number, number][] {
  const rows: [number, number, number, number][] = [];
  const eligible: number[] = [];
  for (let i = 0; i < pupils.x.length; i++) {
    const s = pupils.currentSchool[i];
    if (!isGrade(pupils.grade[i]) || !Number.isFinite(pupils.x[i]) || !Number.isFinite(pupils.y[i]) || !take(i)) continue;
    if (s >= 0 && s < schools.length && schools[s].ownership === 'private') continue;
    eligible.push(i);
  }
  for (const i of spread(eligible)) {
    const level = levelOfGrade(pupils.grade[i], rules);
    const s = pupils.currentSchool[i];
    rows.push([pupils.x[i], pupils.y[i], level === 'primary' ? 0 : 1, s >= 0 && zones[level].has(s) ? s : -1]);
  }
  return rows;
}

/** Each zoned school: it should lie in its own zone of each level it has one for. */
function schoolTargets(schools: readonly School[], zones: Zones): Targets {
  const rows: [number, number, number, number][] = [];
  schools.forEach((school, s) => {
    if (!Number.isFinite(school.lon) || !Number.isFinite(school.lat)) return;
    ZONE_LEVELS.forEach((level, l) => {
      if (zones[level].has(s)) rows.push([school.lon, school.lat, l, s]);
    });
  });
  return targetsOf(rows);
}

/** Compounds and villages with a position (sampled): each should lie in some zone of either level. */
function unitTargets(units: Points): [number, number, number, number][] {
  const placed: number[] = [];
  for (let u = 0; u < units.x.length; u++) if (Number.isFinite(units.x[u]) && Number.isFinite(units.y[u])) placed.push(u);
  return spread(placed).map((u) => [units.x[u], units.y[u], 2, -1]);
}

/** Which points (at positions x, y) lie where they should (in the zone the engine would give them, or in any zone of their level). */
function hitsOf(t: Targets, x: Float64Array, y: Float64Array, zones: Zones, rule: OverlapRule): Uint8Array {
  const hit = new Uint8Array(x.length);
  ZONE_LEVELS.forEach((level, l) => {
    const idx: number[] = [];
    for (let i = 0; i < x.length; i++) if (t.level[i] === l || t.level[i] === 2) idx.push(i);
    if (idx.length === 0 || zones[level].size === 0) return;
    const found = locatePoints(zones[level], Float64Array.from(idx, (i) => x[i]), Float64Array.from(idx, (i) => y[i]), rule);
    idx.forEach((i, k) => {
      if (t.target[i] < 0 ? found[k] >= 0 : found[k] === t.target[i]) hit[i] = 1;
    });
  });
  return hit;
}

const missesOf = (hit: Uint8Array) => hit.reduce((n, h) => n + (h === 0 ? 1 : 0), 0);

/** An explanation of misaligned points: the layer itself, or the zones, is in `crs`. */
interface Hypothesis {
  shifted: 'self' | 'zones';
  crs: CoordinateSystem;
}

/** How a layer fits the zones as read, and the best explanation that fits markedly better. */
interface Fit {
  tested: number;
  before: number;
  /** `after`: misses under the hypothesis; `places`: how many distinct positions the points it brings in lie at. */
  best?: Hypothesis & { after: number; places: number };
  missed: [number, number][];
}

/** Positions of the layer as they would lie relative to the zones under a hypothesis. */
function movedBy(h: Hypothesis, x: Float64Array, y: Float64Array, readAs: CoordinateSystem, zonesRead: CoordinateSystem): [Float64Array, Float64Array] {
  // Zones in `crs` read as zonesRead lie where zonesRead→crs moves them; points relative to them move the other way.
  return h.shifted === 'self' ? reread(x, y, readAs, h.crs) : reread(x, y, h.crs, zonesRead);
}

/** A layer's points against the zones: misses as read, and under each other reading of the layer or of the zones (`zonesOnly`: of the zones alone). */
function fitAgainstZones(t: Targets, readAs: CoordinateSystem, zonesRead: CoordinateSystem, zones: Zones, rule: OverlapRule, zonesOnly = false): Fit {
  const n = t.x.length;
  const hit = hitsOf(t, t.x, t.y, zones, rule);
  const before = missesOf(hit);
  const missed: [number, number][] = [];
  for (let i = 0; i < n && missed.length < MAX_POINTS_SHOWN; i++) if (hit[i] === 0) missed.push([t.x[i], t.y[i]]);
  const enough = Math.max(MIN_MISSES, MIN_MISS_SHARE * n);
  const fit: Fit = { tested: n, before, missed };
  if (before < enough) return fit;
  const hypotheses: Hypothesis[] = [
    ...(zonesOnly ? [] : SYSTEMS.filter((c) => c !== readAs).map((crs) => ({ shifted: 'self' as const, crs }))),
    ...SYSTEMS.filter((c) => c !== zonesRead).map((crs) => ({ shifted: 'zones' as const, crs })),
  ];
  for (const h of hypotheses) {
    const [x, y] = movedBy(h, t.x, t.y, readAs, zonesRead);
    const moved = hitsOf(t, x, y, zones, rule);
    let fixed = 0;
    let broken = 0;
    const places = new Set<string>();
    for (let i = 0; i < n; i++) {
      if (hit[i] === 0 && moved[i] === 1) {
        fixed++;
        places.add(`${t.x[i]},${t.y[i]}`);
      } else if (hit[i] === 1 && moved[i] === 0) broken++;
    }
    const after = before - fixed + broken;
    if (fixed >= FIX_FACTOR * broken && fixed - broken >= enough && (!fit.best || after < fit.best.after)) fit.best = { ...h, after, places: places.size };
  }
  return fit;
}

/** Distance in metres between two nearby points (equirectangular). */
function metres(x1: number, y1: number, x2: number, y2: number): number {
  const dx = (x1 - x2) * 111_320 * Math.cos(((y1 + y2) / 2) * (Math.PI / 180));
  const dy = (y1 - y2) * 110_540;
  return Math.hypot(dx, dy);
}

function median(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const m = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}

/** Pupils (sampled) whose home and unit are both known and apart (pupils placed at their unit by address say nothing). */
function pupilUnitPairs(pupils: ValidationPupils, units: Points): { pupil: number[]; unit: number[] } {
  const pairs: number[] = [];
  const unitOf = pupils.unit!;
  for (let i = 0; i < pupils.x.length; i++) {
    const u = unitOf[i];
    if (u < 0 || u >= units.x.length || !Number.isFinite(units.x[u]) || !Number.isFinite(pupils.x[i]) || !Number.isFinite(pupils.y[i])) continue;
    if (placedAtUnit(pupils, units, i)) continue;
    pairs.push(i);
  }
  const pupil = spread(pairs);
  return { pupil, unit: pupil.map((i) => unitOf[i]) };
}

/** Everything the shift check compares (all positions WGS84 degrees as read). */
export interface ShiftInput {
  /** Per level: school index → its usable zone. */
  zones: Zones;
  schools: readonly School[];
  pupils: ValidationPupils;
  units?: Points;
  sources?: Partial<Record<ShiftLayer, LayerSource>>;
  /** The pupils' files, indexed by `pupils.file`, when they came from several: each is checked in its own system. */
  pupilSources?: readonly LayerSource[];
  /** Per level, the file that gave all of that level's zones (zones from one file per level): each is checked on its own. */
  zoneSources?: Partial<Record<ZoneLevel, LayerSource>>;
  rules: Rules;
}

/** The targets of one level (0 primary, 1 junior). */
function targetsOfLevel(t: Targets, l: number): Targets {
  const at: number[] = [];
  for (let i = 0; i < t.x.length; i++) if (t.level[i] === l) at.push(i);
  return { x: Float64Array.from(at, (i) => t.x[i]), y: Float64Array.from(at, (i) => t.y[i]), level: Uint8Array.from(at, (i) => t.level[i]), target: Int32Array.from(at, (i) => t.target[i]) };
}

/** A point layer as checked, with the file and system it was read from (pupils: once per file). */
interface CheckedLayer {
  layer: ShiftLayer;
  source: LayerSource;
  targets: Targets;
}

/** Positions of points each read from `from[group[k]]`, read instead as `to[group[k]]` (see reread). */
function rereadGroups(x: ArrayLike<number>, y: ArrayLike<number>, group: ArrayLike<number>, from: readonly CoordinateSystem[], to: readonly CoordinateSystem[]): [Float64Array, Float64Array] {
  const ox = Float64Array.from(x);
  const oy = Float64Array.from(y);
  from.forEach((readAs, g) => {
    if (readAs === to[g]) return;
    const at: number[] = [];
    for (let k = 0; k < ox.length; k++) if (group[k] === g) at.push(k);
    const [gx, gy] = reread(at.map((k) => ox[k]), at.map((k) => oy[k]), readAs, to[g]);
    at.forEach((k, j) => {
      ox[k] = gx[j];
      oy[k] = gy[j];
    });
  });
  return [ox, oy];
}

/**
 * Looks for a layer read in the wrong coordinate system (GCJ-02 or BD-09 positions read as WGS84,
 * or the other way round: 100–1,100 m off), comparing every point layer with the zones and the
 * pupils with the compounds and villages they name:
 * - pupils should live in their current school's zone (or, without a school with a zone, in some
 *   zone of their level; where zones overlap, the one the overlap rule gives), schools in their own
 *   zones, compounds and villages in some zone (and the pupils placed at them by address, whose
 *   positions come from the units' file, in their school's zone, as part of the units); when at
 *   least 3 (and 0.2%) of a layer's points (sampled) miss and reading the layer in another system
 *   brings at least 4 times as many of them where they should be as it moves away (and at least as
 *   many as were needed to look), that layer is named with the system that fits best; when reading the zones in another system fits best instead, the zones are
 *   named (once, listing the layers that showed it);
 * - pupils against the unit they name (both positions known and different): when reading the units
 *   (or, if the pupils could not be checked against at least 100 own-school zones, the pupils) in
 *   another system at least halves the median distance and brings it 100 m nearer, that layer is named.
 * Each finding is an error: with a layer shifted, pupils are counted at the neighbouring zone's school;
 * but a units finding resting on fewer than 3 distinct places (one compound whose pupils attend a
 * school across a boundary looks the same) is a warning.
 * Pupils read from several files (`pupilSources`) are checked file by file, each in its own system.
 */
export function checkShiftedLayers(input: ShiftInput): ShiftedLayerItem[] {
  const source = (layer: ShiftLayer): LayerSource => input.sources?.[layer] ?? { file: DEFAULT_FILES[layer], crs: 'wgs84' };
  const zonesRead = source('zones').crs;
  const byFile = input.pupilSources && input.pupilSources.length > 1 && input.pupils.file ? input.pupilSources : undefined;
  const pupilSources = byFile ?? [source('pupils')];
  const unitsSource = source('units');
  const layers: CheckedLayer[] = [
    ...pupilSources.map((src, f) => ({
      layer: 'pupils' as const,
      source: src,
      targets: targetsOf(pupilTargets(input.pupils, input.schools, input.zones, input.rules, (i) => (!byFile || input.pupils.file![i] === f) && !placedAtUnit(input.pupils, input.units, i))),
    })),
    { layer: 'schools', source: source('schools'), targets: schoolTargets(input.schools, input.zones) },
    // Pupils placed by address lie where their unit's file puts them: they test that file, each in its own school's zone.
    {
      layer: 'units',
      source: unitsSource,
      targets: targetsOf(input.units ? [...unitTargets(input.units), ...pupilTargets(input.pupils, input.schools, input.zones, input.rules, (i) => placedAtUnit(input.pupils, input.units, i))] : []),
    },
  ];
  const items: ShiftedLayerItem[] = [];
  const item = (layer: ShiftLayer, src: LayerSource, against: ShiftedLayerItem['against'], crs: CoordinateSystem, tested: number, before: number, after: number, points: [number, number][]): ShiftedLayerItem => ({
    kind: 'shiftedLayer', severity: 'error', schools: [], layer, file: src.file, crs, readAs: src.crs, against, tested, before, after,
    geometry: { type: 'MultiPoint', coordinates: points } satisfies MultiPoint,
  });
  const fixed = new Map<LayerSource, CoordinateSystem>();
  const zoneVotes = new Map<CoordinateSystem, ShiftedLayerItem>();
  let ownZonePupils = 0;
  for (const { layer, source: src, targets: t } of layers) {
    if (t.x.length === 0) continue;
    if (layer === 'pupils') ownZonePupils += t.target.reduce((n, s) => n + (s >= 0 ? 1 : 0), 0);
    const fit = fitAgainstZones(t, src.crs, zonesRead, input.zones, input.rules.overlapRule);
    if (!fit.best) continue;
    if (fit.best.shifted === 'self') {
      const found = item(layer, src, 'zones', fit.best.crs, fit.tested, fit.before, fit.best.after, fit.missed);
      // Compounds whose pupils attend a school across a boundary fit a shift as well as shifted ones
      // do: brought in at fewer than MIN_PLACES places, the finding is a warning for the planner to
      // judge, and the layer is read as given.
      if (layer === 'units' && fit.best.places < MIN_PLACES) {
        items.push({ ...found, severity: 'warning' });
        continue;
      }
      fixed.set(src, fit.best.crs);
      items.push(found);
      continue;
    }
    const vote = zoneVotes.get(fit.best.crs);
    if (!vote) zoneVotes.set(fit.best.crs, { ...item('zones', source('zones'), 'zones', fit.best.crs, fit.tested, fit.before, fit.best.after, fit.missed), layers: [layer] });
    else Object.assign(vote, { tested: vote.tested + fit.tested, before: vote.before + fit.before, after: vote.after + fit.best.after, layers: [...new Set([...vote.layers!, layer])] });
  }
  items.push(...zoneVotes.values());
  // Zones from one file per level (小学片区.zip, 初中范围.kml): one file can be in another system than
  // the other, which the check of both levels at once does not see (half the pupils fit either way).
  const perLevel = input.zoneSources;
  if (zoneVotes.size === 0 && perLevel && new Set(Object.values(perLevel).map((src) => src.file)).size > 1) {
    ZONE_LEVELS.forEach((level, l) => {
      const src = perLevel[level];
      if (!src) return;
      const zones: Zones = { primary: level === 'primary' ? input.zones.primary : new Map(), junior: level === 'junior' ? input.zones.junior : new Map() };
      for (const { layer, source: own, targets } of layers) {
        if (layer !== 'pupils' || fixed.has(own)) continue;
        const t = targetsOfLevel(targets, l);
        const fit = t.x.length === 0 ? undefined : fitAgainstZones(t, own.crs, src.crs, zones, input.rules.overlapRule, true);
        if (!fit?.best) continue;
        items.push({ ...item('zones', src, 'zones', fit.best.crs, fit.tested, fit.before, fit.best.after, fit.missed), layers: ['pupils'] });
        return;
      }
    });
  }
  const units = input.units;
  if (units && input.pupils.unit && !fixed.has(unitsSource)) {
    const pairs = pupilUnitPairs(input.pupils, units);
    if (pairs.pupil.length >= MIN_PAIRS) {
      // Each pair's pupil in its own file's system, as the zone check above corrected it.
      const group = Int32Array.from(pairs.pupil, (i) => (byFile ? input.pupils.file![i] : 0));
      const readAs = pupilSources.map((src) => src.crs);
      const pupilsRead = pupilSources.map((src) => fixed.get(src) ?? src.crs);
      const [px, py] = rereadGroups(pairs.pupil.map((i) => input.pupils.x[i]), pairs.pupil.map((i) => input.pupils.y[i]), group, readAs, pupilsRead);
      const ux = Float64Array.from(pairs.unit, (u) => units.x[u]);
      const uy = Float64Array.from(pairs.unit, (u) => units.y[u]);
      const distance = (ax: Float64Array, ay: Float64Array, bx: Float64Array, by: Float64Array) => median(Float64Array.from(ax, (_, k) => metres(ax[k], ay[k], bx[k], by[k])));
      const before = distance(px, py, ux, uy);
      const candidates: { layer: 'units' | 'pupils'; source: LayerSource; crs: CoordinateSystem; after: number; x: Float64Array; y: Float64Array }[] = [];
      for (const crs of SYSTEMS.filter((c) => c !== unitsSource.crs)) {
        const [x, y] = reread(ux, uy, unitsSource.crs, crs);
        candidates.push({ layer: 'units', source: unitsSource, crs, after: distance(px, py, x, y), x: ux, y: uy });
      }
      if (ownZonePupils < CONCLUSIVE_PUPILS) {
        pupilSources.forEach((src, f) => {
          if (fixed.has(src)) return;
          for (const crs of SYSTEMS.filter((c) => c !== pupilsRead[f])) {
            const [x, y] = rereadGroups(px, py, group, pupilsRead, pupilsRead.map((c, g) => (g === f ? crs : c)));
            const own = pairs.pupil.flatMap((_, k) => (group[k] === f ? [k] : []));
            candidates.push({ layer: 'pupils', source: src, crs, after: distance(x, y, ux, uy), x: Float64Array.from(own, (k) => px[k]), y: Float64Array.from(own, (k) => py[k]) });
          }
        });
      }
      const best = candidates.filter((c) => c.after * 2 <= before && before - c.after >= MIN_PAIR_GAIN_M).sort((a, b) => a.after - b.after)[0];
      if (best) {
        const points = Array.from({ length: Math.min(best.x.length, MAX_POINTS_SHOWN) }, (_, k): [number, number] => [best.x[k], best.y[k]]);
        items.push(item(best.layer, best.source, best.layer === 'units' ? 'pupils' : 'units', best.crs, pairs.pupil.length, Math.round(before), Math.round(best.after), points));
      }
    }
  }
  return items;
}
