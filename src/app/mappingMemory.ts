import type { ZoneLevel } from '../core/rules';
import type { ColumnMapping, Crs, DatasetPart } from '../io/import';

/** A planner's confirmed choice for files with one header: the column mapping, coordinate system, (zones) one level for the file, and whether longitude and latitude are swapped. */
export interface RememberedMapping {
  mapping: ColumnMapping;
  crs: Crs;
  level?: ZoneLevel;
  swapLonLat?: boolean;
}

const PREFIX = 'import-mapping:';

/** The storage key of a header: the part and the column names in order. */
function keyOf(part: DatasetPart, header: readonly string[]): string {
  return `${PREFIX}${part}:${JSON.stringify(header)}`;
}

/** The choice confirmed last time for files of this part with exactly this header, if any. */
export function recallMapping(part: DatasetPart, header: readonly string[]): RememberedMapping | undefined {
  try {
    const text = localStorage.getItem(keyOf(part, header));
    return text === null ? undefined : (JSON.parse(text) as RememberedMapping);
  } catch {
    // Storage blocked or an entry written by hand: behave as if nothing was remembered.
    return undefined;
  }
}

/** Remembers a confirmed choice for the next file with this header. */
export function rememberMapping(part: DatasetPart, header: readonly string[], choice: RememberedMapping): void {
  try {
    localStorage.setItem(keyOf(part, header), JSON.stringify(choice));
  } catch {
    // Storage full or blocked: the mapping is simply not remembered.
  }
}
