import { Space, Switch, Typography } from 'antd';
import { useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/** Shows or hides on the map the areas whose school the compared scenario changes. */
export function ChangedAreasSwitch() {
  const t = useT();
  const show = useAppStore((s) => s.showChangedAreas);
  const areas = useAppStore((s) => s.changedAreas);
  const of = useAppStore((s) => s.scenarios.find((d) => d.id === s.changedAreasOf)?.name);
  const none = !areas || areas.features.length === 0;
  return (
    <Space size={4}>
      <Switch size="small" checked={show && !none} disabled={none} onChange={(showChangedAreas) => useAppStore.setState({ showChangedAreas })} data-testid="show-changed-areas" />
      <Typography.Text type={none ? 'secondary' : undefined}>{none ? t('noChangedAreas') : `${t('showChangedAreas')} · ${t('changedAreas', { name: of ?? '' })}`}</Typography.Text>
    </Space>
  );
}
