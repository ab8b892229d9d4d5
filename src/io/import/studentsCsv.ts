import Papa from 'papaparse';
import { SOURCE_LINE_COLUMN } from '../parseStudents';
import type { ColumnMapping } from './columnMapping';
import { ADDRESS_CANDIDATES_COLUMN, ADDRESS_STATUS_COLUMN, type AddressPlacer } from './addressPlacement';
import { toWgs84, type Crs } from './crs';
import type { Table } from './table';
import { flattenText } from './textDecoding';
import { normaliseGrade } from './valueNormalise';

const OPTIONAL = ['school_id', 'unit_id', 'address'] as const;
// Rows written per Papa.unparse call: one call per row costs a third more time at a million rows.
const BATCH_ROWS = 10_000;

/** The students.csv text of a table and how many data rows it holds. */
export interface StudentsCsv {
  text: string;
  rows: number;
}

/** A number as text: a finite value in its shortest exact form, else the text it came from. */
function coordinateText(value: number, raw: string): string {
  return Number.isFinite(value) ? String(value) : raw;
}

/**
 * Writes a mapped pupil table as the contract's students.csv: columns id, lon, lat, grade, the
 * optional ones mapped, and `source_line` (each row's line in the original file). Coordinates are
 * converted from `crs` to WGS84, grades written as 1..9 where recognised; a value that cannot be
 * read is written as it was, so that parseStudents rejects that row with its line and reason —
 * no row is lost here. `mapping` must map id and grade, and lon and lat unless it maps address.
 *
 * With an address column and a `placer`, a row with an address and no lon/lat is placed at the
 * unit its address names (lon/lat of the unit, unit_id set); a row it cannot place keeps empty
 * coordinates and gets the address_status and address_candidates columns, for parseStudents to
 * reject it with the nearest candidates. `onLine` hears the line reached every 10,000 rows (progress).
 */
export function studentsCsvFromTable(table: Table, mapping: ColumnMapping, crs: Crs, placer?: AddressPlacer, onLine?: (line: number) => void): StudentsCsv {
  const col = (name: string) => (mapping[name] === undefined ? -1 : table.header.indexOf(mapping[name]));
  const [cId, cLon, cLat, cGrade, cAddress] = ['id', 'lon', 'lat', 'grade', 'address'].map(col);
  const byAddress = placer !== undefined && cAddress >= 0;
  const optional = OPTIONAL.filter((name) => col(name) >= 0 || (byAddress && name === 'unit_id'));
  const cOptional = optional.map(col);
  const unitAt = optional.indexOf('unit_id');
  const chunks: string[] = [];
  let batch: string[][] = [['id', 'lon', 'lat', 'grade', ...optional, SOURCE_LINE_COLUMN, ...(byAddress ? [ADDRESS_STATUS_COLUMN, ADDRESS_CANDIDATES_COLUMN] : [])]];
  const flush = () => {
    chunks.push(flattenText(Papa.unparse(batch, { newline: '\n' })));
    batch = [];
  };
  let rows = 0;
  table.forEachRow((cells, line) => {
    let lonText = (cells[cLon] ?? '').trim();
    let latText = (cells[cLat] ?? '').trim();
    const optionalCells = cOptional.map((c) => (cells[c] ?? '').trim());
    const status: string[] = byAddress ? ['', ''] : [];
    const address = byAddress ? (cells[cAddress] ?? '').trim() : '';
    let placedAtUnit = false;
    if (byAddress && lonText === '' && latText === '' && address !== '') {
      const p = placer(address);
      if (p.placed) {
        [lonText, latText] = [String(p.lon), String(p.lat)];
        optionalCells[unitAt] = p.unitId;
        placedAtUnit = true;
      } else {
        status[0] = p.status;
        status[1] = p.candidates;
      }
    }
    const lon = lonText === '' ? NaN : Number(lonText);
    const lat = latText === '' ? NaN : Number(latText);
    // Units are already WGS84: only the file's own coordinates are converted.
    const [x, y] = Number.isFinite(lon) && Number.isFinite(lat) && !placedAtUnit ? toWgs84(lon, lat, crs) : [lon, lat];
    const gradeText = (cells[cGrade] ?? '').trim();
    const grade = normaliseGrade(gradeText);
    batch.push([
      (cells[cId] ?? '').trim(),
      coordinateText(x, lonText),
      coordinateText(y, latText),
      grade === undefined ? gradeText : String(grade),
      ...optionalCells,
      String(line),
      ...status,
    ]);
    rows++;
    if (batch.length === BATCH_ROWS) {
      flush();
      onLine?.(line);
    }
  });
  if (batch.length > 0) flush();
  return { text: chunks.join('\n') + '\n', rows };
}
