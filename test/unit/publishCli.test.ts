import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateCli } from './simulateCli';
import { warningCountyTexts } from './warningCounty';

// The warning county with a scenario giving B (primary) a box around 西村 (UA): UA's grades 1–5 (45
// pupils each) move from A to B in 2021.
function countyFolder(): { dir: string; scenario: string } {
  const dir = mkdtempSync(join(tmpdir(), 'publish-cli-'));
  for (const [name, text] of Object.entries(warningCountyTexts())) writeFileSync(join(dir, name), text!);
  const area = { type: 'Polygon', coordinates: [[[118.003, 36.003], [118.007, 36.003], [118.007, 36.007], [118.003, 36.007], [118.003, 36.003]]] };
  const scenario = join(dir, 'plan.json');
  writeFileSync(scenario, JSON.stringify({ version: 2, name: '方案', edits: [{ op: 'assignArea', level: 'primary', schoolId: 'B', area }] }));
  return { dir, scenario };
}

describe('npm run simulate -- --publish DIR', () => {
  it('writes the notice, the lookup page, the warning table and notice, and the letters', async () => {
    const { dir, scenario } = countyFolder();
    const out = join(dir, 'out');
    const run = simulateCli('--data', dir, '--scenario', scenario, '--publish', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`published 6 files to ${out} in \\d+\\.\\d s\\n$`));
    expect(readdirSync(out).sort()).toEqual(['学位预警.xlsx', '学位预警公告.docx', '学区查询.html', '招生片区公告.docx', '致家长信.docx', '致家长信名单.xlsx'].sort());
    const notice = await (await JSZip.loadAsync(readFileSync(join(out, '招生片区公告.docx')))).file('word/document.xml')!.async('string');
    expect(notice).toContain('划出：西村');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(out, '致家长信名单.xlsx')) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('致家长信')!;
    expect(sheet.rowCount).toBe(1 + 5 * 45);
    expect(sheet.getRow(2).values).toEqual([undefined, 'UA', '西村', '', 'p1', '', '小学', 1, 2, 'A校', 'B校', 2021]);
    const warning = new ExcelJS.Workbook();
    await warning.xlsx.load(readFileSync(join(out, '学位预警.xlsx')) as unknown as ArrayBuffer);
    // A, B (grade 1) and J (grade 7), 3 years each.
    expect(warning.getWorksheet('学位预警')!.rowCount).toBe(1 + 3 * 3);
    expect(readFileSync(join(out, '学区查询.html'), 'utf8')).toContain('"西村"');
    const warningNotice = await (await JSZip.loadAsync(readFileSync(join(out, '学位预警公告.docx')))).file('word/document.xml')!.async('string');
    expect(warningNotice).toContain('预警测试县义务教育学位预警公告');
    // Per level a table: its header, then a row per school with its zone's units under the scenario.
    const rows = [...warningNotice.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((r) => [...r[1].matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].slice(0, 2).map((c) => [...c[1].matchAll(/<w:t[^>]*>(.*?)<\/w:t>/g)].map((t) => t[1]).join('')));
    expect(rows).toEqual([['学校', '招生范围'], ['A校', '（片区内无登记的小区、村）'], ['B校', '西村、东村'], ['学校', '招生范围'], ['J校', '西村、东村']]);
  });

  it('refuses a language it does not write, before reading anything', () => {
    const run = simulateCli('--data', '/nonexistent', '--publish', '/tmp/x', '--publish-lang', 'fr');
    expect([run.code, run.stderr]).toEqual([1, 'error: --publish-lang must be zh-CN or en, got "fr"\n']);
  });
});
