import { Button, Drawer, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { acceptBalance, cancelBalance, openBalance, startBalance } from '../../app/balanceActions';
import { activeScenario } from '../../app/scenarioActions';
import { useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { BalanceMovesTable } from './BalanceMovesTable';
import { BalanceSettingsForm } from './BalanceSettingsForm';
import { BalanceStatus } from './BalanceStatus';
import { DEFAULT_BALANCE_FORM, type BalanceForm } from './balanceModel';
import './balance.css';

/** The 自动均衡 drawer: settings, run / stop / accept, live progress, the moves (removable) and the engine's check. */
export function BalancePanel() {
  const t = useT();
  const open = useAppStore((s) => s.balanceOpen);
  // Only what the buttons need: the progress reports redraw the status and the moves, not the form.
  const status = useAppStore((s) => s.balance?.status);
  const acceptedId = useAppStore((s) => s.balance?.acceptedId);
  const plan = useAppStore((s) => s.balance?.plan);
  const removed = useAppStore((s) => s.balance?.removed);
  const scenarios = useAppStore((s) => s.scenarios);
  const activeId = useAppStore((s) => s.activeScenarioId);
  const [form, setForm] = useState<BalanceForm>(DEFAULT_BALANCE_FORM);
  const onChange = useCallback((patch: Partial<BalanceForm>) => setForm((f) => ({ ...f, ...patch })), []);
  const running = status === 'preparing' || status === 'running';
  const done = status === 'done' && !!plan;
  const accepted = acceptedId ? scenarios.find((d) => d.id === acceptedId) : undefined;
  return (
    <Drawer
      placement="right"
      size={780}
      resizable
      mask={false}
      open={open}
      onClose={() => openBalance(false)}
      title={t('balanceTitle', { scenario: activeScenario()?.name ?? scenarios.find((d) => d.id === activeId)?.name ?? '' })}
      extra={(
        <Space>
          <Button type="primary" size="small" disabled={running} onClick={() => void startBalance(form)} data-testid="balance-run">{t('balanceRun')}</Button>
          <Button size="small" disabled={!running} onClick={() => void cancelBalance()} data-testid="balance-cancel">{t('balanceCancel')}</Button>
          <Button size="small" disabled={!done || !!acceptedId || (plan?.moves.length ?? 0) === 0} onClick={() => void acceptBalance()} data-testid="balance-accept">{t('balanceAccept')}</Button>
        </Space>
      )}
      styles={{ body: { padding: 12 } }}
      data-testid="balance-panel"
    >
      <Space direction="vertical" style={{ width: '100%' }} size={8}>
        <Typography.Text type="secondary">{t('balanceIntro')}</Typography.Text>
        <BalanceSettingsForm form={form} onChange={onChange} disabled={running} />
        {status && <BalanceStatus timeLimitS={form.timeLimitS} />}
        {accepted && <Typography.Text type="success" data-testid="balance-accepted">{t('balanceAccepted', { name: accepted.name })}</Typography.Text>}
        {plan && removed && plan.moves.length > 0 && (
          <>
            <Typography.Text strong>{t('balanceMoves', { n: plan.moves.length })}</Typography.Text>
            <Typography.Text type="secondary">{t('balanceMapNote')}</Typography.Text>
            <BalanceMovesTable moves={plan.moves} removed={removed} editable={done && !acceptedId} />
          </>
        )}
      </Space>
    </Drawer>
  );
}
