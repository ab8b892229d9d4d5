import { bbox } from '@turf/turf';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AppState } from '../store/store';

/**
 * Brings the selected school into view when asked (uiActions.focusSchool, from a table): its zone
 * at the level shown with the school's marker, or the marker alone when it has no zone there.
 * The map's right and bottom edges may lie under the side panel or the compare drawer, so the
 * view leaves room there.
 */
export function createFocus(map: MapLibreMap): { sync: (s: AppState, prev: AppState | undefined) => void } {
  return {
    sync(s, prev) {
      if (!prev || s.focusRequest === prev.focusRequest || !s.dataset || !s.selectedSchoolId) return;
      const school = s.dataset.schools.find((x) => x.id === s.selectedSchoolId);
      if (!school) return;
      const zone = s.dataset.zones.features.find((f) => f.properties.level === s.level && f.properties.school_id === school.id);
      const [x0, y0, x1, y1] = zone ? bbox(zone) : [school.lon, school.lat, school.lon, school.lat];
      const box: [number, number, number, number] = [Math.min(x0, school.lon), Math.min(y0, school.lat), Math.max(x1, school.lon), Math.max(y1, school.lat)];
      const bottom = s.compareOpen ? Math.min(map.getContainer().clientHeight * 0.55, 420) : 40;
      map.fitBounds(box, { padding: { top: 110, left: 40, right: 40, bottom }, maxZoom: 14, duration: 600 });
    },
  };
}
