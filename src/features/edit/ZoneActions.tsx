import { AimOutlined, LockOutlined, MergeCellsOutlined, ScissorOutlined, SelectOutlined } from '@ant-design/icons';
import { Button, Space, Switch, Typography } from 'antd';
import { memo, useState } from 'react';
import { commitEdit, setDrawing } from '../../app/editActions';
import type { FeatureCollection } from 'geojson';
import { teachesLevel, type ZoneLevel } from '../../core/rules';
import { useT } from '../../store/selectors';
import { SchoolSelect } from './SchoolSelect';
import { useAppStore } from '../../store/store';

/** The ids of the schools with a zone of `level`, joined: the same string across edits that only move boundaries. */
function zonedSchoolIds(zones: FeatureCollection | undefined, level: ZoneLevel): string {
  return (zones?.features ?? []).filter((f) => f.properties?.level === level).map((f) => String(f.properties?.school_id)).join('\n');
}

/**
 * Lock, merge and unit reassignment for the selected school's zone of the current level. It reads
 * the zones only for which schools have one, so an edit that moves a boundary does not draw it again.
 */
export const ZoneActions = memo(function ZoneActions({ schoolId }: { schoolId: string }) {
  const t = useT();
  const level = useAppStore((s) => s.level);
  const schools = useAppStore((s) => s.dataset?.schools);
  const zonedIds = useAppStore((s) => zonedSchoolIds(s.dataset?.zones, s.level));
  const locked = useAppStore((s) => s.lockedZones[s.level].includes(schoolId));
  const picking = useAppStore((s) => s.unitPicking);
  const [mergeFrom, setMergeFrom] = useState<string>();
  const school = schools?.find((s) => s.id === schoolId);
  if (!schools || !school || school.ownership === 'private' || !teachesLevel(school.level, level)) return null;
  const zoned = new Set(zonedIds.split('\n'));
  const hasZone = zoned.has(schoolId);
  const others = schools.filter((s) => s.id !== schoolId && zoned.has(s.id));
  return (
    <div data-testid="zone-actions" style={{ marginTop: 8 }}>
      <Typography.Text strong>{t('zoneActions', { level: t(level) })}</Typography.Text>
      {!hasZone && <div>{t('noZone', { level: t(level) })}</div>}
      <Space wrap style={{ marginTop: 4 }}>
        {hasZone && (
          <span>
            <LockOutlined /> {t('lockZone')}{' '}
            <Switch size="small" checked={locked} data-testid="lock-zone" onChange={(on) => void commitEdit({ op: 'lockZone', level, schoolId, locked: on })} />
          </span>
        )}
        <Space.Compact>
          <SchoolSelect size="small" schools={others} value={mergeFrom} onChange={setMergeFrom} placeholder={t('mergeInto')} width={180} />
          <Button size="small" icon={<MergeCellsOutlined />} disabled={!mergeFrom} onClick={() => mergeFrom && void commitEdit({ op: 'mergeZones', level, schoolId, fromSchoolId: mergeFrom }).then(() => setMergeFrom(undefined))}>
            {t('merge')}
          </Button>
        </Space.Compact>
        <Button size="small" type={picking ? 'primary' : 'default'} icon={<AimOutlined />} title={t('pickingUnits')} onClick={() => useAppStore.setState({ unitPicking: !picking, drawing: false, vertexMode: false })}>
          {t('pickUnits')}
        </Button>
        <Button size="small" icon={<SelectOutlined />} onClick={() => setDrawing(true, 'units')}>{t('lassoUnits')}</Button>
        {hasZone && <Button size="small" icon={<ScissorOutlined />} data-testid="split-zone" disabled={locked} onClick={() => setDrawing(true, 'split')}>{t('splitZone')}</Button>}
      </Space>
    </div>
  );
});
