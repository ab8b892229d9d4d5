/** Fills the `{name}` placeholders of a message; a name without a value stays as it is. */
export function fillTemplate(text: string, value: (name: string) => string | number | undefined): string {
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => String(value(name) ?? placeholder));
}
