/** The school list: the schools named in Shouguang's 2020 plan, the city schools, then the town schools. */
import { draft, type Draft } from './drafts.ts';
import type { NameBook } from './names.ts';
import { streamFor } from './random.ts';
import { BASE_YEAR } from './settings.ts';
import { areaAt, type Area } from './towns.ts';
import { townDrafts } from './townSchools.ts';
import type { LonLat, Region, SchoolPlan } from './types.ts';

// Positions are invented. 汇文学校 stands between 圣城小学 and 建桥学校 (about 1.1 km from each) so
// that moving pupils to it is a short walk; 建桥 and 圣城中学 are in the development zone. Ratios below 1:
// the crowded schools lack room and sports area; 汇文学校 is a new building made for far more pupils.
const NAMED: readonly Draft[] = [
  draft({ name: '圣城小学', nameEn: 'Shengcheng Primary School', level: 'primary', setting: 'city', at: [118.762, 36.878],
    primaryTarget: 2600, classrooms: 46, ratios: { roomAreaPerStudent: 0.867, sportsAreaPerStudent: 0.82 } }),
  draft({ name: '建桥学校', nameEn: 'Jianqiao School', level: 'nine_year', setting: 'city', at: [118.786, 36.87],
    primaryTarget: 1700, juniorTarget: 900, classrooms: 48, ratios: { roomAreaPerStudent: 0.9, sportsAreaPerStudent: 0.84 } }),
  draft({ name: '汇文学校', nameEn: 'Huiwen School', level: 'nine_year', setting: 'city', at: [118.774, 36.874], opens: 2020,
    primaryTarget: 270, juniorTarget: 290, classrooms: 60,
    ratios: { roomAreaPerStudent: 2.6, sportsAreaPerStudent: 2.4, equipmentValuePerStudent: 1.8, multimediaRoomsPer100: 2 } }),
  draft({ name: '圣城中学', nameEn: 'Shengcheng Middle School', level: 'junior', setting: 'city', at: [118.802, 36.876],
    juniorTarget: 2200, classrooms: 38, ratios: { roomAreaPerStudent: 0.9, sportsAreaPerStudent: 0.8 } }),
  draft({ name: '现代明德学校', nameEn: 'Xiandai Mingde School', level: 'nine_year', ownership: 'private', setting: 'city',
    at: [118.757, 36.902], privateTarget: 1980 }),
  draft({ name: '寿光世纪学校', nameEn: 'Shouguang Century School', level: 'nine_year', ownership: 'private', setting: 'city',
    at: [118.712, 36.868], operator: '世纪教育集团', privateTarget: 1990 }),
  draft({ name: '寿光市英才小学', nameEn: 'Shouguang Yingcai Primary School', level: 'primary', ownership: 'private',
    setting: 'city', at: [118.782, 36.852], privateTarget: 1880 }),
  draft({ name: '弥水小镇学校', nameEn: 'Mishui Town School', level: 'nine_year', setting: 'city', at: [118.826, 36.868],
    opens: 2022, classrooms: 45 }),
  draft({ name: '寿光一中分校小学部', nameEn: 'Shouguang No.1 Middle School Branch, Primary Section', level: 'primary',
    setting: 'city', at: [118.741, 36.853], opens: 2022, classrooms: 36 }),
  draft({ name: '万达广场北小学', nameEn: 'Wanda Plaza North Primary School', level: 'primary', setting: 'city',
    at: [118.745, 36.895], opens: 2023, classrooms: 30 }),
];

type CityEntry = readonly [string, string, LonLat];

// City schools are placed by hand (invented positions) so that the story of the plan does not depend on the
// seed: each junior zone covers two or three primary zones, 东城中学 sits between 圣城小学 and 汇文学校,
// and 圣城中学 serves the east of the city.
const CITY_PRIMARIES: readonly CityEntry[] = [
  ['寿光市实验小学', 'Shouguang Experimental Primary School', [118.732, 36.884]],
  ['育才小学', 'Yucai Primary School', [118.719, 36.872]],
  ['东城小学', 'Dongcheng Primary School', [118.748, 36.886]],
  ['西城小学', 'Xicheng Primary School', [118.706, 36.885]],
  ['北关小学', 'Beiguan Primary School', [118.733, 36.899]],
  ['南关小学', 'Nanguan Primary School', [118.733, 36.869]],
  ['建新小学', 'Jianxin Primary School', [118.718, 36.897]],
  ['银海小学', 'Yinhai Primary School', [118.747, 36.872]],
  ['文家街道中心小学', 'Wenjia Subdistrict Central Primary School', [118.748, 36.848]],
  ['文家街道第二小学', 'Wenjia Subdistrict No.2 Primary School', [118.728, 36.852]],
  ['丹河小学', 'Danhe Primary School', [118.74, 36.86]],
  ['阳光小学', 'Yangguang Primary School', [118.762, 36.858]],
  ['桃园小学', 'Taoyuan Primary School', [118.76, 36.842]],
  ['洛城街道中心小学', 'Luocheng Subdistrict Central Primary School', [118.775, 36.906]],
  ['洛城街道第二小学', 'Luocheng Subdistrict No.2 Primary School', [118.762, 36.895]],
  ['东关小学', 'Dongguan Primary School', [118.748, 36.902]],
  ['新城小学', 'Xincheng Primary School', [118.762, 36.912]],
  ['凤凰小学', 'Fenghuang Primary School', [118.796, 36.893]],
  ['古城街道中心小学', 'Gucheng Subdistrict Central Primary School', [118.795, 36.846]],
  ['古城街道第二小学', 'Gucheng Subdistrict No.2 Primary School', [118.812, 36.86]],
  ['弥河小学', 'Mihe Primary School', [118.776, 36.852]],
  ['寿光经济开发区实验小学', 'Shouguang Economic Development Zone Experimental Primary School', [118.812, 36.882]],
];

const CITY_JUNIORS: readonly CityEntry[] = [
  ['寿光市实验中学', 'Shouguang Experimental Middle School', [118.738, 36.878]],
  ['东城中学', 'Dongcheng Middle School', [118.768, 36.881]],
  ['西城中学', 'Xicheng Middle School', [118.71, 36.876]],
  ['育英中学', 'Yuying Middle School', [118.728, 36.898]],
  ['文家街道初级中学', 'Wenjia Subdistrict Junior Middle School', [118.733, 36.856]],
  ['丹河中学', 'Danhe Middle School', [118.757, 36.849]],
  ['洛城街道初级中学', 'Luocheng Subdistrict Junior Middle School', [118.758, 36.909]],
  ['洛城街道第二初级中学', 'Luocheng Subdistrict No.2 Junior Middle School', [118.745, 36.897]],
  ['古城街道初级中学', 'Gucheng Subdistrict Junior Middle School', [118.776, 36.843]],
];

/** The city primaries and juniors at their hand-placed positions, with drawn pupil targets. */
function cityDrafts(seed: number): Draft[] {
  const rng = streamFor(seed, 'city-schools');
  return [
    ...CITY_PRIMARIES.map(([name, nameEn, at]) =>
      draft({ name, nameEn, level: 'primary', setting: 'city', at, primaryTarget: rng.int(1250, 1850) })),
    ...CITY_JUNIORS.map(([name, nameEn, at]) =>
      draft({ name, nameEn, level: 'junior', setting: 'city', at, juniorRange: [1050, 1850] })),
  ];
}

const ID_PREFIX = { primary: 'P', junior: 'J', nine_year: 'N' } as const;

/** Every school of the county, with stable ids: P (public primary), J (junior), N (nine-year), R (private). */
export function planSchools(seed: number, county: Region, areas: readonly Area[], names: NameBook): SchoolPlan[] {
  const drafts: Draft[] = [...NAMED, ...cityDrafts(seed)];
  townDrafts(seed, county, areas, names, drafts);
  // planned schools go last within their prefix so that open schools keep low, stable numbers
  const planned = (d: Draft): boolean => (d.opens ?? 0) > BASE_YEAR;
  const ordered = [...drafts.filter((d) => !planned(d)), ...drafts.filter(planned)];
  const counters = new Map<string, number>();
  return ordered.map((d) => {
    const prefix = d.ownership === 'private' ? 'R' : ID_PREFIX[d.level];
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return { id: `${prefix}${String(n).padStart(2, '0')}`, town: areaAt(d.at, areas).name, ...d };
  });
}
