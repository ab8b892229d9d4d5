import { Button, Checkbox, Divider, Form, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { memo, useMemo } from 'react';
import type { ZoneLevel } from '../../core/rules';
import { displayName, useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { BALANCE_YEARS_AHEAD, type BalanceForm, type BalanceScope } from './balanceModel';

const num = (v: number | null, fallback: number) => (v === null || !Number.isFinite(v) ? fallback : v);

/** The settings of a 自动均衡 run: level, the year planned for, schools that may change, locks, distance limits, goal and budget. */
export const BalanceSettingsForm = memo(function BalanceSettingsForm({ form, onChange, disabled }: { form: BalanceForm; onChange: (patch: Partial<BalanceForm>) => void; disabled: boolean }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const schools = useAppStore((s) => s.dataset?.schools);
  const units = useAppStore((s) => s.dataset?.units);
  const selected = useAppStore((s) => s.selectedSchoolId);
  const zoneLocks = useAppStore((s) => s.lockedZones.primary.length + s.lockedZones.junior.length);
  const baseYear = useAppStore((s) => s.dataset?.baseYear ?? new Date().getFullYear());
  const years = useMemo(() => Array.from({ length: BALANCE_YEARS_AHEAD + 1 }, (_, k) => baseYear + k), [baseYear]);
  const schoolOptions = useMemo(() => (schools ?? []).map((s) => ({ value: s.id, label: displayName(s, locale) })), [schools, locale]);
  const unitOptions = useMemo(() => (units?.features ?? []).map((f) => ({ value: String(f.properties?.id), label: String(f.properties?.name ?? f.properties?.id) })), [units]);
  const numberField = (key: 'nearestSchools' | 'maxDistanceKm' | 'maxAddedKm' | 'entrantWeight' | 'minOpeningUtilization' | 'timeLimitS' | 'iterations' | 'seed', label: string, min: number, max: number, step = 1) => (
    <Form.Item label={label} style={{ marginBottom: 6 }}>
      <InputNumber size="small" min={min} max={max} step={step} value={form[key]} onChange={(v) => onChange({ [key]: num(v, form[key]) })} data-testid={`balance-${key}`} style={{ width: 110 }} />
    </Form.Item>
  );
  return (
    <Form layout="horizontal" size="small" disabled={disabled} labelCol={{ flex: '240px' }} labelAlign="left" labelWrap colon={false}>
      <Form.Item label={t('balanceLevel')} style={{ marginBottom: 6 }}>
        <Radio.Group
          optionType="button"
          value={form.level}
          onChange={(e) => onChange({ level: e.target.value as ZoneLevel | 'both' })}
          options={[{ value: 'both', label: t('balanceBoth') }, { value: 'primary', label: t('primary') }, { value: 'junior', label: t('junior') }]}
          data-testid="balance-level"
        />
      </Form.Item>
      <Form.Item label={t('balanceYear')} style={{ marginBottom: 6 }}>
        <Space wrap>
          <Select
            style={{ width: 240 }}
            value={form.year ?? baseYear}
            options={years.map((y) => ({ value: y, label: t(y === baseYear ? 'balanceYearBase' : 'balanceYearProjected', { year: String(y) }) }))}
            onChange={(year: number) => onChange({ year: year === baseYear ? undefined : year, ...(year === baseYear && { everyYear: false }) })}
            data-testid="balance-year"
          />
          <Checkbox checked={form.everyYear} disabled={disabled || form.year === undefined} onChange={(e) => onChange({ everyYear: e.target.checked })} data-testid="balance-every-year">
            {t('balanceEveryYear')}
          </Checkbox>
        </Space>
      </Form.Item>
      <Form.Item label={t('balanceScope')} style={{ marginBottom: 6 }}>
        <Radio.Group
          value={form.scope}
          onChange={(e) => onChange({ scope: e.target.value as BalanceScope })}
          options={[{ value: 'all', label: t('balanceScopeAll') }, { value: 'nearOver', label: t('balanceScopeNearOver') }, { value: 'picked', label: t('balanceScopePicked') }]}
          data-testid="balance-scope"
        />
      </Form.Item>
      {form.scope === 'picked' && (
        <Form.Item label=" " style={{ marginBottom: 6 }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Select mode="multiple" allowClear optionFilterProp="label" value={form.picked} options={schoolOptions} onChange={(picked) => onChange({ picked })} data-testid="balance-picked" />
            <Button size="small" disabled={disabled || !selected || form.picked.includes(selected)} onClick={() => selected && onChange({ picked: [...form.picked, selected] })} data-testid="balance-pick-selected">
              {t('balancePickSelected')}
            </Button>
          </Space>
        </Form.Item>
      )}
      <Form.Item label={t('balanceLockSchools')} style={{ marginBottom: 6 }} extra={zoneLocks > 0 ? t('balanceZoneLocks', { n: zoneLocks }) : undefined}>
        <Select mode="multiple" allowClear optionFilterProp="label" value={form.lockedSchools} options={schoolOptions} onChange={(lockedSchools) => onChange({ lockedSchools })} data-testid="balance-lock-schools" />
      </Form.Item>
      <Form.Item label={t('balanceLockUnits')} style={{ marginBottom: 6 }}>
        <Select mode="multiple" allowClear optionFilterProp="label" value={form.lockedUnits} options={unitOptions} onChange={(lockedUnits) => onChange({ lockedUnits })} data-testid="balance-lock-units" />
      </Form.Item>
      <Divider plain titlePlacement="start" style={{ margin: '6px 0' }}><Typography.Text type="secondary">{t('balanceDistance')}</Typography.Text></Divider>
      {numberField('nearestSchools', t('balanceNearest'), 1, 20)}
      {numberField('maxDistanceKm', t('balanceMaxKm'), 0.5, 50, 0.5)}
      {numberField('maxAddedKm', t('balanceMaxAddedKm'), 0, 50, 0.5)}
      <Divider plain titlePlacement="start" style={{ margin: '6px 0' }}><Typography.Text type="secondary">{t('balanceGoal')}</Typography.Text></Divider>
      {numberField('entrantWeight', t('balanceEntrantWeight'), 0, 1, 0.1)}
      <Form.Item label={t('balancePhaseIn')} style={{ marginBottom: 6 }}>
        <Checkbox checked={form.phaseIn} onChange={(e) => onChange({ phaseIn: e.target.checked })} data-testid="balance-phaseIn" />
      </Form.Item>
      {numberField('minOpeningUtilization', t('balanceMinOpening'), 0, 1, 0.05)}
      <Divider plain titlePlacement="start" style={{ margin: '6px 0' }}><Typography.Text type="secondary">{t('balanceBudget')}</Typography.Text></Divider>
      {numberField('timeLimitS', t('balanceTimeS'), 0.5, 600, 0.5)}
      {numberField('iterations', t('balanceIterations'), 0, 1_000_000, 50)}
      {numberField('seed', t('balanceSeed'), 0, 2 ** 32 - 1)}
    </Form>
  );
});
