import type { School } from '../dataset';
import type { SchoolRef } from './types';

/** The reference to school `id` at index `s` (undefined: the id names no school, so no name). */
export function schoolRef(schools: readonly School[], id: string, s: number | undefined): SchoolRef {
  return s === undefined ? { id } : { id, name: schools[s].name };
}
