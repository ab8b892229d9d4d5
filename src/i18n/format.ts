import { fillTemplate } from '../core/messageTemplate';
import { numberFormat } from '../core/numberFormat';
import { MESSAGES, type Locale, type MessageKey } from './messages';

/** Looks up a message and fills `{name}` placeholders. */
export function translate(locale: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  return fillTemplate(MESSAGES[locale][key], (name) => vars[name]);
}

/** Formats a number for the locale (grouping, at most `digits` decimals). */
export function formatNumber(locale: Locale, n: number, digits = 0): string {
  return numberFormat(locale, 'decimal', digits).format(n);
}

/** Formats a ratio as a percentage for the locale, with at most `digits` decimals. */
export function formatPercent(locale: Locale, ratio: number, digits = 0): string {
  return numberFormat(locale, 'percent', digits).format(ratio);
}

// Made once per locale and kind: making an Intl.DateTimeFormat took 0.6 ms, inside the commit of
// every edit (the header's autosave time).
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormat = (locale: Locale, kind: 'time' | 'date') => {
  const key = `${locale}|${kind}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, kind === 'time' ? { hour: '2-digit', minute: '2-digit', second: '2-digit' } : { dateStyle: 'long' });
    dateFormats.set(key, format);
  }
  return format;
};

/** Formats a time of day (ms since 1970) for the locale, e.g. 14:05:09. */
export function formatTime(locale: Locale, ms: number): string {
  return dateFormat(locale, 'time').format(ms);
}

/** Formats a date (ms since 1970) for the locale, e.g. 2026年11月29日. */
export function formatDate(locale: Locale, ms: number): string {
  return dateFormat(locale, 'date').format(ms);
}
