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
 * Decodes a text file: a UTF-8 or UTF-16 byte order mark decides; otherwise valid UTF-8 is UTF-8
 * and anything else is read as GBK (the WHATWG decoder, a superset: GB18030), the encoding of
 * files saved by Chinese Windows and Excel.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoderOf('utf-8').decode(bytes), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoderOf('utf-16le').decode(bytes), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoderOf('utf-16be').decode(bytes), encoding: 'utf-16be', bom: true };
  try {
    return { text: new TextDecoderOf('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return { text: new TextDecoderOf('gbk').decode(bytes), encoding: 'gbk', bom: false };
  }
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
