import { describeEditProblem } from '../../core/editProblems';
import { useSchoolName, useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { EditFigures } from './EditFigures';

/**
 * The live figures of an edit being dragged, drawn or pointed at, beside the pointer (see
 * EditFigures), or why the edit would be refused there. Nothing is applied until the drop (a
 * dragged point), until the drawn area is given to its school, or until the unit is clicked.
 */
export function LiveFigures() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const live = useAppStore((s) => s.livePreview);
  const nameOf = useSchoolName();
  if (!live) return null;
  const { figures, point, flip, givenTo } = live;
  const school = givenTo ? nameOf(givenTo.schoolId) : '';
  // Beside the pointer, on the side with room.
  const place = { left: point[0] + (flip.x ? -16 : 16), top: point[1] + (flip.y ? -16 : 16), transform: `translate(${flip.x ? '-100%' : '0'}, ${flip.y ? '-100%' : '0'})` };
  const title = (): string => {
    if (!figures.ok) {
      const why = describeEditProblem(figures.problem.code, figures.problem.params, locale);
      if (!givenTo) return t('liveRefused', { why });
      return givenTo.unit === undefined ? t('liveAreaRefused', { school, why }) : t('liveUnitRefused', { unit: givenTo.unit, school, why });
    }
    if (!givenTo) return t('liveTitle');
    return givenTo.unit === undefined ? t('liveAreaTitle', { school }) : t('liveUnitTitle', { unit: givenTo.unit, school });
  };
  return (
    <div className="live-figures" data-testid="live-figures" data-seq={live.seq} style={place}>
      {!figures.ok ? (
        <div data-testid="live-refused">{title()}</div>
      ) : (
        <>
          <div className="live-figures-title" data-testid="live-title">{title()}</div>
          <EditFigures figures={figures} />
        </>
      )}
    </div>
  );
}
