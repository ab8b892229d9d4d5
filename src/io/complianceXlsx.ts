import ExcelJS from 'exceljs';
import type { School } from '../core/dataset';
import type { MessageLanguage } from '../core/editProblems';
import { ZONE_LEVELS } from '../core/rules';
import { INDICATORS, type IndicatorKey, type StandardsProfile, type StandardsResult } from '../core/standards';
import { safeCell } from './safeCell';

const HEADERS: Record<MessageLanguage, Record<IndicatorKey | 'school' | 'id' | 'pupils' | 'met' | 'pass' | 'indicator' | 'cv' | 'cvMax' | 'ok', string>> = {
  'zh-CN': {
    school: '学校', id: '代码', pupils: '学生数', met: '达标项数', pass: '是否达标', indicator: '指标', cv: '差异系数', cvMax: '标准', ok: '是否达标',
    teachersQualifiedPer100: '每百名学生高于规定学历教师数', backbonePer100: '每百名学生县级以上骨干教师数', peArtPer100: '每百名学生体育艺术专任教师数',
    roomAreaPerStudent: '生均教学及辅助用房面积（平方米）', sportsAreaPerStudent: '生均体育运动场馆面积（平方米）', equipmentValuePerStudent: '生均教学仪器设备值（元）', multimediaRoomsPer100: '每百名学生网络多媒体教室数',
  },
  en: {
    school: 'School', id: 'ID', pupils: 'Pupils', met: 'Indicators met', pass: 'Pass', indicator: 'Indicator', cv: 'Coefficient of variation', cvMax: 'Standard', ok: 'Pass',
    teachersQualifiedPer100: 'Qualified teachers per 100 pupils', backbonePer100: 'Backbone teachers per 100 pupils', peArtPer100: 'PE and art teachers per 100 pupils',
    roomAreaPerStudent: 'Teaching room area per pupil (m²)', sportsAreaPerStudent: 'Sports area per pupil (m²)', equipmentValuePerStudent: 'Equipment value per pupil (yuan)', multimediaRoomsPer100: 'Multimedia classrooms per 100 pupils',
  },
};

const SHEETS: Record<MessageLanguage, Record<'primary' | 'junior' | 'county', string>> = {
  'zh-CN': { primary: '小学', junior: '初中', county: '县域差异系数' },
  en: { primary: 'Primary', junior: 'Junior', county: 'County CV' },
};


/** A county CV that cannot be computed, in the workbook (the same words as the compliance card). */
const NOT_COMPUTABLE = {
  noPupils: { en: 'not computable: no school of the level has pupils', 'zh-CN': '无法计算：该学段没有学生' },
  noResource: { en: 'not computable: no school reports this resource', 'zh-CN': '无法计算：没有学校填报此项' },
} as const;

/**
 * The compliance report as a workbook: one sheet per level with every school section and its 7
 * indicators (values under the threshold marked red), and one with the county CVs.
 */
export function buildComplianceWorkbook(standards: StandardsResult, schools: School[], profile: StandardsProfile, lang: MessageLanguage): ExcelJS.Workbook {
  const h = HEADERS[lang];
  const yes = lang === 'en' ? 'yes' : '是';
  const no = lang === 'en' ? 'no' : '否';
  const book = new ExcelJS.Workbook();
  const byId = new Map(schools.map((s) => [s.id, s]));
  for (const level of ZONE_LEVELS) {
    const sheet = book.addWorksheet(SHEETS[lang][level]);
    sheet.addRow([h.school, h.id, h.pupils, ...INDICATORS.map((k) => h[k]), h.met, h.pass]).font = { bold: true };
    for (const x of standards.sections.filter((s) => s.level === level)) {
      const row = sheet.addRow([safeCell(byId.get(x.schoolId)?.name ?? x.schoolId), safeCell(x.schoolId), x.pupils, ...INDICATORS.map((k) => Math.round(x.indicators[k] * 100) / 100), x.met, x.pass ? yes : no]);
      INDICATORS.forEach((k, i) => {
        if (x.indicators[k] < profile.thresholds[level][k]) row.getCell(4 + i).font = { color: { argb: 'FFCF1322' } };
      });
    }
    sheet.columns.forEach((c, i) => (c.width = i === 0 ? 24 : 14));
  }
  const county = book.addWorksheet(SHEETS[lang].county);
  county.addRow([lang === 'en' ? 'Level' : '学段', h.indicator, h.cv, h.cvMax, h.ok]).font = { bold: true };
  for (const level of ZONE_LEVELS) {
    for (const k of INDICATORS) {
      const cv = standards[level].cv[k];
      const why = standards[level].notComputable[k];
      county.addRow([SHEETS[lang][level], h[k], why ? NOT_COMPUTABLE[why][lang] : Math.round(cv * 1e4) / 1e4, profile.cvMax[level], why ? '—' : cv <= profile.cvMax[level] ? yes : no]);
    }
  }
  county.columns.forEach((c, i) => (c.width = i === 1 ? 36 : 14));
  return book;
}
