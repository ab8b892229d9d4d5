import { Alert, Button, Drawer, List, Space, Tag, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import type { Geometry } from 'geojson';
import { cancelLoad, loadAnyway } from '../../app/loadActions';
import { describeValidationItem, type ValidationItem, type ValidationReport } from '../../core/validation';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../store/selectors';
import { uiActions, useAppStore } from '../../store/store';

/** The geometry an item can be shown by, if it has one. */
const geometryOf = (item: ValidationItem): Geometry | undefined => ('geometry' in item ? item.geometry : undefined);

/**
 * The validation report of a dataset waiting to load: each finding in the planner's language with
 * its numbers and a button that shows it on the map; load anyway, or cancel and keep the dataset
 * already open. A drawer without a mask, so the map stays in view.
 */
export function ValidationPanel({ report, rowsRead, loaded, rejected, skipped }: { report: ValidationReport; rowsRead: number; loaded: number; rejected: number; skipped: number }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const highlight = useAppStore((s) => s.highlight);
  const n = (v: number) => formatNumber(locale, v);
  return (
    <Drawer
      open
      mask={false}
      placement="right"
      size={560}
      title={t('validationTitle')}
      closable={false}
      data-testid="validation-report"
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={cancelLoad} data-testid="validation-cancel">{t('keepCurrent')}</Button>
          <Button type="primary" danger={report.errors > 0} onClick={() => void loadAnyway()} data-testid="load-anyway">{t('loadAnyway')}</Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('validationIntro')}</Typography.Paragraph>
      <Alert
        type={report.errors > 0 ? 'error' : 'warning'}
        showIcon
        data-testid="validation-summary"
        title={t('validationSummary', { errors: n(report.errors), warnings: n(report.warnings) })}
        description={`${t('validationCounts', { read: n(rowsRead), loaded: n(loaded), rejected: n(rejected) })}${skipped > 0 ? t('validationSkipped', { skipped: n(skipped) }) : ''}`}
        style={{ marginBottom: 12 }}
      />
      <List
        size="small"
        dataSource={report.items}
        renderItem={(item, i) => {
          const geometry = geometryOf(item);
          const shown = geometry !== undefined && geometry === highlight;
          return (
            <List.Item
              data-testid={`validation-item-${i}`}
              data-kind={item.kind}
              actions={geometry ? [
                <Button key="map" size="small" type={shown ? 'primary' : 'default'} icon={<EnvironmentOutlined />} data-testid={`show-on-map-${i}`} onClick={() => uiActions.setHighlight(geometry)}>
                  {t('showOnMap')}
                </Button>,
              ] : []}
            >
              <Space align="start">
                <Tag color={item.severity === 'error' ? 'red' : 'orange'}>{t(item.severity === 'error' ? 'severityError' : 'severityWarning')}</Tag>
                <span>{describeValidationItem(item, locale)}</span>
              </Space>
            </List.Item>
          );
        }}
      />
    </Drawer>
  );
}
