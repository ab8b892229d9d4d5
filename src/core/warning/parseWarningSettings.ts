import { findUnknownKey } from '../unknownKeys';
import { ZONE_LEVELS } from '../rules';
import { DEFAULT_WARNING, type WarningSettings } from './settings';

const KEYS = ['yellowAt', 'redAt', 'source', 'years', 'spreads', 'draws', 'seed'] as const;
const SPREAD_KEYS = ['entryRate', 'progression', 'perHousehold', 'fillYears'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A profile's `warning` block from JSON: missing values fall back to DEFAULT_WARNING; a key it does
 * not have, a block that is not an object or a value out of range is refused with its path
 * (`profile.warning.…`), in English. Thresholds are shares (0.9 = 90 %), yellowAt ≤ redAt.
 */
export function parseWarningSettings(json: unknown): { warning: WarningSettings } | { error: string } {
  const where = 'profile.warning';
  if (!isObject(json)) return { error: `${where} must be an object, got ${JSON.stringify(json)}` };
  for (const [path, block, known] of [[where, json, KEYS], [`${where}.years`, json.years, ZONE_LEVELS], [`${where}.spreads`, json.spreads, SPREAD_KEYS]] as const) {
    if (block === undefined) continue;
    if (!isObject(block)) return { error: `${path} must be an object, got ${JSON.stringify(block)}` };
    const unknown = findUnknownKey(block, known);
    if (unknown) return { error: `unknown key "${unknown.key}" in ${path} (did you mean "${unknown.nearest}"?)` };
  }
  const out: WarningSettings = structuredClone(DEFAULT_WARNING);
  const errors: string[] = [];
  const num = (path: string, v: unknown, min: number, max: number, integer: boolean, put: (n: number) => void) => {
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
      errors.push(`${where}.${path} must be a${integer ? ' whole' : ''} number from ${min} to ${max}, got ${JSON.stringify(v)}`);
    } else put(v);
  };
  num('yellowAt', json.yellowAt, 0, 10, false, (n) => (out.yellowAt = n));
  num('redAt', json.redAt, 0, 10, false, (n) => (out.redAt = n));
  num('draws', json.draws, 10, 100_000, true, (n) => (out.draws = n));
  num('seed', json.seed, -(2 ** 31), 2 ** 31 - 1, true, (n) => (out.seed = n));
  const years = (json.years ?? {}) as Record<string, unknown>;
  for (const level of ZONE_LEVELS) num(`years.${level}`, years[level], 1, 10, true, (n) => (out.years[level] = n));
  const spreads = (json.spreads ?? {}) as Record<string, unknown>;
  for (const key of SPREAD_KEYS) num(`spreads.${key}`, spreads[key], 0, key === 'fillYears' ? 10 : 1, false, (n) => (out.spreads[key] = n));
  if (json.source !== undefined) {
    if (typeof json.source !== 'string') errors.push(`${where}.source must be text, got ${JSON.stringify(json.source)}`);
    else out.source = json.source;
  }
  if (errors.length === 0 && out.yellowAt > out.redAt) errors.push(`${where}.yellowAt (${out.yellowAt}) must not exceed redAt (${out.redAt})`);
  return errors.length > 0 ? { error: errors[0] } : { warning: out };
}
