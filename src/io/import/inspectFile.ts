import { DataError, featuresOf } from '../dataError';
import { applyOverrides, type MappingSuggestion } from './columnMapping';
import type { MappedKind } from './columnAliases';
import { guessPart, type DatasetPart } from './datasetPart';
import { detectFormat, type FileFormat } from './fileFormat';
import type { ImportFile } from './importDataset';
import { readKml } from './kmlZones';
import { csvOrXlsxTable } from './readTable';
import { readShapefileZip } from './shapefileZip';
import { decodeText } from './textDecoding';

/** What a file looks like before import: for a mapping screen to show and let the user correct. */
export interface FileInspection {
  format: FileFormat;
  /** The part guessed (or given); undefined when the name does not tell. */
  part?: DatasetPart;
  /** Column names (tables) or property keys (features), in file order. */
  header: string[];
  /** The mapping importDataset would use for the part, and the required columns it lacks. */
  suggestion?: MappingSuggestion;
}

const KINDS: Partial<Record<DatasetPart, MappedKind>> = { students: 'students', schools: 'schools', catchments: 'catchments' };

/**
 * Reads just enough of a file to show its format, part, columns and suggested mapping (with the
 * file's own `mapping` laid over it). Throws a DataError naming the file when it cannot be read.
 */
export async function inspectFile(file: ImportFile): Promise<FileInspection> {
  if (file.bytes.length === 0) throw new DataError(file.name, 'emptyFile');
  const format = detectFormat(file.name, file.bytes);
  const part = file.part ?? guessPart(file.name, format);
  let header: string[];
  if (format === 'csv' || format === 'xlsx') {
    header = (await csvOrXlsxTable(file.name, format, file.bytes)).header;
  } else {
    const features = format === 'shapefile'
      ? (await readShapefileZip(file.name, file.bytes)).features
      : format === 'kml' ? readKml(file.name, decodeText(file.bytes).text) : featuresOf(file.name, decodeText(file.bytes).text);
    header = [...new Set(features.flatMap((f) => Object.keys(f?.properties ?? {})))];
  }
  const kind = part && KINDS[part];
  return { format, part, header, suggestion: kind && requiredMissing(applyOverrides(header, kind, file.mapping), kind, format) };
}

/**
 * The suggestion with the columns it truly lacks: features and pupils with an address take their
 * position from elsewhere (the geometry, the unit the address names), so lon and lat are not missing.
 */
export function requiredMissing(suggestion: MappingSuggestion, kind: MappedKind, format: FileFormat): MappingSuggestion {
  const positioned = (format !== 'csv' && format !== 'xlsx') || (kind === 'students' && suggestion.mapping.address !== undefined);
  return positioned ? { ...suggestion, missing: suggestion.missing.filter((c) => c !== 'lon' && c !== 'lat') } : suggestion;
}
