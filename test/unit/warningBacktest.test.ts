import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/core/rules';
import { DEFAULT_PROJECTION } from '../../src/core/scenarioRules';
import { computeBacktest } from '../../src/core/warning/backtest';
import { plannedPlaces } from '../../src/core/warning/intake';
import { warningCounty } from './warningCounty';

const BIRTHS = 'unit_id,year,births\nUA,2013,100\nUA,2014,90\nUA,2015,81\nUA,2016,85\nUA,2017,90\nUB,2013,50\nUB,2014,60\nUB,2015,60\nUB,2016,60\nUB,2017,60\n';
const HISTORY = 'year,school_id,grade,pupils\n2019,A,1,50\n2019,A,6,40\n2019,B,1,40\n2019,B,6,30\n2019,J,7,90\n2017,A,1,55\n2017,A,4,44\n2017,B,1,44\n2017,B,4,33\n2017,J,7,80\n';

describe('the back-test', () => {
  it('projects each past year 1 and 3 years ahead and gives the errors computed by hand', () => {
    const dataset = warningCounty({ 'births.csv': BIRTHS, 'history.csv': HISTORY });
    expect(dataset.history?.years).toEqual([2017, 2019]);
    const result = computeBacktest(dataset, dataset.history!, DEFAULT_PROJECTION, DEFAULT_RULES);
    const bySchool = Object.fromEntries(result.schools.map((s) => [dataset.schools[s.school].id, s.errors]));
    // From 2019 to 2020 (enrolled A 45, B 40, J 100): A 50 × births 2014 / 2013 (90 / 100) = 45;
    // B 40 × 60 / 50 = 48; J = the grade 6 of A and B (all living in J's zone) 40 + 30 = 70.
    // From 2017 to 2020: births of 2011 are not known, so A and B repeat 55 and 44; J 44 + 33 = 77.
    // 2018 is not in the history: the other two origins have nothing to compare with.
    expect(bySchool.A).toEqual({ 1: { mape: 0, n: 1 }, 3: { mape: 10 / 45, n: 1 } });
    expect(bySchool.B).toEqual({ 1: { mape: 8 / 40, n: 1 }, 3: { mape: 4 / 40, n: 1 } });
    expect(bySchool.J).toEqual({ 1: { mape: 30 / 100, n: 1 }, 3: { mape: 23 / 100, n: 1 } });
    expect(result.county.primary).toEqual({ 1: { mape: 8 / 85, n: 1 }, 3: { mape: 14 / 85, n: 1 } });
    expect(result.county.junior).toEqual({ 1: { mape: 30 / 100, n: 1 }, 3: { mape: 23 / 100, n: 1 } });
  });
});

describe('intake_plan.csv and history.csv', () => {
  const fails = (file: 'intake_plan.csv' | 'history.csv', text: string) => () => warningCounty({ [file]: text });

  it('read a plan in classes or places', () => {
    const dataset = warningCounty({ 'intake_plan.csv': 'school_id,year,grade,classes,places\nA,2022,1,3,\nJ,2022,7,2,120\n' });
    expect(dataset.intakePlan).toEqual([{ school: 0, year: 2022, grade: 1, classes: 3 }, { school: 2, year: 2022, grade: 7, places: 120 }]);
    expect(dataset.intakePlan!.map((row) => plannedPlaces(row, DEFAULT_RULES))).toEqual([135, 120]);
    expect(plannedPlaces(dataset.intakePlan![0], { ...DEFAULT_RULES, classCap: { primary: 40, junior: 50 } })).toBe(120);
  });

  it('stop the load naming the file and line of a row they cannot use', () => {
    expect(fails('intake_plan.csv', 'school_id,year,grade,places\nX,2021,1,90\n')).toThrow('intake_plan.csv: line 2: school_id "X" is not in the schools file');
    expect(fails('intake_plan.csv', 'school_id,year,grade,places\nA,2021,2,90\n')).toThrow('intake_plan.csv: line 2: grade 2 is not an entry grade (1) of school "A"');
    expect(fails('intake_plan.csv', 'school_id,year,grade,places\nA,2021,1,\n')).toThrow('intake_plan.csv: line 2: give "places" or "classes"');
    expect(fails('intake_plan.csv', 'school_id,year,grade,places\nA,2021,1,90\nA,2021,1,80\n')).toThrow('intake_plan.csv: line 3: "A" 2021 1 is given twice');
    expect(fails('history.csv', 'year,school_id,grade,pupils\n2020,A,1,40\n')).toThrow('history.csv: line 2: year 2020 is not before the base year 2020');
    expect(fails('history.csv', 'year,school_id,grade,pupils\n2019,J,3,40\n')).toThrow('history.csv: line 2: school "J" does not teach grade 3');
    expect(fails('history.csv', 'year,school_id,grade,pupils\n2019,A,1,-4\n')).toThrow('history.csv: line 2: "pupils" must be a whole number ≥ 0, got "-4"');
    expect(fails('history.csv', 'year,school_id,pupils\n2019,A,4\n')).toThrow('history.csv');
  });
});
