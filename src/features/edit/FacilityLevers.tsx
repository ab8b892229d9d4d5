import { Button, Collapse, Form, InputNumber, Space } from 'antd';
import { memo, useState } from 'react';
import { commitEdit } from '../../app/editActions';
import type { MessageKey } from '../../i18n/messages';
import { useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';

const FIELDS = ['classrooms', 'room_area_m2', 'sports_area_m2', 'equipment_value_yuan', 'teachers_qualified', 'teachers_backbone', 'teachers_pe_art', 'multimedia_rooms'] as const;

/**
 * New values for a school's facilities, from a school year: a setFacilities edit. Memoised: the
 * school card around it is drawn again at every edit.
 */
export const FacilityLevers = memo(function FacilityLevers({ schoolId }: { schoolId: string }) {
  const t = useT();
  const school = useAppStore((s) => s.dataset?.schools.find((x) => x.id === schoolId));
  const baseYear = useAppStore((s) => s.dataset?.baseYear);
  const [values, setValues] = useState<Partial<Record<(typeof FIELDS)[number], number>>>({});
  const [fromYear, setFromYear] = useState<number | undefined>();
  if (!school) return null;
  const changed = Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'number')) as Record<string, number>;
  const apply = () =>
    void commitEdit({ op: 'setFacilities', schoolId, facilities: changed, ...(fromYear !== undefined && { fromYear }) }).then((ok) => ok && setValues({}));
  const current = (f: (typeof FIELDS)[number]) => (f === 'classrooms' ? school.classrooms : school.facilities[f]);
  return (
    <Collapse
      size="small"
      ghost
      data-testid="facility-levers"
      items={[{
        key: 'levers',
        label: t('leversTitle'),
        children: (
          <Form size="small" layout="inline" style={{ rowGap: 6 }}>
            {FIELDS.map((f) => (
              <Form.Item key={f} label={t(`fld_${f}` as MessageKey)}>
                <InputNumber min={0} precision={f === 'classrooms' ? 0 : undefined} placeholder={String(current(f) ?? '—')} value={values[f]} onChange={(v) => setValues({ ...values, [f]: v ?? undefined })} style={{ width: 110 }} data-testid={`lever-${f}`} />
              </Form.Item>
            ))}
            <Space>
              <Form.Item label={t('fromYear')}>
                <InputNumber min={1990} max={2100} precision={0} placeholder={String(baseYear ?? '')} value={fromYear} onChange={(v) => setFromYear(v ?? undefined)} style={{ width: 90 }} />
              </Form.Item>
              <Button type="primary" disabled={Object.keys(changed).length === 0} onClick={apply} data-testid="apply-levers">{t('applyLevers')}</Button>
            </Space>
          </Form>
        ),
      }]}
    />
  );
});
