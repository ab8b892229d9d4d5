import { DEFAULT_DISTANCE_SETTINGS } from './distance/settings';
import { ZONE_LEVELS } from './rules';
import { INDICATORS, NATIONAL_PROFILE, type StandardsProfile } from './standards';
import { findUnknownKey, type UnknownKey } from './unknownKeys';
import { parseWarningSettings } from './warning/parseWarningSettings';

/** A problem with a profile from JSON: `error` in English; `unknownKey` when it is a key the profile does not have. */
export interface ProfileProblem {
  error: string;
  unknownKey?: UnknownKey & { where: string };
}

const PROFILE_KEYS: readonly (keyof StandardsProfile)[] = ['name', 'thresholds', 'cvMax', 'minMet', 'missedFloor', 'nineYearJuniorWeight', 'includePrivateInCv', 'nearbyMin', 'warning', 'serviceRadiusM'];
const SETTINGS = ['city', 'rural'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The objects of a profile's JSON with their paths and the keys each may have: the profile, then its blocks. */
function blocksOf(p: Record<string, unknown>): [string, unknown, readonly string[]][] {
  const thresholds = isObject(p.thresholds) ? p.thresholds : {};
  const radii = isObject(p.serviceRadiusM) ? p.serviceRadiusM : {};
  return [
    ['profile', p, PROFILE_KEYS],
    ...(['thresholds', 'cvMax', 'nearbyMin'] as const).map((block): [string, unknown, readonly string[]] => [block, p[block], ZONE_LEVELS]),
    ...ZONE_LEVELS.map((level): [string, unknown, readonly string[]] => [`thresholds.${level}`, thresholds[level], INDICATORS]),
    ['serviceRadiusM', p.serviceRadiusM, SETTINGS],
    ...SETTINGS.map((setting): [string, unknown, readonly string[]] => [`serviceRadiusM.${setting}`, radii[setting], ZONE_LEVELS]),
  ];
}

/** The first key of the profile's JSON, at any depth, that a profile does not have; `where` is its path. */
function unknownProfileKey(p: Record<string, unknown>): ProfileProblem['unknownKey'] {
  for (const [where, json, known] of blocksOf(p)) {
    const found = isObject(json) ? findUnknownKey(json, known) : undefined;
    if (found) return { ...found, where: where === 'profile' ? where : `profile.${where}` };
  }
  return undefined;
}

/**
 * A profile from JSON (a scenario file's `profile`): every number missing falls back to the national
 * profile; a value that is not a number ≥ 0, a block that is not an object, or a key a profile does
 * not have (a misspelling such as `cvmax`) is refused with its path. `serviceRadiusM` (metres > 0, city
 * and rural per level) falls back radius by radius to the distance defaults. Returns the problem or the profile.
 */
export function parseProfile(json: unknown): { profile: StandardsProfile } | ProfileProblem {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { error: 'profile must be an object' };
  const p = json as Partial<Record<keyof StandardsProfile, unknown>> & Record<string, unknown>;
  const unknownKey = unknownProfileKey(p);
  if (unknownKey) return { error: `unknown key "${unknownKey.key}" in ${unknownKey.where} (did you mean "${unknownKey.nearest}"?)`, unknownKey };
  const notObject = blocksOf(p).find(([, v]) => v !== undefined && !isObject(v));
  if (notObject) return { error: `${notObject[0]} must be an object, got ${JSON.stringify(notObject[1])}` };
  if (p.includePrivateInCv !== undefined && typeof p.includePrivateInCv !== 'boolean') return { error: `includePrivateInCv must be true or false, got ${JSON.stringify(p.includePrivateInCv)}` };
  const num = (path: string, v: unknown, fallback: number): number | string =>
    v === undefined ? fallback : typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : `${path} must be a number ≥ 0, got ${JSON.stringify(v)}`;
  const out: StandardsProfile = structuredClone(NATIONAL_PROFILE);
  if (typeof p.name === 'string') out.name = p.name;
  const errors: string[] = [];
  const set = (path: string, v: unknown, fallback: number, put: (n: number) => void) => {
    const r = num(path, v, fallback);
    if (typeof r === 'string') errors.push(r);
    else put(r);
  };
  for (const level of ZONE_LEVELS) {
    const given = (p.thresholds as Record<string, Record<string, unknown>> | undefined)?.[level] ?? {};
    for (const key of INDICATORS) set(`thresholds.${level}.${key}`, given[key], NATIONAL_PROFILE.thresholds[level][key], (n) => (out.thresholds[level][key] = n));
    set(`cvMax.${level}`, (p.cvMax as Record<string, unknown> | undefined)?.[level], NATIONAL_PROFILE.cvMax[level], (n) => (out.cvMax[level] = n));
    set(`nearbyMin.${level}`, (p.nearbyMin as Record<string, unknown> | undefined)?.[level], NATIONAL_PROFILE.nearbyMin[level], (n) => (out.nearbyMin[level] = n));
  }
  set('minMet', p.minMet, NATIONAL_PROFILE.minMet, (n) => (out.minMet = n));
  set('missedFloor', p.missedFloor, NATIONAL_PROFILE.missedFloor, (n) => (out.missedFloor = n));
  set('nineYearJuniorWeight', p.nineYearJuniorWeight, NATIONAL_PROFILE.nineYearJuniorWeight, (n) => (out.nineYearJuniorWeight = n));
  if (typeof p.includePrivateInCv === 'boolean') out.includePrivateInCv = p.includePrivateInCv;
  if (p.serviceRadiusM !== undefined) {
    const radii = structuredClone(DEFAULT_DISTANCE_SETTINGS.radiusM);
    const given = p.serviceRadiusM as Record<string, Record<string, unknown> | undefined>;
    for (const setting of SETTINGS) for (const level of ZONE_LEVELS) {
      const v = given[setting]?.[level];
      if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v > 0)) errors.push(`serviceRadiusM.${setting}.${level} must be a number of metres > 0, got ${JSON.stringify(v)}`);
      else if (v !== undefined) radii[setting][level] = v;
    }
    out.serviceRadiusM = radii;
  }
  if (p.warning !== undefined) {
    const warning = parseWarningSettings(p.warning);
    if ('error' in warning) errors.push(warning.error);
    else out.warning = warning.warning;
  }
  return errors.length > 0 ? { error: errors[0] } : { profile: out };
}
