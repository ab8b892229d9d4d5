import type { Dataset } from '../dataset';
import { computeProjection } from '../projection';
import { MAX_GRADE, type Rules, type ZoneLevel } from '../rules';
import type { ProjectionSettings, ScenarioRules } from '../scenarioRules';
import type { ZoneState } from '../zoneState';

/** One pupil a scenario moves at one level: the first year its school there differs from the one it would have had. */
export interface LetterRow {
  /** Pupil row in `dataset.pupils`. */
  row: number;
  /** The pupil's unit (index into dataset.unitIds), −1 when not known. */
  unit: number;
  level: ZoneLevel;
  /** Grade in the base year and in the year the change applies. */
  baseGrade: number;
  grade: number;
  /** The school year the change applies from. */
  year: number;
  /** The public schools the pupil would go to without the scenario's zoning, and with it (several for a shared zone, 多校划片); [] for none. */
  from: number[];
  to: number[];
}

// A pupil's zoned public schools in one year, coded: −1 none, s < S one school, S + k the k-th set of several.
type Codes = Int32Array;

/**
 * Per base-year pupil row and year after the base year (t = 1 … years), the public schools its
 * projection places it at: the projection's own placements (its sink), so phase-in, openings and
 * shared zones decide exactly as they do for the counts; private schools (a fixed pupil's, the
 * private shares of entrants) are left out, diversions (whole counts, not pupils) are not seen.
 */
function placements(dataset: Dataset, state: ZoneState, scenario: ScenarioRules, settings: ProjectionSettings, rules: Rules, years: number, sets: Map<string, number>, list: number[][]): Codes {
  const n = dataset.pupils.count;
  const S = dataset.schools.length;
  const codes = new Int32Array(n * years).fill(-1);
  const base = dataset.baseYear;
  const isPublic = dataset.schools.map((s) => s.ownership === 'public');
  const setCode = (schools: number[]) => {
    const key = schools.join(',');
    let k = sets.get(key);
    if (k === undefined) {
      k = list.length;
      sets.set(key, k);
      list.push(schools);
    }
    return S + k;
  };
  computeProjection({
    dataset, state, scenario, rules,
    settings: { ...settings, years },
    sink: (year, _loc, baseRow, _grade, school, fraction) => {
      const t = year - base;
      if (baseRow < 0 || t < 1 || fraction <= 0 || !isPublic[school]) return;
      const at = baseRow * years + t - 1;
      const code = codes[at];
      if (code === school) return;
      if (code < 0) codes[at] = school;
      else {
        const known = code < S ? [code] : list[code - S];
        if (!known.includes(school)) codes[at] = setCode([...known, school].sort((a, b) => a - b));
      }
    },
  });
  return codes;
}

/**
 * The pupils a scenario moves, for letters to their families: for every pupil of the base year and
 * level, the first year after the base year (while the pupil is still in school: up to grade 9) in
 * which the public school(s) its projection places it at under the scenario's zoning differ from
 * those under the dataset's own zoning with the same rules. With phase-in the enrolled stay where
 * they entered, so a pupil is moved only when it next enters a level (grade 7) from the phase-in
 * year on; without it every pupil of a changed area moves in the first year. Rows by unit, then
 * level, year and pupil row.
 */
export function computeLetterRows(dataset: Dataset, state: ZoneState, scenario: ScenarioRules, settings: ProjectionSettings, rules: Rules): LetterRow[] {
  const years = MAX_GRADE - 1;
  const sets = new Map<string, number>();
  const list: number[][] = [];
  const before = placements(dataset, dataset.zoneState, scenario, settings, rules, years, sets, list);
  const after = state === dataset.zoneState ? before : placements(dataset, state, scenario, settings, rules, years, sets, list);
  const S = dataset.schools.length;
  const decode = (code: number) => (code < 0 ? [] : code < S ? [code] : list[code - S]);
  const p = dataset.pupils;
  const rows: LetterRow[] = [];
  for (let i = 0; i < p.count; i++) {
    const done = new Set<ZoneLevel>();
    for (let t = 1; t <= years && p.grade[i] + t <= MAX_GRADE; t++) {
      const grade = p.grade[i] + t;
      const level: ZoneLevel = grade <= rules.primaryLastGrade ? 'primary' : 'junior';
      const at = i * years + t - 1;
      if (done.has(level) || before[at] === after[at]) continue;
      done.add(level);
      rows.push({ row: i, unit: p.unit[i], level, baseGrade: p.grade[i], grade, year: dataset.baseYear + t, from: decode(before[at]), to: decode(after[at]) });
    }
  }
  return rows.sort((a, b) => a.unit - b.unit || (a.level === b.level ? 0 : a.level === 'primary' ? -1 : 1) || a.year - b.year || a.row - b.row);
}

/** One unit's moves for its letter: per (level, year, from, to) the pupils and their grades in that year. */
export interface UnitLetter {
  unit: number;
  moves: { level: ZoneLevel; year: number; from: number[]; to: number[]; pupils: number; grades: number[] }[];
}

/** The letter rows grouped by unit, each unit's moves by level, year and schools (in the rows' order), with the pupils and grades of each. */
export function groupLettersByUnit(rows: readonly LetterRow[]): UnitLetter[] {
  const byUnit = new Map<number, Map<string, UnitLetter['moves'][number]>>();
  for (const r of rows) {
    const moves = byUnit.get(r.unit) ?? new Map<string, UnitLetter['moves'][number]>();
    byUnit.set(r.unit, moves);
    const key = `${r.level}|${r.year}|${r.from.join(',')}|${r.to.join(',')}`;
    const move = moves.get(key) ?? { level: r.level, year: r.year, from: r.from, to: r.to, pupils: 0, grades: [] };
    moves.set(key, move);
    move.pupils++;
    if (!move.grades.includes(r.grade)) move.grades.push(r.grade);
  }
  return [...byUnit].map(([unit, moves]) => ({ unit, moves: [...moves.values()].map((m) => ({ ...m, grades: m.grades.sort((a, b) => a - b) })) }));
}
