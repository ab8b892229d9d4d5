import { accessSync, constants, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { computeMovedGroups, type MovedGroup } from '../core/moves';
import { DEFAULT_RULES, type OverlapRule, type Rules, type SharedZoneWeights } from '../core/rules';
import { computeScenarioRun } from '../core/scenarioRun';
import { applyZoneEdit, EditError, type EditContext } from '../core/zoneEdits';
import { unitCellArea, useCellSettings } from '../core/units/datasetCells';
import type { ZoneState } from '../core/zoneState';
import { DataError } from '../io/dataError';
import { say, writeFailure } from './printer';
import { parseScenario, type Scenario } from '../io/parseScenario';
import { countyOutline } from '../io/countyOutline';
import { computeProjection } from '../core/projection';
import { computeLevelSizes } from '../core/levelSizes';
import { DEFAULT_PROJECTION, NO_RULES } from '../core/scenarioRules';
import { CRS_NAMES, DATASET_PARTS, entryFor, importDataset, MULTI_FILE_PARTS, parseMappingFile, PART_FILES, readImportedDataset, shiftedLayersOfImported, validateImported, emptyPupilFiles, type Crs, type DatasetPart, type ImportedDataset, type ImportFile, type MappingChoices } from '../io/import';
import { describeDataProblem } from '../core/dataProblems';
import { DEFAULT_VALIDATION_OPTIONS, describeValidationItem, summariseRows, type ShiftedLayerItem, type ShiftLayer } from '../core/validation';
import type { LoadedDataset } from '../io/readDataset';
import { describeProjectionNotes, toProjectionJson, toSimulationJson, toStandardsJson, toValidationJson } from '../io/resultJson';
import { AUTO_BALANCE_OPTIONS, AUTO_BALANCE_USAGE, autoBalance, parseAutoBalanceArgs } from './autoBalance';
import { classesBySection, computeNearbyCounts, computeStandards, NATIONAL_PROFILE } from '../core/standards';
import { formatBacktest, formatWarning, WARNING_OPTIONS, WARNING_USAGE } from './warningCli';
import { computeDistanceState, computeMovedDistance, createProjectionDistance, distanceSettingsOf, prepareDistances, scenarioOpenYears } from '../core/distance';
import { toDistanceJson, toMovedDistanceJson, toYearDistanceJson } from '../io/export/distanceJson';
import { PUBLISH_OPTIONS, PUBLISH_USAGE, PublishError, publishLocale, publishTo } from './publishCli';
import { describeLimitsArgs, LIMITS_OPTIONS, LIMITS_USAGE, parseLimitsArgs } from './limitsCli';
import { limitsOf, withLimits } from '../core/limits';
import { DEFAULT_SCHOOL_SYSTEM, parseSchoolSystem, withSchoolSystem, type SchoolSystem } from '../core/schoolSystem';
import { describeSchoolSystem } from '../i18n/limitText';
import { isLegacyWorkbookProcess, legacyWorkbookInProcess, serveLegacyWorkbook } from './legacyWorkbookProcess';
import { setLegacyWorkbookParser } from '../io/import/legacyWorkbook';

const USAGE = 'usage: npm run simulate -- [--data <folder>] [--schools <file>] [--catchments <file>]... [--students <file>]... [--units <file>]... [--county <file>] [--roads <file>] [--barriers <file>] '
  + '[--schools-crs|--catchments-crs|--students-crs|--units-crs|--county-crs|--roads-crs|--barriers-crs wgs84|gcj02|bd09] [--swap-lonlat <part>[,<part>...]|all] [--mapping <mapping.json>] [--accept-shift] '
  + '[--scenario <scenario.json>] [--standards] [--validate] [--years <n>] [--base-year <year>] [--school-system 6-3|5-4] [--overlap-rule smallest|file-order] [--shared-weights free-places|equal] [--shared-seed <n>] ' + LIMITS_USAGE + ' [--out <file.json>] [--debug] '
  + AUTO_BALANCE_USAGE + ' ' + WARNING_USAGE + ' ' + PUBLISH_USAGE;

/** The parts the command line can give one by one, each with its coordinate system option; the first three are required. */
const FILE_PARTS = ['schools', 'catchments', 'students', 'units', 'county', 'roads', 'barriers'] as const;
const REQUIRED_PARTS: ReadonlySet<DatasetPart> = new Set(['schools', 'catchments', 'students']);

/** The part whose files give each layer, for the shift check's advice. */
const LAYER_PART: Record<ShiftLayer, DatasetPart> = { pupils: 'students', schools: 'schools', units: 'units', zones: 'catchments' };

/** Exit code of a run whose output was written but a layer looks read in the wrong coordinate system. */
const EXIT_SHIFTED = 2;

/** A problem the user can fix: printed as one line, exit code 1. */
class UsageError extends Error {}

function readBytes(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    throw new DataError(path, 'unreadable', { detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
}

/** The data contract files present in a dataset folder, as import files. */
function readFolder(folder: string): ImportFile[] {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`${folder}: not a folder`);
  return DATASET_PARTS.filter((part) => existsSync(join(folder, PART_FILES[part]))).map((part) => ({ name: PART_FILES[part], bytes: readBytes(join(folder, PART_FILES[part])), part }));
}

/** The mapping file's choices, or none. */
function readMapping(path: string | undefined): MappingChoices {
  if (path === undefined) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DataError(path, 'unreadable', { detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
  return parseMappingFile(basename(path), text);
}

/**
 * The folder's files with the ones given one by one in their place (zones, pupils and units may be
 * given several times: every file of the part is read, in the order given), each with its choices:
 * the mapping file's columns, level and coordinate system per part (for a part given by several
 * files, the entry naming the file, see entryFor), a `--<part>-crs` option over the latter for
 * every file of the part.
 */
function inputFiles(args: Record<string, string | string[] | boolean | undefined>): ImportFile[] {
  const files = new Map<DatasetPart, ImportFile[]>();
  if (typeof args.data === 'string') for (const f of readFolder(args.data)) files.set(f.part!, [f]);
  const mapping = readMapping(typeof args.mapping === 'string' ? args.mapping : undefined);
  for (const part of FILE_PARTS) {
    const given = args[part];
    const paths = typeof given === 'string' ? [given] : Array.isArray(given) ? given : [];
    if (paths.length > 1 && !MULTI_FILE_PARTS.has(part)) throw new UsageError(`--${part} is given ${paths.length} times: one ${part} file`);
    if (paths.length > 0) files.set(part, paths.map((path) => ({ name: basename(path), bytes: readBytes(path), part })));
    else if (!REQUIRED_PARTS.has(part) || files.has(part)) { /* given by the folder, or optional */ }
    else if (typeof args.data === 'string') throw new DataError(join(args.data, PART_FILES[part]), 'missingFile');
    else throw new UsageError(`--data or --${part} is required\n${USAGE}`);
    const crs = args[`${part}-crs`];
    if (typeof crs === 'string') {
      if (!(CRS_NAMES as readonly string[]).includes(crs)) throw new UsageError(`--${part}-crs must be ${CRS_NAMES.join(', ')}, got "${crs}"`);
      if (!files.has(part)) throw new UsageError(`--${part}-crs is given but there is no ${part} file`);
    }
  }
  const swapped = swapLonLatOption(args['swap-lonlat'], files);
  for (const [part, list] of files) {
    list.forEach((file, i) => {
      const entry = entryFor(mapping, part, file.name, i);
      const crs = args[`${part}-crs`];
      Object.assign(file, { mapping: entry?.columns, level: entry?.level, crs: typeof crs === 'string' ? (crs as Crs) : entry?.crs, swapLonLat: swapped.has(part) || entry?.swapLonLat === true });
    });
  }
  return [...files.values()].flat();
}

/**
 * The parts whose files have longitude and latitude swapped (`--swap-lonlat students,catchments`,
 * or `all` for every file given); a usage error for a part the command line does not take or has no file for.
 */
function swapLonLatOption(value: unknown, files: Map<DatasetPart, ImportFile[]>): Set<DatasetPart> {
  if (typeof value !== 'string') return new Set();
  if (value.trim() === 'all') return new Set(files.keys());
  const parts = value.split(',').map((p) => p.trim());
  for (const part of parts) {
    if (!(FILE_PARTS as readonly string[]).includes(part)) throw new UsageError(`--swap-lonlat takes parts from ${FILE_PARTS.join(', ')} (comma-separated) or all, got "${part}"`);
    if (!files.has(part as DatasetPart)) throw new UsageError(`--swap-lonlat names ${part}, but there is no ${part} file`);
  }
  return new Set(parts as DatasetPart[]);
}

/** What the import found out by itself and left out, on standard error: coordinate systems taken from a file's name or column, files and unit rows not used and datums read without a shift (unless `inReport`: the validation report lists those). */
function reportImport(imported: ImportedDataset, inReport: boolean): void {
  for (const note of imported.notes) {
    if (note.swapLonLat) say(`${note.file}: longitude and latitude read swapped (--swap-lonlat)`);
    if (note.sheetsRead) say(`${note.file}: worksheets read: ${note.sheetsRead.join(', ')}`);
    if (note.crsFrom === 'name' || note.crsFrom === 'column') {
      const option = FILE_PARTS.includes(note.part as (typeof FILE_PARTS)[number]) ? ` (--${note.part}-crs to change)` : '';
      say(`${note.file}: coordinate system ${CRS_LABEL[note.crs]}, as the file's ${note.crsFrom === 'name' ? 'name' : 'coordinate column'} says${option}`);
    }
  }
  // --validate lists the files and rows left out in its report.
  if (inReport) return;
  for (const f of imported.notUsed) say(`warning: ${f.file}: not used (${f.reason}); the other files are loaded`);
  for (const n of imported.notes) if (n.datum !== undefined) say(`warning: ${n.file}: loaded, but ${describeDataProblem('datumNotShifted', { value: n.datum }, 'en')}`);
  const rows = new Map<string, number>();
  for (const r of imported.rejected) rows.set(r.file, (rows.get(r.file) ?? 0) + 1);
  for (const [file, n] of rows) {
    const first = imported.rejected.find((r) => r.file === file)!;
    say(`warning: ${file}: ${n} row(s) not loaded; line ${first.line}: ${first.reason}`);
  }
}

const CRS_LABEL: Record<Crs, string> = { wgs84: 'WGS84', gcj02: 'GCJ-02', bd09: 'BD-09' };

/**
 * How to read a shifted layer's file in the system it fits: `--<part>-crs <crs>` when it is its
 * part's only file; else the mapping file's entry for it, since the option sets every file of the part.
 */
function crsFix(item: ShiftedLayerItem, files: readonly ImportFile[]): string {
  const part = LAYER_PART[item.layer];
  const option = `--${part}-crs ${item.crs}`;
  if (files.filter((f) => f.part === part).length <= 1) return option;
  return `"crs": "${item.crs}" in the --mapping file's entry for ${item.file}; ${option} would set every ${part} file`;
}

/** The shift findings on standard error, each with what fixes it. */
function reportShift(items: ShiftedLayerItem[], accepted: boolean, files: readonly ImportFile[]): void {
  for (const item of items) say(`${accepted || item.severity === 'warning' ? 'warning' : 'error'}: ${describeValidationItem(item, 'en')} (${crsFix(item, files)})`);
}

/** Applies a scenario file's edits in order; a bad edit stops the run naming it. */
function applyScenario(loaded: LoadedDataset, file: string, rules: Rules): { state: ZoneState; scenario: Scenario } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DataError(file, 'unreadable', { detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
  const { dataset } = loaded;
  const scenario = parseScenario(file, text, dataset.schools);
  const county = countyOutline(loaded.county);
  // Cells are built only if the scenario gives units (assignUnits).
  useCellSettings(dataset, rules.overlapRule, county);
  const ctx: EditContext = {
    schools: dataset.schools,
    schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])),
    unitIndex: new Map(dataset.unitIds.map((u, i) => [u, i])),
    county,
    unitArea: (level, u) => unitCellArea(dataset, level, u, rules.overlapRule),
  };
  const state = scenario.edits.reduce((state, edit, i) => {
    try {
      return applyZoneEdit(state, edit, ctx);
    } catch (e) {
      if (e instanceof EditError) throw new DataError(file, 'badEdit', { n: i + 1, value: edit.op, detail: e.message });
      throw e;
    }
  }, dataset.zoneState);
  return { state, scenario };
}

/** The validation report of the loaded dataset, printed in English on standard error; its items for the JSON, and the shift findings. */
function validate(imported: ImportedDataset, loaded: LoadedDataset, rules: Rules) {
  const report = validateImported(imported, loaded, rules);
  const items = toValidationJson(report);
  say(`validation: ${report.errors} error(s), ${report.warnings} warning(s)`);
  for (const item of items) say(`  ${item.severity}: ${item.message}`);
  return { items, shifted: report.items.filter((item): item is ShiftedLayerItem => item.kind === 'shiftedLayer') };
}

/** The --overlap-rule option: smallest (the default) or file-order. */
function overlapRuleOption(value: string | undefined): OverlapRule {
  const names: Record<string, OverlapRule> = { smallest: 'smallestZone', 'file-order': 'fileOrder' };
  if (value === undefined) return DEFAULT_RULES.overlapRule;
  if (!(value in names)) throw new UsageError(`--overlap-rule must be smallest or file-order, got "${value}"`);
  return names[value];
}

/** The --school-system option: the county's 六三制 (6-3) or 五四制 (5-4), over dataset.json's; undefined when not given. */
function schoolSystemOption(value: string | undefined): SchoolSystem | undefined {
  if (value === undefined) return undefined;
  const system = parseSchoolSystem(value);
  if (!system) throw new UsageError(`--school-system must be 6-3 (六三制) or 5-4 (五四制), got "${value}"`);
  return system;
}

/** The --shared-weights option: how a shared zone's lottery weighs its schools, free-places (the default) or equal. */
function sharedWeightsOption(value: string | undefined): SharedZoneWeights {
  const names: Record<string, SharedZoneWeights> = { 'free-places': 'freePlaces', equal: 'equal' };
  if (value === undefined) return DEFAULT_RULES.sharedZoneWeights;
  if (!(value in names)) throw new UsageError(`--shared-weights must be free-places or equal, got "${value}"`);
  return names[value];
}

/** Says on standard error which base year the files state, and when they disagree, what each says. */
function reportBaseYear(choice: ImportedDataset['baseYear']): void {
  const said = (y: ImportedDataset['baseYear']['stated'][number]) => `${y.file} (${y.in}: "${y.said}")`;
  const used = `${choice.year}${choice.from === 'option' ? ' (--base-year)' : ''}`;
  if (choice.conflict) say(`warning: the files disagree on the base year: ${choice.stated.map((y) => `${said(y)} says ${y.year}`).join('; ')}; ${used} is used`);
  else if (choice.from === 'files' && choice.stated.some((y) => y.in !== 'dataset.json')) say(`base year ${choice.year}, as ${said(choice.stated[0])} says`);
}

/** A whole number option within bounds, or a usage error naming it. */
function intOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

async function main(argv: string[]): Promise<void> {
  let args;
  try {
    const text = { type: 'string' } as const;
    const several = { type: 'string', multiple: true } as const;
    args = parseArgs({
      args: argv,
      options: {
        data: text, schools: text, catchments: several, students: several, units: several, county: text,
        'schools-crs': text, 'catchments-crs': text, 'students-crs': text, 'units-crs': text, 'county-crs': text, roads: text, barriers: text, 'roads-crs': text, 'barriers-crs': text, 'swap-lonlat': text, mapping: text, 'accept-shift': { type: 'boolean' },
        scenario: text, standards: { type: 'boolean' }, validate: { type: 'boolean' }, years: text, 'base-year': text, 'school-system': text, 'overlap-rule': text, 'shared-weights': text, 'shared-seed': text, out: text, debug: { type: 'boolean' }, help: { type: 'boolean' },
        ...AUTO_BALANCE_OPTIONS, ...WARNING_OPTIONS, ...PUBLISH_OPTIONS, ...LIMITS_OPTIONS,
      },
    }).values;
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const balancing = parseAutoBalanceArgs(args);
  if (balancing && 'error' in balancing) throw new UsageError(balancing.error);
  if (balancing && args.out === undefined) throw new UsageError('--auto-balance needs --out <plan.json>');
  if (args.out !== undefined) checkWritable(args.out);
  const publishLang = publishLocale(args);
  if ('error' in publishLang) throw new UsageError(publishLang.error);
  const years = intOption('years', args.years, 0, 30);
  const limits = parseLimitsArgs(args);
  if ('error' in limits) throw new UsageError(limits.error);
  const limitsSaid = describeLimitsArgs(limits);
  if (limitsSaid) say(limitsSaid);
  const settings = {
    ...withLimits(DEFAULT_RULES, limits),
    overlapRule: overlapRuleOption(args['overlap-rule']),
    sharedZoneWeights: sharedWeightsOption(args['shared-weights']),
    sharedZoneSeed: intOption('shared-seed', args['shared-seed'], -(2 ** 31), 2 ** 31 - 1) ?? DEFAULT_RULES.sharedZoneSeed,
  };
  const baseYear = intOption('base-year', args['base-year'], 1900, 2200);
  const inputs = inputFiles(args);
  const schoolSystem = schoolSystemOption(args['school-system']);
  const imported = await importDataset(inputs.map((f) => ({ ...f, baseYear, schoolSystem })));
  reportImport(imported, !!args.validate);
  reportBaseYear(imported.baseYear);
  const loaded = readImportedDataset(imported, settings, new Date().getFullYear());
  // Read under the county's school system, the dataset is computed under it too.
  const rules = withSchoolSystem(settings, imported.schoolSystem);
  if (imported.schoolSystem !== DEFAULT_SCHOOL_SYSTEM) say(describeSchoolSystem(imported.schoolSystem, 'en'));
  for (const file of emptyPupilFiles(imported, loaded)) say(`warning: ${file}: ${describeDataProblem('noPupilRows', {}, 'en')}`);
  // Rows loaded with a remark (a private school's name on the first row of its block only, a school
  // name matching no school): --validate lists them in its report; without it they are said here.
  if (!args.validate) for (const item of summariseRows(loaded.dataset.warnings, true, DEFAULT_VALIDATION_OPTIONS.maxLines)) say(`warning: ${describeValidationItem(item, 'en')}`);
  const { dataset } = loaded;
  const base = computeScenarioRun(dataset, dataset.zoneState, rules);
  let run = base;
  let moved: MovedGroup[] | undefined;
  let profile = NATIONAL_PROFILE;
  let scenario: Scenario | undefined;
  if (args.scenario) {
    const applied = applyScenario(loaded, args.scenario, rules);
    scenario = applied.scenario;
    profile = scenario.profile ?? profile;
    run = computeScenarioRun(dataset, applied.state, rules);
    moved = computeMovedGroups(dataset, base.schoolOf, run.schoolOf);
  }
  if (balancing) {
    const balanced = autoBalance(dataset, run, rules, balancing, scenario);
    if ('error' in balanced) throw new UsageError(balanced.error);
    try {
      writeFileSync(args.out!, balanced.file);
    } catch (e) {
      throw new UsageError(`--out ${args.out}: cannot be written (${writeFailure(e)}); nothing was written`);
    }
    for (const line of balanced.lines) say(line);
    say(`wrote ${args.out}: a scenario of ${balanced.plan.moves.length} unit moves (--scenario ${args.out} replays it)`);
    return;
  }
  const published = typeof args.publish === 'string';
  if (published) {
    await publishTo(args.publish!, { loaded, state: run.state, scenario: scenario?.rules ?? NO_RULES, projection: scenario?.projection ?? DEFAULT_PROJECTION, profile, rules, locale: publishLang.locale });
  }
  // --warning and --backtest print their tables; --years is then the warning's years, not a projection in the JSON.
  const warned = args.warning === true || args.backtest === true;
  if (warned) {
    const ctx = { dataset, state: run.state, scenario: scenario?.rules ?? NO_RULES, projection: scenario?.projection ?? DEFAULT_PROJECTION, profile, rules };
    if (args.warning) process.stdout.write(formatWarning(ctx, { years: intOption('years', args.years, 1, 10), draws: intOption('draws', args.draws, 10, 100_000), seed: intOption('warning-seed', args['warning-seed'], -(2 ** 31), 2 ** 31 - 1) }));
    if (args.backtest) process.stdout.write(formatBacktest(ctx));
  }
  const prepared = prepareDistances(dataset, rules);
  const measured = years === undefined || warned ? undefined : createProjectionDistance({ prepared, dataset, openYear: scenarioOpenYears(dataset.schools, (scenario?.rules ?? NO_RULES).openings), settings: distanceSettingsOf(profile), rules });
  const projection = years === undefined || warned ? undefined : computeProjection({
    dataset,
    state: run.state,
    scenario: scenario?.rules ?? NO_RULES,
    settings: { ...(scenario?.projection ?? DEFAULT_PROJECTION), years },
    rules,
    sink: measured?.sink,
  });
  const distanceByYear = new Map(measured?.years().map((y) => [y.year, toYearDistanceJson(y)]));
  const result = run.result;
  const standards = args.standards ? toStandardsJson(computeStandards(run.schools, run.counts, classesBySection(result.schools, rules), rules, profile, computeNearbyCounts(dataset.pupils, run.zoneSchoolOf)), computeLevelSizes(result.schools, rules)) : undefined;
  const distance = computeDistanceState(prepared, run.schoolOf, distanceSettingsOf(profile)).metrics;
  const movedDistance = moved && computeMovedDistance(prepared, base.schoolOf, run.schoolOf, { unit: dataset.pupils.unit, unitIds: dataset.unitIds });
  const validated = args.validate ? validate(imported, loaded, rules) : undefined;
  const validation = validated?.items;
  // Every run checks the coordinate systems: a wrong one moves thousands of pupils to neighbouring zones without any other sign.
  const shifted = validated?.shifted ?? shiftedLayersOfImported(imported, loaded, rules);
  const acceptShift = args['accept-shift'] === true;
  if (!validated) reportShift(shifted, acceptShift, inputs);
  const json = JSON.stringify({
    ...toSimulationJson(result, dataset.rejected, dataset.warnings, dataset.skipped),
    schoolSystem: imported.schoolSystem,
    limits: limitsOf(rules),
    ...(moved && { moved }),
    distance: toDistanceJson(distance),
    ...(movedDistance && { movedDistance: toMovedDistanceJson(movedDistance) }),
    ...(standards && { standards }),
    ...(validation && { validation }),
    ...(projection && { baseYear: dataset.baseYear, projectionNotes: describeProjectionNotes(projection), projection: toProjectionJson(projection, args.standards ? (y) => toStandardsJson(computeStandards(y.schools, y.counts, classesBySection(y.result.schools, rules), rules, profile), computeLevelSizes(y.result.schools, rules)) : undefined, (year) => distanceByYear.get(year)) }),
  }, null, 2) + '\n';
  if (args.out) {
    try {
      writeFileSync(args.out, json);
    } catch (e) {
      throw new UsageError(`--out ${args.out}: cannot be written (${writeFailure(e)}); nothing was written`);
    }
    const s = result.summary;
    const skipped = dataset.skipped?.length ? `; ${dataset.skipped.length} row(s) skipped (totals, header copies, pupils off the roll)` : '';
    say(`wrote ${args.out}: ${result.schools.length} schools; pupils read ${s.input} = assigned ${s.assigned} + unassigned ${s.unassigned} + rejected ${s.rejected}${skipped}`);
  } else if (!warned && !published) {
    process.stdout.write(json);
  }
  // A warning (a few compounds that may only be zoned across a boundary) is the planner's to judge: it does not fail the run.
  const failing = shifted.filter((item) => item.severity === 'error');
  if (failing.length > 0 && !acceptShift) {
    say(`error: ${failing.map((item) => `${item.file} looks like ${CRS_LABEL[item.crs]} (${crsFix(item, inputs)})`).join('; ')}; `
      + `the output is written, but pupils would be counted at neighbouring schools: choose the coordinate system, or pass --accept-shift to keep the positions as they are (exit code ${EXIT_SHIFTED})`);
    process.exitCode = EXIT_SHIFTED;
  }
}

/** Whether --out can be written, before the run's work: a folder that does not exist, a folder given as the file, no permission. */
function checkWritable(out: string): void {
  const target = existsSync(out) ? out : dirname(resolve(out));
  try {
    if (target === out && statSync(out).isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    accessSync(target, constants.W_OK);
  } catch (e) {
    throw new UsageError(`--out ${out}: cannot be written (${writeFailure(e)}); nothing was run`);
  }
}

/** The stack of an error and of the errors it stands for (DataError.cause), for --debug. */
function stackOf(e: unknown): string {
  const own = e instanceof Error ? (e.stack ?? e.message) : String(e);
  const cause = e instanceof Error ? e.cause : undefined;
  return cause === undefined ? own : `${own}\ncaused by: ${stackOf(cause)}`;
}

// Every way out is one line and exit code 1: a problem with the input or the options as it is;
// anything unexpected (a fault of a library or of this program) by its message, the stack only with --debug.
if (isLegacyWorkbookProcess()) serveLegacyWorkbook();
else {
  setLegacyWorkbookParser(legacyWorkbookInProcess(new URL(import.meta.url)));
  main(process.argv.slice(2)).catch((e: unknown) => {
    if (e instanceof DataError || e instanceof UsageError || e instanceof PublishError) say(`error: ${e.message}`);
    else say(`error: the data could not be read: ${e instanceof Error ? e.message : String(e)} (--debug shows where)`);
    if (process.argv.includes('--debug')) say(stackOf(e));
    process.exit(1);
  });
}
