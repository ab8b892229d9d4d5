import { useEffect, useState } from 'react';
import type { MovedGroup } from '../../core/moves';
import { formatNumber } from '../../i18n/format';
import { FLASH_MS } from '../../map/changeFlash';
import { FLASH_COLOR } from '../../map/layers';
import { SENT_PAST_COLOR } from '../../map/roadLayers';
import { legendEntries } from '../../map/legendEntries';
import { warningYearOf } from '../../map/warningTiers';
import { useSchoolName, useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/** The moves of the last edit while they are outlined on the map (FLASH_MS), then none. */
function useRecentMoves(): MovedGroup[] {
  const moved = useAppStore((s) => s.moved);
  const [recent, setRecent] = useState<MovedGroup[]>([]);
  useEffect(() => {
    setRecent(moved);
    const timer = setTimeout(() => setRecent([]), FLASH_MS);
    return () => clearTimeout(timer);
  }, [moved]);
  return recent;
}

/** Legend of the zone colouring in use, and for a few seconds after an edit, what it changed. */
export function MapLegend() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const colorBy = useAppStore((s) => s.colorBy);
  const nameOf = useSchoolName();
  const warningYear = useAppStore(warningYearOf);
  const warningSettings = useAppStore((s) => s.profile.warning);
  const showSentPast = useAppStore((s) => s.showSentPast);
  const recent = useRecentMoves();
  const hasShared = useAppStore((s) => s.dataset?.zones.features.some((f) => f.properties.school_ids !== undefined) ?? false);
  // The pupils the last edit moved, by the schools they move between (largest flows first).
  const flows = new Map<string, { from: string | null; to: string | null; count: number }>();
  for (const g of recent) {
    const k = `${g.from}|${g.to}`;
    flows.set(k, { from: g.from, to: g.to, count: (flows.get(k)?.count ?? 0) + g.count });
  }
  const top = [...flows.values()].sort((a, b) => b.count - a.count).slice(0, 2);
  return (
    <div className="map-legend" data-testid="map-legend">
      <div className="legend-title">{colorBy === 'utilization' ? t('legendUtil') : colorBy === 'warning' ? t('legendWarning', { year: warningYear ?? '' }) : colorBy === 'distance' ? t('legendDistance') : t('legendCompliance')}</div>
      <div className="legend-items">
        {legendEntries(colorBy, locale, warningSettings).map((e) => (
          <div className="legend-item" key={e.label}><span className="legend-swatch" style={{ background: e.color }} />{e.label}</div>
        ))}
      </div>
      {colorBy === 'distance' && showSentPast && (
        <div className="legend-item" data-testid="legend-sent-past">
          <span className="legend-swatch" style={{ height: 3, background: SENT_PAST_COLOR }} />
          {t('showSentPast')}
        </div>
      )}
      {hasShared && (
        <div className="legend-item" data-testid="legend-shared">
          <span className="legend-swatch" style={{ background: 'repeating-linear-gradient(135deg, #37474f 0 2px, transparent 2px 6px)' }} />
          {t('sharedZone')}
        </div>
      )}
      {top.length > 0 && (
        <div className="legend-change" data-testid="legend-change">
          <span className="legend-swatch" style={{ border: `2px solid ${FLASH_COLOR}` }} />
          <span>
            {t('lastChange', { n: formatNumber(locale, recent.reduce((a, g) => a + g.count, 0)) })}
            {top.map((f) => <div key={`${f.from}|${f.to}`}>{nameOf(f.from)} → {nameOf(f.to)} {formatNumber(locale, f.count)}</div>)}
          </span>
        </div>
      )}
    </div>
  );
}
