import type { DataProblem } from '../../core/dataProblems';

/** Why a row is a total row: the label it carries (合计, 小计 …), or the sums it holds. */
export type TotalRow = { label: string } | { sums: true };

/** A row of a table that is not data (a total row), with why. */
export interface SkippedRow {
  line: number;
  problem: DataProblem;
  /** The worksheet, when a table of several sheets was read and it is not the first. */
  sheet?: string;
}

/** The problem that lists a skipped total row. */
export function totalRowProblem(total: TotalRow): DataProblem {
  return 'label' in total ? { code: 'totalRowSkipped', params: { got: total.label } } : { code: 'sumRowSkipped', params: {} };
}

/** The problem that lists a skipped copy of the header row. */
export const HEADER_COPY: DataProblem = { code: 'headerRowSkipped', params: {} };

/**
 * A test for the data rows that repeat the header, as a sheet pasted together from several, each
 * with its header, has them: at least two cells filled, each its column's name.
 */
export function createHeaderCopyTest(header: readonly string[]): (cells: readonly string[]) => boolean {
  const names = header.map(compact);
  // Most cells are data: one that holds neither its name's first character nor a full-width one cannot be the name.
  const mayBe = (cell: string, i: number) => names[i] !== '' && (cell.includes(names[i][0]) || /[\u3000\uff00-\uffef]/.test(cell));
  return (cells) => {
    let filled = 0;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] ?? '';
      if (cell === '') continue;
      if (mayBe(cell, i) && compact(cell) === names[i]) filled++;
      else if (cell.trim() !== '') return false;
    }
    return filled >= 2;
  };
}

const STEMS = '甲乙丙丁戊己庚辛壬癸';

/** The problem that lists a skipped column-numbering row (栏次: 甲 乙 丙 1 2 3). */
export const COLUMN_NUMBERING: DataProblem = { code: 'numberingRowSkipped', params: {} };

/**
 * Whether a row numbers the columns, as statistical forms have under their header (栏次 | 甲 | 乙 | 丙 |
 * 1 | 2 | 3): at least three cells filled, each a heavenly stem (甲, 乙 … in order) or a whole number (1, 2 …
 * each one more than the last), besides a 栏次 or 栏目 label.
 */
export function isColumnNumbering(cells: readonly string[]): boolean {
  let stem = -1;
  let number = 0;
  let filled = 0;
  for (const cell of cells) {
    const raw = cell.trim();
    // A data row's first cell (an id, a name) is longer than any stem or column number: no normalising per row.
    if (raw.length > 3) return false;
    const text = compact(raw);
    if (text === '' || text === '栏次' || text === '栏目') continue;
    const s = text.length === 1 ? STEMS.indexOf(text) : -1;
    if (s >= 0) {
      if (s !== stem + 1 || number > 0) return false;
      stem = s;
    } else if (/^\d+$/.test(text) && Number(text) === number + 1) number++;
    else return false;
    filled++;
  }
  return filled >= 3;
}

// A note's label: who filled the table in and when, or an explanation (填表人：, 审核人：, 填报日期：, 填表说明：, 注：, 注1、);
// or a printed page's footer left in the export (第 1 页，共 23 页).
const NOTE = /^(?:注|说明|填表说明|填报说明|备注|填表人|填报人|制表人?|审核人?|负责人|校长|联系人|联系电话|电话|填报单位|填表单位|单位|填报日期|填表日期|制表日期|日期)[:：]|^注[\d一二三四五六七八九十]+[、.．:：]|^第\d+页(?:[,/]?共\d+页)?$|^共\d+页[,/]?第\d+页$/;

/**
 * The first cell of a note row under or above a table (填表人：张三, 审核人：李四, 填表说明：…), or
 * undefined: a row of at most three distinct texts (a note merged across the row repeats in every
 * cell), each starting with a note's label. Such a row is not data.
 */
export function noteRowText(cells: readonly string[]): string | undefined {
  const distinct = new Set<string>();
  for (const cell of cells) {
    const text = cell.trim();
    if (text === '' || distinct.has(text)) continue;
    if (distinct.size === 3 || !NOTE.test(compact(text))) return undefined;
    distinct.add(text);
  }
  return distinct.values().next().value;
}

/** The problem that lists a skipped note row, with the start of its text. */
export function noteRowProblem(text: string): DataProblem {
  return { code: 'noteRowSkipped', params: { got: text.length > 24 ? `${text.slice(0, 24)}…` : text } };
}

// A label cell: 合计, 总计, 小计, 共计 or 汇总, maybe after a few words (一年级小计, 全校合计, 全县汇总) and before a note or a number (合计：, 合计(人)).
const LABEL = /^[\p{Script=Han}\d]{0,8}?(?:合计|总计|小计|共计|汇总)(?:[:(\d].*)?$/u;

const compact = (cell: string) => cell.normalize('NFKC').replace(/\s+/g, '');

/** A cell's number ("1,234" as 1234), NaN when it is not one. */
function numberOf(cell: string): number {
  // Most cells are not numbers: settle those by their first character, the rest by Number.
  const c = cell.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 45 || c === 46 || c === 32)) return NaN;
  const n = Number(cell);
  if (!Number.isNaN(n)) return c === 32 && cell.trim() === '' ? NaN : n;
  const s = cell.trim().replace(/,/g, '');
  return /^-?(?:\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : NaN;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * A test for the total rows of a sheet, fed every data row in order (blank rows left out): a row
 * with a cell labelled 合计, 总计, 小计, 共计 or 汇总 (with `idColumn` given, at or before the id's cell, or
 * with the id empty: a row with an id of its own is data), or — with `idColumn` given — a row with no id whose
 * numbers (at least one, not all zero) each equal the sum of their column over the data rows above
 * (the rows since the last total row, or all of them; at least two). A total row starts a new block
 * and is not added to the sums.
 */
export function createTotalRowTest(idColumn: number): (cells: string[]) => TotalRow | undefined {
  let block: number[] = [];
  const all: number[] = [];
  let blockRows = 0;
  let allRows = 0;
  const sumsAbove = (cells: string[]) => {
    if (idColumn < 0 || (cells[idColumn] ?? '').trim() !== '') return false;
    let numbers = 0;
    let nonZero = false;
    const equals = (sums: number[], rows: number) => rows >= 2 && cells.every((c, i) => {
      const n = numberOf(c);
      return Number.isNaN(n) || close(n, sums[i] ?? 0);
    });
    for (const c of cells) {
      const n = numberOf(c);
      if (Number.isNaN(n)) continue;
      numbers++;
      if (n !== 0) nonZero = true;
    }
    return numbers > 0 && nonZero && (equals(block, blockRows) || equals(all, allRows));
  };
  return (cells) => {
    const at = cells.findIndex((c) => (c.includes('计') || c.includes('汇总')) && LABEL.test(compact(c)));
    // A row with an id of its own is data whatever a cell after the id says (an address 小计, a note
    // 全村合计：5户): a label makes a total where the id is empty, or from the id's cell or one before
    // it (小计 | 86 | …: the count under the id).
    const label = at >= 0 && (idColumn < 0 || at <= idColumn || (cells[idColumn] ?? '').trim() === '') ? cells[at] : undefined;
    const total: TotalRow | undefined = label !== undefined ? { label: compact(label) } : sumsAbove(cells) ? { sums: true } : undefined;
    if (total) {
      block = [];
      blockRows = 0;
      return total;
    }
    for (let i = 0; i < cells.length; i++) {
      const n = numberOf(cells[i]);
      if (Number.isNaN(n)) continue;
      block[i] = (block[i] ?? 0) + n;
      all[i] = (all[i] ?? 0) + n;
    }
    blockRows++;
    allRows++;
    return undefined;
  };
}
