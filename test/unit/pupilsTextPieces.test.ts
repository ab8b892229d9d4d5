import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { unpackStrings } from '../../src/core/packedStrings';
import { DEFAULT_RULES } from '../../src/core/rules';
import { parseStudents } from '../../src/io/parseStudents';

// parseStudents reads the pupils' text a piece (about 1 M characters) at a time: rows cut by a
// piece's end, quoted cells holding commas, quotes and line breaks among them, must read as whole.
describe('the pupils text read in pieces', () => {
  it('reads every row of a 2 M character text with quoted commas, quotes and line breaks as written, with its row number', () => {
    const names = ['王小明', '李"二"', '张, 三', '赵\n四', '钱\r\n五', '"孙"', ''];
    const rows: string[][] = [];
    for (let i = 0; i < 60_000; i++) rows.push([`P${i}`, String(118 + (i % 1000) / 1e4), String(36 + (i % 997) / 1e4), String(1 + (i % 9)), names[i % names.length] + i]);
    const text = Papa.unparse([['id', 'lon', 'lat', 'grade', 'name'], ...rows], { newline: '\n' });
    expect(text.length).toBeGreaterThan(2_000_000);
    const parsed = parseStudents('students.csv', text, [], DEFAULT_RULES);
    expect(parsed.rowsRead).toBe(rows.length);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.columns.x.length).toBe(rows.length);
    expect(parsed.columns.id ? unpackStrings(parsed.columns.id) : []).toEqual(rows.map((row) => row[0]));
    expect(parsed.columns.name ? unpackStrings(parsed.columns.name) : []).toEqual(rows.map((row) => row[4]));
    rows.forEach((row, i) => {
      expect([parsed.columns.x[i], parsed.columns.y[i], parsed.columns.grade[i]]).toEqual([Number(row[1]), Number(row[2]), Number(row[3])]);
      // Without a source_line column a row is named by its place among the rows (the header is 1).
      expect(parsed.columns.line[i]).toBe(i + 2);
    });
  });
});
