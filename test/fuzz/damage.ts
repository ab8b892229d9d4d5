import iconv from 'iconv-lite';
import JSZip from 'jszip';
import type { Rng } from './prng';

/** One way of damaging a file's bytes; `text` ones see the bytes as UTF-8 text. */
export type Damage = (rng: Rng, bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>;

const utf8 = new TextEncoder();
const decode = (b: Uint8Array) => new TextDecoder('utf-8', { fatal: false }).decode(b);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** Bytes that tend to matter to parsers: NUL, quotes, separators, line ends, escapes, invalid UTF-8, brackets. */
const NASTY = ['\0', '"', ',', ';', '\t', '\n', '\r', '\r\n', '\u001b[31m', '\u001b]0;title\u0007', '\u0007', '\u202e', '{', '}', '[', ']', '<', '>', '&', '\\', '\uFEFF', '\u2028', '１２３'];

function randomBytes(rng: Rng, n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => rng.int(0, 255));
}

/** A text damage: the bytes as UTF-8 text, changed, encoded again. */
const textDamage = (f: (rng: Rng, text: string) => string): Damage => (rng, bytes) => utf8.encode(f(rng, decode(bytes)));

/** Every damage, by name. */
export const DAMAGES: Record<string, Damage> = {
  truncate: (rng, b) => b.slice(0, rng.chance(0.3) ? rng.int(0, Math.min(b.length, 64)) : rng.int(0, b.length)),
  truncateEnd: (rng, b) => b.slice(0, Math.max(0, b.length - rng.int(1, 40))),
  flipBytes: (rng, b) => {
    const out = b.slice();
    for (let k = rng.int(1, 20); k > 0 && out.length > 0; k--) out[rng.int(0, out.length - 1)] ^= 1 << rng.int(0, 7);
    return out;
  },
  randomBytes: (rng, b) => {
    const out = b.slice();
    for (let k = rng.int(1, 8); k > 0 && out.length > 0; k--) out[rng.int(0, out.length - 1)] = rng.int(0, 255);
    return out;
  },
  insertBytes: (rng, b) => {
    const at = rng.int(0, b.length);
    const piece = rng.chance(0.5) ? utf8.encode(rng.pick(NASTY)) : randomBytes(rng, rng.int(1, 64));
    return concat(b.slice(0, at), piece, b.slice(at));
  },
  deleteBytes: (rng, b) => {
    const at = rng.int(0, b.length);
    return concat(b.slice(0, at), b.slice(Math.min(b.length, at + rng.int(1, 200))));
  },
  repeatChunk: (rng, b) => {
    const at = rng.int(0, b.length);
    const chunk = b.slice(at, at + rng.int(1, 300));
    return concat(b.slice(0, at), ...Array.from({ length: rng.int(2, 50) }, () => chunk), b.slice(at));
  },
  garbage: (rng) => randomBytes(rng, rng.int(1, 4000)),
  toGbk: (_rng, b) => iconv.encode(decode(b), 'gbk'),
  fromGbk: (_rng, b) => utf8.encode(iconv.decode(Buffer.from(b), 'gbk')),
  toUtf16: (rng, b) => concat(rng.chance(0.7) ? Uint8Array.of(0xff, 0xfe) : new Uint8Array(0), iconv.encode(decode(b), 'utf16le')),
  addBom: (rng, b) => concat(...Array.from({ length: rng.int(1, 2) }, () => Uint8Array.of(0xef, 0xbb, 0xbf)), b),
  bomInside: (rng, b) => {
    const at = rng.int(0, b.length);
    return concat(b.slice(0, at), Uint8Array.of(0xef, 0xbb, 0xbf), b.slice(at));
  },
  toCrlf: textDamage((_rng, t) => t.replace(/\r?\n/g, '\r\n')),
  toCr: textDamage((_rng, t) => t.replace(/\r?\n/g, '\r')),
  mixedLineEnds: textDamage((rng, t) => t.replace(/\r?\n/g, () => rng.pick(['\n', '\r\n', '\r']))),
  nestingBomb: textDamage((rng, t) => {
    // Deep nesting where a value goes: in a property, in coordinates, or as the whole file.
    const depth = rng.pick([100, 5_000, 100_000]);
    const bomb = rng.chance(0.5) ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    if (rng.chance(0.2)) return bomb;
    const keys = ['"coordinates":', '"properties":', '"geometry":', '"features":', '"id":'];
    const key = rng.pick(keys);
    const at = t.indexOf(key);
    if (at < 0) return bomb;
    const start = at + key.length;
    // Replace the value that follows by the bomb: find its end by bracket depth (good enough for valid JSON).
    let d = 0;
    let end = start;
    for (; end < t.length; end++) {
      const c = t[end];
      if (c === '[' || c === '{') d++;
      else if (c === ']' || c === '}') {
        if (d === 0) break;
        d--;
        if (d === 0) {
          end++;
          break;
        }
      } else if (c === ',' && d === 0) break;
    }
    return t.slice(0, start) + bomb + t.slice(end);
  }),
  hugeNumbers: textDamage((rng, t) => {
    const huge = ['1e308', '-1e308', '1e999', '-0', '0x1F', '9'.repeat(400), '1.7976931348623157e309', 'NaN', 'Infinity', '4e-324', '1e21', '999999999999999999999'];
    return t.replace(/-?\d+(\.\d+)?/g, (m) => (rng.chance(0.05) ? rng.pick(huge) : m));
  }),
  swapColumns: textDamage((rng, t) => {
    // A table's two columns swapped (header only, or every row), or a column repeated in the header.
    const lines = t.split(/(\r?\n)/);
    const sep = (lines[0].match(/[,;\t]/) ?? [','])[0];
    const width = lines[0].split(sep).length;
    if (width < 2) return t;
    const [i, j] = [rng.int(0, width - 1), rng.int(0, width - 1)];
    const mode = rng.pick(['header', 'rows', 'repeat']);
    return lines.map((line, k) => {
      if (k % 2 === 1 || (mode !== 'rows' && k > 0)) return line;
      const cells = line.split(sep);
      if (mode === 'repeat' && k === 0) cells[j] = cells[i];
      else if (cells.length > Math.max(i, j)) [cells[i], cells[j]] = [cells[j], cells[i]];
      return cells.join(sep);
    }).join('');
  }),
  controlInText: textDamage((rng, t) => {
    // Control characters and terminal escapes inside a value (a name, an id).
    const bad = rng.pick(['\u001b[2J\u001b[31mRED', '\u0000', '\u0008\u0008\u0008', '\u001b]8;;http://x\u0007link', '\u009b31m', '\u007f']);
    const at = rng.int(0, t.length);
    return t.slice(0, at) + bad + t.slice(at);
  }),
  manyRows: textDamage((rng, t) => {
    // The last line repeated many times (size budgets).
    const lines = t.trimEnd().split('\n');
    const last = lines[lines.length - 1];
    // At most about 8 MB more: a one-line file (GeoJSON) is repeated a few times only.
    const times = Math.min(rng.pick([1000, 20_000]), Math.max(2, Math.floor(8_000_000 / (last.length + 1))));
    return t + (t.endsWith('\n') ? '' : '\n') + Array.from({ length: times }, () => last).join('\n') + '\n';
  }),
  unterminatedQuote: textDamage((rng, t) => {
    const lines = t.split('\n');
    const k = rng.int(0, lines.length - 1);
    lines[k] = lines[k].replace(/,/, ',"');
    return lines.join('\n');
  }),
  emptyLines: textDamage((rng, t) => t.split('\n').map((l) => (rng.chance(0.1) ? `${l}\n${rng.pick(['', ',,,,', ' ', '\t'])}` : l)).join('\n')),
  jsonNull: (rng) => utf8.encode(rng.pick(['null', '[]', '{}', '""', '0', 'true', '{"type":"FeatureCollection"}', '{"type":"FeatureCollection","features":null}', '{"type":"FeatureCollection","features":[null,1,"x",{}]}'])),
};

/** Damages inside a zip (a zipped Shapefile, an XLSX): one entry is damaged and the zip written again; or the zip itself. */
export async function damageZip(rng: Rng, bytes: Uint8Array, inner: () => Damage): Promise<Uint8Array> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return inner()(rng, bytes);
  }
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  if (names.length === 0) return bytes;
  const name = rng.pick(names);
  let entry: Uint8Array;
  try {
    entry = await zip.file(name)!.async('uint8array');
  } catch {
    // An entry an earlier damage broke: damage the zip's bytes instead.
    return inner()(rng, bytes);
  }
  const mode = rng.weighted({ damageEntry: 6, dropEntry: 1, bomb: 1 });
  if (mode === 'dropEntry') zip.remove(name);
  else if (mode === 'bomb') zip.file(name, new Uint8Array(rng.pick([1_000_000, 30_000_000])).fill(rng.pick([0, 0x20, 0x3c])));
  else zip.file(name, await inner()(rng, entry));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
