import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/core/rules';
import { parseSchools } from '../../src/io/parseSchools';
import { parseStudents } from '../../src/io/parseStudents';

// The tiny county's schools: P1, P2, X1 (private) primary, J1 junior, N9 nine-year.
const schools = parseSchools('schools.geojson', readFileSync(join(import.meta.dirname, '../fixtures/tiny/schools.geojson'), 'utf8'));

describe('pupil rows a registry export gets wrong', () => {
  const text = [
    'id,lon,lat,grade,school_id',
    'r1,0,0,3,',
    'r2,118.01,36.01,7,P1',
    'r3,118.01,36.01,2,J1',
    'r4,118.01,36.01,7,J1',
    'r5,118.01,36.01,3,N9',
    'r6,118.01,36.01,9,N9',
    'r7,118.01,36.01,3,P1',
  ].join('\n');
  const parsed = parseStudents('students.csv', text, schools, DEFAULT_RULES);

  it('rejects a grade the row’s own school does not teach, public or private (初一 written 一年级 at a junior school)', () => {
    expect(parsed.rejected.filter((r) => r.problem?.code === 'gradeNotTaught').map((r) => [r.line, r.reason])).toEqual([
      [3, 'grade 7 is not taught at 西小学 (school_id "P1")'],
      [4, 'grade 2 is not taught at 中学 (school_id "J1")'],
    ]);
  });

  it('rejects 0,0 as a position left unfilled, not a place outside every zone', () => {
    expect(parsed.rejected.filter((r) => r.problem?.code === 'zeroLonLat').map((r) => r.line)).toEqual([2]);
  });

  it('keeps the rest, and rows read = loaded + rejected', () => {
    expect(parsed.columns.x).toHaveLength(4);
    expect(parsed.rowsRead).toBe(7);
    expect(parsed.columns.x.length + parsed.rejected.length).toBe(parsed.rowsRead);
  });
});
