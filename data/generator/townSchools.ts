/** Town schools: a central primary and junior at each seat, a second school in the bigger towns, village primaries. */
import { offsetKm, strictlyInside } from './geo.ts';
import type { NameBook } from './names.ts';
import { drawInRing, requireSpot } from './place.ts';
import { streamFor, type Rng } from './random.ts';
import { clearOf, draft, type Draft } from './drafts.ts';
import { areaAt, type Area } from './towns.ts';
import type { LonLat, Region, ZoneLevel } from './types.ts';

interface TownPlan {
  /** A central primary at the seat (Yangkou's seat has a nine-year school instead). */
  central: boolean;
  /** A second primary (实验小学) about a kilometre from the seat. */
  second: boolean;
  juniors: 0 | 1 | 2;
  villages: number;
}

const TOWNS: Readonly<Record<string, TownPlan>> = {
  孙家集街道: { central: true, second: true, juniors: 2, villages: 4 },
  稻田镇: { central: true, second: true, juniors: 2, villages: 6 },
  侯镇: { central: true, second: true, juniors: 2, villages: 7 },
  纪台镇: { central: true, second: true, juniors: 2, villages: 6 },
  化龙镇: { central: true, second: false, juniors: 1, villages: 5 },
  上口镇: { central: true, second: false, juniors: 2, villages: 5 },
  田柳镇: { central: true, second: true, juniors: 2, villages: 6 },
  营里镇: { central: true, second: false, juniors: 2, villages: 5 },
  台头镇: { central: true, second: true, juniors: 2, villages: 6 },
  羊口镇: { central: false, second: false, juniors: 0, villages: 1 },
};

/** The coast north of this latitude is salt flats and wetland: few villages unless near a seat. */
const SPARSE_NORTH_LAT = 37.13;

const VILLAGE_SPACING_KM = 2.6;
const TOWN_JUNIOR_RANGE: [number, number] = [620, 1750];

interface Ctx {
  rng: Rng;
  county: Region;
  areas: readonly Area[];
  placed: Draft[];
}

/** True when the county reaches at least km from p in 8 directions: a second junior needs villages all round. */
function awayFromEdge(ctx: Ctx, p: LonLat, km: number): boolean {
  for (let k = 0; k < 8; k++) {
    const a = (k * Math.PI) / 4;
    if (!strictlyInside(offsetKm(p, km * Math.cos(a), km * Math.sin(a)), ctx.county)) return false;
  }
  return true;
}

function spot(ctx: Ctx, what: string, area: Area, ringKm: [number, number], level: ZoneLevel, spacingKm: number,
  edgeKm = 0): LonLat {
  return requireSpot(what, 20000, () => drawInRing(ctx.rng, area.at, ringKm[0], ringKm[1]), (p) =>
    strictlyInside(p, ctx.county) && areaAt(p, ctx.areas) === area && clearOf(ctx.placed, p, level, spacingKm) &&
    (p[1] < SPARSE_NORTH_LAT || area.name === '羊口镇' || area.name === '双王城生态经济园区') &&
    (edgeKm === 0 || awayFromEdge(ctx, p, edgeKm)));
}

function townJuniors(ctx: Ctx, area: Area, count: 0 | 1 | 2): void {
  for (let i = 0; i < count; i++) {
    const name = count === 1 ? `${area.name}初级中学` : `${area.name}第${i === 0 ? '一' : '二'}初级中学`;
    const nameEn = count === 1 ? `${area.en} Junior Middle School` : `${area.en} No.${i + 1} Junior Middle School`;
    const at = i === 0 ? spot(ctx, name, area, [0.4, 0.9], 'junior', 0.3) : spot(ctx, name, area, [5, 9], 'junior', 5, 3.5);
    ctx.placed.push(draft({ name, nameEn, level: 'junior', setting: i === 0 ? 'town' : 'village', at,
      juniorRange: TOWN_JUNIOR_RANGE }));
  }
}

function villagePrimaries(ctx: Ctx, area: Area, count: number, names: NameBook): void {
  for (let i = 0; i < count; i++) {
    const village = names.village();
    const name = `${village.zh}小学`;
    const at = spot(ctx, name, area, [2.5, 12], 'primary', VILLAGE_SPACING_KM);
    ctx.placed.push(draft({ name, nameEn: `${village.en} Primary School`, level: 'primary', setting: 'village', at,
      homeVillage: village.zh, primaryTarget: ctx.rng.int(260, 580) }));
  }
}

/** The nine-year schools outside the city: the Yangkou seat, the eco park, and Peiling village in Hualong. */
function nineYearDrafts(ctx: Ctx, names: NameBook): void {
  const byName = (n: string): Area => {
    const a = ctx.areas.find((x) => x.name === n);
    if (!a) throw new Error(`unknown area ${n}`);
    return a;
  };
  const yangkou = byName('羊口镇');
  ctx.placed.push(draft({ name: '羊口镇中心学校', nameEn: 'Yangkou Town Central School', level: 'nine_year',
    setting: 'town', at: spot(ctx, '羊口镇中心学校', yangkou, [0, 0.35], 'primary', 0),
    primaryTarget: 760, juniorRange: [300, 600] }));
  const park = byName('双王城生态经济园区');
  ctx.placed.push(draft({ name: '双王城学校', nameEn: 'Shuangwangcheng School', level: 'nine_year', setting: 'town',
    at: spot(ctx, '双王城学校', park, [0, 0.5], 'primary', 0), primaryTarget: 240, juniorRange: [100, 250] }));
  const hualong = byName('化龙镇');
  names.reserve('裴岭');
  ctx.placed.push(draft({ name: '化龙镇裴岭学校', nameEn: 'Hualong Town Peiling School', level: 'nine_year',
    setting: 'village', at: spot(ctx, '化龙镇裴岭学校', hualong, [3, 6], 'primary', VILLAGE_SPACING_KM),
    homeVillage: '裴岭', primaryTarget: 460, juniorRange: [180, 400] }));
}

/** Adds the schools of the towns (and of 孙家集街道, a mostly rural sub-district) to `placed`. */
export function townDrafts(seed: number, county: Region, areas: readonly Area[], names: NameBook, placed: Draft[]): void {
  const ctx: Ctx = { rng: streamFor(seed, 'town-schools'), county, areas, placed };
  nineYearDrafts(ctx, names);
  for (const area of areas) {
    const plan = TOWNS[area.name];
    if (!plan) continue;
    if (plan.central) {
      const name = `${area.name}中心小学`;
      placed.push(draft({ name, nameEn: `${area.en} Central Primary School`, level: 'primary', setting: 'town',
        at: spot(ctx, name, area, [0, 0.35], 'primary', 0), primaryTarget: ctx.rng.int(1000, 1380) }));
    }
    if (plan.second) {
      const name = `${area.name}实验小学`;
      placed.push(draft({ name, nameEn: `${area.en} Experimental Primary School`, level: 'primary', setting: 'town',
        at: spot(ctx, name, area, [1.0, 1.6], 'primary', 0.9), primaryTarget: ctx.rng.int(700, 1100) }));
    }
    townJuniors(ctx, area, plan.juniors);
  }
  for (const area of areas) {
    const plan = TOWNS[area.name];
    if (plan) villagePrimaries(ctx, area, plan.villages, names);
  }
}
