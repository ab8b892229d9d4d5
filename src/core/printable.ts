import { numberFormat } from './numberFormat';

// ANSI escape sequences: CSI (ESC [ or the 8-bit CSI U+009B, parameters, one final byte), OSC and
// the other string commands (ESC ] P X ^ _ … up to BEL or ESC \), and two-character escapes.
const ESCAPES = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|\u001b[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[ -~]?/g;
// What is left of control characters: C0 and C1 controls and DEL, and the bidirectional format
// characters that reorder what a terminal or page shows.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text safe to show in one line of a terminal or page: ANSI escape sequences removed, line breaks
 * and tabs made spaces, every other control character (C0, DEL, C1, bidirectional overrides)
 * removed. Printable text, Chinese included, is unchanged.
 */
export function printable(text: string): string {
  return text.replace(ESCAPES, '').replace(/[\t\n\r]/g, ' ').replace(CONTROLS, '');
}

/** The most characters of one user text (a cell, a token, a header list, a name) a message quotes; the rest is counted. */
export const MAX_ECHO = 400;

/** The most characters of one name in a quoted list of names (echoList). */
export const MAX_ECHO_NAME = 60;

const UNDECODABLE = /\ufffd/g;

/**
 * User text as a message quotes it: printable, each character that stands for undecodable bytes
 * (U+FFFD) written as the escape `\ufffd` so no mojibake or box reaches the message, and text
 * over `max` characters cut to its first `max` with an ellipsis and its length in `lang`
 * ("…（共 600,080 字符）").
 */
export function echo(text: string, lang: 'en' | 'zh-CN', max = MAX_ECHO): string {
  const shown = printable(text.length > max * 2 ? text.slice(0, max * 2) : text).replace(UNDECODABLE, '\\ufffd');
  if (text.length <= max && shown.length <= max) return shown;
  const total = numberFormat(lang, 'decimal', 0).format(text.length);
  return `${shown.slice(0, max)}${lang === 'en' ? `… (${total} characters)` : `…（共 ${total} 字符）`}`;
}

/** Names (column headers, keys) as a message lists them: each cut to MAX_ECHO_NAME characters and an ellipsis, joined by ", " (the list as a whole is cut by echo). */
export function echoList(names: readonly string[]): string {
  return names.map((n) => (n.length > MAX_ECHO_NAME ? `${n.slice(0, MAX_ECHO_NAME)}…` : n)).join(', ');
}
