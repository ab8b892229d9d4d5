import { findUnknownKey } from '../unknownKeys';
import type { BalanceSettings } from './types';

/**
 * Defaults: seed 1; 400 search iterations within 3 s; a unit may go to its 5 nearest open public
 * schools within 5 km, at most 2 km farther than its school today; a new entrant moved costs 0.5 of
 * an enrolled pupil; no phase-in; no minimum for opening schools; no target utilization.
 */
export const DEFAULT_BALANCE_SETTINGS: BalanceSettings = {
  seed: 1,
  iterations: 400,
  timeLimitMs: 3000,
  nearestSchools: 5,
  maxDistanceKm: 5,
  maxAddedKm: 2,
  entrantWeight: 0.5,
  phaseIn: false,
  minOpeningUtilization: 0,
  targetUtilization: 0,
};

const NUMBER_KEYS = ['seed', 'iterations', 'timeLimitMs', 'nearestSchools', 'maxDistanceKm', 'maxAddedKm', 'entrantWeight', 'minOpeningUtilization', 'targetUtilization'] as const;
const FRACTION_KEYS = new Set(['entrantWeight', 'minOpeningUtilization', 'targetUtilization']);
const KEYS = [...NUMBER_KEYS, 'phaseIn', 'schoolIds'];
const INTEGER_KEYS = new Set(['seed', 'iterations', 'nearestSchools']);

/**
 * Balance settings from JSON (a scenario file's `balance` block, the CLI): missing values take the
 * defaults; a number that is negative, not finite or (seed, iterations, nearestSchools) not whole,
 * `entrantWeight`, `minOpeningUtilization` or `targetUtilization` above 1, or an unknown key is refused with its name.
 */
export function parseBalanceSettings(json: unknown): { settings: BalanceSettings } | { error: string } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { error: 'balance settings must be an object' };
  const o = json as Record<string, unknown>;
  const unknown = findUnknownKey(o, KEYS);
  if (unknown) return { error: `unknown key "${unknown.key}" in balance settings (did you mean "${unknown.nearest}"?)` };
  const out: BalanceSettings = { ...DEFAULT_BALANCE_SETTINGS };
  for (const key of NUMBER_KEYS) {
    const v = o[key];
    if (v === undefined) continue;
    const whole = INTEGER_KEYS.has(key);
    const fraction = FRACTION_KEYS.has(key);
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (whole && !Number.isInteger(v)) || (fraction && v > 1)) {
      return { error: `${key} must be ${whole ? 'a whole number' : 'a number'} ≥ 0${fraction ? ' and ≤ 1' : ''}, got ${JSON.stringify(v)}` };
    }
    out[key] = v;
  }
  if (o.phaseIn !== undefined) {
    if (typeof o.phaseIn !== 'boolean') return { error: `phaseIn must be true or false, got ${JSON.stringify(o.phaseIn)}` };
    out.phaseIn = o.phaseIn;
  }
  if (o.schoolIds !== undefined) {
    if (!Array.isArray(o.schoolIds) || o.schoolIds.some((s) => typeof s !== 'string')) return { error: 'schoolIds must be a list of school ids' };
    out.schoolIds = o.schoolIds as string[];
  }
  return { settings: out };
}
