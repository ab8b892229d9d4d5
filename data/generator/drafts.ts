/** Draft school plans (before ids), the rule for which schools have zones, and the spacing test used while placing them. */
import { distanceKm } from './geo.ts';
import { BASE_YEAR } from './settings.ts';
import type { LonLat, SchoolPlan, ZoneLevel } from './types.ts';

/** A school plan before its id is given. */
export type Draft = Omit<SchoolPlan, 'id' | 'town'>;

/** Defaults of a draft: no pupils, no fixed classrooms, indicators left to chance. */
export function draft(fields: Pick<Draft, 'name' | 'nameEn' | 'level' | 'setting' | 'at'> & Partial<Draft>): Draft {
  return {
    ownership: 'public',
    primaryTarget: 0,
    juniorTarget: null,
    juniorRange: [0, 0],
    privateTarget: 0,
    classrooms: null,
    ratios: {},
    ...fields,
  };
}

/** True for a school that is public, open in the base year and teaches the level: it has a zone of that level. */
export function hasZone(school: Pick<SchoolPlan, 'ownership' | 'opens' | 'level'>, level: ZoneLevel): boolean {
  if (school.ownership !== 'public' || (school.opens ?? 0) > BASE_YEAR) return false;
  return school.level === 'nine_year' || school.level === level;
}

/** True when no school with a zone of `level` lies within km of p. */
export function clearOf(drafts: readonly Draft[], p: LonLat, level: ZoneLevel, km: number): boolean {
  return drafts.every((d) => !hasZone(d, level) || distanceKm(d.at, p) >= km);
}
