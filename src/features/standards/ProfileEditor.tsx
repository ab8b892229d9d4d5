import { Button, Checkbox, InputNumber, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import { setProfile } from '../../app/editActions';
import { INDICATORS, NATIONAL_PROFILE, type IndicatorKey, type StandardsProfile } from '../../core/standards';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';

type Row = { key: IndicatorKey | 'cvMax' | 'nearbyMin'; label: string };

/** Edits the thresholds of the standards profile (e.g. a province's stricter figures). */
export function ProfileEditor() {
  const t = useT();
  const current = useAppStore((s) => s.profile);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<StandardsProfile>(current);
  const rows: Row[] = [
    ...INDICATORS.map((k) => ({ key: k, label: t(`ind_${k}` as MessageKey) })),
    { key: 'cvMax', label: t('cvMaxLabel') },
    { key: 'nearbyMin', label: t('nearbyMinLabel') },
  ];
  const value = (row: Row, level: 'primary' | 'junior') =>
    row.key === 'cvMax' ? draft.cvMax[level] : row.key === 'nearbyMin' ? draft.nearbyMin[level] : draft.thresholds[level][row.key];
  const change = (row: Row, level: 'primary' | 'junior', v: number | null) => {
    if (v === null) return;
    const next = structuredClone(draft);
    if (row.key === 'cvMax') next.cvMax[level] = v;
    else if (row.key === 'nearbyMin') next.nearbyMin[level] = v;
    else next.thresholds[level][row.key] = v;
    setDraft(next);
  };
  const cell = (level: 'primary' | 'junior') => (_: unknown, row: Row) => (
    <InputNumber size="small" min={0} step={0.1} value={value(row, level)} onChange={(v) => change(row, level, v)} data-testid={`profile-${row.key}-${level}`} />
  );
  return (
    <>
      <Button size="small" onClick={() => { setDraft(current); setOpen(true); }} data-testid="edit-profile">{t('profileButton')}</Button>
      <Modal
        open={open}
        title={t('profileTitle')}
        width={640}
        onCancel={() => setOpen(false)}
        footer={[
          <Button key="reset" onClick={() => setDraft(NATIONAL_PROFILE)}>{t('profileReset')}</Button>,
          <Button key="ok" type="primary" data-testid="save-profile" onClick={() => { void setProfile({ ...draft, name: draft === NATIONAL_PROFILE ? NATIONAL_PROFILE.name : t('profileCustom') }); setOpen(false); }}>{t('applyLevers')}</Button>,
        ]}
      >
        <Table<Row>
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={rows}
          columns={[
            { title: '', dataIndex: 'label' },
            { title: t('primary'), render: cell('primary'), width: 120 },
            { title: t('junior'), render: cell('junior'), width: 120 },
          ]}
        />
        <Space wrap style={{ marginTop: 12 }}>
          <span>{t('minMetLabel')}</span>
          <InputNumber size="small" min={0} max={7} precision={0} value={draft.minMet} onChange={(v) => v !== null && setDraft({ ...draft, minMet: v })} data-testid="profile-minMet" />
          <span>{t('missedFloorLabel')}</span>
          <InputNumber size="small" min={0} max={1} step={0.01} value={draft.missedFloor} onChange={(v) => v !== null && setDraft({ ...draft, missedFloor: v })} data-testid="profile-missedFloor" />
          <span>{t('nineYearWeightLabel')}</span>
          <InputNumber size="small" min={0.1} max={5} step={0.1} value={draft.nineYearJuniorWeight} onChange={(v) => v !== null && setDraft({ ...draft, nineYearJuniorWeight: v })} data-testid="profile-nineYearJuniorWeight" />
          <Checkbox checked={draft.includePrivateInCv} onChange={(e) => setDraft({ ...draft, includePrivateInCv: e.target.checked })} data-testid="profile-includePrivate">{t('includePrivateLabel')}</Checkbox>
        </Space>
      </Modal>
    </>
  );
}
