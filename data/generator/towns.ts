/** The township-level areas of Shouguang: 5 sub-districts, 9 towns, the development zone and the eco park. */
import { distanceKm, strictlyInside, toKm } from './geo.ts';
import type { LonLat, Region } from './types.ts';

/** One township-level area and its seat. */
export interface Area {
  name: string;
  /** English name used to build school names, e.g. "Daotian Town". */
  en: string;
  /** City areas make up the urban core (城区); the others are towns with villages around their seat. */
  urban: boolean;
  at: LonLat;
}

// Seats are APPROXIMATE (WGS84), placed by hand from general geography, not surveyed: the city centre
// near 36.88 N 118.73 E, the development zone east of it toward the Mi River, Yangkou on the Laizhou Bay coast.
const SEATS: readonly Area[] = [
  { name: '圣城街道', en: 'Shengcheng Subdistrict', urban: true, at: [118.73, 36.88] },
  { name: '文家街道', en: 'Wenjia Subdistrict', urban: true, at: [118.748, 36.846] },
  { name: '洛城街道', en: 'Luocheng Subdistrict', urban: true, at: [118.772, 36.91] },
  { name: '古城街道', en: 'Gucheng Subdistrict', urban: true, at: [118.795, 36.843] },
  { name: '寿光经济开发区', en: 'Shouguang Economic Development Zone', urban: true, at: [118.806, 36.876] },
  { name: '孙家集街道', en: 'Sunjiaji Subdistrict', urban: false, at: [118.67, 36.842] },
  { name: '稻田镇', en: 'Daotian Town', urban: false, at: [118.905, 36.85] },
  { name: '侯镇', en: 'Houzhen Town', urban: false, at: [118.975, 37.03] },
  { name: '纪台镇', en: 'Jitai Town', urban: false, at: [118.83, 36.782] },
  { name: '化龙镇', en: 'Hualong Town', urban: false, at: [118.632, 36.93] },
  { name: '上口镇', en: 'Shangkou Town', urban: false, at: [118.79, 36.985] },
  { name: '田柳镇', en: 'Tianliu Town', urban: false, at: [118.675, 37.0] },
  { name: '营里镇', en: 'Yingli Town', urban: false, at: [118.79, 37.085] },
  { name: '台头镇', en: 'Taitou Town', urban: false, at: [118.64, 37.06] },
  { name: '羊口镇', en: 'Yangkou Town', urban: false, at: [118.86, 37.215] },
  { name: '双王城生态经济园区', en: 'Shuangwangcheng Eco-Economic Park', urban: false, at: [118.76, 37.16] },
];

/** The urban core: an ellipse around the built-up city (km half-axes), where compounds cluster. */
const CITY = { at: [118.765, 36.875] as LonLat, halfWidthKm: 5.8, halfHeightKm: 4.6 };

/** The areas with every seat moved inside the county outline if needed (straight toward the county's middle). */
export function placeAreas(county: Region): Area[] {
  const [w, s, e, n] = county.bbox;
  const middle: LonLat = [(w + e) / 2, (s + n) / 2];
  return SEATS.map((area) => {
    let at = area.at;
    for (let step = 1; !strictlyInside(at, county); step++) {
      if (step > 100) throw new Error(`cannot place ${area.name} inside the county`);
      const t = step / 100;
      at = [area.at[0] + (middle[0] - area.at[0]) * t, area.at[1] + (middle[1] - area.at[1]) * t];
    }
    return { ...area, at };
  });
}

/** The area a point belongs to: the one with the nearest seat (township boundaries are not published). */
export function areaAt(p: LonLat, areas: readonly Area[]): Area {
  let best = areas[0];
  let bestD = Infinity;
  for (const a of areas) {
    const d = distanceKm(p, a.at);
    if (d < bestD) {
      bestD = d;
      best = a;
    }
  }
  if (!best) throw new Error('no areas');
  return best;
}

/** True inside the urban core ellipse, shrunk by `scale` (1 = the whole core). */
export function inCity(p: LonLat, scale = 1): boolean {
  const a = toKm(p);
  const c = toKm(CITY.at);
  const u = (a[0] - c[0]) / (CITY.halfWidthKm * scale);
  const v = (a[1] - c[1]) / (CITY.halfHeightKm * scale);
  return u * u + v * v <= 1;
}

