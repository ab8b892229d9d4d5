import type { RejectedRow } from '../core/dataset';
import type { SchoolResult, SimulationResult } from '../core/simulation';
import type { StandardsResult } from '../core/standards';
import type { Projection } from '../core/projection';
import type { LevelSizes } from '../core/levelSizes';
import type { ZoneLevel } from '../core/rules';
import { describeValidationItem, type ValidationReport } from '../core/validation';

/** One school in the CLI output (the contract of issue 2 plus a few extra fields). */
export interface SchoolJson {
  id: string;
  name: string;
  level: SchoolResult['level'];
  ownership: SchoolResult['ownership'];
  planned: boolean;
  enrollment: number;
  grades: Record<string, number>;
  classes: Record<string, number>;
  largestClass: Record<string, number>;
  maxClassSize: number;
  classesOverCap: number;
  largeClasses: number;
  extraLargeClasses: number;
  oversize: boolean;
  classrooms: number | null;
  utilization: number | null;
}

/**
 * A zone shared by several schools (多校划片) in the CLI output: per school its lottery weight, the
 * zone's pupils enrolled there who keep it, those the lottery gave it, and both together.
 */
export interface SharedZoneJson {
  level: ZoneLevel;
  schools: { id: string; name: string; weight: number; kept: number; drawn: number; pupils: number }[];
}

/** The CLI's JSON output. */
export interface SimulationJson {
  schools: SchoolJson[];
  /** Present when the zoning has shared zones. */
  sharedZones?: SharedZoneJson[];
  students: { input: number; assigned: number; unassigned: number; rejected: number };
  rejected: RejectedRow[];
  warnings: RejectedRow[];
  /** Total rows (合计, 小计 …) of the imported tables, not read as data. */
  skipped: RejectedRow[];
  county: {
    oversizeSchools: number;
    totalClasses: number;
    classesOverCap: number;
    largeClasses: number;
    extraLargeClasses: number;
    unassignedByLevel: { primary: number; junior: number };
  };
}

const byGradeKey = (r: Record<number, number>) =>
  Object.fromEntries(Object.entries(r).map(([g, v]) => [String(g), v]));

/** A listed row as JSON: file, sheet (XLSX rows only), line, reason. */
const rowJson = ({ file, sheet, line, reason }: RejectedRow): RejectedRow => ({ file, ...(sheet !== undefined && { sheet }), line, reason });

/** Shapes a simulation result as the CLI's JSON output (utilization rounded to 4 decimals), with the shared zones when there are any. */
export function toSimulationJson(
  result: SimulationResult,
  rejected: RejectedRow[],
  warnings: RejectedRow[],
  skipped: RejectedRow[] = [],
): SimulationJson {
  const s = result.summary;
  const nameOf = new Map(result.schools.map((r) => [r.id, r.name]));
  return {
    schools: result.schools.map((r) => ({
      id: r.id,
      name: r.name,
      level: r.level,
      ownership: r.ownership,
      planned: r.planned,
      enrollment: r.enrollment,
      grades: byGradeKey(r.grades),
      classes: byGradeKey(r.classes),
      largestClass: byGradeKey(r.largestClass),
      maxClassSize: r.maxClassSize,
      classesOverCap: r.classesOverCap,
      largeClasses: r.largeClasses,
      extraLargeClasses: r.extraLargeClasses,
      oversize: r.oversize,
      classrooms: r.classrooms ?? null,
      utilization: r.utilization === undefined ? null : Math.round(r.utilization * 1e4) / 1e4,
    })),
    students: { input: s.input, assigned: s.assigned, unassigned: s.unassigned, rejected: s.rejected },
    rejected: rejected.map(rowJson),
    warnings: warnings.map(rowJson),
    skipped: skipped.map(rowJson),
    county: {
      oversizeSchools: s.oversizeSchools,
      totalClasses: s.totalClasses,
      classesOverCap: s.classesOverCap,
      largeClasses: s.largeClasses,
      extraLargeClasses: s.extraLargeClasses,
      unassignedByLevel: s.unassignedByLevel,
    },
    ...(result.shared && {
      sharedZones: result.shared.map((z) => ({
        level: z.level,
        schools: z.schoolIds.map((id, k) => ({ id, name: nameOf.get(id) ?? '', weight: z.weights[k], kept: z.kept[k], drawn: z.drawn[k], pupils: z.kept[k] + z.drawn[k] })),
      })),
    }),
  };
}

/**
 * The CLI's `projection` block: per year, the schools and county totals as in the base output, and
 * that year's `standards` block when `standardsOf` is given.
 */
export function toProjectionJson(projection: Projection, standardsOf?: (year: Projection['years'][number]) => ReturnType<typeof toStandardsJson>, distanceOf?: (year: number) => unknown) {
  return projection.years.map((y) => {
    const { schools, students, county } = toSimulationJson(y.result, [], []);
    const distance = distanceOf?.(y.year);
    return { year: y.year, schools, pupils: students.input, county, ...(standardsOf && { standards: standardsOf(y) }), ...(distance !== undefined && { distance }) };
  });
}

/** The notes a projection carries, as English sentences for the CLI. */
export function describeProjectionNotes(projection: Projection): string[] {
  return projection.notes.map((note) => {
    switch (note.code) {
      case 'intakeRepeats':
        return 'no births.csv: the grade-1 intake of every projected year repeats the base year\'s grade 1 (same places, same private choices)';
      case 'birthsCoverage':
        return `births.csv covers the units of ${(note.share * 100).toFixed(1)}% of the base year's grade-1 pupils; the others get no projected intake`;
      case 'intakeWithoutPlace':
        return `${note.births} births are in units without a place in units.geojson and are not projected`;
    }
  });
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
const roundAll = <K extends string>(r: Record<K, number>) => Object.fromEntries(Object.entries<number>(r).map(([k, v]) => [k, round4(v)])) as Record<K, number>;

/**
 * The CLI's `standards` block: per level the county CVs (`cvNotComputable` names those that cannot
 * be computed and why: `noPupils`, `noResource`), failing schools and the size limits
 * (oversize schools, classes over the cap, 大班额 and 超大班额 with their share of the level's
 * classes); and every school section's indicators.
 */
export function toStandardsJson(s: StandardsResult, sizes: Record<ZoneLevel, LevelSizes>) {
  const share = (n: number, of: number) => (of === 0 ? 0 : round4(n / of));
  const level = (l: StandardsResult['primary'], z: LevelSizes) => ({
    cv: roundAll(l.cv), ...(Object.keys(l.notComputable).length > 0 && { cvNotComputable: l.notComputable }), cvPass: l.cvPass, schoolsFailing: l.schoolsFailing,
    schools: z.schools, oversizeSchools: z.oversizeSchools, totalClasses: z.totalClasses, classesOverCap: z.classesOverCap,
    largeClasses: z.largeClasses, largeClassShare: share(z.largeClasses, z.totalClasses),
    extraLargeClasses: z.extraLargeClasses, extraLargeClassShare: share(z.extraLargeClasses, z.totalClasses),
  });
  return {
    primary: level(s.primary, sizes.primary),
    junior: level(s.junior, sizes.junior),
    schools: s.sections.map((x) => ({
      id: x.schoolId, level: x.level, pupils: x.pupils, indicators: roundAll(x.indicators), met: x.met, pass: x.pass,
      musicRooms: round4(x.musicRooms), artRooms: round4(x.artRooms), musicArtRoomsRequired: x.roomsRequired,
      ...(x.nearbyShare !== undefined && { nearbyShare: round4(x.nearbyShare), nearbyPass: x.nearbyPass }),
    })),
  };
}

/**
 * The validation report for the CLI's JSON: per finding its kind, severity, level, school ids, the
 * English message and its numbers (area in m², pupils, row count, lines); geometries are left out.
 */
export function toValidationJson(report: ValidationReport) {
  return report.items.map((item) => ({
    kind: item.kind,
    severity: item.severity,
    ...(item.level && { level: item.level }),
    schools: item.schools.map((s) => s.id),
    message: describeValidationItem(item, 'en'),
    ...('areaM2' in item && { areaM2: Math.round(item.areaM2) }),
    ...('pupils' in item && { pupils: item.pupils }),
    ...('count' in item && { count: item.count }),
    ...('lines' in item && { lines: item.lines }),
  }));
}
