import type { DataProblem } from '../../core/dataProblems';
import type { TextEncodingName } from './textDecoding';
import { noteRowText } from './totalRows';

/**
 * Visits data rows in file order: cells as text, and the row's line (CSV) or row number (XLSX),
 * 1-based. Returning false stops a CSV's reading early (an XLSX sheet is in memory: it goes on).
 */
export type RowVisitor = (cells: string[], line: number) => unknown;

/**
 * Hears a row that cannot be split into cells (a CSV quote that does not close properly), by the
 * line where it starts; reading goes on at the next line. Returning false stops reading.
 */
export type BrokenRowVisitor = (line: number, problem: DataProblem) => unknown;

/** A column name the header has more than once, and the names the table gives its copies ("学籍号", "学籍号 2"). */
export interface RepeatedColumn {
  name: string;
  copies: string[];
}

/**
 * A table read from a CSV or XLSX file: one unique, non-empty name per column, and its data rows
 * (blank rows skipped), each with its line in the original file so rejected rows can name it.
 */
export interface Table {
  /** The file's name, for messages. */
  file: string;
  header: string[];
  /** The line (CSV) or row (XLSX) of the last header row. */
  headerLine: number;
  /** At least the number of data rows (CSV: its line breaks plus one; XLSX: the sheet's last row). */
  rowBound: number;
  /** The text of each title row above the header (e.g. "寿光市2024年秋季学生名单"), in order. */
  titles: string[];
  /**
   * Visits the data rows; a row that cannot be split goes to `broken` (without it, reading stops
   * with a DataError naming the file and line): no row is skipped without a word.
   */
  forEachRow(visit: RowVisitor, broken?: BrokenRowVisitor): void;
  /** Names the header has more than once (empty when none). */
  repeated: RepeatedColumn[];
  encoding?: TextEncodingName;
  delimiter?: string;
  sheet?: string;
  /** XLSX: the workbook's other worksheets that hold rows (not read), each with its rows. */
  otherSheets?: SheetNotRead[];
  /** XLSX: the other worksheets whose header is this one's (a list split into sheets: 小学, 初中), as tables of their own. */
  alikeSheets?: Table[];
}

/** A worksheet of a workbook that was not read, and how many rows it holds. */
export interface SheetNotRead {
  name: string;
  rows: number;
  /**
   * Why it was passed over: with a header that fits, it is hidden, its name says its pupils left (已转出,
   * 毕业 …), or it names an earlier school year than the sheet read (2023秋 beside 2024秋); or none of its
   * columns is one the table needs (notes such as 填表说明).
   */
  why?: 'hidden' | 'notCurrent' | 'olderYear' | 'unrelated';
}

/** Rows searched for the header; rows above it are titles such as "2024年学生名单". */
export const HEADER_SEARCH_ROWS = 20;

/** A top row's non-empty cells for findHeaderRow, none for a note row (填报单位：… 填报日期：…, see noteRowText) or a title typed in cells apart (isTitleRow): it is no header. */
export function filledOutsideNotes(cells: readonly string[]): number {
  return noteRowText(cells) === undefined && !isTitleRow(cells) ? cells.filter((c) => c.trim() !== '').length : 0;
}

/**
 * The index of the header among the first rows: the first row with at least two non-empty cells
 * (a title above it has one), or the first non-blank row when none has two; -1 when all are blank.
 */
export function findHeaderRow(filled: number[]): number {
  const wide = filled.findIndex((n) => n >= 2);
  return wide >= 0 ? wide : filled.findIndex((n) => n >= 1);
}

// A title's words (学生名单, 基本情况表, 统计表 …) and a date or term (2024年9月, 2024-09-01, 2024年秋季学期).
const TITLE_CELL = /名单|名册|名录|统计表|情况表|一览表|汇总表|登记表|明细表|信息表|^\d{4}(?:年(?:\d{1,2}月(?:\d{1,2}日)?|[秋春]季?(?:学期)?)?|[-/.]\d{1,2}(?:[-/.]\d{1,2})?)$/;

/** Whether a row above a table is its title typed in cells apart (样本县学生名单 … 2024年9月): at most three texts, each a title or a date. */
export function isTitleRow(cells: readonly string[]): boolean {
  const texts = new Set(cells.map((c) => c.normalize('NFKC').replace(/\s+/g, '')).filter((c) => c !== ''));
  return texts.size >= 1 && texts.size <= 3 && [...texts].every((t) => TITLE_CELL.test(t));
}

/**
 * Makes column names usable: trimmed, an empty one named by its position ("#3"), and a repeated
 * one suffixed by its count ("坐标", "坐标 2").
 */
export function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw, i) => {
    const name = raw.trim() === '' ? `#${i + 1}` : raw.trim();
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} ${count}`;
  });
}

/** The names `names` repeats, with the names uniqueNames gives their copies; `names` as given (before uniqueNames). */
export function repeatedColumns(names: string[]): RepeatedColumn[] {
  const unique = uniqueNames(names);
  const byName = new Map<string, string[]>();
  names.forEach((raw, i) => {
    const name = raw.trim();
    if (name === '') return;
    byName.set(name, [...(byName.get(name) ?? []), unique[i]]);
  });
  return [...byName].filter(([, copies]) => copies.length > 1).map(([name, copies]) => ({ name, copies }));
}
