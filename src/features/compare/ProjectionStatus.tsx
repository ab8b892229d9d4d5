import { Alert, Spin } from 'antd';
import { describeEditProblem } from '../../core/editProblems';
import { useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { projectionNoteLines } from './projectionNotes';
import { useCompared } from './useCompare';

/** Projection in progress, the scenario and edit that cannot be projected, and the projection notes. */
export function ProjectionStatus() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const projecting = useAppStore((s) => s.projecting);
  const error = useAppStore((s) => s.projectionError);
  const compared = useCompared();
  const named = error && compared.find((c) => c.id === error.scenarioId);
  const notes = projectionNoteLines(locale, compared.flatMap((c) => c.view ?? []));
  return (
    <>
      {projecting && <span data-testid="projecting" className="compare-projecting"><Spin size="small" /> {t('projecting')}</span>}
      {error && (
        <Alert
          type="error"
          showIcon
          data-testid="projection-error"
          title={t('projectionError', { name: named?.name ?? error.scenarioId, n: error.index + 1, reason: describeEditProblem(error.problem.code, error.problem.params, locale) })}
        />
      )}
      {notes.length > 0 && <Alert type="info" data-testid="projection-notes" title={notes.map((line) => <div key={line}>{line}</div>)} />}
    </>
  );
}
