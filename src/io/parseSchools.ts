import type { School } from '../core/dataset';
import { SCHOOL_LEVELS, type SchoolLevel } from '../core/rules';
import { DataError, featuresOf } from './dataError';

const KNOWN_NON_FACILITY = new Set(['id', 'name', 'nameEn', 'level', 'ownership', 'classrooms', 'opens']);

function optionalInteger(file: string, where: string, key: string, v: unknown): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  if (!Number.isInteger(n) || n < 0) {
    throw new DataError(file, `${where}: "${key}" must be a whole number ≥ 0, got ${JSON.stringify(v)}`);
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
    const where = `feature ${index + 1}${typeof p.id === 'string' ? ` (id "${p.id}")` : ''}`;
    if (f?.geometry?.type !== 'Point') throw new DataError(file, `${where}: geometry must be a Point`);
    const [lon, lat] = f.geometry.coordinates;
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      throw new DataError(file, `${where}: coordinates are not longitude/latitude degrees`);
    }
    const id = typeof p.id === 'number' ? String(p.id) : p.id;
    if (typeof id !== 'string' || id === '') throw new DataError(file, `${where}: missing "id"`);
    if (seen.has(id)) throw new DataError(file, `${where}: duplicate id "${id}"`);
    seen.add(id);
    if (typeof p.name !== 'string' || p.name === '') throw new DataError(file, `${where}: missing "name"`);
    if (!SCHOOL_LEVELS.includes(p.level as SchoolLevel)) {
      throw new DataError(file, `${where}: "level" must be one of ${SCHOOL_LEVELS.join(', ')}, got ${JSON.stringify(p.level)}`);
    }
    if (p.ownership !== 'public' && p.ownership !== 'private') {
      throw new DataError(file, `${where}: "ownership" must be public or private, got ${JSON.stringify(p.ownership)}`);
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
