/**
 * A list of strings kept as one text and the end of each in it (UTF-16 code units): two objects
 * for a million pupils' ids or names instead of a million strings, which the engine's heap would
 * otherwise hold and its garbage collector walk. String i is text[ends[i-1], ends[i]) (from 0 for
 * the first); ends never decrease and the last is text.length.
 */
export interface PackedStrings {
  text: string;
  ends: Uint32Array;
}

// Strings joined into one piece at a time while building: the pieces list stays short.
const PIECE = 4096;

/** Appends strings in order and packs them; `capacity` bounds how many may be pushed. */
export interface PackedBuilder {
  push(s: string): void;
  /** The i-th string pushed (0-based, i < the number pushed). */
  at(i: number): string;
  /** The strings pushed so far, packed (the builder must not be used after). */
  finish(): PackedStrings;
}

/** A builder of PackedStrings for at most `capacity` strings. */
export function createPackedBuilder(capacity: number): PackedBuilder {
  const ends = new Uint32Array(capacity);
  const chunks: string[] = [];
  let pieces: string[] = [];
  let length = 0;
  let count = 0;
  return {
    push(s: string) {
      if (count === capacity) throw new RangeError(`packed strings: more than ${capacity}`);
      pieces.push(s);
      length += s.length;
      ends[count++] = length;
      if (pieces.length === PIECE) {
        chunks.push(pieces.join(''));
        pieces = [];
      }
    },
    at(i) {
      const chunk = Math.floor(i / PIECE);
      const start = i === 0 ? 0 : ends[i - 1];
      if (chunk === chunks.length) return pieces[i % PIECE];
      const chunkStart = chunk === 0 ? 0 : ends[chunk * PIECE - 1];
      return chunks[chunk].slice(start - chunkStart, ends[i] - chunkStart);
    },
    finish() {
      chunks.push(pieces.join(''));
      return { text: chunks.join(''), ends: ends.slice(0, count) };
    },
  };
}

/** The strings of a list, packed. */
export function packStrings(list: readonly string[]): PackedStrings {
  const b = createPackedBuilder(list.length);
  for (const s of list) b.push(s);
  return b.finish();
}

/** How many strings are packed. */
export const packedCount = (p: PackedStrings): number => p.ends.length;

/** The i-th string (0 ≤ i < packedCount). */
export function packedAt(p: PackedStrings, i: number): string {
  return p.text.slice(i === 0 ? 0 : p.ends[i - 1], p.ends[i]);
}

/** The packed strings as a plain list. */
export function unpackStrings(p: PackedStrings): string[] {
  return Array.from(p.ends, (_, i) => packedAt(p, i));
}

/** The strings reordered: string k of the result is string order(k) of `p`, for k < n; order(k) must be < packedCount(p). */
export function permutePacked(p: PackedStrings, n: number, order: (k: number) => number): PackedStrings {
  const b = createPackedBuilder(n);
  for (let k = 0; k < n; k++) b.push(packedAt(p, order(k)));
  return b.finish();
}

/** FNV-1a over the UTF-16 code units of text[from, to). */
function hashRange(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function sameRange(text: string, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let i = 0; i < aEnd - a; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}

/**
 * For each string, the index of the first string equal to it (its own index when it is the first):
 * a hash table of indices over the packed text, so no string is made per entry.
 */
export function firstOccurrences(p: PackedStrings): Int32Array {
  const n = p.ends.length;
  const first = new Int32Array(n);
  let size = 16;
  while (size < 2 * n) size *= 2;
  const slots = new Int32Array(size).fill(-1);
  const startOf = (i: number) => (i === 0 ? 0 : p.ends[i - 1]);
  for (let i = 0; i < n; i++) {
    const from = startOf(i);
    const to = p.ends[i];
    let s = hashRange(p.text, from, to) & (size - 1);
    for (;;) {
      const j = slots[s];
      if (j < 0) {
        slots[s] = i;
        first[i] = i;
        break;
      }
      if (sameRange(p.text, startOf(j), p.ends[j], from, to)) {
        first[i] = j;
        break;
      }
      s = (s + 1) & (size - 1);
    }
  }
  return first;
}
