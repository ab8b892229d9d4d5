/**
 * Deepest nesting of arrays and objects a JSON input file may have. A GeoJSON MultiPolygon inside
 * a FeatureCollection is 8 levels deep and a GeometryCollection adds 2 per level; deeper files are
 * refused before they are parsed, so that no walk over them (JSON.stringify, coordinate
 * conversion, geometry checks) can run out of stack.
 */
export const MAX_JSON_DEPTH = 100;

/**
 * Largest JSON or KML input file, in bytes (256 MiB). A county's zones, schools or outline are a
 * few MB; a file near the JavaScript engine's string limit (about 512 million characters) would
 * fail to decode with no useful message.
 */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

/**
 * The 1-based line at which `text` (JSON) first nests arrays and objects deeper than `max`, or
 * undefined when it never does. Brackets inside strings do not count. Linear, no recursion.
 */
export function jsonDepthExceededAt(text: string, max = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92) i++; // a backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return line;
    } else if (c === 93 || c === 125) depth--;
  }
  return undefined;
}
