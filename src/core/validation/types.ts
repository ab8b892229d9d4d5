import type { PackedStrings } from '../packedStrings';
import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon } from 'geojson';
import type { Polylines } from '../distance/lines';
import type { DataProblem, DataProblemCode } from '../dataProblems';
import type { RejectedRow, School } from '../dataset';
import type { Rules, ZoneLevel } from '../rules';

/** The pupil columns the validation reads; a PupilTable or PupilColumns fits. */
export interface ValidationPupils {
  /** Homes as longitude and latitude, WGS84 degrees. */
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Grade 1..MAX_GRADE; other values are reported as badGrade rows and left out of the zone checks. */
  grade: ArrayLike<number>;
  /** Index into `schools` of the pupil's current school, −1 when absent or unknown. */
  currentSchool: ArrayLike<number>;
  /** Line of each pupil in its file (header = line 1); absent: row index + 2. */
  line?: ArrayLike<number>;
  /** Pupil ids, one per row of the columns, when the caller still has them: repeated ids are reported. */
  id?: PackedStrings;
  /** Each pupil's compound or village (index into ValidationInput.units), −1 when none. */
  unit?: ArrayLike<number>;
  /** Which of the pupils' files each pupil came from (index into ValidationInput.pupilSources), when several. */
  file?: ArrayLike<number>;
}

/** Coordinate systems a file can be read as: WGS84 (CGCS2000), GCJ-02 (AMap), BD-09 (Baidu). */
export type CoordinateSystem = 'wgs84' | 'gcj02' | 'bd09';

/** The layers the shift check compares: three of points and the zones. */
export type ShiftLayer = 'pupils' | 'schools' | 'units' | 'zones';

/** The file a layer was read from and the coordinate system it was read as (default: the contract file, WGS84). */
export interface LayerSource {
  file: string;
  crs: CoordinateSystem;
}

/** Everything the validation report is computed from (all coordinates WGS84 degrees). */
export interface ValidationInput {
  schools: readonly School[];
  /**
   * The zone features as read from `catchments.geojson`, unchecked: properties `school_id` and
   * `level`; feature numbers in the report are 1-based positions in this list.
   */
  zones: readonly Feature[];
  /** The county outline (Polygon / MultiPolygon features); gaps are looked for inside it. */
  county?: FeatureCollection | Feature | Polygon | MultiPolygon;
  pupils: ValidationPupils;
  /** The pupils' file name, for rows found by the validation itself (default `students.csv`). */
  pupilsFile?: string;
  /** Rows the parsers did not load, and rows loaded with a remark. */
  rejected?: readonly RejectedRow[];
  warnings?: readonly RejectedRow[];
  /** The school year the data describe: schools opening later need no zone yet. */
  baseYear: number;
  rules: Rules;
  /** Compound and village points by unit index, WGS84 degrees (NaN where unknown). */
  units?: { x: ArrayLike<number>; y: ArrayLike<number> };
  /** Where each layer came from, for the shift check's advice. */
  sources?: Partial<Record<ShiftLayer, LayerSource>>;
  /** The pupils' files, indexed by `pupils.file`, when they came from several (each checked in its own system). */
  pupilSources?: readonly LayerSource[];
  /** Per level, the file that gave all of that level's zones, when the zones came from one file per level (each checked in its own system). */
  zoneSources?: Partial<Record<ZoneLevel, LayerSource>>;
  /** Files and rows the import itself left out: rows of the compounds and villages, broken optional map files. */
  importRejected?: readonly RejectedRow[];
  filesNotUsed?: readonly { file: string; reason: string; problem?: DataProblem }[];
  /** Files loaded with a remark on the whole file (its positions may be off). */
  fileRemarks?: readonly { file: string; reason: string; problem?: DataProblem }[];
  /** The road network, when the dataset has one: its pieces not joined to the rest are reported. */
  roads?: Polylines;
}

/** Tolerances of the validation. */
export interface ValidationOptions {
  /** Gap and overlap pieces smaller than this (m²) are numerical noise, not reported (default 1). */
  minAreaM2?: number;
  /**
   * Pieces whose mean width 2·area/perimeter is below this (m) are slivers from coordinate rounding
   * (1e-6° ≈ 0.1 m), not reported (default 0.5).
   */
  minWidthM?: number;
  /** How many line numbers an item lists (default 5). */
  maxLines?: number;
}

/** A school an item is about; `name` is absent when the id names no school. */
export interface SchoolRef {
  id: string;
  name?: string;
}

/** Why a zone feature's geometry cannot be used. */
export type InvalidPolygonReason = 'notPolygon' | 'tooFewPoints' | 'notFinite' | 'notLonLat' | 'notClosed' | 'zeroArea';

/** Why a zone feature's school or level cannot be used (parseZones refuses these). */
export type ZoneReferenceReason = 'missingSchoolId' | 'unknownSchool' | 'privateSchool' | 'wrongLevel' | 'badLevel';

/**
 * 'error': some pupils would be dropped, left without a school or assigned ambiguously;
 * 'warning': worth a look, results stay well defined.
 */
export type Severity = 'error' | 'warning';

interface ItemBase {
  severity: Severity;
  level?: ZoneLevel;
  schools: SchoolRef[];
}

/** A zone feature left out of the analysis because its geometry is unusable. */
export interface InvalidPolygonItem extends ItemBase {
  kind: 'invalidPolygon';
  feature: number;
  reason: InvalidPolygonReason;
  /** Its finite points, when there are any. */
  geometry?: MultiPoint;
}

/** A zone feature whose rings cross themselves; `geometry` holds the crossing points. */
export interface SelfIntersectionItem extends ItemBase {
  kind: 'selfIntersection';
  feature: number;
  crossings: number;
  geometry: MultiPoint;
}

/** A zone feature naming no usable school or level. */
export interface ZoneReferenceItem extends ItemBase {
  kind: 'zoneReference';
  feature: number;
  reason: ZoneReferenceReason;
  /** The offending value as written. */
  got?: string;
}

/** Several features for one school and level; they form one zone (data contract), listed to check. */
export interface DuplicateZoneItem extends ItemBase {
  kind: 'duplicateZone';
  level: ZoneLevel;
  features: number[];
}

/** Land inside the county (or inside the zones' outer boundary) that no zone of the level covers. */
export interface GapItem extends ItemBase {
  kind: 'gap';
  level: ZoneLevel;
  areaM2: number;
  /** Zoned pupils of the level living there. */
  pupils: number;
  geometry: Polygon;
}

/** Land two schools' zones of one level both cover. */
export interface OverlapItem extends ItemBase {
  kind: 'overlap';
  level: ZoneLevel;
  areaM2: number;
  /** Zoned pupils of the level living in both zones. */
  pupils: number;
  /** The schools those pupils go to under the overlap rule, most pupils first. */
  assigned: { school: SchoolRef; pupils: number }[];
  geometry: MultiPolygon;
}

/** Zoned pupils of a level whose home lies in no zone of that level. */
export interface PupilsOutsideItem extends ItemBase {
  kind: 'pupilsOutside';
  level: ZoneLevel;
  pupils: number;
  lines: number[];
  /** Their homes, at most MAX_OUTSIDE_POINTS of them spread evenly (`pupils` is the full count). */
  geometry: MultiPoint;
  /** Those of them who live outside the county too (most often a wrong coordinate), when any. */
  beyondCounty?: PupilsBeyondCounty;
}

/** Pupils outside the county's outline: how many, the farthest beyond it (km), the first rows by file. */
export interface PupilsBeyondCounty {
  pupils: number;
  maxKm: number;
  rows: { file: string; line: number }[];
}

/** One school id used by several schools. */
export interface DuplicateSchoolIdItem extends ItemBase {
  kind: 'duplicateSchoolId';
  count: number;
}

/** Rows of a file sharing one problem: how many, and the first few lines. */
export interface RowsItem extends ItemBase {
  kind: 'rows';
  file: string;
  /** The problem code; absent when the rows carry only a reason text. */
  code?: DataProblemCode;
  /** The first row's reason in English (its code's params are specific to that row). */
  firstReason: string;
  firstProblem?: RejectedRow['problem'];
  /** Whether the rows were loaded (with a remark) or left out. */
  loaded: boolean;
  count: number;
  lines: number[];
}

/** A public school teaching the level, open in the base year, with no zone of that level. */
export interface SchoolWithoutZoneItem extends ItemBase {
  kind: 'schoolWithoutZone';
  level: ZoneLevel;
  geometry: Geometry;
}

/**
 * A layer whose positions look read in the wrong coordinate system (e.g. BD-09 points read as
 * WGS84, 100–1,100 m off): compared `against` the zones (points inside their zone), or the pupils
 * against the compounds and villages they name, many fewer miss when the layer is read as `crs`.
 */
export interface ShiftedLayerItem extends ItemBase {
  kind: 'shiftedLayer';
  layer: ShiftLayer;
  /** The layer's file, to choose `crs` for. */
  file: string;
  /** The system the positions look like, and the one they were read as. */
  crs: CoordinateSystem;
  readAs: CoordinateSystem;
  against: 'zones' | 'units' | 'pupils';
  /** Points (or pupil–unit pairs) checked, sampled. */
  tested: number;
  /** Against zones: points outside their zone as read and as `crs`; against units or pupils: median distance in m. */
  before: number;
  after: number;
  /** For the zones: the point layers that fit them only shifted. */
  layers?: ShiftLayer[];
  /** Sampled points that miss as read. */
  geometry: MultiPoint;
}

/** A file loaded whose positions may be off (a Shapefile in Beijing 1954 or Xian 1980, read without a datum shift). */
export interface FileRemarkItem extends ItemBase {
  kind: 'fileRemark';
  file: string;
  reason: string;
  problem?: DataProblem;
}

/** An optional file the import left out because it is broken (a county outline); the rest loaded. */
export interface FileNotUsedItem extends ItemBase {
  kind: 'fileNotUsed';
  file: string;
  reason: string;
  problem?: DataProblem;
}

/**
 * A piece of the road network not joined to the rest: the pupils whose nearest road lies on it can
 * reach by road only the schools on it (listed); their road distance to any other school is unknown.
 */
export interface RoadPieceItem extends ItemBase {
  kind: 'roadPiece';
  segments: number;
  pupils: number;
  lines: number[];
  geometry: MultiLineString;
}

/**
 * Pupils of a public school placed at the school's own location: most often an unknown home filled
 * with the school's address. They count in the zone the school stands in, whatever the boundary.
 */
export interface PupilsAtSchoolItem extends ItemBase {
  kind: 'pupilsAtSchool';
  /** Pupils placed there, and all the school's pupils in the file. */
  pupils: number;
  enrolled: number;
  lines: number[];
  geometry: Point;
}

/** One finding of the validation report. */
export type ValidationItem =
  | InvalidPolygonItem
  | SelfIntersectionItem
  | ZoneReferenceItem
  | DuplicateZoneItem
  | GapItem
  | OverlapItem
  | PupilsOutsideItem
  | ShiftedLayerItem
  | FileNotUsedItem
  | FileRemarkItem
  | DuplicateSchoolIdItem
  | RowsItem
  | SchoolWithoutZoneItem
  | RoadPieceItem
  | PupilsAtSchoolItem;

/** The kinds of findings. */
export type ValidationKind = ValidationItem['kind'];

/** Gap or overlap pieces left out as noise (below minAreaM2 or minWidthM), per level. */
export interface IgnoredPieces {
  count: number;
  areaM2: number;
}

/** The validation report: findings in a fixed order (zones, then geometry per level, then rows and schools). */
export interface ValidationReport {
  items: ValidationItem[];
  errors: number;
  warnings: number;
  ignoredGaps: Record<ZoneLevel, IgnoredPieces>;
  ignoredOverlaps: Record<ZoneLevel, IgnoredPieces>;
}
