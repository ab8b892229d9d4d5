import type { Dataset } from '../core/dataset';
import { numberFormat } from '../core/numberFormat';
import type { Rules } from '../core/rules';
import type { ProjectionSettings, ScenarioRules } from '../core/scenarioRules';
import type { StandardsProfile } from '../core/standards';
import type { ZoneState } from '../core/zoneState';
import { computeBacktest, type Mape } from '../core/warning/backtest';
import { createRangesRun } from '../core/warning/ranges';
import { DEFAULT_WARNING, type WarningSettings } from '../core/warning/settings';
import { computeWarningBase, type WarningRow } from '../core/warning/warning';
import { datasetTitle } from '../i18n/datasetTitle';

/** The command line's warning options (parseArgs): --warning and --backtest; --years, --draws and --warning-seed set the warning's (--seed is auto-balance's). */
export const WARNING_OPTIONS = {
  warning: { type: 'boolean' },
  backtest: { type: 'boolean' },
  draws: { type: 'string' },
  'warning-seed': { type: 'string' },
} as const;

export const WARNING_USAGE = '[--warning [--years <n>] [--draws <n>] [--warning-seed <n>]] [--backtest]';

/** What the warning is computed from: the run's dataset, the scenario's zoning and rules, the profile. */
export interface WarningContext {
  dataset: Dataset;
  state: ZoneState;
  scenario: ScenarioRules;
  projection: ProjectionSettings;
  profile: StandardsProfile;
  rules: Rules;
}

const percent = numberFormat('en', 'percent', 0);
const percent1 = numberFormat('en', 'percent', 1);

/** A row's tier with its likelihood ("red 70 %"), or why it has none. */
function tierText(row: WarningRow): string {
  if (!row.tier) return 'no places known';
  return `${row.tier} ${percent.format(row.range?.likelihood[row.tier] ?? 1)}`;
}

/** Columns a text takes in a terminal: Chinese characters and full-width forms take two. */
const columnsOf = (text: string) => [...text].reduce((n, ch) => n + (/[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);

/** Rows of cells as aligned columns. */
function pad(cells: string[][]): string {
  const widths = cells[0].map((_, c) => Math.max(...cells.map((r) => columnsOf(r[c]))));
  return cells.map((r) => r.map((cell, c) => cell + ' '.repeat(widths[c] - columnsOf(cell))).join('  ').trimEnd()).join('\n');
}

/**
 * The warning as text: per school, entry grade and year, demand (P10–P90 of the seeded draws),
 * places, ratio and tier with its likelihood; `years` overrides the profile's years for both
 * levels, `draws` and `seed` its simulation.
 */
export function formatWarning(ctx: WarningContext, opts: { years?: number; draws?: number; seed?: number }): string {
  const base = warningSettings(ctx.profile, opts);
  const warning = computeWarningBase({ dataset: ctx.dataset, state: ctx.state, scenario: ctx.scenario, settings: ctx.projection, rules: ctx.rules }, base, ctx.dataset.intakePlan);
  const run = createRangesRun(warning, ctx.projection, ctx.dataset.housing ?? [], base.spreads, base.draws, base.seed);
  run.step(base.draws);
  run.finish();
  const schools = ctx.dataset.schools;
  const head = `学位预警 enrollment-pressure warning: ${datasetTitle(ctx.dataset, 'zh-CN')}, base year ${ctx.dataset.baseYear}; yellow from ${percent.format(base.yellowAt)}, red from ${percent.format(base.redAt)} of places (${base.source}); `
    + `ranges P10–P90 of ${base.draws} draws (seed ${base.seed})`;
  const cells = [['school', 'name', 'grade', 'year', 'demand', 'P10–P90', 'places', 'ratio', 'tier (likelihood)']];
  for (const r of warning.rows) {
    cells.push([r.schoolId, schools[r.school].name, String(r.grade), String(r.year), String(r.demand), r.range ? `${r.range.p10}–${r.range.p90}` : '', r.intake ? `${r.intake.places}${r.intake.source === 'plan' ? ' (plan)' : ''}` : '—', r.ratio === undefined ? '—' : Number.isFinite(r.ratio) ? percent.format(r.ratio) : 'no places', tierText(r)]);
  }
  return `${head}\n${pad(cells)}\n`;
}

function warningSettings(profile: StandardsProfile, opts: { years?: number; draws?: number; seed?: number }): WarningSettings {
  const settings = structuredClone(profile.warning ?? DEFAULT_WARNING);
  if (opts.years !== undefined) settings.years = { primary: opts.years, junior: opts.years };
  if (opts.draws !== undefined) settings.draws = opts.draws;
  if (opts.seed !== undefined) settings.seed = opts.seed;
  return settings;
}

const mapeText = (m: Mape) => (m.mape === undefined ? '—' : `${percent1.format(m.mape)} (${m.n})`);

/** The back-test as text: the county's and each school's error of projected entrants at 1 and 3 years; a sentence when the dataset has no history. */
export function formatBacktest(ctx: WarningContext): string {
  const { dataset } = ctx;
  if (!dataset.history || dataset.history.years.length === 0) return 'back-test: the dataset has no history.csv (earlier years\' enrollment by school and grade); nothing to test against\n';
  const result = computeBacktest(dataset, dataset.history, ctx.projection, ctx.rules);
  const years = dataset.history.years;
  const lines = [`back-test of projected entrants from each year of history.csv (${years[0]}–${years[years.length - 1]}), mean absolute percentage error (origins compared):`];
  for (const level of ['primary', 'junior'] as const) lines.push(`county ${level}: 1 year ${mapeText(result.county[level][1])}, 3 years ${mapeText(result.county[level][3])}`);
  const cells = [['school', 'name', 'level', '1 year', '3 years']];
  for (const s of result.schools) cells.push([dataset.schools[s.school].id, dataset.schools[s.school].name, s.level, mapeText(s.errors[1]), mapeText(s.errors[3])]);
  return `${lines.join('\n')}\n${pad(cells)}\n`;
}
