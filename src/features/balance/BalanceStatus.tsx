import { Alert, Col, Progress, Row, Space, Statistic, Typography } from 'antd';
import { describeEditProblem } from '../../core/editProblems';
import { formatNumber } from '../../i18n/format';
import { useSchoolName, useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { computeLimitBreaks, firstYearBreaks, keptMoves } from './balanceModel';

/** A run's progress (phase, pupils over the limits, pupils moved, the best plan so far), what still fails, and the engine's check of the kept moves. */
export function BalanceStatus({ timeLimitS }: { timeLimitS: number }) {
  const t = useT();
  const view = useAppStore((s) => s.balance);
  const locale = useAppStore((s) => s.locale);
  const schoolName = useSchoolName();
  if (!view) return null;
  const { progress, plan, check } = view;
  const n = (v: number, digits = 0) => formatNumber(locale, v, digits);
  if (view.status === 'error') {
    const detail = view.error?.problem ? describeEditProblem(view.error.problem.code, view.error.problem.params, locale) : (view.error?.detail ?? '');
    return <Alert type="error" showIcon title={t('balanceError', { detail })} data-testid="balance-error" />;
  }
  const running = view.status === 'preparing' || view.status === 'running';
  const kept = plan ? keptMoves(plan.moves, view.removed).length : 0;
  const breaks = check?.years ? firstYearBreaks(check.years) : check?.result ? computeLimitBreaks(check.result) : undefined;
  // A plan of projected years names the year a school fails in.
  const named = (id: string, year: number | undefined) => (view.planned && year !== undefined ? t('balanceInYear', { school: schoolName(id), year: String(year) }) : schoolName(id));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={6} data-testid="balance-status">
      {running && (
        <Space data-testid="balance-progress">
          <Progress size="small" style={{ width: 200 }} percent={progress ? Math.min(99, Math.round(progress.elapsedMs / (timeLimitS * 10))) : 0} status="active" />
          <span>{progress ? t('balanceProgressLine', { phase: t(`balancePhase_${progress.phase}`), iteration: n(progress.iteration), seconds: n(progress.elapsedMs / 1000, 1) }) : t('balancePreparing')}</span>
        </Space>
      )}
      {progress && plan && (
        <Row gutter={8}>
          <Col span={6}><Statistic title={t('balanceOver')} value={n(progress.best.violation)} styles={{ content: { fontSize: 18, color: progress.best.violation > 0 ? '#cf1322' : '#389e0d' } }} data-testid="balance-over" /></Col>
          <Col span={6}><Statistic title={t('balanceMoved')} value={n(plan.pupilsMoved)} styles={{ content: { fontSize: 18 } }} data-testid="balance-moved" /></Col>
          <Col span={6}><Statistic title={t('balanceUnitsMoved')} value={n(plan.unitsMoved)} styles={{ content: { fontSize: 18 } }} /></Col>
          <Col span={6}><Statistic title={t('balanceAddedKm')} value={n(plan.objective.addedKm, 1)} styles={{ content: { fontSize: 18 } }} /></Col>
        </Row>
      )}
      {view.status === 'done' && view.cancelled && <Alert type="info" showIcon title={t('balanceCancelled')} data-testid="balance-cancelled" />}
      {view.status === 'done' && plan && (plan.limitsMet
        ? <Typography.Text type="success" data-testid="balance-met">{t('balanceLimitsMet')}</Typography.Text>
        : plan.failures.map((f) => (
          <Typography.Text type="danger" key={f.schoolId} data-testid="balance-failure">
            {t('balanceFailure', { school: named(f.schoolId, f.year), n: n(f.mustLeave), over: n(f.pupilsOver), rooms: n(f.roomsShort) })}
          </Typography.Text>
        )))}
      {view.status === 'done' && plan && !plan.contiguityChecked && <Typography.Text type="warning">{t('balanceNoContiguity')}</Typography.Text>}
      {view.status === 'done' && plan && (
        <div data-testid="balance-check">
          {!check && <Typography.Text type="secondary">{t('balanceChecking')}</Typography.Text>}
          {check?.problem && <Typography.Text type="danger">{t('balanceCheckRefused', { index: n((check.index ?? -1) + 1), reason: describeEditProblem(check.problem.code, check.problem.params, locale) })}</Typography.Text>}
          {breaks && breaks.length === 0 && <Typography.Text type="success">{t('balanceCheckOk', { n: n(kept) })}</Typography.Text>}
          {breaks && breaks.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('balanceCheckBreaks', { n: n(kept) })}
              description={breaks.map((b) => (
                <div key={b.id} data-testid="balance-break">
                  {named(b.id, b.year)}{locale === 'en' ? ': ' : '：'}{[b.oversize && t('balanceBreakOversize', { n: n(b.enrollment) }), b.classesOverCap > 0 && t('balanceBreakClasses', { n: n(b.classesOverCap) })].filter(Boolean).join(locale === 'en' ? ', ' : '，')}
                </div>
              ))}
            />
          )}
        </div>
      )}
    </Space>
  );
}
