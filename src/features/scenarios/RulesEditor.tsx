import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Divider, Form, InputNumber, Modal, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { setScenarioRules } from '../../app/scenarioActions';
import { MAX_GRADE, ZONE_LEVELS } from '../../core/rules';
import type { ProjectionSettings, ScenarioRules } from '../../core/scenarioRules';
import { displayName, useT } from '../../store/selectors';
import { useAppStore, type ScenarioDoc } from '../../store/store';

interface FormValues {
  phaseInOn: boolean;
  phaseInFrom?: number;
  openings: ScenarioRules['openings'];
  classroomAdditions: ScenarioRules['classroomAdditions'];
  privateShares: (Omit<ScenarioRules['privateShares'][number], 'share'> & { percent: number })[];
  diversions: ScenarioRules['diversions'];
  years: number;
  entryRate: number;
  progression: Record<number, number>;
}

const PROGRESSION_GRADES = Array.from({ length: MAX_GRADE - 1 }, (_, i) => i + 2);

const toForm = (doc: ScenarioDoc, baseYear: number): FormValues => ({
  phaseInOn: doc.rules.phaseIn !== undefined,
  phaseInFrom: doc.rules.phaseIn?.fromYear ?? baseYear + 1,
  openings: doc.rules.openings,
  classroomAdditions: doc.rules.classroomAdditions,
  privateShares: doc.rules.privateShares.map(({ share, ...p }) => ({ ...p, percent: Math.round(share * 1000) / 10 })),
  diversions: doc.rules.diversions,
  years: doc.projection.years,
  entryRate: doc.projection.entryRate,
  progression: Object.fromEntries(PROGRESSION_GRADES.map((g) => [g, doc.projection.progression[g] ?? 1])),
});

function fromForm(v: FormValues, previous: ProjectionSettings): { rules: ScenarioRules; projection: ProjectionSettings } {
  return {
    rules: {
      phaseIn: v.phaseInOn && v.phaseInFrom !== undefined ? { fromYear: v.phaseInFrom } : undefined,
      openings: v.openings ?? [],
      classroomAdditions: v.classroomAdditions ?? [],
      privateShares: (v.privateShares ?? []).map(({ percent, ...p }) => ({ ...p, share: percent / 100 })),
      diversions: v.diversions ?? [],
    },
    projection: {
      ...previous,
      years: v.years,
      entryRate: v.entryRate,
      progression: Object.fromEntries(Object.entries(v.progression ?? {}).filter(([, r]) => r !== 1 && r !== null)),
    },
  };
}

/** The rules of a scenario beyond its boundaries, and how it is projected. */
export function RulesEditor({ doc, onClose }: { doc: ScenarioDoc; onClose: () => void }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const dataset = useAppStore((s) => s.dataset)!;
  const [form] = Form.useForm<FormValues>();
  const schoolOptions = (filter: (s: (typeof dataset.schools)[number]) => boolean = () => true) =>
    dataset.schools.filter(filter).map((s) => ({ value: s.id, label: displayName(s, locale) }));
  const year = { min: 1990, max: 2200, style: { width: 90 } };
  const required = [{ required: true, message: '' }];
  const list = (name: keyof FormValues, title: string, row: (field: { name: number; key: number }) => ReactNode, blank: object) => (
    <>
      <Divider titlePlacement="start" plain>{title}</Divider>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap>
                {row(field)}
                <MinusCircleOutlined aria-label={t('remove')} onClick={() => remove(field.name)} />
              </Space>
            ))}
            <Button data-testid={`add-${name}`} size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add(blank)}>{t('add')}</Button>
          </>
        )}
      </Form.List>
    </>
  );
  return (
    <Modal
      open
      width={760}
      title={t('rulesTitle', { name: doc.name })}
      okText={t('save')}
      okButtonProps={{ 'data-testid': 'rules-save' }}
      onCancel={onClose}
      onOk={() => form.validateFields().then((v) => {
        const { rules, projection } = fromForm(v, doc.projection);
        setScenarioRules(doc.id, rules, projection);
        onClose();
      })}
    >
      <Form form={form} initialValues={toForm(doc, dataset.baseYear)} size="small" layout="inline" className="rules-form">
        <Space wrap>
          <Form.Item name="phaseInOn" valuePropName="checked"><Checkbox data-testid="phase-in">{t('phaseIn')}</Checkbox></Form.Item>
          <Form.Item name="phaseInFrom" label={t('phaseInFrom')}><InputNumber data-testid="phase-in-year" {...year} /></Form.Item>
        </Space>
        {list('openings', t('openings'), (f) => (
          <>
            <Form.Item name={[f.name, 'schoolId']} rules={required}><Select showSearch optionFilterProp="label" style={{ width: 220 }} placeholder={t('school')} options={schoolOptions()} /></Form.Item>
            <Form.Item name={[f.name, 'year']} rules={required} label={t('year')}><InputNumber {...year} /></Form.Item>
          </>
        ), { year: dataset.baseYear + 1 })}
        {list('classroomAdditions', t('classroomAdditions'), (f) => (
          <>
            <Form.Item name={[f.name, 'schoolId']} rules={required}><Select showSearch optionFilterProp="label" style={{ width: 220 }} placeholder={t('school')} options={schoolOptions()} /></Form.Item>
            <Form.Item name={[f.name, 'year']} rules={required} label={t('year')}><InputNumber {...year} /></Form.Item>
            <Form.Item name={[f.name, 'rooms']} rules={required} label={t('rooms')}><InputNumber min={0} max={500} precision={0} /></Form.Item>
          </>
        ), { year: dataset.baseYear + 1, rooms: 6 })}
        {list('privateShares', t('privateShares'), (f) => (
          <>
            <Form.Item name={[f.name, 'schoolId']} rules={required}><Select style={{ width: 200 }} placeholder={t('school')} options={schoolOptions((s) => s.ownership === 'private')} /></Form.Item>
            <Form.Item name={[f.name, 'level']} rules={required}><Select style={{ width: 110 }} options={ZONE_LEVELS.map((l) => ({ value: l, label: t(l) }))} /></Form.Item>
            <Form.Item name={[f.name, 'percent']} rules={required} label={t('share')}><InputNumber min={0} max={100} /></Form.Item>
            <Form.Item name={[f.name, 'fromYear']} label={t('phaseInFrom')}><InputNumber {...year} /></Form.Item>
          </>
        ), { level: 'primary', percent: 10 })}
        {list('diversions', t('diversions'), (f) => (
          <>
            <Form.Item name={[f.name, 'fromSchoolId']} rules={required} label={t('from')}><Select showSearch optionFilterProp="label" style={{ width: 170 }} options={schoolOptions((s) => s.ownership === 'public')} /></Form.Item>
            <Form.Item name={[f.name, 'toSchoolId']} rules={required} label={t('to')}><Select showSearch optionFilterProp="label" style={{ width: 170 }} options={schoolOptions()} /></Form.Item>
            <Form.Item name={[f.name, 'grades']} rules={required} label={t('grades')}><Select mode="multiple" style={{ width: 150 }} options={Array.from({ length: MAX_GRADE }, (_, i) => ({ value: i + 1, label: String(i + 1) }))} /></Form.Item>
            <Form.Item name={[f.name, 'count']} rules={required} label={t('count')}><InputNumber min={0} precision={0} /></Form.Item>
            <Form.Item name={[f.name, 'year']} rules={required} label={t('year')}><InputNumber {...year} /></Form.Item>
          </>
        ), { year: dataset.baseYear, grades: [1], count: 45 })}
        <Divider />
        <Space wrap>
          <Form.Item name="years" label={t('projectionYears')}><InputNumber data-testid="projection-years" min={0} max={30} precision={0} /></Form.Item>
          <Form.Item name="entryRate" label={t('entryRate')}><InputNumber min={0} max={2} step={0.01} /></Form.Item>
        </Space>
        <Space wrap>
          <span>{t('progression')}</span>
          {PROGRESSION_GRADES.map((g) => (
            <Form.Item key={g} name={['progression', g]} label={t('gradeN', { n: g })}><InputNumber min={0} max={2} step={0.01} style={{ width: 70 }} /></Form.Item>
          ))}
        </Space>
      </Form>
    </Modal>
  );
}
