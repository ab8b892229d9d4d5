import type { Feature } from 'geojson';
import { SOURCE_FILE_COLUMN } from '../parseStudents';
import type { PupilRowSource } from '../pupilRows';

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

/** One file's pupil rows, of a part given by several files, with the file's name. */
export interface PupilRowsPiece {
  file: string;
  rows: PupilRowSource;
}

/**
 * The pupil rows of several files as one source: the union of their columns (in order of first
 * appearance), every data row of each file in the files' order, and a `source_file` column naming
 * each row's file (skipped rows name it too), so that every rejected or warned row is named by its
 * own file and line. No row is dropped or merged: rows out = the sum of rows in.
 */
export function combinePupilRows(pieces: readonly PupilRowsPiece[]): PupilRowSource {
  const header: string[] = [];
  for (const { rows } of pieces) for (const name of rows.header) if (!header.includes(name)) header.push(name);
  header.push(SOURCE_FILE_COLUMN);
  return {
    header,
    rowBound: pieces.reduce((sum, { rows }) => sum + rows.rowBound, 0),
    forEachRow(visit) {
      for (const { file, rows } of pieces) {
        const at = rows.header.map((name) => header.indexOf(name));
        rows.forEachRow({
          row(cells, line) {
            const out = new Array<string>(header.length).fill('');
            cells.forEach((cell, c) => { if (at[c] !== undefined) out[at[c]] = cell; });
            out[header.length - 1] = file;
            visit.row(out, line);
          },
          skip: (row) => visit.skip({ ...row, file }),
        });
      }
    },
  };
}
