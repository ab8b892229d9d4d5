import type { MessageLanguage } from '../../core/editProblems';
import { MAX_GRADE } from '../../core/rules';
import type { SchoolResult, SimulationResult } from '../../core/simulation';
import { MESSAGES } from '../../i18n/messages';
import type { Cell, Table } from './table';

const GRADES = Array.from({ length: MAX_GRADE }, (_, i) => i + 1);

const HEADERS: Record<MessageLanguage, { before: string[]; grade: (g: number) => string; after: string[] }> = {
  'zh-CN': {
    before: ['学校代码', '学校名称', '学段', '办学性质', '状态', '在校生'],
    grade: (g) => `${g}年级`,
    after: ['班级数', '最大班额', '超标班级', '大班额', '超大班额', '超规模', '教室数', '教室利用率（%）'],
  },
  en: {
    before: ['School ID', 'School name', 'Level', 'Ownership', 'Status', 'Pupils'],
    grade: (g) => `Grade ${g}`,
    after: ['Classes', 'Largest class', 'Classes over cap', 'Large classes (56–65)', 'Extra-large classes (66+)', 'Oversized', 'Classrooms', 'Room utilization (%)'],
  },
};

/** Header of the per-school table in the language: ID, name, level, …, grades 1–9, …, utilization. */
export function schoolTableHeader(lang: MessageLanguage): string[] {
  const h = HEADERS[lang];
  return [...h.before, ...GRADES.map(h.grade), ...h.after];
}

/**
 * One school's row under `schoolTableHeader`: grades it does not teach are empty; utilization is a
 * percentage rounded to 0.1, empty when its classrooms are not known.
 */
export function schoolTableRow(r: SchoolResult, lang: MessageLanguage): Cell[] {
  const m = MESSAGES[lang];
  return [
    r.id,
    lang === 'en' && r.nameEn ? r.nameEn : r.name,
    m[r.level],
    m[r.ownership],
    r.planned ? m.planned : null,
    r.enrollment,
    ...GRADES.map((g) => r.grades[g] ?? null),
    r.totalClasses,
    r.maxClassSize,
    r.classesOverCap,
    r.largeClasses,
    r.extraLargeClasses,
    r.oversize ? m.yes : m.no,
    r.classrooms ?? null,
    r.utilization === undefined ? null : Math.round(r.utilization * 1000) / 10,
  ];
}

/** The per-school table of a simulation, one row per school in the result's (dataset) order. */
export function computeSchoolTable(result: SimulationResult, lang: MessageLanguage = 'zh-CN'): Table {
  return { header: schoolTableHeader(lang), rows: result.schools.map((r) => schoolTableRow(r, lang)) };
}
