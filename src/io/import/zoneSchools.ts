import { isNotAZone } from '../../core/notAZone';
import type { Feature } from 'geojson';
import type { School } from '../../core/dataset';
import { teachesLevel, ZONE_LEVELS, type ZoneLevel } from '../../core/rules';
import { createSchoolCodeLookup } from '../../core/schoolCodes';
import { createSchoolNameIndex, matchSchoolName, type SchoolNameIndex } from '../../core/schoolNames';
import { splitSchoolList, zoneSchoolIds } from '../../core/zoneSchoolIds';
import { DataError } from '../dataError';
import type { ColumnMapping } from './columnMapping';

/** Text of a property value: numbers as written, strings trimmed; '' for anything else. */
const textOf = (v: unknown) => (typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : typeof v === 'string' ? v.trim() : '');

/**
 * The names a zone feature carries, as the file wrote them (`XXDM "3707830101", XXMC "汇文学校"`):
 * its school code, school name and zone name under their own keys, for messages.
 */
export function zoneNames(properties: Record<string, unknown>, mapping: ColumnMapping): string {
  return ['school_id', 'school_name', 'zone_name']
    .filter((c) => textOf(properties[c]) !== '')
    .map((c) => `${mapping[c] ?? c} "${textOf(properties[c])}"`)
    .join(', ');
}

/**
 * Sets `school_id` of zone features (contract keys, after renaming) that name their school only by
 * name: a feature with a school code keeps it (written as the schools file writes it, see
 * createSchoolCodeLookup); one with only `school_name` gets the id of the
 * school of that name or other name (`aliases[i]` of school i; matchSchoolName: full and short forms), looked for first among the public
 * schools teaching the zone's level, then among all schools (so that a private school or one of
 * another level is reported by parseZones as such); a name equal to a school id is taken as that id.
 * A zone several schools share (多校划片) may list their codes, or their names, joined by 、 , ; (see
 * zoneSchoolIds); listed names become their ids joined by 、.
 * Throws a DataError naming the feature and the names it carries (`zoneNames`) when a code is not a
 * school's (a code alone: unknownSchool, as parseZones says it), or a name names no school or several.
 */
export function resolveZoneSchools(file: string, features: Feature[], mapping: ColumnMapping, schools: readonly School[], aliases: readonly string[][] = []): void {
  const ids = new Set(schools.map((s) => s.id));
  const codeOf = createSchoolCodeLookup(schools.map((s) => s.id));
  const all = createSchoolNameIndex(schools.map((s) => s.name), undefined, aliases);
  // Per level (or 'any' when the zone's level is unknown): the public schools that can take the zone, indexed once.
  const byLevel = new Map<string, { schools: number[]; index: SchoolNameIndex }>();
  const candidates = (level: ZoneLevel | undefined) => {
    const key = level ?? 'any';
    let c = byLevel.get(key);
    if (!c) {
      const zoned = schools.flatMap((s, i) => (s.ownership === 'public' && (level === undefined || teachesLevel(s.level, level)) ? [i] : []));
      c = { schools: zoned, index: createSchoolNameIndex(zoned.map((i) => schools[i].name), undefined, zoned.map((i) => aliases[i])) };
      byLevel.set(key, c);
    }
    return c;
  };
  features.forEach((f, index) => {
    if (isNotAZone(f)) return;
    const p = (f.properties ??= {}) as Record<string, unknown>;
    const where = { feature: index + 1, idKey: 'school_id' as const };
    const codes = zoneSchoolIds(p, (id) => codeOf(id) >= 0) ?? [];
    if (codes.length > 0) {
      const unknown = codes.find((c) => codeOf(c) < 0);
      if (unknown === undefined) {
        // Codes written otherwise than the schools file writes them (full-width digits, leading zeros dropped) become its codes.
        const known = codes.map((c) => schools[codeOf(c)].id);
        if (known.some((c, k) => c !== codes[k])) {
          delete p.school_ids;
          p.school_id = known.join('、');
        }
        return;
      }
      // A code alone reads as the contract's own message; with names beside it, all of them are named.
      if (textOf(p.school_name) === '' && textOf(p.zone_name) === '') throw new DataError(file, 'unknownSchool', { where: { ...where, id: codes.join('、') }, id: unknown });
      throw new DataError(file, 'zoneSchoolNotFound', { where, got: zoneNames(p, mapping) });
    }
    const name = textOf(p.school_name);
    if (name === '') return;
    const level = ZONE_LEVELS.includes(p.level as ZoneLevel) ? (p.level as ZoneLevel) : undefined;
    const zoned = candidates(level);
    const matchOne = (text: string) => {
      const found = matchSchoolName(text, zoned.index);
      if ('school' in found) return { school: zoned.schools[found.school] };
      if ('ambiguous' in found) return { ambiguous: found.ambiguous.map((k) => zoned.schools[k]) };
      return matchSchoolName(text, all);
    };
    const match = matchOne(name);
    const parts = splitSchoolList(name);
    const listed = 'school' in match || ids.has(name) || parts.length < 2 ? [] : parts.map(matchOne);
    if (listed.length > 0 && listed.every((m) => 'school' in m)) p.school_id = listed.map((m) => schools[(m as { school: number }).school].id).join('、');
    else if ('school' in match) p.school_id = schools[match.school].id;
    else if (ids.has(name)) p.school_id = name;
    else if ('ambiguous' in match) {
      const value = match.ambiguous.map((i) => `${schools[i].name} (${schools[i].id})`).join(', ');
      throw new DataError(file, 'zoneSchoolAmbiguous', { where, got: zoneNames(p, mapping), value });
    } else throw new DataError(file, 'zoneSchoolNotFound', { where, got: zoneNames(p, mapping) });
  });
}
