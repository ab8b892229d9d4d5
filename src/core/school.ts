import type { SchoolLevel } from './rules';

/** Facility fields of the data contract, behind the 7 resource indicators (DOMAIN.md). */
export const FACILITY_FIELDS = [
  'teachers_qualified',
  'teachers_backbone',
  'teachers_pe_art',
  'room_area_m2',
  'sports_area_m2',
  'equipment_value_yuan',
  'multimedia_rooms',
  'music_rooms',
  'art_rooms',
] as const;
export type FacilityField = (typeof FACILITY_FIELDS)[number];

export type Ownership = 'public' | 'private';

/** One school of `schools.geojson`, validated. */
export interface School {
  id: string;
  name: string;
  nameEn?: string;
  level: SchoolLevel;
  ownership: Ownership;
  /** General classrooms; undefined = not limited. */
  classrooms?: number;
  /** First school year; a school opening after the base year is planned. */
  opens?: number;
  /** Where it stands (`setting`): city core, town seat or village; decides its service radius (city or rural). */
  setting?: 'city' | 'town' | 'village';
  lon: number;
  lat: number;
  /** Numeric facility fields as given, including `primary_*` / `junior_*` section variants. */
  facilities: Record<string, number>;
}
