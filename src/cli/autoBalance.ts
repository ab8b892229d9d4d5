import { buildBalanceInput, checkBalanceRequest } from '../core/balance/buildInput';
import { runBalance } from '../core/balance/run';
import { DEFAULT_BALANCE_SETTINGS } from '../core/balance/settings';
import type { BalancePlan, BalanceSettings } from '../core/balance/types';
import type { Dataset } from '../core/dataset';
import { numberFormat } from '../core/numberFormat';
import type { Rules, ZoneLevel } from '../core/rules';
import type { ScenarioRun } from '../core/scenarioRun';
import { DEFAULT_PROJECTION, NO_RULES } from '../core/scenarioRules';
import { SCENARIO_VERSION, type Scenario } from '../io/parseScenario';

/** The command line options of --auto-balance, for parseArgs. */
export const AUTO_BALANCE_OPTIONS = {
  'auto-balance': { type: 'boolean' },
  level: { type: 'string' },
  seed: { type: 'string' },
  iterations: { type: 'string' },
  'time-limit': { type: 'string' },
  'lock-school': { type: 'string', multiple: true },
  year: { type: 'string' },
  'every-year': { type: 'boolean' },
  'target-utilization': { type: 'string' },
} as const;

export const AUTO_BALANCE_USAGE = '[--auto-balance [--level primary|junior|both] [--seed <n>] [--iterations <n> | --time-limit <seconds>] [--lock-school <id>]... [--year <year> [--every-year]] [--target-utilization <0..1>]]';

/** What --auto-balance was asked to do. */
export interface AutoBalanceOptions {
  levels: ZoneLevel[];
  settings: BalanceSettings;
  lockedSchoolIds: string[];
  /** Balance the projected pupils of this year (with `everyYear`, of every year from the base year to it). */
  year?: number;
  everyYear: boolean;
}

type Args = Partial<Record<keyof typeof AUTO_BALANCE_OPTIONS, string | string[] | boolean>>;

const wholeNumber = (name: string, v: string, min: number, max: number): number | string => {
  const n = Number(v);
  return Number.isInteger(n) && n >= min && n <= max ? n : `--${name} must be a whole number from ${min} to ${max}, got "${v}"`;
};

/**
 * The --auto-balance options, checked before any data is read: undefined without --auto-balance
 * (then none of its options may be given), else the options or a one-line problem.
 */
export function parseAutoBalanceArgs(args: Args): AutoBalanceOptions | { error: string } | undefined {
  if (args['auto-balance'] !== true) {
    const stray = (Object.keys(AUTO_BALANCE_OPTIONS) as (keyof Args)[]).find((k) => args[k] !== undefined);
    return stray ? { error: `--${stray} needs --auto-balance` } : undefined;
  }
  const level = (args.level as string | undefined) ?? 'both';
  if (!['primary', 'junior', 'both'].includes(level)) return { error: `--level must be primary, junior or both, got "${level}"` };
  if (args.iterations !== undefined && args['time-limit'] !== undefined) return { error: '--iterations and --time-limit cannot both be given' };
  const settings: BalanceSettings = { ...DEFAULT_BALANCE_SETTINGS };
  if (args.seed !== undefined) {
    const seed = wholeNumber('seed', args.seed as string, 0, 2 ** 32 - 1);
    if (typeof seed === 'string') return { error: seed };
    settings.seed = seed;
  }
  if (args.iterations !== undefined) {
    const it = wholeNumber('iterations', args.iterations as string, 0, 1_000_000);
    if (typeof it === 'string') return { error: it };
    settings.iterations = it;
    settings.timeLimitMs = undefined;
  }
  if (args['time-limit'] !== undefined) {
    const s = Number(args['time-limit']);
    if (!Number.isFinite(s) || s <= 0 || s > 3600) return { error: `--time-limit must be a number of seconds above 0 and at most 3600, got "${args['time-limit']}"` };
    settings.timeLimitMs = s * 1000;
    settings.iterations = 1_000_000;
  }
  let year: number | undefined;
  if (args.year !== undefined) {
    const y = wholeNumber('year', args.year as string, 1900, 2200);
    if (typeof y === 'string') return { error: y };
    year = y;
  }
  if (args['every-year'] === true && year === undefined) return { error: '--every-year needs --year' };
  if (args['target-utilization'] !== undefined) {
    const u = Number(args['target-utilization']);
    if (args['target-utilization'] === '' || !Number.isFinite(u) || u <= 0 || u > 1) return { error: `--target-utilization must be a share above 0 and at most 1 (0.9 = 90 %), got "${args['target-utilization']}"` };
    settings.targetUtilization = u;
  }
  return { levels: level === 'both' ? ['primary', 'junior'] : [level as ZoneLevel], settings, lockedSchoolIds: (args['lock-school'] as string[] | undefined) ?? [], year, everyYear: args['every-year'] === true };
}

/** Years the CLI may plan ahead of the base year (as --years). */
const MAX_YEARS_AHEAD = 30;

/**
 * Balances the scenario `run` stands for and returns the scenario file of the plan (the base
 * scenario's edits, rules and profile, then the plan's edits, named "自动均衡 1") and the lines to
 * print; or a one-line problem (an unknown school id, a year before the base year or more than 30
 * after it). With a year after the base year, the pupils balanced are those the scenario's
 * projection (its rules and projection settings) gives for that year, or for every year up to it.
 */
export function autoBalance(dataset: Dataset, run: ScenarioRun, rules: Rules, options: AutoBalanceOptions, base: Scenario | undefined): { file: string; lines: string[]; plan: BalancePlan } | { error: string } {
  const base0 = dataset.baseYear;
  if (options.year !== undefined && (options.year < base0 || options.year > base0 + MAX_YEARS_AHEAD)) {
    return { error: `--year ${options.year}: must be from the base year ${base0} to ${base0 + MAX_YEARS_AHEAD}` };
  }
  const future = options.year !== undefined && (options.year > base0 || options.everyYear)
    ? { year: options.year, everyYear: options.everyYear, scenario: base?.rules ?? NO_RULES, projection: base?.projection ?? DEFAULT_PROJECTION }
    : undefined;
  const request = { levels: options.levels, lockedSchoolIds: options.lockedSchoolIds, ...(future && { future }) };
  const bad = checkBalanceRequest(dataset, request);
  if (bad) return { error: `--lock-school: ${bad}` };
  const t0 = performance.now();
  const { plan } = runBalance(buildBalanceInput(dataset, run, rules, request), options.settings);
  const seconds = (performance.now() - t0) / 1000;
  const scenario = {
    version: SCENARIO_VERSION,
    name: '自动均衡 1',
    edits: [...(base?.edits ?? []), ...plan.moves.map((m) => m.edit)],
    rules: base?.rules ?? NO_RULES,
    projection: base?.projection ?? DEFAULT_PROJECTION,
    ...(base?.profile && { profile: base.profile }),
  };
  const n = (v: number) => numberFormat('en', 'decimal', 0).format(v);
  const planned = future ? (future.everyYear ? ` in every year ${base0}–${future.year}` : ` in ${future.year}`) : '';
  const lines = [
    `auto-balance: ${n(plan.pupilsMoved)} pupils moved in ${n(plan.unitsMoved)} units; limits met${planned}: ${plan.limitsMet ? 'yes' : 'no'}; ${seconds.toFixed(1)} s`,
    ...plan.failures.map((f) => `  ${f.schoolId} still fails in ${f.year}: ${n(f.mustLeave)} pupils must leave (${n(f.pupilsOver)} over the size limit, ${n(f.roomsShort)} rooms short)`),
    ...(plan.contiguityChecked ? [] : ['  note: zones were not checked for contiguity (no unit adjacency)']),
  ];
  return { file: `${JSON.stringify(scenario, null, 2)}\n`, lines, plan };
}
