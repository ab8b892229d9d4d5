import { fillTemplate } from './messageTemplate';

/** Languages the edit messages come in: English for the CLI and the English UI, Chinese first. */
export type MessageLanguage = 'en' | 'zh-CN';

/**
 * Why an edit is refused, in both languages. Placeholders: {what} (the geometry's subject),
 * {level}, {school}, {id}, {op}, {ops}, {at}, {got}.
 */
export const EDIT_PROBLEMS = {
  unknownOp: { en: 'unknown op {op}; expected one of {ops}', 'zh-CN': '未知的修改类型 {op}，应为 {ops} 之一' },
  badLevel: { en: 'level must be primary or junior, got {got}', 'zh-CN': '学段应为 primary（小学）或 junior（初中），实际为 {got}' },
  unknownSchool: { en: 'unknown school "{id}"', 'zh-CN': '没有学校 "{id}"' },
  privateSchool: { en: '{school} is private and takes no zone', 'zh-CN': '{school} 是民办学校，不划片' },
  wrongLevel: { en: '{school} does not teach {level} grades', 'zh-CN': '{school} 不招收{level}学生' },
  noUnits: { en: 'unitIds must list at least one unit', 'zh-CN': '至少要指定一个小区或村' },
  unknownUnit: { en: 'unknown unit "{id}"', 'zh-CN': '没有小区或村 "{id}"' },
  unitWithoutArea: { en: 'unit "{id}" has no home in a {level} zone, so no area to move', 'zh-CN': '小区或村 "{id}" 在{level}片区内没有住户，没有可划转的范围' },
  unitsInLocked: { en: 'the units lie in the locked {level} zone of {school}', 'zh-CN': '这些小区或村位于 {school} 已锁定的{level}片区内' },
  notPolygon: { en: '{what} must be a GeoJSON Polygon or MultiPolygon', 'zh-CN': '{what}必须是多边形（GeoJSON Polygon 或 MultiPolygon）' },
  empty: { en: '{what} is empty', 'zh-CN': '{what}是空的' },
  noRings: { en: '{what} has a polygon without rings', 'zh-CN': '{what}中有多边形没有边界' },
  badCoordinate: { en: '{what} has a coordinate that is not longitude/latitude in degrees', 'zh-CN': '{what}中有坐标不是经纬度' },
  shortRing: { en: '{what} has a ring of fewer than 3 points', 'zh-CN': '{what}中有边界少于 3 个点' },
  selfIntersecting: { en: '{what} crosses itself near {at}', 'zh-CN': '{what}的边界自相交（{at} 附近）' },
  noArea: { en: '{what} has no area', 'zh-CN': '{what}面积为零' },
  outsideCounty: { en: '{what} lies outside the county', 'zh-CN': '{what}在县域之外' },
  coversNoZone: { en: 'the area covers no zone of this level', 'zh-CN': '该区域没有覆盖本学段的任何片区' },
  noZoneToLock: { en: '{school} has no {level} zone to lock', 'zh-CN': '{school} 没有{level}片区，无法锁定' },
  locked: { en: 'the {level} zone of {school} is locked', 'zh-CN': '{school} 的{level}片区已锁定' },
  mergeSelf: { en: 'a zone cannot be merged into itself', 'zh-CN': '片区不能并入自身' },
  noZoneToMerge: { en: '{school} has no {level} zone to merge', 'zh-CN': '{school} 没有{level}片区可以并入' },
  overlapsLocked: { en: 'the zone overlaps the locked {level} zone of {school}', 'zh-CN': '该片区与 {school} 已锁定的{level}片区重叠' },
  badPoint: { en: '"from" and "to" must be [longitude, latitude] in degrees', 'zh-CN': '"from" 和 "to" 必须是 [经度, 纬度]' },
  noVertex: { en: "{school}'s {level} zone has no boundary point at {at}", 'zh-CN': '{school} 的{level}片区在 {at} 没有边界点' },
  vertexOnLocked: { en: 'the point is on the locked {level} zone of {school}', 'zh-CN': '该点在 {school} 已锁定的{level}片区上' },
  moveReachesLocked: { en: 'the move reaches into the locked {level} zone of {school}', 'zh-CN': '移动后会伸入 {school} 已锁定的{level}片区' },
  shortLine: { en: 'the cut line needs at least two points', 'zh-CN': '分割线至少需要两个点' },
  noCut: { en: 'the line does not cut the zone in two', 'zh-CN': '这条线没有把片区分成两部分' },
  nothingToUndo: { en: 'nothing to undo', 'zh-CN': '没有可撤销的修改' },
  nothingToRedo: { en: 'nothing to redo', 'zh-CN': '没有可重做的修改' },
  noFacilities: { en: 'facilities must change at least one field', 'zh-CN': '至少要修改一项设施' },
  unknownFacility: { en: 'unknown facility field "{id}"', 'zh-CN': '没有设施字段 "{id}"' },
  badFacilityValue: { en: '"{id}" must be a number from 0 to {max} (counts such as classrooms and teachers: whole numbers), got {got}', 'zh-CN': '"{id}" 应为 0 到 {max} 之间的数（教室、教师等数量为整数），实际为 {got}' },
  badYear: { en: '"fromYear" must be a year, got {got}', 'zh-CN': '"fromYear" 应为年份，实际为 {got}' },
  tooFewSchools: { en: 'schoolIds must name at least two different schools to share a zone', 'zh-CN': '多校划片至少要指定两所不同的学校' },
  noUnitsInLasso: { en: 'no compound or village inside the lasso', 'zh-CN': '圈选范围内没有小区或村' },
  engineError: { en: 'the computing engine failed while computing it ({got}); nothing was changed', 'zh-CN': '计算引擎计算时出错（{got}），未做任何更改' },
  engineFault: { en: 'the computing engine failed or stopped responding; it was restarted with the current scenario and this was not done', 'zh-CN': '计算引擎出错或无响应，已重新启动并恢复当前方案，此操作未执行' },
  faultyEdit: { en: 'this edit made the computing engine fail twice and is refused', 'zh-CN': '此修改已两次导致计算引擎出错，不再执行' },
  engineStopped: { en: 'the computing engine has stopped after repeated failures; reload the page (your scenarios are kept)', 'zh-CN': '计算引擎多次出错已停止，请重新加载页面（方案不会丢失）' },
} as const satisfies Record<string, Record<MessageLanguage, string>>;

export type EditProblemCode = keyof typeof EDIT_PROBLEMS;

/** What a geometry problem is about: a drawn area, a zone, or a named school's zone. */
export type EditSubject = 'area' | 'zone' | { schoolZone: string };

/** Values that fill an edit problem's placeholders; `level` and `what` are translated. */
export interface EditProblemParams {
  what?: EditSubject;
  level?: 'primary' | 'junior';
  school?: string;
  id?: string;
  op?: string;
  ops?: string;
  at?: string;
  got?: string;
  /** The largest value allowed. */
  max?: number;
}

const LEVEL_NAMES = { primary: { en: 'primary', 'zh-CN': '小学' }, junior: { en: 'junior', 'zh-CN': '初中' } } as const;

function subjectName(what: EditSubject, lang: MessageLanguage): string {
  if (what === 'area') return lang === 'en' ? 'the area' : '该区域';
  if (what === 'zone') return lang === 'en' ? 'the zone' : '该片区';
  return lang === 'en' ? `${what.schoolZone}'s zone` : `${what.schoolZone} 的片区`;
}

/** The message of an edit problem in a language. */
export function describeEditProblem(code: EditProblemCode, params: EditProblemParams, lang: MessageLanguage): string {
  return fillTemplate(EDIT_PROBLEMS[code][lang], (key) => {
    if (key === 'what') return params.what && subjectName(params.what, lang);
    if (key === 'level') return params.level && LEVEL_NAMES[params.level][lang];
    return params[key as Exclude<keyof EditProblemParams, 'what' | 'level'>];
  }, lang);
}

/** A refused edit's reason, as data (it crosses the worker boundary and is shown per locale). */
export interface EditProblem {
  code: EditProblemCode;
  params: EditProblemParams;
}
