import type { Dataset } from '../../core/dataset';
import { packedAt } from '../../core/packedStrings';
import { groupLettersByUnit, type LetterRow } from '../../core/publish/letters';
import type { NoticeUnit } from '../../core/publish/zoneNotice';
import { translate } from '../../i18n/format';
import type { Locale } from '../../i18n/messages';
import type { DocxLetter } from './docx';
import type { Table } from './table';

/** How the letters name things: the dataset, each school (by index) in the letters' language, the units. */
export interface LetterNames {
  dataset: string;
  school: (s: number) => string;
  units: readonly NoticeUnit[];
}

const join = (locale: Locale, items: (string | number)[]) => items.join(locale === 'en' ? ', ' : '、');

/** The schools of a letter row's side: one, several sharing a zone (多校划片), or none. */
function schoolsText(schools: readonly number[], names: LetterNames, locale: Locale): string {
  if (schools.length === 0) return translate(locale, 'letterNoSchool');
  const list = join(locale, schools.map(names.school));
  return schools.length > 1 ? translate(locale, 'letterSharedTo', { list }) : list;
}

/**
 * The mail-merge table of the letters: a row per pupil and level a scenario moves — unit id, name
 * and town, pupil id (its line in the pupils file when the data kept no id), name (when the file
 * has one), level, grade in the base year and in the year it applies, old and new school, year.
 */
export function computeLettersTable(rows: readonly LetterRow[], dataset: Dataset, names: LetterNames, locale: Locale): Table {
  const p = dataset.pupils;
  return {
    header: translate(locale, 'lettersHeader').split(','),
    rows: rows.map((r) => {
      const unit = r.unit >= 0 ? names.units[r.unit] : undefined;
      return [
        unit?.id ?? '', unit?.name ?? '', unit?.town ?? '', p.id ? packedAt(p.id, r.row) : `#${p.line[r.row]}`, p.name ? packedAt(p.name, r.row) : '',
        translate(locale, r.level), r.baseGrade, r.grade, schoolsText(r.from, names, locale), schoolsText(r.to, names, locale), r.year,
      ];
    }),
    plainColumns: [3, 10],
  };
}

/**
 * A letter per unit the scenario moves pupils of, for its families: title with the unit, greeting,
 * a sentence per move (from which year, level and grades, how many pupils, from which school to
 * which), the closing and the signature (dataset) with the date to fill. No pupil is named.
 */
export function lettersDocument(rows: readonly LetterRow[], names: LetterNames, locale: Locale, date: string): DocxLetter[] {
  return groupLettersByUnit(rows).map((letter) => {
    const unit = letter.unit >= 0 ? names.units[letter.unit].name : translate(locale, 'letterUnknownUnit');
    return {
      title: translate(locale, 'letterTitle', { unit }),
      greeting: translate(locale, 'letterGreeting'),
      paragraphs: [
        translate(locale, 'letterIntro', { dataset: names.dataset, unit }),
        ...letter.moves.map((m) => translate(locale, 'letterMove', {
          year: m.year, level: translate(locale, m.level), grades: join(locale, m.grades), n: m.pupils,
          from: schoolsText(m.from, names, locale), to: schoolsText(m.to, names, locale),
        })),
        translate(locale, 'letterClosing'),
      ],
      closing: [translate(locale, 'letterSign', { dataset: names.dataset }), date],
    };
  });
}
