import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { computeMovedGroups, type MovedGroup } from '../core/moves';
import { DEFAULT_RULES } from '../core/rules';
import { computeScenarioRun } from '../core/scenarioRun';
import { applyZoneEdit, EditError } from '../core/zoneEdits';
import type { ZoneState } from '../core/zoneState';
import { DataError } from '../io/dataError';
import { countyOutline, parseScenario, type Scenario } from '../io/parseScenario';
import { computeProjection } from '../core/projection';
import { DEFAULT_PROJECTION, NO_RULES } from '../core/scenarioRules';
import { OPTIONAL_FILES, readDataset, REQUIRED_FILES, type DatasetTexts, type LoadedDataset } from '../io/readDataset';
import { describeProjectionNotes, toProjectionJson, toSimulationJson, toStandardsJson } from '../io/resultJson';
import { classesBySection, computeNearbyCounts, computeStandards, NATIONAL_PROFILE } from '../core/standards';

const USAGE = 'usage: npm run simulate -- --data <folder> [--scenario <scenario.json>] [--standards] [--years <n>] [--base-year <year>] [--out <file.json>]';

/** A problem the user can fix: printed as one line, exit code 1. */
class UsageError extends Error {}

function readFolder(folder: string): DatasetTexts {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`${folder}: not a folder`);
  const texts: DatasetTexts = {};
  for (const name of [...REQUIRED_FILES, ...OPTIONAL_FILES]) {
    const path = join(folder, name);
    if (!existsSync(path)) continue;
    try {
      texts[name] = readFileSync(path, 'utf8');
    } catch (e) {
      throw new DataError(path, 'unreadable', { detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
    }
  }
  for (const name of REQUIRED_FILES) {
    if (texts[name] === undefined) throw new DataError(join(folder, name), 'missingFile');
  }
  return texts;
}

/** Applies a scenario file's edits in order; a bad edit stops the run naming it. */
function applyScenario(loaded: LoadedDataset, file: string): { state: ZoneState; scenario: Scenario } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DataError(file, 'unreadable', { detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
  const { dataset } = loaded;
  const scenario = parseScenario(file, text, dataset.schools);
  const ctx = {
    schools: dataset.schools,
    schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])),
    unitIndex: new Map(dataset.unitIds.map((u, i) => [u, i])),
    county: countyOutline(loaded.county),
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

/** A whole number option within bounds, or a usage error naming it. */
function intOption(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

function main(argv: string[]): void {
  let args;
  try {
    args = parseArgs({ args: argv, options: { data: { type: 'string' }, scenario: { type: 'string' }, standards: { type: 'boolean' }, years: { type: 'string' }, 'base-year': { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } } }).values;
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (!args.data) throw new UsageError(`--data is required\n${USAGE}`);
  const years = intOption('years', args.years, 0, 30);
  const baseYear = intOption('base-year', args['base-year'], 1900, 2200);
  const texts = readFolder(args.data);
  const read = readDataset(texts, DEFAULT_RULES, new Date().getFullYear());
  const loaded = baseYear === undefined ? read : { ...read, dataset: { ...read.dataset, baseYear } };
  const { dataset } = loaded;
  const base = computeScenarioRun(dataset, dataset.zoneState, DEFAULT_RULES);
  let run = base;
  let moved: MovedGroup[] | undefined;
  let profile = NATIONAL_PROFILE;
  let scenario: Scenario | undefined;
  if (args.scenario) {
    const applied = applyScenario(loaded, args.scenario);
    scenario = applied.scenario;
    profile = scenario.profile ?? profile;
    run = computeScenarioRun(dataset, applied.state, DEFAULT_RULES);
    moved = computeMovedGroups(dataset, base.schoolOf, run.schoolOf);
  }
  const projection = years === undefined ? undefined : computeProjection({
    dataset,
    state: run.state,
    scenario: scenario?.rules ?? NO_RULES,
    settings: { ...(scenario?.projection ?? DEFAULT_PROJECTION), years },
    rules: DEFAULT_RULES,
  });
  const result = run.result;
  const standards = args.standards ? toStandardsJson(computeStandards(run.schools, run.counts, classesBySection(result.schools, DEFAULT_RULES), DEFAULT_RULES, profile, computeNearbyCounts(dataset.pupils, run.zoneSchoolOf))) : undefined;
  const json = JSON.stringify({
    ...toSimulationJson(result, dataset.rejected, dataset.warnings),
    ...(moved && { moved }),
    ...(standards && { standards }),
    ...(projection && { baseYear: dataset.baseYear, projectionNotes: describeProjectionNotes(projection), projection: toProjectionJson(projection) }),
  }, null, 2) + '\n';
  if (args.out) {
    try {
      writeFileSync(args.out, json);
    } catch (e) {
      throw new UsageError(`${args.out}: cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const s = result.summary;
    console.error(`wrote ${args.out}: ${result.schools.length} schools; pupils read ${s.input} = assigned ${s.assigned} + unassigned ${s.unassigned} + rejected ${s.rejected}`);
  } else {
    process.stdout.write(json);
  }
}

try {
  main(process.argv.slice(2));
} catch (e) {
  if (e instanceof DataError || e instanceof UsageError) {
    console.error(`error: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
