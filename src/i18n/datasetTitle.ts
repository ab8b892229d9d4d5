import { translate } from './format';
import type { Locale } from './messages';

/** A dataset's name in `locale` (its English name when there is one), or "unnamed dataset" when it has none. */
export function datasetTitle(d: { name: string; nameEn?: string }, locale: Locale): string {
  const name = locale === 'en' ? (d.nameEn ?? d.name) : d.name;
  return name === '' ? translate(locale, 'unnamedDataset') : name;
}
