import type { DataProblemParams } from '../../core/dataProblems';
import type { RejectedRow } from '../../core/dataset';
import type { Rules } from '../../core/rules';
import { DataError } from '../dataError';
import { readDataset, type LoadedDataset, type LoadProgress } from '../readDataset';
import type { ImportedDataset } from './importDataset';

/**
 * readDataset on imported texts, with messages naming the files the user gave: a DataError and
 * every rejected or warned row name the original file (rows keep their original lines; an XLSX
 * row also names its sheet), and a school made from a table row is named by that row, not as a
 * feature. The base year is the import's (imported.baseYear: the planner's, or the one the files
 * state), else dataset.json's, else `fallbackYear`. Total rows the import skipped are listed in
 * `dataset.skipped`.
 */
export function readImportedDataset(imported: ImportedDataset, rules: Rules, fallbackYear: number, onProgress?: LoadProgress): LoadedDataset {
  const rename = (file: string) => imported.sources[file as keyof ImportedDataset['sources']] ?? file;
  const noteOf = (file: string) => imported.notes.find((n) => n.file === rename(file));
  let loaded: LoadedDataset;
  try {
    loaded = readDataset(imported.texts, rules, fallbackYear, onProgress);
  } catch (e) {
    if (e instanceof DataError) throw new DataError(rename(e.file), e.code, atRow(e.params, noteOf(e.file)));
    throw e;
  }
  const sheet = noteOf('students.csv')?.sheet;
  const renameRows = (rows: RejectedRow[]) => rows.map((r) => ({ ...r, file: rename(r.file), ...(sheet !== undefined && { sheet }) }));
  const { dataset } = loaded;
  return {
    ...loaded,
    dataset: {
      ...dataset,
      baseYear: imported.baseYear.year ?? dataset.baseYear,
      rejected: renameRows(dataset.rejected),
      warnings: renameRows(dataset.warnings),
      skipped: imported.skipped,
    },
  };
}

/** The problem's feature named by the table row (and sheet) it was made from, when the file was a table. */
function atRow(params: DataProblemParams, note: ImportedDataset['notes'][number] | undefined): DataProblemParams {
  const row = params.where && note?.featureRows?.[params.where.feature - 1];
  if (row === undefined || !params.where) return params;
  return { ...params, where: { ...params.where, row, ...(note?.sheet !== undefined && { sheet: note.sheet }) } };
}
