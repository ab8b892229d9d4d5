import { unzip } from 'but-unzip';
import { DataError } from '../dataError';

/** How much of a zip may be read: entries in it, and bytes unpacked from the entries read, in all. */
export interface ZipBudget {
  maxEntries: number;
  maxBytes: number;
}

/** A zip entry: its name, and its bytes unpacked within the archive's budget. */
export interface ZipEntry {
  filename: string;
  read(): Promise<Uint8Array>;
}

interface ByteReader {
  read(): Promise<{ done: boolean; value?: Uint8Array }>;
  cancel(): Promise<void>;
}
interface Decompressor {
  writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
  readable: { getReader(): ByteReader };
}
// DecompressionStream exists in Node 18+ and every browser, but src/io is type-checked without DOM
// or Node globals: it is reached through globalThis with the little of its type that is used.
const DecompressionStreamOf = (globalThis as unknown as { DecompressionStream: new (format: 'deflate-raw') => Decompressor }).DecompressionStream;

const MB = 1024 * 1024;
const EOCD = [0x50, 0x4b, 0x05, 0x06];
// The end-of-central-directory record is 22 bytes plus a comment of at most 65,535.
const EOCD_WINDOW = 22 + 65_535;

/** Whether the bytes end with a zip's end-of-central-directory record (where the unzipper looks for it). */
function hasEndRecord(bytes: Uint8Array): boolean {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - EOCD_WINDOW); at--) {
    if (EOCD.every((b, i) => bytes[at + i] === b)) return true;
  }
  return false;
}

/**
 * The entries of a zip (folders left out), each unpacked only when read and never beyond the
 * budget: `bytes` unpacked by all reads together (a zip bomb stops there, before its data is held)
 * and `maxEntries` entries. Throws a DataError naming the file for bytes that are not a zip
 * (corruptZip) or a zip over budget (archiveTooManyEntries, archiveTooLarge; the latter on read).
 */
export function zipEntries(file: string, bytes: Uint8Array, budget: ZipBudget): ZipEntry[] {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new DataError(file, 'corruptZip', { detail: 'no zip signature' });
  // but-unzip searches backwards for this record and, in a small file without one, never stops.
  if (!hasEndRecord(bytes)) throw new DataError(file, 'corruptZip', { detail: 'no end of central directory' });
  let unpacked = 0;
  const inflate = async (data: Uint8Array): Promise<Uint8Array> => {
    const stream = new DecompressionStreamOf('deflate-raw');
    const writer = stream.writable.getWriter();
    // Their outcome is the reader's: a broken stream rejects the read below, a stopped one is cancelled.
    writer.write(data).catch(() => undefined);
    writer.close().catch(() => undefined);
    const reader = stream.readable.getReader();
    const chunks: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done || value === undefined) break;
      unpacked += value.length;
      if (unpacked > budget.maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new DataError(file, 'archiveTooLarge', { max: Math.round(budget.maxBytes / MB) });
      }
      chunks.push(value);
    }
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  };
  let items;
  try {
    items = unzip(bytes, inflate);
  } catch (e) {
    throw new DataError(file, 'corruptZip', { detail: (e as Error).message });
  }
  if (items.length > budget.maxEntries) throw new DataError(file, 'archiveTooManyEntries', { n: items.length, max: budget.maxEntries });
  return items
    .filter((item) => !item.filename.endsWith('/'))
    .map((item) => ({
      filename: item.filename,
      async read() {
        // A stored (uncompressed) entry is a view of the file's own bytes: only inflating can grow.
        try {
          return await item.read();
        } catch (e) {
          if (e instanceof DataError) throw e;
          throw new DataError(file, 'corruptZip', { detail: (e as Error).message });
        }
      },
    }));
}
