import type { RejectedRow } from '../../core/dataset';
import type { Rules } from '../../core/rules';
import { DataError } from '../dataError';
import { readDataset, type LoadedDataset, type LoadProgress } from '../readDataset';
import type { ImportedDataset } from './importDataset';

/**
 * readDataset on imported texts, with messages naming the files the user gave: a DataError and
 * every rejected or warned row name the original file (rows keep their original lines).
 */
export function readImportedDataset(imported: ImportedDataset, rules: Rules, fallbackYear: number, onProgress?: LoadProgress): LoadedDataset {
  const rename = (file: string) => imported.sources[file as keyof ImportedDataset['sources']] ?? file;
  let loaded: LoadedDataset;
  try {
    loaded = readDataset(imported.texts, rules, fallbackYear, onProgress);
  } catch (e) {
    if (e instanceof DataError) throw new DataError(rename(e.file), e.code, e.params);
    throw e;
  }
  const renameRows = (rows: RejectedRow[]) => rows.map((r) => ({ ...r, file: rename(r.file) }));
  return { ...loaded, dataset: { ...loaded.dataset, rejected: renameRows(loaded.dataset.rejected), warnings: renameRows(loaded.dataset.warnings) } };
}
