import { multiPolygon, pointToPolygonDistance } from '@turf/turf';
import type { MultiPolygonCoords } from '../zoneState';
import type { LevelPupils } from './levelPupils';
import { locatePoints } from './pointLocation';
import type { PupilsBeyondCounty } from './types';

// Distances are measured for at most this many pupils (spread evenly): each costs a pass over the county's outline.
const MEASURED = 500;

/**
 * Of the pupils outside every zone (`outside`, indices into `pupils`), those who live outside the
 * county as well: how many, how far beyond its outline the farthest measured is (km), and the first
 * `maxLines` rows by file (`files` names pupils.file's indices; `file` names the only file). Undefined
 * for none, or without a county outline. Such a home is most often a wrong coordinate (another
 * coordinate system, a typo), not a pupil of the county.
 */
export function pupilsBeyondCounty(outside: readonly number[], pupils: LevelPupils, county: MultiPolygonCoords, files: readonly string[] | undefined, file: string, maxLines: number): PupilsBeyondCounty | undefined {
  if (county.length === 0 || outside.length === 0) return undefined;
  const inCounty = locatePoints(new Map([[0, county]]), Float64Array.from(outside, (i) => pupils.x[i]), Float64Array.from(outside, (i) => pupils.y[i]));
  const beyond = outside.filter((_, k) => inCounty[k] < 0);
  if (beyond.length === 0) return undefined;
  const outline = multiPolygon(county);
  const step = Math.max(1, Math.floor(beyond.length / MEASURED));
  let maxKm = 0;
  for (let k = 0; k < beyond.length; k += step) {
    const i = beyond[k];
    maxKm = Math.max(maxKm, pointToPolygonDistance([pupils.x[i], pupils.y[i]], outline, { units: 'kilometers' }));
  }
  const fileOf = (i: number) => (pupils.file && files ? (files[pupils.file[i]] ?? file) : file);
  return { pupils: beyond.length, maxKm, rows: beyond.slice(0, maxLines).map((i) => ({ file: fileOf(i), line: pupils.line[i] })) };
}
