import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateCli } from './simulateCli';
import { warningCounty, warningCountyTexts } from './warningCounty';
import { formatBacktest } from '../../src/cli/warningCli';
import { DEFAULT_RULES } from '../../src/core/rules';
import { DEFAULT_PROJECTION, NO_RULES } from '../../src/core/scenarioRules';
import { NATIONAL_PROFILE } from '../../src/core/standards';

function countyFolder(extra = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'warning-cli-'));
  for (const [name, text] of Object.entries(warningCountyTexts(extra))) writeFileSync(join(dir, name), text!);
  return dir;
}

describe('npm run simulate -- --warning / --backtest', () => {
  it('prints each school\'s tiers with their ranges', () => {
    const dir = countyFolder();
    const run = simulateCli('--data', dir, '--warning', '--years', '3', '--draws', '200', '--warning-seed', '5');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('学位预警 enrollment-pressure warning: 预警测试县, base year 2020; yellow from 90%, red from 100% of places (浙教基〔2018〕100号); ranges P10–P90 of 200 draws (seed 5)');
    // School, name, grade, year, demand, range, places, ratio, tier with its likelihood.
    expect(lines.find((l) => l.startsWith('B ') && l.includes('2023'))).toMatch(/^B\s+B校\s+1\s+2023\s+90\s+\d+–\d+\s+90\s+100%\s+red \d+%$/);
    expect(lines.find((l) => l.startsWith('A ') && l.includes('2022'))).toMatch(/^A\s+A校\s+1\s+2022\s+85\s+\d+–\d+\s+90\s+94%\s+yellow \d+%$/);
    expect(lines.filter((l) => /^[ABJ] /.test(l))).toHaveLength(9);
  });

  it('prints the back-test errors, or says there is no history', () => {
    const history = 'year,school_id,grade,pupils\n2019,A,1,50\n2019,A,6,40\n2019,B,1,40\n2019,B,6,30\n2019,J,7,90\n';
    const run = simulateCli('--data', countyFolder({ 'history.csv': history }), '--backtest');
    expect(run.code).toBe(0);
    // From 2019: A repeats 50 (births of 2013 not known) against 45; B 40 against 40; J 70 against 100.
    expect(run.stdout).toContain('county primary: 1 year 5.9% (1), 3 years —\n');
    expect(run.stdout).toMatch(/\nA\s+A校\s+primary\s+11.1% \(1\)\s+—\n/);
    expect(run.stdout).toMatch(/\nJ\s+J校\s+junior\s+30% \(1\)\s+—\n/);
    const dataset = warningCounty();
    const none = formatBacktest({ dataset, state: dataset.zoneState, scenario: NO_RULES, projection: DEFAULT_PROJECTION, profile: NATIONAL_PROFILE, rules: DEFAULT_RULES });
    expect(none).toBe('back-test: the dataset has no history.csv (earlier years\' enrollment by school and grade); nothing to test against\n');
  });
});
