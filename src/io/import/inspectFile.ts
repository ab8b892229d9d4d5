import { DataError } from '../dataError';
import { applyOverrides, type MappingSuggestion } from './columnMapping';
import { mappedKindOf, type MappedKind } from './columnAliases';
import { crsHint, type CrsHint } from './crsHint';
import { guessPart, type DatasetPart } from './datasetPart';
import { detectFormat, type FileFormat } from './fileFormat';
import type { ImportFile } from './importDataset';
import { readKml } from './kmlZones';
import { looseFeatures } from './looseGeoJson';
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
  /** The coordinate system the file's name or its suggested coordinate columns name, if any. */
  crsHint?: CrsHint;
}

/**
 * Reads just enough of a file to show its format, part, columns, suggested mapping (with the
 * file's own `mapping` laid over it) and the coordinate system its name or columns say. Throws a
 * DataError naming the file when it cannot be read.
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
      : format === 'kml' ? readKml(file.name, decodeText(file.bytes).text) : looseFeatures(file.name, decodeText(file.bytes).text);
    header = [...new Set(features.flatMap((f) => Object.keys(f?.properties ?? {})))];
  }
  const kind = mappedKindOf(part);
  const suggestion = kind && requiredMissing(applyOverrides(header, kind, file.mapping), kind, format);
  const hint = crsHint(file.name, [suggestion?.mapping.lon, suggestion?.mapping.lat]);
  return { format, part, header, ...(suggestion && { suggestion }), ...(hint && { crsHint: hint }) };
}

/**
 * The suggestion with the columns it truly lacks: features and pupils with an address take their
 * position from elsewhere (the geometry, the unit the address names), so lon and lat are not missing.
 */
export function requiredMissing(suggestion: MappingSuggestion, kind: MappedKind, format: FileFormat): MappingSuggestion {
  const positioned = (format !== 'csv' && format !== 'xlsx') || (kind === 'students' && suggestion.mapping.address !== undefined);
  return positioned ? { ...suggestion, missing: suggestion.missing.filter((c) => c !== 'lon' && c !== 'lat') } : suggestion;
}
