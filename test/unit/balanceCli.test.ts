import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autoBalance, parseAutoBalanceArgs, type AutoBalanceOptions } from '../../src/cli/autoBalance';
import { DEFAULT_RULES } from '../../src/core/rules';
import { computeScenarioRun } from '../../src/core/scenarioRun';
import { loadFutureCounty } from './balanceFutureFixture';
import { simulateCli } from './simulateCli';

const out = mkdtempSync(join(tmpdir(), 'balance-cli-'));

describe('simulate --auto-balance options', () => {
  it('refuses bad options in one line before reading any data', () => {
    expect(parseAutoBalanceArgs({ seed: '3' })).toEqual({ error: '--seed needs --auto-balance' });
    expect(parseAutoBalanceArgs({ 'auto-balance': true, level: 'senior' })).toEqual({ error: '--level must be primary, junior or both, got "senior"' });
    expect(parseAutoBalanceArgs({ 'auto-balance': true, iterations: '5', 'time-limit': '2' })).toEqual({ error: '--iterations and --time-limit cannot both be given' });
    expect(parseAutoBalanceArgs({ 'auto-balance': true, seed: '-1' })).toEqual({ error: '--seed must be a whole number from 0 to 4294967295, got "-1"' });
    expect(parseAutoBalanceArgs({ 'auto-balance': true, 'time-limit': '0' })).toEqual({ error: '--time-limit must be a number of seconds above 0 and at most 3600, got "0"' });
    expect(parseAutoBalanceArgs({})).toBeUndefined();
    expect(parseAutoBalanceArgs({ 'auto-balance': true, 'every-year': true })).toEqual({ error: '--every-year needs --year' });
    expect(parseAutoBalanceArgs({ 'auto-balance': true, 'target-utilization': '90' })).toEqual({ error: '--target-utilization must be a share above 0 and at most 1 (0.9 = 90 %), got "90"' });
  });

  it('takes a target utilization and every year up to --year', () => {
    expect(parseAutoBalanceArgs({ 'auto-balance': true, year: '2025', 'every-year': true, 'target-utilization': '0.9' })).toMatchObject({ year: 2025, everyYear: true, settings: { targetUtilization: 0.9 } });
  });

  it('balances a projected year: the projection fixture with a new unit U3 moves it to P2 for 2021, and refuses a year before the base year', () => {
    const dataset = loadFutureCounty();
    const run = computeScenarioRun(dataset, dataset.zoneState, DEFAULT_RULES);
    const options = parseAutoBalanceArgs({ 'auto-balance': true, level: 'primary', iterations: '20', year: '2021' });
    const done = autoBalance(dataset, run, DEFAULT_RULES, options as AutoBalanceOptions, undefined);
    if ('error' in done) throw new Error(done.error);
    expect(done.lines[0]).toMatch(/^auto-balance: 30 pupils moved in 1 units; limits met in 2021: yes; [\d.]+ s$/);
    expect(JSON.parse(done.file).edits).toEqual([{ op: 'assignUnits', level: 'primary', schoolId: 'P2', unitIds: ['U3'] }]);
    const every = autoBalance(dataset, run, DEFAULT_RULES, { ...(options as AutoBalanceOptions), year: 2022, everyYear: true }, undefined);
    expect('lines' in every && every.lines[0]).toMatch(/limits met in every year 2020–2022: yes/);
    expect(autoBalance(dataset, run, DEFAULT_RULES, { ...(options as AutoBalanceOptions), year: 2019 }, undefined)).toEqual({ error: '--year 2019: must be from the base year 2020 to 2050' });
  });

  it('takes levels, seed, iterations, locks and the year', () => {
    const o = parseAutoBalanceArgs({ 'auto-balance': true, level: 'junior', seed: '9', iterations: '12', 'lock-school': ['P01', 'J01'], year: '2020' });
    expect(o).toMatchObject({ levels: ['junior'], settings: { seed: 9, iterations: 12, timeLimitMs: undefined }, lockedSchoolIds: ['P01', 'J01'], year: 2020, everyYear: false });
  });

  it('exits 1 with one line for a bad option, a missing --out and an unknown school id', () => {
    const bad = simulateCli('--data', 'data/shouguang', '--auto-balance', '--level', 'senior', '--out', join(out, 'x.json'));
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe('error: --level must be primary, junior or both, got "senior"');
    const noOut = simulateCli('--data', 'data/shouguang', '--auto-balance');
    expect(noOut.code).toBe(1);
    expect(noOut.stderr.trim()).toBe('error: --auto-balance needs --out <plan.json>');
    const unknown = simulateCli('--data', 'data/shouguang', '--auto-balance', '--lock-school', 'NOPE', '--out', join(out, 'x.json'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split('\n').at(-1)).toBe('error: --lock-school: unknown school id "NOPE"');
  }, 240_000);

  it('writes a scenario file that --scenario replays to the same figures', () => {
    const plan = join(out, 'plan.json');
    const r = simulateCli('--data', 'data/shouguang', '--auto-balance', '--iterations', '5', '--seed', '4', '--out', plan);
    expect(r.code).toBe(0);
    const line = /auto-balance: ([\d,]+) pupils moved in (\d+) units; limits met: yes; [\d.]+ s/.exec(r.stderr);
    expect(line).not.toBeNull();
    const file = JSON.parse(readFileSync(plan, 'utf8'));
    expect(file.name).toBe('自动均衡 1');
    expect(file.edits.length).toBe(Number(line![2]));
    expect(file.edits.every((e: { op: string; unitIds: string[] }) => e.op === 'assignUnits' && e.unitIds.length === 1)).toBe(true);
    const replay = simulateCli('--data', 'data/shouguang', '--scenario', plan, '--out', join(out, 'replay.json'));
    expect(replay.code).toBe(0);
    const result = JSON.parse(readFileSync(join(out, 'replay.json'), 'utf8'));
    expect(result.county.oversizeSchools).toBe(0);
    expect(result.county.classesOverCap).toBe(0);
    expect(result.moved.reduce((a: number, g: { count: number }) => a + g.count, 0)).toBe(Number(line![1].replace(/,/g, '')));
  }, 240_000);
});
