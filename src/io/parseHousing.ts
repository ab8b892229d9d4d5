import type { HousingEstate } from '../core/dataset';
import { DataError } from './dataError';
import { numberCell, parsePlanningTable } from './parsePlanningTable';

/**
 * Parses `housing.csv`: id, name, and a place — `lon`, `lat` (WGS84 degrees) or a `unit_id` whose
 * place the units file gives — then households, first_year, primary_per_household,
 * junior_per_household and ramp_years (default 1). `unitPlace` gives a unit's index and place.
 * A bad row stops the load naming its line.
 */
export function parseHousing(
  file: string,
  text: string,
  unitPlace: (id: string) => { unit: number; x: number; y: number } | undefined,
): HousingEstate[] {
  const rows = parsePlanningTable(file, text, ['id', 'households', 'first_year', 'primary_per_household', 'junior_per_household']);
  return rows.map((row) => {
    const id = row.get('id');
    if (id === '') throw new DataError(file, 'emptyCell', { n: row.line, key: 'id' });
    const unitId = row.get('unit_id');
    let place: { unit: number; x: number; y: number } | undefined;
    if (row.get('lon') !== '' || row.get('lat') !== '') {
      const x = numberCell(file, row, 'lon', { min: -180 });
      const y = numberCell(file, row, 'lat', { min: -90 });
      if (x > 180 || y > 90) throw new DataError(file, 'badPlace', { n: row.line, got: `${x}, ${y}` });
      place = { unit: unitId === '' ? -1 : (unitPlace(unitId)?.unit ?? -1), x, y };
    } else {
      place = unitId === '' ? undefined : unitPlace(unitId);
      if (!place || !Number.isFinite(place.x)) throw new DataError(file, 'housingNoPlace', { n: row.line, id });
    }
    return {
      id,
      name: row.get('name') || id,
      ...place,
      households: numberCell(file, row, 'households'),
      firstYear: numberCell(file, row, 'first_year', { min: 1900, integer: true }),
      perHousehold: { primary: numberCell(file, row, 'primary_per_household'), junior: numberCell(file, row, 'junior_per_household') },
      rampYears: row.get('ramp_years') === '' ? 1 : numberCell(file, row, 'ramp_years', { min: 1, integer: true }),
    };
  });
}
