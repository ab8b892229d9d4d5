import { describeDataProblem } from '../dataProblems';
import type { MessageLanguage } from '../editProblems';
import { fillTemplate } from '../messageTemplate';
import type { ValidationItem } from './types';

/**
 * The validation findings in both languages. Placeholders: {feature}, {school}, {schools},
 * {level}, {got}, {n}, {area}, {pupils}, {lines}, {first}, {features}, {file}, {problem}, {id},
 * {crs}, {sampled}, {outside}, {after}, {assigned}.
 */
export const VALIDATION_MESSAGES = {
  'invalidPolygon.notPolygon': { en: 'Zone feature {feature}{school}: the geometry is not a Polygon or MultiPolygon with rings; left out', 'zh-CN': '第 {feature} 个片区要素{school}不是带边界的多边形，已忽略' },
  'invalidPolygon.tooFewPoints': { en: 'Zone feature {feature}{school}: a ring has fewer than 3 distinct points; left out', 'zh-CN': '第 {feature} 个片区要素{school}有边界少于 3 个不同的点，已忽略' },
  'invalidPolygon.notFinite': { en: 'Zone feature {feature}{school}: a coordinate is not a finite number; left out', 'zh-CN': '第 {feature} 个片区要素{school}有坐标不是有效数字，已忽略' },
  selfIntersection: { en: 'The {level} zone of {school} (feature {feature}) crosses itself at {n} point(s)', 'zh-CN': '{school}的{level}片区（第 {feature} 个要素）边界自相交 {n} 处' },
  'zoneReference.missingSchoolId': { en: 'Zone feature {feature} has no school_id; left out', 'zh-CN': '第 {feature} 个片区要素缺少 school_id，已忽略' },
  'zoneReference.unknownSchool': { en: 'Zone feature {feature}: school_id "{got}" is not in the schools file; left out', 'zh-CN': '第 {feature} 个片区要素的 school_id "{got}" 不在学校文件中，已忽略' },
  'zoneReference.badLevel': { en: 'Zone feature {feature} ({school}): "level" must be primary or junior, got {got}; left out', 'zh-CN': '第 {feature} 个片区要素（{school}）的 "level" 应为 primary（小学）或 junior（初中），实际为 {got}，已忽略' },
  'zoneReference.privateSchool': { en: 'Zone feature {feature}: {school} is private and takes no zone; left out', 'zh-CN': '第 {feature} 个片区要素：{school}是民办学校，不划片，已忽略' },
  'zoneReference.wrongLevel': { en: 'Zone feature {feature}: {school} does not teach {level} grades; left out', 'zh-CN': '第 {feature} 个片区要素：{school}不招收{level}学生，已忽略' },
  duplicateZone: { en: '{school} has {n} {level} zone features ({features}); they form one zone', 'zh-CN': '{school}有 {n} 个{level}片区要素（第 {features} 个），合为一个片区' },
  gap: { en: 'A gap between {level} zones: {area}, {pupils} pupil(s) live there', 'zh-CN': '{level}片区之间有空隙 {area}，住有 {pupils} 名学生' },
  overlap: { en: 'The {level} zones of {schools} overlap by {area}, affecting {pupils} pupil(s){assigned}', 'zh-CN': '{schools}的{level}片区重叠 {area}，涉及 {pupils} 名学生{assigned}' },
  pupilsOutside: { en: '{pupils} {level} pupil(s) live outside every {level} zone (lines {lines})', 'zh-CN': '{pupils} 名{level}学生住在所有{level}片区之外（第 {lines} 行）' },
  shiftedPupils: { en: '{outside} of {sampled} {level} pupils checked live outside every {level} zone; read as {crs} coordinates only {after} would: the pupils file may be in {crs}, not WGS84 — choose its coordinate system when loading', 'zh-CN': '抽查的 {sampled} 名{level}学生中有 {outside} 名住在所有{level}片区之外；若按 {crs} 坐标读取则只有 {after} 名：学生文件可能是 {crs} 坐标而不是 WGS84，请在加载时选择坐标系' },
  duplicateSchoolId: { en: 'School id "{id}" is used by {n} schools: {schools}', 'zh-CN': '学校 id "{id}" 被 {n} 所学校使用：{schools}' },
  rowsRejected: { en: '{file}: {n} row(s) not loaded (lines {lines}); line {first}: {problem}', 'zh-CN': '{file}：{n} 行未载入（第 {lines} 行）；第 {first} 行：{problem}' },
  rowsLoaded: { en: '{file}: {n} row(s) loaded with a remark (lines {lines}); line {first}: {problem}', 'zh-CN': '{file}：{n} 行已载入但有问题（第 {lines} 行）；第 {first} 行：{problem}' },
  schoolWithoutZone: { en: '{school} is a public school teaching {level} grades but has no {level} zone', 'zh-CN': '{school}是招收{level}学生的公办学校，但没有{level}片区' },
} as const satisfies Record<string, Record<MessageLanguage, string>>;

/** The code of a validation message. */
export type ValidationMessageCode = keyof typeof VALIDATION_MESSAGES;

const CRS_LABELS = { gcj02: 'GCJ-02', bd09: 'BD-09' } as const;

const LEVEL_NAMES = { primary: { en: 'primary', 'zh-CN': '小学' }, junior: { en: 'junior', 'zh-CN': '初中' } } as const;

/** A whole or decimal number with the language's grouping. */
function formatNumber(n: number, lang: MessageLanguage, digits = 0): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}

/** An area in m²: under 1 m² with 2 decimals, under 0.01 km² in whole m², else in km² with 2 decimals. */
export function formatArea(m2: number, lang: MessageLanguage): string {
  if (m2 >= 10_000) return lang === 'en' ? `${formatNumber(m2 / 1e6, lang, 2)} km²` : `${formatNumber(m2 / 1e6, lang, 2)} 平方公里`;
  const text = formatNumber(m2, lang, m2 < 1 ? 2 : 0);
  return lang === 'en' ? `${text} m²` : `${text} 平方米`;
}

function schoolName(ref: ValidationItem['schools'][number] | undefined): string {
  return ref ? (ref.name ?? ref.id) : '';
}

/** The message code of an item. */
function codeOf(item: ValidationItem): ValidationMessageCode {
  switch (item.kind) {
    case 'invalidPolygon': return `invalidPolygon.${item.reason}`;
    case 'zoneReference': return `zoneReference.${item.reason}`;
    case 'rows': return item.loaded ? 'rowsLoaded' : 'rowsRejected';
    default: return item.kind;
  }
}

/** The value of one placeholder of an item's message. */
function valueOf(item: ValidationItem, key: string, lang: MessageLanguage): string | number | undefined {
  const list = (values: number[], more: boolean) => values.join(lang === 'en' ? ', ' : '、') + (more ? ' …' : '');
  switch (key) {
    case 'level': return item.level && LEVEL_NAMES[item.level][lang];
    case 'school':
      if (item.kind === 'invalidPolygon') return item.schools[0] ? (lang === 'en' ? ` (${schoolName(item.schools[0])})` : `（${schoolName(item.schools[0])}）`) : '';
      return schoolName(item.schools[0]);
    case 'schools': return item.schools.map(schoolName).join(lang === 'en' ? ' and ' : '与');
    case 'id': return item.schools[0]?.id;
    case 'feature': return 'feature' in item ? item.feature : undefined;
    case 'features': return item.kind === 'duplicateZone' ? list(item.features, false) : undefined;
    case 'got': return item.kind === 'zoneReference' ? item.got : undefined;
    case 'area': return 'areaM2' in item ? formatArea(item.areaM2, lang) : undefined;
    case 'pupils': return 'pupils' in item ? formatNumber(item.pupils, lang) : undefined;
    case 'file': return item.kind === 'rows' ? item.file : undefined;
    case 'crs': return item.kind === 'shiftedPupils' ? CRS_LABELS[item.crs] : undefined;
    case 'sampled': return item.kind === 'shiftedPupils' ? formatNumber(item.sampled, lang) : undefined;
    case 'outside': return item.kind === 'shiftedPupils' ? formatNumber(item.outside, lang) : undefined;
    case 'after': return item.kind === 'shiftedPupils' ? formatNumber(item.outsideAsCrs, lang) : undefined;
    case 'lines':
      if (item.kind === 'rows') return list(item.lines, item.count > item.lines.length);
      if (item.kind === 'pupilsOutside') return list(item.lines, item.pupils > item.lines.length);
      return undefined;
    case 'first': return item.kind === 'rows' ? item.lines[0] : undefined;
    case 'assigned': {
      if (item.kind !== 'overlap' || item.assigned.length === 0) return '';
      const parts = item.assigned.map((a) => (lang === 'en' ? `${schoolName(a.school)} ${formatNumber(a.pupils, lang)}` : `${schoolName(a.school)} ${formatNumber(a.pupils, lang)} 名`));
      return lang === 'en' ? `; by the overlap rule they go to ${parts.join(', ')}` : `，按重叠规则归入：${parts.join('、')}`;
    }
    case 'problem':
      if (item.kind !== 'rows') return undefined;
      return item.firstProblem ? describeDataProblem(item.firstProblem.code, item.firstProblem.params, lang) : item.firstReason;
    case 'n':
      if (item.kind === 'selfIntersection') return formatNumber(item.crossings, lang);
      if (item.kind === 'duplicateZone') return formatNumber(item.features.length, lang);
      if (item.kind === 'duplicateSchoolId' || item.kind === 'rows') return formatNumber(item.count, lang);
      return undefined;
    default: return undefined;
  }
}

/** The message of a validation item in a language, with numbers in plain units. */
export function describeValidationItem(item: ValidationItem, lang: MessageLanguage): string {
  return fillTemplate(VALIDATION_MESSAGES[codeOf(item)][lang], (key) => valueOf(item, key, lang));
}
