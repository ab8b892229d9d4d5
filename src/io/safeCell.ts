/**
 * Text a spreadsheet may read as a formula: it starts with a tab, CR or LF, or its first character
 * after any leading spaces, tabs, CRs, LFs or ideographic spaces is = + - @ or their full-width
 * forms ＝ ＋ － ＠ (Excel and WPS on a Chinese system turn full-width signs typed first into formulas).
 */
const FORMULA_LIKE = /^(?:[\t\r\n]|[ \t\r\n\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/** A formula-like text cell (see FORMULA_LIKE) prefixed with an apostrophe; other text unchanged. */
export function safeCell(text: string): string {
  return FORMULA_LIKE.test(text) ? `'${text}` : text;
}
