import type { Table } from './table';

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

/** Where a base year was read: the file's name, its sheet's name, a title row, or dataset.json's baseYear. */
export type YearSource = 'name' | 'sheet' | 'title' | 'dataset.json';

/** A base year a file states. */
export interface StatedYear extends FoundYear {
  file: string;
  in: YearSource;
}

/** The years a file states in its name and, for a table, its sheet name and title rows. */
export function yearsOfTable(file: string, table: Table | undefined): StatedYear[] {
  const places: [YearSource, string | undefined][] = [['name', file], ['sheet', table?.sheet], ...(table?.titles ?? []).map((t): [YearSource, string] => ['title', t])];
  return places.flatMap(([where, text]) => {
    const found = text === undefined ? undefined : baseYearFromText(text);
    return found ? [{ ...found, file, in: where }] : [];
  });
}

/**
 * The base year the import used: the planner's (`option`), the one the files state (the pupils
 * file's first, else the first file's), or none (`undefined`: the caller's fallback). `stated`
 * lists every year the files state; `conflict` is true when they disagree with one another.
 */
export interface BaseYearChoice {
  year?: number;
  from: 'option' | 'files' | 'none';
  stated: StatedYear[];
  conflict: boolean;
}

/** The base year from the planner's choice, else the pupils file's statement, else the first file's. */
export function chooseYear(option: number | undefined, stated: StatedYear[], pupilsFile?: string): BaseYearChoice {
  const own = stated.find((y) => y.file === pupilsFile) ?? stated[0];
  const year = option ?? own?.year;
  const conflict = new Set(stated.map((y) => y.year)).size > 1;
  return { year, from: option !== undefined ? 'option' : year !== undefined ? 'files' : 'none', stated, conflict };
}
