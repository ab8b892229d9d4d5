import { ZONE_LEVELS, type ZoneLevel } from '../../core/rules';
import type { SchoolResult } from '../../core/simulation';
import type { SectionStandards } from '../../core/standards';
import type { ProjectionView, YearView } from '../../../workers/scenarioProjection';

/** A compared scenario: its id, its name as shown, and its projection once computed. */
export interface ComparedScenario {
  id: string;
  name: string;
  view?: ProjectionView;
}

/**
 * The compared scenarios in the order chosen, named (现状 by `baselineName`), each with its
 * projection when there is one. Ids of scenarios that no longer exist are left out.
 */
export function comparedScenarios(
  ids: string[],
  scenarios: { id: string; name: string }[],
  projections: Record<string, { view: ProjectionView }>,
  baselineId: string,
  baselineName: string,
): ComparedScenario[] {
  return ids.flatMap((id) => {
    const name = id === baselineId ? baselineName : scenarios.find((d) => d.id === id)?.name;
    return name === undefined ? [] : [{ id, name, view: projections[id]?.view }];
  });
}

/** One year of a projection, if it was projected that far. */
export function yearOf(view: ProjectionView | undefined, year: number | undefined): YearView | undefined {
  return year === undefined ? undefined : view?.years.find((y) => y.year === year);
}

/** Every year projected for at least one of the scenarios, ascending. */
export function projectedYears(scenarios: ComparedScenario[]): number[] {
  return [...new Set(scenarios.flatMap((c) => c.view?.years.map((y) => y.year) ?? []))].sort((a, b) => a - b);
}

/** County figures of one scenario in one year, as the totals table shows them. */
export interface CountyTotals {
  pupilsMoved: number;
  totalPupils: number;
  oversizeSchools: number;
  totalClasses: number;
  classesOverCap: number;
  largeClasses: number;
  extraLargeClasses: number;
  cvPass: Record<ZoneLevel, boolean>;
  schoolsFailing: Record<ZoneLevel, number>;
}

/** The county figures of a scenario in a year (pupils in all = pupils placed in a school). */
export function countyTotals(view: ProjectionView | undefined, year: number | undefined): CountyTotals | undefined {
  const y = yearOf(view, year);
  if (!view || !y) return undefined;
  const s = y.result.summary;
  return {
    pupilsMoved: view.pupilsMoved,
    totalPupils: s.assigned,
    oversizeSchools: s.oversizeSchools,
    totalClasses: s.totalClasses,
    classesOverCap: s.classesOverCap,
    largeClasses: s.largeClasses,
    extraLargeClasses: s.extraLargeClasses,
    cvPass: { primary: y.standards.primary.cvPass, junior: y.standards.junior.cvPass },
    schoolsFailing: { primary: y.standards.primary.schoolsFailing, junior: y.standards.junior.schoolsFailing },
  };
}

/** The figures of a school the before/after table compares. */
export const SCHOOL_FIGURES = ['enrollment', 'totalClasses', 'maxClassSize', 'classesOverCap', 'oversize'] as const;
export type SchoolFigure = (typeof SCHOOL_FIGURES)[number];
export type SchoolFigures = Pick<SchoolResult, SchoolFigure>;

/** One school across the compared scenarios: its figures in each (undefined: not projected yet). */
export interface SchoolCompareRow {
  id: string;
  name: string;
  nameEn?: string;
  ownership: SchoolResult['ownership'];
  cells: (SchoolFigures | undefined)[];
  /** Some figure differs from the first compared scenario's. */
  changed: boolean;
}

/** Whether a figure of a cell differs from the same figure in the first compared scenario. */
export function differsFromFirst(row: SchoolCompareRow, k: number, figure: SchoolFigure): boolean {
  const a = row.cells[0];
  const b = row.cells[k];
  return k > 0 && !!a && !!b && a[figure] !== b[figure];
}

/** One row per school (dataset order) with its figures in each compared scenario in the year. */
export function schoolCompareRows(scenarios: ComparedScenario[], year: number | undefined): SchoolCompareRow[] {
  const results = scenarios.map((c) => yearOf(c.view, year)?.result.schools);
  const list = results.find((r) => r !== undefined) ?? [];
  return list.map((school, i) => {
    const cells = results.map((r) => {
      const x = r?.[i];
      return x && { enrollment: x.enrollment, totalClasses: x.totalClasses, maxClassSize: x.maxClassSize, classesOverCap: x.classesOverCap, oversize: x.oversize };
    });
    const row: SchoolCompareRow = { id: school.id, name: school.name, nameEn: school.nameEn, ownership: school.ownership, cells, changed: false };
    row.changed = cells.some((_, k) => SCHOOL_FIGURES.some((f) => differsFromFirst(row, k, f)));
    return row;
  });
}

/** Rows whose name (Chinese or English) or id contains the query, and only changed ones if asked. */
export function filterRows(rows: SchoolCompareRow[], query: string, onlyChanged: boolean): SchoolCompareRow[] {
  const q = query.trim().toLowerCase();
  return rows.filter((r) => (!onlyChanged || r.changed) && (q === '' || r.name.includes(q) || r.id.toLowerCase().includes(q) || (r.nameEn ?? '').toLowerCase().includes(q)));
}

/** A line of a chart: a scenario's values by year (null where it was not projected). */
export interface Series {
  name: string;
  values: (number | null)[];
}

/** County counts charted by year. */
export type CountyMetric = 'classesOverCap' | 'largeClasses' | 'oversizeSchools';

/** A county count by year, one series per compared scenario. */
export function countySeries(scenarios: ComparedScenario[], years: number[], metric: CountyMetric): Series[] {
  return scenarios.map((c) => ({ name: c.name, values: years.map((y) => yearOf(c.view, y)?.result.summary[metric] ?? null) }));
}

/** A school's enrollment or classes by year, one series per compared scenario. */
export function schoolSeries(scenarios: ComparedScenario[], years: number[], schoolId: string, figure: 'enrollment' | 'totalClasses' | 'maxClassSize' | 'classesOverCap'): Series[] {
  return scenarios.map((c) => ({
    name: c.name,
    values: years.map((y) => yearOf(c.view, y)?.result.schools.find((s) => s.id === schoolId)?.[figure] ?? null),
  }));
}

/**
 * The school the school chart follows: the selected one, else the worst in the first compared
 * scenario's year (oversized first, then most classes over the cap); undefined when none fails.
 */
export function focusSchool(selectedId: string | undefined, scenarios: ComparedScenario[], year: number | undefined): string | undefined {
  const schools = yearOf(scenarios[0]?.view, year)?.result.schools ?? [];
  if (selectedId && schools.some((s) => s.id === selectedId)) return selectedId;
  const failing = schools.filter((s) => s.oversize || s.classesOverCap > 0);
  failing.sort((a, b) => Number(b.oversize) - Number(a.oversize) || b.classesOverCap - a.classesOverCap);
  return failing[0]?.id;
}

/** A level's verdict for one scenario in one year: county CVs and the school sections failing the 7-indicator rule. */
export interface LevelVerdict {
  cvPass: boolean;
  failing: SectionStandards[];
}

/** Per level, the standards verdict of a scenario in a year. */
export function standardsVerdicts(view: ProjectionView | undefined, year: number | undefined): Record<ZoneLevel, LevelVerdict> | undefined {
  const y = yearOf(view, year);
  if (!y) return undefined;
  const out = {} as Record<ZoneLevel, LevelVerdict>;
  for (const level of ZONE_LEVELS) out[level] = { cvPass: y.standards[level].cvPass, failing: y.standards.sections.filter((x) => x.level === level && !x.pass) };
  return out;
}
