import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { computeLetterRows, groupLettersByUnit, type LetterRow } from '../../src/core/publish/letters';
import { DEFAULT_RULES } from '../../src/core/rules';
import { DEFAULT_PROJECTION, NO_RULES, type ScenarioRules } from '../../src/core/scenarioRules';
import { applyZoneEdit } from '../../src/core/zoneEdits';
import { buildLettersDocx } from '../../src/io/export/docx';
import { computeLettersTable, lettersDocument } from '../../src/io/export/letters';
import { buildTablesWorkbook } from '../../src/io/export/workbook';
import { readDataset } from '../../src/io/readDataset';
import { noticeUnits } from '../../workers/zoneNoticeRun';
import { warningCountyTexts } from './warningCounty';

// The warning county (A west, B east; 45 pupils a grade in A's unit UA, 40 in B's UB; J's 100 pupils
// a grade 7–9 all in UA) with a second junior school K: J's zone the west half, K's the east half.
// The scenario gives K (junior) or B (primary) a square around UA (118.003–118.007).
const square = (x0: number, x1: number) => [[[x0, 36.0], [x1, 36.0], [x1, 36.01], [x0, 36.01], [x0, 36.0]]];
function county() {
  const base = warningCountyTexts();
  const schools = JSON.parse(base['schools.geojson']!);
  schools.features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [118.015, 36.005] }, properties: { id: 'K', name: 'K校', level: 'junior', ownership: 'public', classrooms: 9 } });
  const zones = JSON.parse(base['catchments.geojson']!);
  zones.features = zones.features.filter((f: { properties: { school_id: string } }) => f.properties.school_id !== 'J');
  zones.features.push({ type: 'Feature', properties: { school_id: 'J', level: 'junior' }, geometry: { type: 'Polygon', coordinates: square(118.0, 118.01) } });
  zones.features.push({ type: 'Feature', properties: { school_id: 'K', level: 'junior' }, geometry: { type: 'Polygon', coordinates: square(118.01, 118.02) } });
  // A name column: the first pupil is named.
  const students = base['students.csv']!.replace('id,lon,lat,grade,school_id,unit_id', 'id,lon,lat,grade,school_id,unit_id,name').replace(/\n/g, ',\n').replace('id,lon,lat,grade,school_id,unit_id,name,', 'id,lon,lat,grade,school_id,unit_id,name').replace(/^(p1,[^\n]*),$/m, '$1,张小明');
  const loaded = readDataset({ ...base, 'schools.geojson': JSON.stringify(schools), 'catchments.geojson': JSON.stringify(zones), 'students.csv': students }, DEFAULT_RULES, 2020);
  const d = loaded.dataset;
  const ctx = { schools: d.schools, schoolIndex: new Map(d.schools.map((s, i) => [s.id, i])), unitIndex: new Map(d.unitIds.map((u, i) => [u, i])) };
  const area = { type: 'Polygon' as const, coordinates: [[[118.003, 36.003], [118.007, 36.003], [118.007, 36.007], [118.003, 36.007], [118.003, 36.003]]] };
  const give = (level: 'primary' | 'junior', schoolId: string) => applyZoneEdit(d.zoneState, { op: 'assignArea', level, schoolId, area }, ctx);
  const id = (s: string) => ctx.schoolIndex.get(s)!;
  return { loaded, d, give, id };
}

/** Rows counted by "level year from→to grade". */
function tally(rows: LetterRow[], ids: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) {
    const key = `${r.level} ${r.year} ${r.from.map((s) => ids[s]).join('+')}→${r.to.map((s) => ids[s]).join('+')} g${r.grade}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

describe('letters to the families a scenario moves', () => {
  it('without phase-in, moves every pupil of the area in the first year; pupils leaving the level are not moved there', () => {
    const { d, give } = county();
    const rows = computeLetterRows(d, give('primary', 'B'), NO_RULES, DEFAULT_PROJECTION, DEFAULT_RULES);
    const ids = d.schools.map((s) => s.id);
    // UA's grades 1–5 of 2020 are grades 2–6 at B in 2021; its grade 6 goes on to junior, unchanged.
    expect(tally(rows, ids)).toEqual({ 'primary 2021 A→B g2': 45, 'primary 2021 A→B g3': 45, 'primary 2021 A→B g4': 45, 'primary 2021 A→B g5': 45, 'primary 2021 A→B g6': 45 });
  });

  it('with phase-in, moves a pupil only when it enters a level from the phase-in year on', () => {
    const { d, give } = county();
    const state = give('junior', 'K');
    const ids = d.schools.map((s) => s.id);
    const phased: ScenarioRules = { ...NO_RULES, phaseIn: { fromYear: 2021 } };
    // UA's primary pupils enter junior at K: grade 6 of 2020 in 2021, grade 1 of 2020 in 2026. J's pupils stay.
    expect(tally(computeLetterRows(d, state, phased, DEFAULT_PROJECTION, DEFAULT_RULES), ids)).toEqual({
      'junior 2021 J→K g7': 45, 'junior 2022 J→K g7': 45, 'junior 2023 J→K g7': 45, 'junior 2024 J→K g7': 45, 'junior 2025 J→K g7': 45, 'junior 2026 J→K g7': 45,
    });
    // Without it, J's grades 7 and 8 of UA move in 2021 too (grade 9 leaves).
    expect(tally(computeLetterRows(d, state, NO_RULES, DEFAULT_PROJECTION, DEFAULT_RULES), ids)).toEqual({
      'junior 2021 J→K g8': 100, 'junior 2021 J→K g9': 100,
      'junior 2021 J→K g7': 45, 'junior 2022 J→K g7': 45, 'junior 2023 J→K g7': 45, 'junior 2024 J→K g7': 45, 'junior 2025 J→K g7': 45, 'junior 2026 J→K g7': 45,
    });
    // Phase-in from a year already past: the entrants of 2019 and 2020 (grades 2 and 1) follow the new zones, the earlier ones stay.
    const early: ScenarioRules = { ...NO_RULES, phaseIn: { fromYear: 2019 } };
    expect(tally(computeLetterRows(d, give('primary', 'B'), early, DEFAULT_PROJECTION, DEFAULT_RULES), ids)).toEqual({ 'primary 2021 A→B g2': 45, 'primary 2021 A→B g3': 45 });
  });

  it('writes the mail-merge table with ids and names, and a DOCX letter per unit that re-opens', async () => {
    const { loaded, d, give } = county();
    const rows = computeLetterRows(d, give('junior', 'K'), { ...NO_RULES, phaseIn: { fromYear: 2021 } }, DEFAULT_PROJECTION, DEFAULT_RULES);
    const units = noticeUnits(loaded);
    const names = { dataset: '预警测试县', school: (s: number) => d.schools[s].name, units };
    const table = computeLettersTable(rows, d, names, 'zh-CN');
    expect(table.header).toEqual(['小区/村代码', '小区/村', '街道/镇', '学籍号', '姓名', '学段', '基准年年级', '调整年年级', '原学校', '新学校', '适用年份']);
    // p1 is UA's first grade-1 pupil of A: junior in 2026.
    expect(table.rows.find((r) => r[3] === 'p1')).toEqual(['UA', '西村', '', 'p1', '张小明', '初中', 1, 7, 'J校', 'K校', 2026]);
    expect(table.rows.filter((r) => r[4] === '').length).toBe(rows.length - 1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await buildTablesWorkbook([{ name: '致家长信', table }]).xlsx.writeBuffer()) as ArrayBuffer);
    expect(book.getWorksheet('致家长信')!.rowCount).toBe(1 + 270);

    expect(groupLettersByUnit(rows).map((l) => [l.unit, l.moves.length])).toEqual([[d.unitIds.indexOf('UA'), 6]]);
    const zip = await JSZip.loadAsync(await buildLettersDocx(lettersDocument(rows, names, 'zh-CN', '2021年3月1日')));
    const xml = await zip.file('word/document.xml')!.async('string');
    const texts = [...xml.matchAll(/<w:t[^>]*>(.*?)<\/w:t>/g)].map((m) => m[1]);
    expect(texts).toEqual([
      '致西村学生家长的一封信', '尊敬的家长：', '根据预警测试县义务教育学校招生片区调整方案，居住在西村的学生就读学校调整如下：',
      ...[2021, 2022, 2023, 2024, 2025, 2026].map((y) => `自${y}年秋季学期起，初中7年级学生（45人）由J校调整至K校。`),
      '如有疑问，请向学校或教育主管部门咨询（电话：________）。', '预警测试县教育主管部门', '2021年3月1日',
    ]);
    // No pupil is named in a letter.
    expect(xml).not.toContain('张小明');
  });
});
