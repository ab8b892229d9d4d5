import { parseProfile } from '../core/parseProfile';
import type { StandardsProfile } from '../core/standards';
import type { School } from '../core/dataset';
import type { ProjectionSettings, ScenarioRules } from '../core/scenarioRules';
import type { ZoneEdit } from '../core/zoneEdits';
import { findUnknownKey } from '../core/unknownKeys';
import { DataError, parseJsonFile } from './dataError';
import { parseProjectionSettings, parseScenarioRules } from './parseScenarioRules';

/** The scenario file version this build writes; it reads every version up to it. */
export const SCENARIO_VERSION = 2;

/** The keys a scenario file may have; any other (a misspelling) is refused rather than ignored. */
const SCENARIO_KEYS = ['version', 'name', 'edits', 'rules', 'projection', 'profile'];

/**
 * A scenario: the base dataset plus an ordered list of edits, rules beyond boundaries (phase-in,
 * openings, classrooms, private shares, diversions) and projection settings (versioned JSON;
 * version 1 files have edits and a profile only).
 */
export interface Scenario {
  version: typeof SCENARIO_VERSION;
  name: string;
  edits: ZoneEdit[];
  rules: ScenarioRules;
  projection: ProjectionSettings;
  /** The standards profile the scenario is assessed against (national when absent). */
  profile?: StandardsProfile;
}

/**
 * Parses a scenario file: `{ "version": 2, "name": "...", "edits": [ {"op": ...}, ... ], "rules": {...},
 * "projection": {...}, "profile": {...} }`. The edits are checked when applied (applyZoneEdit); the
 * rules' schools when `schools` is given. A key the file, its rules, projection or profile cannot
 * have is refused with the nearest known key. Throws a DataError naming the file.
 */
export function parseScenario(file: string, text: string, schools?: School[]): Scenario {
  const json = parseJsonFile(file, text) as Record<string, unknown> | null;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new DataError(file, 'notScenario');
  if (json.version === undefined) throw new DataError(file, 'noVersion', { version: SCENARIO_VERSION });
  if (json.version !== 1 && json.version !== SCENARIO_VERSION) throw new DataError(file, 'badVersion', { got: JSON.stringify(json.version), version: SCENARIO_VERSION });
  const unknown = findUnknownKey(json, SCENARIO_KEYS);
  if (unknown) throw new DataError(file, 'unknownKey', { key: unknown.key, found: unknown.nearest });
  if (!Array.isArray(json.edits)) throw new DataError(file, 'editsNotList');
  json.edits.forEach((edit, i) => {
    if (typeof edit !== 'object' || edit === null || typeof (edit as { op?: unknown }).op !== 'string') {
      throw new DataError(file, 'editNotObject', { n: i + 1 });
    }
  });
  let profile: StandardsProfile | undefined;
  if (json.profile !== undefined) {
    const parsed = parseProfile(json.profile);
    if ('error' in parsed && parsed.unknownKey) throw new DataError(file, 'unknownKeyIn', { key: parsed.unknownKey.key, value: parsed.unknownKey.where, found: parsed.unknownKey.nearest });
    if ('error' in parsed) throw new DataError(file, 'badProfile', { detail: parsed.error });
    profile = parsed.profile;
  }
  return {
    version: SCENARIO_VERSION,
    name: typeof json.name === 'string' ? json.name : '',
    edits: json.edits as ZoneEdit[],
    rules: parseScenarioRules(file, json.rules, schools),
    projection: parseProjectionSettings(file, json.projection),
    profile,
  };
}
