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
 * state), else dataset.json's, else `fallbackYear`. Rows of other tables the import loaded with a
 * remark come first among the warnings. Total rows skipped are listed in
 * `dataset.skipped`: other tables' first, then the pupils'. For a part given by several files, a feature is named by its own file and
 * number in it, a pupil row by its own file (and sheet) and line.
 */
export function readImportedDataset(imported: ImportedDataset, rules: Rules, fallbackYear: number, onProgress?: LoadProgress): LoadedDataset {
  const rename = (file: string) => imported.sources[file as keyof ImportedDataset['sources']] ?? file;
  const noteOf = (file: string) => imported.notes.find((n) => n.file === rename(file));
  let loaded: LoadedDataset;
  try {
    loaded = readDataset(imported.texts, rules, fallbackYear, onProgress, imported.pupils);
  } catch (e) {
    if (e instanceof DataError) {
      const own = inOwnFile(e.file, e.params, imported);
      // A missing property is named as the file names it (a missing "school_id" is the file's 学校代码 or XXDM).
      const named = (params: DataProblemParams, note: ImportedDataset['notes'][number] | undefined) => (e.code === 'missingProperty' ? inFileTerms(params, note) : params);
      if (own) throw new DataError(own.file, e.code, named(own.params, imported.notes.find((n) => n.file === own.file)));
      throw new DataError(rename(e.file), e.code, named(atRow(e.params, noteOf(e.file)), noteOf(e.file)));
    }
    throw e;
  }
  const renameRows = (rows: RejectedRow[]) => rows.map((r) => {
    const file = rename(r.file);
    const sheet = imported.notes.find((n) => n.file === file)?.sheet;
    return { ...r, file, ...(sheet !== undefined && { sheet }) };
  });
  const { dataset } = loaded;
  return {
    ...loaded,
    dataset: {
      ...dataset,
      baseYear: imported.baseYear.year ?? dataset.baseYear,
      rejected: renameRows(dataset.rejected),
      warnings: [...imported.remarks, ...renameRows(dataset.warnings)],
      skipped: [...imported.skipped, ...renameRows(dataset.skipped ?? [])],
    },
  };
}

/** The problem's property (`key`) named by the file's column mapped to it, when the file was mapped. */
function inFileTerms(params: DataProblemParams, note: ImportedDataset['notes'][number] | undefined): DataProblemParams {
  const column = params.key === undefined ? undefined : note?.mapping?.[params.key as keyof NonNullable<typeof note.mapping>];
  return column === undefined || column === params.key ? params : { ...params, key: column };
}

/** The problem's feature named by the table row (and sheet) it was made from, when the file was a table. */
function atRow(params: DataProblemParams, note: ImportedDataset['notes'][number] | undefined): DataProblemParams {
  const row = params.where && note?.featureRows?.[params.where.feature - 1];
  if (row === undefined || !params.where) return params;
  const sheet = note?.featureSheets?.[params.where.feature - 1] ?? note?.sheet;
  return { ...params, where: { ...params.where, row, ...(sheet !== undefined && { sheet }) } };
}

/** A feature of a contract file combined from several files, named by its own file and its number there; undefined for a file made from one. */
function inOwnFile(file: string, params: DataProblemParams, imported: ImportedDataset): { file: string; params: DataProblemParams } | undefined {
  const spans = imported.spans?.[file as keyof ImportedDataset['spans']];
  if (!spans || !params.where) return undefined;
  let feature = params.where.feature;
  for (const span of spans) {
    if (feature <= span.count) return { file: span.file, params: { ...params, where: { ...params.where, feature } } };
    feature -= span.count;
  }
  return undefined;
}
