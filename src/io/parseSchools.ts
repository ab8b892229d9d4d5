import type { School } from '../core/dataset';
import { SCHOOL_LEVELS, type SchoolLevel } from '../core/rules';
import { DataError, featuresOf } from './dataError';
import type { DataProblemParams } from '../core/dataProblems';
import { facilityLimit, withinFacilityLimit } from '../core/facilityLimits';

type Where = NonNullable<DataProblemParams['where']>;

/** Earliest and latest year a school may open. */
const YEARS = { min: 1900, max: 2200 };

function optionalYear(file: string, where: Where, v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(n) || n < YEARS.min || n > YEARS.max) throw new DataError(file, 'yearOutOfRange', { where, key: 'opens', min: YEARS.min, max: YEARS.max, got: JSON.stringify(v) ?? 'undefined' });
  return n;
}

const isLonLat = (lon: unknown, lat: unknown): boolean =>
  typeof lon === 'number' && typeof lat === 'number' && Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lon) <= 180 && Math.abs(lat) <= 90;

/**
 * Parses `schools.geojson` into schools, in file order. Every feature must be a Point with a unique
 * `id`, a `name`, a known `level` and `ownership`, a position in longitude/latitude degrees (named
 * as swapped when it would be the other way round); `classrooms` and the facility fields, when
 * given, must be within their limits (facilityLimit: counts whole, 0 to 10,000 …), `opens` a year
 * from 1900 to 2200; other properties are ignored. Throws a DataError naming the feature on the first problem.
 */
export function parseSchools(file: string, text: string): School[] {
  const features = featuresOf(file, text);
  // Each id seen, with the name of the school that has it.
  const seen = new Map<string, unknown>();
  return features.map((f, index) => {
    const p = (f?.properties ?? {}) as Record<string, unknown>;
    const where: Where = { feature: index + 1, idKey: 'id', id: typeof p.id === 'string' ? p.id : undefined };
    if (f?.geometry?.type !== 'Point') throw new DataError(file, 'notPoint', { where });
    const [lon, lat] = f.geometry.coordinates;
    if (!isLonLat(lon, lat)) {
      if (isLonLat(lat, lon)) throw new DataError(file, 'swappedPosition', { where, got: `[${lon}, ${lat}]`, key: 'schools' });
      throw new DataError(file, 'notLonLat', { where });
    }
    const id = typeof p.id === 'number' ? String(p.id) : p.id;
    if (typeof id !== 'string' || id === '') throw new DataError(file, 'missingProperty', { where, key: 'id' });
    if (seen.has(id)) throw new DataError(file, 'duplicateSchoolId', { where, id, got: JSON.stringify(seen.get(id) ?? '') });
    seen.set(id, p.name);
    if (typeof p.name !== 'string' || p.name === '') throw new DataError(file, 'missingProperty', { where, key: 'name' });
    // An empty cell leaves the key out: it is named as missing, not as "undefined".
    if (p.level === undefined) throw new DataError(file, 'missingProperty', { where, key: 'level' });
    if (!SCHOOL_LEVELS.includes(p.level as SchoolLevel)) {
      throw new DataError(file, 'badLevel', { where, value: SCHOOL_LEVELS.join(', '), got: JSON.stringify(p.level) });
    }
    if (p.ownership === undefined) throw new DataError(file, 'missingProperty', { where, key: 'ownership' });
    if (p.ownership !== 'public' && p.ownership !== 'private') {
      throw new DataError(file, 'badOwnership', { where, got: JSON.stringify(p.ownership) });
    }
    const facilities: Record<string, number> = {};
    let classrooms: number | undefined;
    for (const [key, value] of Object.entries(p)) {
      const limit = facilityLimit(key);
      if (limit === undefined || value === undefined || value === null || value === '') continue;
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (!withinFacilityLimit(limit, n)) {
        throw new DataError(file, limit.whole ? 'facilityNotWhole' : 'facilityOutOfRange', { where, key, max: limit.max, got: JSON.stringify(value) ?? String(value) });
      }
      if (key === 'classrooms') classrooms = n;
      else facilities[key] = n;
    }
    return {
      id,
      name: p.name,
      nameEn: typeof p.nameEn === 'string' ? p.nameEn : undefined,
      level: p.level as SchoolLevel,
      ownership: p.ownership,
      classrooms,
      opens: optionalYear(file, where, p.opens),
      ...((p.setting === 'city' || p.setting === 'town' || p.setting === 'village') && { setting: p.setting }),
      lon,
      lat,
      facilities,
    };
  });
}
