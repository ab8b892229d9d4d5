import { Segmented } from 'antd';
import { useT } from '../../store/selectors';
import { uiActions, useAppStore, type ColorBy, type PupilMode } from '../../store/store';
import type { ZoneLevel } from '../../core/rules';
import { MapLegend } from './MapLegend';
import { EditToolbar } from '../edit/EditToolbar';
import { LiveFigures } from '../edit/LiveFigures';
import { ViewYearSelect } from './ViewYearSelect';
import { SentPastSwitch } from '../distance/SentPastSwitch';

/** What lies over the map: its display switches, the edit toolbar, the legend and the live figures. */
export function MapControls() {
  const t = useT();
  const level = useAppStore((s) => s.level);
  const colorBy = useAppStore((s) => s.colorBy);
  const pupilMode = useAppStore((s) => s.pupilMode);
  return (
    <>
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
    </>
  );
}
