import { SIDES } from '../../core/publish/fourBounds';
import type { NoticeUnit, ZoneNoticeEntry } from '../../core/publish/zoneNotice';
import type { School } from '../../core/dataset';
import type { ZoneLevel } from '../../core/rules';
import { translate } from '../../i18n/format';
import type { Locale } from '../../i18n/messages';
import type { DocxDocument } from '../../io/export/docx';
import type { ZoneNoticeView } from '../../../workers/zoneNoticeRun';

/** Units by name, joined as the language writes a list. */
export const unitList = (units: NoticeUnit[], locale: Locale) => units.map((u) => u.name).join(locale === 'en' ? ', ' : '、');

/** 四至 in words: "东至弥河；南至汇文学校片区；西至县（市）界 …", a side's roads and rivers when it runs along named ones, else its neighbours by their schools' names. */
export function boundsText(entry: ZoneNoticeEntry, nameOf: (id: string) => string, locale: Locale): string {
  return SIDES.map((side) => {
    const b = entry.bounds[side];
    const parts = b.roads ?? [...b.neighbours.map((k) => translate(locale, 'boundZone', { school: k.split('、').map(nameOf).join('、') })), ...(b.open ? [translate(locale, 'boundEdge')] : [])];
    return `${translate(locale, `side_${side}`)}${locale === 'en' ? ' ' : ''}${parts.join(locale === 'en' ? ' and ' : '、')}`;
  }).join(locale === 'en' ? '; ' : '；');
}

/** The 调整说明 of an entry: units added and removed against 现状, or "no change". */
export function changesText(entry: ZoneNoticeEntry, locale: Locale): string {
  const parts = [
    entry.gained.length > 0 ? translate(locale, 'zoneNoticeGained', { list: unitList(entry.gained, locale) }) : '',
    entry.lost.length > 0 ? translate(locale, 'zoneNoticeLost', { list: unitList(entry.lost, locale) }) : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(locale === 'en' ? '; ' : '；') : translate(locale, 'zoneNoticeNoChange');
}

/** An entry's zone: a line per 街道/镇 with its compounds and villages. */
export function rangeText(entry: ZoneNoticeEntry, locale: Locale): string {
  return entry.towns.map((g) => `${g.town || translate(locale, 'noTown')}${locale === 'en' ? ': ' : '：'}${unitList(g.units, locale)}`).join('\n');
}

/** The notice as a formal document (for DOCX): title, document number and date as given (or to fill), and per level a row per school. */
export function zoneNoticeDocument(view: ZoneNoticeView, schools: readonly School[], opts: { dataset: string; year: number; docNo: string; date: string; locale: Locale; nameOf: (id: string) => string }): DocxDocument {
  const { locale } = opts;
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(locale, key, vars);
  const section = (level: ZoneLevel) => ({
    heading: t(level),
    header: [t('warnSchool'), t('zoneNoticeRange'), t('zoneNoticeBounds'), t('zoneNoticeCut'), t('zoneNoticeChanges')],
    rows: view[level].map((e) => {
      const school = schools[e.school];
      const name = opts.nameOf(school.id);
      const shared = e.sharedWith.length > 0 ? `\n${t('zoneNoticeShared', { list: e.sharedWith.map(opts.nameOf).join('、') })}` : '';
      return [name + shared, rangeText(e, locale), boundsText(e, opts.nameOf, locale), unitList(e.cut, locale), changesText(e, locale)];
    }),
  });
  return {
    title: t('zoneNoticeTitle', { dataset: opts.dataset, year: opts.year }),
    subtitle: opts.docNo || t('noticeFill'),
    paragraphs: [t('zoneNoticeIntro', { year: opts.year })],
    sections: (['primary', 'junior'] as const).filter((l) => view[l].length > 0).map(section),
    closing: opts.date,
  };
}
