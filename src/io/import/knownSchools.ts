import type { Feature } from 'geojson';
import type { School } from '../../core/dataset';
import { DataError, featuresOf } from '../dataError';
import { parseSchools } from '../parseSchools';
import { PART_FILES } from './datasetPart';
import type { SchoolLevel } from '../../core/rules';
import { createSchoolCodeLookup } from '../../core/schoolCodes';
import { createSchoolNameIndex, matchSchoolName, normaliseSchoolName, type SchoolNameIndex } from '../../core/schoolNames';
import type { ImportRowNote } from '../parseStudents';
import { aliasList } from './valueNormalise';

/** The schools of the schools file as the pupil rows need them: ids, levels, and names to match. */
export interface KnownSchools {
  ids: string[];
  levels: (SchoolLevel | undefined)[];
  /** Whether each school is private (民办): its pupils are not zoned. */
  private: boolean[];
  /** Index of an id (also written with full-width digits or without its leading zeros, see createSchoolCodeLookup), −1 when no school has it. */
  indexOf(id: string): number;
  /**
   * The school a row's school-name cell names, given the row's school_id cell: with no id, the one
   * school the name matches (else −1 and a note: unknown or ambiguous name); with a known id, that
   * school, noted when the name matches another school or none; with an id no school has, the one
   * school the name matches, noted. A name fitting several schools of which exactly one teaches the
   * row's grade (`teaches`: 东关学校 in a 一年级 row, between 东关学校小学部 and 东关学校初中部) is that school.
   */
  byName(name: string, id: string, teaches?: (level: SchoolLevel) => boolean): { school: number; note?: ImportRowNote };
}

/** Each school feature's other names (its `aliases`: 曾用名, 别名), as a list or one cell's text; none when absent. */
export function schoolAliasesOf(features: readonly Feature[]): string[][] {
  return features.map((f) => aliasList((f?.properties as Record<string, unknown> | null | undefined)?.aliases));
}

/**
 * The schools of a contract schools.geojson's features (properties id, name, level, aliases), read
 * leniently: parseSchools reports their problems. Names, and the schools' other names, are matched
 * by matchSchoolName.
 */
export function knownSchools(features: readonly Feature[]): KnownSchools {
  const props = features.map((f) => (f?.properties ?? {}) as Record<string, unknown>);
  const ids = props.map((p) => String(p.id ?? ''));
  const names = props.map((p) => String(p.name ?? ''));
  const levels = props.map((p) => (p.level === 'primary' || p.level === 'junior' || p.level === 'nine_year' ? p.level : undefined));
  const isPrivate = props.map((p) => p.ownership === 'private');
  const codeOf = createSchoolCodeLookup(ids);
  const index: SchoolNameIndex = createSchoolNameIndex(names, undefined, schoolAliasesOf(features));
  const cache = new Map<string, ReturnType<typeof matchSchoolName>>();
  const match = (name: string) => {
    let m = cache.get(name);
    if (!m) {
      m = matchSchoolName(name, index);
      cache.set(name, m);
    }
    return m;
  };
  const listed = (schools: number[]) => schools.map((i) => `${names[i]} (${ids[i]})`).join(', ');
  const indexOf = (id: string) => (id === '' ? -1 : codeOf(id));
  return {
    ids,
    levels,
    private: isPrivate,
    indexOf,
    byName(name, id, teaches) {
      const coded = id === '' ? -1 : indexOf(id);
      if (name === '' || normaliseSchoolName(name) === '') return { school: coded };
      const m = match(name);
      const forGrade = 'ambiguous' in m && teaches ? m.ambiguous.filter((i) => levels[i] !== undefined && teaches(levels[i]!)) : [];
      if (id === '') {
        // A name no school has, read without a remark after it (（东校区）): said, as it may mean a campus of its own.
        if ('school' in m && m.shortened !== undefined) return { school: m.school, note: { code: 'schoolNameShortened', params: { got: name, value: listed([m.school]) } } };
        if ('school' in m) return { school: m.school };
        if (forGrade.length === 1) return { school: forGrade[0] };
        if ('ambiguous' in m) return { school: -1, note: { code: 'schoolNameAmbiguous', params: { got: name, value: listed(m.ambiguous) } } };
        return { school: -1, note: { code: 'schoolNameUnknown', params: { got: name } } };
      }
      // A code no school has, beside a name that names one: the name's school (the code mistyped or cut).
      if (coded < 0 && 'school' in m) return { school: m.school, note: { code: 'schoolIdUnknownNamed', params: { id, got: name, value: listed([m.school]) } } };
      if (coded < 0 || ('school' in m && m.school === coded) || ('ambiguous' in m && m.ambiguous.includes(coded))) return { school: coded };
      const other = 'school' in m ? ` = ${listed([m.school])}` : '';
      return { school: coded, note: { code: 'schoolNameMismatch', params: { id, school: names[coded], got: name, value: other } } };
    },
  };
}

/** The schools file read so far as knownSchools; undefined when there is none or it cannot be read (parseSchools says why). */
export function knownSchoolsOf(text: string | undefined): KnownSchools | undefined {
  if (text === undefined) return undefined;
  try {
    return knownSchools(featuresOf(PART_FILES.schools, text));
  } catch {
    return undefined;
  }
}

/** The schools file read so far, parsed, and each school's other names, for zones that name their school; undefined when there is none or it cannot be read (readDataset reports why). */
export function parsedSchoolsOf(text: string | undefined): { schools: School[]; aliases: string[][] } | undefined {
  if (text === undefined) return undefined;
  try {
    return { schools: parseSchools(PART_FILES.schools, text), aliases: schoolAliasesOf(featuresOf(PART_FILES.schools, text)) };
  } catch (e) {
    if (e instanceof DataError) return undefined;
    throw e;
  }
}
