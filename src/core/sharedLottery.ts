import type { School } from './dataset';
import { MAX_GRADE, type Rules, type ZoneLevel } from './rules';

/**
 * A school's free places for a level (whole pupils): its classrooms for the level × the level's
 * class cap, less the pupils of the level whose home lies in its own single-school zone, at least
 * 0. A nine-year school's classrooms are shared between the levels by their number of grades
 * (6/9 and 3/9 under 六三制, rounded down). Undefined when the school's classrooms are not given.
 */
export function computeFreePlaces(school: School, zonePupils: number, level: ZoneLevel, rules: Rules): number | undefined {
  if (school.classrooms === undefined) return undefined;
  const grades = level === 'primary' ? rules.primaryLastGrade : MAX_GRADE - rules.primaryLastGrade;
  const rooms = school.level === 'nine_year' ? Math.floor((school.classrooms * grades) / MAX_GRADE) : school.classrooms;
  return Math.max(0, rooms * rules.classCap[level] - zonePupils);
}

/**
 * The lottery weights of a shared zone's schools: their free places (`free[k]` for the k-th
 * school) under 'freePlaces', equal weights (all 1) under 'equal' or when a school's free places
 * are unknown or all are 0. Whole numbers, so the apportionment is exact.
 */
export function computeSharedWeights(free: readonly (number | undefined)[], mode: Rules['sharedZoneWeights']): number[] {
  if (mode === 'equal' || free.some((f) => f === undefined) || free.every((f) => f === 0)) return free.map(() => 1);
  return free.map((f) => f!);
}

/**
 * Shares `count` items among parties in proportion to whole-number `weights` (not all 0) by the
 * largest-remainder (Hamilton) method: each gets the whole part of its quota count·w/Σw, and the
 * items left go one each to the largest remainders, ties to the earlier party. Exact integer
 * arithmetic (count·Σw below 2^53); the shares sum to `count`.
 */
export function apportion(count: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, w) => a + w, 0);
  const shares = weights.map((w) => Math.floor((count * w) / total));
  const remainder = weights.map((w, k) => count * w - shares[k] * total);
  const order = weights.map((_, k) => k).sort((a, b) => remainder[b] - remainder[a] || a - b);
  let left = count - shares.reduce((a, q) => a + q, 0);
  for (let j = 0; left > 0; j++, left--) shares[order[j]]++;
  return shares;
}

/** A 32-bit integer hash of a text (FNV-1a over its UTF-16 code units). */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Mixes a 32-bit hash with a 32-bit integer (murmur3's multiply-rotate step and finaliser). */
function mix(h: number, v: number): number {
  let k = Math.imul(v | 0, 0xcc9e2d51);
  k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  h ^= k;
  h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A pupil's place in the draw of a shared zone: a 32-bit hash of (the pupil's file line, the seed,
 * the zone, the grade); `zone` is hashText of the zone's school ids, so the draw does not depend on
 * the order of the schools file.
 */
export function drawKey(line: number, seed: number, zone: number, grade: number): number {
  return mix(mix(mix(mix(0x9747b28c, seed), zone), grade), line);
}

/** One pupil of a shared zone as the draw sees it. */
export interface SharedPupil {
  grade: number;
  /** Line of the pupil in the pupils file. */
  line: number;
  /** The school named in the pupil's `school_id`, −1 when none. */
  current: number;
}

/** Where a shared zone's pupils go: per pupil (in input order) the school, and per school of the zone the pupils kept and drawn. */
export interface SharedDraw {
  school: Int32Array;
  kept: number[];
  drawn: number[];
}

/** Place values of the draw order: a pupil's drawKey above its position in its grade (fewer than 2^21 pupils a grade). */
const POSITION = 2 ** 21;

/**
 * Shares the pupils of one shared zone among its `schools` (indexes): a pupil whose current school
 * is one of them keeps it (enrolled pupils keep their school); per grade, the others (the entry
 * cohort and any pupil without such a school) are ordered by drawKey(line, seed, zone, grade),
 * ties by their order in `pupils`, and dealt out in that order, the first to the first school, as
 * many as its share of `weights` by the largest-remainder method (apportion). Deterministic: the
 * same pupils, seed and weights give the same draw; another seed changes who goes where, not how
 * many.
 */
export function drawSharedZone(schools: readonly number[], weights: readonly number[], zone: number, seed: number, pupils: readonly SharedPupil[]): SharedDraw {
  const school = new Int32Array(pupils.length);
  const kept = schools.map(() => 0);
  const drawn = schools.map(() => 0);
  const byGrade = new Map<number, number[]>();
  pupils.forEach((p, k) => {
    const at = schools.indexOf(p.current);
    if (at >= 0) {
      school[k] = p.current;
      kept[at]++;
      return;
    }
    const list = byGrade.get(p.grade);
    if (list) list.push(k);
    else byGrade.set(p.grade, [k]);
  });
  for (const [grade, list] of byGrade) {
    // One number per pupil, key then position, sorted natively: exact below 2^53.
    const order = Float64Array.from(list, (k, j) => drawKey(pupils[k].line, seed, zone, grade) * POSITION + j).sort();
    const shares = apportion(list.length, weights);
    let j = 0;
    shares.forEach((n, at) => {
      for (let m = 0; m < n; m++) school[list[order[j++] % POSITION]] = schools[at];
      drawn[at] += n;
    });
  }
  return { school, kept, drawn };
}
