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
} as const;

export const AUTO_BALANCE_USAGE = '[--auto-balance [--level primary|junior|both] [--seed <n>] [--iterations <n> | --time-limit <seconds>] [--lock-school <id>]... [--year <year>]]';

/** What --auto-balance was asked to do. */
export interface AutoBalanceOptions {
  levels: ZoneLevel[];
  settings: BalanceSettings;
  lockedSchoolIds: string[];
  year?: number;
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
  return { levels: level === 'both' ? ['primary', 'junior'] : [level as ZoneLevel], settings, lockedSchoolIds: (args['lock-school'] as string[] | undefined) ?? [], year };
}

/**
 * Balances the scenario `run` stands for and returns the scenario file of the plan (the base
 * scenario's edits, rules and profile, then the plan's edits, named "自动均衡 1") and the lines to
 * print; or a one-line problem (an unknown school id, a year other than the base year).
 */
export function autoBalance(dataset: Dataset, run: ScenarioRun, rules: Rules, options: AutoBalanceOptions, base: Scenario | undefined): { file: string; lines: string[]; plan: BalancePlan } | { error: string } {
  if (options.year !== undefined && options.year !== dataset.baseYear) {
    return { error: `--year ${options.year}: only the base year ${dataset.baseYear} can be balanced so far` };
  }
  const request = { levels: options.levels, lockedSchoolIds: options.lockedSchoolIds };
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
  const lines = [
    `auto-balance: ${n(plan.pupilsMoved)} pupils moved in ${n(plan.unitsMoved)} units; limits met: ${plan.limitsMet ? 'yes' : 'no'}; ${seconds.toFixed(1)} s`,
    ...plan.failures.map((f) => `  ${f.schoolId} still fails: ${n(f.mustLeave)} pupils must leave (${n(f.pupilsOver)} over the size limit, ${n(f.roomsShort)} rooms short)`),
    ...(plan.contiguityChecked ? [] : ['  note: zones were not checked for contiguity (no unit adjacency)']),
  ];
  return { file: `${JSON.stringify(scenario, null, 2)}\n`, lines, plan };
}
