/** Rejection sampling of positions: draw candidates around a point until one passes a test. */
import { offsetKm, roundPos } from './geo.ts';
import type { Rng } from './random.ts';
import type { LonLat } from './types.ts';

/** A candidate position drawn uniformly from the ring between minKm and maxKm around a centre. */
export function drawInRing(rng: Rng, centre: LonLat, minKm: number, maxKm: number): LonLat {
  const r = Math.sqrt(rng.uniform(minKm * minKm, maxKm * maxKm));
  const a = rng.uniform(0, 2 * Math.PI);
  return roundPos(offsetKm(centre, r * Math.cos(a), r * Math.sin(a)));
}

/** A candidate position drawn from a round normal distribution around a centre. */
export function drawNormal(rng: Rng, centre: LonLat, sigmaKm: number): LonLat {
  return roundPos(offsetKm(centre, rng.gaussian() * sigmaKm, rng.gaussian() * sigmaKm));
}

/** The first drawn candidate that passes `accept`, or null after `tries` candidates. */
export function findSpot(
  tries: number,
  draw: () => LonLat,
  accept: (p: LonLat) => boolean,
): LonLat | null {
  for (let i = 0; i < tries; i++) {
    const p = draw();
    if (accept(p)) return p;
  }
  return null;
}

/** Like findSpot, but a failure stops the generator with a message. */
export function requireSpot(what: string, tries: number, draw: () => LonLat, accept: (p: LonLat) => boolean): LonLat {
  const p = findSpot(tries, draw, accept);
  if (!p) throw new Error(`no position found for ${what} after ${tries} tries`);
  return p;
}
