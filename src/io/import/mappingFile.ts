import { ZONE_LEVELS, type ZoneLevel } from '../../core/rules';
import { DataError, parseJsonFile } from '../dataError';
import { refuseUndecodable } from './textDecoding';
import { COLUMN_SPECS, mappedKindOf } from './columnAliases';
import type { ColumnMapping } from './columnMapping';
import { CRS_NAMES, parseCrs, type Crs } from './crs';
import { DATASET_PARTS, MULTI_FILE_PARTS, type DatasetPart } from './datasetPart';
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
  /** The file's longitude and latitude are swapped: read them the other way round. */
  swapLonLat?: boolean;
}

/** A mapping file: the choices per dataset part; a part given by several files (zones, pupils, units) may list one entry per file. */
export type MappingChoices = Partial<Record<DatasetPart, MappingEntry | MappingEntry[]>>;

/** A part's entries as a list (none, one, or one per file). */
export function entriesOf(choices: MappingChoices, part: DatasetPart): MappingEntry[] {
  const e = choices[part];
  return e === undefined ? [] : Array.isArray(e) ? e : [e];
}

/**
 * The entry for a file of a part: the one whose `file` is the file's name; else, when the part
 * has a single entry, that one; else the entry at the file's position among the part's files
 * (`index`, 0-based, in the order given).
 */
export function entryFor(choices: MappingChoices, part: DatasetPart, name: string, index: number): MappingEntry | undefined {
  const list = entriesOf(choices, part);
  return list.find((e) => e.file === name) ?? (list.length === 1 ? list[0] : list[index]);
}

const ENTRY_KEYS = ['file', 'crs', 'level', 'columns', 'swapLonLat'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkKeys(file: string, where: string, object: Record<string, unknown>, known: readonly string[]): void {
  const unknown = Object.keys(object).find((k) => !known.includes(k));
  if (unknown !== undefined) throw new DataError(file, 'mappingUnknownKey', { key: unknown, value: where, found: known.join(', ') });
}

function parseEntry(file: string, part: DatasetPart, v: unknown, index?: number): MappingEntry {
  const where = `parts.${part}${index === undefined ? '' : `[${index}]`}`;
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
  if (v.swapLonLat !== undefined) {
    if (typeof v.swapLonLat !== 'boolean') throw new DataError(file, 'mappingBadValue', { value: `${where}.swapLonLat`, found: 'true or false', got: JSON.stringify(v.swapLonLat) });
    entry.swapLonLat = v.swapLonLat;
  }
  return entry;
}

/**
 * Reads a mapping file (data/README.md): `{ "version": 1, "parts": { <part>: { "file", "crs",
 * "level", "columns": { <contract column>: <file column> }, "swapLonLat" } } }`; zones, pupils and units may give
 * a list of such entries, one per file. Throws a DataError naming the
 * file and the key for an unknown part, key or contract column, or a value of the wrong kind, and
 * naming the line for text with undecodable bytes (refuseUndecodable).
 */
export function parseMappingFile(file: string, text: string): MappingChoices {
  refuseUndecodable(file, text);
  const json = parseJsonFile(file, text);
  if (!isObject(json)) throw new DataError(file, 'mappingBadValue', { value: 'the file', found: 'a JSON object with "version" and "parts"', got: Array.isArray(json) ? 'a list' : JSON.stringify(json) });
  checkKeys(file, 'the file', json, ['version', 'parts']);
  if (json.version !== MAPPING_FILE_VERSION) throw new DataError(file, 'mappingBadValue', { value: '"version"', found: String(MAPPING_FILE_VERSION), got: JSON.stringify(json.version) });
  if (!isObject(json.parts)) throw new DataError(file, 'mappingBadValue', { value: '"parts"', found: 'an object', got: JSON.stringify(json.parts) });
  checkKeys(file, '"parts"', json.parts, DATASET_PARTS);
  const out: MappingChoices = {};
  for (const [key, entry] of Object.entries(json.parts)) {
    const part = key as DatasetPart;
    if (!Array.isArray(entry)) out[part] = parseEntry(file, part, entry);
    else if (MULTI_FILE_PARTS.has(part)) out[part] = entry.map((e, i) => parseEntry(file, part, e, i));
    else throw new DataError(file, 'mappingBadValue', { value: `parts.${part}`, found: 'an object (one file of this part)', got: 'a list' });
  }
  return out;
}

/** A mapping file's text (parseMappingFile reads it back), parts in dataset order; a part's list of one entry is written as that entry. */
export function formatMappingFile(choices: MappingChoices): string {
  const parts = Object.fromEntries(DATASET_PARTS.filter((p) => choices[p] !== undefined).map((p) => {
    const list = entriesOf(choices, p);
    return [p, list.length === 1 ? list[0] : list];
  }));
  return JSON.stringify({ version: MAPPING_FILE_VERSION, parts }, null, 2) + '\n';
}
