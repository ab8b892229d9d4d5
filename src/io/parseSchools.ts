import type { School } from '../core/dataset';
import { SCHOOL_LEVELS, type SchoolLevel } from '../core/rules';
import { DataError, featuresOf } from './dataError';
import type { DataProblemParams } from '../core/dataProblems';

type Where = NonNullable<DataProblemParams['where']>;

const KNOWN_NON_FACILITY = new Set(['id', 'name', 'nameEn', 'level', 'ownership', 'classrooms', 'opens']);

function optionalInteger(file: string, where: Where, key: string, v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(n) || n < 0) {
    throw new DataError(file, 'notWholeNumber', { where, key, got: JSON.stringify(v) ?? 'undefined' });
  }
  return n;
}

/**
 * Parses `schools.geojson` into schools, in file order. Every feature must be a Point with a unique
 * `id`, a `name`, a known `level` and `ownership`; numeric facility fields are collected, other
 * properties are ignored. Throws a DataError naming the feature on the first problem.
 */
export function parseSchools(file: string, text: string): School[] {
  const features = featuresOf(file, text);
  const seen = new Set<string>();
  return features.map((f, index) => {
    const p = (f?.properties ?? {}) as Record<string, unknown>;
    const where: Where = { feature: index + 1, idKey: 'id', id: typeof p.id === 'string' ? p.id : undefined };
    if (f?.geometry?.type !== 'Point') throw new DataError(file, 'notPoint', { where });
    const [lon, lat] = f.geometry.coordinates;
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      throw new DataError(file, 'notLonLat', { where });
    }
    const id = typeof p.id === 'number' ? String(p.id) : p.id;
    if (typeof id !== 'string' || id === '') throw new DataError(file, 'missingProperty', { where, key: 'id' });
    if (seen.has(id)) throw new DataError(file, 'duplicateId', { where, id });
    seen.add(id);
    if (typeof p.name !== 'string' || p.name === '') throw new DataError(file, 'missingProperty', { where, key: 'name' });
    if (!SCHOOL_LEVELS.includes(p.level as SchoolLevel)) {
      throw new DataError(file, 'badLevel', { where, value: SCHOOL_LEVELS.join(', '), got: JSON.stringify(p.level) ?? 'undefined' });
    }
    if (p.ownership !== 'public' && p.ownership !== 'private') {
      throw new DataError(file, 'badOwnership', { where, got: JSON.stringify(p.ownership) ?? 'undefined' });
    }
    const facilities: Record<string, number> = {};
    for (const [key, value] of Object.entries(p)) {
      if (!KNOWN_NON_FACILITY.has(key) && typeof value === 'number' && Number.isFinite(value)) {
        facilities[key] = value;
      }
    }
    return {
      id,
      name: p.name,
      nameEn: typeof p.nameEn === 'string' ? p.nameEn : undefined,
      level: p.level as SchoolLevel,
      ownership: p.ownership,
      classrooms: optionalInteger(file, where, 'classrooms', p.classrooms),
      opens: optionalInteger(file, where, 'opens', p.opens),
      lon,
      lat,
      facilities,
    };
  });
}
