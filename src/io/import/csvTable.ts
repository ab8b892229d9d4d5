import Papa from 'papaparse';
import { DataError } from '../dataError';
import { UNDECODABLE } from './textDecoding';
import { filledOutsideNotes, findHeaderRow, HEADER_SEARCH_ROWS, repeatedColumns, uniqueNames, type BrokenRowVisitor, type RowVisitor, type Table } from './table';

const DELIMITERS = [',', ';', '\t'];

/** Rows with a broken quote a file may have before it is refused: each costs a scan of the rest of the file. */
export const MAX_BROKEN_QUOTES = 50;

/** Characters looked at to tell text from binary data. */
const SNIFF_CHARS = 65_536;

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

/** How many times `s` occurs in the text. */
function occurrences(text: string, s: string): number {
  let n = 0;
  for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + s.length)) n++;
  return n;
}

/**
 * The text with one kind of line break, and that break for Papa: a file's own when it uses one
 * (LF, CRLF or CR), else — lines ending in a mix of them, where Papa would take one kind and join
 * the lines ending in another — every break made LF (a CRLF counts as one line, as before).
 */
export function oneKindOfLineBreak(text: string): { text: string; newline: '\n' | '\r\n' | '\r' } {
  const cr = occurrences(text, '\r');
  if (cr === 0) return { text, newline: '\n' };
  const lf = occurrences(text, '\n');
  if (lf === 0) return { text, newline: '\r' };
  const crlf = occurrences(text, '\r\n');
  if (crlf === cr && crlf === lf) return { text, newline: '\r\n' };
  return { text: text.replace(/\r\n?/g, '\n'), newline: '\n' };
}

/**
 * Whether decoded text is binary data rather than a table: a NUL, or at least one character in
 * ten among the first SNIFF_CHARS a control character (other than tab and line breaks) or a byte
 * that decodes to nothing (U+FFFD). Text with a few escape sequences in its cells is text.
 */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, SNIFF_CHARS);
  if (sample.includes('\0')) return true;
  const odd = sample.match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g)?.length ?? 0;
  return odd * 10 >= sample.length && odd > 0;
}

type RowStep = (cells: string[], line: number, broken: boolean) => unknown;

/**
 * Parses rows one at a time with their first line; `visit` returning false stops. A row whose
 * quotes Papa cannot close (an unterminated quote would otherwise take in every line after it as
 * one cell) is visited as broken at the line where it starts, and parsing starts again at the
 * next line; after MAX_BROKEN_QUOTES such rows the file is refused.
 */
function stepRows(file: string, text: string, delimiter: string, newline: '\n' | '\r\n' | '\r', visit: RowStep): void {
  let from = 0;
  let line = 1;
  let broken = 0;
  let firstBroken = 0;
  let stopped = false;
  while (!stopped && from < text.length) {
    let start = from;
    let resume = -1;
    const base = from;
    Papa.parse<string[]>(base === 0 ? text : text.slice(base), {
      delimiter,
      newline,
      step: (result, parser) => {
        const end = base + result.meta.cursor;
        const rowLine = line;
        if (result.errors.some((e) => e.type === 'Quotes')) {
          if (++broken > MAX_BROKEN_QUOTES) throw new DataError(file, 'tooManyUnclosedQuotes', { max: MAX_BROKEN_QUOTES, n: firstBroken });
          if (firstBroken === 0) firstBroken = rowLine;
          const eol = text.indexOf(newline, start);
          resume = eol < 0 ? text.length : eol + newline.length;
          line = rowLine + 1;
          if (visit([], rowLine, true) === false) stopped = true;
          parser.abort();
          return;
        }
        line += countLineBreaks(text, start, end);
        start = end;
        if (visit(result.data, rowLine, false) === false) {
          stopped = true;
          parser.abort();
        }
      },
    });
    if (resume < 0) break;
    from = resume;
  }
}

// The delimiter is guessed on the head of the text: given the whole of a 100 MB file, Papa took a
// quarter of a second over it for the ten rows it looks at.
const HEAD_CHARS = 1 << 20;

/** The text up to HEAD_CHARS characters, or further to the end of four times the rows the header is looked for in. */
function headOf(text: string, newline: string): string {
  let end = -newline.length;
  for (let k = 0; k < 4 * HEADER_SEARCH_ROWS; k++) {
    end = text.indexOf(newline, end + newline.length);
    if (end < 0) return text;
  }
  return text.slice(0, Math.max(HEAD_CHARS, end));
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');
const undecodable = (cell: string) => cell.includes(UNDECODABLE);

/**
 * A CSV table from decoded text (no BOM): the delimiter (comma, semicolon or tab) is guessed from
 * the first rows, lines may end in LF, CRLF or CR (mixed in one file too), title rows above the
 * header are skipped. A row with a quote that does not close is reported by its line (see
 * Table.forEachRow) and the rows after it are read; so is a row with bytes that did not decode
 * (UNDECODABLE). Throws a DataError naming the file when it holds binary data (looksBinary), no
 * row at all, or a broken quote or undecodable bytes in or above its header.
 */
export function readCsvTable(file: string, decoded: string): Table {
  if (looksBinary(decoded)) throw new DataError(file, 'notTextTable');
  const { text, newline } = oneKindOfLineBreak(decoded);
  const guess = Papa.parse<string[]>(headOf(text, newline), { preview: HEADER_SEARCH_ROWS, skipEmptyLines: true, delimitersToGuess: DELIMITERS, newline });
  const delimiter = guess.meta.delimiter;
  const top: { cells: string[]; line: number; broken: boolean }[] = [];
  stepRows(file, text, delimiter, newline, (cells, line, broken) => {
    if (broken || !isBlank(cells)) top.push({ cells, line, broken });
    return top.length < HEADER_SEARCH_ROWS;
  });
  const h = findHeaderRow(top.map((r) => filledOutsideNotes(r.cells)));
  if (h < 0) {
    if (top.length > 0) throw new DataError(file, 'unclosedQuoteStop', { n: top[0].line });
    throw new DataError(file, 'emptyFile');
  }
  const above = top.slice(0, h + 1).find((r) => r.broken);
  if (above) throw new DataError(file, 'unclosedQuoteStop', { n: above.line });
  const garbled = top.slice(0, h + 1).find((r) => r.cells.some(undecodable));
  if (garbled) throw new DataError(file, 'undecodableText', { n: garbled.line });
  const headerLine = top[h].line;
  return {
    file,
    header: uniqueNames(top[h].cells),
    headerLine,
    // One kind of line break is left in the text: counted by a native search, not a loop over every character.
    rowBound: occurrences(text, newline) + 1,
    titles: top.slice(0, h).map((r) => r.cells.join(' ').trim()),
    delimiter,
    repeated: repeatedColumns(top[h].cells),
    forEachRow(visit: RowVisitor, onBroken?: BrokenRowVisitor) {
      stepRows(file, text, delimiter, newline, (cells, line, broken) => {
        if (line <= headerLine) return;
        if (!broken && !cells.some(undecodable)) return isBlank(cells) ? undefined : visit(cells, line);
        if (!onBroken) throw new DataError(file, broken ? 'unclosedQuoteStop' : 'undecodableText', { n: line });
        return onBroken(line, { code: broken ? 'unclosedQuote' : 'undecodableRow', params: {} });
      });
    },
  };
}
