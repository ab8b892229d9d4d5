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

/** Formats a time of day (ms since 1970) for the locale, e.g. 14:05:09. */
export function formatTime(locale: Locale, ms: number): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(ms);
}

/** Formats a date (ms since 1970) for the locale, e.g. 2026年11月29日. */
export function formatDate(locale: Locale, ms: number): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(ms);
}
