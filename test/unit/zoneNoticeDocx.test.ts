import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/core/rules';
import { buildDocx } from '../../src/io/export/docx';
import { zoneNoticeDocument } from '../../src/features/publish/zoneNoticeText';
import { runZoneNotice } from '../../workers/zoneNoticeRun';
import { readDataset } from '../../src/io/readDataset';
import { warningCountyTexts } from './warningCounty';

/** The text of each table cell of a DOCX's document.xml, row by row (a plain reading of the XML). */
function cellsOf(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((row) => [...row[1].matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((c) => [...c[1].matchAll(/<w:t[^>]*>(.*?)<\/w:t>/gs)].map((t) => t[1]).join('\n')));
}

describe('招生片区公告 as DOCX', () => {
  it('re-opens and holds each school\'s units, 四至 and changes, with the title and document number given', async () => {
    const texts = warningCountyTexts({
      'units.geojson': '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"UA","name":"西村","town":"圣城街道"},"geometry":{"type":"Point","coordinates":[118.005,36.005]}},{"type":"Feature","properties":{"id":"UB","name":"东村 <&>","town":"文家街道"},"geometry":{"type":"Point","coordinates":[118.015,36.005]}}]}',
    });
    const loaded = readDataset(texts, DEFAULT_RULES, 2020);
    const view = runZoneNotice(loaded, [], () => loaded.dataset.zoneState, DEFAULT_RULES);
    const names: Record<string, string> = { A: 'A校', B: 'B校', J: 'J校' };
    const doc = zoneNoticeDocument(view, loaded.dataset.schools, { dataset: '预警测试县', year: 2021, docNo: '寿教字〔2021〕5号', date: '2021年5月1日', locale: 'zh-CN', nameOf: (id) => names[id] });
    const bytes = await buildDocx(doc);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).sort()).toEqual(['[Content_Types].xml', '_rels/', '_rels/.rels', 'word/', 'word/document.xml']);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('预警测试县2021年义务教育学校招生片区公告');
    expect(xml).toContain('寿教字〔2021〕5号');
    const rows = cellsOf(xml);
    expect(rows).toEqual([
      ['学校', '招生范围', '四至', '需人工确认（片区边界穿过的小区、村）', '调整说明'],
      ['A校', '圣城街道：西村', '东至B校片区；南至县（市）界；西至县（市）界；北至县（市）界', '', '无调整'],
      ['B校', '文家街道：东村 &lt;&amp;&gt;', '东至县（市）界；南至县（市）界；西至A校片区；北至县（市）界', '', '无调整'],
      ['学校', '招生范围', '四至', '需人工确认（片区边界穿过的小区、村）', '调整说明'],
      ['J校', '圣城街道：西村\n文家街道：东村 &lt;&amp;&gt;', '东至县（市）界；南至县（市）界；西至县（市）界；北至县（市）界', '', '无调整'],
    ]);
  });
});
