import { Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { refreshSentPastLines, setShowSentPast } from '../../app/distanceActions';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/**
 * In the distance colouring: the switch for the lines from the compounds sent past a nearer school
 * to that school; while on, the lines follow every edit and the level shown.
 */
export function SentPastSwitch() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const colorBy = useAppStore((s) => s.colorBy);
  const show = useAppStore((s) => s.showSentPast);
  const distance = useAppStore((s) => s.distance);
  const level = useAppStore((s) => s.level);
  const lines = useAppStore((s) => s.sentPastLines);
  useEffect(() => {
    void refreshSentPastLines();
  }, [show, colorBy, distance, level]);
  if (colorBy !== 'distance') return null;
  const pupils = lines?.features.reduce((a, f) => a + f.properties.pupils, 0) ?? 0;
  return (
    <Space size={4} className="map-switch">
      <Switch size="small" checked={show} onChange={(on) => void setShowSentPast(on)} data-testid="show-sent-past" />
      <Typography.Text style={{ fontSize: 12 }}>
        {t('showSentPast')}
        {show && lines && <span data-testid="sent-past-count"> · {t('sentPastLines', { n: formatNumber(locale, lines.features.length), pupils: formatNumber(locale, pupils) })}</span>}
      </Typography.Text>
    </Space>
  );
}
