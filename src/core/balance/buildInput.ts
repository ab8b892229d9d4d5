import { GRADE_STRIDE } from '../aggregate';
import type { Dataset } from '../dataset';
import { classCapOfGrade, maxSizeOfSchool, MAX_GRADE, ZONE_LEVELS, type OverlapRule, type Rules, type ZoneLevel } from '../rules';
import { cellUnitOf } from './cellUnit';
import type { ScenarioRun } from '../scenarioRun';
import { datasetUnitCells } from '../units/datasetCells';
import { unitAdjacency } from '../units/unitAdjacency';
import { projectPupils, type FutureYears } from './projectedPupils';
import type { BalanceInput, BalanceLevelInput, UnitAdjacency } from './types';
import { toUnitPupils, type PupilEntries } from './unitPupils';

/** What to balance beyond the scenario's own state. */
export interface BalanceRequest {
  levels: ZoneLevel[];
  /** Schools (ids) whose zones stay as they are, at every level. */
  lockedSchoolIds?: string[];
  /** Units (ids) that stay where they are. */
  lockedUnitIds?: string[];
  /** Unit adjacency per level; default: the units' cells under the scenario's zones (unitAdjacency). */
  adjacency?: Partial<Record<ZoneLevel, UnitAdjacency>>;
  /** Balance the projected pupils of a future year (or of every year up to it) instead of the base year's. */
  future?: FutureYears;
}

const KM_PER_DEGREE = 111.32;

/**
 * The balancing problem of a scenario as it stands (`run`, the engine's run of its state): per
 * level, each unit's pupils where they are now by school and grade, its school (the one the state
 * gives it, else where most of its pupils go; units without pupils of the level take no part), and
 * the pupils no unit of a balanced level carries (`fixed` = the run's counts less the units').
 * With `request.future`, the same for the projected pupils of each planned year (projectPupils):
 * `fixed` is then each year's projected counts less the units'; rooms, openings by year. Schools in
 * km on a plane through the units' mean latitude; open = opened by the first planned year (the
 * base year without `future`); opening = opens from the base year to the first planned year; locks
 * from the state and the request. Unknown ids in the request are refused by the caller (see
 * checkBalanceRequest).
 */
export function buildBalanceInput(dataset: Dataset, run: ScenarioRun, rules: Rules, request: BalanceRequest): BalanceInput {
  const U = dataset.unitIds.length;
  const S = run.schools.length;
  const { lon, lat } = unitPlaces(dataset);
  let latSum = 0;
  let latN = 0;
  for (let u = 0; u < U; u++) if (Number.isFinite(lat[u])) (latSum += lat[u]), latN++;
  const lat0 = latN > 0 ? latSum / latN : 0;
  const kx = KM_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
  const lockedSchools = new Set(request.lockedSchoolIds ?? []);
  const lockedUnits = new Set(request.lockedUnitIds ?? []);
  const projected = request.future && projectPupils(dataset, run.state, rules, request.levels, request.future);
  const years = projected?.years ?? [dataset.baseYear];
  const Y = years.length;
  const schoolsIn = projected?.schools ?? [run.schools];
  const fixed = new Float64Array(Y * S * GRADE_STRIDE);
  (projected?.counts ?? [run.counts]).forEach((c, y) => fixed.set(c, y * S * GRADE_STRIDE));
  const levels: BalanceLevelInput[] = request.levels.map((level, k) => {
    const entries = projected?.entries[k] ?? baseYearEntries(dataset, run, level, rules.overlapRule);
    for (let e = 0; e < entries.unit.length; e++) {
      if (entries.school[e] >= 0) fixed[(entries.slot[e] * S + entries.school[e]) * GRADE_STRIDE + entries.grade[e]] -= entries.count[e];
    }
    const { pupils, majority } = toUnitPupils(U, entries);
    const home = new Int32Array(U).fill(-1);
    for (let u = 0; u < U; u++) if (pupils.offsets[u + 1] > pupils.offsets[u]) home[u] = run.state.unitSchool[level].get(u) ?? majority[u];
    const locked = new Uint8Array(U);
    // A unit without a cell at the level has no area to move (the assignUnits edit refuses it). Its
    // pieces tell, without building every cell's polygon (a minute on Shouguang, in the engine's worker).
    const cells = datasetUnitCells(dataset, level, rules.overlapRule);
    dataset.unitIds.forEach((id, u) => (locked[u] = lockedUnits.has(id) || (home[u] >= 0 && cells.pieceStart[u] === cells.pieceStart[u + 1]) ? 1 : 0));
    return { level, home, pupils, lockedUnits: locked, adjacency: request.adjacency?.[level] ?? unitAdjacency(dataset, run.state, level) };
  });
  const first = years[0];
  return {
    unitIds: dataset.unitIds,
    unitX: Float64Array.from(lon, (x) => x * kx),
    unitY: Float64Array.from(lat, (y) => y * KM_PER_DEGREE),
    schools: run.schools.map((s, k) => {
      const rooms = schoolsIn.map((list) => list[k].classrooms);
      const opens = schoolsIn[0][k].opens;
      return {
        id: s.id,
        level: s.level,
        open: opens === undefined || opens <= first,
        public: s.ownership === 'public',
        rooms: rooms[0],
        ...(rooms.some((r) => r !== rooms[0]) && { roomsByYear: rooms }),
        maxSize: maxSizeOfSchool(s.level, rules),
        x: s.lon * kx,
        y: s.lat * KM_PER_DEGREE,
        locked: { primary: lockedSchools.has(s.id) || run.state.locked.primary.has(k), junior: lockedSchools.has(s.id) || run.state.locked.junior.has(k) },
        opening: opens !== undefined && opens >= dataset.baseYear && opens <= first,
      };
    }),
    gradeCap: Array.from({ length: MAX_GRADE + 1 }, (_, g) => (g === 0 ? 0 : classCapOfGrade(g, rules))),
    firstJuniorGrade: rules.primaryLastGrade + 1,
    years,
    fixed,
    levels,
  };
}

/**
 * The base year's pupils of `level` by unit, school (the run's) and grade, sorted by unit. A pupil
 * without a unit counts with the unit whose cell holds its home (cellUnitOf), as that cell carries
 * it when the unit moves; one in no unit's cell stays where it is.
 */
function baseYearEntries(dataset: Dataset, run: ScenarioRun, level: ZoneLevel, rule: OverlapRule): PupilEntries {
  const p = dataset.pupils;
  const k = ZONE_LEVELS.indexOf(level);
  // Pupils by unit, then (school + 1) × GRADE_STRIDE + grade; school −1 is "no school".
  const byUnit = new Map<number, Map<number, number>>();
  for (let i = p.segmentStart[k]; i < p.segmentStart[k + 1]; i++) {
    const u = p.unit[i] >= 0 ? p.unit[i] : cellUnitOf(dataset, level, rule, p.x[i], p.y[i]);
    if (u < 0) continue;
    let m = byUnit.get(u);
    if (!m) byUnit.set(u, (m = new Map()));
    const key = (run.schoolOf[i] + 1) * GRADE_STRIDE + p.grade[i];
    m.set(key, (m.get(key) ?? 0) + 1);
  }
  const e: PupilEntries = { unit: [], slot: [], school: [], grade: [], count: [] };
  for (const u of [...byUnit.keys()].sort((a, b) => a - b)) {
    const m = byUnit.get(u)!;
    for (const key of [...m.keys()].sort((a, b) => a - b)) {
      e.unit.push(u);
      e.slot.push(0);
      e.school.push(Math.floor(key / GRADE_STRIDE) - 1);
      e.grade.push(key % GRADE_STRIDE);
      e.count.push(m.get(key)!);
    }
  }
  return e;
}

/** Each unit's place: its own point, else the mean of its pupils' homes (NaN when it has neither). */
function unitPlaces(dataset: Dataset): { lon: Float64Array; lat: Float64Array } {
  const U = dataset.unitIds.length;
  const lon = Float64Array.from(dataset.unitX);
  const lat = Float64Array.from(dataset.unitY);
  const sx = new Float64Array(U);
  const sy = new Float64Array(U);
  const n = new Int32Array(U);
  const p = dataset.pupils;
  for (let i = 0; i < p.count; i++) {
    const u = p.unit[i];
    if (u < 0 || Number.isFinite(lon[u])) continue;
    sx[u] += p.x[i];
    sy[u] += p.y[i];
    n[u]++;
  }
  for (let u = 0; u < U; u++) {
    if (Number.isFinite(lon[u]) || n[u] === 0) continue;
    lon[u] = sx[u] / n[u];
    lat[u] = sy[u] / n[u];
  }
  return { lon, lat };
}

/** The first id of the request that the dataset does not have, as a message; undefined when all are known. */
export function checkBalanceRequest(dataset: Dataset, request: BalanceRequest): string | undefined {
  const schools = new Set(dataset.schools.map((s) => s.id));
  const badSchool = request.lockedSchoolIds?.find((id) => !schools.has(id));
  if (badSchool !== undefined) return `unknown school id "${badSchool}"`;
  const units = new Set(dataset.unitIds);
  const badUnit = request.lockedUnitIds?.find((id) => !units.has(id));
  if (badUnit !== undefined) return `unknown unit id "${badUnit}"`;
  return undefined;
}
