import { DataError } from '../dataError';
import { COLUMN_SPECS, type MappedKind } from './columnAliases';
import type { FileFormat } from './fileFormat';
import { PINYIN_ALIASES } from './pinyinAliases';
import type { RepeatedColumn } from './table';

/** Contract column → the header name (or property key) that gives it. */
export type ColumnMapping = Record<string, string>;

/** A suggested mapping and the required contract columns it leaves unmapped. */
export interface MappingSuggestion {
  mapping: ColumnMapping;
  missing: string[];
}

/**
 * A header name reduced for matching: NFKC (full-width to half-width), lower case, without
 * bracketed notes ("经度(GCJ02)", "教室数（间）"), spaces, underscores, hyphens, stars or colons.
 */
export function normaliseHeaderName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    // A note holds no bracket: with "[^)\]}】]*" a name of many "[" and no closer took quadratic time.
    .replace(/[([{【][^([{【)\]}】]*[)\]}】]/g, '')
    .replace(/[\s_\-*:]/g, '');
}

/** Names of one column holding longitude and latitude together. */
const LON_LAT_ALIASES = ['经纬度', '经纬度坐标', '坐标', '位置坐标', 'lnglat', 'lonlat', 'coordinates'];

/**
 * Maps a header onto the contract columns of a kind: each column takes the first header name
 * equal to its own name, one of its aliases or, last, one of its pinyin initials (XXDM, XD …;
 * compared normalised), and each header name serves one column; then a column that can stand in
 * for a required one still unmapped (school_name for school_id) takes a fallback alias (a KML
 * placemark's `name`); a pupils' column of both coordinates (经纬度) maps lon and lat when neither
 * has a column of its own. `missing` lists the required columns left without one.
 */
export function suggestMapping(header: string[], kind: MappedKind): MappingSuggestion {
  const byName = new Map<string, string>();
  for (const name of header) {
    const key = normaliseHeaderName(name);
    if (!byName.has(key)) byName.set(key, name);
  }
  const used = new Set<string>();
  const mapping: ColumnMapping = {};
  const take = (column: string, aliases: string[]) => {
    for (const alias of aliases) {
      const name = byName.get(normaliseHeaderName(alias));
      if (name !== undefined && !used.has(name)) {
        mapping[column] = name;
        used.add(name);
        return;
      }
    }
  };
  const specs = COLUMN_SPECS[kind];
  for (const spec of specs) take(spec.column, [spec.column, ...spec.aliases, ...(PINYIN_ALIASES[kind][spec.column] ?? [])]);
  for (const spec of specs) {
    const standsInFor = specs.find((s) => s.orElse === spec.column);
    if (spec.fallbackAliases && mapping[spec.column] === undefined && (!standsInFor || mapping[standsInFor.column] === undefined)) take(spec.column, spec.fallbackAliases);
  }
  // Pupils' positions in one column (经纬度 "118.7253,36.8821"): it gives both, split as rows are read.
  if (kind === 'students' && mapping.lon === undefined && mapping.lat === undefined) {
    const both = LON_LAT_ALIASES.map((a) => byName.get(normaliseHeaderName(a))).find((name) => name !== undefined && !used.has(name));
    if (both !== undefined) mapping.lon = mapping.lat = both;
  }
  return { mapping, missing: missingColumns(mapping, kind) };
}

/** The required contract columns of a kind that a mapping leaves out (one whose `orElse` column is mapped is not missing). */
export function missingColumns(mapping: ColumnMapping, kind: MappedKind): string[] {
  const unmapped = (column: string) => mapping[column] === undefined || mapping[column] === '';
  return COLUMN_SPECS[kind].filter((s) => s.required && unmapped(s.column) && (s.orElse === undefined || unmapped(s.orElse))).map((s) => s.column);
}

/**
 * The suggestion with the caller's choices laid over it: an override naming a header column maps
 * it (and takes it from a suggested column); an empty string unmaps the column; names not in the
 * header are ignored.
 */
export function applyOverrides(header: string[], kind: MappedKind, overrides: ColumnMapping = {}): MappingSuggestion {
  const { mapping } = suggestMapping(header, kind);
  for (const [column, name] of Object.entries(overrides)) {
    if (name === '') delete mapping[column];
    else if (header.includes(name)) {
      for (const other of Object.keys(mapping)) if (mapping[other] === name && !(other in overrides)) delete mapping[other];
      mapping[column] = name;
    }
  }
  return { mapping, missing: missingColumns(mapping, kind) };
}

/**
 * How well a header suits a kind of table, to choose a workbook's sheet: the caller's mapped names
 * it holds, plus the contract columns the mapping (`overrides` laid over the suggestion) gives.
 * Higher fits better; 0 for a header that gives nothing.
 */
export function mappingFit(header: string[], kind: MappedKind, overrides: ColumnMapping = {}): number {
  const named = Object.values(overrides).filter((name) => name !== '' && header.includes(name)).length;
  return named + Object.keys(applyOverrides(header, kind, overrides).mapping).length;
}

/**
 * Refuses a mapping that takes a contract column from a name the header has more than once
 * (which copy holds the values cannot be guessed), unless the caller's own mapping (`overrides`)
 * names the copy that gives it. Throws a DataError naming the file, the column and its copies.
 */
export function refuseRepeatedColumns(file: string, mapping: ColumnMapping, repeated: RepeatedColumn[], overrides: ColumnMapping = {}): void {
  for (const [column, name] of Object.entries(mapping)) {
    const copies = repeated.find((r) => r.copies.includes(name));
    if (copies && overrides[column] !== name) {
      throw new DataError(file, 'repeatedColumn', { got: copies.name, n: copies.copies.length, key: column, value: copies.copies.map((c) => `"${c}"`).join(', ') });
    }
  }
}

/**
 * The copies left unread where a mapping not picked among the copies (a mapping file, perhaps written
 * for a header that had the name once) names a repeated name bare, so takes its first copy: per such
 * column, the column, the name and the other copies.
 */
export function unreadCopies(overrides: ColumnMapping, repeated: RepeatedColumn[]): { column: string; name: string; others: string[] }[] {
  return Object.entries(overrides).flatMap(([column, name]) => {
    const copies = repeated.find((r) => r.name === name);
    return copies ? [{ column, name, others: copies.copies.filter((c) => c !== name) }] : [];
  });
}

/**
 * The suggestion with the columns it truly lacks: features and pupils with an address take their
 * position from elsewhere (the geometry, the unit the address names), so lon and lat are not missing.
 */
export function requiredMissing(suggestion: MappingSuggestion, kind: MappedKind, format: FileFormat): MappingSuggestion {
  const positioned = (format !== 'csv' && format !== 'xlsx') || (kind === 'students' && suggestion.mapping.address !== undefined);
  return positioned ? { ...suggestion, missing: suggestion.missing.filter((c) => c !== 'lon' && c !== 'lat') } : suggestion;
}
