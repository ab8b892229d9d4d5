import { Button, Tag } from 'antd';
import { useT } from '../../store/selectors';
import { uiActions, useAppStore } from '../../store/store';
import { LoadMenu } from '../load/LoadMenu';
import { SaveBanner } from './SaveBanner';
import { SaveStatus } from './SaveStatus';

/** Title, dataset name, autosave status, dataset loading and the language switch; below it, any save problem. */
export function AppHeader() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const dataset = useAppStore((s) => s.dataset);
  return (
    <>
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
        <SaveStatus />
        <LoadMenu />
        <Button data-testid="language-switch" onClick={() => uiActions.setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
          {t('language')}
        </Button>
      </header>
      <SaveBanner />
    </>
  );
}
