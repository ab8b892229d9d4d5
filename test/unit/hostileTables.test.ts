import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { describeDataProblem } from '../../src/core/dataProblems';
import { printable } from '../../src/core/printable';
import { DataError } from '../../src/io/dataError';
import { HOSTILE_TABLES, tinyRemark, type HostileTable } from '../fixtures/hostile/tablesManifest';
import { randomBytes } from '../fixtures/hostile/makeHostile';
import { simulateCli } from './simulateCli';

const root = join(import.meta.dirname, '../..');
const tiny = join(root, 'test/fixtures/tiny');
const files = join(root, 'test/fixtures/hostile/files');
const made = mkdtempSync(join(tmpdir(), 'hostile-'));
const tinyStudents = readFileSync(join(tiny, 'students.csv'), 'utf8');

/** The case's file on disk: committed, or made now under a temporary folder. */
async function pathOf(c: HostileTable): Promise<string> {
  if (!c.make) return join(files, c.file);
  const path = join(made, c.file);
  writeFileSync(path, await c.make(tinyStudents));
  return path;
}

describe('hostile tables and archives through npm run simulate: each gives what its manifest entry states', () => {
  for (const c of HOSTILE_TABLES) {
    const e = c.expect;
    it(`${c.file}: ${'code' in e ? `refused with ${e.code}` : `reads ${e.loaded} + ${e.rejected}`} (${c.why})`, { timeout: 120_000 }, async () => {
      const r = simulateCli('--data', tiny, `--${c.part}`, await pathOf(c));
      if ('code' in e) {
        expect(r.stderr).toBe(`error: ${c.file}: ${describeDataProblem(e.code, e.params, 'en')}\n`);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        return;
      }
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr.split('\n').filter((l) => l !== '')).toEqual(c.stderr ?? [tinyRemark(c.part === 'students' ? c.file : 'students.csv')]);
      const json = JSON.parse(r.stdout);
      expect(json.students.input).toBe(e.loaded + e.rejected);
      expect(json.students.rejected).toBe(e.rejected);
      expect(json.students.assigned + json.students.unassigned).toBe(e.loaded);
      expect(json.rejected.map((row: { line: number }) => row.line)).toEqual(e.rejectedLines);
      for (const [line, reason] of Object.entries(e.reasons ?? {})) {
        expect(json.rejected.find((row: { line: number }) => row.line === Number(line)).reason).toBe(reason);
      }
    });
  }
});

describe('npm run simulate on what no file should do to it', () => {
  it('a repeated column loads once the mapping file names the copy to use; the other copy gives other values', () => {
    const mapping = (grade: string) => {
      const path = join(made, `mapping-${grade.replace(' ', '')}.json`);
      writeFileSync(path, JSON.stringify({ version: 1, parts: { students: { columns: { grade } } } }));
      return path;
    };
    const file = join(files, 'students-repeated-column.csv');
    const first = JSON.parse(simulateCli('--data', tiny, '--students', file, '--mapping', mapping('grade')).stdout);
    expect(first.students).toEqual({ input: 19, assigned: 10, unassigned: 3, rejected: 6 });
    // The second copy says "x" for a1 (line 2): a1 is rejected too.
    const second = JSON.parse(simulateCli('--data', tiny, '--students', file, '--mapping', mapping('grade 2')).stdout);
    expect(second.students).toEqual({ input: 19, assigned: 9, unassigned: 3, rejected: 7 });
    expect(second.rejected[0]).toEqual({ file: 'students-repeated-column.csv', line: 2, reason: 'grade "x" is not a whole number from 1 to 9' });
  });

  it('a file name with escape sequences and a line break is printed without them', () => {
    const dir = mkdtempSync(join(made, 'name-'));
    const name = 'ev\u001b[31mil\u001b]0;x\u0007\nerror: all fine.csv';
    writeFileSync(join(dir, name), randomBytes(2048, 7));
    const r = simulateCli('--data', tiny, '--students', join(dir, name));
    expect(r.stderr).toBe('error: evil error: all fine.csv: not a text table: the file holds binary data; save it as CSV (UTF-8 or GBK) or XLSX\n');
    expect(r.code).toBe(1);
  });

  it('--debug adds the stack to the one line; without it there is none', () => {
    const file = join(files, 'students-quote-in-header.csv');
    const plain = simulateCli('--data', tiny, '--students', file);
    expect(plain.stderr).toBe('error: students-quote-in-header.csv: line 1: a quoted value opens here and does not close properly\n');
    const debug = simulateCli('--data', tiny, '--students', file, '--debug');
    const [first, ...stack] = debug.stderr.split('\n');
    expect(first).toBe('error: students-quote-in-header.csv: line 1: a quoted value opens here and does not close properly');
    expect(stack[0]).toMatch(/^DataError: /);
    expect(stack.some((l) => /^\s+at .*csvTable\.ts/.test(l))).toBe(true);
    expect(debug.code).toBe(1);
  });

  it('an unwritable --out is refused in words before the run, and nothing is written', () => {
    const missing = join(made, 'no-such-folder', 'result.json');
    expect(simulateCli('--data', tiny, '--out', missing).stderr).toBe(`error: --out ${missing}: cannot be written (its folder does not exist); nothing was run\n`);
    const folder = mkdtempSync(join(made, 'out-'));
    const r = simulateCli('--data', tiny, '--out', folder);
    expect(r.stderr).toBe(`error: --out ${folder}: cannot be written (it is a folder; give a file name); nothing was run\n`);
    expect(r.code).toBe(1);
    mkdirSync(join(folder, 'ok'));
    expect(simulateCli('--data', tiny, '--out', join(folder, 'ok', 'result.json')).code).toBe(0);
    expect(JSON.parse(readFileSync(join(folder, 'ok', 'result.json'), 'utf8')).students).toEqual({ input: 19, assigned: 10, unassigned: 3, rejected: 6 });
  });
});

describe('printable', () => {
  it('removes CSI, OSC and two-character escapes, C0 and C1 controls and bidi overrides; keeps Chinese', () => {
    expect(printable('\u001b[2J\u001b[1;31m学生\u001b[0m')).toBe('学生');
    expect(printable('a\u001b]0;title\u0007b\u001b]8;;http://x\u001b\\c')).toBe('abc');
    expect(printable('a\u009b31mb\u001bcc\u0000d\u007fe\u0085f')).toBe('abcdef');
    expect(printable('x\u202etxt.exe\u2066y')).toBe('xtxt.exey');
    expect(printable('line 1\nline 2\tend\r')).toBe('line 1 line 2 end ');
  });
});

describe('a fault of a reader becomes "could not be read" naming the file', () => {
  it('importDataset turns what a library throws on a file into readFailed with the file and the cause', async () => {
    vi.resetModules();
    const fault = () => { throw new TypeError("Cannot read properties of undefined (reading 'x')"); };
    vi.doMock('../../src/io/import/kmlZones', () => ({ readKml: fault, readKmlFolders: fault }));
    const { importDataset } = await import('../../src/io/import');
    const bytes = (name: string) => new Uint8Array(readFileSync(join(tiny, name)));
    const error = await importDataset([
      { name: 'schools.geojson', part: 'schools', bytes: bytes('schools.geojson') },
      { name: '片区.kml', part: 'catchments', bytes: new TextEncoder().encode('<kml/>') },
      { name: 'students.csv', part: 'students', bytes: bytes('students.csv') },
    ]).then(() => undefined, (e: unknown) => e);
    vi.doUnmock('../../src/io/import/kmlZones');
    expect((error as Error).name).toBe('DataError');
    expect((error as DataError).message).toBe("片区.kml: could not be read: TypeError: Cannot read properties of undefined (reading 'x')");
    expect((error as DataError).cause).toBeInstanceOf(TypeError);
  });
});
