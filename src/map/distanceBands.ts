import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { DistanceMetrics } from '../core/distance';
import type { ZoneLevel } from '../core/rules';
import { formatNumber, translate } from '../i18n/format';
import type { Locale } from '../i18n/messages';
import type { AppState } from '../store/store';
import { NO_DATA_COLOR } from './style';
import { setZoneState, zoneKey } from './zoneSource';

/** The distance bands of the distance colouring: each band from `from` metres (the last open-ended), nearest green. */
export const DISTANCE_BANDS: { from: number; color: string }[] = [
  { from: 0, color: '#1a9850' },
  { from: 500, color: '#91cf60' },
  { from: 1000, color: '#d9ef8b' },
  { from: 2000, color: '#fee08b' },
  { from: 3000, color: '#fc8d59' },
  { from: 5000, color: '#d73027' },
];

/** The zone fill colour of the distance colouring: by the feature-state `distM` (−1: no pupils). */
export const distanceColor: ExpressionSpecification = [
  'case',
  ['<', ['coalesce', ['feature-state', 'distM'], -1], 0],
  NO_DATA_COLOR,
  ['step', ['feature-state', 'distM'], DISTANCE_BANDS[0].color, ...DISTANCE_BANDS.slice(1).flatMap((b) => [b.from, b.color])],
];

/** The mean distance (metres; by road when there are roads) of each school's pupils of a level, by school id. */
export function schoolMeanM(distance: DistanceMetrics | undefined, level: ZoneLevel): Map<string, number> {
  const out = new Map<string, number>();
  for (const x of distance?.schools ?? []) {
    const stats = distance!.byRoad ? x.road : x.straight;
    if (x.level === level && stats) out.set(x.id, stats.meanM);
  }
  return out;
}

/** The legend of the distance colouring: the bands in metres, then no pupils. */
export function distanceLegendEntries(locale: Locale): { color: string; label: string }[] {
  const n = (v: number) => formatNumber(locale, v);
  return [
    ...DISTANCE_BANDS.map((b, i) => ({
      color: b.color,
      label: i === DISTANCE_BANDS.length - 1 ? translate(locale, 'distanceBandOver', { from: n(b.from) }) : translate(locale, 'distanceBand', { from: n(b.from), to: n(DISTANCE_BANDS[i + 1].from) }),
    })),
    { color: NO_DATA_COLOR, label: translate(locale, 'distanceNoPupils') },
  ];
}

/** A zone's figure in the distance colouring: its school's mean distance ("1,234 米"), or nothing. */
export function distanceFigure(meanM: number | undefined, locale: Locale): string {
  return meanM === undefined ? '' : translate(locale, 'distanceMetres', { n: formatNumber(locale, meanM) });
}

/** Sets each zone's `distM` feature-state (by its key) from the distance metrics of the shown level, when the colouring, metrics, level or zones changed. */
export function syncDistanceBands(map: MapLibreMap, s: AppState, prev: AppState | undefined): void {
  const changed = !prev || s.colorBy !== prev.colorBy || s.distance !== prev.distance || s.level !== prev.level || s.dataset?.zones !== prev.dataset?.zones;
  if (!changed || s.colorBy !== 'distance' || !s.dataset) return;
  const means = schoolMeanM(s.distance, s.level);
  for (const f of s.dataset.zones.features) {
    // A shared zone (多校划片) has no one school's distance.
    const mean = f.properties.school_ids === undefined ? means.get(String(f.properties.school_id)) : undefined;
    setZoneState(map, zoneKey(f), { distM: mean ?? -1 });
  }
}
