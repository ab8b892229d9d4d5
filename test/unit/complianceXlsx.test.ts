import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/core/rules';
import { computeScenarioRun } from '../../src/core/scenarioRun';
import { classesBySection, computeStandards, NATIONAL_PROFILE } from '../../src/core/standards';
import { buildComplianceWorkbook } from '../../src/io/complianceXlsx';
import { safeCell } from '../../src/io/safeCell';
import { readDataset, REQUIRED_FILES } from '../../src/io/readDataset';

describe('compliance report as XLSX', () => {
  it('re-opens with a sheet per level (every school section) and the county CVs', async () => {
    const dir = join(import.meta.dirname, '../../data/shouguang');
    const { dataset } = readDataset(Object.fromEntries(REQUIRED_FILES.map((f) => [f, readFileSync(join(dir, f), 'utf8')])), DEFAULT_RULES, 2020);
    const run = computeScenarioRun(dataset, dataset.zoneState, DEFAULT_RULES);
    const standards = computeStandards(run.schools, run.counts, classesBySection(run.result.schools, DEFAULT_RULES), DEFAULT_RULES);
    const buffer = await buildComplianceWorkbook(standards, dataset.schools, NATIONAL_PROFILE, 'zh-CN').xlsx.writeBuffer();

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['小学', '初中', '县域差异系数']);
    const primary = book.getWorksheet('小学')!;
    expect(primary.getRow(1).getCell(1).value).toBe('学校');
    expect(primary.rowCount - 1).toBe(standards.sections.filter((x) => x.level === 'primary').length);
    const rows = primary.getSheetValues().slice(2) as unknown[][];
    const p01 = rows.find((r) => r[2] === 'P01')!;
    expect(p01[1]).toBe('圣城小学');
    expect(p01[3]).toBe(2600);
    expect(p01[11]).toBe(standards.sections.find((x) => x.schoolId === 'P01')!.met);
    expect(p01[12]).toBe('否');
    const county = book.getWorksheet('县域差异系数')!;
    expect(county.rowCount).toBe(1 + 14);
    expect(county.getRow(2).getCell(3).value).toBeCloseTo(standards.primary.cv.teachersQualifiedPer100, 4);
  });

  it('escapes text a spreadsheet would run as a formula', () => {
    expect(safeCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(safeCell('+1')).toBe("'+1");
    expect(safeCell('\t=1+1')).toBe("'\t=1+1");
    expect(safeCell('\r=1+1')).toBe("'\r=1+1");
    expect(safeCell('圣城小学')).toBe('圣城小学');
  });
});
