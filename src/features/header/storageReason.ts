import type { StorageProblem } from '../../app/persistence';
import { translate } from '../../i18n/format';
import type { Locale } from '../../i18n/messages';

/** Why storage failed, in the planner's language (an unknown failure names its DOMException, never the browser's English message). */
export function storageReason(problem: StorageProblem, locale: Locale): string {
  const text = translate(locale, `saveReason_${problem.code}`, { detail: problem.detail ?? '' });
  if (problem.code !== 'unknown' || !problem.detail) return text;
  return locale === 'zh-CN' ? `${text}（${problem.detail}）` : `${text} (${problem.detail})`;
}
