import { describe, expect, it, vi } from 'vitest';
import { applyMappingChoices, confirmDrafts, draftProblems, mappingChoicesOf, withPart } from '../../src/app/importDrafts';
import { formatMappingFile, parseMappingFile } from '../../src/io/import';
import type { ImportDraft } from '../../src/store/store';

// No browser storage here: nothing is remembered, so every draft starts from the suggestion.
const draft = (name: string, format: ImportDraft['format'], header: string[], part: ImportDraft['part']): ImportDraft =>
  withPart({ name, format, header, crs: 'wgs84', mapping: {}, remembered: false }, part);

describe('the mapping step’s drafts', () => {
  const pupils = draft('学生名单-百度坐标.csv', 'csv', ['学籍号', '经度', '纬度', '年级'], 'students');
  const kml = draft('小学片区.kml', 'kml', ['name'], 'catchments');

  it('start from the coordinate system a file’s name says, and from the pinyin-initial suggestion', () => {
    expect(pupils).toMatchObject({ crs: 'bd09', crsHint: { crs: 'bd09', from: 'name' }, mapping: { id: '学籍号', lon: '经度', lat: '纬度', grade: '年级' } });
    expect(draft('学区.zip', 'shapefile', ['XXDM', 'XD'], 'catchments')).toMatchObject({ crs: 'wgs84', crsHint: undefined, mapping: { school_id: 'XXDM', level: 'XD' } });
  });

  it('need a level for a zones file without a level column, unless the whole file is given one', () => {
    expect(kml.mapping).toEqual({ school_name: 'name' });
    expect(draftProblems([kml]).get('小学片区.kml')).toEqual({ missing: ['level'] });
    expect(draftProblems([{ ...kml, level: 'primary' }]).size).toBe(0);
  });

  it('export as a mapping file that reads back, and take one in, listing columns the files lack', () => {
    const choices = mappingChoicesOf([pupils, { ...kml, level: 'primary' }]);
    expect(choices).toEqual({
      catchments: { file: '小学片区.kml', crs: 'wgs84', level: 'primary', columns: { school_id: '', school_name: 'name', level: '', zone_name: '' } },
      students: { file: '学生名单-百度坐标.csv', crs: 'bd09', columns: { id: '学籍号', lon: '经度', lat: '纬度', grade: '年级', school_id: '', school_name: '', unit_id: '', address: '', name: '', level: '', status: '' } },
    });
    expect(parseMappingFile('mapping.json', formatMappingFile(choices))).toEqual(choices);
    const applied = applyMappingChoices([pupils, kml], { students: { crs: 'gcj02', columns: { grade: '就读年级', unit_id: '' } }, catchments: { level: 'junior' } });
    expect(applied.drafts[0]).toMatchObject({ crs: 'gcj02', mapping: { grade: '年级', unit_id: '' } });
    expect(applied.drafts[1].level).toBe('junior');
    expect(applied.skipped).toEqual(['学生名单-百度坐标.csv: grade → "就读年级"']);
  });
});

describe('a header with a column twice (the CLI refuses to guess which copy; so does the mapping step)', () => {
  // The inspection names the copies as the table does: "学籍号", "学籍号 2".
  const repeated = [{ name: '学籍号', copies: ['学籍号', '学籍号 2'] }];
  const pupils = withPart({ name: '学生.csv', format: 'csv', header: ['学籍号', '经度', '纬度', '年级', '学籍号 2'], crs: 'wgs84', mapping: {}, remembered: false, repeated }, 'students');

  it('does not pre-select the first copy: the column is left unset and the file is named with the column and its copies', () => {
    expect(pupils.mapping.id).toBeUndefined();
    expect(pupils.ambiguous).toEqual([{ column: 'id', copy: '学籍号' }]);
    expect(draftProblems([pupils]).get('学生.csv')).toEqual({ repeated: [{ column: 'id', name: '学籍号', copies: ['学籍号', '学籍号 2'] }], missing: ['id'] });
  });

  it('loads once the planner picks a copy', () => {
    expect(draftProblems([{ ...pupils, mapping: { ...pupils.mapping, id: '学籍号 2' }, ambiguous: [] }]).size).toBe(0);
  });

  it('a mapping file naming the repeated name (written for a header that had it once) leaves the copy to the planner; one naming a copy applies', () => {
    const applied = applyMappingChoices([pupils], { students: { columns: { id: '学籍号', grade: '年级' } } }).drafts[0];
    expect(applied.mapping.id).toBeUndefined();
    expect(applied.mapping.grade).toBe('年级');
    expect(draftProblems([applied]).get('学生.csv')?.repeated).toEqual([{ column: 'id', name: '学籍号', copies: ['学籍号', '学籍号 2'] }]);
    const second = applyMappingChoices([pupils], { students: { columns: { id: '学籍号 2' } } }).drafts[0];
    expect({ id: second.mapping.id, ambiguous: second.ambiguous }).toEqual({ id: '学籍号 2', ambiguous: [] });
  });
});

describe('the mapping memory', () => {
  it('remembers the swapped longitude/latitude tick with the mapping, for the next file with this header', () => {
    const stored = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => stored.set(k, v) });
    try {
      const header = ['学籍号', '经度', '纬度', '年级'];
      const first = withPart({ name: '学生-1.csv', format: 'csv', header, crs: 'wgs84', mapping: {}, remembered: false }, 'students');
      expect(first.swapLonLat).toBeUndefined();
      confirmDrafts([{ ...first, swapLonLat: true }]);
      const next = withPart({ name: '学生-2.csv', format: 'csv', header, crs: 'wgs84', mapping: {}, remembered: false }, 'students');
      expect({ remembered: next.remembered, swapLonLat: next.swapLonLat }).toEqual({ remembered: true, swapLonLat: true });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
