import { Button, Tag } from 'antd';
import { useT } from '../../store/selectors';
import { uiActions, useAppStore } from '../../store/store';
import { LoadMenu } from '../load/LoadMenu';
import { EarlierWorkBanner } from './EarlierWorkBanner';
import { SaveBanner } from './SaveBanner';
import { SaveStatus } from './SaveStatus';
import { datasetTitle } from '../../i18n/datasetTitle';

/** Title, dataset name, autosave status, dataset loading and the language switch; below it, any save problem and work saved for another version of the dataset. */
export function AppHeader() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  // The fields shown, each on its own: an edit replaces the dataset's zones, not these.
  const name = useAppStore((s) => s.dataset?.name);
  const nameEn = useAppStore((s) => s.dataset?.nameEn);
  const baseYear = useAppStore((s) => s.dataset?.baseYear);
  const synthetic = useAppStore((s) => s.dataset?.synthetic);
  return (
    <>
      <header className="app-header">
        <h1>{t('appTitle')}</h1>
        <span className="subtitle">{t('appSubtitle')}</span>
        {name !== undefined && (
          <span data-testid="dataset-name">
            {datasetTitle({ name, nameEn }, locale)} · {t('baseYear')} {baseYear}
          </span>
        )}
        {synthetic && <Tag color="gold">{t('syntheticBadge')}</Tag>}
        <span className="spacer" />
        <SaveStatus />
        <LoadMenu />
        <Button data-testid="language-switch" onClick={() => uiActions.setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
          {t('language')}
        </Button>
      </header>
      <SaveBanner />
      <EarlierWorkBanner />
    </>
  );
}
