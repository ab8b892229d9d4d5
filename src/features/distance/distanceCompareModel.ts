import type { YearLevelDistance } from '../../core/distance';
import { ZONE_LEVELS, type ZoneLevel } from '../../core/rules';
import type { MessageKey } from '../../i18n/messages';

/** A row of the 就近入学 comparison: one figure of one level, per compared scenario (undefined: not projected). */
export interface DistanceRow {
  key: string;
  level: ZoneLevel;
  label: MessageKey;
  unit: 'metres' | 'share' | 'pupils';
  /** Which way is better, for colouring the differences. */
  better: 'lower' | 'higher';
  values: (number | undefined)[];
}

const FIGURES: { figure: keyof YearLevelDistance; label: MessageKey; unit: DistanceRow['unit']; better: DistanceRow['better'] }[] = [
  { figure: 'meanM', label: 'distanceCompareMean', unit: 'metres', better: 'lower' },
  { figure: 'withinShare', label: 'distanceCompareWithin', unit: 'share', better: 'higher' },
  { figure: 'nearbyShare', label: 'distanceCompareNearby', unit: 'share', better: 'higher' },
  { figure: 'sentPast', label: 'distanceCompareSentPast', unit: 'pupils', better: 'lower' },
];

/**
 * The rows of the comparison for one year: per level with pupils in some scenario, the mean
 * distance, the share within the radius, 就近率 and the pupils sent past (rounded to whole pupils),
 * one value per scenario in the order given.
 */
export function distanceRows(years: (Record<ZoneLevel, YearLevelDistance> | undefined)[]): DistanceRow[] {
  return ZONE_LEVELS.filter((level) => years.some((y) => (y?.[level].pupils ?? 0) > 0)).flatMap((level) =>
    FIGURES.map(({ figure, label, unit, better }) => ({
      key: `${level}-${figure}`,
      level,
      label,
      unit,
      better,
      values: years.map((y) => (y === undefined ? undefined : unit === 'pupils' ? Math.round(y[level][figure]) : y[level][figure])),
    })),
  );
}
