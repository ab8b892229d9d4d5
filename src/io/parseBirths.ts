import type { Births } from '../core/dataset';
import { DataError } from './dataError';
import { numberCell, parsePlanningTable } from './parsePlanningTable';

/**
 * Parses `births.csv` (columns unit_id, year, births): births per unit and calendar year. A unit
 * not among `unitIndex` (the dataset's units) or a repeated unit and year stops the load, naming the
 * line: intake built on a misspelt unit would silently vanish.
 */
export function parseBirths(file: string, text: string, unitIndex: ReadonlyMap<string, number>): Births {
  const births = new Map<number, Map<number, number>>();
  for (const row of parsePlanningTable(file, text, ['unit_id', 'year', 'births'])) {
    const id = row.get('unit_id');
    const u = unitIndex.get(id);
    if (u === undefined) throw new DataError(file, 'unknownUnit', { n: row.line, id });
    const year = numberCell(file, row, 'year', { min: 1900, integer: true });
    const count = numberCell(file, row, 'births');
    const byYear = births.get(u) ?? new Map<number, number>();
    if (byYear.has(year)) throw new DataError(file, 'duplicateRow', { n: row.line, id, value: String(year) });
    byYear.set(year, count);
    births.set(u, byYear);
  }
  return births;
}
