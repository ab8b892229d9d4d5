import type { Feature } from 'geojson';

/**
 * A problem with an input file that stops loading it: `file` names the file, `detail` says what is
 * wrong in words a planner can act on. Shown as one line, never with a stack trace.
 */
export class DataError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = 'DataError';
  }
}

/** Parses JSON text, turning a syntax error into a DataError naming the file. */
export function parseJsonFile(file: string, text: string): unknown {
  if (text.trim() === '') throw new DataError(file, 'the file is empty');
  try {
    return JSON.parse(stripBom(text));
  } catch (e) {
    throw new DataError(file, `not valid JSON (${(e as Error).message})`);
  }
}

/** Removes a leading UTF-8 byte order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The features of a GeoJSON FeatureCollection, or a DataError naming the file. */
export function featuresOf(file: string, text: string): Feature[] {
  const json = parseJsonFile(file, text) as { type?: unknown; features?: unknown };
  if (json?.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new DataError(file, 'expected a GeoJSON FeatureCollection');
  }
  return json.features as Feature[];
}
