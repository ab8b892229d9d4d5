/** Pupils: each zone's target shared among its units, placed around their unit, with a grade and a current school. */
import { distanceKm, strictlyInside } from './geo.ts';
import { drawInRing } from './place.ts';
import { streamFor, type Rng } from './random.ts';
import { COHORT_WEIGHTS, JUNIOR_PER_PRIMARY } from './settings.ts';
import type { LonLat, Pupil, Region, SchoolPlan, Unit, Zone } from './types.ts';

/** How far pupils live from their unit's point (km). */
const RADIUS_KM = { compound: 0.15, village: 0.4 } as const;
/** Share of public pupils whose recorded school is a neighbouring one (transfers, exceptions). */
const ELSEWHERE_SHARE = 0.02;
/** Private pupils come mostly from the city: a town compound counts this much of a city one. */
const TOWN_PRIVATE_FACTOR = 0.08;

/** Splits `total` in proportion to `weights` by largest remainder (ties to the lower index). */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
  }
  return out;
}

/** Grades of n pupils drawn from the cohort weights of grades first..last, sorted. */
function drawGrades(rng: Rng, n: number, first: number, last: number): number[] {
  const weights = COHORT_WEIGHTS.slice(first - 1, last);
  const grades: number[] = [];
  for (let i = 0; i < n; i++) grades.push(first + rng.weighted(weights));
  return grades.sort((a, b) => a - b);
}

function schoolById(schools: readonly SchoolPlan[], id: string): SchoolPlan {
  const s = schools.find((x) => x.id === id);
  if (!s) throw new Error(`unknown school ${id}`);
  return s;
}

/** Public pupils per unit and level: primary from the primary zone's target, junior following the population. */
function publicCounts(rng: Rng, schools: readonly SchoolPlan[], zones: readonly Zone[], units: readonly Unit[]) {
  const primary = units.map(() => 0);
  const junior = units.map(() => 0);
  const members = (level: 'primary' | 'junior', zi: number): number[] =>
    units.flatMap((u, i) => ((level === 'primary' ? u.primaryZone : u.juniorZone) === zi ? [i] : []));
  zones.filter((z) => z.level === 'primary').forEach((zone, zi) => {
    const inside = members('primary', zi);
    const shares = apportion(schoolById(schools, zone.schoolId).primaryTarget, inside.map((i) => units[i]?.weight ?? 0));
    inside.forEach((ui, k) => (primary[ui] = shares[k] ?? 0));
  });
  zones.filter((z) => z.level === 'junior').forEach((zone, zi) => {
    const school = schoolById(schools, zone.schoolId);
    const inside = members('junior', zi);
    const population = inside.reduce((a, i) => a + (primary[i] ?? 0), 0);
    const [lo, hi] = school.juniorRange;
    const target =
      school.juniorTarget ?? Math.min(hi, Math.max(lo, Math.round(population * JUNIOR_PER_PRIMARY * rng.uniform(0.93, 1.07))));
    const weights = inside.map((i) => (population > 0 ? (primary[i] ?? 0) : (units[i]?.weight ?? 0)));
    const shares = apportion(target, weights);
    inside.forEach((ui, k) => (junior[ui] = shares[k] ?? 0));
  });
  return { primary, junior };
}

/** For each unit, the private schools its private pupils attend (one entry per pupil). */
function privateChoices(rng: Rng, schools: readonly SchoolPlan[], units: readonly Unit[], urbanTowns: ReadonlySet<string>,
  publicTotal: readonly number[]): string[][] {
  const out: string[][] = units.map(() => []);
  const weights = units.map((u, i) =>
    u.kind === 'compound' ? (publicTotal[i] ?? 0) * (urbanTowns.has(u.town) ? 1 : TOWN_PRIVATE_FACTOR) : 0);
  for (const school of schools.filter((s) => s.ownership === 'private')) {
    for (let k = 0; k < school.privateTarget; k++) out[rng.weighted(weights)]?.push(school.id);
  }
  return out;
}

/** The nearest other school with a zone of the level: where a pupil recorded elsewhere goes. */
function nearestOther(at: LonLat, own: string, zones: readonly Zone[], schools: readonly SchoolPlan[]): string {
  let best = own;
  let bestD = Infinity;
  for (const z of zones) {
    if (z.schoolId === own) continue;
    const d = distanceKm(at, schoolById(schools, z.schoolId).at);
    if (d < bestD) {
      bestD = d;
      best = z.schoolId;
    }
  }
  return best;
}

/** All pupils, unit by unit (in unit id order), each within its unit's radius and inside its unit's two zones. */
export function generatePupils(
  seed: number,
  county: Region,
  schools: readonly SchoolPlan[],
  zones: readonly Zone[],
  units: readonly Unit[],
  urbanTowns: ReadonlySet<string>,
): Pupil[] {
  const rng = streamFor(seed, 'pupils');
  const primaryZones = zones.filter((z) => z.level === 'primary');
  const juniorZones = zones.filter((z) => z.level === 'junior');
  const counts = publicCounts(rng, schools, zones, units);
  const privates = privateChoices(rng, schools, units, urbanTowns, counts.primary.map((n, i) => n + (counts.junior[i] ?? 0)));
  const pupils: Pupil[] = [];
  units.forEach((unit, ui) => {
    const pz = primaryZones[unit.primaryZone];
    const jz = juniorZones[unit.juniorZone];
    if (!pz || !jz) throw new Error(`unit ${unit.id} lies outside the zones`);
    const home = (): LonLat => {
      for (let i = 0; i < 200; i++) {
        const p = drawInRing(rng, unit.at, 0, RADIUS_KM[unit.kind]);
        if (strictlyInside(p, pz) && strictlyInside(p, jz) && strictlyInside(p, county)) return p;
      }
      return unit.at;
    };
    const emit = (grade: number, schoolId: string, attends: string): void => {
      const [lon, lat] = home();
      pupils.push({ lon, lat, grade, schoolId, attends, unitId: unit.id });
    };
    const levels: [Zone, Zone[], number, number, number][] = [
      [pz, primaryZones, counts.primary[ui] ?? 0, 1, 6],
      [jz, juniorZones, counts.junior[ui] ?? 0, 7, 9],
    ];
    for (const [zone, sameLevel, n, first, last] of levels) {
      const elsewhere = nearestOther(unit.at, zone.schoolId, sameLevel, schools);
      for (const grade of drawGrades(rng, n, first, last)) {
        emit(grade, rng.chance(ELSEWHERE_SHARE) ? elsewhere : zone.schoolId, zone.schoolId);
      }
    }
    for (const id of (privates[ui] ?? []).slice().sort()) {
      const school = schoolById(schools, id);
      emit(drawGrades(rng, 1, 1, school.level === 'primary' ? 6 : 9)[0] ?? 1, id, id);
    }
  });
  return pupils;
}
