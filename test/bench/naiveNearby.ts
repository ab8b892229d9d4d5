import { ZONE_LEVELS } from '../../src/core/rules';
import type { NearbyCount } from '../../src/core/standards';

/**
 * 就近入学 counts the plain way, a string key per pupil (how computeNearbyCounts counted before it
 * counted in arrays): the reference its tests and the engine benchmark compare it with.
 */
export function naiveNearbyCounts(pupils: { currentSchool: Int32Array; segmentStart: Int32Array }, zoneSchoolOf: Int32Array): Map<string, NearbyCount> {
  const out = new Map<string, NearbyCount>();
  ZONE_LEVELS.forEach((level, k) => {
    for (let i = pupils.segmentStart[k]; i < pupils.segmentStart[k + 1]; i++) {
      const s = pupils.currentSchool[i];
      if (s < 0) continue;
      const key = `${s}:${level}`;
      const c = out.get(key) ?? { enrolled: 0, inZone: 0 };
      c.enrolled++;
      if (zoneSchoolOf[i] === s) c.inZone++;
      out.set(key, c);
    }
  });
  return out;
}
