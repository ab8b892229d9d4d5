import type { School } from '../../core/dataset';
import type { MessageLanguage } from '../../core/editProblems';
import type { MovedUnitGroup } from '../../core/moves';
import { MESSAGES } from '../../i18n/messages';
import { formatCsv } from './csv';
import type { Table } from './table';

const HEADER: Record<MessageLanguage, string[]> = {
  'zh-CN': ['小区/村代码', '小区/村名称', '原学校', '新学校', '年级', '人数'],
  en: ['Unit ID', 'Unit name', 'From school', 'To school', 'Grade', 'Pupils'],
};

/**
 * The moved pupils by unit as a table: unit id and name (from `unitNames`, empty when unknown),
 * school names (片区外 for none), grade and count, in the groups' order.
 */
export function computeMovedTable(groups: MovedUnitGroup[], schools: School[], unitNames: ReadonlyMap<string, string> = new Map(), lang: MessageLanguage = 'zh-CN'): Table {
  const nameOf = new Map(schools.map((s) => [s.id, lang === 'en' && s.nameEn ? s.nameEn : s.name]));
  const school = (id: string | null) => (id === null ? MESSAGES[lang].noSchool : (nameOf.get(id) ?? id));
  return {
    header: HEADER[lang],
    rows: groups.map((g) => [g.unit, unitNames.get(g.unit) ?? '', school(g.from), school(g.to), g.grade, g.count]),
  };
}

/** The moved pupils by unit as CSV text (see computeMovedTable and formatCsv). */
export function formatMovedCsv(groups: MovedUnitGroup[], schools: School[], unitNames?: ReadonlyMap<string, string>, lang: MessageLanguage = 'zh-CN'): string {
  return formatCsv(computeMovedTable(groups, schools, unitNames, lang));
}
