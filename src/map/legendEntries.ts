import { formatPercent, translate } from '../i18n/format';
import type { Locale } from '../i18n/messages';
import { DEFAULT_WARNING, type WarningSettings } from '../core/warning/settings';
import { distanceLegendEntries } from './distanceBands';
import { NO_DATA_COLOR, PRIVATE_COLOR, STATUS_COLORS, TIER_COLORS, UTILIZATION_CLASSES } from './style';

/** One line of the map's legend: a colour swatch and what it means. */
export interface LegendEntry {
  color: string;
  label: string;
}

/**
 * The legend of a zone colouring, as the map on screen and the printed map show it: utilization
 * classes ("< 70%", "70%–85%" … "≥ 140%") and no data, the compliance states and private schools,
 * the warning's tiers by `warning`'s thresholds, or the distance bands.
 */
export function legendEntries(colorBy: 'utilization' | 'compliance' | 'warning' | 'distance', locale: Locale, warning: WarningSettings = DEFAULT_WARNING): LegendEntry[] {
  const pct = (v: number) => formatPercent(locale, v);
  if (colorBy === 'distance') return distanceLegendEntries(locale);
  if (colorBy === 'warning') {
    return [
      { color: TIER_COLORS.green, label: `${translate(locale, 'tier_green')} < ${pct(warning.yellowAt)}` },
      { color: TIER_COLORS.yellow, label: `${translate(locale, 'tier_yellow')} ${pct(warning.yellowAt)}–${pct(warning.redAt)}` },
      { color: TIER_COLORS.red, label: `${translate(locale, 'tier_red')} ≥ ${pct(warning.redAt)}` },
      { color: NO_DATA_COLOR, label: translate(locale, 'warningNoData') },
    ];
  }
  if (colorBy === 'compliance') {
    return [
      { color: STATUS_COLORS[0], label: translate(locale, 'statusOk') },
      { color: STATUS_COLORS[1], label: translate(locale, 'statusOverCap') },
      { color: STATUS_COLORS[2], label: translate(locale, 'statusOversize') },
      { color: PRIVATE_COLOR, label: translate(locale, 'private') },
    ];
  }
  const last = UTILIZATION_CLASSES.length - 1;
  return [
    ...UTILIZATION_CLASSES.map((c, i) => ({
      color: c.color,
      label: i === 0 ? `< ${pct(UTILIZATION_CLASSES[1].from)}` : i === last ? `≥ ${pct(c.from)}` : `${pct(c.from)}–${pct(UTILIZATION_CLASSES[i + 1].from)}`,
    })),
    { color: NO_DATA_COLOR, label: translate(locale, 'statusNoData') },
  ];
}
