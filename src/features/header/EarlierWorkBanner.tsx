import { Alert, Button, Space } from 'antd';
import { dismissEarlierWork, importEarlierWork } from '../../app/earlierWork';
import { describeEditProblem } from '../../core/editProblems';
import { formatNumber } from '../../i18n/format';
import { useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/**
 * Below the header when work was saved for another version of this dataset (same name, other
 * rows or schools): its scenarios, to bring in or leave; after bringing them in, those the current
 * data refused, with why.
 */
export function EarlierWorkBanner() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const work = useAppStore((s) => s.earlierWork);
  const name = useAppStore((s) => s.dataset?.name);
  if (!work) return null;
  const dismiss = <Button size="small" data-testid="earlier-work-dismiss" onClick={dismissEarlierWork}>{t('earlierWorkDismiss')}</Button>;
  if (work.refused) {
    const what = work.refused.map((r) => {
      const why = describeEditProblem(r.problem.code, r.problem.params, locale);
      const reason = r.index < 0 ? why : t('earlierWorkEditRefused', { n: r.index + 1, reason: why });
      return locale === 'en' ? `${r.name} (${reason})` : `${r.name}（${reason}）`;
    }).join(locale === 'en' ? '; ' : '；');
    return <Alert className="save-banner" type="warning" data-testid="earlier-work-refused" title={t('earlierWorkRefused', { what })} action={dismiss} />;
  }
  const title = t('earlierWorkNotice', {
    name: name ?? '',
    year: work.baseYear,
    schools: formatNumber(locale, work.schools),
    rows: formatNumber(locale, work.rowsRead),
    n: work.scenarios.length,
    names: work.scenarios.map((d) => d.name).join('、'),
  });
  return (
    <Alert
      className="save-banner"
      type="info"
      data-testid="earlier-work"
      title={title}
      action={
        <Space>
          <Button size="small" type="primary" data-testid="earlier-work-import" onClick={() => void importEarlierWork()}>{t('earlierWorkImport')}</Button>
          {dismiss}
        </Space>
      }
    />
  );
}
