import type { DataProblem } from '../../core/dataProblems';

// Shape types shpjs reads (ESRI Shapefile Technical Description, 1998): 2-D, with Z (+10) or with
// measures (+20, read as 2-D). Null shapes (0) may appear in any file.
const POINT = new Set([1, 11, 21]);
const MULTIPOINT = new Set([8, 18, 28]);
const POLY = new Set([3, 5, 13, 15, 23, 25]);
const HEADER = 100;
const RECORD_HEADER = 8;
const SHP_FILE_CODE = 9994;
const SHP_VERSION = 1000;
const DBF_DESCRIPTOR = 32;
const DBF_FIELDS_END = 0x0d;

/** The number of shapes of a .shp that is whole, or the problem with a damaged one. */
export type ShpCheck = { shapes: number } | { problem: DataProblem };

/** The bytes a shape of this type needs after its type word, for `parts` parts and `points` points; Z types carry a range and a Z per point. */
function shapeBytes(type: number, parts: number, points: number): number {
  const z = type === 13 || type === 15 || type === 18 ? 16 + 8 * points : 0;
  return (MULTIPOINT.has(type) ? 36 : 40 + 4 * parts) + 16 * points + z;
}

/**
 * Checks a .shp (named `name` in messages) the way shpjs will walk it, before it does: the header
 * (file code 9994, version 1000, a shape type shpjs reads, a file length the bytes hold), and
 * every record — its length inside the file and at least its shape type, its type null or the
 * file's, and its part and point counts within its length with part starts rising from 0. A
 * record length that runs backwards or past the end makes shpjs loop or stop without a word; a
 * count that overruns its record makes it read another record's bytes.
 */
export function checkShp(name: string, bytes: Uint8Array): ShpCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = (): DataProblem => ({ code: 'shpHeaderDamaged', params: { value: name } });
  if (bytes.length < HEADER || view.getInt32(0) !== SHP_FILE_CODE || view.getInt32(28, true) !== SHP_VERSION) return { problem: header() };
  const type = view.getInt32(32, true);
  if (!POINT.has(type) && !MULTIPOINT.has(type) && !POLY.has(type)) return { problem: header() };
  const declared = view.getInt32(24) * 2;
  if (declared < HEADER || declared > bytes.length) {
    return { problem: { code: 'shpTruncated', params: { value: name, n: declared, max: bytes.length } } };
  }
  let shapes = 0;
  for (let at = HEADER; at < declared; ) {
    shapes++;
    const damaged = (code: 'shpRecordDamaged' | 'shpShapeDamaged'): ShpCheck => ({ problem: { code, params: { value: name, n: shapes, at } } });
    if (at + RECORD_HEADER + 4 > declared) return damaged('shpRecordDamaged');
    const length = view.getInt32(at + 4) * 2;
    const end = at + RECORD_HEADER + length;
    if (length < 4 || end > declared) return damaged('shpRecordDamaged');
    const content = at + RECORD_HEADER;
    const recordType = view.getInt32(content, true);
    if (recordType !== 0) {
      if (recordType !== type) return damaged('shpShapeDamaged');
      if (POINT.has(type)) {
        if (length < 20) return damaged('shpShapeDamaged');
      } else {
        if (length < 40) return damaged('shpShapeDamaged');
        const multi = MULTIPOINT.has(type);
        const parts = multi ? 0 : view.getInt32(content + 36, true);
        const points = view.getInt32(content + (multi ? 36 : 40), true);
        if (parts < 0 || points < 0 || (!multi && length < 44) || shapeBytes(type, parts, points) > length - 4) return damaged('shpShapeDamaged');
        for (let p = 0, previous = -1; p < parts; p++) {
          const start = view.getInt32(content + 44 + 4 * p, true);
          if ((p === 0 && start !== 0) || start <= previous || start >= points) return damaged('shpShapeDamaged');
          previous = start;
        }
      }
    }
    at = end;
  }
  return { shapes };
}

/** The number of records of a .dbf that is whole, or the problem with a damaged one. */
export type DbfCheck = { records: number } | { problem: DataProblem };

/**
 * Checks a .dbf (named `name` in messages) before parsedbf reads it, which trusts its header: the
 * field descriptors end (0x0D) inside the header, the record length is the fields' lengths plus
 * the deletion flag, and the records the header counts fit in the file. A damaged count (a
 * thousand million records in a 30 MB file) would otherwise keep parsedbf reading empty records
 * for hours.
 */
export function checkDbf(name: string, bytes: Uint8Array): DbfCheck {
  const problem = (): DbfCheck => ({ problem: { code: 'dbfDamaged', params: { value: name } } });
  if (bytes.length < DBF_DESCRIPTOR + 1) return problem();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength > bytes.length) return problem();
  let fieldsLength = 1;
  let at = DBF_DESCRIPTOR;
  for (; at < headerLength && bytes[at] !== DBF_FIELDS_END; at += DBF_DESCRIPTOR) {
    if (at + DBF_DESCRIPTOR > headerLength) return problem();
    fieldsLength += bytes[at + 16];
  }
  if (at >= headerLength || fieldsLength !== recordLength) return problem();
  if (headerLength + records * recordLength > bytes.length) {
    return { problem: { code: 'dbfRecordsPastEnd', params: { value: name, n: records, max: Math.floor((bytes.length - headerLength) / recordLength) } } };
  }
  return { records };
}
