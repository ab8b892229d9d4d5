import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { TIERS } from '../core/warning/settings';
import type { WarningRow } from '../core/warning/warning';
import type { AppState } from '../store/store';
import { NO_DATA_COLOR, TIER_COLORS } from './style';
import { setZoneState, zoneKey } from './zoneSource';

/** The zone fill colour of the warning colouring: by the feature-state `tier` (0 green, 1 yellow, 2 red, −1 none). */
export const tierColor: ExpressionSpecification = ['match', ['coalesce', ['feature-state', 'tier'], -1], 0, TIER_COLORS.green, 1, TIER_COLORS.yellow, 2, TIER_COLORS.red, NO_DATA_COLOR];

/** The year the warning colouring shows: the year chosen on the map, or the first warned year when the base year is shown. */
export function warningYearOf(s: AppState): number | undefined {
  const base = s.dataset?.baseYear;
  return base === undefined ? undefined : s.viewYear ?? base + 1;
}

/** The warning rows of the shown level and year by school index. */
export function warningRowsShown(s: AppState): Map<number, WarningRow> {
  const year = warningYearOf(s);
  return new Map((s.warning?.view.rows ?? []).filter((r) => r.level === s.level && r.year === year).map((r) => [r.school, r]));
}

/** Sets each zone's `tier` feature-state (by its key) from the warning of the shown level and year, when the colouring, warning, year, level or zones changed. */
export function syncWarningTiers(map: MapLibreMap, s: AppState, prev: AppState | undefined): void {
  const changed = !prev || s.colorBy !== prev.colorBy || s.warning !== prev.warning || s.viewYear !== prev.viewYear || s.level !== prev.level || s.dataset?.zones !== prev.dataset?.zones;
  if (!changed || s.colorBy !== 'warning' || !s.dataset) return;
  const rows = warningRowsShown(s);
  const index = new Map(s.dataset.schools.map((x, i) => [x.id, i]));
  for (const f of s.dataset.zones.features) {
    // A shared zone (多校划片) has no one school's tier.
    const tier = f.properties.school_ids === undefined ? rows.get(index.get(String(f.properties.school_id)) ?? -1)?.tier : undefined;
    setZoneState(map, zoneKey(f), { tier: tier === undefined ? -1 : TIERS.indexOf(tier) });
  }
}
