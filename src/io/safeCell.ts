/**
 * A text cell that a spreadsheet would read as a formula (starting with =, +, −, @, tab or CR) is
 * prefixed with an apostrophe; other text is returned unchanged.
 */
export function safeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
