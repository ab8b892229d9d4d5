import type { Feature, FeatureCollection, Point } from 'geojson';
import { describeDataProblem, type DataProblemCode, type DataProblemParams } from '../../core/dataProblems';
import type { RejectedRow } from '../../core/dataset';
import type { ColumnMapping } from './columnMapping';
import { geometryToWgs84, toWgs84, type Crs } from './crs';
import type { Table } from './table';
import { coordinateText, looksSwapped, splitAliases } from './valueNormalise';

/** Kinds of units as the data contract writes them. */
export type UnitKind = 'compound' | 'village';

const COMPOUND = /^(compound|小区|住宅小区|社区|居委会|居民委员会|居民区|楼盘|住宅区)$/;
const VILLAGE = /^(village|村|行政村|自然村|村委会|村民委员会|村庄)$/;

/**
 * A unit's kind: 小区 / 社区 / 居委会 (and `compound`) are compounds, 村 / 行政村 / 村委会 (and
 * `village`) villages; any other or no value is taken from the name (a name ending in 村 is a
 * village, else a compound).
 */
export function normaliseUnitKind(value: string | undefined, name: string): UnitKind {
  const s = (value ?? '').normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (COMPOUND.test(s)) return 'compound';
  if (VILLAGE.test(s)) return 'village';
  return /村$/.test(name.trim()) ? 'village' : 'compound';
}

/** FNV-1a over UTF-16 code units, as 8 hex digits. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The id of a unit that has none: `U` and a hash of its town and name, so it stays the same when
 * rows are added or reordered; a second unit of the same town and name gets `-2`, and so on.
 */
export function generatedUnitId(town: string, name: string, taken: ReadonlySet<string>): string {
  const base = `U${fnv1a(`${town}\u0000${name}`)}`;
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
  return id;
}

/** Units read from a table: the units.geojson features, and the rows not loaded with their reasons. */
export interface UnitsFromTable {
  collection: FeatureCollection<Point>;
  rejected: RejectedRow[];
  /** Rows loaded with a remark (longitude and latitude read swapped). */
  remarks: RejectedRow[];
  /** Data rows read (= features + rejected). */
  rows: number;
  /** Rows rejected for want of a usable position, for the pupils whose address names them. */
  unplaced: UnplacedUnit[];
}

/** A compound or village whose row was not loaded because it has no usable position. */
export interface UnplacedUnit {
  name: string;
  town?: string;
  aliases: string[];
  file: string;
  line: number;
}

const number = (cell: string) => {
  const text = coordinateText(cell);
  return text === '' ? NaN : Number(text);
};

const degrees = (cell: string, limit: number) => {
  const n = number(cell);
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : undefined;
};

/**
 * Writes a mapped table of compounds and villages as the contract's units.geojson: a Point per row
 * (converted from `crs` to WGS84) with `id` (the row's, else generated: generatedUnitId), `name`,
 * `kind` (normaliseUnitKind), `town` and `aliases` (a list). A row without a name and id, with a
 * longitude or latitude that is not degrees, with an id an earlier row has, or that cannot be
 * split into cells or decoded, is not loaded and listed with its line; rows read = features +
 * rejected. A row whose two numbers are degrees only the other way round is read swapped, before
 * `crs` is converted, and listed in `remarks`.
 */
export function unitsFromTable(file: string, table: Table, mapping: ColumnMapping, crs: Crs): UnitsFromTable {
  const col = (name: string) => (mapping[name] === undefined ? -1 : table.header.indexOf(mapping[name]));
  const [cId, cName, cTown, cKind, cLon, cLat, cAliases] = ['id', 'name', 'town', 'kind', 'lon', 'lat', 'aliases'].map(col);
  const cell = (cells: string[], c: number) => (c < 0 ? '' : (cells[c] ?? '').trim());
  const features: Feature<Point>[] = [];
  const rejected: RejectedRow[] = [];
  const remarks: RejectedRow[] = [];
  const lineOfId = new Map<string, number>();
  const pending: { line: number; town: string; name: string; feature: Feature<Point> }[] = [];
  const unplaced: UnplacedUnit[] = [];
  let rows = 0;
  const reject = (line: number, code: DataProblemCode, params: DataProblemParams) =>
    rejected.push({ file, line, reason: describeDataProblem(code, params, 'en'), problem: { code, params } });
  table.forEachRow((cells, line) => {
    rows++;
    const id = cell(cells, cId);
    const name = cell(cells, cName);
    const town = cell(cells, cTown);
    if (id === '' && name === '') return reject(line, 'unitNoName', {});
    let [lonCell, latCell] = [cell(cells, cLon), cell(cells, cLat)];
    if (looksSwapped(number(lonCell), number(latCell))) {
      remarks.push({ file, line, reason: describeDataProblem('lonLatSwappedRow', { got: lonCell, value: latCell }, 'en'), problem: { code: 'lonLatSwappedRow', params: { got: lonCell, value: latCell } } });
      [lonCell, latCell] = [latCell, lonCell];
    }
    const lon = degrees(lonCell, 180);
    const lat = degrees(latCell, 90);
    if (lon === undefined || lat === undefined) {
      if (name !== '') unplaced.push({ name, ...(town !== '' && { town }), aliases: splitAliases(cell(cells, cAliases)), file, line });
      return lon === undefined ? reject(line, 'badLon', { got: lonCell }) : reject(line, 'badLat', { got: latCell });
    }
    if (id !== '' && lineOfId.has(id)) return reject(line, 'unitIdRepeated', { id, n: lineOfId.get(id) });
    if (id !== '') lineOfId.set(id, line);
    const properties: Record<string, unknown> = { id, name: name === '' ? id : name, kind: normaliseUnitKind(cell(cells, cKind), name) };
    if (town !== '') properties.town = town;
    const aliases = splitAliases(cell(cells, cAliases));
    if (aliases.length > 0) properties.aliases = aliases;
    const feature: Feature<Point> = { type: 'Feature', geometry: { type: 'Point', coordinates: toWgs84(lon, lat, crs) }, properties };
    features.push(feature);
    if (id === '') pending.push({ line, town, name, feature });
  }, (line, problem) => {
    // A row that cannot be split (a broken quote) or decoded is rejected by its line; reading goes on.
    rows++;
    reject(line, problem.code, problem.params);
  });
  // Ids are generated once every given id is known, so a generated one never takes a given one.
  const taken = new Set(lineOfId.keys());
  for (const p of pending) {
    const id = generatedUnitId(p.town, p.name, taken);
    taken.add(id);
    p.feature.properties!.id = id;
  }
  return { collection: { type: 'FeatureCollection', features }, rejected, remarks, rows, unplaced };
}

/**
 * Units given as GeoJSON features with their properties renamed by `mapping` (contract column →
 * property key), `kind` written the contract's way (normaliseUnitKind) and `aliases` as a list,
 * positions converted from `crs` to WGS84. Other properties are kept.
 */
export function unitsFromGeoJson(features: Feature[], mapping: ColumnMapping, crs: Crs): FeatureCollection {
  const rename = new Map(Object.entries(mapping).map(([key, name]) => [name, key]));
  return {
    type: 'FeatureCollection',
    features: features.map((f) => {
      const properties: Record<string, unknown> = Object.fromEntries(Object.entries(f?.properties ?? {}).map(([k, v]) => [rename.get(k) ?? k, v]));
      if (typeof properties.id === 'number') properties.id = String(properties.id);
      const name = typeof properties.name === 'string' ? properties.name : '';
      if (properties.kind !== undefined || name !== '') properties.kind = normaliseUnitKind(typeof properties.kind === 'string' ? properties.kind : undefined, name);
      if (typeof properties.aliases === 'string') properties.aliases = splitAliases(properties.aliases);
      return { ...f, geometry: geometryToWgs84(f?.geometry ?? null, crs), properties } as Feature;
    }),
  };
}
