import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_RULES } from '../../src/core/rules';
import { computeScenarioRun } from '../../src/core/scenarioRun';
import { DataError } from '../../src/io/dataError';
import { entryFor, importDataset, parseMappingFile, readImportedDataset, shiftedLayersOfImported, validateImported, type DatasetPart, type ImportFile, type MappingChoices } from '../../src/io/import';
import { toValidationJson } from '../../src/io/resultJson';
import { DAMAGES, damageZip } from './damage';
import { reconcile } from './editCampaign';
import { inputSets } from './fileInputs';
import { caseSeed, Rng } from './prng';
import type { CaseReport, Failure } from './report';

/** Options of the damaged-file campaign. */
export interface FileOptions {
  /** CPU time a case may take (ms); longer is a failure (`slow`). The runner's watchdog ends a case after six times this in wall time (a hang). */
  budgetMs: number;
  /** A folder to write each case's input files into (`case-K/`, as damaged) before they are read, to look at or pin one. */
  dumpTo?: string;
}

/** Told what a case reads before it reads it (so that a hang can be named). */
export type CaseStart = (where: string) => void;

// C0 and C1 control characters (ANSI escapes start with one) and unpaired surrogates.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a message shown to the user, if anything: control characters, raw bytes (U+FFFD from undecodable bytes), or a huge echo. */
export function messageProblem(message: unknown): Failure | undefined {
  if (typeof message !== 'string' || message.trim() === '') return { kind: 'message-empty', message: `message ${JSON.stringify(message)}` };
  const at = message.search(CONTROL);
  if (at >= 0) return { kind: 'message-control', message: `control character U+${message.charCodeAt(at).toString(16).padStart(4, '0')} in ${JSON.stringify(message.slice(Math.max(0, at - 60), at + 40))}` };
  if (message.includes('\ufffd')) return { kind: 'message-binary', message: `undecodable bytes (U+FFFD) echoed in ${JSON.stringify(message.slice(0, 160))}` };
  if (message.length > 2000) return { kind: 'message-long', message: `a message of ${message.length} characters: ${JSON.stringify(message.slice(0, 120))}…` };
  return undefined;
}

/** Writes a case's input files, and its mapping file's text, into `dir`. */
function dumpFiles(dir: string, files: ImportFile[], mapping?: { name: string; text: string }): void {
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
  if (mapping) writeFileSync(join(dir, mapping.name), mapping.text);
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b;

/** The files' choices (columns, level, coordinate system) from a mapping file, as the CLI gives them. */
function withMapping(files: ImportFile[], choices: MappingChoices): ImportFile[] {
  const seen = new Map<DatasetPart, number>();
  return files.map((f) => {
    const i = seen.get(f.part!) ?? 0;
    seen.set(f.part!, i + 1);
    const entry = entryFor(choices, f.part!, f.name, i);
    return { ...f, mapping: entry?.columns, level: entry?.level, crs: entry?.crs };
  });
}

/**
 * Runs damaged-file case `k` of a campaign seeded `seed`: a valid input set (tiny county with each
 * loading corpus format, the sample county with its mapping file, Shouguang), one or two of its
 * files (or the mapping file) damaged one to three times, then read as the CLI reads them
 * (importDataset, readImportedDataset, the simulation and the coordinate check; the validation
 * report one time in three), in process. Invariants: nothing but a DataError naming an input file
 * escapes; a load reconciles its counts; no message has control characters, undecodable bytes
 * or a huge echo; the case ends within the time budget.
 */
export async function runFileCase(seed: number, k: number, options: FileOptions, onStart?: CaseStart): Promise<CaseReport> {
  const rng = new Rng(caseSeed(seed, 'files', k));
  const sets = inputSets();
  const { set } = sets[Number(rng.weighted(Object.fromEntries(sets.map((s, j) => [String(j), s.weight]))))];
  let files = set.files.map((f) => ({ ...f }));
  const names = new Set([...files.map((f) => f.name), ...(set.mapping ? [set.mapping.name] : [])]);
  const damaged: string[] = [];
  const targets = rng.sample(files.map((_, i) => i), rng.chance(0.2) ? 2 : 1);
  for (const t of targets) {
    const file = files[t];
    let bytes = file.bytes;
    const steps: string[] = [];
    for (let n = rng.int(1, 3); n > 0; n--) {
      const name = rng.pick(Object.keys(DAMAGES));
      if (isZip(bytes) && rng.chance(0.6)) {
        const inner = rng.pick(Object.keys(DAMAGES).filter((d) => d !== 'garbage'));
        bytes = await damageZip(rng, bytes, () => DAMAGES[inner]);
        steps.push(`zip entry ${inner}`);
      } else {
        bytes = await DAMAGES[name](rng, bytes);
        steps.push(name);
      }
    }
    files[t] = { ...file, bytes };
    damaged.push(`${file.name} (${steps.join(', ')})`);
  }
  let mappingText = set.mapping?.text;
  if (set.mapping && rng.chance(0.1)) {
    const name = rng.pick(['truncate', 'flipBytes', 'insertBytes', 'hugeNumbers', 'nestingBomb', 'controlInText', 'jsonNull']);
    mappingText = new TextDecoder().decode(await DAMAGES[name](rng, new TextEncoder().encode(set.mapping.text)));
    damaged.push(`${set.mapping.name} (${name})`);
  }
  const validate = rng.chance(0.33);
  const where = `${set.name}: ${damaged.join('; ')}`;
  onStart?.(where);
  if (options.dumpTo) dumpFiles(join(options.dumpTo, `case-${k}`), files, set.mapping && mappingText !== undefined ? { name: set.mapping.name, text: mappingText } : undefined);
  const failures: Failure[] = [];
  const fail = (f: Failure) => failures.push({ kind: f.kind, message: `${where}: ${f.message}` });
  const namesFile = (file: unknown) => typeof file === 'string' && file.split(', ').every((f) => names.has(f));
  const checkMessages = (messages: unknown[]) => {
    for (const m of messages) {
      const p = messageProblem(m);
      if (p) return fail(p);
    }
    return undefined;
  };
  const notes: Record<string, number> = { [`set ${set.name.startsWith('tiny') ? 'tiny+corpus' : set.name}`]: 1 };
  // CPU time, not wall time: on a shared machine a case may wait seconds for a core.
  const cpu0 = process.cpuUsage();
  try {
    if (set.mapping && mappingText !== set.mapping.text) files = withMapping(files, parseMappingFile(set.mapping.name, mappingText!));
    const imported = await importDataset(files);
    const loaded = readImportedDataset(imported, DEFAULT_RULES, 2024);
    const { dataset } = loaded;
    const run = computeScenarioRun(dataset, dataset.zoneState, DEFAULT_RULES);
    shiftedLayersOfImported(imported, loaded, DEFAULT_RULES);
    const report = validate ? toValidationJson(validateImported(imported, loaded, DEFAULT_RULES)) : [];
    notes.loaded = 1;
    const why = reconcile(dataset, run.result, run.schoolOf, DEFAULT_RULES);
    if (why) fail({ kind: 'counts', message: why });
    const rows = [...dataset.rejected, ...dataset.warnings, ...(dataset.skipped ?? []), ...imported.rejected];
    const unnamed = rows.find((r) => !namesFile(r.file));
    if (unnamed) fail({ kind: 'message-file', message: `a row is named by file ${JSON.stringify(unnamed.file)}, not one of the input files` });
    checkMessages([...rows.map((r) => r.reason), ...imported.notUsed.map((f) => f.reason), ...report.map((i) => i.message)]);
  } catch (e) {
    if (e instanceof DataError) {
      notes[`refused ${e.code}`] = 1;
      if (!namesFile(e.file)) fail({ kind: 'message-file', message: `a DataError names file ${JSON.stringify(e.file)}, not one of the input files: ${JSON.stringify(e.message.slice(0, 200))}` });
      checkMessages([e.message]);
    } else {
      const err = e as Error;
      const kind = err instanceof RangeError ? 'exception-RangeError' : `exception-${err?.name ?? typeof e}`;
      fail({ kind, message: `${err?.message?.slice(0, 300) ?? String(e)} ${(err?.stack ?? '').split('\n').slice(1, 3).map((l) => l.trim()).join(' ')}` });
    }
  }
  const used = process.cpuUsage(cpu0);
  const ms = (used.user + used.system) / 1000;
  if (ms > options.budgetMs) fail({ kind: 'slow', message: `took ${ms.toFixed(0)} ms of CPU, budget ${options.budgetMs} ms` });
  return { failures, notes };
}
