import type { Dataset } from '../dataset';
import { computePointSchools } from '../pointSchools';
import type { Rules, ZoneLevel } from '../rules';
import type { MultiPolygonCoords, ZoneState } from '../zoneState';
import { computeFourBounds, namedLinesOf, type Side, type SideBound } from './fourBounds';

/** A compound or village as the notice names it. */
export interface NoticeUnit {
  id: string;
  name: string;
  /** 街道 or 镇 (the unit's `town`), '' when not given. */
  town: string;
}

/** One public school's entry in a level's 招生片区 notice. */
export interface ZoneNoticeEntry {
  school: number;
  /** The compounds and villages of its zone, by town (towns and units in name order). */
  towns: { town: string; units: NoticeUnit[] }[];
  /** 四至 from the named roads and rivers along each side when the dataset has them, and from the neighbouring zones (keys: school ids; a shared zone's joined by 、). */
  bounds: Record<Side, SideBound>;
  /** The zone is shared with other schools (多校划片): their ids. */
  sharedWith: string[];
  /** Units whose pupils live in this zone and in another: for a person to decide. */
  cut: NoticeUnit[];
  /** Units gained and lost against the dataset's own zoning (调整说明). */
  gained: NoticeUnit[];
  lost: NoticeUnit[];
}

/** The zone keys of a level under a state: a school's own by its id, a shared zone's by its schools' ids joined by 、. */
function zonesByKey(dataset: Dataset, state: ZoneState, level: ZoneLevel): Map<string, MultiPolygonCoords> {
  const out = new Map<string, MultiPolygonCoords>();
  for (const [s, g] of state.zones[level]) out.set(dataset.schools[s].id, g);
  for (const z of state.shared[level].values()) out.set(z.schools.map((s) => dataset.schools[s].id).join('、'), z.polygons);
  return out;
}

/** For every point, the schools its zone gives it at `level` under `state` (several for a shared zone; none outside every zone). */
export function zoneSchools(dataset: Dataset, state: ZoneState, level: ZoneLevel, x: Float64Array, y: Float64Array, unit: Int32Array, rules: Rules): number[][] {
  const S = dataset.schools.length;
  const shared = [...state.shared[level].values()];
  return Array.from(computePointSchools(state, level, x, y, unit, rules.overlapRule, S), (s) => (s < 0 ? [] : s < S ? [s] : shared[s - S].schools));
}

/**
 * The 招生片区 notice of a level under a scenario's zoning: per public school teaching the level, the
 * units (compounds, villages) at a point in its zone grouped by town, its 四至 from the neighbouring
 * zones and the named roads, rivers and railways of the dataset along its boundary (computeFourBounds), the schools it shares a zone with, the units whose pupils' homes fall in
 * more than one zone of the level (cut by the boundary), and the units it gains and loses against
 * the dataset's own zoning. `units[u]` names unit u of the dataset.
 */
export function computeZoneNotice(dataset: Dataset, state: ZoneState, level: ZoneLevel, units: readonly NoticeUnit[], rules: Rules): ZoneNoticeEntry[] {
  const U = dataset.unitIds.length;
  const unitIndex = Int32Array.from({ length: U }, (_, u) => u);
  const now = zoneSchools(dataset, state, level, dataset.unitX, dataset.unitY, unitIndex, rules);
  const before = state === dataset.zoneState ? now : zoneSchools(dataset, dataset.zoneState, level, dataset.unitX, dataset.unitY, unitIndex, rules);
  const p = dataset.pupils;
  const pupilSchools = zoneSchools(dataset, state, level, p.x, p.y, p.unit, rules);
  // The schools each unit's pupils of the level live in the zone of.
  const zonesOfUnit = new Map<number, Set<string>>();
  const k = level === 'primary' ? 0 : 1;
  for (let i = p.segmentStart[k]; i < p.segmentStart[k + 1]; i++) {
    if (p.unit[i] < 0) continue;
    const set = zonesOfUnit.get(p.unit[i]) ?? new Set<string>();
    set.add(pupilSchools[i].join(','));
    zonesOfUnit.set(p.unit[i], set);
  }
  const zones = zonesByKey(dataset, state, level);
  const lines = namedLinesOf([dataset.roads, dataset.barrierLines]);
  // Per school: the units it holds now and before, and those its zone shares with another (cut).
  const S = dataset.schools.length;
  const mine = Array.from({ length: S }, () => [] as NoticeUnit[]);
  const gained = Array.from({ length: S }, () => [] as NoticeUnit[]);
  const lost = Array.from({ length: S }, () => [] as NoticeUnit[]);
  const cut = Array.from({ length: S }, () => [] as NoticeUnit[]);
  for (let u = 0; u < U; u++) {
    for (const s of now[u]) {
      mine[s].push(units[u]);
      if (!before[u].includes(s)) gained[s].push(units[u]);
    }
    for (const s of before[u]) if (!now[u].includes(s)) lost[s].push(units[u]);
    const lived = zonesOfUnit.get(u);
    if (lived && lived.size > 1) for (const s of new Set([...lived].flatMap((z) => (z === '' ? [] : z.split(',').map(Number))))) cut[s].push(units[u]);
  }
  const byName = (a: NoticeUnit, b: NoticeUnit) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id);
  const entries: ZoneNoticeEntry[] = [];
  dataset.schools.forEach((school, s) => {
    if (school.ownership !== 'public' || !(school.level === level || school.level === 'nine_year')) return;
    const own = state.zones[level].get(s);
    const sharedZone = [...state.shared[level].values()].find((z) => z.schools.includes(s));
    const geometry = own ?? sharedZone?.polygons;
    if (!geometry) return;
    const key = own ? school.id : sharedZone!.schools.map((m) => dataset.schools[m].id).join('、');
    const towns = new Map<string, NoticeUnit[]>();
    for (const unit of mine[s]) towns.set(unit.town, [...(towns.get(unit.town) ?? []), unit]);
    const others = new Map([...zones].filter(([k]) => k !== key));
    entries.push({
      school: s,
      towns: [...towns].sort((a, b) => a[0].localeCompare(b[0], 'zh-CN')).map(([town, list]) => ({ town, units: list.sort(byName) })),
      bounds: computeFourBounds(geometry, others, lines),
      sharedWith: sharedZone ? sharedZone.schools.filter((m) => m !== s).map((m) => dataset.schools[m].id) : [],
      cut: cut[s].sort(byName),
      gained: gained[s].sort(byName),
      lost: lost[s].sort(byName),
    });
  });
  return entries;
}
