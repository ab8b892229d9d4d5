/** One cell of an exported table: text, a number, or empty (null). */
export type Cell = string | number | null;

/** A table to export: a header row and rows of the same length. */
export interface Table {
  header: string[];
  rows: Cell[][];
  /** Columns whose numbers are years or codes, shown without digit grouping (2020, not 2,020). */
  plainColumns?: number[];
}
