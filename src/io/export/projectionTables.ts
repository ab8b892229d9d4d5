import type { MessageLanguage } from '../../core/editProblems';
import type { SimulationResult } from '../../core/simulation';
import { schoolTableHeader, schoolTableRow } from './schoolTable';
import type { Table } from './table';

/** A projection: the simulation of each school year, in the order the years are to be listed. */
export type YearResults = { year: number; result: SimulationResult }[];

const YEAR: Record<MessageLanguage, string> = { 'zh-CN': '年份', en: 'Year' };

const COUNTY_HEADER: Record<MessageLanguage, string[]> = {
  'zh-CN': ['超规模学校', '超标班级', '大班额', '超大班额', '在校生总数'],
  en: ['Oversized schools', 'Classes over cap', 'Large classes (56–65)', 'Extra-large classes (66+)', 'Pupils at schools'],
};

/** The per-school table of every projected year: a 年份 column, then the columns of the per-school table. */
export function computeProjectionTable(years: YearResults, lang: MessageLanguage = 'zh-CN'): Table {
  return {
    header: [YEAR[lang], ...schoolTableHeader(lang)],
    rows: years.flatMap(({ year, result }) => result.schools.map((r) => [year, ...schoolTableRow(r, lang)])),
  };
}

/**
 * County totals by year: oversized schools, classes over the cap, 大班额, 超大班额 and the pupils
 * enrolled at all schools (the sum of the per-school 在校生).
 */
export function computeCountyByYearTable(years: YearResults, lang: MessageLanguage = 'zh-CN'): Table {
  return {
    header: [YEAR[lang], ...COUNTY_HEADER[lang]],
    plainColumns: [0],
    rows: years.map(({ year, result }) => {
      const s = result.summary;
      const pupils = result.schools.reduce((a, r) => a + r.enrollment, 0);
      return [year, s.oversizeSchools, s.classesOverCap, s.largeClasses, s.extraLargeClasses, pupils];
    }),
  };
}
