import type { DistanceMetrics, DistanceStats, LevelDistance } from '../../core/distance';
import type { MessageLanguage } from '../../core/editProblems';
import type { School } from '../../core/dataset';
import { MESSAGES } from '../../i18n/messages';
import type { Cell, Table } from './table';

const HEADERS: Record<MessageLanguage, string[]> = {
  'zh-CN': ['学校代码', '学校名称', '学段', '学生数', '距离依据', '平均距离（米）', '中位数（米）', '90%分位（米）', '最远（米）', '直线平均（米）', '直线中位数（米）', '服务半径（米）', '半径内人数', '半径内占比（%）', '就近率（%）', '舍近求远人数', '平均多走（米）', '最多多走（米）', '穿越干道', '穿越铁路', '穿越河流', '需穿越人数', '道路不连通人数'],
  en: ['School ID', 'School name', 'Level', 'Pupils', 'Measured', 'Mean (m)', 'Median (m)', '90th percentile (m)', 'Longest (m)', 'Straight mean (m)', 'Straight median (m)', 'Service radius (m)', 'Within radius', 'Within radius (%)', 'At nearest school (%)', 'Sent past a nearer school', 'Further on average (m)', 'Further at most (m)', 'Cross a main road', 'Cross a railway', 'Cross a river', 'Cross any', 'Road not joined'],
};

const COUNTY: Record<MessageLanguage, string> = { 'zh-CN': '全县', en: 'County' };
const BASIS: Record<MessageLanguage, [string, string]> = { 'zh-CN': ['道路', '直线'], en: ['by road', 'straight line'] };

const metres = (v: number | undefined): Cell => (v === undefined || !Number.isFinite(v) ? null : Math.round(v));
const percent = (v: number | undefined): Cell => (v === undefined ? null : Math.round(v * 1000) / 10);

function cells(d: LevelDistance, byRoad: boolean, lang: MessageLanguage): Cell[] {
  const basis: DistanceStats | undefined = byRoad ? d.road : d.straight;
  return [
    d.pupils,
    BASIS[lang][byRoad ? 0 : 1],
    metres(basis?.meanM),
    metres(basis?.medianM),
    metres(basis?.p90M),
    metres(basis?.maxM),
    metres(d.straight?.meanM),
    metres(d.straight?.medianM),
    d.radiusM ?? null,
    d.within,
    percent(d.withinShare),
    percent(d.nearby?.share),
    d.nearby?.sentPast ?? null,
    metres(d.nearby?.extraMeanM),
    metres(d.nearby?.extraMaxM),
    d.crossings.arterial,
    d.crossings.railway,
    d.crossings.river,
    d.crossings.any,
    d.unreachable,
  ];
}

/**
 * The distance figures (就近入学) as a table: one row per school section with pupils, then the
 * county per level; metres rounded to whole metres, shares as percentages to 0.1.
 */
export function computeDistanceTable(metrics: DistanceMetrics, schools: readonly School[], lang: MessageLanguage = 'zh-CN'): Table {
  const m = MESSAGES[lang];
  const byId = new Map(schools.map((s) => [s.id, s]));
  const rows: Cell[][] = metrics.schools
    .filter((s) => s.pupils > 0)
    .map((s) => {
      const school = byId.get(s.id);
      return [s.id, lang === 'en' && school?.nameEn ? school.nameEn : (school?.name ?? s.id), m[s.level], ...cells(s, metrics.byRoad, lang)];
    });
  for (const level of ['primary', 'junior'] as const) rows.push([null, COUNTY[lang], m[level], ...cells(metrics.county[level], metrics.byRoad, lang)]);
  return { header: HEADERS[lang], rows };
}
