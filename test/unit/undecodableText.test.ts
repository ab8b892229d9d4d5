// Bytes that are text in neither UTF-8 nor GBK, and huge text, in the files a planner reads: a
// message names the file and the line and never quotes the garbage (U+FFFD) or a 600,000-character
// header whole (issue 15: the fuzz campaign's message-binary and message-long failures).
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeDataProblem } from '../../src/core/dataProblems';
import { echo, echoList } from '../../src/core/printable';
import { DEFAULT_RULES } from '../../src/core/rules';
import { DataError } from '../../src/io/dataError';
import { decodeText, importDataset, parseMappingFile, readImportedDataset, type ImportFile } from '../../src/io/import';

const tiny = join(import.meta.dirname, '../fixtures/tiny');
const utf8 = (text: string) => new TextEncoder().encode(text);
const tinyFile = (name: string, part: ImportFile['part']): ImportFile => ({ name, part, bytes: new Uint8Array(readFileSync(join(tiny, name))) });
const studentsText = readFileSync(join(tiny, 'students.csv'), 'utf8');

/**
 * The bytes of `text` with byte 0x81 put in before the first `before`, which starts with an ASCII
 * character below 0x40 other than a digit: 0x81 is not UTF-8, and in GBK a lead byte that such a
 * character cannot follow, so the byte decodes to nothing in either.
 */
function withBadByte(text: string, before: string): Uint8Array {
  const at = utf8(text.slice(0, text.indexOf(before))).length;
  const bytes = utf8(text);
  return Uint8Array.from([...bytes.slice(0, at), 0x81, ...bytes.slice(at)]);
}

async function refusal(run: () => Promise<unknown> | unknown): Promise<DataError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error('no refusal');
}

describe('a GBK file with rarer characters (生僻字) in four-byte GB18030 sequences', () => {
  it('is read whole: names such as 王𬌗 and 张𠮷 are decoded, every row loaded (57 rows of a supplement were refused as damaged)', async () => {
    const text = studentsText.replace('west', '王𬌗').replace('west', '张𠮷');
    const bytes = new Uint8Array(iconv.encode(text, 'gb18030'));
    expect(decodeText(bytes)).toEqual({ text, encoding: 'gbk', bom: false });
    const imported = await importDataset([tinyFile('schools.geojson', 'schools'), tinyFile('catchments.geojson', 'catchments'), { name: '补录.csv', part: 'students', bytes }]);
    const plain = await importDataset([tinyFile('schools.geojson', 'schools'), tinyFile('catchments.geojson', 'catchments'), { name: '补录.csv', part: 'students', bytes: utf8(text) }]);
    const counts = (i: typeof imported) => {
      const { dataset } = readImportedDataset(i, DEFAULT_RULES, 2024);
      return [dataset.rowsRead, dataset.pupils.count, dataset.rejected.length];
    };
    expect(counts(imported)).toEqual(counts(plain));
  });
});

describe('decoding a file that is neither UTF-8 nor GBK', () => {
  it('a UTF-8 file with one bad byte stays UTF-8 (it was read wholly as GBK: 西小学 became 瑗垮皬瀛)', () => {
    const text = 'id,name\nP1,西城区第一小学\nP2,东城区第二小学\nP3,南关街道中心小学\n';
    const decoded = decodeText(withBadByte(text, ',东城区'));
    expect(decoded).toEqual({ text: text.replace(',东城区', '\ufffd,东城区'), encoding: 'utf-8', bom: false });
  });

  it('GBK text stays GBK, a damaged byte in it decoding to nothing', () => {
    const gbk = [0xce, 0xf7, 0xd0, 0xa1, 0xd1, 0xa7];
    expect(decodeText(Uint8Array.of(...gbk, 0x0a, ...gbk))).toEqual({ text: '西小学\n西小学', encoding: 'gbk', bom: false });
    expect(decodeText(Uint8Array.of(...gbk, 0x81, 0x0a, ...gbk))).toEqual({ text: '西小学\ufffd\n西小学', encoding: 'gbk', bom: false });
  });

});

describe('a file read as a whole is refused by line', () => {
  it('a schools GeoJSON with a bad byte on line 3: "line 3 holds bytes that are not text", not a JSON syntax error quoting them', async () => {
    const text = readFileSync(join(tiny, 'schools.geojson'), 'utf8');
    const e = await refusal(() => importDataset([{ name: 'schools.geojson', part: 'schools', bytes: withBadByte(text, '"type":"Feature","geometry":{"type":"Point","coordinates":[118.015') }, tinyFile('catchments.geojson', 'catchments'), tinyFile('students.csv', 'students')]));
    expect(e.message).toBe('schools.geojson: line 3 holds bytes that are not text in UTF-8 or GBK: the file is damaged or not a text file');
    expect(describeDataProblem(e.code, e.params, 'zh-CN')).toBe('第 3 行含有无法按 UTF-8 或 GBK 解码的字节：文件已损坏或不是文本文件');
  });

  it('a mapping file read with a bad byte (the CLI reads it as UTF-8: the byte is U+FFFD) on line 2', async () => {
    const e = await refusal(() => parseMappingFile('mapping.json', '{"version": 1,\n "parts": {"students": {"columns": {"id": "\ufffd号"}}}}'));
    expect({ file: e.file, code: e.code, params: e.params }).toEqual({ file: 'mapping.json', code: 'undecodableText', params: { n: 2 } });
  });
});

describe('a table: the header refused by line, a data row rejected by line and the rest read', () => {
  const read = async (students: Uint8Array) => {
    const imported = await importDataset([tinyFile('schools.geojson', 'schools'), tinyFile('catchments.geojson', 'catchments'), { name: 'students.csv', part: 'students', bytes: students }]);
    return readImportedDataset(imported, DEFAULT_RULES, 2024).dataset;
  };

  it('pupils: line 4 (a3) with a bad byte is rejected as undecodable, the rest read as without it (it was "lon is not a longitude" quoting U+FFFD)', async () => {
    const whole = await read(utf8(studentsText));
    const dataset = await read(withBadByte(studentsText, '.009,36.019'));
    expect([dataset.rowsRead, dataset.pupils.count]).toEqual([whole.rowsRead, whole.pupils.count - 1]);
    expect(dataset.rejected.filter((r) => !whole.rejected.some((w) => w.line === r.line)).map((r) => [r.file, r.line, r.reason])).toEqual([
      ['students.csv', 4, 'the row holds bytes that are not text in UTF-8 or GBK (the file is damaged here); the row is not loaded'],
    ]);
    expect(dataset.rejected).toHaveLength(whole.rejected.length + 1);
  });

  it('pupils: a bad byte in the header refuses the file by its line 1', async () => {
    const e = await refusal(() => read(withBadByte(studentsText, ',lat,grade')));
    expect({ file: e.file, code: e.code, params: e.params }).toEqual({ file: 'students.csv', code: 'undecodableText', params: { n: 1 } });
  });

  it('units: a broken quote on line 3 and a bad byte on line 4 reject those rows; the other 2 load (a broken quote stopped the load)', async () => {
    const units = 'id,name,lon,lat\nU1,阳光小区,118.001,36.001\nU2,"幸福家园,118.002,36.002\nU3,和平村,118.003,36.003\nU4,新村,118.004,36.004\n';
    const imported = await importDataset([
      tinyFile('schools.geojson', 'schools'), tinyFile('catchments.geojson', 'catchments'), tinyFile('students.csv', 'students'),
      { name: 'units.csv', part: 'units', bytes: withBadByte(units, ',和平村') },
    ]);
    expect(imported.rejected.map((r) => [r.file, r.line, r.problem?.code])).toEqual([['units.csv', 3, 'unclosedQuote'], ['units.csv', 4, 'undecodableRow']]);
    expect(JSON.parse(imported.texts['units.geojson']!).features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(['U1', 'U4']);
  });
});

describe('echo: the one place a message quotes user text', () => {
  it('cuts text over 400 characters with an ellipsis and its length in the language', () => {
    const header = 'x'.repeat(600_080);
    expect(echo(header, 'en')).toBe(`${'x'.repeat(400)}… (600,080 characters)`);
    expect(echo(header, 'zh-CN')).toBe(`${'x'.repeat(400)}…（共 600,080 字符）`);
    expect(echo('学籍号', 'en')).toBe('学籍号');
  });

  it('escapes undecodable bytes and strips escapes and control characters', () => {
    expect(echo('1\ufffd8.3\u001b[31m', 'en')).toBe('1\\ufffd8.3');
  });

  it('a missing-columns message about a 600,080-character header is short and says how long the header was', () => {
    const found = echoList(['y'.repeat(600_080), 'lon']);
    expect(found).toBe(`${'y'.repeat(60)}…, lon`);
    expect(describeDataProblem('missingColumns', { columns: '"id"', found: 'z'.repeat(600_080) }, 'en')).toBe(`missing required column(s) "id" (found: ${'z'.repeat(400)}… (600,080 characters))`);
  });

  it('a missing-columns refusal of a pupils file whose header has a 600,000-character cell (fuzz seed 1 case 9: a nesting bomb for a header)', async () => {
    const e = await refusal(() => importDataset([tinyFile('schools.geojson', 'schools'), tinyFile('catchments.geojson', 'catchments'), { name: 'students.csv', part: 'students', bytes: utf8(`id,lon,${'['.repeat(600_000)}\n1,118,36\n`) }]));
    expect(e.message).toBe(`students.csv: missing required column(s) "lat", "grade" (found: id, lon, ${'['.repeat(60)}…)`);
  });
});
