import Papa from 'papaparse';
import type { DataProblem } from '../core/dataProblems';
import { stripBom } from './dataError';

/** Characters of a pupils' text parsed at a time. */
const PARSE_PIECE_CHARS = 1 << 20;

/** A row of a source table skipped as a total row (合计, 小计 …): its file when not the source's own, its line, why. */
export interface SkippedPupilRow {
  file?: string;
  line: number;
  problem: DataProblem;
}

/** What a pupil row source hands its reader: every data row in order, and every total row it skipped. */
export interface PupilRowVisitor {
  /** A data row: cells in the order of the source's header; `line` is its line in the text read. */
  row(cells: string[], line: number): void;
  skip(row: SkippedPupilRow): void;
}

/**
 * The pupils' rows in the columns of the contract's students.csv (id, lon, lat, grade and the
 * optional ones, see parseStudents), read from its text or handed over by the importer as it
 * converts a table, so that no intermediate text is built. A source can be read more than once.
 */
export interface PupilRowSource {
  /** Column names as written (parseStudents trims them and ignores case); empty for an empty file. */
  header: string[];
  /** At least the number of data rows (for sizing the columns). */
  rowBound: number;
  forEachRow(visit: PupilRowVisitor): void;
}

/** An upper bound on the rows of a CSV text: its line breaks plus one. */
function rowBound(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) n++;
  }
  return n;
}

/**
 * The rows of a students.csv text (header row first; a BOM ignored): each data row with its row
 * number (the header is 1), blank rows left out. The text is parsed 1 M characters at a time, a
 * row cut by a piece's end joined again.
 */
export function textPupilRows(text: string): PupilRowSource {
  const body = stripBom(text);
  const first = Papa.parse<string[]>(body, { preview: 1 }).data[0];
  const empty = first === undefined || (first.join('') === '' && !/[\r\n]/.test(body));
  return {
    header: empty ? [] : first,
    rowBound: rowBound(body),
    forEachRow(visit) {
      if (empty) return;
      let r = 0;
      // In pieces: parsed whole, a million rows' strings outlive the young generation and V8's heap
      // grows by hundreds of MB of garbage before it collects them.
      Papa.parse<string[]>(body, {
        chunkSize: PARSE_PIECE_CHARS,
        step: ({ data }) => {
          r++;
          if (r === 1 || (data.length === 1 && data[0].trim() === '')) return;
          visit.row(data, r);
        },
      });
    },
  };
}
