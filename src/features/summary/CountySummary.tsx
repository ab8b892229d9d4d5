import { Card, Col, Row, Statistic } from 'antd';
import { formatNumber, formatPercent } from '../../i18n/format';
import { selectShownResult, useClassBandLabels, useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import type { MessageKey } from '../../i18n/messages';
import type { CountySummary as Summary } from '../../core/simulation';
import { OverlapRuleSelect } from './OverlapRuleSelect';
import { LimitsButton } from './LimitsButton';

const ITEMS: { key: keyof Summary; label: MessageKey; bad?: boolean }[] = [
  { key: 'oversizeSchools', label: 'oversizeSchools', bad: true },
  { key: 'classesOverCap', label: 'classesOverCap', bad: true },
  { key: 'largeClasses', label: 'largeClasses', bad: true },
  { key: 'extraLargeClasses', label: 'extraLargeClasses', bad: true },
  { key: 'input', label: 'pupilsRead' },
  { key: 'assigned', label: 'assigned' },
  { key: 'unassigned', label: 'unassigned', bad: true },
  { key: 'rejected', label: 'rejected', bad: true },
];

/** County totals: oversized schools, classes over the cap, 大班额 and 超大班额, pupil counts. */
export function CountySummary() {
  const t = useT();
  const bands = useClassBandLabels();
  const locale = useAppStore((s) => s.locale);
  const summary = useAppStore((s) => selectShownResult(s)?.summary);
  const computeMs = useAppStore((s) => s.computeMs);
  if (!summary) return null;
  return (
    <Card size="small" title={t('summaryTitle')} extra={computeMs !== undefined && <span className="num">{t('computeTime')} {formatNumber(locale, computeMs, 1)} ms</span>} data-testid="county-summary">
      <Row gutter={[8, 8]}>
        {ITEMS.map(({ key, label, bad }) => {
          const value = summary[key] as number;
          // Classes in a band are also shown as a share of all classes.
          const share = (key === 'classesOverCap' || key === 'largeClasses' || key === 'extraLargeClasses') && summary.totalClasses > 0 ? ` (${formatPercent(locale, value / summary.totalClasses, 1)})` : '';
          return (
            <Col span={6} key={key}>
              <Statistic
                title={key === 'largeClasses' || key === 'extraLargeClasses' ? bands[key] : t(label)}
                value={formatNumber(locale, value) + share}
                data-testid={`summary-${key}`}
                styles={{ content: { fontSize: 18, color: bad && value > 0 ? '#cf1322' : undefined } }}
              />
            </Col>
          );
        })}
      </Row>
      <OverlapRuleSelect />
      <LimitsButton />
    </Card>
  );
}
