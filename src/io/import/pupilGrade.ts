import { cohortGrade, gradesOfLevel, parseCohort } from '../../core/cohortGrade';
import { MAX_GRADE, type SchoolLevel, type ZoneLevel } from '../../core/rules';
import type { ImportRowNote } from '../parseStudents';
import { normaliseGrade, normaliseZoneLevel } from './valueNormalise';

/** What decides a cohort's grade besides its text. */
export interface GradeContext {
  /** The school year (its autumn) the grades are for. */
  baseYear?: number;
  /** The level of the pupil's school (a nine-year school does not tell). */
  schoolLevel?: SchoolLevel;
  /** The level the whole file's name or title says: cohorts count from it, and grades within it when the row has no 学段. */
  fileLevel?: ZoneLevel;
  /** The row's own 学段 cell, as written ('' or undefined: none). */
  rowLevel?: string;
  /** The last primary grade of the dataset's school system (6 under 六三制, 5 under 五四制; default 6). */
  primaryLastGrade?: number;
}

/** A grade cell read: the grade 1..9 when it can be read, and a note when the row is to be rejected. */
export interface ReadGrade {
  grade?: number;
  note?: ImportRowNote;
}

/** The level a 学段 cell names: 小学 / 小学部 → primary, 初中 / 初级中学 / 初中部 → junior (English names kept). */
function levelOfCell(text: string): ZoneLevel | undefined {
  return normaliseZoneLevel(text) ?? levelFromText(text);
}

/**
 * A grade counted within a level (一年级 of 学段 初中 = 7 under 六三制, 6 under 五四制) as 1..9, or
 * undefined when it is not one of that level's grades. A grade that names its level (初一, 小学三年级)
 * or lies above the junior section's number of grades counts from grade 1.
 */
function gradeWithinLevel(text: string, plain: number, level: ZoneLevel, primaryLastGrade: number): number | undefined {
  const named = /初|小学/.test(text.normalize('NFKC')) || plain > MAX_GRADE - primaryLastGrade;
  const grade = level === 'junior' && !named ? plain + primaryLastGrade : plain;
  const [min, max] = gradesOfLevel(level, primaryLastGrade);
  return grade >= min && grade <= max ? grade : undefined;
}

/**
 * A pupil's grade from its cell: the usual forms (normaliseGrade: 3, 三年级, 初一 …), or a cohort
 * (parseCohort: 2023级, 2025届, 初中2023级) converted for the base year (cohortGrade), counted from
 * the level the cell names, else the row's 学段, else the pupil's school's (primary or junior), else
 * the file's. Without a 学段, a grade among the file's level's is counted within it (一年级 of a file named
 * 初中学生名单 = 7). With the row's 学段, a grade is counted within it (二年级 of 初中 = 8) and one that is not
 * among its grades rejects the row (五年级 of 初中, 初一 of 小学); a 学段 that is neither gives a
 * remark and the grade is read alone. A cohort whose level nothing tells, or whose grade falls
 * outside its level, gives a note that rejects the row; a cell that is neither gives no grade
 * (parseStudents rejects it as a bad grade).
 */
export function pupilGrade(text: string, ctx: GradeContext): ReadGrade {
  const levelText = ctx.rowLevel?.trim() ?? '';
  const rowLevel = levelText === '' ? undefined : levelOfCell(levelText);
  const remark: ImportRowNote | undefined = levelText !== '' && rowLevel === undefined ? { code: 'levelUnread', params: { got: levelText } } : undefined;
  const read = gradeOf(text, ctx, rowLevel, levelText);
  return remark && !read.note ? { ...read, note: remark } : read;
}

function gradeOf(text: string, ctx: GradeContext, rowLevel: ZoneLevel | undefined, levelText: string): ReadGrade {
  const last = ctx.primaryLastGrade ?? 6;
  const conflict = (level: ZoneLevel): ReadGrade => {
    const [min, max] = gradesOfLevel(level, last);
    return { note: { code: 'gradeLevelConflict', params: { got: text, value: levelText, min, max }, reject: true } };
  };
  const plain = normaliseGrade(text, last);
  if (plain !== undefined) {
    // A file whose name or title says its level (初中学生名单) counts its grades within it (一年级 = 初一),
    // where they are among its grades; others are read alone, for the school's level to judge.
    if (!rowLevel) return { grade: (ctx.fileLevel && gradeWithinLevel(text, plain, ctx.fileLevel, last)) ?? plain };
    const grade = gradeWithinLevel(text, plain, rowLevel, last);
    return grade === undefined ? conflict(rowLevel) : { grade };
  }
  const cohort = parseCohort(text);
  if (!cohort || ctx.baseYear === undefined) return {};
  if (cohort.level && rowLevel && cohort.level !== rowLevel) return conflict(rowLevel);
  const schoolLevel = ctx.schoolLevel === 'nine_year' ? undefined : ctx.schoolLevel;
  const level = cohort.level ?? rowLevel ?? schoolLevel ?? ctx.fileLevel;
  if (level === undefined) return { note: { code: 'cohortNoLevel', params: { got: text }, reject: true } };
  const grade = cohortGrade(cohort, ctx.baseYear, level, last);
  const [min, max] = gradesOfLevel(level, last);
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
