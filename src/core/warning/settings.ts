import type { ZoneLevel } from '../rules';

/**
 * How uncertain each input of the projection is, for the warning's ranges. Each draw takes one
 * value per input from a normal distribution around the scenario's own value (clipped at 0):
 * - `entryRate`: standard deviation of the entry rate, relative (0.05 = ±5 %), one county-wide
 *   value per draw; it scales every entrant (births × rate, or the repeated grade 1);
 * - `progression`: standard deviation of each grade's progression ratio (absolute, 0.02), one value
 *   per grade and draw, applied to every school;
 * - `perHousehold`: standard deviation of pupils per new household (生源系数), relative (0.25), one
 *   county-wide factor per draw;
 * - `fillYears`: standard deviation, in years, of when each housing estate fills (its ramp moves
 *   earlier or later by that many years, drawn per estate, not rounded).
 */
export interface WarningSpreads {
  entryRate: number;
  progression: number;
  perHousehold: number;
  fillYears: number;
}

/**
 * 学位预警 settings, part of the standards profile: the tiers by the ratio of a school's eligible
 * entrants to its planned intake — green below `yellowAt`, yellow from `yellowAt` to below
 * `redAt`, red from `redAt` (浙教基〔2018〕100号: 90 % and 100 %) — how many years ahead each level is
 * warned, and the seeded simulation behind the ranges.
 */
export interface WarningSettings {
  yellowAt: number;
  redAt: number;
  /** Where the thresholds come from, printed with the warning. */
  source: string;
  /** Years warned after the base year, per level (1..10). */
  years: Record<ZoneLevel, number>;
  spreads: WarningSpreads;
  /** Draws of the simulation (10..100,000) and its seed (an integer): the same seed gives the same figures. */
  draws: number;
  seed: number;
}

/** Zhejiang practice (浙教基〔2018〕100号): yellow at 90 %, red at 100 %, 3 years ahead; 1,000 draws. */
export const DEFAULT_WARNING: WarningSettings = {
  yellowAt: 0.9,
  redAt: 1,
  source: '浙教基〔2018〕100号',
  years: { primary: 3, junior: 3 },
  spreads: { entryRate: 0.05, progression: 0.02, perHousehold: 0.25, fillYears: 1 },
  draws: 1000,
  seed: 2024,
};

/** The three tiers, mildest first. */
export const TIERS = ['green', 'yellow', 'red'] as const;
export type Tier = (typeof TIERS)[number];

/** The tier of a ratio of demand to planned intake (Infinity when there are no places). */
export function tierOf(ratio: number, settings: WarningSettings): Tier {
  if (ratio >= settings.redAt) return 'red';
  if (ratio >= settings.yellowAt) return 'yellow';
  return 'green';
}
