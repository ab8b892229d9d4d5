import type { Feature } from 'geojson';
import { describeDataProblem, type DataProblemCode, type DataProblemParams } from '../core/dataProblems';
import { jsonDepthExceededAt, MAX_JSON_DEPTH } from './jsonLimits';

/**
 * A problem with an input file that stops loading it: `file` names the file, `code` and `params`
 * say what is wrong (see describeDataProblem), `detail` is that in English. Shown as one line,
 * never with a stack trace.
 */
export class DataError extends Error {
  readonly detail: string;
  constructor(
    readonly file: string,
    readonly code: DataProblemCode,
    readonly params: DataProblemParams = {},
  ) {
    const detail = describeDataProblem(code, params, 'en');
    super(`${file}: ${detail}`);
    this.detail = detail;
    this.name = 'DataError';
  }
}

/**
 * Parses JSON text, turning a syntax error into a DataError naming the file; text nested deeper
 * than MAX_JSON_DEPTH is refused before it is parsed (walks over it would run out of stack).
 */
export function parseJsonFile(file: string, text: string): unknown {
  if (text.trim() === '') throw new DataError(file, 'emptyFile');
  const deepAt = jsonDepthExceededAt(text);
  if (deepAt !== undefined) throw new DataError(file, 'jsonTooDeep', { max: MAX_JSON_DEPTH, n: deepAt });
  try {
    return JSON.parse(stripBom(text));
  } catch (e) {
    throw new DataError(file, 'badJson', { detail: (e as Error).message });
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
    throw new DataError(file, 'notFeatureCollection');
  }
  return json.features as Feature[];
}
