import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pupilRowsText } from './pupilRowsText';
import { packedAt } from '../../src/core/packedStrings';
import { DEFAULT_RULES } from '../../src/core/rules';
import { createAddressPlacer, importDataset, readImportedDataset, type ImportFile } from '../../src/io/import';

const tiny = join(import.meta.dirname, '../fixtures/tiny');
const utf8 = (s: string) => new TextEncoder().encode(s);
const point = (id: string, name: string, lon: number, lat: number, town?: string) => ({
  type: 'Feature', properties: { id, name, kind: name.endsWith('村') ? 'village' : 'compound', ...(town && { town }) }, geometry: { type: 'Point', coordinates: [lon, lat] },
});
// Four units inside the tiny zones: two compounds of P1's zone, one of P2's, a village.
const UNITS = { type: 'FeatureCollection', features: [
  point('U1', '滨河小区', 118.005, 36.005, '圣城街道'),
  point('U2', '滨河花园', 118.006, 36.015, '圣城街道'),
  point('U3', '阳光苑', 118.015, 36.005, '圣城街道'),
  point('U4', '张家庄村', 118.004, 36.012, '侯镇'),
] };

/** The tiny schools and zones with a pupils list (Chinese headers, some rows with only an address) and the units. */
function files(pupils: string, units: object | null = UNITS): ImportFile[] {
  const out: ImportFile[] = [
    { name: 'schools.geojson', bytes: new Uint8Array(readFileSync(join(tiny, 'schools.geojson'))) },
    { name: 'catchments.geojson', bytes: new Uint8Array(readFileSync(join(tiny, 'catchments.geojson'))) },
    { name: '学生名单.csv', bytes: utf8(pupils) },
  ];
  if (units) out.push({ name: 'units.geojson', bytes: utf8(JSON.stringify(units)) });
  return out;
}

const LIST = [
  '学籍号,年级,经度,纬度,家庭住址',
  'a1,一年级,118.002,36.002,',
  'a2,二年级,,,山东省潍坊市寿光市圣城街道滨河小区12号楼3单元501室',
  'a3,三年级,,,阳光苑5栋',
  'a4,四年级,,,侯镇张家庄社区',
  'a5,五年级,,,寿光市圣城街道滨和花苑3号',
  'a6,一年级,,,',
  'a7,二年级,118.012,36.004,滨河小区',
].join('\n') + '\n';

describe('pupils placed by their address', () => {
  it('places rows with an address and no coordinates at the unit, rejects the others with the 3 nearest candidates; rows read = loaded + rejected', async () => {
    const imported = await importDataset(files(LIST));
    const { dataset } = readImportedDataset(imported, DEFAULT_RULES, 2024);
    expect(dataset.rowsRead).toBe(7);
    expect(dataset.pupils.count + dataset.rejected.length).toBe(7);
    expect(dataset.pupils.count).toBe(5);
    const rows = pupilRowsText(imported).split('\n');
    expect(rows[0]).toBe('id,lon,lat,grade,unit_id,address,source_line,import_notes,address_status,address_candidates');
    // A placed row's address is not carried on: only a row that could not be placed needs it, to be named.
    expect(rows.find((r) => r.startsWith('a2,'))).toBe('a2,118.005,36.005,2,U1,,3,,,');
    expect(rows.find((r) => r.startsWith('a3,'))).toContain('a3,118.015,36.005,3,U3,');
    expect(rows.find((r) => r.startsWith('a4,'))).toContain('a4,118.004,36.012,4,U4,');
    // A row with coordinates keeps them, even when it also has an address.
    expect(rows.find((r) => r.startsWith('a7,'))).toBe('a7,118.012,36.004,2,,,8,,,');
    expect(rows.find((r) => r.startsWith('a5,'))).toContain(',寿光市圣城街道滨和花苑3号,');
    expect(dataset.rejected.map((r) => [r.file, r.line, r.problem?.code])).toEqual([
      ['学生名单.csv', 6, 'addressUnmatched'],
      ['学生名单.csv', 7, 'badLon'],
    ]);
    const reason = dataset.rejected[0].reason;
    expect(reason).toContain('"寿光市圣城街道滨和花苑3号"');
    // The typo 滨和花苑 for 滨河花园: the nearest candidates name it first; three are listed.
    expect(reason).toMatch(/nearest: 滨河花园 \(U2\), \S+ \(U\d\), \S+ \(U\d\)$/);
    expect(reason).toContain('滨河小区 (U1)');
  });

  it('reads 0,0 as a position left unfilled: placed by the address when there is one, else rejected as unfilled', async () => {
    const list = ['学籍号,年级,经度,纬度,家庭住址', 'z1,一年级,0,0,阳光苑5栋', 'z2,二年级,0.000000,0,', 'z3,三年级,0,,滨河小区'].join('\n') + '\n';
    const { dataset } = readImportedDataset(await importDataset(files(list)), DEFAULT_RULES, 2024);
    expect(dataset.rowsRead).toBe(3);
    expect(dataset.pupils.count).toBe(2);
    expect([...dataset.pupils.x].sort()).toEqual([118.005, 118.015]);
    expect(dataset.rejected.map((r) => [r.line, r.problem?.code, r.reason])).toEqual([[3, 'zeroLonLat', 'lon 0, lat 0: the position was left unfilled']]);
  });

  it('reads coordinates typed in full-width digits (１１８．００２) as the numbers they are', async () => {
    const list = ['学籍号,年级,经度,纬度', 'w1,一年级,１１８．００２,３６．００２', 'w2,二年级,118.7O5,36.002'].join('\n') + '\n';
    const { dataset } = readImportedDataset(await importDataset(files(list, null)), DEFAULT_RULES, 2024);
    expect([dataset.pupils.x[0], dataset.pupils.y[0]]).toEqual([118.002, 36.002]);
    expect(dataset.rejected.map((r) => [r.line, r.reason])).toEqual([[3, 'lon "118.7O5" is not a longitude in degrees']]);
  });

  it('says when no units.geojson can place an address, and lon/lat need not be mapped when an address is', async () => {
    const list = '学籍号,年级,住址\nb1,一年级,滨河小区\n';
    const { dataset } = readImportedDataset(await importDataset(files(list, null)), DEFAULT_RULES, 2024);
    expect(dataset.rowsRead).toBe(1);
    expect(dataset.rejected).toMatchObject([{ line: 2, problem: { code: 'addressNoUnits', params: { got: '滨河小区' } } }]);
    const placed = readImportedDataset(await importDataset(files(list)), DEFAULT_RULES, 2024).dataset;
    expect(placed.pupils.count).toBe(1);
    expect(placed.rejected).toEqual([]);
  });

  it('names the compound whose own row was not loaded (no position) when an address names it, not "names none of the compounds"', async () => {
    const units = ['小区名称,所属镇街,经度,纬度', '滨河小区,圣城街道,118.005,36.005', '金色家园,圣城街道,,', '阳光苑,圣城街道,118.015,36.005'].join('\n') + '\n';
    const list = ['学籍号,年级,家庭住址', 'g1,一年级,圣城街道金色家园3号楼', 'g2,二年级,滨河小区2号楼', 'g3,三年级,金色花园1号'].join('\n') + '\n';
    const withTable: ImportFile[] = [...files(list, null), { name: '小区名录.csv', bytes: utf8(units) }];
    const imported = await importDataset(withTable);
    const { dataset } = readImportedDataset(imported, DEFAULT_RULES, 2024);
    expect(imported.rejected.map((r) => [r.file, r.line, r.problem?.code])).toEqual([['小区名录.csv', 3, 'badLon']]);
    expect(dataset.pupils.count).toBe(1);
    expect(dataset.rejected.map((r) => [r.line, r.problem?.code])).toEqual([[2, 'addressUnitUnplaced'], [4, 'addressUnlike']]);
    expect(dataset.rejected[0].reason).toBe('no coordinates, and the address "圣城街道金色家园3号楼" names 金色家园 (小区名录.csv line 3), a compound or village not loaded itself (its row has no usable position): give that row its coordinates');
    // With no compound loaded at all, the address still names the row that was not.
    const none = ['小区名称,经度,纬度', '金色家园,,'].join('\n') + '\n';
    const alone = readImportedDataset(await importDataset([...files(list, null), { name: '小区名录.csv', bytes: utf8(none) }]), DEFAULT_RULES, 2024).dataset;
    expect(alone.rejected.map((r) => [r.line, r.problem?.code])).toEqual([[2, 'addressUnitUnplaced'], [3, 'addressNoUnits'], [4, 'addressNoUnits']]);
  });

  it('keeps the pupils\' names from a 姓名 column (for the letters to families), each with its row', async () => {
    const list = '学籍号,姓名,年级,经度,纬度\nc1,张小明,一年级,118.002,36.002\nc2,,二年级,118.012,36.004\nc3,李 华,三年级,118.015,36.005\n';
    const imported = await importDataset(files(list));
    expect(pupilRowsText(imported).split('\n')[0]).toBe('id,lon,lat,grade,name,source_line,import_notes');
    const { pupils } = readImportedDataset(imported, DEFAULT_RULES, 2024).dataset;
    const byId = new Map(Array.from({ length: pupils.count }, (_, i) => [packedAt(pupils.id!, i), packedAt(pupils.name!, i)]));
    expect(byId).toEqual(new Map([['c1', '张小明'], ['c2', ''], ['c3', '李 华']]));
  });

  it('rejects an address naming two units of the same name in towns it does not name, listing both', () => {
    const place = createAddressPlacer([point('V1', '郭家村', 118, 36, '侯镇'), point('V2', '郭家村', 118.1, 36.1, '稻田镇')] as never);
    expect(place('郭家村3号')).toEqual({ placed: false, status: 'ambiguous', candidates: '郭家村 (V1), 郭家村 (V2)' });
    expect(place('稻田镇郭家村3号')).toEqual({ placed: true, unitId: 'V2', lon: 118.1, lat: 36.1 });
  });
});
