import { formatNumber } from '../../i18n/format';
import type { Locale } from '../../i18n/messages';

/** A difference with its sign for the locale ("+12", "−3"); empty for no difference. */
export function formatDelta(locale: Locale, d: number): string {
  if (d === 0) return '';
  return `${d > 0 ? '+' : '−'}${formatNumber(locale, Math.abs(d))}`;
}
