/** Checks of who attends which school: the plan's oversized schools, size bands, classes and indicators. */
import { formClasses, largestClasses, roomsAtCap } from './classes.ts';
import { INDICATOR_KEYS, INDICATORS, sectionValues } from './indicators.ts';
import type { Dataset, SchoolProps } from './readDataset.ts';
import { n, type Report } from './report.ts';
import { classCap } from './settings.ts';

/** Pupils per grade (index 0 = grade 1) by school id. */
export type Enrollment = ReadonlyMap<string, readonly number[]>;

const EMPTY = [0, 0, 0, 0, 0, 0, 0, 0, 0] as const;
const OVERSIZED = ['圣城小学', '建桥学校', '圣城中学'];
const RELIEF = '汇文学校';

function total(counts: readonly number[]): number {
  return counts.reduce((a, b) => a + b, 0);
}

/** Classes over the cap and 大班额 (56–65) classes, with pupils spread evenly over each grade's classes. */
function classStats(counts: readonly number[], classes: readonly number[]) {
  let overCap = 0;
  let large = 0;
  let all = 0;
  counts.forEach((pupils, g) => {
    const k = classes[g] ?? 0;
    if (pupils === 0 || k === 0) return;
    const big = Math.ceil(pupils / k);
    const bigCount = pupils % k === 0 ? k : pupils % k;
    const sizes: [number, number][] = [[big, bigCount], [Math.floor(pupils / k), k - bigCount]];
    for (const [size, count] of sizes) {
      if (size > classCap(g + 1)) overCap += count;
      if (size >= 56 && size <= 65) large += count;
    }
    all += k;
  });
  return { overCap, large, all };
}

function describe(report: Report, props: SchoolProps, counts: readonly number[]): ReturnType<typeof classStats> & { maxClass: number } {
  const classes = formClasses(counts, props.classrooms);
  const largest = largestClasses(counts, classes);
  const stats = classStats(counts, classes);
  const grades = counts.map((c, g) => (c > 0 ? `${g + 1}:${c}/${classes[g]}→${largest[g]}` : '')).filter(Boolean).join(' ');
  report.info(`${props.name} ${props.id} (${props.level}, ${props.classrooms} rooms): ${n(total(counts))} pupils; grade:pupils/classes→largest ${grades}`);
  report.info(`  ${stats.all} classes, ${stats.overCap} over the cap, ${stats.large} 大班额 (56–65); rooms needed at the cap ${roomsAtCap(counts)}`);
  return { ...stats, maxClass: Math.max(...largest) };
}

/** The situation of the 2020 plan: three oversized schools and the nearly empty 汇文学校. */
export function checkNamedSchools(ds: Dataset, enrollment: Enrollment, report: Report): void {
  report.section('schools named in the plan (zoned + private pupils, classes by the shared-classroom rule)');
  const byName = (name: string) => ds.schools.find((s) => s.properties.name === name)?.properties;
  const [shengcheng, jianqiao, middle] = OVERSIZED.map(byName);
  const huiwen = byName(RELIEF);
  if (!shengcheng || !jianqiao || !middle || !huiwen) {
    report.require(false, 'the four named schools exist');
    return;
  }
  const sc = enrollment.get(shengcheng.id) ?? EMPTY;
  const scStats = describe(report, shengcheng, sc);
  report.require(total(sc) >= 2500 && total(sc) <= 2700, `圣城小学 has 2,500–2,700 zoned pupils: ${n(total(sc))}`);
  report.require(scStats.maxClass > 45 && scStats.large > 0, `圣城小学 classes over 45 with 大班额: largest ${scStats.maxClass}, ${scStats.large} 大班额`);
  const jq = enrollment.get(jianqiao.id) ?? EMPTY;
  const jqStats = describe(report, jianqiao, jq);
  report.require(total(jq) > 2500 && jqStats.overCap > 0, `建桥学校 has over 2,500 pupils and classes over the cap: ${n(total(jq))}, ${jqStats.overCap} over`);
  const md = enrollment.get(middle.id) ?? EMPTY;
  const mdStats = describe(report, middle, md);
  report.require(total(md) >= 2100 && total(md) <= 2400 && mdStats.maxClass > 50,
    `圣城中学 has 2,100–2,400 pupils and classes over 50: ${n(total(md))}, largest ${mdStats.maxClass}`);
  const hw = enrollment.get(huiwen.id) ?? EMPTY;
  describe(report, huiwen, hw);
  report.require(total(hw) >= 300 && total(hw) <= 600 && huiwen.opens === 2020 && roomsAtCap(hw) * 2 <= huiwen.classrooms,
    `汇文学校 opens 2020 with 300–600 pupils and at least half its ${huiwen.classrooms} rooms spare: ${n(total(hw))} pupils need ${roomsAtCap(hw)}`);
  const roomArea = Number(shengcheng['room_area_m2']) / total(sc);
  report.require(roomArea >= 3.7 && roomArea <= 4.2, `圣城小学 is short of room area: ${roomArea.toFixed(2)} m² per pupil (threshold 4.5)`);
}

/** Size bands of the other schools: city 1,000–1,900, town primaries 600–1,400, villages 150–600, town juniors 600–1,800. */
export function checkSizeBands(ds: Dataset, enrollment: Enrollment, report: Report): void {
  report.section('size bands of the other schools');
  const bad: string[] = [];
  let over2000 = 0;
  for (const { properties: s } of ds.schools) {
    const size = total(enrollment.get(s.id) ?? EMPTY);
    if (OVERSIZED.includes(s.name)) continue;
    if (size > 2000) over2000++;
    if (s.ownership === 'private' || (s.opens ?? 0) > ds.baseYear || s.name === RELIEF || s.level === 'nine_year') continue;
    const [lo, hi] =
      s.setting === 'city' ? [1000, 1900] : s.level === 'junior' ? [600, 1800] : s.setting === 'town' ? [600, 1400] : [150, 600];
    if (size < lo || size > hi) bad.push(`${s.name} ${size} not in ${lo}–${hi}`);
  }
  report.require(bad.length === 0, `every public school within its band${bad.length ? `: ${bad.join('; ')}` : ''}`);
  report.require(over2000 === 0, `no school but the three oversized ones above 2,000 pupils (${over2000} found)`);
  const planned = ds.schools.filter((s) => (s.properties.opens ?? 0) > ds.baseYear);
  report.require(planned.every((s) => total(enrollment.get(s.properties.id) ?? EMPTY) === 0), 'planned schools have no pupils yet');
}

/** The 7 indicators: how many schools meet the school rule, and the county's coefficient of variation per level. */
export function reportIndicators(ds: Dataset, enrollment: Enrollment, report: Report): void {
  report.section('resource indicators (information)');
  const open = ds.schools.filter((s) => (s.properties.opens ?? 0) <= ds.baseYear);
  const failing: string[] = [];
  const values = new Map<string, { pupils: number; value: number }[]>();
  for (const { properties: s } of open) {
    const counts = enrollment.get(s.id) ?? EMPTY;
    const sections = { primary: total(counts.slice(0, 6)), junior: total(counts.slice(6)) };
    const misses: [string, number][] = [];
    for (const key of INDICATOR_KEYS) {
      const ind = INDICATORS[key];
      const v = sectionValues(Number(s[ind.field]), sections.primary, sections.junior, ind.per100);
      for (const level of ['primary', 'junior'] as const) {
        const x = v[level];
        if (x === null) continue;
        if (x < ind[level]) misses.push([key, x / ind[level]]);
        const list = values.get(`${level}:${key}`) ?? [];
        list.push({ pupils: sections[level], value: x });
        values.set(`${level}:${key}`, list);
      }
    }
    if (misses.length > 1 || (misses[0]?.[1] ?? 1) < 0.85) {
      failing.push(`${s.name} (${misses.map(([k, r]) => `${k} ${Math.round(r * 100)}%`).join(', ')})`);
    }
  }
  report.info(`${open.length - failing.length} of ${open.length} open schools meet at least 6 of 7 indicators with the miss at 85% or more`);
  report.info(`short of the school rule: ${failing.join('; ')}`);
  for (const level of ['primary', 'junior'] as const) {
    const cvs = INDICATOR_KEYS.map((key) => {
      const list = values.get(`${level}:${key}`) ?? [];
      const pupils = list.reduce((a, x) => a + x.pupils, 0);
      const mean = list.reduce((a, x) => a + x.pupils * x.value, 0) / pupils;
      const sd = Math.sqrt(list.reduce((a, x) => a + (x.pupils / pupils) * (x.value - mean) ** 2, 0));
      return `${key} ${(sd / mean).toFixed(2)}`;
    });
    report.info(`CV ${level} (limit ${level === 'primary' ? '0.50' : '0.45'}): ${cvs.join(', ')}`);
  }
}
