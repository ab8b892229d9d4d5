import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeDataProblem } from '../../src/core/dataProblems';
import { DEFAULT_RULES } from '../../src/core/rules';
import { applyZoneEdit, type ZoneEdit } from '../../src/core/zoneEdits';
import { parseProfile } from '../../src/core/parseProfile';
import { nearestKey } from '../../src/core/unknownKeys';
import { DataError } from '../../src/io/dataError';
import { parseScenario } from '../../src/io/parseScenario';
import { readDataset } from '../../src/io/readDataset';

/** The DataError a scenario text raises, in English and Chinese. */
function refusal(json: unknown): { en: string; zh: string } {
  try {
    parseScenario('s.json', typeof json === 'string' ? json : JSON.stringify(json));
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    return { en: e.message, zh: `${e.file}: ${describeDataProblem(e.code, e.params, 'zh-CN')}` };
  }
  throw new Error('the scenario was accepted');
}

const v2 = (more: Record<string, unknown>) => ({ version: 2, name: 't', edits: [], ...more });

describe('misspelt keys in a scenario file are refused, naming the key and the nearest known one', () => {
  it('in the rules block: phasein, opening', () => {
    expect(refusal(v2({ rules: { phasein: { fromYear: 2021 } } }))).toEqual({
      en: 's.json: unknown key "phasein" in rules (did you mean "phaseIn"?)',
      zh: 's.json: rules 中有未知的键 "phasein"（是否应为 "phaseIn"？）',
    });
    expect(refusal(v2({ rules: { opening: [{ schoolId: 'P1', year: 2022 }] } })).en).toBe('s.json: unknown key "opening" in rules (did you mean "openings"?)');
  });

  it('inside a rule, counting rules in file order as the other rule messages do', () => {
    const rules = { openings: [{ schoolId: 'P1', year: 2022 }], privateShares: [{ schoolId: 'R', level: 'primary', share: 0.1, fromyear: 2023 }] };
    expect(refusal(v2({ rules }))).toEqual({
      en: 's.json: rule 2 (privateShares): unknown key "fromyear" (did you mean "fromYear"?)',
      zh: 's.json: 第 2 条规则（privateShares）：未知的键 "fromyear"（是否应为 "fromYear"？）',
    });
    expect(refusal(v2({ rules: { phaseIn: { from: 2021 } } })).en).toBe('s.json: unknown key "from" in rules.phaseIn (did you mean "fromYear"?)');
  });

  it('in the projection block and at the top of the file', () => {
    expect(refusal(v2({ projection: { year: 5 } })).en).toBe('s.json: unknown key "year" in projection (did you mean "years"?)');
    expect(refusal(v2({ rule: {} }))).toEqual({
      en: 's.json: unknown key "rule" (did you mean "rules"?)',
      zh: 's.json: 未知的键 "rule"（是否应为 "rules"？）',
    });
  });

  it('in the standards profile: cvmax, a level, an indicator', () => {
    expect(refusal(v2({ profile: { cvmax: { primary: 0.4 } } }))).toEqual({
      en: 's.json: unknown key "cvmax" in profile (did you mean "cvMax"?)',
      zh: 's.json: profile 中有未知的键 "cvmax"（是否应为 "cvMax"？）',
    });
    expect(refusal(v2({ profile: { cvMax: { primay: 0.4 } } })).en).toBe('s.json: unknown key "primay" in profile.cvMax (did you mean "primary"?)');
    expect(refusal(v2({ profile: { thresholds: { junior: { roomArea: 6 } } } })).en).toBe('s.json: unknown key "roomArea" in profile.thresholds.junior (did you mean "roomAreaPerStudent"?)');
  });

  it('accepts every key the app writes (a round trip of a full version 2 file)', () => {
    const full = v2({
      rules: {
        phaseIn: { fromYear: 2021 }, openings: [{ schoolId: 'P1', year: 2022 }], classroomAdditions: [{ schoolId: 'P1', year: 2022, rooms: 2 }],
        privateShares: [{ schoolId: 'R', level: 'primary', share: 0.1, fromYear: 2022 }], diversions: [{ fromSchoolId: 'P1', toSchoolId: 'P2', grades: [1], count: 3, year: 2021 }],
      },
      projection: { years: 5, entryRate: 1, progression: { 7: 0.98 } },
      profile: { name: 'p', thresholds: { primary: { roomAreaPerStudent: 5 }, junior: {} }, cvMax: { primary: 0.4 }, nearbyMin: { junior: 0.9 }, minMet: 6, missedFloor: 0.85, nineYearJuniorWeight: 1.1, includePrivateInCv: true },
    });
    const s = parseScenario('s.json', JSON.stringify(full));
    expect(s.rules.privateShares).toEqual([{ schoolId: 'R', level: 'primary', share: 0.1, fromYear: 2022 }]);
    expect(s.profile).toMatchObject({ cvMax: { primary: 0.4, junior: 0.45 }, nearbyMin: { primary: 1, junior: 0.9 }, includePrivateInCv: true });
  });
});

describe('the scenario version message fills its placeholders', () => {
  it('names a missing version instead of printing {got}', () => {
    expect(refusal({ name: 't', edits: [] })).toEqual({
      en: 's.json: no "version" (this build reads versions 1 to 2)',
      zh: 's.json: 缺少 "version"（本程序可读取版本 1 至 2）',
    });
    expect(refusal({ version: '2', edits: [] }).en).toBe('s.json: unsupported scenario version "2" (this build reads versions 1 to 2)');
  });

  it('names a missing phase-in year instead of printing {got}', () => {
    expect(refusal(v2({ rules: { phaseIn: {} } })).en).toBe('s.json: rule 0 (phaseIn): "fromYear" is invalid, got undefined');
  });
});

describe('the nearest known key', () => {
  it('prefers a key containing it, then the fewest edits ignoring case, then as written; ties go to the first', () => {
    // "roomArea" is 10 edits from "roomAreaPerStudent" and 12 from "backbonePer100", but containment comes first.
    expect(nearestKey('roomArea', ['backbonePer100', 'roomAreaPerStudent'])).toBe('roomAreaPerStudent');
    expect(nearestKey('PHASEIN', ['openings', 'phaseIn'])).toBe('phaseIn');
    // "opning" is contained in neither: 2 edits from "openings", 8 from "diversions".
    expect(nearestKey('opning', ['diversions', 'openings'])).toBe('openings');
    // "Ax" is 2 edits (ignoring case) from "abc" and from "abd", 3 as written from both: the first wins.
    expect(nearestKey('Ax', ['abc', 'abd'])).toBe('abc');
    // Equal to both ignoring case, "aBc" is 1 edit from "abc" as written and 2 from "ABC".
    expect(nearestKey('aBc', ['ABC', 'abc'])).toBe('abc');
  });
});

describe('standards profiles refuse what they would otherwise drop', () => {
  it('a block or a switch of the wrong type', () => {
    expect(parseProfile({ cvMax: 0.4 })).toEqual({ error: 'cvMax must be an object, got 0.4' });
    expect(parseProfile({ thresholds: { primary: [] } })).toEqual({ error: 'thresholds.primary must be an object, got []' });
    expect(parseProfile({ includePrivateInCv: 'yes' })).toEqual({ error: 'includePrivateInCv must be true or false, got "yes"' });
  });
});

describe('a missing value is named, not left as a {placeholder}', () => {
  const tiny = join(import.meta.dirname, '../fixtures/tiny');
  const texts = () => Object.fromEntries(['schools.geojson', 'catchments.geojson', 'students.csv'].map((f) => [f, readFileSync(join(tiny, f), 'utf8')]));
  const loadError = (file: string, edit: (text: string) => string) => {
    const t = texts();
    t[file] = edit(t[file]);
    try {
      readDataset(t, DEFAULT_RULES, 2024);
    } catch (e) {
      return (e as DataError).message;
    }
    return 'loaded';
  };

  it('a zone feature or a school without a level, a school without an ownership', () => {
    expect(loadError('catchments.geojson', (t) => t.replace('"school_id":"P2","level":"primary"', '"school_id":"P2"'))).toBe('catchments.geojson: feature 2 (school_id "P2"): "level" must be one of primary, junior, got undefined');
    expect(loadError('schools.geojson', (t) => t.replace('"level":"junior",', ''))).toBe('schools.geojson: feature 3 (id "J1"): missing "level"');
    expect(loadError('schools.geojson', (t) => t.replace(',"ownership":"public"}', '}'))).toBe('schools.geojson: feature 2 (id "P2"): missing "ownership"');
  });

  it('an edit without a level', () => {
    const { dataset } = readDataset(texts(), DEFAULT_RULES, 2024);
    const ctx = { schools: dataset.schools, schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])), unitIndex: new Map<string, number>() };
    expect(() => applyZoneEdit(dataset.zoneState, { op: 'assignUnits', schoolId: 'P1', unitIds: [] } as unknown as ZoneEdit, ctx)).toThrow('level must be primary or junior, got undefined');
  });
});
