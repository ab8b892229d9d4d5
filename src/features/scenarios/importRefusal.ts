import type { OpenRefusal } from '../../app/scenarioActions';
import { describeEditProblem } from '../../core/editProblems';
import type { ScenarioDoc } from '../../store/store';
import { translate } from '../../i18n/format';
import type { Locale } from '../../i18n/messages';

/**
 * Why an imported scenario was not added, in one line naming the file: the edit refused, counted
 * from 1 as the planner counts, with its kind ("edit 3 (moveVertex)"); or, when the engine failed
 * while opening it (no edit to blame: index −1), that the scenario could not be opened.
 */
export function importRefusalText(locale: Locale, file: string, doc: ScenarioDoc, refusal: OpenRefusal): string {
  const reason = describeEditProblem(refusal.problem.code, refusal.problem.params, locale);
  if (refusal.index < 0) return translate(locale, 'importOpenFailed', { file, reason });
  return translate(locale, 'importEditRefused', { file, n: refusal.index + 1, op: doc.edits[refusal.index]?.op ?? '?', reason });
}
