import ExcelJS from 'exceljs';
import type { MessageLanguage } from '../../core/editProblems';
import type { SimulationResult } from '../../core/simulation';
import { safeCell } from '../safeCell';
import { computeCountyByYearTable, computeProjectionTable, type YearResults } from './projectionTables';
import { computeSchoolTable } from './schoolTable';
import type { Cell, Table } from './table';

/** A table and the name of the sheet it goes on (≤ 31 characters, no : \ / ? * [ ]). */
export interface NamedTable {
  name: string;
  table: Table;
}

const SHEETS: Record<MessageLanguage, Record<'schools' | 'projection' | 'county' | 'distance', string>> = {
  'zh-CN': { schools: '学校', projection: '逐年预测', county: '全县逐年', distance: '就近入学' },
  en: { schools: 'Schools', projection: 'Projection by school', county: 'County by year', distance: 'Distance to school' },
};

/** Width of a column in characters, counting a CJK character as two. */
function textWidth(c: Cell): number {
  if (c === null) return 0;
  const text = String(c);
  return text.length + (text.match(/[\u2E80-\uFFEF]/g)?.length ?? 0);
}

/**
 * A workbook with one sheet per table: bold header row frozen, columns as wide as their content
 * (8–40 characters), numbers as numbers, text escaped by `safeCell`.
 */
export function buildTablesWorkbook(tables: NamedTable[]): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  for (const { name, table } of tables) {
    const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(table.header.map(safeCell)).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((c) => (typeof c === 'string' ? safeCell(c) : c)));
    table.header.forEach((h, i) => {
      const widest = Math.max(textWidth(h), ...table.rows.map((row) => textWidth(row[i])));
      sheet.getColumn(i + 1).width = Math.min(40, Math.max(8, widest + 2));
    });
  }
  return book;
}

/**
 * The results as XLSX bytes: sheet 学校 (the per-school table of `result`), 就近入学 when a distance
 * table is given (computeDistanceTable), and, when a projection is given, 逐年预测 (per school and
 * year) and 全县逐年 (county totals by year).
 */
export async function buildResultsXlsx(result: SimulationResult, projection: YearResults | undefined, lang: MessageLanguage = 'zh-CN', distance?: Table): Promise<Uint8Array> {
  const names = SHEETS[lang];
  const tables: NamedTable[] = [{ name: names.schools, table: computeSchoolTable(result, lang) }];
  if (distance) tables.push({ name: names.distance, table: distance });
  if (projection) {
    tables.push({ name: names.projection, table: computeProjectionTable(projection, lang) });
    tables.push({ name: names.county, table: computeCountyByYearTable(projection, lang) });
  }
  return new Uint8Array(await buildTablesWorkbook(tables).xlsx.writeBuffer());
}
