import type { School } from '../../core/dataset';
import { translate } from '../../i18n/format';
import type { Locale } from '../../i18n/messages';
import { displayName } from '../../store/selectors';
import type { ScenarioDoc } from '../../store/store';

/** A scenario's rules as sentences for the report, in the locale. */
export function describeRules(doc: ScenarioDoc, schools: School[], locale: Locale): string[] {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(locale, key, vars);
  const name = (id: string) => {
    const s = schools.find((x) => x.id === id);
    return s ? displayName(s, locale) : id;
  };
  const r = doc.rules;
  const lines = [
    ...(r.phaseIn ? [`${t('phaseIn')}: ${t('phaseInFrom')} ${r.phaseIn.fromYear}`] : []),
    ...r.openings.map((o) => `${t('openings')}: ${name(o.schoolId)} ${o.year}`),
    ...r.classroomAdditions.map((a) => `${t('classroomAdditions')}: ${name(a.schoolId)} +${a.rooms} (${a.year})`),
    ...r.privateShares.map((p) => `${t('privateShares')}: ${name(p.schoolId)} ${t(p.level)} ${Math.round(p.share * 1000) / 10}%${p.fromYear ? ` (${p.fromYear})` : ''}`),
    ...r.diversions.map((d) => `${t('diversions')}: ${name(d.fromSchoolId)} → ${name(d.toSchoolId)}, ${t('grades')} ${d.grades.join(t('enumSeparator'))}, ${d.count} (${d.year})`),
  ];
  return lines.length > 0 ? lines : [t('noRules')];
}
