import { ZONE_LEVELS, type ZoneLevel } from '../../core/rules';
import { DataError, parseJsonFile } from '../dataError';
import { COLUMN_SPECS, mappedKindOf } from './columnAliases';
import type { ColumnMapping } from './columnMapping';
import { CRS_NAMES, parseCrs, type Crs } from './crs';
import { DATASET_PARTS, type DatasetPart } from './datasetPart';
import { normaliseZoneLevel } from './valueNormalise';

/** The mapping file's version this build writes and reads. */
export const MAPPING_FILE_VERSION = 1;

/** The choices for one part's file: what the app's mapping step remembers. */
export interface MappingEntry {
  /** The file the choices were made for (informational: entries apply by part). */
  file?: string;
  crs?: Crs;
  /** Zones: the level of every zone of the file. */
  level?: ZoneLevel;
  /** Contract column → the file's column or property key; '' for not used. */
  columns?: ColumnMapping;
}

/** A mapping file: the choices per dataset part. */
export type MappingChoices = Partial<Record<DatasetPart, MappingEntry>>;

const ENTRY_KEYS = ['file', 'crs', 'level', 'columns'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkKeys(file: string, where: string, object: Record<string, unknown>, known: readonly string[]): void {
  const unknown = Object.keys(object).find((k) => !known.includes(k));
  if (unknown !== undefined) throw new DataError(file, 'mappingUnknownKey', { key: unknown, value: where, found: known.join(', ') });
}

function parseEntry(file: string, part: DatasetPart, v: unknown): MappingEntry {
  const where = `parts.${part}`;
  if (!isObject(v)) throw new DataError(file, 'mappingBadValue', { value: where, found: 'an object', got: JSON.stringify(v) });
  checkKeys(file, where, v, ENTRY_KEYS);
  const entry: MappingEntry = {};
  if (v.file !== undefined) {
    if (typeof v.file !== 'string') throw new DataError(file, 'mappingBadValue', { value: `${where}.file`, found: 'a file name', got: JSON.stringify(v.file) });
    entry.file = v.file;
  }
  if (v.crs !== undefined) {
    if (typeof v.crs !== 'string') throw new DataError(file, 'mappingBadValue', { value: `${where}.crs`, found: CRS_NAMES.join(', '), got: JSON.stringify(v.crs) });
    entry.crs = parseCrs(file, v.crs);
  }
  if (v.level !== undefined) {
    const level = typeof v.level === 'string' ? normaliseZoneLevel(v.level) : undefined;
    if (part !== 'catchments' || level === undefined) {
      throw new DataError(file, 'mappingBadValue', { value: `${where}.level`, found: part === 'catchments' ? ZONE_LEVELS.join(', ') : 'absent (only zones take a level)', got: JSON.stringify(v.level) });
    }
    entry.level = level;
  }
  if (v.columns !== undefined) {
    const kind = mappedKindOf(part);
    if (!isObject(v.columns) || kind === undefined) {
      throw new DataError(file, 'mappingBadValue', { value: `${where}.columns`, found: kind ? 'an object' : 'absent (this part has no column mapping)', got: JSON.stringify(v.columns) });
    }
    checkKeys(file, `${where}.columns`, v.columns, COLUMN_SPECS[kind].map((c) => c.column));
    const columns: ColumnMapping = {};
    for (const [column, name] of Object.entries(v.columns)) {
      if (typeof name !== 'string') throw new DataError(file, 'mappingBadValue', { value: `${where}.columns.${column}`, found: 'a column name or ""', got: JSON.stringify(name) });
      columns[column] = name;
    }
    entry.columns = columns;
  }
  return entry;
}

/**
 * Reads a mapping file (data/README.md): `{ "version": 1, "parts": { <part>: { "file", "crs",
 * "level", "columns": { <contract column>: <file column> } } } }`. Throws a DataError naming the
 * file and the key for an unknown part, key or contract column, or a value of the wrong kind.
 */
export function parseMappingFile(file: string, text: string): MappingChoices {
  const json = parseJsonFile(file, text);
  if (!isObject(json)) throw new DataError(file, 'mappingBadValue', { value: 'the file', found: 'a JSON object with "version" and "parts"', got: Array.isArray(json) ? 'a list' : JSON.stringify(json) });
  checkKeys(file, 'the file', json, ['version', 'parts']);
  if (json.version !== MAPPING_FILE_VERSION) throw new DataError(file, 'mappingBadValue', { value: '"version"', found: String(MAPPING_FILE_VERSION), got: JSON.stringify(json.version) });
  if (!isObject(json.parts)) throw new DataError(file, 'mappingBadValue', { value: '"parts"', found: 'an object', got: JSON.stringify(json.parts) });
  checkKeys(file, '"parts"', json.parts, DATASET_PARTS);
  const out: MappingChoices = {};
  for (const [part, entry] of Object.entries(json.parts)) out[part as DatasetPart] = parseEntry(file, part as DatasetPart, entry);
  return out;
}

/** A mapping file's text (parseMappingFile reads it back), parts in dataset order. */
export function formatMappingFile(choices: MappingChoices): string {
  const parts = Object.fromEntries(DATASET_PARTS.filter((p) => choices[p] !== undefined).map((p) => [p, choices[p]]));
  return JSON.stringify({ version: MAPPING_FILE_VERSION, parts }, null, 2) + '\n';
}
