/** Residential units: compounds (小区) around city and town schools, villages (村) across the countryside. */
import { distanceKm, roundPos, strictlyInside } from './geo.ts';
import type { NameBook } from './names.ts';
import { drawInRing, drawNormal, findSpot } from './place.ts';
import { streamFor, type Rng } from './random.ts';
import { areaAt, inCity, type Area } from './towns.ts';
import type { LonLat, Region, SchoolPlan, Unit, Zone } from './types.ts';

/** About this many units in all (the county has some 975 villages and communities). */
const UNIT_TARGET = 960;
/** Primary pupils per compound, which sets how many compounds a city or town zone gets. */
const PUPILS_PER_COMPOUND = 125;
/** Share of a town school's pupils living in compounds at the seat; the others live in villages. */
const TOWN_SEAT_SHARE = 0.55;
/** A compound holds about three times the pupils of a village (weights for sharing a zone's pupils). */
const COMPOUND_WEIGHT = 3;
/** Villages thin out on the northern salt flats, except around the Yangkou seat. */
const SPARSE_NORTH_LAT = 37.13;

type UnitDraft = Omit<Unit, 'id' | 'primaryZone' | 'juniorZone'>;

interface Ctx {
  rng: Rng;
  county: Region;
  areas: readonly Area[];
  primary: readonly Zone[];
  junior: readonly Zone[];
  units: UnitDraft[];
}

/** Index of the zone that strictly contains p, or -1. */
function zoneIndexAt(p: LonLat, zones: readonly Zone[]): number {
  return zones.findIndex((z) => strictlyInside(p, z));
}

function spaced(ctx: Ctx, p: LonLat, km: number): boolean {
  return ctx.units.every((u) => distanceKm(u.at, p) >= km);
}

function add(ctx: Ctx, name: string, kind: Unit['kind'], at: LonLat, weight: number): void {
  ctx.units.push({ name, kind, town: areaAt(at, ctx.areas).name, at, weight });
}

/** Compounds inside the school's own primary zone, close to the school (the city core or the town seat). */
function compoundsFor(ctx: Ctx, school: SchoolPlan, zone: Zone, names: NameBook): void {
  const city = school.setting === 'city';
  const count = city
    ? Math.max(2, Math.round(school.primaryTarget / PUPILS_PER_COMPOUND))
    : Math.max(1, Math.round((TOWN_SEAT_SHARE * school.primaryTarget) / PUPILS_PER_COMPOUND));
  for (let i = 0; i < count; i++) {
    let at: LonLat | null = null;
    // relax the spacing step by step in crowded zones rather than give up
    for (let spacing = 0.17; !at && spacing > 0.04; spacing *= 0.7) {
      at = findSpot(4000, () => drawNormal(ctx.rng, school.at, city ? 0.7 : 0.45), (p) =>
        strictlyInside(p, zone) && (city ? inCity(p, 1.05) : distanceKm(p, school.at) <= 2) &&
        spaced(ctx, p, spacing) && zoneIndexAt(p, ctx.junior) >= 0);
    }
    if (!at) throw new Error(`no room for a compound of ${school.name}`);
    add(ctx, names.compound(), 'compound', at, COMPOUND_WEIGHT * ctx.rng.uniform(0.6, 1.4));
  }
}

/** The village a village school is named after, a short walk from the school. */
function homeVillage(ctx: Ctx, school: SchoolPlan, zone: Zone, village: string): void {
  const at = findSpot(4000, () => drawInRing(ctx.rng, school.at, 0.12, 0.3), (p) =>
    strictlyInside(p, zone) && zoneIndexAt(p, ctx.primary) >= 0 && zoneIndexAt(p, ctx.junior) >= 0);
  if (!at) throw new Error(`no room for the village of ${school.name}`);
  add(ctx, `${village}村`, 'village', at, ctx.rng.uniform(0.8, 1.5));
}

/** Villages spread by dart throwing over the countryside outside the city core, at least 0.9 km apart. */
function countryVillages(ctx: Ctx, count: number, names: NameBook): void {
  const [w, s, e, n] = ctx.county.bbox;
  const yangkou = ctx.areas.find((a) => a.name === '羊口镇');
  for (let placed = 0, tries = 0; placed < count && tries < 400000; tries++) {
    const p = roundPos([ctx.rng.uniform(w, e), ctx.rng.uniform(s, n)]);
    const sparse = p[1] > SPARSE_NORTH_LAT && (!yangkou || distanceKm(p, yangkou.at) > 5);
    if (sparse && !ctx.rng.chance(0.25)) continue;
    if (!strictlyInside(p, ctx.county) || inCity(p, 1.1) || !spaced(ctx, p, 0.9)) continue;
    if (zoneIndexAt(p, ctx.primary) < 0 || zoneIndexAt(p, ctx.junior) < 0) continue;
    add(ctx, `${names.village().zh}村`, 'village', p, ctx.rng.uniform(0.5, 1.5));
    placed++;
  }
}

/** A village beside the school for any junior zone that got no unit, so every zone has pupils to draw. */
function fillEmptyJuniorZones(ctx: Ctx, schools: readonly SchoolPlan[], names: NameBook): void {
  ctx.junior.forEach((zone) => {
    if (ctx.units.some((u) => strictlyInside(u.at, zone))) return;
    const school = schools.find((x) => x.id === zone.schoolId);
    if (!school) throw new Error(`zone of unknown school ${zone.schoolId}`);
    homeVillage(ctx, school, zone, names.village().zh);
  });
}

/** All units with ids U0001… ordered by area, compounds first, then north to south. */
export function placeUnits(
  seed: number,
  county: Region,
  areas: readonly Area[],
  schools: readonly SchoolPlan[],
  zones: readonly Zone[],
  names: NameBook,
): Unit[] {
  const ctx: Ctx = {
    rng: streamFor(seed, 'units'),
    county,
    areas,
    primary: zones.filter((z) => z.level === 'primary'),
    junior: zones.filter((z) => z.level === 'junior'),
    units: [],
  };
  const schoolOf = new Map(schools.map((s) => [s.id, s]));
  for (const zone of ctx.primary) {
    const school = schoolOf.get(zone.schoolId);
    if (!school) throw new Error(`zone of unknown school ${zone.schoolId}`);
    if (school.homeVillage) homeVillage(ctx, school, zone, school.homeVillage);
    else compoundsFor(ctx, school, zone, names);
  }
  countryVillages(ctx, UNIT_TARGET - ctx.units.length, names);
  fillEmptyJuniorZones(ctx, schools, names);
  const order = new Map(areas.map((a, i) => [a.name, i]));
  const sorted = ctx.units.slice().sort((a, b) =>
    (order.get(a.town) ?? 0) - (order.get(b.town) ?? 0) ||
    (a.kind === b.kind ? 0 : a.kind === 'compound' ? -1 : 1) ||
    b.at[1] - a.at[1] || a.at[0] - b.at[0]);
  return sorted.map((u, i) => ({
    ...u,
    id: `U${String(i + 1).padStart(4, '0')}`,
    primaryZone: zoneIndexAt(u.at, ctx.primary),
    juniorZone: zoneIndexAt(u.at, ctx.junior),
  }));
}
