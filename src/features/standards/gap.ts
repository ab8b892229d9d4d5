import type { IndicatorKey, SectionStandards } from '../../core/standards';
import { formatNumber, translate } from '../../i18n/format';
import type { Locale, MessageKey } from '../../i18n/messages';

/** Units of each indicator: how a value reads, and how a shortfall adds up. */
const UNITS: Record<IndicatorKey, { unit: MessageKey; total: MessageKey; per100: boolean; digits: number }> = {
  teachersQualifiedPer100: { unit: 'unit_per100', total: 'total_people', per100: true, digits: 1 },
  backbonePer100: { unit: 'unit_per100', total: 'total_people', per100: true, digits: 1 },
  peArtPer100: { unit: 'unit_per100', total: 'total_people', per100: true, digits: 1 },
  roomAreaPerStudent: { unit: 'unit_m2', total: 'total_m2', per100: false, digits: 1 },
  sportsAreaPerStudent: { unit: 'unit_m2', total: 'total_m2', per100: false, digits: 1 },
  equipmentValuePerStudent: { unit: 'unit_yuan', total: 'total_yuan', per100: false, digits: 0 },
  multimediaRoomsPer100: { unit: 'unit_rooms100', total: 'total_rooms', per100: true, digits: 1 },
};

/** What a section lacks of one missed indicator, in whole units of the resource (m², yuan, teachers, rooms). */
export function shortfall(section: Pick<SectionStandards, 'pupils'>, missed: SectionStandards['missed'][number]): number {
  const u = UNITS[missed.key];
  return Math.ceil(((missed.threshold - missed.value) * section.pupils) / (u.per100 ? 100 : 1));
}

/**
 * The fraction digits (from `digits`, at most 4 more) at which a value below its threshold still
 * reads below it once both are rounded: 2.38 rooms per 100 pupils against 2.4 needs two, not one.
 */
export function gapDigits(value: number, threshold: number, digits: number): number {
  const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
  let d = digits;
  while (d < digits + 4 && round(value, d) >= round(threshold, d)) d++;
  return d;
}

/**
 * A missed indicator in plain words for the locale: its value and threshold in their units and the
 * shortfall for the section's pupils ("生均教学及辅助用房面积 3.9 平方米/生，需 4.5 … 约缺 1,558 平方米").
 */
export function describeGap(locale: Locale, section: Pick<SectionStandards, 'pupils'>, missed: SectionStandards['missed'][number]): string {
  const u = UNITS[missed.key];
  const t = (key: MessageKey) => translate(locale, key);
  const digits = gapDigits(missed.value, missed.threshold, u.digits);
  return translate(locale, 'gapLine', {
    indicator: t(`ind_${missed.key}` as MessageKey),
    value: formatNumber(locale, missed.value, digits),
    threshold: formatNumber(locale, missed.threshold, digits),
    unit: t(u.unit),
    short: formatNumber(locale, shortfall(section, missed)),
    total: t(u.total),
    pupils: formatNumber(locale, section.pupils),
  });
}
