import type { School } from '../dataset';
import { teachesLevel, ZONE_LEVELS, type ZoneLevel } from '../rules';
import type { SchoolWithoutZoneItem } from './types';

/**
 * Public schools open in `baseYear` (no `opens`, or opening by then) that teach a level but have
 * no zone feature of it. `zoned` lists, per level, the schools some feature names (alone or with others).
 */
export function schoolsWithoutZone(schools: readonly School[], zoned: Record<ZoneLevel, ReadonlySet<number>>, baseYear: number): SchoolWithoutZoneItem[] {
  const items: SchoolWithoutZoneItem[] = [];
  for (const level of ZONE_LEVELS) {
    schools.forEach((s, i) => {
      if (s.ownership !== 'public' || !teachesLevel(s.level, level) || (s.opens !== undefined && s.opens > baseYear)) return;
      if (zoned[level].has(i)) return;
      items.push({ kind: 'schoolWithoutZone', severity: 'warning', level, schools: [{ id: s.id, name: s.name }], geometry: { type: 'Point', coordinates: [s.lon, s.lat] } });
    });
  }
  return items;
}
