import { Tag } from 'antd';
import type { EditPreview } from '../../core/editPreview';
import { formatNumber } from '../../i18n/format';
import { useSchoolName, useT } from '../../store/selectors';
import { useAppStore } from '../../store/store';

/** How many schools and flows are listed (the largest first). */
const SHOWN = 4;

/**
 * What an edit not yet applied would do: pupils that would change school and between which
 * schools, and each changed school's pupils and largest class before → after.
 */
export function EditFigures({ figures }: { figures: EditPreview }) {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const nameOf = useSchoolName();
  const n = (x: number) => formatNumber(locale, x);
  return (
    <>
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
  );
}
