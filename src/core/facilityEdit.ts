import { FACILITY_FIELDS } from './dataset';
import { facilityLimit, withinFacilityLimit } from './facilityLimits';
import { EditError, type EditContext, type SetFacilitiesEdit } from './editTypes';
import type { ZoneState } from './zoneState';

const FACILITY_KEYS = new Set<string>(['classrooms', ...FACILITY_FIELDS, ...FACILITY_FIELDS.flatMap((f) => [`primary_${f}`, `junior_${f}`])]);

/**
 * setFacilities: the values join those of an earlier change of the school in the scenario (the
 * later value of a field wins), and the latest `fromYear` given applies to them all. Each value must be
 * within the field's limit (facilityLimit: counts whole numbers, 0 to 10,000 …).
 */
export function applySetFacilities(state: ZoneState, edit: SetFacilitiesEdit, ctx: EditContext): ZoneState {
  const school = ctx.schoolIndex.get(String(edit.schoolId));
  if (school === undefined) throw new EditError('unknownSchool', { id: String(edit.schoolId) });
  const entries = Object.entries(edit.facilities ?? {});
  if (entries.length === 0) throw new EditError('noFacilities');
  for (const [key, value] of entries) {
    if (!FACILITY_KEYS.has(key)) throw new EditError('unknownFacility', { id: key });
    const limit = facilityLimit(key)!;
    if (typeof value !== 'number' || !withinFacilityLimit(limit, value)) {
      throw new EditError('badFacilityValue', { id: key, got: JSON.stringify(value) ?? String(value), max: limit.max });
    }
  }
  if (edit.fromYear !== undefined && !Number.isInteger(edit.fromYear)) throw new EditError('badYear', { got: JSON.stringify(edit.fromYear) });
  const facilities = new Map(state.facilities);
  const earlier = facilities.get(school);
  facilities.set(school, { values: { ...earlier?.values, ...Object.fromEntries(entries) }, fromYear: edit.fromYear ?? earlier?.fromYear });
  return { ...state, facilities };
}
