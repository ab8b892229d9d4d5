import type { School } from '../core/dataset';
import { MAX_GRADE, ZONE_LEVELS, teachesLevel } from '../core/rules';
import { DEFAULT_PROJECTION, NO_RULES, type ProjectionSettings, type ScenarioRules } from '../core/scenarioRules';
import { findUnknownKey } from '../core/unknownKeys';
import { DataError } from './dataError';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The rules a scenario file may hold, and the fields of each rule of a list. */
const RULE_FIELDS = {
  openings: ['schoolId', 'year'],
  classroomAdditions: ['schoolId', 'year', 'rooms'],
  privateShares: ['schoolId', 'level', 'share', 'fromYear'],
  diversions: ['fromSchoolId', 'toSchoolId', 'grades', 'count', 'year'],
} as const;
const RULE_KEYS = ['phaseIn', ...Object.keys(RULE_FIELDS)];
const PROJECTION_KEYS = ['years', 'entryRate', 'progression'];

/** Refuses a key of `json` not in `known`, naming it, where it is and the nearest known key. */
function refuseUnknownKey(file: string, json: Json, known: readonly string[], where: string): void {
  const unknown = findUnknownKey(json, known);
  if (unknown) throw new DataError(file, 'unknownKeyIn', { key: unknown.key, value: where, found: unknown.nearest });
}

/** Reads a scenario file's `rules` block; throws a DataError naming the file, the rule and the field. */
export function parseScenarioRules(file: string, json: unknown, schools?: School[]): ScenarioRules {
  if (json === undefined) return NO_RULES;
  if (!isObject(json)) throw new DataError(file, 'ruleNotObject', { value: 'rules' });
  refuseUnknownKey(file, json, RULE_KEYS, 'rules');
  let n = 0;
  const list = <T>(key: keyof typeof RULE_FIELDS, read: (item: Json, field: (k: string, check: (v: unknown) => boolean) => unknown) => T): T[] => {
    const items = json[key] ?? [];
    if (!Array.isArray(items)) throw new DataError(file, 'ruleNotObject', { value: key });
    return items.map((item) => {
      n++;
      if (!isObject(item)) throw new DataError(file, 'ruleNotObject', { value: key, n });
      const unknown = findUnknownKey(item, RULE_FIELDS[key]);
      if (unknown) throw new DataError(file, 'ruleUnknownKey', { n, value: key, key: unknown.key, found: unknown.nearest });
      return read(item, (k, check) => {
        if (!check(item[k])) throw new DataError(file, 'ruleBadField', { n, value: key, key: k, got: JSON.stringify(item[k]) ?? 'undefined' });
        return item[k];
      });
    });
  };
  const year = (v: unknown) => Number.isInteger(v) && (v as number) >= 1900 && (v as number) <= 2200;
  const id = (v: unknown) => typeof v === 'string' && v !== '';
  const count = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
  const share = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 1;
  const optionalYear = (v: unknown) => v === undefined || year(v);
  const grades = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((g) => Number.isInteger(g) && g >= 1 && g <= MAX_GRADE);

  let phaseIn: ScenarioRules['phaseIn'];
  if (json.phaseIn !== undefined) {
    if (isObject(json.phaseIn)) refuseUnknownKey(file, json.phaseIn, ['fromYear'], 'rules.phaseIn');
    if (!isObject(json.phaseIn) || !year(json.phaseIn.fromYear)) throw new DataError(file, 'ruleBadField', { n: 0, value: 'phaseIn', key: 'fromYear', got: JSON.stringify(isObject(json.phaseIn) ? json.phaseIn.fromYear : json.phaseIn) ?? 'undefined' });
    phaseIn = { fromYear: json.phaseIn.fromYear as number };
  }
  const rules: ScenarioRules = {
    phaseIn,
    openings: list('openings', (_, f) => ({ schoolId: f('schoolId', id) as string, year: f('year', year) as number })),
    classroomAdditions: list('classroomAdditions', (_, f) => ({ schoolId: f('schoolId', id) as string, year: f('year', year) as number, rooms: f('rooms', count) as number })),
    privateShares: list('privateShares', (item, f) => ({
      schoolId: f('schoolId', id) as string,
      level: f('level', (v) => ZONE_LEVELS.includes(v as never)) as 'primary' | 'junior',
      share: f('share', share) as number,
      ...(item.fromYear !== undefined && { fromYear: f('fromYear', optionalYear) as number }),
    })),
    diversions: list('diversions', (_, f) => ({
      fromSchoolId: f('fromSchoolId', id) as string,
      toSchoolId: f('toSchoolId', id) as string,
      grades: f('grades', grades) as number[],
      count: f('count', count) as number,
      year: f('year', year) as number,
    })),
  };
  if (schools) checkRuleSchools(file, rules, schools);
  return rules;
}

/** Checks that every school a rule names exists and can take the rule; throws a DataError naming it. */
export function checkRuleSchools(file: string, rules: ScenarioRules, schools: School[]): void {
  const byId = new Map(schools.map((s) => [s.id, s]));
  let n = 0;
  const known = (kind: string, schoolId: string) => {
    const school = byId.get(schoolId);
    if (!school) throw new DataError(file, 'ruleUnknownSchool', { n, value: kind, id: schoolId });
    return school;
  };
  for (const o of rules.openings) {
    n++;
    known('openings', o.schoolId);
  }
  for (const a of rules.classroomAdditions) {
    n++;
    known('classroomAdditions', a.schoolId);
  }
  for (const p of rules.privateShares) {
    n++;
    const school = known('privateShares', p.schoolId);
    if (school.ownership !== 'private' || !teachesLevel(school.level, p.level)) throw new DataError(file, 'ruleNotPrivate', { n, id: p.schoolId, level: p.level });
  }
  for (const d of rules.diversions) {
    n++;
    known('diversions', d.fromSchoolId);
    known('diversions', d.toSchoolId);
  }
}

/** Reads a scenario file's `projection` block (defaults for what it leaves out). */
export function parseProjectionSettings(file: string, json: unknown): ProjectionSettings {
  if (json === undefined) return DEFAULT_PROJECTION;
  const bad = (key: string, got: unknown) => new DataError(file, 'ruleBadField', { n: 0, value: 'projection', key, got: JSON.stringify(got) ?? 'undefined' });
  if (!isObject(json)) throw bad('projection', json);
  refuseUnknownKey(file, json, PROJECTION_KEYS, 'projection');
  const years = json.years ?? DEFAULT_PROJECTION.years;
  if (!Number.isInteger(years) || (years as number) < 0 || (years as number) > 30) throw bad('years', json.years);
  const entryRate = json.entryRate ?? DEFAULT_PROJECTION.entryRate;
  if (typeof entryRate !== 'number' || entryRate < 0 || entryRate > 2) throw bad('entryRate', json.entryRate);
  const progression = json.progression ?? {};
  if (!isObject(progression)) throw bad('progression', json.progression);
  for (const [g, r] of Object.entries(progression)) {
    if (!(Number(g) >= 2 && Number(g) <= MAX_GRADE) || typeof r !== 'number' || r < 0 || r > 2) throw bad(`progression.${g}`, r);
  }
  return { years: years as number, entryRate, progression: progression as Record<number, number> };
}
