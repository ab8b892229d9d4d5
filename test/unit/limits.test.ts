import { describe, expect, it } from 'vitest';
import { computeClassFormation } from '../../src/core/classFormation';
import { DEFAULT_LIMITS, limitsOf, limitsProblems, sameLimits, withLimits, withSettings, type Limits } from '../../src/core/limits';
import { DEFAULT_RULES } from '../../src/core/rules';
import { classBandLabels, describeLimits, describeLimitsProblem } from '../../src/i18n/limitText';
import { describeLimitsArgs, parseLimitsArgs } from '../../src/cli/limitsCli';

const LOCAL: Limits = { classCap: { primary: 40, junior: 45 }, maxSchoolSize: 1500, maxNineYearSchoolSize: 2000, largeClassMin: 46, extraLargeClassMin: 56 };

describe('the county’s own limits', () => {
  it('default to the national figures of DOMAIN.md', () => {
    expect(DEFAULT_LIMITS).toEqual({ classCap: { primary: 45, junior: 50 }, maxSchoolSize: 2000, maxNineYearSchoolSize: 2500, largeClassMin: 56, extraLargeClassMin: 66 });
    expect(limitsProblems(DEFAULT_LIMITS)).toEqual([]);
  });

  it('replace only the limits of a set of rules, and are copied, not shared', () => {
    const rules = withSettings({ ...DEFAULT_RULES, primaryLastGrade: 5 }, { overlapRule: 'fileOrder', limits: LOCAL });
    expect(rules).toEqual({ ...DEFAULT_RULES, ...LOCAL, primaryLastGrade: 5, overlapRule: 'fileOrder' });
    expect(rules.classCap).not.toBe(LOCAL.classCap);
    expect(sameLimits(limitsOf(rules), LOCAL)).toBe(true);
    expect(sameLimits(withLimits(DEFAULT_RULES, { ...LOCAL, classCap: { primary: 40, junior: 50 } }), LOCAL)).toBe(false);
  });

  it('form classes under the county’s caps and bands (hand-computed)', () => {
    // Grade 1: 82 pupils. National cap 45: 2 classes of 41; the county’s 40: 3 classes of 28, 27, 27.
    // Grade 7 (junior): 138 pupils. National 50: 3 classes of 46; the county’s 45: 4 classes of 35, 35, 34, 34.
    const pupils = [0, 82, 0, 0, 0, 0, 0, 138, 0, 0];
    const national = computeClassFormation(pupils, undefined, DEFAULT_RULES);
    const local = computeClassFormation(pupils, undefined, withLimits(DEFAULT_RULES, LOCAL));
    expect([national.classes[1], national.classes[7], national.largestClass[1], national.largestClass[7]]).toEqual([2, 3, 41, 46]);
    expect([local.classes[1], local.classes[7], local.largestClass[1], local.largestClass[7]]).toEqual([3, 4, 28, 35]);
    // Five rooms: one per grade (82; 138), then each to the grade with the largest class: grade 7 (69),
    // grade 1 (41), grade 7 (46). Grade 1's 41 and 41 are over the county's cap of 40; grade 7's three
    // of 46 are over its 45 and large under its bands (46–55). Under the national figures none is.
    const crowded = computeClassFormation(pupils, 5, withLimits(DEFAULT_RULES, LOCAL));
    expect([crowded.classes[1], crowded.classes[7], crowded.largestClass[1], crowded.largestClass[7]]).toEqual([2, 3, 41, 46]);
    expect([crowded.classesOverCap, crowded.largeClasses, crowded.extraLargeClasses]).toEqual([5, 3, 0]);
    const same = computeClassFormation(pupils, 5, DEFAULT_RULES);
    expect([same.classes[1], same.classes[7], same.classesOverCap, same.largeClasses, same.extraLargeClasses]).toEqual([2, 3, 0, 0, 0]);
  });

  it('are refused with what is wrong: out of bounds, not whole, 大班额 not above the caps or not below 超大班额', () => {
    expect(limitsProblems({ ...LOCAL, classCap: { primary: 5, junior: 45.5 } })).toEqual([
      { code: 'limitOutOfRange', field: 'classCap.primary', got: 5, min: 10, max: 100 },
      { code: 'limitOutOfRange', field: 'classCap.junior', got: 45.5, min: 10, max: 100 },
    ]);
    expect(limitsProblems({ ...LOCAL, maxSchoolSize: Number.NaN })).toEqual([{ code: 'limitOutOfRange', field: 'maxSchoolSize', got: Number.NaN, min: 100, max: 20_000 }]);
    expect(limitsProblems({ ...LOCAL, largeClassMin: 45 })).toEqual([{ code: 'largeNotAboveCap', field: 'classCap.junior', cap: 45, large: 45 }]);
    expect(limitsProblems({ ...LOCAL, largeClassMin: 56 })).toEqual([{ code: 'largeNotBelowExtraLarge', large: 56, extraLarge: 56 }]);
  });

  it('are said in Chinese and English, the bands named by their figures', () => {
    expect(classBandLabels(LOCAL, 'zh-CN')).toEqual({ largeClasses: '大班额（46–55）', extraLargeClasses: '超大班额（56+）' });
    expect(classBandLabels(DEFAULT_LIMITS, 'en')).toEqual({ largeClasses: 'Large classes (56–65)', extraLargeClasses: 'Extra-large classes (66+)' });
    expect(describeLimits(LOCAL, 'zh-CN')).toBe('班额上限：小学 40 人，初中 45 人；学校规模上限 1,500 人（九年一贯制 2,000 人）；大班额 46–55 人，超大班额 56 人及以上');
    expect(describeLimitsProblem(limitsProblems({ ...LOCAL, largeClassMin: 45 })[0], 'zh-CN')).toBe('大班额起点（45）须大于初中班额上限（45）');
    expect(describeLimitsProblem(limitsProblems({ ...LOCAL, maxSchoolSize: 50 })[0], 'en')).toBe('Largest primary or junior school must be a whole number from 100 to 20000, got 50');
  });

  it('are read from the command line, each option named when wrong', () => {
    expect(parseLimitsArgs({})).toEqual(DEFAULT_LIMITS);
    expect(parseLimitsArgs({ 'class-cap-primary': '40', 'class-cap-junior': '45', 'max-school-size': '1500', 'max-nine-year-size': '2000', 'large-class-min': '46', 'extra-large-class-min': '56' })).toEqual(LOCAL);
    expect(parseLimitsArgs({ 'class-cap-primary': 'forty' })).toEqual({ error: '--class-cap-primary must be a whole number from 10 to 100, got ""' });
    expect(parseLimitsArgs({ 'class-cap-junior': '60' })).toEqual({ error: '--large-class-min (56) must be above --class-cap-junior (60): a class at the cap is not a large class' });
    expect(describeLimitsArgs(DEFAULT_LIMITS)).toBeUndefined();
    expect(describeLimitsArgs({ ...DEFAULT_LIMITS, maxSchoolSize: 1800 })).toBe('limits: --max-school-size 1800 (the national figures otherwise)');
  });
});
