import { describeDataProblem } from '../../core/dataProblems';
import type { RejectedRow } from '../../core/dataset';
import type { MessageLanguage } from '../../core/editProblems';
import { MESSAGES } from '../../i18n/messages';
import { formatCsv } from './csv';
import type { Table } from './table';

/** A row's reason in a language: from its problem code when it has one, else its text. */
const reasonOf = (r: RejectedRow, lang: MessageLanguage) => (r.problem ? describeDataProblem(r.problem.code, r.problem.params, lang) : r.reason);

/**
 * The rows not loaded, the rows loaded with a remark and the rows skipped (totals, pupils off the roll …) as a table: file,
 * sheet (only when some row is from a workbook), line, what became of the row, and the reason in
 * the language — rejected rows first, then flagged, then skipped, each list in its order.
 */
export function computeRejectedTable(rejected: readonly RejectedRow[], warnings: readonly RejectedRow[], lang: MessageLanguage, skipped: readonly RejectedRow[] = []): Table {
  const m = MESSAGES[lang];
  const sheets = [rejected, warnings, skipped].some((rows) => rows.some((r) => r.sheet !== undefined));
  const row = (r: RejectedRow, status: string) => [r.file, ...(sheets ? [r.sheet ?? ''] : []), r.line, status, reasonOf(r, lang)];
  return {
    header: [m.file, ...(sheets ? [m.sheet] : []), m.line, m.rowStatus, m.reason],
    rows: [...rejected.map((r) => row(r, m.rowNotLoaded)), ...warnings.map((r) => row(r, m.rowLoadedRemark)), ...skipped.map((r) => row(r, m.rowSkipped))],
  };
}

/** The rejected, flagged and skipped rows as CSV text for Excel (see computeRejectedTable and formatCsv). */
export function formatRejectedCsv(rejected: readonly RejectedRow[], warnings: readonly RejectedRow[], lang: MessageLanguage, skipped: readonly RejectedRow[] = []): string {
  return formatCsv(computeRejectedTable(rejected, warnings, lang, skipped));
}
