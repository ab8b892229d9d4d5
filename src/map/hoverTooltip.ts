import { Popup, type LngLat, type Map as MapLibreMap } from 'maplibre-gl';
import { formatNumber, formatPercent, translate } from '../i18n/format';
import type { SchoolResult, SimulationResult } from '../core/simulation';
import { displayName, selectShownResult } from '../store/selectors';
import { useAppStore, type AppState } from '../store/store';
import { SHARED_SEPARATOR } from '../io/zoneFeatures';

/**
 * A school's line of the tooltip in the shown year: name, pupils, utilization and the classes
 * over the cap, e.g. "圣城小学 · 在校生 1,595 · 教室使用率 98% · 超额班 3".
 */
export function schoolTooltip(r: SchoolResult, locale: AppState['locale']): string {
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const parts = [displayName(r, locale), `${t('enrollment')} ${formatNumber(locale, r.enrollment)}`];
  if (r.utilization !== undefined) parts.push(`${t('utilization')} ${formatPercent(locale, r.utilization)}`);
  if (r.classesOverCap > 0) parts.push(`${t('overCap')} ${formatNumber(locale, r.classesOverCap)}`);
  return parts.join(' · ');
}

/**
 * A shared zone's tooltip: its schools' names (多校划片), then the zone's pupils each school takes
 * (kept and drawn), e.g. "汇文学校、圣城小学（多校划片）· 汇文学校 8，圣城小学 3".
 */
function sharedZoneText(s: AppState, result: SimulationResult | undefined, ids: string[]): string {
  const name = (id: string) => {
    const r = result?.schools.find((x) => x.id === id);
    return r ? displayName(r, s.locale) : id;
  };
  const list = s.locale === 'en' ? ', ' : '，';
  const zone = s.result?.shared?.find((z) => z.level === s.level && z.schoolIds.length === ids.length && z.schoolIds.every((id) => ids.includes(id)));
  const pupils = zone ? ` · ${zone.schoolIds.map((id, k) => `${name(id)} ${formatNumber(s.locale, zone.kept[k] + zone.drawn[k])}`).join(list)}` : '';
  return `${ids.map(name).join(s.locale === 'en' ? ', ' : SHARED_SEPARATOR)}${translate(s.locale, 'sharedSuffix')}${pupils}`;
}

/** The tooltip's text for the schools under the pointer, from the state's shown result ('' for none). */
export function tooltipText(s: AppState, ids: string[]): string {
  const result = selectShownResult(s);
  const rs = ids.flatMap((id) => result?.schools.filter((x) => x.id === id) ?? []);
  if (rs.length === 0) return '';
  return rs.length === 1 ? schoolTooltip(rs[0], s.locale) : sharedZoneText(s, result, ids);
}

/**
 * The hover tooltip: shows the schools under the pointer and, while it stays open, follows the
 * numbers (an edit, undo or year change rewrites it in place rather than leaving the old ones).
 */
export function createHoverTooltip(map: MapLibreMap): { show: (s: AppState, ids: string[], at: LngLat) => void; text: (s: AppState, at: LngLat, name: string) => void; hide: () => void; destroy: () => void } {
  const popup = new Popup({ closeButton: false, closeOnClick: false, offset: 10, className: 'map-tooltip' });
  let hovered: string[] = [];
  const hide = () => {
    hovered = [];
    popup.remove();
  };
  // Its own subscription: the numbers change with the store, whether or not the map is redrawing.
  const unsubscribe = useAppStore.subscribe((s, prev) => {
    if (hovered.length === 0 || !popup.isOpen()) return;
    if (selectShownResult(s) === selectShownResult(prev) && s.locale === prev.locale) return;
    const text = tooltipText(s, hovered);
    if (text) popup.setText(text);
    else hide();
  });
  return {
    show(s, ids, at) {
      const text = tooltipText(s, ids);
      if (!text) return hide();
      hovered = ids;
      popup.setLngLat(at).setText(text).addTo(map);
    },
    text(_s, at, name) {
      hovered = [];
      popup.setLngLat(at).setText(name).addTo(map);
    },
    hide,
    destroy() {
      unsubscribe();
      popup.remove();
    },
  };
}
