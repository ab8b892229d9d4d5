/** The 7 resource indicators: their facility field and thresholds (教督〔2017〕6号, see shared DOMAIN.md). */
import type { IndicatorKey } from './types.ts';

/** One indicator: the school property it reads, whether it counts per 100 pupils, thresholds per section. */
interface Indicator {
  field: string;
  per100: boolean;
  primary: number;
  junior: number;
}

/** Thresholds of the 7 indicators. */
export const INDICATORS: Readonly<Record<IndicatorKey, Indicator>> = {
  teachersQualifiedPer100: { field: 'teachers_qualified', per100: true, primary: 4.2, junior: 5.3 },
  backbonePer100: { field: 'teachers_backbone', per100: true, primary: 1.0, junior: 1.0 },
  peArtPer100: { field: 'teachers_pe_art', per100: true, primary: 0.9, junior: 0.9 },
  roomAreaPerStudent: { field: 'room_area_m2', per100: false, primary: 4.5, junior: 5.8 },
  sportsAreaPerStudent: { field: 'sports_area_m2', per100: false, primary: 7.5, junior: 10.2 },
  equipmentValuePerStudent: { field: 'equipment_value_yuan', per100: false, primary: 2000, junior: 2500 },
  multimediaRoomsPer100: { field: 'multimedia_rooms', per100: true, primary: 2.3, junior: 2.4 },
};

/** The indicator keys in a fixed order. */
export const INDICATOR_KEYS = Object.keys(INDICATORS) as IndicatorKey[];

/** A nine-year school's resources are split between sections by pupils weighted 1 (primary) : this (junior). */
export const JUNIOR_WEIGHT = 1.1;

/**
 * Per-pupil values (×100 for per-100 indicators) of a school's primary and junior sections, splitting a
 * nine-year school's resource by JUNIOR_WEIGHT; null for a section without pupils.
 */
export function sectionValues(resource: number, primaryPupils: number, juniorPupils: number, per100: boolean) {
  const scale = per100 ? 100 : 1;
  const weighted = primaryPupils + JUNIOR_WEIGHT * juniorPupils;
  if (weighted <= 0) return { primary: null, junior: null };
  const perPrimary = (scale * resource) / weighted;
  return {
    primary: primaryPupils > 0 ? perPrimary : null,
    junior: juniorPupils > 0 ? perPrimary * JUNIOR_WEIGHT : null,
  };
}
