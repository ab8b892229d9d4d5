/**
 * A school code in comparable form: NFKC (full-width digits), spaces removed, upper case; an
 * all-digit code without its leading zeros (Excel drops them from a number cell).
 */
export function schoolCodeKey(code: string): string {
  const key = code.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return /^\d+$/.test(key) ? key.replace(/^0+(?=\d)/, '') : key;
}

/**
 * Finds codes among `ids` (index into it): the code as written, else the one id of the same
 * comparable form (schoolCodeKey: 0137990101 written 137990101, or in full-width digits); −1 when
 * there is none, or several.
 */
export function createSchoolCodeLookup(ids: readonly string[]): (code: string) => number {
  const exact = new Map<string, number>();
  const loose = new Map<string, number>();
  ids.forEach((id, i) => {
    if (!exact.has(id)) exact.set(id, i);
    const key = schoolCodeKey(id);
    loose.set(key, loose.has(key) && ids[loose.get(key)!] !== id ? -1 : (loose.get(key) ?? i));
  });
  return (code) => exact.get(code) ?? loose.get(schoolCodeKey(code)) ?? -1;
}
