import type { Feature } from 'geojson';
import { describeDataProblem, type DataProblemCode, type DataProblemParams } from '../core/dataProblems';
import { echo } from '../core/printable';
import { jsonDepthExceededAt, MAX_JSON_DEPTH } from './jsonLimits';

/**
 * A problem with an input file that stops loading it: `file` names the file, `code` and `params`
 * say what is wrong (see describeDataProblem), `detail` is that in English. Shown as one line
 * without control characters, never with a stack trace; `cause` keeps an unexpected error it
 * stands for (readFailed), for a debug log.
 */
export class DataError extends Error {
  readonly detail: string;
  readonly isDataError = true;

  // Recognised by its brand, not its prototype: a reader loaded on demand (import()) may bring
  // its own copy of this module, and its errors must still count as DataErrors.
  static [Symbol.hasInstance](value: unknown): value is DataError {
    return typeof value === 'object' && value !== null && (value as { isDataError?: unknown }).isDataError === true;
  }

  constructor(
    readonly file: string,
    readonly code: DataProblemCode,
    readonly params: DataProblemParams = {},
    readonly cause?: unknown,
  ) {
    const detail = describeDataProblem(code, params, 'en');
    super(`${echo(file, 'en')}: ${detail}`);
    this.detail = detail;
    this.name = 'DataError';
  }
}

/**
 * Any error met while reading `file` as a DataError naming it: a DataError as it is, anything
 * else (a fault of a library or of this program on a strange file) as "could not be read:
 * <its message>", keeping it as the cause.
 */
export function asDataError(file: string, e: unknown): DataError {
  if (e instanceof DataError) return e;
  const message = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
  return new DataError(file, 'readFailed', { detail: message.slice(0, 300) }, e);
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
