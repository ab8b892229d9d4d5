import type { Limits } from '../../core/limits';
import { OVERLAP_RULES, type OverlapRule, type Rules } from '../../core/rules';
import { prepareUnitCells } from '../../core/units/datasetCells';
import { countyOutline } from '../countyOutline';
import type { ValidationReport } from '../../core/validation';
import type { ImportFile } from '../import/importDataset';
import type { LoadedDataset } from '../readDataset';
import { decodeStructured, encodeStructured } from './structuredBytes';

// Bumped when what a snapshot holds changes shape.
const SNAPSHOT_VERSION = 4;

/** The rules a read depends on: not the planner's settings (the reports cover every overlap rule; the limits apply after the read). */
type ReadRules = Omit<Rules, keyof Limits | 'overlapRule'>;

/** A dataset read once from its files: what the engine keeps resident, and its validation report under each overlap rule. */
interface DatasetSnapshot {
  version: number;
  /** The rules it was read with, but for the planner's settings. */
  rules: ReadRules;
  loaded: LoadedDataset;
  reports: Record<OverlapRule, ValidationReport>;
}

/** An opened snapshot: the dataset and its validation report under the rules asked for. */
export interface OpenedSnapshot {
  loaded: LoadedDataset;
  report: ValidationReport;
}

function readRules({ overlapRule: _, classCap: _c, maxSchoolSize: _s, maxNineYearSchoolSize: _n, largeClassMin: _l, extraLargeClassMin: _e, ...rest }: Rules): ReadRules {
  return rest;
}

function sameRules(a: ReadRules, b: ReadRules): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof typeof a>;
  return [...keys].every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/**
 * Reads a dataset's files exactly as a load does (import, parse, validate, the units' cells) and stores the result as
 * bytes that `openDatasetSnapshot` opens without reading the files again. The files must state
 * their base year, as a snapshot must not depend on the day it was made: with none, the read
 * throws (its fallback year is NaN).
 */
export async function buildDatasetSnapshot(files: ImportFile[], rules: Rules): Promise<Uint8Array> {
  // Loaded here only: opening a snapshot (in the app's worker) needs none of the importers.
  const [{ importDataset }, { readImportedDataset }, { validateImported }] = await Promise.all([import('../import/importDataset'), import('../import/readImportedDataset'), import('../import/validateImported')]);
  const imported = await importDataset(files);
  const loaded = readImportedDataset(imported, rules, Number.NaN);
  // The units' cells under every overlap rule, so that opening builds none (src/core/units).
  for (const rule of OVERLAP_RULES) prepareUnitCells(loaded.dataset, rule, countyOutline(loaded.county));
  loaded.dataset.unitCells!.rule = rules.overlapRule;
  const reports = Object.fromEntries(OVERLAP_RULES.map((overlapRule) => [overlapRule, validateImported(imported, loaded, { ...rules, overlapRule })])) as Record<OverlapRule, ValidationReport>;
  const snapshot: DatasetSnapshot = { version: SNAPSHOT_VERSION, rules: readRules(rules), loaded, reports };
  return encodeStructured(snapshot);
}

/** A snapshot's bytes decoded, not yet checked against the engine's rules (see openDecodedSnapshot). */
export interface DecodedSnapshot {
  readonly value: unknown;
}

/** Decodes bytes written by `buildDatasetSnapshot` (the part of opening that needs no rules). Throws when they are not a snapshot. */
export function decodeDatasetSnapshot(bytes: Uint8Array): DecodedSnapshot {
  return { value: decodeStructured(bytes) };
}

/**
 * Opens a decoded snapshot for the engine's `rules`. Throws when it is not of this version or was
 * read under other rules (the caller reads the files then).
 */
export function openDecodedSnapshot(decoded: DecodedSnapshot, rules: Rules): OpenedSnapshot {
  const snapshot = decoded.value as DatasetSnapshot;
  if (snapshot?.version !== SNAPSHOT_VERSION) throw new Error(`dataset snapshot: version ${snapshot?.version}, expected ${SNAPSHOT_VERSION}`);
  if (!sameRules(snapshot.rules, readRules(rules))) throw new Error('dataset snapshot: read under other rules');
  return { loaded: snapshot.loaded, report: snapshot.reports[rules.overlapRule] };
}

/** Opens bytes written by `buildDatasetSnapshot` for the engine's `rules` (decodeDatasetSnapshot, then openDecodedSnapshot). */
export function openDatasetSnapshot(bytes: Uint8Array, rules: Rules): OpenedSnapshot {
  return openDecodedSnapshot(decodeDatasetSnapshot(bytes), rules);
}
