// The corpus county 样本县 (test/fixtures/sample-county): a bureau's raw files with every quirk of
// issue 16 at once, loaded with only the choices a planner makes in the mapping dialog
// (mapping.json), must give the counts of truth.json — computed by plain geometry in
// make-county.ts, never by the app — exactly, school by school and grade by grade.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UNASSIGNED } from '../../src/core/assignment';
import { DEFAULT_RULES } from '../../src/core/rules';
import { computeScenarioRun } from '../../src/core/scenarioRun';
import { importDataset, readImportedDataset, shiftedLayersOfImported, type ImportFile } from '../../src/io/import';
import { simulateCli } from './simulateCli';

const root = join(import.meta.dirname, '../..');
const countyDir = join(root, 'test/fixtures/sample-county');
const filesDir = join(countyDir, 'files');
const work = mkdtempSync(join(tmpdir(), 'corpus-county-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Grades = Record<string, number>;
interface TruthPupil {
  id: string;
  file: string;
  row: number;
  grade: number;
  school?: string | null;
  group?: string[];
  lon: number;
  lat: number;
  tags: string[];
}
interface Truth {
  baseYear: number;
  files: Record<'pupils' | 'pupilsExtra' | 'schools' | 'primaryZones' | 'juniorZones' | 'units' | 'county', string>;
  expect: {
    rowsRead: Record<string, number>;
    loaded: number;
    rejected: number;
    skipped: number;
    assigned: number;
    unassigned: number;
    unassignedByLevel: { primary: number; junior: number };
    schools: Record<string, { name: string; enrollment: number; grades: Grades }>;
    groups: { schools: string[]; enrollment: number; grades: Grades }[];
    schoolRows: { read: number; schools: number; skipped: { file: string; row: number }[] };
    overlaps: { level: string; schools: string[]; areaM2: number; pupils: number; to: string[] }[];
  };
  pupils: TruthPupil[];
  rejected: { file: string; row: number; reason: string }[];
  skipped: { file: string; row: number }[];
}
/** A part's choices in the mapping file (data/README.md); a part given by several files lists one per file. */
interface MappingEntry {
  file: string;
  crs?: ImportFile['crs'];
  level?: 'primary' | 'junior';
  columns?: Record<string, string>;
}
type MappingParts = Record<string, MappingEntry | MappingEntry[]>;

const truth = JSON.parse(readFileSync(join(countyDir, 'truth.json'), 'utf8')) as Truth;
const mapping = JSON.parse(readFileSync(join(countyDir, 'mapping.json'), 'utf8')) as { version: number; parts: MappingParts };
/** Every file's entry with its part. */
const entries = Object.entries(mapping.parts).flatMap(([part, e]) => (Array.isArray(e) ? e : [e]).map((entry) => ({ part: part as NonNullable<ImportFile['part']>, entry })));
const F = truth.files;
const at = (name: string) => join(filesDir, name);

// What each rejection must say, by the kind truth.json gives it (the English messages of src/core/dataProblems.ts).
const REASON: Record<string, RegExp> = {
  badGrade: /^grade ".*" is not a whole number from 1 to \d$/,
  cohortOutOfRange: new RegExp(`^grade "${truth.baseYear + 1}级" is grade 0 in the autumn term of ${truth.baseYear}, outside grades 1 to 6$`),
  badLon: /^lon "118\.7O5" is not a longitude in degrees$/,
  addressUnmatched: /^no coordinates, and the address "外县务工人员临时住所" names none of the compounds and villages loaded, nor is like any of them$/,
  addressAmbiguous: /^no coordinates, and the address "王家庄17号" fits several compounds or villages: .*王家庄 \(U07\).*王家庄 \(U08\)|王家庄 \(U08\).*王家庄 \(U07\)/,
};

/** The mapping with the given files' coordinate systems left to the app (or set to `crsOf`'s), written to a file. */
function mappingFile(name: string, withoutCrs: string[] = [], crsOf: Record<string, NonNullable<MappingEntry['crs']>> = {}): string {
  const path = join(work, name);
  const strip = ({ crs, ...e }: MappingEntry): MappingEntry => (withoutCrs.includes(e.file) ? e : { ...e, crs: crsOf[e.file] ?? crs });
  const parts = Object.fromEntries(Object.entries(mapping.parts).map(([part, e]) => [part, Array.isArray(e) ? e.map(strip) : strip(e)]));
  writeFileSync(path, JSON.stringify({ ...mapping, parts }));
  return path;
}

/** Every raw file with its part, as a planner gives them on the command line. */
function fileArgs(): string[] {
  return [
    '--schools', at(F.schools),
    '--catchments', at(F.primaryZones), '--catchments', at(F.juniorZones),
    '--students', at(F.pupils), '--students', at(F.pupilsExtra),
    '--units', at(F.units),
    '--county', at(F.county), '--county-crs', 'gcj02',
  ];
}

interface Row {
  file: string;
  sheet?: string;
  line: number;
  reason: string;
}
interface SchoolJson {
  id: string;
  enrollment: number;
  grades: Grades;
}

const byPlace = (a: { file: string; line: number }, b: { file: string; line: number }) => a.file.localeCompare(b.file) || a.line - b.line;

/** The CLI's output against the truth: rows, rejections, total rows, every school's pupils by grade. */
function expectTruth(json: { students: Record<string, number>; rejected: Row[]; skipped?: Row[]; schools: SchoolJson[]; county: { unassignedByLevel: Record<string, number> } }) {
  const e = truth.expect;
  expect(json.students).toEqual({ input: e.loaded + e.rejected, assigned: e.assigned, unassigned: e.unassigned, rejected: e.rejected });
  expect(json.county.unassignedByLevel).toEqual(e.unassignedByLevel);

  expect(json.rejected.map(({ file, line }) => ({ file, line })).sort(byPlace)).toEqual(truth.rejected.map(({ file, row }) => ({ file, line: row })).sort(byPlace));
  for (const r of truth.rejected) {
    const got = json.rejected.find((x) => x.file === r.file && x.line === r.row)!;
    expect(got.reason, `${r.file} row ${r.row}`).toMatch(REASON[r.reason]);
  }
  for (const r of json.rejected.filter((x) => x.file === F.pupils)) expect(r.sheet).toBe(`${truth.baseYear}秋`);

  const skipped = json.skipped ?? [];
  const expectedSkipped = [...truth.skipped, ...e.schoolRows.skipped].map(({ file, row }) => ({ file, line: row })).sort(byPlace);
  expect(skipped.map(({ file, line }) => ({ file, line })).sort(byPlace)).toEqual(expectedSkipped);
  for (const r of skipped) expect(r.reason).toMatch(/^total row skipped/);
  // Rows read = loaded + rejected + skipped, over the two pupil files.
  const pupilSkipped = skipped.filter((r) => r.file === F.pupils || r.file === F.pupilsExtra).length;
  expect(json.students.input + pupilSkipped).toBe(Object.values(e.rowsRead).reduce((a, n) => a + n, 0));

  const grouped = new Set(e.groups.flatMap((g) => g.schools));
  expect(json.schools.map((s) => s.id).sort()).toEqual([...Object.keys(e.schools), ...grouped].sort());
  for (const [id, want] of Object.entries(e.schools)) {
    const got = json.schools.find((s) => s.id === id)!;
    expect({ id, enrollment: got.enrollment, grades: got.grades }).toEqual({ id, enrollment: want.enrollment, grades: pick(want.grades, Object.keys(got.grades)) });
  }
  for (const g of e.groups) {
    const members = json.schools.filter((s) => g.schools.includes(s.id));
    expect(members.reduce((a, s) => a + s.enrollment, 0)).toBe(g.enrollment);
    for (const grade of ['1', '2', '3', '4', '5', '6']) expect(members.reduce((a, s) => a + (s.grades[grade] ?? 0), 0), `group grade ${grade}`).toBe(g.grades[grade]);
  }
}

const pick = (grades: Grades, keys: string[]) => Object.fromEntries(keys.map((k) => [k, grades[k]]));

describe('corpus county 样本县: raw files with every quirk, loaded with the mapping dialog’s choices only', () => {
  it('the generator’s truth is consistent: rows, outcomes and school counts add up', () => {
    const e = truth.expect;
    expect(truth.pupils).toHaveLength(e.loaded);
    expect(truth.rejected).toHaveLength(e.rejected);
    expect(truth.skipped).toHaveLength(e.skipped);
    expect(Object.values(e.rowsRead).reduce((a, n) => a + n, 0)).toBe(e.loaded + e.rejected + e.skipped);
    const atSchools = Object.values(e.schools).reduce((a, s) => a + s.enrollment, 0) + e.groups.reduce((a, g) => a + g.enrollment, 0);
    expect(atSchools).toBe(e.assigned);
    expect(truth.pupils.filter((p) => p.school === null)).toHaveLength(e.unassigned);
  });

  it('CLI: every school’s pupils by grade equal the truth; rows read = loaded + rejected + skipped', () => {
    const out = join(work, 'county.json');
    const r = simulateCli(...fileArgs(), '--units-crs', 'gcj02', '--mapping', mappingFile('mapping.json'), '--validate', '--out', out);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code, r.stderr).toBe(0);
    // The base year comes from the files (sheet 2024秋, 2024学年), not from --base-year.
    expect(r.stderr).toMatch(new RegExp(`base year ${truth.baseYear}\\b`));
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expectTruth(json);
    // The report names each pair of overlapping zones, the pupils living in both and the school that gets them.
    const overlaps = (json.validation as { kind: string; level: string; schools: string[]; areaM2: number; pupils: number; message: string }[]).filter((v) => v.kind === 'overlap');
    const pair = (o: { level: string; schools: string[]; pupils: number }) => ({ level: o.level, schools: [...o.schools].sort(), pupils: o.pupils });
    expect(overlaps.map(pair)).toEqual(truth.expect.overlaps.map(pair));
    for (const want of truth.expect.overlaps) {
      const got = overlaps.find((o) => pair(o).schools.join() === pair(want).schools.join())!;
      expect(Math.abs(got.areaM2 - want.areaM2) / want.areaM2).toBeLessThan(0.005);
      expect(got.message).toContain(`they go to ${truth.expect.schools[want.to[0]].name} ${want.pupils}`);
    }
  });

  it('CLI: the two workbooks saved as Excel 97 (.xls, by LibreOffice) give the same truth', () => {
    const asXls = (name: string) => name.replace(/\.xlsx$/, '.xls');
    const args = fileArgs().map((a) => (a === at(F.pupils) || a === at(F.schools) ? join(countyDir, 'xls', asXls(a.slice(filesDir.length + 1))) : a));
    const xlsMapping = join(work, 'mapping-xls.json');
    writeFileSync(xlsMapping, readFileSync(mappingFile('mapping-for-xls.json'), 'utf8').replaceAll(F.pupils, asXls(F.pupils)).replaceAll(F.schools, asXls(F.schools)));
    const out = join(work, 'county-xls.json');
    const r = simulateCli(...args, '--units-crs', 'gcj02', '--mapping', xlsMapping, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(asXls(F.pupils));
    expectTruth(JSON.parse(text.replaceAll(asXls(F.pupils), F.pupils).replaceAll(asXls(F.schools), F.schools)));
  });

  it('CLI: with no coordinate system chosen, the names 百度坐标 and 高德坐标 give BD-09 and GCJ-02, and the same counts', () => {
    const out = join(work, 'county-detected.json');
    const r = simulateCli(...fileArgs(), '--mapping', mappingFile('mapping-detected.json', [F.pupils, F.units]), '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${F.pupils}: coordinate system BD-09, as the file's name says`);
    expect(r.stderr).toContain(`${F.units}: coordinate system GCJ-02, as the file's name says`);
    expectTruth(JSON.parse(readFileSync(out, 'utf8')));
  });

  it('CLI: a shifted zones file among two is fixed in the mapping file, not by --catchments-crs, which would set both', () => {
    const r = simulateCli(...fileArgs(), '--mapping', mappingFile('mapping-junior-gcj.json', [], { [F.juniorZones]: 'gcj02' }), '--out', join(work, 'shifted.json'));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`error: ${F.juniorZones} looks like WGS84 ("crs": "wgs84" in the --mapping file's entry for ${F.juniorZones}; --catchments-crs wgs84 would set every catchments file)`);
  });

  it('every pupil at the school its truth says (≥ 99%, the rest named), placed within 10 m of its home', async () => {
    const files: ImportFile[] = entries.map(({ part, entry: e }) => ({ name: e.file, bytes: new Uint8Array(readFileSync(at(e.file))), part, crs: e.crs, mapping: e.columns, ...(e.level && { level: e.level }) }));
    // A fallback year far from the files' own: the base year must come from them.
    const { dataset } = readImportedDataset(await importDataset(files), DEFAULT_RULES, truth.baseYear + 6);
    expect(dataset.baseYear).toBe(truth.baseYear);
    const run = computeScenarioRun(dataset, dataset.zoneState, DEFAULT_RULES);
    const p = dataset.pupils;
    expect(p.count).toBe(truth.expect.loaded);
    const byRow = new Map<number, TruthPupil[]>();
    for (const t of truth.pupils) byRow.set(t.row, [...(byRow.get(t.row) ?? []), t]);
    const metres = (t: TruthPupil, i: number) => Math.hypot((p.x[i] - t.lon) * 89_000, (p.y[i] - t.lat) * 111_000);
    const wrong: string[] = [];
    const misplaced: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < p.count; i++) {
      // Rows of the two pupil files share line numbers: the nearer home tells them apart.
      const t = (byRow.get(p.line[i]) ?? []).reduce<TruthPupil | undefined>((best, c) => (best === undefined || metres(c, i) < metres(best, i) ? c : best), undefined);
      if (!t || metres(t, i) > 10) {
        misplaced.push(`line ${p.line[i]} at (${p.x[i]}, ${p.y[i]}): ${t ? `${t.id} is ${metres(t, i).toFixed(0)} m away` : 'no such row'}`);
        continue;
      }
      seen.add(t.id);
      const school = run.schoolOf[i] === UNASSIGNED ? null : dataset.schools[run.schoolOf[i]].id;
      const right = t.group ? school !== null && t.group.includes(school) : school === t.school;
      if (!right) wrong.push(`${t.id} (${t.file} row ${t.row}, ${t.tags.join(' ')}): ${school} instead of ${t.group?.join('、') ?? t.school}`);
    }
    expect(misplaced, misplaced.slice(0, 20).join('\n')).toEqual([]);
    expect(seen.size).toBe(truth.expect.loaded);
    expect(wrong.length, wrong.join('\n')).toBeLessThanOrEqual(Math.floor(0.01 * truth.expect.loaded));
  });

  it('names the one zones file read in the wrong coordinate system when each level comes from its own file', async () => {
    const files = (juniorCrs?: 'gcj02'): ImportFile[] => entries.map(({ part, entry: e }) => ({
      name: e.file, bytes: new Uint8Array(readFileSync(at(e.file))), part, crs: e.file === F.juniorZones && juniorCrs ? juniorCrs : e.crs, mapping: e.columns, ...(e.level && { level: e.level }),
    }));
    const shifted = async (given: ImportFile[]) => {
      const imported = await importDataset(given);
      return shiftedLayersOfImported(imported, readImportedDataset(imported, DEFAULT_RULES, truth.baseYear), DEFAULT_RULES);
    };
    expect(await shifted(files())).toEqual([]);
    // The junior KML (WGS84) read as GCJ-02: its zones lie some 500 m off, the primary ones do not.
    const items = await shifted(files('gcj02'));
    expect(items.map((i) => [i.layer, i.file, i.readAs, i.crs])).toEqual([['zones', F.juniorZones, 'gcj02', 'wgs84']]);
  });

  it('names the compounds file read in the wrong coordinate system when the pupils placed at its compounds show it', async () => {
    // 11 compounds are too few to show a shift against the zones, and the pupils placed by address sit
    // on their compound: the pupils placed there, each in its school's zone, are what shows it.
    const files = entries.map(({ part, entry: e }): ImportFile => ({
      name: e.file, bytes: new Uint8Array(readFileSync(at(e.file))), part, crs: e.file === F.units ? 'wgs84' : e.crs, mapping: e.columns, ...(e.level && { level: e.level }),
    }));
    const imported = await importDataset(files);
    const items = shiftedLayersOfImported(imported, readImportedDataset(imported, DEFAULT_RULES, truth.baseYear), DEFAULT_RULES);
    // The 8 pupils it moves all live at one compound: as when one compound's pupils attend a school
    // across a boundary, which is no error, so it is a warning for the planner to judge.
    expect(items.map((i) => [i.layer, i.file, i.readAs, i.crs, i.severity])).toEqual([['units', F.units, 'wgs84', 'gcj02', 'warning']]);
  });
});
