import { Button, Tag } from 'antd';
import { useT } from '../../store/selectors';
import { uiActions, useAppStore } from '../../store/store';
import { LoadMenu } from '../load/LoadMenu';

/** Title, dataset name, dataset loading and the language switch. */
export function AppHeader() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const dataset = useAppStore((s) => s.dataset);
  return (
    <header className="app-header">
      <h1>{t('appTitle')}</h1>
      <span className="subtitle">{t('appSubtitle')}</span>
      {dataset && (
        <span data-testid="dataset-name">
          {locale === 'en' ? (dataset.nameEn ?? dataset.name) : dataset.name} · {t('baseYear')} {dataset.baseYear}
        </span>
      )}
      {dataset?.synthetic && <Tag color="gold">{t('syntheticBadge')}</Tag>}
      <span className="spacer" />
      <LoadMenu />
      <Button data-testid="language-switch" onClick={() => uiActions.setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
        {t('language')}
      </Button>
    </header>
  );
}
