import type { School } from '../../core/dataset';
import { formatPercent, translate } from '../../i18n/format';
import type { Locale } from '../../i18n/messages';
import type { DocxDocument } from '../../io/export/docx';
import type { WarningView } from '../../../workers/warningRun';
import { tierText, warnedYears, warningLines } from './warningTable';

/**
 * The 学位预警 notice as a formal document (for DOCX), as the printable notice shows it: title,
 * document number (or to fill), the thresholds with their source and the data's cut-off date (or
 * to fill), per level a row per public school with its zone's compounds and villages and its tier
 * in each year warned, the disclaimer, the date.
 */
export function warningNoticeDocument(view: WarningView, schools: readonly School[], opts: { dataset: string; docNo: string; cutoff: string; date: string; locale: Locale; nameOf: (id: string) => string; unitName: (id: string) => string }): DocxDocument {
  const { locale } = opts;
  const s = view.settings;
  const fill = translate(locale, 'noticeFill');
  const pct = (v: number) => formatPercent(locale, v);
  return {
    title: translate(locale, 'noticeTitle', { dataset: opts.dataset }),
    subtitle: opts.docNo || fill,
    paragraphs: [translate(locale, 'noticeIntro', { cutoff: opts.cutoff || fill, yellow: pct(s.yellowAt), red: pct(s.redAt), source: s.source })],
    sections: (['primary', 'junior'] as const).flatMap((level) => {
      const years = warnedYears(view, level);
      const lines = warningLines(view, level);
      if (lines.length === 0) return [];
      return [{
        heading: translate(locale, level),
        header: [translate(locale, 'warnSchool'), translate(locale, 'noticeZone'), ...years.map((year) => translate(locale, 'warnYearN', { year }))],
        rows: lines.map((line) => {
          const id = schools[line.school].id;
          const units = (view.zoneUnits[level][id] ?? []).map(opts.unitName);
          return [opts.nameOf(id), units.length > 0 ? units.join(locale === 'en' ? ', ' : '、') : translate(locale, 'noticeZoneEmpty'), ...years.map((y) => (line.years.get(y) ? tierText(line.years.get(y)!, locale) : ''))];
        }),
      }];
    }),
    after: [translate(locale, 'noticeDisclaimer')],
    closing: opts.date,
  };
}
