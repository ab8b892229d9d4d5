import { Segmented } from 'antd';
import { useEffect, useRef } from 'react';
import { createMapController } from '../../map/mapController';
import { registerMap } from '../../map/mapImage';
import { useT } from '../../store/selectors';
import { uiActions, useAppStore, type ColorBy, type PupilMode } from '../../store/store';
import type { ZoneLevel } from '../../core/rules';
import { MapLegend } from './MapLegend';
import { EditToolbar } from '../edit/EditToolbar';
import { LiveFigures } from '../edit/LiveFigures';
import { ViewYearSelect } from './ViewYearSelect';
import { SentPastSwitch } from '../distance/SentPastSwitch';

/** The map with its display switches; the map itself is driven by the store (src/map). */
export function MapPanel() {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const level = useAppStore((s) => s.level);
  const colorBy = useAppStore((s) => s.colorBy);
  const pupilMode = useAppStore((s) => s.pupilMode);
  useEffect(() => {
    const controller = createMapController(container.current!);
    window.__planner = { ...window.__planner!, map: controller.map };
    registerMap(controller.map);
    return () => {
      registerMap(undefined);
      controller.destroy();
    };
  }, []);
  return (
    <div className="map-panel">
      <div className="map-container" ref={container} data-testid="map" />
      <div className="map-toolbar">
        <Segmented<ZoneLevel> value={level} onChange={uiActions.setLevel} options={[{ value: 'primary', label: t('primary') }, { value: 'junior', label: t('junior') }]} data-testid="level-switch" />
        <ViewYearSelect />
        <Segmented<ColorBy> value={colorBy} onChange={uiActions.setColorBy} options={[{ value: 'utilization', label: t('byUtilization') }, { value: 'compliance', label: t('byCompliance') }, { value: 'warning', label: t('byWarning') }, { value: 'distance', label: t('byDistance') }]} data-testid="color-by" />
        <SentPastSwitch />
        <EditToolbar />
        <Segmented<PupilMode> value={pupilMode} onChange={uiActions.setPupilMode} options={[{ value: 'density', label: `${t('pupils')}: ${t('pupilsDensity')}` }, { value: 'dots', label: t('pupilsDots') }, { value: 'off', label: t('pupilsOff') }]} />
      </div>
      <MapLegend />
      <LiveFigures />
    </div>
  );
}
