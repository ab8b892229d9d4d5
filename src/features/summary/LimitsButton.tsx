import { Alert, Button, Form, InputNumber, Modal, Space, Typography } from 'antd';
import { memo, useState } from 'react';
import { setLimits } from '../../app/editActions';
import { DEFAULT_LIMITS, LIMIT_FIELDS, limitsProblems, limitValue, sameLimits, withLimitValue, type Limits } from '../../core/limits';
import { describeLimits, describeLimitsProblem, describeSchoolSystem, LIMIT_FIELD_LABELS } from '../../i18n/limitText';
import { useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/**
 * The county's own class caps, school sizes and 大班额 bands (DOMAIN.md: local rules differ): a
 * button naming whether the national figures apply, and a dialog that checks what is typed and
 * applies it to every school (the worker recomputes from scratch); under 五四制 a line says so.
 * Memoised: the county card around it is drawn again at every edit.
 */
export const LimitsButton = memo(function LimitsButton() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const current = useAppStore((s) => s.limits);
  const system = useAppStore((s) => s.dataset?.schoolSystem);
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Limits>(current);
  const problems = limitsProblems(draft);
  const national = sameLimits(current, DEFAULT_LIMITS);
  return (
    <Space size="small" className="limits-setting" wrap>
      <Button size="small" onClick={() => { setDraft(current); setOpen(true); }} data-testid="edit-limits">
        {t('limitsButton', { state: t(national ? 'limitsNational' : 'limitsCustom') })}
      </Button>
      {!national && <Typography.Text type="secondary" data-testid="limits-line">{describeLimits(current, locale)}</Typography.Text>}
      {system === '5-4' && <Typography.Text type="secondary" data-testid="school-system-line">{describeSchoolSystem(system, locale)}</Typography.Text>}
      <Modal
        open={open}
        title={t('limitsTitle')}
        width={520}
        onCancel={() => setOpen(false)}
        footer={[
          <Button key="reset" onClick={() => setDraft(DEFAULT_LIMITS)} data-testid="reset-limits">{t('limitsReset')}</Button>,
          <Button key="ok" type="primary" disabled={problems.length > 0} data-testid="save-limits" onClick={() => { setOpen(false); void setLimits(draft); }}>{t('limitsApply')}</Button>,
        ]}
      >
        <Typography.Paragraph type="secondary">{t('limitsHint')}</Typography.Paragraph>
        <Form layout="horizontal" labelCol={{ span: 14 }} wrapperCol={{ span: 10 }} size="small">
          {LIMIT_FIELDS.map((field) => (
            <Form.Item key={field} label={t(LIMIT_FIELD_LABELS[field])} style={{ marginBottom: 8 }}>
              <InputNumber value={Number.isNaN(limitValue(draft, field)) ? null : limitValue(draft, field)} onChange={(v) => setDraft(withLimitValue(draft, field, v ?? Number.NaN))} suffix={t(field === 'maxSchoolSize' || field === 'maxNineYearSchoolSize' ? 'limitUnitSchool' : 'limitUnitClass')} style={{ width: 140 }} data-testid={`limit-${field}`} />
            </Form.Item>
          ))}
        </Form>
        {problems.length > 0 && (
          <Alert type="error" showIcon data-testid="limits-problems" message={<ul style={{ margin: 0, paddingLeft: 18 }}>{problems.map((p) => <li key={describeLimitsProblem(p, locale)}>{describeLimitsProblem(p, locale)}</li>)}</ul>} />
        )}
      </Modal>
    </Space>
  );
});
