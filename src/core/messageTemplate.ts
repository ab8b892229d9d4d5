import { printable } from './printable';

/**
 * Fills the `{name}` placeholders of a message; a name without a value stays as it is. Values are
 * made printable (file names, cell values quoted from a file): no control character or escape
 * sequence reaches the message.
 */
export function fillTemplate(text: string, value: (name: string) => string | number | undefined): string {
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const v = value(name);
    return v === undefined ? placeholder : printable(String(v));
  });
}
