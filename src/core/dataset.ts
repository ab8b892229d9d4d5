import type { DataProblem } from './dataProblems';
import type { GridFrame } from './gridFrame';
import type { PackedStrings } from './packedStrings';
import type { IntakePlanRow } from './warning/intake';
import type { EnrollmentHistory } from './warning/backtest';
import type { MultiPolygonCoords, ZoneState } from './zoneState';
import type { UnitCells } from './units/unitCells';
import type { School } from './school';
import type { OverlapRule, ZoneLevel } from './rules';
import type { SchoolSystem } from './schoolSystem';
import type { Polylines } from './distance/lines';

export { FACILITY_FIELDS, type FacilityField, type Ownership, type School } from './school';
import type { ZoneSet } from './zoneSet';

export type { ZoneSet };

/** Births by unit index, then by calendar year. */
export type Births = ReadonlyMap<number, ReadonlyMap<number, number>>;

/**
 * A new housing estate: `households` that move in from `firstYear`, ramped up linearly over
 * `rampYears`, each bringing `perHousehold[level]` pupils of that level (生源系数), spread evenly
 * over the level's grades.
 */
export interface HousingEstate {
  id: string;
  name: string;
  /** Where it is: longitude, latitude in degrees. */
  x: number;
  y: number;
  /** The unit it belongs to (index into Dataset.unitIds), −1 when none. */
  unit: number;
  households: number;
  firstYear: number;
  perHousehold: Record<ZoneLevel, number>;
  rampYears: number;
}


/** Index of the pupils' segments in a `PupilTable`: zoned primary, zoned junior, fixed (private). */
export const SEGMENTS = ['primary', 'junior', 'fixed'] as const;
export type Segment = (typeof SEGMENTS)[number];

/** Pupil columns (struct of arrays), one row per loaded pupil. */
export interface PupilColumns {
  /** Longitude and latitude, WGS84 degrees. */
  x: Float64Array;
  y: Float64Array;
  /** Grade 1..9. */
  grade: Uint8Array;
  /** The private school a fixed pupil attends (school index), −1 for zoned pupils. */
  fixedSchool: Int32Array;
  /** The school named in `school_id` (school index), −1 when absent or unknown. */
  currentSchool: Int32Array;
  /** Line of the pupil in the CSV file (the header is line 1). */
  line: Uint32Array;
  /** The pupil's unit (compound or village; index into Dataset.unitIds), −1 when not given. */
  unit: Int32Array;
  /** The pupils' ids (学籍号) as read, when the reader kept them (for letters to families; never shown on a map). */
  id?: PackedStrings;
  /** The pupils' names (`name` column), when the file has one: '' where a row leaves it empty. */
  name?: PackedStrings;
  /** Which of Dataset.pupilFiles the pupil was read from, when the pupils came from several files. */
  file?: Uint16Array;
}

/**
 * The resident pupils: columns ordered by segment, then spatially (Morton order), so the hot loops
 * read memory in sequence; `segmentStart[s]..segmentStart[s+1]` is segment s.
 */
export interface PupilTable extends PupilColumns {
  count: number;
  /** Start offsets of the segments primary, junior, fixed, and the end (length 4). */
  segmentStart: Int32Array;
  /** The raster frame over the pupils' homes that zone grids are built on. */
  frame: GridFrame;
  /** Each pupil's cell in `frame`, computed once so lookups need no arithmetic. */
  cell: Int32Array;
  /**
   * Runs of consecutive pupils in the same cell and segment: run r is rows
   * runStart[r] .. runStart[r+1]; segment s holds runs segmentRun[s] .. segmentRun[s+1].
   */
  runStart: Int32Array;
  segmentRun: Int32Array;
}

/** A data row that was not loaded (or loaded with a remark), with where it is and why. */
export interface RejectedRow {
  file: string;
  /** The worksheet, for a row of an XLSX workbook. */
  sheet?: string;
  line: number;
  /** The reason in English (the CLI's output). */
  reason: string;
  /** The reason as a code and values, to show in the planner's language. */
  problem?: DataProblem;
}

/** A loaded dataset: schools, zones per level and resident pupils. */
export interface Dataset {
  /** dataset.json's name, else the county outline's (its features name one place), else ''. */
  name: string;
  /** Whether dataset.json gives the name (saved work of a dataset without one was keyed 'dataset'). */
  nameGiven: boolean;
  /** English name, when the dataset gives one. */
  nameEn?: string;
  /** The dataset says it is made up (the embedded default is). */
  synthetic: boolean;
  baseYear: number;
  /** How its grades split into primary and junior (absent: 6-3, 六三制); the rules it is read and zoned under say the same. */
  schoolSystem?: SchoolSystem;
  schools: School[];
  zones: Record<ZoneLevel, ZoneSet>;
  /** The zoning as loaded: the starting state of every scenario. */
  zoneState: ZoneState;
  /** Ids of the units (compounds, villages) pupils belong to; PupilColumns.unit indexes it. */
  unitIds: string[];
  /** Each unit's place (longitude, latitude in degrees), NaN when no units file gives one. */
  unitX: Float64Array;
  unitY: Float64Array;
  /**
   * The units' areas on the loaded zones (src/core/units), built once at load: per overlap rule
   * and level; `rule` is the one in use, `county` the outline they are clipped to.
   */
  unitCells?: { rule: OverlapRule; county?: MultiPolygonCoords; byRule: Partial<Record<OverlapRule, Partial<Record<ZoneLevel, UnitCells>>>> };
  /** Births per unit and calendar year (`births.csv`), when the dataset has them. */
  births?: Births;
  /** New housing estates (`housing.csv`), when the dataset has them. */
  housing?: HousingEstate[];
  /** The planner's intake per school, entry grade and year (`intake_plan.csv`), when given. */
  intakePlan?: IntakePlanRow[];
  /** Earlier years' enrollment by school and grade (`history.csv`), when given. */
  history?: EnrollmentHistory;
  pupils: PupilTable;
  /** The road network (`roads.geojson`), when the dataset has one: distances go by road. */
  roads?: Polylines;
  /** Rivers, railways and motorways (`barriers.geojson`) a way to school may cross (distances), and units are not neighbours across (unitAdjacency). */
  barrierLines?: Polylines;
  /** The files the pupils were read from, when several (PupilColumns.file indexes it). */
  pupilFiles?: string[];
  /** Data rows read from the pupils file (= loaded + rejected). */
  rowsRead: number;
  rejected: RejectedRow[];
  /** Rows loaded with a remark (e.g. an unknown school_id). */
  warnings: RejectedRow[];
  /** Total rows (合计, 小计 …) of the imported tables, skipped: not data rows, so not in rowsRead. */
  skipped?: RejectedRow[];
}
