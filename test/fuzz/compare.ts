import { isDeepStrictEqual } from 'node:util';

/** Where two values first differ, as a path and the two values there (short); undefined when they are deeply equal. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  const show = (v: unknown) => {
    const text = v instanceof Map ? `Map(${v.size})` : v instanceof Set ? `Set(${v.size})` : JSON.stringify(v) ?? String(v);
    return text.length > 120 ? `${text.slice(0, 120)}…` : text;
  };
  if (a instanceof Map && b instanceof Map) {
    for (const k of new Set([...a.keys(), ...b.keys()])) {
      const d = firstDifference(a.get(k), b.get(k), `${path}.get(${JSON.stringify(k)})`);
      if (d) return d;
    }
  } else if (a instanceof Set && b instanceof Set) {
    return `${path}: {${[...a].join(',')}} ≠ {${[...b].join(',')}}`;
  } else if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
    const x = a as unknown as ArrayLike<number>;
    const y = b as unknown as ArrayLike<number>;
    if (x.length !== y.length) return `${path}.length: ${x.length} ≠ ${y.length}`;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return `${path}[${i}]: ${x[i]} ≠ ${y[i]}`;
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path || '(value)'}: ${show(a)} ≠ ${show(b)}`;
}

/** Sorts a list of records by their JSON text, to compare lists whose order is not part of the meaning. */
export function sortedByJson<T>(list: T[]): T[] {
  return [...list].sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1));
}
