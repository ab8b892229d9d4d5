import { Tag } from 'antd';
import { describeEditProblem } from '../../core/editProblems';
import { formatNumber } from '../../i18n/format';
import { useSchoolName, useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/** How many schools and flows the overlay lists (the largest first). */
const SHOWN = 4;

/**
 * The live figures of an edit being dragged or drawn, beside the pointer: pupils that would change
 * school and between which schools, and each changed school's pupils and largest class before →
 * after; or why the edit would be refused there. Nothing is applied until the drop (a dragged
 * point) or until the drawn area is given to its school.
 */
export function LiveFigures() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const live = useAppStore((s) => s.livePreview);
  const nameOf = useSchoolName();
  if (!live) return null;
  const { figures, point, flip, areaFor } = live;
  const school = areaFor === undefined ? undefined : nameOf(areaFor);
  // Beside the pointer, on the side with room.
  const place = { left: point[0] + (flip.x ? -16 : 16), top: point[1] + (flip.y ? -16 : 16), transform: `translate(${flip.x ? '-100%' : '0'}, ${flip.y ? '-100%' : '0'})` };
  const n = (x: number) => formatNumber(locale, x);
  return (
    <div className="live-figures" data-testid="live-figures" data-seq={live.seq} style={place}>
      {!figures.ok ? (
        <div data-testid="live-refused">{t(school === undefined ? 'liveRefused' : 'liveAreaRefused', { school: school ?? '', why: describeEditProblem(figures.problem.code, figures.problem.params, locale) })}</div>
      ) : (
        <>
          <div className="live-figures-title" data-testid="live-title">{school === undefined ? t('liveTitle') : t('liveAreaTitle', { school })}</div>
          <div data-testid="live-moved">{t('liveMoved', { n: n(figures.moved) })}</div>
          {figures.flows.slice(0, SHOWN).map((f) => (
            <div key={`${f.from}|${f.to}`}>{t('liveFlow', { from: nameOf(f.from), to: nameOf(f.to), n: n(f.count) })}</div>
          ))}
          {figures.schools.slice(0, SHOWN).map((s) => (
            <div key={s.schoolId} data-testid="live-school">
              {t('liveSchool', { name: nameOf(s.schoolId), before: n(s.pupilsBefore), after: n(s.pupils), classBefore: n(s.largestClassBefore), classAfter: n(s.largestClass) })}
              {s.oversize && <Tag color="red" style={{ marginLeft: 4 }}>{t('liveOversize')}</Tag>}
            </div>
          ))}
        </>
      )}
    </div>
  );
}
