import { describeDataProblem } from '../dataProblems';
import { numberFormat } from '../numberFormat';
import type { MessageLanguage } from '../editProblems';
import { fillTemplate } from '../messageTemplate';
import type { ValidationItem } from './types';

/**
 * The validation findings in both languages. Placeholders: {feature}, {school}, {schools},
 * {level}, {got}, {n}, {area}, {pupils}, {lines}, {first}, {features}, {file}, {problem}, {id},
 * {crs}, {readAs}, {tested}, {before}, {after}, {layers}, {assigned}.
 */
export const VALIDATION_MESSAGES = {
  'invalidPolygon.notPolygon': { en: 'Zone feature {feature}{school}: the geometry is not a Polygon or MultiPolygon with rings; left out', 'zh-CN': '第 {feature} 个片区要素{school}不是带边界的多边形，已忽略' },
  'invalidPolygon.tooFewPoints': { en: 'Zone feature {feature}{school}: a ring has fewer than 3 distinct points; left out', 'zh-CN': '第 {feature} 个片区要素{school}有边界少于 3 个不同的点，已忽略' },
  'invalidPolygon.notFinite': { en: 'Zone feature {feature}{school}: a coordinate is not a finite number; left out', 'zh-CN': '第 {feature} 个片区要素{school}有坐标不是有效数字，已忽略' },
  'invalidPolygon.notLonLat': { en: 'Zone feature {feature}{school}: a position is not longitude/latitude degrees; left out', 'zh-CN': '第 {feature} 个片区要素{school}有坐标不是经纬度，已忽略' },
  'invalidPolygon.notClosed': { en: 'Zone feature {feature}{school}: a ring is not closed (its last position is not its first); left out', 'zh-CN': '第 {feature} 个片区要素{school}有边界环不闭合（终点不是起点），已忽略' },
  'invalidPolygon.zeroArea': { en: 'Zone feature {feature}{school}: a ring encloses no area; left out', 'zh-CN': '第 {feature} 个片区要素{school}有边界环面积为零，已忽略' },
  selfIntersection: { en: 'The {level} zone of {school} (feature {feature}) crosses itself at {n} point(s)', 'zh-CN': '{school}的{level}片区（第 {feature} 个要素）边界自相交 {n} 处' },
  'zoneReference.missingSchoolId': { en: 'Zone feature {feature} has no school_id; left out', 'zh-CN': '第 {feature} 个片区要素缺少 school_id，已忽略' },
  'zoneReference.unknownSchool': { en: 'Zone feature {feature}: school_id "{got}" is not in the schools file; left out', 'zh-CN': '第 {feature} 个片区要素的 school_id "{got}" 不在学校文件中，已忽略' },
  'zoneReference.badLevel': { en: 'Zone feature {feature} ({school}): "level" must be primary or junior, got {got}; left out', 'zh-CN': '第 {feature} 个片区要素（{school}）的 "level" 应为 primary（小学）或 junior（初中），实际为 {got}，已忽略' },
  'zoneReference.privateSchool': { en: 'Zone feature {feature}: {school} is private and takes no zone; left out', 'zh-CN': '第 {feature} 个片区要素：{school}是民办学校，不划片，已忽略' },
  'zoneReference.wrongLevel': { en: 'Zone feature {feature}: {school} does not teach {level} grades; left out', 'zh-CN': '第 {feature} 个片区要素：{school}不招收{level}学生，已忽略' },
  duplicateZone: { en: '{school} has {n} {level} zone features ({features}); they form one zone', 'zh-CN': '{school}有 {n} 个{level}片区要素（第 {features} 个），合为一个片区' },
  gap: { en: 'A gap between {level} zones: {area}, {pupils} pupil(s) live there', 'zh-CN': '{level}片区之间有空隙 {area}，住有 {pupils} 名学生' },
  overlap: { en: 'The {level} zones of {schools} overlap by {area}, affecting {pupils} pupil(s){assigned}', 'zh-CN': '{schools}的{level}片区重叠 {area}，涉及 {pupils} 名学生{assigned}' },
  'pupilsOutside.county': {
    en: '{pupils} {level} pupil(s) live outside every {level} zone (lines {lines}); {beyond} of them outside the county too, up to {km} km beyond it ({rows}): their coordinates are probably wrong (another coordinate system, a typo)',
    'zh-CN': '{pupils} 名{level}学生住在所有{level}片区之外（第 {lines} 行）；其中 {beyond} 名在县域之外，最远在县界外 {km} 公里（{rows}）：其坐标很可能有误（坐标系不对或录入错误）',
  },
  pupilsOutside: { en: '{pupils} {level} pupil(s) live outside every {level} zone (lines {lines})', 'zh-CN': '{pupils} 名{level}学生住在所有{level}片区之外（第 {lines} 行）' },
  'shiftedLayer.pupils': {
    en: '{file}: the pupils look like {crs} read as {readAs} — choose {crs} for {file}. Of {tested} pupils checked, {before} live outside the zone of their school (without one: outside every zone); read as {crs}, {after} would',
    'zh-CN': '{file}：学生坐标看起来是 {crs}，却按 {readAs} 读取——请为 {file} 选择 {crs}。抽查的 {tested} 名学生中有 {before} 名住在其学校的片区之外（无学校片区的：在所有片区之外）；按 {crs} 读取只有 {after} 名',
  },
  'shiftedLayer.schools': {
    en: '{file}: the schools look like {crs} read as {readAs} — choose {crs} for {file}. {before} of {tested} school zones do not hold their school; read as {crs}, {after} would not',
    'zh-CN': '{file}：学校坐标看起来是 {crs}，却按 {readAs} 读取——请为 {file} 选择 {crs}。{tested} 个学校片区中有 {before} 个不包含本校；按 {crs} 读取只有 {after} 个',
  },
  'shiftedLayer.units': {
    en: '{file}: the compounds and villages look like {crs} read as {readAs} — choose {crs} for {file}. Of {tested} checked (compounds and villages, and pupils placed at them by address), {before} lie outside every zone (a pupil: outside the zone of their school); read as {crs}, {after} would',
    'zh-CN': '{file}：小区和村的坐标看起来是 {crs}，却按 {readAs} 读取——请为 {file} 选择 {crs}。抽查的 {tested} 个（小区、村及按地址定位到其中的学生）中有 {before} 个在所有片区之外（学生：在其学校的片区之外）；按 {crs} 读取只有 {after} 个',
  },
  'shiftedLayer.unitsFew': {
    en: '{file}: the compounds and villages may be {crs} read as {readAs}. Of {tested} checked (compounds and villages, and pupils placed at them by address), {before} lie outside every zone (a pupil: outside the zone of their school); read as {crs}, {after} would — but at fewer than 3 places, as when the pupils of one compound attend a school across a zone boundary: check the coordinate system of {file}',
    'zh-CN': '{file}：小区和村的坐标可能是 {crs}，却按 {readAs} 读取。抽查的 {tested} 个（小区、村及按地址定位到其中的学生）中有 {before} 个在所有片区之外（学生：在其学校的片区之外）；按 {crs} 读取只有 {after} 个——但只涉及不到 3 处，也可能是某小区的学生跨片就读：请核对 {file} 的坐标系',
  },
  'shiftedLayer.zones': {
    en: '{file}: the zones look like {crs} read as {readAs} — choose {crs} for {file}. The {layers} fit them only when shifted: {before} of {tested} checked lie outside their zone; with the zones read as {crs}, {after} would',
    'zh-CN': '{file}：片区坐标看起来是 {crs}，却按 {readAs} 读取——请为 {file} 选择 {crs}。{layers}只有平移后才与片区吻合：抽查的 {tested} 个中有 {before} 个不在其片区内；片区按 {crs} 读取则只有 {after} 个',
  },
  'shiftedLayer.unitsByPupils': {
    en: '{file}: the compounds and villages look like {crs} read as {readAs} — choose {crs} for {file}. Pupils live a median {before} from the compound or village they name ({tested} checked); read as {crs}, {after}',
    'zh-CN': '{file}：小区和村的坐标看起来是 {crs}，却按 {readAs} 读取——请为 {file} 选择 {crs}。学生住址与其所属小区或村的距离中位数为 {before}（抽查 {tested} 名）；按 {crs} 读取则为 {after}',
  },
  'shiftedLayer.pupilsByUnits': {
    en: '{file}: the pupils look like {crs} read as {readAs} — choose {crs} for {file}. They live a median {before} from the compound or village they name ({tested} checked); read as {crs}, {after}',
    'zh-CN': '{file}：学生坐标看起来是 {crs}，却按 {readAs} 读取——请为 {file} 选择 {crs}。学生住址与其所属小区或村的距离中位数为 {before}（抽查 {tested} 名）；按 {crs} 读取则为 {after}',
  },
  fileNotUsed: { en: '{file}: not used — {problem}; the other files are loaded', 'zh-CN': '{file}：未使用——{problem}；其他文件照常载入' },
  fileRemark: { en: '{file}: loaded, but {problem}', 'zh-CN': '{file}：已载入，但{problem}' },
  duplicateSchoolId: { en: 'School id "{id}" is used by {n} schools: {schools}', 'zh-CN': '学校 id "{id}" 被 {n} 所学校使用：{schools}' },
  rowsRejected: { en: '{file}: {n} row(s) not loaded (lines {lines}); line {first}: {problem}', 'zh-CN': '{file}：{n} 行未载入（第 {lines} 行）；第 {first} 行：{problem}' },
  rowsLoaded: { en: '{file}: {n} row(s) loaded with a remark (lines {lines}); line {first}: {problem}', 'zh-CN': '{file}：{n} 行已载入但有问题（第 {lines} 行）；第 {first} 行：{problem}' },
  roadPiece: { en: 'A piece of the road network ({n} segment(s)) is not joined to the rest: {pupils} pupil(s) whose nearest road is on it (lines {lines}) can reach by road only the schools on it: {schools}', 'zh-CN': '有一段道路（{n} 段）与路网其余部分不连通：最近道路在此段上的 {pupils} 名学生（第 {lines} 行）沿道路只能到达此段上的学校：{schools}' },
  pupilsAtSchool: {
    en: '{school}: {pupils} of its {enrolled} pupils live exactly at the school (lines {lines}) — most often an unknown home filled with the school\'s address. They count in the zone the school stands in and do not move with a redrawn boundary: check their homes',
    'zh-CN': '{school}：{enrolled} 名学生中有 {pupils} 名的住址坐标就是学校所在位置（第 {lines} 行）——多为住址不详时填了学校地址。他们计入学校所在的片区，改划边界也不会随住址变动：请核对其住址',
  },
  schoolWithoutZone: { en: '{school} is a public school teaching {level} grades but has no {level} zone', 'zh-CN': '{school}是招收{level}学生的公办学校，但没有{level}片区' },
} as const satisfies Record<string, Record<MessageLanguage, string>>;

/** The code of a validation message. */
export type ValidationMessageCode = keyof typeof VALIDATION_MESSAGES;

const CRS_LABELS = { wgs84: 'WGS84', gcj02: 'GCJ-02', bd09: 'BD-09' } as const;

const LAYER_NAMES = {
  pupils: { en: 'pupils', 'zh-CN': '学生' },
  schools: { en: 'schools', 'zh-CN': '学校' },
  units: { en: 'compounds and villages', 'zh-CN': '小区和村' },
  zones: { en: 'zones', 'zh-CN': '片区' },
} as const;

const LEVEL_NAMES = { primary: { en: 'primary', 'zh-CN': '小学' }, junior: { en: 'junior', 'zh-CN': '初中' } } as const;

/** A whole or decimal number with the language's grouping. */
function formatNumber(n: number, lang: MessageLanguage, digits = 0): string {
  return numberFormat(lang, 'decimal', digits).format(n);
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
    case 'pupilsOutside': return item.beyondCounty ? 'pupilsOutside.county' : 'pupilsOutside';
    case 'shiftedLayer':
      if (item.against !== 'zones') return item.layer === 'units' ? 'shiftedLayer.unitsByPupils' : 'shiftedLayer.pupilsByUnits';
      return item.layer === 'units' && item.severity === 'warning' ? 'shiftedLayer.unitsFew' : `shiftedLayer.${item.layer}`;
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
    case 'schools':
      if (item.kind === 'roadPiece' && item.schools.length === 0) return lang === 'en' ? 'none' : '无';
      return item.schools.map(schoolName).join(lang === 'en' ? ' and ' : '与');
    case 'id': return item.schools[0]?.id;
    case 'feature': return 'feature' in item ? item.feature : undefined;
    case 'features': return item.kind === 'duplicateZone' ? list(item.features, false) : undefined;
    case 'got': return item.kind === 'zoneReference' ? item.got : undefined;
    case 'area': return 'areaM2' in item ? formatArea(item.areaM2, lang) : undefined;
    case 'pupils': return 'pupils' in item ? formatNumber(item.pupils, lang) : undefined;
    case 'enrolled': return item.kind === 'pupilsAtSchool' ? formatNumber(item.enrolled, lang) : undefined;
    case 'file': return item.kind === 'rows' || item.kind === 'shiftedLayer' || item.kind === 'fileNotUsed' || item.kind === 'fileRemark' ? item.file : undefined;
    case 'crs': return item.kind === 'shiftedLayer' ? CRS_LABELS[item.crs] : undefined;
    case 'readAs': return item.kind === 'shiftedLayer' ? CRS_LABELS[item.readAs] : undefined;
    case 'tested': return item.kind === 'shiftedLayer' ? formatNumber(item.tested, lang) : undefined;
    case 'before':
    case 'after': {
      if (item.kind !== 'shiftedLayer') return undefined;
      const v = key === 'before' ? item.before : item.after;
      return item.against === 'zones' ? formatNumber(v, lang) : `${formatNumber(v, lang)}${lang === 'en' ? ' m' : ' 米'}`;
    }
    case 'layers': return item.kind === 'shiftedLayer' ? (item.layers ?? []).map((l) => LAYER_NAMES[l][lang]).join(lang === 'en' ? ' and ' : '和') : undefined;
    case 'lines':
      if (item.kind === 'rows') return list(item.lines, item.count > item.lines.length);
      if (item.kind === 'pupilsOutside' || item.kind === 'roadPiece' || item.kind === 'pupilsAtSchool') return list(item.lines, item.pupils > item.lines.length);
      return undefined;
    case 'first': return item.kind === 'rows' ? item.lines[0] : undefined;
    case 'beyond': return item.kind === 'pupilsOutside' && item.beyondCounty ? formatNumber(item.beyondCounty.pupils, lang) : undefined;
    case 'km': return item.kind === 'pupilsOutside' && item.beyondCounty ? formatNumber(item.beyondCounty.maxKm, lang, 1) : undefined;
    case 'rows': {
      if (item.kind !== 'pupilsOutside' || !item.beyondCounty) return undefined;
      const { rows, pupils } = item.beyondCounty;
      const named = rows.map((r) => (lang === 'en' ? `${r.file} line ${r.line}` : `${r.file} 第 ${r.line} 行`)).join(lang === 'en' ? '; ' : '；');
      return named + (pupils > rows.length ? ' …' : '');
    }
    case 'assigned': {
      if (item.kind !== 'overlap' || item.assigned.length === 0) return '';
      const parts = item.assigned.map((a) => (lang === 'en' ? `${schoolName(a.school)} ${formatNumber(a.pupils, lang)}` : `${schoolName(a.school)} ${formatNumber(a.pupils, lang)} 名`));
      return lang === 'en' ? `; by the overlap rule they go to ${parts.join(', ')}` : `，按重叠规则归入：${parts.join('、')}`;
    }
    case 'problem':
      if (item.kind === 'fileNotUsed' || item.kind === 'fileRemark') return item.problem ? describeDataProblem(item.problem.code, item.problem.params, lang) : item.reason;
      if (item.kind !== 'rows') return undefined;
      return item.firstProblem ? describeDataProblem(item.firstProblem.code, item.firstProblem.params, lang) : item.firstReason;
    case 'n':
      if (item.kind === 'selfIntersection') return formatNumber(item.crossings, lang);
      if (item.kind === 'duplicateZone') return formatNumber(item.features.length, lang);
      if (item.kind === 'duplicateSchoolId' || item.kind === 'rows') return formatNumber(item.count, lang);
      if (item.kind === 'roadPiece') return formatNumber(item.segments, lang);
      return undefined;
    default: return undefined;
  }
}

/** The message of a validation item in a language, with numbers in plain units. */
export function describeValidationItem(item: ValidationItem, lang: MessageLanguage): string {
  return fillTemplate(VALIDATION_MESSAGES[codeOf(item)][lang], (key) => valueOf(item, key, lang), lang);
}
