import { GRADE_STRIDE } from './aggregate';
import type { School } from './dataset';
import type { SchoolResult } from './simulation';
import { levelOfGrade, MAX_GRADE, teachesLevel, ZONE_LEVELS, type Rules, type ZoneLevel } from './rules';
import type { WarningSettings } from './warning/settings';

/** The 7 resource indicators of 优质均衡 (教督〔2017〕6号), keys as in DOMAIN.md. */
export const INDICATORS = [
  'teachersQualifiedPer100',
  'backbonePer100',
  'peArtPer100',
  'roomAreaPerStudent',
  'sportsAreaPerStudent',
  'equipmentValuePerStudent',
  'multimediaRoomsPer100',
] as const;
export type IndicatorKey = (typeof INDICATORS)[number];

/** The facility field behind each indicator, and whether it is counted per 100 pupils. */
const RESOURCE: Record<IndicatorKey, { field: string; per100: boolean }> = {
  teachersQualifiedPer100: { field: 'teachers_qualified', per100: true },
  backbonePer100: { field: 'teachers_backbone', per100: true },
  peArtPer100: { field: 'teachers_pe_art', per100: true },
  roomAreaPerStudent: { field: 'room_area_m2', per100: false },
  sportsAreaPerStudent: { field: 'sports_area_m2', per100: false },
  equipmentValuePerStudent: { field: 'equipment_value_yuan', per100: false },
  multimediaRoomsPer100: { field: 'multimedia_rooms', per100: true },
};

/** Thresholds and rules of an assessment; the national 优质均衡 standard is the default. */
export interface StandardsProfile {
  name: string;
  thresholds: Record<ZoneLevel, Record<IndicatorKey, number>>;
  /** Largest county coefficient of variation allowed per indicator. */
  cvMax: Record<ZoneLevel, number>;
  /** A school passes when it meets at least `minMet` indicators and each one missed reaches `missedFloor` of its threshold. */
  minMet: number;
  missedFloor: number;
  /** Weight of a junior pupil against a primary one when a nine-year school's resources are split. */
  nineYearJuniorWeight: number;
  /** Count private schools in the county CVs. */
  includePrivateInCv: boolean;
  /** Smallest share of a public school's pupils living in its own zone (就近入学). */
  nearbyMin: Record<ZoneLevel, number>;
  /** 学位预警 tiers, years ahead and ranges; DEFAULT_WARNING when absent. */
  warning?: WarningSettings;
  /** Service radii in metres, city and rural, per level (see DistanceSettings); absent: the defaults, 500 / 1000 m city, 2500 / 5000 m rural. */
  serviceRadiusM?: { city: Record<ZoneLevel, number>; rural: Record<ZoneLevel, number> };
}

export const NATIONAL_PROFILE: StandardsProfile = {
  name: '国家义务教育优质均衡发展标准',
  thresholds: {
    primary: { teachersQualifiedPer100: 4.2, backbonePer100: 1.0, peArtPer100: 0.9, roomAreaPerStudent: 4.5, sportsAreaPerStudent: 7.5, equipmentValuePerStudent: 2000, multimediaRoomsPer100: 2.3 },
    junior: { teachersQualifiedPer100: 5.3, backbonePer100: 1.0, peArtPer100: 0.9, roomAreaPerStudent: 5.8, sportsAreaPerStudent: 10.2, equipmentValuePerStudent: 2500, multimediaRoomsPer100: 2.4 },
  },
  cvMax: { primary: 0.5, junior: 0.45 },
  minMet: 6,
  missedFloor: 0.85,
  nineYearJuniorWeight: 1.1,
  includePrivateInCv: false,
  nearbyMin: { primary: 1, junior: 0.95 },
};

/** Pupils a public school section has on its roll (known current school), and how many live in its zone. */
export interface NearbyCount {
  enrolled: number;
  inZone: number;
}

/**
 * 就近入学: for every school and level, the zoned pupils whose `school_id` names it, and of them those
 * whose home lies in its zone (`zoneSchoolOf`, the zone assignment ignoring unit reassignments). A
 * pupil of a zone shared by several schools (多校划片) who is on the roll of one of them keeps it in
 * `zoneSchoolOf` (resolveSharedZones), so counts as living in that school's zone.
 * Keyed `${school}:${level}`.
 */
export function computeNearbyCounts(
  pupils: { currentSchool: Int32Array; segmentStart: Int32Array },
  zoneSchoolOf: Int32Array,
): Map<string, NearbyCount> {
  const { currentSchool, segmentStart } = pupils;
  const levels = ZONE_LEVELS.length;
  let schools = 0;
  for (let i = segmentStart[0]; i < segmentStart[levels]; i++) schools = Math.max(schools, currentSchool[i] + 1);
  // Counted by school and level in arrays: a string key per pupil made this 70 ms at a million pupils.
  const enrolled = new Int32Array(schools * levels);
  const inZone = new Int32Array(schools * levels);
  for (let k = 0; k < levels; k++) {
    for (let i = segmentStart[k]; i < segmentStart[k + 1]; i++) {
      const s = currentSchool[i];
      if (s < 0) continue;
      enrolled[s * levels + k]++;
      if (zoneSchoolOf[i] === s) inZone[s * levels + k]++;
    }
  }
  const out = new Map<string, NearbyCount>();
  for (let s = 0; s < schools; s++) {
    ZONE_LEVELS.forEach((level, k) => {
      const j = s * levels + k;
      if (enrolled[j] > 0) out.set(`${s}:${level}`, { enrolled: enrolled[j], inZone: inZone[j] });
    });
  }
  return out;
}

// Pupils and resource summed over the schools that have pupils (the CV leaves the others out).
function totalsWithPupils(pupils: number[], resources: number[]): { n: number; r: number } {
  let n = 0;
  let r = 0;
  pupils.forEach((p, i) => {
    if (p > 0) {
      n += p;
      r += resources[i];
    }
  });
  return { n, r };
}

/**
 * The enrollment-weighted coefficient of variation (差异系数) of DOMAIN.md: X̄ = Σr/Σn,
 * S = √(Σ (n_i/N)(r_i/n_i − X̄)²), CV = S/X̄. Schools without pupils are left out; 0 when no
 * resource at all.
 */
export function computeWeightedCv(pupils: number[], resources: number[]): number {
  const { n, r } = totalsWithPupils(pupils, resources);
  if (n === 0 || r === 0) return 0;
  const mean = r / n;
  let variance = 0;
  pupils.forEach((p, i) => {
    if (p > 0) variance += (p / n) * (resources[i] / p - mean) ** 2;
  });
  return Math.sqrt(variance) / mean;
}

/** One school's section (a nine-year school has two) assessed against a profile. */
export interface SectionStandards {
  schoolId: string;
  level: ZoneLevel;
  pupils: number;
  /** Resources of the section (counts, m², yuan). */
  resources: Record<IndicatorKey, number>;
  /** Indicator values: per pupil, or per 100 pupils for the per-100 keys. */
  indicators: Record<IndicatorKey, number>;
  met: number;
  pass: boolean;
  /** Indicators below their threshold, with the value needed. */
  missed: { key: IndicatorKey; value: number; threshold: number }[];
  /** Share of the pupils on its roll who live in its zone (就近入学), when their school is known. */
  nearbyShare?: number;
  nearbyPass?: boolean;
  /** Music and art rooms against one per 12 classes. */
  musicRooms: number;
  artRooms: number;
  roomsRequired: number;
}

/**
 * Why a county CV cannot be computed: no school of the level has pupils, or none reports the
 * resource (its mean is 0, so the CV would divide by 0).
 */
export type CvNotComputable = 'noPupils' | 'noResource';

/** The county's assessment of one level. */
export interface LevelStandards {
  /** Per indicator the CV, a finite number; 0 where it is not computable (see notComputable). */
  cv: Record<IndicatorKey, number>;
  /** The indicators whose CV cannot be computed, and why; they are left out of cvPass. */
  notComputable: Partial<Record<IndicatorKey, CvNotComputable>>;
  cvPass: boolean;
  schoolsFailing: number;
}

/** Why the weighted CV of these pupils and resources cannot be computed, or undefined when it can (computeWeightedCv). */
export function cvNotComputable(pupils: number[], resources: number[]): CvNotComputable | undefined {
  const { n, r } = totalsWithPupils(pupils, resources);
  if (n === 0) return 'noPupils';
  if (!(r > 0)) return 'noResource';
  return undefined;
}

export interface StandardsResult {
  primary: LevelStandards;
  junior: LevelStandards;
  sections: SectionStandards[];
}

/**
 * A section's share of a nine-year school's resource: its own `primary_*` / `junior_*` field when
 * given, else the whole split by pupils weighted 1 : `juniorWeight`.
 */
function sectionResource(school: School, field: string, level: ZoneLevel, pupils: Record<ZoneLevel, number>, juniorWeight: number): number {
  const own = school.facilities[`${level}_${field}`];
  if (own !== undefined) return own;
  const total = school.facilities[field] ?? 0;
  if (school.level !== 'nine_year') return total;
  const weighted = pupils.primary + juniorWeight * pupils.junior;
  if (weighted === 0) return 0;
  return (total * (level === 'primary' ? pupils.primary : juniorWeight * pupils.junior)) / weighted;
}

/**
 * Assesses every open school section with pupils against a profile: the 7 indicators from the
 * facility fields and the simulated enrollment (`counts` by school and grade), the 6-of-7 / 85%
 * school rule, music and art rooms per 12 classes (`classesOf` per school and level), 就近入学
 * shares when `nearby` is given, and per level the county CVs (private schools only when the
 * profile says so; a CV that cannot be computed — no pupils, or no school reporting the resource —
 * is named in `notComputable` with the reason, never NaN).
 */
export function computeStandards(
  schools: School[],
  counts: Int32Array,
  classesOf: (school: number, level: ZoneLevel) => number,
  rules: Rules,
  profile: StandardsProfile = NATIONAL_PROFILE,
  nearby?: Map<string, NearbyCount>,
): StandardsResult {
  const sections: SectionStandards[] = [];
  schools.forEach((school, s) => {
    const pupils = { primary: 0, junior: 0 };
    for (let g = 1; g <= MAX_GRADE; g++) pupils[levelOfGrade(g, rules)] += counts[s * GRADE_STRIDE + g];
    for (const level of ZONE_LEVELS) {
      if (!teachesLevel(school.level, level) || pupils[level] === 0) continue;
      const n = pupils[level];
      const resources = {} as Record<IndicatorKey, number>;
      const indicators = {} as Record<IndicatorKey, number>;
      const missed: SectionStandards['missed'] = [];
      let met = 0;
      let missedAboveFloor = true;
      for (const key of INDICATORS) {
        const { field, per100 } = RESOURCE[key];
        resources[key] = sectionResource(school, field, level, pupils, profile.nineYearJuniorWeight);
        indicators[key] = (resources[key] / n) * (per100 ? 100 : 1);
        const threshold = profile.thresholds[level][key];
        if (indicators[key] >= threshold) met++;
        else {
          missed.push({ key, value: indicators[key], threshold });
          if (indicators[key] < profile.missedFloor * threshold) missedAboveFloor = false;
        }
      }
      const classes = classesOf(s, level);
      const roll = school.ownership === 'public' ? nearby?.get(`${s}:${level}`) : undefined;
      const nearbyShare = roll && roll.enrolled > 0 ? roll.inZone / roll.enrolled : undefined;
      sections.push({
        nearbyShare,
        nearbyPass: nearbyShare === undefined ? undefined : nearbyShare >= profile.nearbyMin[level],
        schoolId: school.id,
        level,
        pupils: n,
        resources,
        indicators,
        met,
        pass: met >= profile.minMet && missedAboveFloor,
        missed,
        musicRooms: sectionResource(school, 'music_rooms', level, pupils, profile.nineYearJuniorWeight),
        artRooms: sectionResource(school, 'art_rooms', level, pupils, profile.nineYearJuniorWeight),
        roomsRequired: Math.ceil(classes / 12),
      });
    }
  });
  const byLevel = (level: ZoneLevel): LevelStandards => {
    const inCv = sections.filter((x) => x.level === level && (profile.includePrivateInCv || schools.find((s) => s.id === x.schoolId)!.ownership === 'public'));
    const cv = {} as Record<IndicatorKey, number>;
    const notComputable: LevelStandards['notComputable'] = {};
    for (const key of INDICATORS) {
      const pupils = inCv.map((x) => x.pupils);
      const resources = inCv.map((x) => x.resources[key]);
      const why = cvNotComputable(pupils, resources);
      if (why) notComputable[key] = why;
      cv[key] = why ? 0 : computeWeightedCv(pupils, resources);
    }
    return {
      cv,
      notComputable,
      cvPass: INDICATORS.every((key) => notComputable[key] !== undefined || cv[key] <= profile.cvMax[level]),
      schoolsFailing: sections.filter((x) => x.level === level && !x.pass).length,
    };
  };
  return { primary: byLevel('primary'), junior: byLevel('junior'), sections };
}

/** Classes of each school's section, from simulation results (for the music and art room rule). */
export function classesBySection(results: SchoolResult[], rules: Rules): (school: number, level: ZoneLevel) => number {
  return (s, level) =>
    Object.entries(results[s].classes).reduce((sum, [g, k]) => sum + (levelOfGrade(Number(g), rules) === level ? k : 0), 0);
}
