import Papa from 'papaparse';
import type { Feature } from 'geojson';
import { SOURCE_FILE_COLUMN } from '../parseStudents';
import { stripBom } from '../dataError';
import { flattenText } from './textDecoding';

/** One file's contract text of a part given by several files, with the file's name. */
export interface PartPiece {
  file: string;
  text: string;
}

/** Where a combined features text's features came from: per file, in order, its name and how many features it gave. */
export interface FeatureSpan {
  file: string;
  count: number;
}

// Rows written per Papa.unparse call (one call per row costs a third more time at a million rows).
const BATCH_ROWS = 10_000;

/**
 * The FeatureCollection text of several files' contract texts: their features concatenated in
 * the files' order (the order the overlap rule's file-order ties follow), and per file its span.
 */
export function combineFeatureTexts(pieces: readonly PartPiece[]): { text: string; spans: FeatureSpan[] } {
  const features: Feature[] = [];
  const spans: FeatureSpan[] = [];
  for (const { file, text } of pieces) {
    const own = (JSON.parse(text) as { features: Feature[] }).features;
    features.push(...own);
    spans.push({ file, count: own.length });
  }
  return { text: JSON.stringify({ type: 'FeatureCollection', features }), spans };
}

/**
 * The students.csv text of several files' students.csv texts: the union of their columns (in
 * order of first appearance), every data row of each file in the files' order, and a
 * `source_file` column naming each row's file, so that parseStudents names every rejected or
 * warned row by its own file and line. No row is dropped or merged: rows out = the sum of rows in.
 */
export function combinePupilCsvs(pieces: readonly PartPiece[]): string {
  const parsed = pieces.map(({ file, text }) => ({ file, rows: Papa.parse<string[]>(stripBom(text), { skipEmptyLines: true }).data }));
  const header: string[] = [];
  for (const { rows } of parsed) for (const name of rows[0] ?? []) if (!header.includes(name)) header.push(name);
  header.push(SOURCE_FILE_COLUMN);
  const chunks: string[] = [];
  let batch: string[][] = [header];
  const flush = () => {
    chunks.push(flattenText(Papa.unparse(batch, { newline: '\n' })));
    batch = [];
  };
  for (const { file, rows } of parsed) {
    const at = (rows[0] ?? []).map((name) => header.indexOf(name));
    for (let r = 1; r < rows.length; r++) {
      const out = new Array<string>(header.length).fill('');
      rows[r].forEach((cell, c) => { if (at[c] !== undefined && at[c] >= 0) out[at[c]] = cell; });
      out[header.length - 1] = file;
      batch.push(out);
      if (batch.length >= BATCH_ROWS) flush();
    }
  }
  if (batch.length > 0) flush();
  return chunks.join('\n') + '\n';
}
