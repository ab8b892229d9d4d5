import { ZONE_LEVELS, type ZoneLevel } from '../rules';
import { basisDistanceM, type PreparedDistances } from './prepare';

/** How far the pupils who changed school go, before and after, per level (by road when there are roads). */
export interface MovedDistance {
  level: ZoneLevel;
  /** Pupils whose school differs, both schools known and both distances finite. */
  pupils: number;
  /** Of them, those whose new school is further, nearer (by more than 1 cm either way). */
  further: number;
  nearer: number;
  meanBeforeM: number;
  meanAfterM: number;
  /** The largest increase, metres (0 when nobody goes further). */
  maxIncreaseM: number;
  /** Per pair of schools (ids), the pupils moved and their mean distance before and after, most pupils first. */
  groups: { from: string; to: string; pupils: number; meanBeforeM: number; meanAfterM: number }[];
  /**
   * Per compound or village (unit id; '' for pupils without one) and pair of schools, the pupils
   * moved, those who go further, their mean distance before and after and the largest increase;
   * the longest mean increase first (then most pupils, then unit id). Empty without units.
   */
  units: MovedUnit[];
}

/** The moved pupils of one unit between one pair of schools (see MovedDistance.units). */
export interface MovedUnit {
  unitId: string;
  from: string;
  to: string;
  pupils: number;
  further: number;
  meanBeforeM: number;
  meanAfterM: number;
  maxIncreaseM: number;
}

/** The pupils' units, to group the moved pupils by compound and village. */
export interface PupilUnits {
  /** Unit index per pupil row (−1: none). */
  unit: Int32Array;
  unitIds: string[];
}

/**
 * For every pupil whose school differs between two assignments (school index per pupil, −1: none),
 * the distance to its school before and after (basisDistanceM), summed per level and per pair of
 * schools, and with `units` per unit and pair of schools. Pupils without a school on either side
 * are left out.
 */
export function computeMovedDistance(p: PreparedDistances, before: Int32Array, after: Int32Array, units?: PupilUnits): MovedDistance[] {
  const out = ZONE_LEVELS.map((level) => ({
    level, pupils: 0, further: 0, nearer: 0, sumBefore: 0, sumAfter: 0, maxIncreaseM: 0,
    groups: new Map<number, { from: string; to: string; pupils: number; sumBefore: number; sumAfter: number }>(),
    units: new Map<number, { unitId: string; from: string; to: string; pupils: number; further: number; sumBefore: number; sumAfter: number; maxIncreaseM: number }>(),
  }));
  for (let i = 0; i < before.length; i++) {
    const a = before[i];
    const b = after[i];
    if (a === b || a < 0 || b < 0) continue;
    const dA = basisDistanceM(p, i, a);
    const dB = basisDistanceM(p, i, b);
    if (!Number.isFinite(dA) || !Number.isFinite(dB)) continue;
    const o = out[p.level[i]];
    o.pupils++;
    o.sumBefore += dA;
    o.sumAfter += dB;
    if (dB > dA + 0.01) o.further++;
    else if (dB < dA - 0.01) o.nearer++;
    o.maxIncreaseM = Math.max(o.maxIncreaseM, dB - dA);
    const S = p.schools.length;
    const key = a * S + b;
    const g = o.groups.get(key) ?? { from: p.schools[a].id, to: p.schools[b].id, pupils: 0, sumBefore: 0, sumAfter: 0 };
    g.pupils++;
    g.sumBefore += dA;
    g.sumAfter += dB;
    o.groups.set(key, g);
    if (units) {
      // Numbers, not strings, per moved pupil: (unit + 1, from, to) in one key.
      const ukey = (units.unit[i] + 1) * S * S + key;
      const u = o.units.get(ukey) ?? { unitId: units.unit[i] >= 0 ? units.unitIds[units.unit[i]] : '', from: g.from, to: g.to, pupils: 0, further: 0, sumBefore: 0, sumAfter: 0, maxIncreaseM: -Infinity };
      u.pupils++;
      if (dB > dA + 0.01) u.further++;
      u.sumBefore += dA;
      u.sumAfter += dB;
      u.maxIncreaseM = Math.max(u.maxIncreaseM, dB - dA);
      o.units.set(ukey, u);
    }
  }
  return out.map((o) => ({
    level: o.level,
    pupils: o.pupils,
    further: o.further,
    nearer: o.nearer,
    meanBeforeM: o.pupils > 0 ? o.sumBefore / o.pupils : 0,
    meanAfterM: o.pupils > 0 ? o.sumAfter / o.pupils : 0,
    maxIncreaseM: o.maxIncreaseM,
    groups: [...o.groups.values()].sort((x, y) => y.pupils - x.pupils || x.from.localeCompare(y.from)).map((g) => ({ from: g.from, to: g.to, pupils: g.pupils, meanBeforeM: g.sumBefore / g.pupils, meanAfterM: g.sumAfter / g.pupils })),
    units: [...o.units.values()]
      .map(({ sumBefore, sumAfter, ...u }): MovedUnit => ({ ...u, meanBeforeM: sumBefore / u.pupils, meanAfterM: sumAfter / u.pupils }))
      .sort((x, y) => y.meanAfterM - y.meanBeforeM - (x.meanAfterM - x.meanBeforeM) || y.pupils - x.pupils || (x.unitId < y.unitId ? -1 : x.unitId > y.unitId ? 1 : 0)),
  }));
}
