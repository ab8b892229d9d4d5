import { GRADE_STRIDE } from '../aggregate';
import type { Dataset } from '../dataset';
import { classCapOfGrade, maxSizeOfSchool, MAX_GRADE, ZONE_LEVELS, type Rules, type ZoneLevel } from '../rules';
import type { ScenarioRun } from '../scenarioRun';
import { datasetUnitCells } from '../units/datasetCells';
import { unitAdjacency } from '../units/unitAdjacency';
import type { BalanceInput, BalanceLevelInput, UnitAdjacency } from './types';

/** What to balance beyond the scenario's own state. */
export interface BalanceRequest {
  levels: ZoneLevel[];
  /** Schools (ids) whose zones stay as they are, at every level. */
  lockedSchoolIds?: string[];
  /** Units (ids) that stay where they are. */
  lockedUnitIds?: string[];
  /** Unit adjacency per level; default: the units' cells under the scenario's zones (unitAdjacency). */
  adjacency?: Partial<Record<ZoneLevel, UnitAdjacency>>;
}

const KM_PER_DEGREE = 111.32;

/**
 * The balancing problem of a scenario as it stands (`run`, the engine's run of its state): per
 * level, each unit's pupils where they are now by school and grade, its school (where most of its
 * pupils go; units without pupils of the level take no part), and the pupils no unit of a balanced
 * level carries (`fixed` = the run's counts less the units'). Schools in km on a plane through the
 * units' mean latitude; open = opened by the base year; locks from the state and the request.
 * Unknown ids in the request are refused by the caller (see checkBalanceRequest).
 */
export function buildBalanceInput(dataset: Dataset, run: ScenarioRun, rules: Rules, request: BalanceRequest): BalanceInput {
  const U = dataset.unitIds.length;
  const p = dataset.pupils;
  const { lon, lat } = unitPlaces(dataset);
  let latSum = 0;
  let latN = 0;
  for (let u = 0; u < U; u++) if (Number.isFinite(lat[u])) (latSum += lat[u]), latN++;
  const lat0 = latN > 0 ? latSum / latN : 0;
  const kx = KM_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
  const lockedSchools = new Set(request.lockedSchoolIds ?? []);
  const lockedUnits = new Set(request.lockedUnitIds ?? []);
  const fixed = Int32Array.from(run.counts);
  const levels: BalanceLevelInput[] = [];
  for (const level of request.levels) {
    const k = ZONE_LEVELS.indexOf(level);
    // Pupils of each unit by (school + 1) × GRADE_STRIDE + grade; school −1 is "no school".
    const byUnit = new Map<number, Map<number, number>>();
    for (let i = p.segmentStart[k]; i < p.segmentStart[k + 1]; i++) {
      const u = p.unit[i];
      if (u < 0) continue;
      let m = byUnit.get(u);
      if (!m) byUnit.set(u, (m = new Map()));
      const key = (run.schoolOf[i] + 1) * GRADE_STRIDE + p.grade[i];
      m.set(key, (m.get(key) ?? 0) + 1);
    }
    const home = new Int32Array(U).fill(-1);
    const offsets = new Int32Array(U + 1);
    const school: number[] = [];
    const grade: number[] = [];
    const count: number[] = [];
    for (let u = 0; u < U; u++) {
      offsets[u] = school.length;
      const m = byUnit.get(u);
      if (!m) continue;
      const perSchool = new Map<number, number>();
      for (const key of [...m.keys()].sort((a, b) => a - b)) {
        const s = Math.floor(key / GRADE_STRIDE) - 1;
        const g = key % GRADE_STRIDE;
        const n = m.get(key)!;
        school.push(s);
        grade.push(g);
        count.push(n);
        if (s >= 0) {
          fixed[s * GRADE_STRIDE + g] -= n;
          perSchool.set(s, (perSchool.get(s) ?? 0) + n);
        }
      }
      let best = -1;
      for (const [s, n] of perSchool) if (best < 0 || n > perSchool.get(best)! || (n === perSchool.get(best)! && s < best)) best = s;
      const assigned = run.state.unitSchool[level].get(u);
      home[u] = assigned ?? best;
    }
    offsets[U] = school.length;
    const locked = new Uint8Array(U);
    // A unit without a cell at the level has no area to move (the assignUnits edit refuses it). Its
    // pieces tell, without building every cell's polygon (a minute on Shouguang, in the engine's worker).
    const cells = datasetUnitCells(dataset, level, rules.overlapRule);
    dataset.unitIds.forEach((id, u) => (locked[u] = lockedUnits.has(id) || (home[u] >= 0 && cells.pieceStart[u] === cells.pieceStart[u + 1]) ? 1 : 0));
    levels.push({
      level,
      home,
      pupils: { offsets, school: Int32Array.from(school), year: new Uint8Array(school.length), grade: Uint8Array.from(grade), count: Int32Array.from(count) },
      lockedUnits: locked,
      adjacency: request.adjacency?.[level] ?? unitAdjacency(dataset, run.state, level),
    });
  }
  const year = dataset.baseYear;
  return {
    unitIds: dataset.unitIds,
    unitX: Float64Array.from(lon, (x) => x * kx),
    unitY: Float64Array.from(lat, (y) => y * KM_PER_DEGREE),
    schools: run.schools.map((s, k) => ({
      id: s.id,
      level: s.level,
      open: s.opens === undefined || s.opens <= year,
      public: s.ownership === 'public',
      rooms: s.classrooms,
      maxSize: maxSizeOfSchool(s.level, rules),
      x: s.lon * kx,
      y: s.lat * KM_PER_DEGREE,
      locked: { primary: lockedSchools.has(s.id) || run.state.locked.primary.has(k), junior: lockedSchools.has(s.id) || run.state.locked.junior.has(k) },
      opening: s.opens === year,
    })),
    gradeCap: Array.from({ length: MAX_GRADE + 1 }, (_, g) => (g === 0 ? 0 : classCapOfGrade(g, rules))),
    firstJuniorGrade: rules.primaryLastGrade + 1,
    years: [year],
    fixed,
    levels,
  };
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
