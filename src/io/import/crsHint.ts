import type { Crs } from './crs';

/** Where a file's coordinate system was read from: its name, or the name of its longitude/latitude column. */
export type CrsHintSource = 'name' | 'column';

/** A coordinate system a file says it is in, and where it says so. */
export interface CrsHint {
  crs: Crs;
  from: CrsHintSource;
}

// Baidu first: "百度(BD09)" and "bd09ll" must not read as GCJ-02.
const PATTERNS: [Crs, RegExp][] = [
  ['bd09', /百度|bd-?09|baidu/i],
  ['gcj02', /高德|gcj-?02|火星|腾讯|amap|gaode/i],
  ['wgs84', /wgs-?84|cgcs-?2000|国家2000|2000国家/i],
];

/** The coordinate system a text names (百度/BD-09, 高德/GCJ-02/火星, WGS84/CGCS2000), if any. */
function crsNamedIn(text: string): Crs | undefined {
  const s = text.normalize('NFKC');
  return PATTERNS.find(([, pattern]) => pattern.test(s))?.[0];
}

/**
 * The coordinate system a file says it is in: named by its longitude or latitude column
 * (`经度(百度)`, `lng_gcj02`), else by its file name (`学生-百度坐标.csv`); undefined when neither
 * says. Only the file's own words count: the positions themselves are checked after loading
 * (the validation's shift check).
 */
export function crsHint(fileName: string, coordinateColumns: readonly (string | undefined)[] = []): CrsHint | undefined {
  for (const column of coordinateColumns) {
    const crs = column ? crsNamedIn(column) : undefined;
    if (crs) return { crs, from: 'column' };
  }
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const crs = crsNamedIn(base);
  return crs && { crs, from: 'name' };
}
