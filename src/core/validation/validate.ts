import { ZONE_LEVELS, type ZoneLevel } from '../rules';
import { checkLevelGeometry } from './levelGeometry';
import { zonedPupilsByLevel } from './levelPupils';
import { polygonsOf } from './pieces';
import { checkPupilColumns, duplicateSchoolIds, summariseRows } from './rows';
import { schoolsWithoutZone } from './schoolsWithoutZone';
import { pupilsAtTheirSchool } from './pupilsAtSchool';
import { checkShiftedLayers } from './shift';
import type { IgnoredPieces, ValidationInput, ValidationItem, ValidationOptions, ValidationReport } from './types';
import { checkZoneFeatures } from './zoneFeatures';
import { findRoadPieces } from '../distance/roadPieces';

/** Default tolerances: 1 m² and a mean width of 0.5 m (coordinates rounded to 1e-6° are ~0.1 m apart). */
export const DEFAULT_VALIDATION_OPTIONS: Required<ValidationOptions> = { minAreaM2: 1, minWidthM: 0.5, maxLines: 5 };

/**
 * The validation report of a dataset before it is used: zone features (geometry, school, level,
 * self-intersections, several per school), per level the gaps and overlaps (area in m², pupils
 * living there), the pupils outside every zone, layers that look read in the wrong coordinate
 * system (checkShiftedLayers: pupils, schools, compounds and villages against the zones and one
 * another), optional files the import left out, repeated school ids, the pupil rows the parsers
 * rejected or flagged and the unit rows the import rejected (grouped by problem), bad grades and
 * repeated ids in the pupil columns,
 * open public schools without a zone, and public schools with pupils placed at the school itself. Pure; takes well under a second on the Shouguang dataset.
 */
export function computeValidationReport(input: ValidationInput, options: ValidationOptions = {}): ValidationReport {
  const o = { ...DEFAULT_VALIDATION_OPTIONS, ...options };
  const limits = { minAreaM2: o.minAreaM2, minWidthM: o.minWidthM };
  const checked = checkZoneFeatures(input.zones, input.schools);
  const items: ValidationItem[] = [...checked.items];
  const county = polygonsOf(input.county);
  const pupils = zonedPupilsByLevel(input.pupils, input.schools, input.rules);
  const ignoredGaps = {} as Record<ZoneLevel, IgnoredPieces>;
  const ignoredOverlaps = {} as Record<ZoneLevel, IgnoredPieces>;
  // Shared zones (多校划片) are zones of their own in the geometric checks, named by their schools.
  const schools = [...input.schools, ...checked.sharedZones];
  for (const level of ZONE_LEVELS) {
    const multiFeature = new Set([...checked.features[level]].filter(([, numbers]) => numbers.length > 1).map(([s]) => s));
    const result = checkLevelGeometry({
      level,
      schools,
      zones: checked.zones[level],
      multiFeature,
      selfIntersecting: checked.items.some((item) => item.kind === 'selfIntersection' && item.level === level),
      overlapRule: input.rules.overlapRule,
      county,
      pupils: pupils[level],
      pupilFiles: input.pupilSources?.map((s) => s.file),
      pupilsFile: input.pupilsFile ?? 'students.csv',
      limits,
      maxLines: o.maxLines,
    });
    items.push(...result.items);
    ignoredGaps[level] = result.ignoredGaps;
    ignoredOverlaps[level] = result.ignoredOverlaps;
  }
  items.push(
    ...checkShiftedLayers({ zones: checked.zones, schools: input.schools, pupils: input.pupils, units: input.units, sources: input.sources, pupilSources: input.pupilSources, zoneSources: input.zoneSources, rules: input.rules }),
    ...(input.filesNotUsed ?? []).map((f): ValidationItem => ({ kind: 'fileNotUsed', severity: 'warning', schools: [], ...f })),
    ...(input.fileRemarks ?? []).map((f): ValidationItem => ({ kind: 'fileRemark', severity: 'warning', schools: [], ...f })),
    ...duplicateSchoolIds(input.schools),
    ...summariseRows(input.rejected ?? [], false, o.maxLines),
    ...summariseRows(input.importRejected ?? [], false, o.maxLines),
    ...summariseRows(input.warnings ?? [], true, o.maxLines),
    ...checkPupilColumns(input.pupils, input.pupilsFile ?? 'students.csv', o.maxLines),
    ...schoolsWithoutZone(input.schools, checked.zoned, input.baseYear),
    ...pupilsAtTheirSchool(input.pupils, input.schools, o.maxLines),
    ...(input.roads ? findRoadPieces(input.roads, input.pupils, input.schools, o.maxLines) : []).map((p): ValidationItem => ({
      kind: 'roadPiece', severity: 'warning', schools: p.schools.map((s) => ({ id: input.schools[s].id, name: input.schools[s].name })),
      segments: p.segments, pupils: p.pupils, lines: p.lines, geometry: { type: 'MultiLineString', coordinates: p.geometry },
    })),
  );
  const errors = items.filter((item) => item.severity === 'error').length;
  return { items, errors, warnings: items.length - errors, ignoredGaps, ignoredOverlaps };
}
