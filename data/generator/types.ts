/** Shared types of the generator. Field meanings follow data/README.md (the data contract). */
import type { Feature, MultiPolygon, Polygon } from 'geojson';

/** WGS84 longitude, latitude in degrees. */
export type LonLat = [number, number];

/** What a school teaches: primary grades 1–6, junior 7–9, nine-year 1–9. */
export type SchoolLevel = 'primary' | 'junior' | 'nine_year';

/** The level of a zone and of a pupil. */
export type ZoneLevel = 'primary' | 'junior';

/** Where a school stands: city core (城区), town seat (镇区) or village (乡村). */
export type Setting = 'city' | 'town' | 'village';

/** The 7 resource indicators of 教督〔2017〕6号 (see shared DOMAIN.md). */
export type IndicatorKey =
  | 'teachersQualifiedPer100'
  | 'backbonePer100'
  | 'peArtPer100'
  | 'roomAreaPerStudent'
  | 'sportsAreaPerStudent'
  | 'equipmentValuePerStudent'
  | 'multimediaRoomsPer100';

/** A school before its pupils exist: identity, place and the pupil numbers it should end up with. */
export interface SchoolPlan {
  id: string;
  name: string;
  nameEn: string;
  level: SchoolLevel;
  ownership: 'public' | 'private';
  town: string;
  setting: Setting;
  at: LonLat;
  opens?: number;
  operator?: string;
  /** Public pupils wanted in its primary zone (0 when it has none). */
  primaryTarget: number;
  /** Public pupils wanted in its junior zone; null: follow the zone's population within juniorRange. */
  juniorTarget: number | null;
  juniorRange: [number, number];
  /** Pupils a private school draws from the whole county. */
  privateTarget: number;
  /** The village a village school is named after (base name, e.g. 王家庄): it becomes a unit beside the school. */
  homeVillage?: string;
  /** Fixed classroom count; null: sized from the enrollment. */
  classrooms: number | null;
  /** Indicator values as a multiple of the threshold, where chosen on purpose (crowding, a new building). */
  ratios: Partial<Record<IndicatorKey, number>>;
}

/** A polygon feature with its bounding box [west, south, east, north], for fast repeated point tests. */
export interface Region {
  feature: Feature<Polygon | MultiPolygon>;
  bbox: [number, number, number, number];
}

/** One enrollment zone (招生片区) clipped to the county. */
export interface Zone extends Region {
  schoolId: string;
  level: ZoneLevel;
}

/** A residential compound (小区) or village (村); pupils live around it. */
export interface Unit {
  id: string;
  name: string;
  kind: 'compound' | 'village';
  town: string;
  at: LonLat;
  /** Relative size used to share a zone's pupils among its units. */
  weight: number;
  /** Index into the primary zones and the junior zones that contain the unit. */
  primaryZone: number;
  juniorZone: number;
}

/** One pupil row of students.csv. */
export interface Pupil {
  lon: number;
  lat: number;
  grade: number;
  /** The recorded current school (the school_id column). */
  schoolId: string;
  /** The school the contract's rule gives: the private school, or the public school of the home's zone. */
  attends: string;
  unitId: string;
}
