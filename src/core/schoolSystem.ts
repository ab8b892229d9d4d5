import type { Rules } from './rules';

/**
 * How the nine compulsory grades split into primary and junior (DOMAIN.md): 六三制, primary 1–6 and
 * junior 7–9 (the default); 五四制, primary 1–5 and junior 6–9. Grades are counted from 1 to 9 either
 * way: under 五四制 初一 is grade 6.
 */
export const SCHOOL_SYSTEMS = ['6-3', '5-4'] as const;
export type SchoolSystem = (typeof SCHOOL_SYSTEMS)[number];

/** The system unless a dataset says otherwise. */
export const DEFAULT_SCHOOL_SYSTEM: SchoolSystem = '6-3';

/** The last primary grade of a system: 6 under 六三制, 5 under 五四制. */
export function primaryLastGradeOf(system: SchoolSystem): number {
  return system === '5-4' ? 5 : 6;
}

/** The system of rules (their last primary grade); a split other than 5 or 6 reads as the default. */
export function schoolSystemOf(rules: Pick<Rules, 'primaryLastGrade'>): SchoolSystem {
  return rules.primaryLastGrade === 5 ? '5-4' : '6-3';
}

/** `rules` under a school system (its grade split); the rules themselves when they are under it already. */
export function withSchoolSystem(rules: Rules, system: SchoolSystem): Rules {
  const primaryLastGrade = primaryLastGradeOf(system);
  return rules.primaryLastGrade === primaryLastGrade ? rules : { ...rules, primaryLastGrade };
}

const NAMES: Record<string, SchoolSystem> = {
  '6-3': '6-3', '63': '6-3', '六三制': '6-3', '六三': '6-3', '6+3': '6-3',
  '5-4': '5-4', '54': '5-4', '五四制': '5-4', '五四': '5-4', '5+4': '5-4',
};

/** A school system as a file or an option writes it (6-3, 5-4, 六三制, 五四制, 63, 54; full-width alike), or undefined. */
export function parseSchoolSystem(text: string): SchoolSystem | undefined {
  return NAMES[text.normalize('NFKC').replace(/\s+/g, '').replace(/[–—－]/g, '-')];
}
