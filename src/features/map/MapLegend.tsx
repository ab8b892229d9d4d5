import { formatPercent } from '../../i18n/format';
import { NO_DATA_COLOR, PRIVATE_COLOR, STATUS_COLORS, UTILIZATION_STOPS } from '../../map/style';
import { useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/** Legend of the zone colouring in use. */
export function MapLegend() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const colorBy = useAppStore((s) => s.colorBy);
  const hasShared = useAppStore((s) => s.dataset?.zones.features.some((f) => f.properties.school_ids !== undefined) ?? false);
  // The map's hatch of shared zones (多校划片), shown when there is one.
  const shared = hasShared && (
    <div className="legend-item" data-testid="legend-shared">
      <span className="legend-swatch" style={{ background: 'repeating-linear-gradient(135deg, #37474f 0 2px, transparent 2px 6px)' }} />
      {t('sharedZone')}
    </div>
  );
  if (colorBy === 'utilization') {
    const gradient = `linear-gradient(to right, ${UTILIZATION_STOPS.map(([, c]) => c).join(', ')})`;
    return (
      <div className="map-legend">
        <div>{t('legendUtil')}</div>
        <div className="legend-bar" style={{ background: gradient }} />
        <div className="legend-scale">
          {UTILIZATION_STOPS.map(([v]) => <span key={v}>{formatPercent(locale, v)}</span>)}
        </div>
        <div className="legend-item"><span className="legend-swatch" style={{ background: NO_DATA_COLOR }} />{t('statusNoData')}</div>
        {shared}
      </div>
    );
  }
  const items = [
    [STATUS_COLORS[0], t('statusOk')],
    [STATUS_COLORS[1], t('statusOverCap')],
    [STATUS_COLORS[2], t('statusOversize')],
    [PRIVATE_COLOR, t('private')],
  ];
  return (
    <div className="map-legend">
      <div>{t('legendCompliance')}</div>
      {items.map(([c, label]) => <div className="legend-item" key={label}><span className="legend-swatch" style={{ background: c }} />{label}</div>)}
      {shared}
    </div>
  );
}
