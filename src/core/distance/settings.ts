import type { School } from '../dataset';
import type { ZoneLevel } from '../rules';

/**
 * Service radii in metres per level, for city schools (`setting` "city") and for the others (town
 * and village schools: "rural"). City defaults: 500 m primary, 1000 m junior (居住区规划设计规范 /
 * 城市居住区规划设计标准 GB 50180). Rural defaults: 2500 m primary (half an hour on foot, the State
 * Council's 2018 limit for grades 1–3), 5000 m junior (our assumption: half an hour by bicycle); see
 * data/README.md. A county sets its own.
 */
export interface DistanceSettings {
  radiusM: { city: Record<ZoneLevel, number>; rural: Record<ZoneLevel, number> };
}

/** The default radii (see DistanceSettings). */
export const DEFAULT_DISTANCE_SETTINGS: DistanceSettings = {
  radiusM: { city: { primary: 500, junior: 1000 }, rural: { primary: 2500, junior: 5000 } },
};

/** The service radius in metres of a school for pupils of a level. */
export function serviceRadiusM(school: School, level: ZoneLevel, settings: DistanceSettings): number {
  return settings.radiusM[school.setting === 'city' ? 'city' : 'rural'][level];
}

/** The distance settings of a standards profile: its service radii, else the defaults. */
export function distanceSettingsOf(profile: { serviceRadiusM?: DistanceSettings['radiusM'] }): DistanceSettings {
  return profile.serviceRadiusM ? { radiusM: profile.serviceRadiusM } : DEFAULT_DISTANCE_SETTINGS;
}

/** Two distances closer than this (metres) are equal when finding a pupil's nearest school. */
export const TIE_M = 0.01;
