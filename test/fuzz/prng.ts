import { Rng as Stream } from '../../data/generator/random';

/**
 * The fuzz campaigns' seeded source: the data generator's mulberry32 stream (data/generator/random)
 * with the draws the campaigns name their own way — a key by weight from a record, `n` distinct
 * elements; the same seed gives the same sequence on every machine.
 */
export class Rng {
  private readonly stream: Stream;

  constructor(seed: number) {
    this.stream = new Stream(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.stream.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return this.stream.int(min, max);
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return this.stream.uniform(min, max);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.stream.chance(p);
  }

  /** One element of a list (undefined from an empty one). */
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }

  /** A key chosen by weight: { a: 3, b: 1 } gives a three times in four. */
  weighted<K extends string>(weights: Record<K, number>): K {
    const keys = Object.keys(weights) as K[];
    return keys[this.stream.weighted(keys.map((k) => weights[k]))];
  }

  /** `n` distinct elements of a list (fewer when it is shorter), in random order. */
  sample<T>(list: readonly T[], n: number): T[] {
    return this.stream.shuffle(list).slice(0, n);
  }
}

/**
 * The seed of case `k` of a campaign run with `seed`: a hash of the three, so any case can be
 * replayed alone (`--seed S --case K`) without running the cases before it.
 */
export function caseSeed(seed: number, campaign: string, k: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (const c of `${campaign}:${k}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
