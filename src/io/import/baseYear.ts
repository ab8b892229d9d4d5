/** A base year found in a text, with the words that say it (e.g. `2024秋`). */
export interface FoundYear {
  year: number;
  said: string;
}

// Most specific first: a school year span, a school year, an autumn term, a spring term.
const PATTERNS: { re: RegExp; year: (m: RegExpExecArray) => number | undefined }[] = [
  { re: /(\d{4})\s*年?\s*[-—–~～至到/]\s*(\d{4})\s*年?\s*学年(?:度)?/, year: (m) => (Number(m[2]) === Number(m[1]) + 1 ? Number(m[1]) : undefined) },
  { re: /(\d{4})\s*学年(?:度)?/, year: (m) => Number(m[1]) },
  { re: /(\d{4})\s*年?\s*秋(?:季)?/, year: (m) => Number(m[1]) },
  // A spring term belongs to the school year that began the autumn before.
  { re: /(\d{4})\s*年?\s*春(?:季)?/, year: (m) => Number(m[1]) - 1 },
];

/**
 * The school year (its autumn's calendar year) a text names: `2024秋`, `2024年秋季学期`,
 * `2024学年`, `2024学年度`, `2024-2025学年` (`2024—2025学年` …) give 2024; `2025春` (the spring
 * term of 2024-2025) gives 2024. Undefined when the text names none (a bare `2024年` does not: it
 * may be a calendar year) or when a span's years are not consecutive.
 */
export function baseYearFromText(text: string): FoundYear | undefined {
  const s = text.normalize('NFKC');
  for (const { re, year } of PATTERNS) {
    const m = re.exec(s);
    if (!m) continue;
    // The most specific form found decides: a span of years that do not follow each other names no year.
    const y = year(m);
    return y !== undefined && y >= 1900 && y <= 2200 ? { year: y, said: m[0].replace(/\s+/g, '') } : undefined;
  }
  return undefined;
}
