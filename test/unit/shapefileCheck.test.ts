// Damaged zipped Shapefiles: each is refused before shpjs reads it, naming the zip, the entry and
// where it is damaged. The corpus zip 片区-gbk.zip has three polygons: records at bytes 100, 236
// and 372 of its 592-byte .shp (136, 136 and 220 bytes with their 8-byte headers; the third has
// 2 parts and 10 points), and a .dbf of 3 records of 49 bytes after a 129-byte header (277 bytes
// with its end mark).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/io/dataError';
import { readShapefileZip } from '../../src/io/import/shapefileZip';

const ZIP = '片区-gbk.zip';
const original = new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/corpus/files', ZIP)));

/** The corpus zip with one entry's bytes changed by `change` (given a copy). */
async function withEntry(entry: 'shp' | 'dbf', change: (bytes: Uint8Array, view: DataView) => Uint8Array | void): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(original);
  const name = `片区/zones.${entry}`;
  const bytes = (await zip.file(name)!.async('uint8array')).slice();
  const changed = change(bytes, new DataView(bytes.buffer)) ?? bytes;
  zip.file(name, changed);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function refusal(bytes: Uint8Array): Promise<DataError> {
  try {
    await readShapefileZip(ZIP, bytes);
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error('read without a refusal');
}

describe('damaged Shapefile parts are refused by entry, before shpjs reads them', () => {
  it('reads the undamaged zip: 3 zones', async () => {
    expect((await readShapefileZip(ZIP, original)).features).toHaveLength(3);
  });

  it('a .dbf whose header counts 4,294,967,295 records (parsedbf would read empty records for hours)', async () => {
    const e = await refusal(await withEntry('dbf', (_b, v) => v.setUint32(4, 0xffffffff, true)));
    expect({ code: e.code, params: e.params }).toEqual({ code: 'dbfRecordsPastEnd', params: { value: '片区/zones.dbf', n: 4294967295, max: 3 } });
    expect(e.message).toBe('片区-gbk.zip: the attribute table 片区/zones.dbf is damaged: its header counts 4294967295 records, the file holds at most 3');
  }, 10_000);

  it('a .dbf filled with "<" (the fuzz campaign\'s hang, seed 1 case 6157): its field list does not end in its header', async () => {
    const e = await refusal(await withEntry('dbf', (b) => new Uint8Array(b.length).fill(0x3c)));
    expect({ code: e.code, params: e.params }).toEqual({ code: 'dbfDamaged', params: { value: '片区/zones.dbf' } });
  }, 10_000);

  it('a record whose length runs past the end (shpjs stopped there and lost the zones after it without a word)', async () => {
    const e = await refusal(await withEntry('shp', (_b, v) => v.setInt32(372 + 4, 1000)));
    expect({ code: e.code, params: e.params }).toEqual({ code: 'shpRecordDamaged', params: { value: '片区/zones.shp', n: 3, at: 372 } });
  });

  it('a record whose length runs backwards', async () => {
    const e = await refusal(await withEntry('shp', (_b, v) => v.setInt32(236 + 4, -50)));
    expect({ code: e.code, params: e.params }).toEqual({ code: 'shpRecordDamaged', params: { value: '片区/zones.shp', n: 2, at: 236 } });
  });

  it('a point count larger than its record, and part starts that do not rise', async () => {
    const points = await refusal(await withEntry('shp', (_b, v) => v.setInt32(100 + 8 + 40, 1_000_000, true)));
    expect({ code: points.code, params: points.params }).toEqual({ code: 'shpShapeDamaged', params: { value: '片区/zones.shp', n: 1, at: 100 } });
    // Record 3's second part starts at point 5; 12 is past its 10 points.
    const parts = await refusal(await withEntry('shp', (_b, v) => v.setInt32(372 + 8 + 48, 12, true)));
    expect({ code: parts.code, params: parts.params }).toEqual({ code: 'shpShapeDamaged', params: { value: '片区/zones.shp', n: 3, at: 372 } });
  });

  it('a .shp cut short of the length its header gives (shpjs read 2 of the 3 zones)', async () => {
    const e = await refusal(await withEntry('shp', (b) => b.slice(0, 492)));
    expect({ code: e.code, params: e.params }).toEqual({ code: 'shpTruncated', params: { value: '片区/zones.shp', n: 592, max: 492 } });
  });

  it('a .shp whose header is not a Shapefile header', async () => {
    const e = await refusal(await withEntry('shp', (_b, v) => v.setInt32(0, 9995)));
    expect({ code: e.code, params: e.params }).toEqual({ code: 'shpHeaderDamaged', params: { value: '片区/zones.shp' } });
  });

  it('3 shapes and a .dbf of 2 records (shpjs gave the third zone no attributes)', async () => {
    const e = await refusal(await withEntry('dbf', (b, v) => {
      v.setUint32(4, 2, true);
      return b.slice(0, 129 + 2 * 49);
    }));
    expect({ code: e.code, params: e.params }).toEqual({ code: 'shapefileCountsDiffer', params: { value: '片区/zones.shp', n: 3, got: '片区/zones.dbf', max: 2 } });
  });
});
