import type { Tier } from '../../core/warning/settings';
import type { BacktestResult } from '../../core/warning/backtest';
import type { WarningRow } from '../../core/warning/warning';
import type { ZoneLevel } from '../../core/rules';
import { formatPercent, translate } from '../../i18n/format';
import type { Locale } from '../../i18n/messages';
import type { Cell, Table } from '../../io/export/table';
import type { WarningView } from '../../../workers/warningRun';

/** One school's entry grade with its warning per year, and its back-test errors. */
export interface WarningLine {
  key: string;
  school: number;
  schoolId: string;
  level: ZoneLevel;
  grade: number;
  /** By year, in year order. */
  years: Map<number, WarningRow>;
  mape1?: number;
  mape3?: number;
}

/** The years a view warns at a level, in order. */
export function warnedYears(view: WarningView, level: ZoneLevel): number[] {
  return [...new Set(view.rows.filter((r) => r.level === level).map((r) => r.year))].sort((a, b) => a - b);
}

/** The view's rows of a level as one line per school and entry grade (in the rows' school order), with the back-test errors beside. */
export function warningLines(view: WarningView, level: ZoneLevel): WarningLine[] {
  const lines = new Map<string, WarningLine>();
  const errors = new Map((view.backtest?.schools ?? []).filter((e) => e.level === level).map((e) => [e.school, e.errors]));
  for (const r of view.rows) {
    if (r.level !== level) continue;
    const key = `${r.school}|${r.grade}`;
    let line = lines.get(key);
    if (!line) {
      const e = errors.get(r.school);
      line = { key, school: r.school, schoolId: r.schoolId, level, grade: r.grade, years: new Map(), mape1: e?.[1].mape, mape3: e?.[3].mape };
      lines.set(key, line);
    }
    line.years.set(r.year, r);
  }
  return [...lines.values()];
}

/** A tier with its likelihood, "红色，概率 70%" (the likelihood of the tier of the projection's own figure). */
export function tierText(row: WarningRow, locale: Locale): string {
  if (!row.tier) return translate(locale, 'warnNoPlaces');
  const tier = translate(locale, `tier_${row.tier}`);
  const p = row.range?.likelihood[row.tier];
  return p === undefined ? tier : translate(locale, 'tierLikely', { tier, p: formatPercent(locale, p) });
}

/** Demand with its range, "92（85–99）". */
export function demandText(row: WarningRow): string {
  return row.range ? `${row.demand}（${row.range.p10}–${row.range.p90}）` : String(row.demand);
}

/** The ratio as a percentage, or a dash when there are no places. */
export function ratioText(row: WarningRow, locale: Locale): string {
  return row.ratio === undefined || !Number.isFinite(row.ratio) ? '—' : formatPercent(locale, row.ratio);
}

/** The county back-test line of a level, or a sentence when the dataset has no history. */
export function backtestText(view: WarningView, level: ZoneLevel, locale: Locale): string {
  const b: BacktestResult | undefined = view.backtest;
  if (!b) return translate(locale, 'warnBacktestNone');
  const pct = (m?: number) => (m === undefined ? '—' : formatPercent(locale, m, 1));
  return translate(locale, 'warnBacktestCounty', {
    from: view.historyYears[0], to: view.historyYears[view.historyYears.length - 1], level: translate(locale, level), h1: pct(b.county[level][1].mape), h3: pct(b.county[level][3].mape),
  });
}

/**
 * The warning as a table for export: one row per school, entry grade and year — school id and
 * name, level, grade, year, demand, P10, P50, P90, places (and whether from the intake plan),
 * ratio, tier, the likelihood of each tier, and the school's back-test errors.
 */
export function computeWarningTable(view: WarningView, names: (school: number) => string, locale: Locale): Table {
  const zh = locale === 'zh-CN';
  const header = zh
    ? ['学校代码', '学校', '学段', '起始年级', '年份', '需求', 'P10', 'P50', 'P90', '学位', '学位来源', '需求/学位', '预警', '绿色概率', '黄色概率', '红色概率', '回测误差1年', '回测误差3年']
    : ['School id', 'School', 'Level', 'Entry grade', 'Year', 'Demand', 'P10', 'P50', 'P90', 'Places', 'Places from', 'Demand / places', 'Warning', 'P(green)', 'P(yellow)', 'P(red)', 'Back-test error 1 yr', 'Back-test error 3 yrs'];
  const errors = new Map((view.backtest?.schools ?? []).map((e) => [`${e.school}|${e.level}`, e.errors]));
  const tierName = (t?: Tier) => (t ? translate(locale, `tier_${t}`) : translate(locale, 'warnNoPlaces'));
  const share = (v?: number): Cell => (v === undefined ? null : Math.round(v * 1000) / 1000);
  const rows = view.rows.map((r): Cell[] => {
    const e = errors.get(`${r.school}|${r.level}`);
    return [
      r.schoolId, names(r.school), translate(locale, r.level), r.grade, r.year, r.demand, r.range?.p10 ?? null, r.range?.p50 ?? null, r.range?.p90 ?? null,
      r.intake?.places ?? null, r.intake ? (r.intake.source === 'plan' ? (zh ? '招生计划' : 'intake plan') : (zh ? '教室' : 'classrooms')) : null,
      r.ratio === undefined || !Number.isFinite(r.ratio) ? null : Math.round(r.ratio * 1000) / 1000, tierName(r.tier),
      share(r.range?.likelihood.green), share(r.range?.likelihood.yellow), share(r.range?.likelihood.red), share(e?.[1].mape), share(e?.[3].mape),
    ];
  });
  return { header, rows, plainColumns: [3, 4] };
}
