import type { Feature, FeatureCollection, Point } from 'geojson';
import { FACILITY_FIELDS, type RejectedRow } from '../../core/dataset';
import { describeDataProblem, type DataProblem } from '../../core/dataProblems';
import { geometryToWgs84, toWgs84, type Crs } from './crs';
import type { ColumnMapping } from './columnMapping';
import type { Table } from './table';
import { COLUMN_NUMBERING, createHeaderCopyTest, createTotalRowTest, HEADER_COPY, isColumnNumbering, noteRowProblem, noteRowText, totalRowProblem, type SkippedRow } from './totalRows';
import { coordinateText, countText, looksSwapped, normaliseOwnership, normaliseSchoolLevel, aliasList } from './valueNormalise';

/** Contract properties that are numbers, including the nine-year section variants (primary_room_area_m2 …). */
const NUMERIC_KEYS = new Set(['classrooms', 'opens', ...FACILITY_FIELDS.flatMap((f) => [f, `primary_${f}`, `junior_${f}`])]);
const SECTION_FIELDS = [...NUMERIC_KEYS].filter((k) => k.startsWith('primary_') || k.startsWith('junior_'));

/** A number cell as a property value: a number where the text is one (countText: 36间, １８), else the trimmed text; undefined when empty. */
function cellValue(text: string): string | number | undefined {
  const s = countText(text);
  if (s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : s;
}

const numberOf = (text: string) => (text.trim() === '' ? NaN : Number(text));

/**
 * A school's contract properties from its mapped values: `level` and `ownership` written the
 * contract's way where recognised (学段, 办学性质), numeric fields given as text as numbers; a value
 * that cannot be read stays as it was, so parseSchools names the school and the problem.
 */
export function schoolProperties(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'level') out.level = normaliseSchoolLevel(String(value)) ?? value;
    else if (key === 'ownership') out.ownership = normaliseOwnership(String(value)) ?? value;
    else if (key === 'id' || key === 'name') out[key] = String(value).trim();
    else if (key === 'aliases') {
      const aliases = aliasList(value);
      if (aliases.length > 0) out.aliases = aliases;
    }
    else out[key] = typeof value === 'string' && NUMERIC_KEYS.has(key) ? cellValue(value) : value;
  }
  return out;
}

/** A school table as schools.geojson, the row (CSV: line) of each feature, the total rows skipped, and the rows read with a remark. */
export interface SchoolsTable {
  collection: FeatureCollection<Point>;
  rows: number[];
  skipped: SkippedRow[];
  /** Rows whose longitude and latitude were the other way round, read swapped (with the table's file and sheet). */
  remarks: RejectedRow[];
}

/**
 * Writes a mapped school table as the contract's schools.geojson: one Point feature per row
 * (converted from `crs` to WGS84; a coordinate that is not a number becomes null, which
 * parseSchools rejects naming the school) with the mapped contract properties, plus columns named
 * exactly as a nine-year section's facility field (primary_room_area_m2 …). Total rows (合计, 小计 …,
 * or a row without id that sums the rows above) and copies of the header row are skipped and listed,
 * never read as a school. A
 * row whose two numbers are degrees only the other way round (36.9, 118.7) is read swapped, before
 * `crs` is converted, and listed in `remarks`.
 */
export function schoolsFromTable(table: Table, mapping: ColumnMapping, crs: Crs): SchoolsTable {
  const sections = SECTION_FIELDS.filter((k) => table.header.includes(k) && mapping[k] === undefined).map((k) => [k, k] as const);
  const columns = [...Object.entries(mapping), ...sections].map(([key, name]) => [key, table.header.indexOf(name)] as const);
  const features: Feature<Point>[] = [];
  const rows: number[] = [];
  const skipped: SkippedRow[] = [];
  const remarks: RejectedRow[] = [];
  const isTotal = createTotalRowTest(mapping.id === undefined ? -1 : table.header.indexOf(mapping.id));
  const isHeaderCopy = createHeaderCopyTest(table.header);
  table.forEachRow((cells, line) => {
    const copy = isHeaderCopy(cells);
    if (copy || isColumnNumbering(cells)) {
      skipped.push({ line, problem: copy ? HEADER_COPY : COLUMN_NUMBERING });
      return;
    }
    const note = noteRowText(cells);
    if (note !== undefined) {
      skipped.push({ line, problem: noteRowProblem(note) });
      return;
    }
    const total = isTotal(cells);
    if (total) {
      skipped.push({ line, problem: totalRowProblem(total) });
      return;
    }
    rows.push(line);
    const values = Object.fromEntries(columns.map(([key, c]) => [key, cells[c] ?? '']));
    let lon = numberOf(coordinateText(values.lon ?? ''));
    let lat = numberOf(coordinateText(values.lat ?? ''));
    if (looksSwapped(lon, lat)) {
      const problem: DataProblem = { code: 'lonLatSwappedRow', params: { got: values.lon.trim(), value: values.lat.trim() } };
      remarks.push({ file: table.file, ...(table.sheet !== undefined && { sheet: table.sheet }), line, reason: describeDataProblem(problem.code, problem.params, 'en'), problem });
      [lon, lat] = [lat, lon];
    }
    const coordinates = Number.isFinite(lon) && Number.isFinite(lat) ? toWgs84(lon, lat, crs) : [lon, lat];
    delete values.lon;
    delete values.lat;
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties: schoolProperties(values) });
  });
  return { collection: { type: 'FeatureCollection', features }, rows, skipped, remarks };
}

/**
 * A GeoJSON FeatureCollection of schools with property keys renamed by `mapping` (contract
 * column → property key), values normalised as in schoolProperties, positions converted to WGS84.
 * Properties not mapped are kept under their own names.
 */
export function schoolsFromGeoJson(features: Feature[], mapping: ColumnMapping, crs: Crs): FeatureCollection {
  const rename = new Map(Object.entries(mapping).map(([key, name]) => [name, key]));
  return {
    type: 'FeatureCollection',
    features: features.map((f) => {
      const properties = Object.fromEntries(Object.entries(f?.properties ?? {}).map(([k, v]) => [rename.get(k) ?? k, v]));
      return { ...f, geometry: geometryToWgs84(f?.geometry ?? null, crs), properties: schoolProperties(properties) } as Feature;
    }),
  };
}

/**
 * The school tables of a workbook's sheets (one, or a list split into 小学 and 中学 sheets) as one
 * schools.geojson, in sheet order, as schoolsFromTable writes each; with several sheets, `sheets`
 * gives the sheet each school was read from, and skipped rows of the later sheets name their sheet.
 */
export function schoolsFromSheets(tables: Table[], mapping: ColumnMapping, crs: Crs): SchoolsTable & { sheets?: string[] } {
  const read = tables.map((t) => schoolsFromTable(t, mapping, crs));
  return {
    collection: { type: 'FeatureCollection', features: read.flatMap((r) => r.collection.features) },
    rows: read.flatMap((r) => r.rows),
    skipped: read.flatMap((r, i) => (i === 0 ? r.skipped : r.skipped.map((row) => ({ ...row, sheet: tables[i].sheet })))),
    remarks: read.flatMap((r) => r.remarks),
    ...(tables.length > 1 && { sheets: read.flatMap((r, i) => r.rows.map(() => tables[i].sheet ?? '')) }),
  };
}
