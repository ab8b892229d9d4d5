import { cohortGrade, gradesOfLevel, parseCohort } from '../../core/cohortGrade';
import type { SchoolLevel, ZoneLevel } from '../../core/rules';
import type { ImportRowNote } from '../parseStudents';
import { normaliseGrade } from './valueNormalise';

/** What decides a cohort's grade besides its text. */
export interface GradeContext {
  /** The school year (its autumn) the grades are for. */
  baseYear?: number;
  /** The level of the pupil's school (a nine-year school does not tell). */
  schoolLevel?: SchoolLevel;
  /** The level the whole file counts cohorts from. */
  fileLevel?: ZoneLevel;
}

/** A grade cell read: the grade 1..9 when it can be read, and a note when the row is to be rejected. */
export interface ReadGrade {
  grade?: number;
  note?: ImportRowNote;
}

/**
 * A pupil's grade from its cell: the usual forms (normaliseGrade: 3, 三年级, 初一 …), or a cohort
 * (parseCohort: 2023级, 2025届, 初中2023级) converted for the base year (cohortGrade), counted from
 * the level the cell names, else the pupil's school's (primary or junior), else the file's. A
 * cohort whose level nothing tells, or whose grade falls outside its level, gives a note that
 * rejects the row; a cell that is neither gives no grade (parseStudents rejects it as a bad grade).
 */
export function pupilGrade(text: string, ctx: GradeContext): ReadGrade {
  const plain = normaliseGrade(text);
  if (plain !== undefined) return { grade: plain };
  const cohort = parseCohort(text);
  if (!cohort || ctx.baseYear === undefined) return {};
  const schoolLevel = ctx.schoolLevel === 'nine_year' ? undefined : ctx.schoolLevel;
  const level = cohort.level ?? schoolLevel ?? ctx.fileLevel;
  if (level === undefined) return { note: { code: 'cohortNoLevel', params: { got: text }, reject: true } };
  const grade = cohortGrade(cohort, ctx.baseYear, level);
  const [min, max] = gradesOfLevel(level);
  if (grade < min || grade > max) return { note: { code: 'cohortOutOfRange', params: { got: text, n: grade, year: ctx.baseYear, min, max }, reject: true } };
  return { grade };
}

/**
 * The level a file's name, sheet name or title says its pupils are in: 初中 (初级中学) without 小学 →
 * junior, 小学 without 初中 → primary; undefined when it says neither or both (中小学 says both).
 */
export function levelFromText(text: string): ZoneLevel | undefined {
  if (text.includes('中小学')) return undefined;
  const junior = /初中|初级中学/.test(text);
  const primary = /小学/.test(text);
  return junior === primary ? undefined : junior ? 'junior' : 'primary';
}
