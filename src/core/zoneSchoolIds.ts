/** What separates the schools of a zone shared by several (多校划片) in one text: , ， 、 ; ； */
const SEPARATORS = /[,，、;；]/;

/** The parts of a text naming several schools (ids or names), trimmed, empty parts dropped. */
export function splitSchoolList(text: string): string[] {
  return text.split(SEPARATORS).map((t) => t.trim()).filter((t) => t !== '');
}

/**
 * The school ids a zone feature's properties name: `school_ids` (a list, or a text as below) when
 * present, else `school_id`; a text naming several schools is split at SEPARATORS, unless the
 * whole text is itself a school id (`isSchool`). Numbers are read as text, parts trimmed, empty
 * parts and repeats dropped. An empty list when the feature names none; undefined when the value
 * is neither text, number nor a list of them.
 */
export function zoneSchoolIds(properties: Record<string, unknown>, isSchool: (id: string) => boolean): string[] | undefined {
  const value = properties.school_ids ?? properties.school_id;
  const parts = Array.isArray(value) ? value : [value];
  const ids: string[] = [];
  for (const part of parts) {
    if (typeof part !== 'string' && typeof part !== 'number') return undefined;
    const text = String(part).trim();
    for (const id of isSchool(text) ? [text] : splitSchoolList(text)) if (id !== '' && !ids.includes(id)) ids.push(id);
  }
  return ids;
}
