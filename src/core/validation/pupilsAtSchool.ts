import type { School } from '../dataset';
import { lineOf } from './levelPupils';
import type { PupilsAtSchoolItem, ValidationPupils } from './types';

/** A pupil whose home lies within this distance of their school's location is placed at the school, m. */
export const AT_SCHOOL_M = 1;

/** Fewer pupils than this placed at their school are not reported (a family living on the campus). */
export const AT_SCHOOL_MIN = 3;

const M_PER_DEGREE = 111_195;

/**
 * Public schools with at least AT_SCHOOL_MIN of their own pupils placed at the school's location
 * (within AT_SCHOOL_M): registries fill an unknown home with the school's address, and such pupils
 * count in the zone the school stands in whatever boundary is drawn. One item per school, with the
 * first `maxLines` lines.
 */
export function pupilsAtTheirSchool(pupils: ValidationPupils, schools: readonly School[], maxLines: number): PupilsAtSchoolItem[] {
  const at = new Uint32Array(schools.length);
  const enrolled = new Uint32Array(schools.length);
  const lines: number[][] = schools.map(() => []);
  for (let i = 0; i < pupils.x.length; i++) {
    const s = pupils.currentSchool[i];
    if (s < 0 || s >= schools.length) continue;
    enrolled[s]++;
    const school = schools[s];
    const dx = (pupils.x[i] - school.lon) * Math.cos((school.lat * Math.PI) / 180) * M_PER_DEGREE;
    const dy = (pupils.y[i] - school.lat) * M_PER_DEGREE;
    if (!(Math.hypot(dx, dy) <= AT_SCHOOL_M)) continue;
    at[s]++;
    if (lines[s].length < maxLines) lines[s].push(lineOf(pupils, i));
  }
  const items: PupilsAtSchoolItem[] = [];
  schools.forEach((s, i) => {
    if (s.ownership !== 'public' || at[i] < AT_SCHOOL_MIN) return;
    items.push({
      kind: 'pupilsAtSchool', severity: 'warning', schools: [{ id: s.id, name: s.name }],
      pupils: at[i], enrolled: enrolled[i], lines: lines[i], geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
    });
  });
  return items;
}
