import { Button, Form, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { setWarningSettings } from '../../app/warningActions';
import { DEFAULT_WARNING, type WarningSettings } from '../../core/warning/settings';
import { useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/** Edits the warning settings of the standards profile: thresholds, years per level, the spreads of the uncertain inputs, draws and seed. */
export function WarningSettingsButton() {
  const t = useT();
  const current = useAppStore((s) => s.profile.warning ?? DEFAULT_WARNING);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<WarningSettings>(current);
  const num = (label: string, value: number, put: (v: number) => WarningSettings, opts: { min: number; max: number; step: number; precision?: number }, testId: string) => (
    <Form.Item label={label} style={{ marginBottom: 6 }}>
      <InputNumber size="small" {...opts} value={value} onChange={(v) => v !== null && setDraft(put(v))} data-testid={testId} />
    </Form.Item>
  );
  return (
    <>
      <Button size="small" onClick={() => { setDraft(current); setOpen(true); }} data-testid="warning-settings">{t('warnSettings')}</Button>
      <Modal
        open={open}
        title={t('warnSettings')}
        onCancel={() => setOpen(false)}
        footer={[
          <Button key="reset" onClick={() => setDraft(DEFAULT_WARNING)}>{t('warnReset')}</Button>,
          <Button key="ok" type="primary" data-testid="warning-settings-save" disabled={draft.yellowAt > draft.redAt} onClick={() => { void setWarningSettings(draft); setOpen(false); }}>{t('applyLevers')}</Button>,
        ]}
      >
        <Form layout="horizontal" labelCol={{ span: 14 }} size="small">
          {num(t('warnYellowAt'), draft.yellowAt, (v) => ({ ...draft, yellowAt: v }), { min: 0, max: 10, step: 0.05 }, 'warning-yellowAt')}
          {num(t('warnRedAt'), draft.redAt, (v) => ({ ...draft, redAt: v }), { min: 0, max: 10, step: 0.05 }, 'warning-redAt')}
          {(['primary', 'junior'] as const).map((level) => num(t(`warnYears_${level}`), draft.years[level], (v) => ({ ...draft, years: { ...draft.years, [level]: v } }), { min: 1, max: 10, step: 1, precision: 0 }, `warning-years-${level}`))}
          {(['entryRate', 'progression', 'perHousehold', 'fillYears'] as const).map((key) => num(t(`warnSpread_${key}`), draft.spreads[key], (v) => ({ ...draft, spreads: { ...draft.spreads, [key]: v } }), { min: 0, max: key === 'fillYears' ? 10 : 1, step: key === 'fillYears' ? 0.5 : 0.01 }, `warning-spread-${key}`))}
          {num(t('warnDraws'), draft.draws, (v) => ({ ...draft, draws: v }), { min: 10, max: 100_000, step: 100, precision: 0 }, 'warning-draws')}
          {num(t('warnSeed'), draft.seed, (v) => ({ ...draft, seed: v }), { min: -(2 ** 31), max: 2 ** 31 - 1, step: 1, precision: 0 }, 'warning-seed')}
        </Form>
      </Modal>
    </>
  );
}
