import { echo, printable } from './printable';

/**
 * Fills the `{name}` placeholders of a message; a name without a value stays as it is. Values are
 * made printable (file names, cell values quoted from a file): no control character or escape
 * sequence reaches the message. With `lang` (a message about the user's data) each value is
 * quoted by echo: undecodable bytes escaped, and cut to MAX_ECHO characters with its length.
 */
export function fillTemplate(text: string, value: (name: string) => string | number | undefined, lang?: 'en' | 'zh-CN'): string {
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const v = value(name);
    if (v === undefined) return placeholder;
    return lang === undefined ? printable(String(v)) : echo(String(v), lang);
  });
}
