import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/io/dataError';
import { applyOverrides, decodeText, detectFormat, guessPart, inspectFile, normaliseGrade, normaliseOwnership, normaliseSchoolLevel, normaliseZoneLevel, parseCrs, suggestMapping, toWgs84 } from '../../src/io/import';
import { readCsvTable } from '../../src/io/import/csvTable';
import { cpgEncoding, dbfEncoding } from '../../src/io/import/shapefileZip';
import { findHeaderRow } from '../../src/io/import/table';
import { headerNames } from '../../src/io/import/xlsxHeader';

const rowsOf = (text: string) => {
  const rows: [string[], number][] = [];
  readCsvTable('t.csv', text).forEachRow((cells, line) => rows.push([cells, line]));
  return rows;
};

describe('text decoding', () => {
  it('tells UTF-8 with and without a BOM, UTF-16 by its BOM, and GBK', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ text: 'a', encoding: 'utf-8', bom: true });
    expect(decodeText(new TextEncoder().encode('经度'))).toEqual({ text: '经度', encoding: 'utf-8', bom: false });
    // 经 is U+7ECF: CF 7E in UTF-16LE.
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0xcf, 0x7e]))).toEqual({ text: '经', encoding: 'utf-16le', bom: true });
    // 经度 in GBK is BE AD B6 C8: not valid UTF-8.
    expect(decodeText(new Uint8Array(iconv.encode('经度', 'gbk')))).toEqual({ text: '经度', encoding: 'gbk', bom: false });
    expect([...iconv.encode('经度', 'gbk')]).toEqual([0xbe, 0xad, 0xb6, 0xc8]);
    // A UTF-8 mark an editor put before GBK text: the text is GBK (it was refused as binary).
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...iconv.encode('学籍号,年级', 'gbk')]))).toEqual({ text: '学籍号,年级', encoding: 'gbk', bom: true });
  });

  it('tells UTF-16 written without a byte order mark by its zero bytes (it was refused as binary); binary with zeros everywhere is not UTF-16', () => {
    const table = '学籍号\t年级\t经度\t纬度\r\nG370783201501011234\t一年级\t118.7351\t36.8802\r\n';
    const le = new Uint8Array(iconv.encode(table, 'utf16le'));
    expect(le[0]).not.toBe(0xff);
    expect(decodeText(le)).toEqual({ text: table, encoding: 'utf-16le', bom: false });
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]];
    expect(decodeText(be)).toEqual({ text: table, encoding: 'utf-16be', bom: false });
    expect(decodeText(new Uint8Array(64)).encoding).not.toMatch(/utf-16/);
    const all = Uint8Array.from({ length: 512 }, (_, i) => i % 256);
    expect(decodeText(all).encoding).not.toMatch(/utf-16/);
  });
});

describe('CSV tables', () => {
  it('guesses comma, semicolon and tab, and keeps each row’s first line across CRLF, blank lines and quoted line breaks', () => {
    expect(readCsvTable('t.csv', 'a;b\r\n1;2\r\n').delimiter).toBe(';');
    expect(readCsvTable('t.csv', 'a\tb\n1\t2\n').header).toEqual(['a', 'b']);
    expect(rowsOf('a,b\r\n1,"x\r\ny"\r\n\r\n3,4\r\n')).toEqual([[['1', 'x\r\ny'], 2], [['3', '4'], 5]]);
  });

  it('skips a title row and names empty or repeated header cells', () => {
    const table = readCsvTable('t.csv', '学生名单,,\n学籍号,,学籍号\n1,2,3\n');
    expect(table.header).toEqual(['学籍号', '#2', '学籍号 2']);
    expect(table.headerLine).toBe(2);
    expect(findHeaderRow([1, 3, 3])).toBe(1);
    expect(findHeaderRow([1])).toBe(0);
    expect(findHeaderRow([])).toBe(-1);
  });

  it('bounds the rows by the line breaks of every kind, and guesses the delimiter past a first row of over a megabyte', () => {
    for (const [text, lines] of [['a,b\n1,2\n3,4', 3], ['a,b\r\n1,2\r\n', 3], ['a,b\r1,2\r3,4\r', 4], ['a,b\r\n1,2\n3,4\r5,6', 4]] as const) {
      expect(readCsvTable('t.csv', text).rowBound).toBe(lines);
    }
    // A title cell of 1.25 million characters, then the header and 50 rows.
    const long = `"${'很长的标题说明'.repeat(180_000)}";\n学籍号;姓名\n${Array.from({ length: 50 }, (_, i) => `${i};张${i}\n`).join('')}`;
    const table = readCsvTable('t.csv', long);
    expect([table.delimiter, table.header, table.rowBound]).toEqual([';', ['学籍号', '姓名'], 53]);
    expect(rowsOf(long)[0]).toEqual([['0', '张0'], 3]);
    expect(rowsOf(long)).toHaveLength(50);
  });

  it('throws emptyFile for a file of blank lines', () => {
    expect(() => readCsvTable('t.csv', '\n\n')).toThrow(expect.objectContaining({ code: 'emptyFile', file: 't.csv' }));
  });
});

describe('merged header names', () => {
  const cell = (text: string, spansColumns = false, fromAbove = false) => ({ text, spansColumns, fromAbove });
  it('takes the lower name, the upper one where merged down, and prefixes a repeated lower name with its group', () => {
    const top = [cell('学籍号'), cell('学校', true), cell('学校', true), cell('小区', true), cell('小区', true)];
    const below = [cell('学籍号', false, true), cell('代码'), cell('名称'), cell('代码'), cell('名称')];
    expect(headerNames(top, below)).toEqual(['学籍号', '学校代码', '学校名称', '小区代码', '小区名称']);
  });
  it('numbers a one-row header merged across columns', () => {
    expect(headerNames([cell('坐标', true), cell('坐标', true), cell('')])).toEqual(['坐标', '坐标 2', '#3']);
  });
});

describe('column mapping', () => {
  it('maps Chinese and English aliases, ignoring case, width, spaces and bracketed notes', () => {
    expect(suggestMapping(['学籍号', 'Longitude', '纬度（GCJ02）', '年 级', '学校代码', '小区', '家庭住址'], 'students')).toEqual({
      mapping: { id: '学籍号', lon: 'Longitude', lat: '纬度（GCJ02）', grade: '年 级', school_id: '学校代码', unit_id: '小区', address: '家庭住址' },
      missing: [],
    });
    expect(suggestMapping(['ID', 'x', 'y'], 'students')).toEqual({ mapping: { id: 'ID', lon: 'x', lat: 'y' }, missing: ['grade'] });
    expect(suggestMapping(['学校代码', '学校名称', '学段', '办学性质', '教室数', '经度', '纬度', '网络多媒体教室数'], 'schools').mapping).toEqual({
      id: '学校代码', name: '学校名称', level: '学段', ownership: '办学性质', classrooms: '教室数', lon: '经度', lat: '纬度', multimedia_rooms: '网络多媒体教室数',
    });
    expect(suggestMapping(['学校代码', '学段'], 'catchments').mapping).toEqual({ school_id: '学校代码', level: '学段' });
  });

  it('lets the caller map a column, taking it from the suggestion, or unmap one', () => {
    expect(applyOverrides(['编号', '年级', 'E', 'N', 'lon'], 'students', { lon: 'E', lat: 'N', id: '' })).toEqual({
      mapping: { lon: 'E', lat: 'N', grade: '年级' },
      missing: ['id'],
    });
  });
});

describe('values', () => {
  it('reads grades written the usual ways', () => {
    const cases: [string, number | undefined][] = [
      ['1', 1], ['01', 1], ['一年级', 1], ['1年级', 1], ['G1', 1], ['grade 6', 6], ['小学六年级', 6], ['七年级', 7], ['初一', 7],
      ['初中二年级', 8], ['初中八年级', 8], ['初三', 9], ['９', 9], ['高一', undefined], ['十年级', undefined], ['0', undefined], ['10', undefined], ['', undefined],
      ['初1', 7], ['初３', 9], ['初中2年级', 8], ['小学3年级', 3], ['初4', undefined],
      // With the class: the grade is read, the class dropped.
      ['六年级(3)班', 6], ['六年级（３）班', 6], ['六年级3班', 6], ['三年级二班', 3], ['初中一年级(2)班', 7], ['初一(3)班', 7], ['初二3班', 8], ['3班', undefined],
      // A numeral alone before its class, a separator before the class, a cohort before a grade that names itself.
      ['三（3）班', 3], ['三(3)班', 3], ['三.4班', 3], ['初一.4班', 7], ['初一·2班', 7], ['十(1)班', undefined], ['三', undefined],
      ['2024级一年级', 1], ['2023级初二', 8], ['2023级3班', undefined], ['2023级3', undefined],
    ];
    expect(cases.map(([v]) => [v, normaliseGrade(v)])).toEqual(cases);
  });
  it('reads 学段 and 办学性质', () => {
    expect(['小学', '初中', '九年一贯制', 'junior', '高中'].map(normaliseSchoolLevel)).toEqual(['primary', 'junior', 'nine_year', 'junior', undefined]);
    expect(normaliseZoneLevel('九年一贯制')).toBeUndefined();
    expect(['公办', '民办', 'Private', '合办'].map(normaliseOwnership)).toEqual(['public', 'private', 'private', undefined]);
  });

  it('reads the 办学类型 and 办学性质 words of statistics tables (the load stopped on each)', () => {
    const levels = ['完全中学', '十二年一贯制学校', '一贯制学校', '九年制学校', '小学教学点', '教学点', '完全小学', '中心小学', '完小', '初级中学', '高级中学', '中小学'];
    expect(levels.map(normaliseSchoolLevel)).toEqual(['junior', 'nine_year', 'nine_year', 'nine_year', 'primary', 'primary', 'primary', 'primary', 'primary', 'junior', undefined, undefined]);
    const owners = ['民办学校', '公办学校', '民办（营利性）', '民办(非营利性)', '公立学校', '民营'];
    expect(owners.map(normaliseOwnership)).toEqual(['private', 'public', 'private', 'private', 'public', undefined]);
    // A school's section written as its 学段 (小学部, 初中部) and a teaching point in brackets (the load stopped).
    expect(['小学部', '初中部', '小学（教学点）', '小学(教学点)', '高中部'].map(normaliseSchoolLevel)).toEqual(['primary', 'junior', 'primary', 'primary', undefined]);
  });
});

describe('formats, parts and coordinate systems', () => {
  it('detects formats by extension and refuses the rest naming the file', () => {
    expect(['a.CSV', 'b.tsv', 'c.xlsx', 'd.geojson', 'e.zip', 'f.kml'].map((n) => detectFormat(n, new Uint8Array([0x50, 0x4b])))).toEqual(['csv', 'csv', 'xlsx', 'geojson', 'shapefile', 'kml']);
    expect(() => detectFormat('zones.shp', new Uint8Array(4))).toThrow(new DataError('zones.shp', 'unknownFormat', { got: '.shp', value: 'CSV, XLSX, XLS, ODS, ET, GeoJSON, zipped Shapefile, KML, KMZ' }));
  });
  it('guesses the part from the contract name, words in the name, or the format', () => {
    expect(guessPart('students.csv', 'csv')).toBe('students');
    expect(guessPart('2024学生名单.xlsx', 'xlsx')).toBe('students');
    expect(guessPart('学校片区.geojson', 'geojson')).toBe('catchments');
    expect(guessPart('全市学校.xlsx', 'xlsx')).toBe('schools');
    expect(guessPart('export.zip', 'shapefile')).toBe('catchments');
    expect(guessPart('export.csv', 'csv')).toBeUndefined();
    expect(guessPart('county.geojson', 'geojson')).toBe('county');
  });
  it('reads .cpg code pages and guesses a .dbf’s encoding', () => {
    expect(['GBK', '936', 'ANSI 936', 'UTF-8', '65001', 'Big5'].map(cpgEncoding)).toEqual(['gbk', 'gbk', 'gbk', 'utf-8', 'utf-8', 'big5']);
    const dbf = (driver: number, record: number[]) => {
      const bytes = new Uint8Array(65 + record.length);
      bytes[8] = 65; // header length
      bytes[29] = driver;
      bytes.set([0x49, 0x44], 32);
      bytes[64] = 0x0d;
      bytes.set(record, 65);
      return bytes;
    };
    expect(dbfEncoding(dbf(0, [0x20, 0xe5, 0xad, 0xa6]))).toBe('utf-8');
    // 学段 in GBK: D1 A7 alone would be valid UTF-8 (ѧ), B6 CE is not.
    expect(dbfEncoding(dbf(0, [0x20, 0xd1, 0xa7, 0xb6, 0xce]))).toBe('gbk');
    expect(dbfEncoding(dbf(0x4d, [0x20, 0x41]))).toBe('gbk');
  });
  it('parses coordinate system names and leaves WGS84 and out-of-range positions alone', () => {
    expect(parseCrs('f', 'GCJ02')).toBe('gcj02');
    expect(parseCrs('f', 'CGCS2000')).toBe('wgs84');
    expect(() => parseCrs('f', 'utm')).toThrow(expect.objectContaining({ code: 'unknownCrs' }));
    expect(toWgs84(118.7, 36.9, 'wgs84')).toEqual([118.7, 36.9]);
    expect(toWgs84(200, 36.9, 'gcj02')).toEqual([200, 36.9]);
    // BD-09 adds Baidu's ~0.0065° / 0.006° on top of GCJ-02: WGS84 lies ~1.1 km south-west of it here.
    const [x, y] = toWgs84(118.7, 36.9, 'bd09');
    expect(x).toBeCloseTo(118.6879, 3);
    expect(y).toBeCloseTo(36.8933, 3);
  });
});

describe('inspecting a file before import', () => {
  it('shows the part, columns and suggested mapping of a GBK pupils list, with the caller’s choice laid over', async () => {
    const bytes = new Uint8Array(iconv.encode('学籍号,东经,北纬,就读年级,备注\r\n1,118.7,36.9,一年级,\r\n', 'gbk'));
    expect(await inspectFile({ name: '学生.csv', bytes, mapping: { unit_id: '备注' } })).toEqual({
      format: 'csv', part: 'students', header: ['学籍号', '东经', '北纬', '就读年级', '备注'],
      suggestion: { mapping: { id: '学籍号', lon: '东经', lat: '北纬', grade: '就读年级', unit_id: '备注' }, missing: [] },
      years: [], cohorts: [],
    });
  });
});
