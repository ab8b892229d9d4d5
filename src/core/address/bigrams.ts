/** The distinct character bigrams of a text; a one-character text is its own single token. */
export function bigramsOf(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  const seen = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) seen.add(chars[i] + chars[i + 1]);
  return [...seen];
}

/** The distinct characters of a text. */
export function charsOf(text: string): string[] {
  return [...new Set(text)];
}

/** Dice similarity of two token sets given their sizes and shared count: 2·shared / (a + b), 0..1. */
export const dice = (shared: number, a: number, b: number) => (a + b === 0 ? 0 : (2 * shared) / (a + b));
