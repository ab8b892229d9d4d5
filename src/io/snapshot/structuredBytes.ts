// Plain data (objects, arrays, strings, numbers, booleans, null, undefined, Maps, Sets and typed
// arrays, shared and cyclic references included) to bytes and back: a JSON tree for the structure,
// one aligned binary section for the typed arrays, so that a resident dataset can be stored once and
// opened without parsing its source files again.

const MAGIC = 'XQSB0001';
const ALIGN = 8;

const TYPED = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
} as const;
type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

type Node =
  | null
  | boolean
  | number
  | string
  | Node[]
  | { $: 'o'; v: Record<string, Node> }
  | { $: 'a'; v: Node[] }
  | { $: 'm'; v: [Node, Node][] }
  | { $: 's'; v: Node[] }
  | { $: 't'; k: TypedName; o: number; n: number }
  | { $: 'r'; i: number }
  | { $: 'u' }
  | { $: 'n'; v: 'NaN' | 'Infinity' | '-Infinity' | '-0' };

function typedName(value: object): TypedName | undefined {
  if (!ArrayBuffer.isView(value) || value instanceof DataView) return undefined;
  const name = value.constructor.name as TypedName;
  if (!(name in TYPED)) throw new Error(`structuredBytes: ${name} is not supported`);
  return name;
}

function specialNumber(v: number): Node {
  if (Number.isNaN(v)) return { $: 'n', v: 'NaN' };
  if (v === Infinity) return { $: 'n', v: 'Infinity' };
  if (v === -Infinity) return { $: 'n', v: '-Infinity' };
  return Object.is(v, -0) ? { $: 'n', v: '-0' } : v;
}

/**
 * Encodes plain data as bytes that `decodeStructured` turns back into an equal value (typed arrays
 * copied into one aligned section, references shared as in the input). Throws on functions,
 * symbols, bigints and objects of any other class.
 */
export function encodeStructured(value: unknown): Uint8Array {
  const seen = new Map<object, number>();
  const arrays: Typed[] = [];
  let binaryLength = 0;
  const encode = (v: unknown): Node => {
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
    if (v === undefined) return { $: 'u' };
    if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0) ? v : specialNumber(v);
    if (typeof v !== 'object') throw new Error(`structuredBytes: a ${typeof v} cannot be stored`);
    const ref = seen.get(v);
    if (ref !== undefined) return { $: 'r', i: ref };
    seen.set(v, seen.size);
    const typed = typedName(v);
    if (typed) {
      const a = v as Typed;
      binaryLength = Math.ceil(binaryLength / ALIGN) * ALIGN;
      const node: Node = { $: 't', k: typed, o: binaryLength, n: a.length };
      arrays.push(a);
      binaryLength += a.byteLength;
      return node;
    }
    if (Array.isArray(v)) return { $: 'a', v: v.map(encode) };
    if (v instanceof Map) return { $: 'm', v: [...v].map(([k, x]) => [encode(k), encode(x)] as [Node, Node]) };
    if (v instanceof Set) return { $: 's', v: [...v].map(encode) };
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) throw new Error(`structuredBytes: a ${proto?.constructor?.name ?? 'class'} object cannot be stored`);
    // No prototype: a "__proto__" key in the data stays a key.
    const out: Record<string, Node> = Object.create(null);
    for (const [k, x] of Object.entries(v)) out[k] = encode(x);
    return { $: 'o', v: out };
  };
  const json = new TextEncoder().encode(JSON.stringify(encode(value)));
  const head = MAGIC.length + 4;
  const binaryStart = Math.ceil((head + json.length) / ALIGN) * ALIGN;
  const bytes = new Uint8Array(binaryStart + binaryLength);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(MAGIC.length, json.length, true);
  bytes.set(json, head);
  let offset = 0;
  for (const a of arrays) {
    offset = Math.ceil(offset / ALIGN) * ALIGN;
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), binaryStart + offset);
    offset += a.byteLength;
  }
  return bytes;
}

const NUMBERS = { NaN, Infinity, '-Infinity': -Infinity, '-0': -0 } as const;

/**
 * Decodes bytes written by `encodeStructured`. Typed arrays are views on the bytes' buffer (no
 * copy when aligned): the caller must not reuse the buffer. Throws when the bytes are not such an encoding.
 */
export function decodeStructured(given: Uint8Array): unknown {
  // Views on the buffer need aligned offsets: an unaligned input (a slice of a pooled buffer) is copied once.
  const bytes = given.byteOffset % ALIGN === 0 ? given : given.slice();
  const head = MAGIC.length + 4;
  if (bytes.length < head || new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) throw new Error('structuredBytes: not a snapshot');
  const jsonLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(MAGIC.length, true);
  if (head + jsonLength > bytes.length) throw new Error('structuredBytes: truncated');
  const tree = JSON.parse(new TextDecoder().decode(bytes.subarray(head, head + jsonLength))) as Node;
  const binaryStart = bytes.byteOffset + Math.ceil((head + jsonLength) / ALIGN) * ALIGN;
  const refs: unknown[] = [];
  const decode = (n: Node): unknown => {
    if (n === null || typeof n !== 'object') return n;
    if (Array.isArray(n)) throw new Error('structuredBytes: malformed');
    switch (n.$) {
      case 'u':
        return undefined;
      case 'n':
        return NUMBERS[n.v];
      case 'r':
        return refs[n.i];
      case 't': {
        const Ctor = TYPED[n.k];
        const out = new Ctor(bytes.buffer as ArrayBuffer, binaryStart + n.o, n.n);
        refs.push(out);
        return out;
      }
      case 'a': {
        const out: unknown[] = [];
        refs.push(out);
        for (const x of n.v) out.push(decode(x));
        return out;
      }
      case 'm': {
        const out = new Map<unknown, unknown>();
        refs.push(out);
        for (const [k, x] of n.v) out.set(decode(k), decode(x));
        return out;
      }
      case 's': {
        const out = new Set<unknown>();
        refs.push(out);
        for (const x of n.v) out.add(decode(x));
        return out;
      }
      case 'o': {
        const out: Record<string, unknown> = {};
        refs.push(out);
        // defineProperty: a "__proto__" key in the data must stay a key, not set the prototype.
        for (const [k, x] of Object.entries(n.v)) Object.defineProperty(out, k, { value: decode(x), enumerable: true, writable: true, configurable: true });
        return out;
      }
    }
  };
  return decode(tree);
}
