/** Classrooms and facility fields of each school, sized from its enrollment so the indicators land where intended. */
import { formClasses, roomsAtCap } from './classes.ts';
import { INDICATOR_KEYS, INDICATORS, JUNIOR_WEIGHT } from './indicators.ts';
import { streamFor, type Rng } from './random.ts';
import { BASE_YEAR } from './settings.ts';
import type { IndicatorKey, SchoolPlan } from './types.ts';

/** A finished school: its plan, classroom count and facility fields (integers). */
export interface SchoolRecord {
  plan: SchoolPlan;
  classrooms: number;
  facilities: Record<string, number>;
}

/** How far above its threshold a school usually is (value / threshold drawn from this range). */
const HEADROOM: Readonly<Record<IndicatorKey, [number, number]>> = {
  teachersQualifiedPer100: [1.0, 1.42],
  backbonePer100: [1.05, 2.2],
  peArtPer100: [1.05, 1.8],
  roomAreaPerStudent: [1.02, 1.55],
  sportsAreaPerStudent: [1.02, 1.6],
  equipmentValuePerStudent: [1.02, 2.0],
  multimediaRoomsPer100: [1.02, 1.5],
};

/** Indicators a rural school tends to fall short on, and those a crowded city school does. */
const RURAL_GAPS: readonly IndicatorKey[] = [
  'equipmentValuePerStudent', 'multimediaRoomsPer100', 'backbonePer100', 'peArtPer100', 'sportsAreaPerStudent',
  'teachersQualifiedPer100',
];
const CITY_GAPS: readonly IndicatorKey[] = ['roomAreaPerStudent', 'sportsAreaPerStudent'];

/** Chance of one small shortfall (85–97% of the threshold) and of a second, larger one, by setting. */
const GAP_CHANCE = { city: [0.1, 0], town: [0.2, 0.04], village: [0.35, 0.12] } as const;

/** Multimedia rooms per general classroom at most (the special rooms add to the classrooms). */
const MULTIMEDIA_PER_ROOM = 1.25;

/** Pupils a planned school is built for: 90% of its rooms at the cap, a nine-year school 2/3 primary rooms. */
function designPupils(plan: SchoolPlan, rooms: number): [number, number] {
  if (plan.level === 'primary') return [Math.round(rooms * 45 * 0.9), 0];
  if (plan.level === 'junior') return [0, Math.round(rooms * 50 * 0.9)];
  return [Math.round(((rooms * 2) / 3) * 45 * 0.9), Math.round((rooms / 3) * 50 * 0.9)];
}

/** value / threshold for each indicator: chosen ratios first, then drawn shortfalls, otherwise headroom. */
function drawRatios(rng: Rng, plan: SchoolPlan): Record<IndicatorKey, number> {
  const ratios = {} as Record<IndicatorKey, number>;
  for (const key of INDICATOR_KEYS) ratios[key] = rng.uniform(...HEADROOM[key]);
  if (plan.ownership === 'public' && Object.keys(plan.ratios).length === 0 && (plan.opens ?? 0) <= BASE_YEAR) {
    const [soft, hard] = GAP_CHANCE[plan.setting];
    const gaps = rng.shuffle(plan.setting === 'city' ? CITY_GAPS : RURAL_GAPS);
    if (rng.chance(soft) && gaps[0]) ratios[gaps[0]] = rng.uniform(0.86, 0.97);
    if (rng.chance(hard) && gaps[1]) ratios[gaps[1]] = rng.uniform(0.72, 0.84);
  }
  return { ...ratios, ...plan.ratios };
}

/** The resource that gives `ratio` times the threshold in every section, rounded to a whole unit. */
function resource(key: IndicatorKey, ratio: number, primary: number, junior: number): number {
  const { per100, primary: tp, junior: tj } = INDICATORS[key];
  // the engine splits a nine-year school's resource 1 : JUNIOR_WEIGHT, so size it for the stricter section
  const need =
    primary > 0 && junior > 0 ? Math.max(tp, tj / JUNIOR_WEIGHT) * (primary + JUNIOR_WEIGHT * junior) : tp * primary + tj * junior;
  const base = (per100 ? need / 100 : need) / (key === 'equipmentValuePerStudent' ? 100 : 1);
  let value = ratio >= 1 ? Math.ceil(base * ratio) : Math.floor(base * ratio);
  // keep a small shortfall small after rounding a small count (the school rule allows one miss at 85% or more)
  if (ratio >= 0.85 && ratio < 1 && value < 0.85 * base) value = Math.ceil(0.85 * base);
  return key === 'equipmentValuePerStudent' ? value * 100 : value;
}

/** Classrooms and facilities for every school, from pupils per grade (index 0 = grade 1) as the engine counts them. */
export function finishSchools(seed: number, schools: readonly SchoolPlan[], enrollment: ReadonlyMap<string, number[]>): SchoolRecord[] {
  const rng = streamFor(seed, 'facilities');
  return schools.map((plan) => {
    const counts = enrollment.get(plan.id) ?? [0, 0, 0, 0, 0, 0, 0, 0, 0];
    const spare = plan.setting === 'city' ? rng.int(1, 4) : rng.int(0, 3);
    const classrooms = plan.classrooms ?? roomsAtCap(counts) + spare;
    const planned = (plan.opens ?? 0) > BASE_YEAR;
    const [primary, junior] = planned
      ? designPupils(plan, classrooms)
      : [counts.slice(0, 6).reduce((a, b) => a + b, 0), counts.slice(6).reduce((a, b) => a + b, 0)];
    const ratios = drawRatios(rng, plan);
    const facilities: Record<string, number> = {};
    for (const key of INDICATOR_KEYS) facilities[INDICATORS[key].field] = resource(key, ratios[key], primary, junior);
    // multimedia rooms are equipped classrooms and special rooms: a crowded school cannot have many more than rooms
    facilities['multimedia_rooms'] = Math.min(facilities['multimedia_rooms'] ?? 0, Math.ceil(MULTIMEDIA_PER_ROOM * classrooms));
    const classes = planned ? classrooms : formClasses(counts, classrooms).reduce((a, b) => a + b, 0);
    const roomsFor12 = Math.ceil(classes / 12);
    const fewer = (): number => (plan.setting === 'village' && rng.chance(0.2) ? 1 : 0);
    facilities['music_rooms'] = Math.max(1, roomsFor12 - fewer());
    facilities['art_rooms'] = Math.max(1, roomsFor12 - fewer());
    return { plan, classrooms, facilities };
  });
}
