import type { School } from '../dataset';
import { levelOfGrade, MAX_GRADE, type Rules, type ZoneLevel } from '../rules';
import type { ValidationPupils } from './types';

/** The zoned pupils of one level: homes (degrees) and file lines. */
export interface LevelPupils {
  x: Float64Array;
  y: Float64Array;
  line: Uint32Array;
  /** Which of the pupils' files each came from (ValidationPupils.file), when several. */
  file?: Uint16Array;
}

/** Whether a grade is a whole number 1..MAX_GRADE. */
export const isGrade = (g: number) => Number.isInteger(g) && g >= 1 && g <= MAX_GRADE;

/** The line of pupil row i: its `line` when given, else i + 2 (the header is line 1). */
export const lineOf = (pupils: ValidationPupils, i: number) => (pupils.line ? pupils.line[i] : i + 2);

/**
 * Splits the pupils by the zone level of their grade, leaving out those a zone does not place:
 * pupils of a private school (they attend it wherever they live), and rows with a bad grade or a
 * non-finite home.
 */
export function zonedPupilsByLevel(pupils: ValidationPupils, schools: readonly School[], rules: Rules): Record<ZoneLevel, LevelPupils> {
  const n = pupils.x.length;
  const levelOf = new Int8Array(n).fill(-1);
  const counts = [0, 0];
  for (let i = 0; i < n; i++) {
    const g = pupils.grade[i];
    const s = pupils.currentSchool[i];
    if (!isGrade(g) || !Number.isFinite(pupils.x[i]) || !Number.isFinite(pupils.y[i])) continue;
    if (s >= 0 && s < schools.length && schools[s].ownership === 'private') continue;
    const l = levelOfGrade(g, rules) === 'primary' ? 0 : 1;
    levelOf[i] = l;
    counts[l]++;
  }
  const make = (l: number): LevelPupils => {
    const out: LevelPupils = { x: new Float64Array(counts[l]), y: new Float64Array(counts[l]), line: new Uint32Array(counts[l]), ...(pupils.file && { file: new Uint16Array(counts[l]) }) };
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (levelOf[i] !== l) continue;
      out.x[k] = pupils.x[i];
      out.y[k] = pupils.y[i];
      out.line[k] = lineOf(pupils, i);
      if (out.file) out.file[k] = pupils.file![i];
      k++;
    }
    return out;
  };
  return { primary: make(0), junior: make(1) };
}
