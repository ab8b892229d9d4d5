import { describeDataProblem } from '../../core/dataProblems';
import type { RejectedRow } from '../../core/dataset';
import type { MessageLanguage } from '../../core/editProblems';
import { MESSAGES } from '../../i18n/messages';
import { formatCsv } from './csv';
import type { Table } from './table';

/** A row's reason in a language: from its problem code when it has one, else its text. */
const reasonOf = (r: RejectedRow, lang: MessageLanguage) => (r.problem ? describeDataProblem(r.problem.code, r.problem.params, lang) : r.reason);

/**
 * The rows not loaded and the rows loaded with a remark as a table: file, line, whether it was
 * loaded, and the reason in the language — rejected rows first, each list in its order.
 */
export function computeRejectedTable(rejected: readonly RejectedRow[], warnings: readonly RejectedRow[], lang: MessageLanguage): Table {
  const m = MESSAGES[lang];
  const row = (r: RejectedRow, status: string) => [r.file, r.line, status, reasonOf(r, lang)];
  return {
    header: [m.file, m.line, m.rowStatus, m.reason],
    rows: [...rejected.map((r) => row(r, m.rowNotLoaded)), ...warnings.map((r) => row(r, m.rowLoadedRemark))],
  };
}

/** The rejected and flagged rows as CSV text for Excel (see computeRejectedTable and formatCsv). */
export function formatRejectedCsv(rejected: readonly RejectedRow[], warnings: readonly RejectedRow[], lang: MessageLanguage): string {
  return formatCsv(computeRejectedTable(rejected, warnings, lang));
}
