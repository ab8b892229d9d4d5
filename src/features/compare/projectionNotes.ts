import type { ProjectionNote } from '../../core/projection';
import { formatNumber, formatPercent, translate } from '../../i18n/format';
import type { Locale } from '../../i18n/messages';
import type { ProjectionView } from '../../../workers/scenarioProjection';

/** A projection note in words for the locale. */
export function describeNote(locale: Locale, note: ProjectionNote): string {
  switch (note.code) {
    case 'intakeRepeats':
      return translate(locale, 'notes_intakeRepeats');
    case 'birthsCoverage':
      return translate(locale, 'notes_birthsCoverage', { share: formatPercent(locale, note.share) });
    case 'intakeWithoutPlace':
      return translate(locale, 'notes_intakeWithoutPlace', { n: formatNumber(locale, note.births) });
  }
}

/**
 * What a planner must know to read the projections, once per distinct sentence: where intake comes
 * from (births, or the base year repeated) and each scenario's notes.
 */
export function projectionNoteLines(locale: Locale, views: ProjectionView[]): string[] {
  const lines = views.flatMap((v) => [...(v.intake === 'births' ? [translate(locale, 'intakeFromBirths')] : []), ...v.notes.map((n) => describeNote(locale, n))]);
  return [...new Set(lines)];
}
