import type { TextEncodingName } from './textDecoding';

/**
 * Visits data rows in file order: cells as text, and the row's line (CSV) or row number (XLSX),
 * 1-based. Returning false stops a CSV's reading early (an XLSX sheet is in memory: it goes on).
 */
export type RowVisitor = (cells: string[], line: number) => unknown;

/**
 * A table read from a CSV or XLSX file: one unique, non-empty name per column, and its data rows
 * (blank rows skipped), each with its line in the original file so rejected rows can name it.
 */
export interface Table {
  header: string[];
  /** The line (CSV) or row (XLSX) of the last header row. */
  headerLine: number;
  /** The text of each title row above the header (e.g. "寿光市2024年秋季学生名单"), in order. */
  titles: string[];
  forEachRow(visit: RowVisitor): void;
  encoding?: TextEncodingName;
  delimiter?: string;
  sheet?: string;
}

/** Rows searched for the header; rows above it are titles such as "2024年学生名单". */
export const HEADER_SEARCH_ROWS = 10;

/**
 * The index of the header among the first rows: the first row with at least two non-empty cells
 * (a title above it has one), or the first non-blank row when none has two; -1 when all are blank.
 */
export function findHeaderRow(filled: number[]): number {
  const wide = filled.findIndex((n) => n >= 2);
  return wide >= 0 ? wide : filled.findIndex((n) => n >= 1);
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
