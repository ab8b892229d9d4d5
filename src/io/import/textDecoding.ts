import { DataError } from '../dataError';

/** Text encodings the importer recognises. */
export type TextEncodingName = 'utf-8' | 'gbk' | 'utf-16le' | 'utf-16be';

/** A file's bytes as text: `text` without a byte order mark, `encoding` the one found, `bom` whether it had one. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
}

interface Decoder {
  decode(bytes: Uint8Array): string;
}
type DecoderConstructor = new (label: string, options?: { fatal?: boolean }) => Decoder;

// TextDecoder exists in Node 20 and every browser, but src/io is type-checked without DOM or Node
// globals, so it is reached through globalThis with the little of its type that is used.
const TextDecoderOf = (globalThis as unknown as { TextDecoder: DecoderConstructor }).TextDecoder;

/**
 * The decoder GBK text is read with: GB18030, its superset. Browsers decode the label "gbk" as GB18030
 * (WHATWG), but Node does not: its "gbk" leaves the four-byte sequences of rarer characters in names
 * (王𬌗, 张𠮷) undecoded, and such rows were refused as damaged.
 */
export const GB18030 = 'gb18030';

/** The character a decoder puts for bytes it cannot decode. */
export const UNDECODABLE = '\ufffd';

/**
 * Whether text decoded as UTF-8 from bytes that are not valid UTF-8 is still mostly UTF-8: fewer
 * than one undecodable character per ten characters beyond ASCII that did decode. GBK text read as
 * UTF-8 fails nearly every character; a UTF-8 file with a few damaged bytes passes.
 */
function mostlyUtf8(text: string): boolean {
  let bad = 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c >= 0x80) good++;
  }
  return bad * 10 < good;
}

/**
 * UTF-16 written without a byte order mark (some exports do), told by its zero bytes: a table's
 * digits, separators and line ends are ASCII, whose high byte is zero, so in its first 4 kB one of
 * every two byte positions is often zero and the other almost never. Undefined for anything else
 * (UTF-8 and GBK text hold no zero bytes; binary data has them at both).
 */
function utf16WithoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros >= pairs / 4 && evenZeros <= pairs / 50) return 'utf-16le';
  if (evenZeros >= pairs / 4 && oddZeros <= pairs / 50) return 'utf-16be';
  return undefined;
}

/**
 * Decodes a text file: a UTF-16 byte order mark decides (without one, its zero bytes:
 * utf16WithoutMark), and a UTF-8 one unless the bytes after it
 * are GBK (not UTF-8, and not mostly: an editor's mark on a GBK file); otherwise valid UTF-8 is UTF-8,
 * and other bytes are GBK (the WHATWG decoder, a superset: GB18030; the encoding of files saved
 * by Chinese Windows and Excel) unless they are mostly UTF-8 with a few damaged bytes, which stay
 * UTF-8 rather than turning wholly into wrong characters. Bytes that decode to nothing are
 * UNDECODABLE in the text (see undecodableLine).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    // A UTF-8 mark before GBK text (an editor added it to a GBK file): the bytes after it decide.
    const utf8 = new TextDecoderOf('utf-8').decode(bytes);
    if (isUtf8(bytes.subarray(3)) || mostlyUtf8(utf8)) return { text: utf8, encoding: 'utf-8', bom: true };
    return { text: new TextDecoderOf(GB18030).decode(bytes.subarray(3)), encoding: 'gbk', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoderOf('utf-16le').decode(bytes), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoderOf('utf-16be').decode(bytes), encoding: 'utf-16be', bom: true };
  const unmarked = utf16WithoutMark(bytes);
  if (unmarked) return { text: new TextDecoderOf(unmarked).decode(bytes), encoding: unmarked, bom: false };
  try {
    return { text: new TextDecoderOf('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    const utf8 = new TextDecoderOf('utf-8').decode(bytes);
    if (mostlyUtf8(utf8)) return { text: utf8, encoding: 'utf-8', bom: false };
    return { text: new TextDecoderOf(GB18030).decode(bytes), encoding: 'gbk', bom: false };
  }
}

/** The 1-based line (CRLF, LF or a lone CR ends one) of the first undecodable character in decoded text, or 0 when there is none. */
export function undecodableLine(text: string): number {
  const at = text.indexOf(UNDECODABLE);
  if (at < 0) return 0;
  let line = 1;
  for (let i = 0; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/**
 * Refuses decoded text (a JSON, KML or planning file, read as a whole) that holds undecodable
 * bytes, naming the file and the line of the first: such a file is damaged or not text, and
 * reading on would quote its garbage in a syntax error or take it in as names.
 */
export function refuseUndecodable(file: string, text: string): void {
  const line = undecodableLine(text);
  if (line > 0) throw new DataError(file, 'undecodableText', { n: line });
}

/** A file read as one document (JSON, GeoJSON, KML, a planning table): decodeText, refused when bytes do not decode (refuseUndecodable). */
export function decodeDocument(file: string, bytes: Uint8Array): DecodedText {
  const decoded = decodeText(bytes);
  refuseUndecodable(file, decoded.text);
  return decoded;
}

/** Whether the bytes are valid UTF-8 (pure ASCII is). */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoderOf('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Decodes bytes known to be in `encoding` (a WHATWG label such as "gbk" or "utf-8"). */
export function decodeAs(bytes: Uint8Array, encoding: string): string {
  return new TextDecoderOf(encoding).decode(bytes);
}

const TextEncoderOf = (globalThis as unknown as { TextEncoder: new () => { encode(text: string): Uint8Array } }).TextEncoder;

/**
 * The same text as one flat string. V8 keeps a string built by many `+=` (as Papa.unparse builds
 * its output) as a tree of its pieces, about twelve times its size, until something flattens it;
 * a UTF-8 round trip does so in linear time (decoded text holds no lone surrogates to lose).
 */
export function flattenText(text: string): string {
  return new TextDecoderOf('utf-8').decode(new TextEncoderOf().encode(text));
}
