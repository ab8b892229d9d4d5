import Papa from 'papaparse';
import { DataError } from '../dataError';
import { findHeaderRow, HEADER_SEARCH_ROWS, uniqueNames, type RowVisitor, type Table } from './table';

const DELIMITERS = [',', ';', '\t'];

/** Line breaks in text[from, to): CRLF counts once, a lone CR or LF once. */
function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

/** Parses rows one at a time with their first line; `visit` returning false stops. */
function stepRows(text: string, delimiter: string, visit: (cells: string[], line: number) => unknown): void {
  let line = 1;
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    step: (result, parser) => {
      const end = result.meta.cursor;
      const rowLine = line;
      line += countLineBreaks(text, start, end);
      start = end;
      if (visit(result.data, rowLine) === false) parser.abort();
    },
  });
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/**
 * A CSV table from decoded text (no BOM): the delimiter (comma, semicolon or tab) is guessed from
 * the first rows, lines may end in LF, CRLF or CR, title rows above the header are skipped.
 * Throws a DataError naming the file when it holds no row at all.
 */
export function readCsvTable(file: string, text: string): Table {
  const guess = Papa.parse<string[]>(text, { preview: HEADER_SEARCH_ROWS, skipEmptyLines: true, delimitersToGuess: DELIMITERS });
  const delimiter = guess.meta.delimiter;
  const top: { cells: string[]; line: number }[] = [];
  stepRows(text, delimiter, (cells, line) => {
    if (!isBlank(cells)) top.push({ cells, line });
    return top.length < HEADER_SEARCH_ROWS;
  });
  const h = findHeaderRow(top.map((r) => r.cells.filter((c) => c.trim() !== '').length));
  if (h < 0) throw new DataError(file, 'emptyFile');
  const headerLine = top[h].line;
  return {
    header: uniqueNames(top[h].cells),
    headerLine,
    titles: top.slice(0, h).map((r) => r.cells.join(' ').trim()),
    delimiter,
    forEachRow(visit: RowVisitor) {
      stepRows(text, delimiter, (cells, line) => {
        if (line > headerLine && !isBlank(cells)) return visit(cells, line);
      });
    },
  };
}
