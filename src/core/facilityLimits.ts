import { FACILITY_FIELDS } from './dataset';

/** What a facility value may be: a whole number (counts) or any number, from 0 to `max`. */
export interface FacilityLimit {
  max: number;
  whole: boolean;
}

/** Counts (classrooms, teachers, rooms): whole numbers; no school has 10,000 of any. */
const COUNT: FacilityLimit = { max: 10_000, whole: true };
/** Areas in m²: up to 10 km², far beyond any campus. */
const AREA: FacilityLimit = { max: 10_000_000, whole: false };
/** Equipment value in yuan: up to 10 billion (100 亿元). */
const VALUE: FacilityLimit = { max: 10_000_000_000, whole: false };

const BASE: Record<string, FacilityLimit> = {
  classrooms: COUNT,
  ...Object.fromEntries(FACILITY_FIELDS.map((f) => [f, f.endsWith('_m2') ? AREA : f.endsWith('_yuan') ? VALUE : COUNT])),
};

/**
 * The range a school's facility field may take (`classrooms`, a FACILITY_FIELDS key, or a
 * nine-year section's `primary_<field>` / `junior_<field>`); undefined for other keys, which are
 * not facilities. Values outside it (1e308, negative, 12.5 teachers) are refused, so every
 * indicator computed from them is a finite number.
 */
export function facilityLimit(key: string): FacilityLimit | undefined {
  return BASE[key] ?? BASE[key.replace(/^(primary|junior)_/, '')];
}

/** Whether `value` is within the field's limit (a finite number from 0 to max, whole for counts). */
export function withinFacilityLimit(limit: FacilityLimit, value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= limit.max && (!limit.whole || Number.isInteger(value));
}
