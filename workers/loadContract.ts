import type { SchoolSystem } from '../src/core/schoolSystem';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { DataProblem } from '../src/core/dataProblems';
import type { RejectedRow, School } from '../src/core/dataset';
import type { ZoneLevel } from '../src/core/rules';
import type { SimulationResult } from '../src/core/simulation';
import type { StandardsResult } from '../src/core/standards';
import type { ValidationReport } from '../src/core/validation';
import type { DatasetPart, FileFormat, ImportFile, RepeatedColumn, StatedYear } from '../src/io/import';
import type { ZoneProperties } from '../src/io/zoneFeatures';

// What a load takes and gives across the worker boundary (see EngineApi's load, stagePicked,
// inspect and openSnapshotFrom).

/** A file as the user gave it: its name and raw bytes (transferred, not copied). */
export interface StagedFile {
  name: string;
  bytes: ArrayBuffer;
}

/** A file the planner picked, not read yet: its name and its handle (read in the worker, see stagePicked). */
export interface PickedFile {
  name: string;
  blob: Blob;
}

/** The planner's choices for one staged file (by name): an import file's settings without its bytes. */
export type FileChoice = Omit<ImportFile, 'bytes'>;

/** What a staged file looks like: format, the part guessed from its name, and its columns or property keys. */
export interface StagedInspection {
  name: string;
  format: FileFormat;
  part?: DatasetPart;
  header: string[];
  /** Base years its name, sheet or title states; the level they state; cohort grades among its first rows (see inspectFile). */
  years?: StatedYear[];
  level?: ZoneLevel;
  cohorts?: string[];
  /** A table's names its header has more than once (see FileInspection.repeated). */
  repeated?: RepeatedColumn[];
}

/** The steps of a load, for the progress bar. */
export type LoadStepName = 'read' | 'inspect' | 'schools' | 'zones' | 'students' | 'index' | 'validate';

/** Progress of a load: a step, a fraction 0..1 of the whole, and the file being read when one is (named if the worker then fails). */
export type StepProgress = (step: LoadStepName, fraction: number, file?: string) => void;

/** Why a load stopped: the file, the problem in English, and as data for the planner's language. */
export type LoadFailure = { ok: false; file: string; detail: string; problem?: DataProblem };

/** What the app needs to draw a loaded dataset; pupils stay in the worker. */
export interface LoadSummary {
  /** See Dataset.name: '' when neither dataset.json nor the county outline names the dataset. */
  name: string;
  nameGiven: boolean;
  nameEn?: string;
  synthetic: boolean;
  baseYear: number;
  /** How the dataset's grades split into primary and junior; its numbers are computed under it. */
  schoolSystem: SchoolSystem;
  schools: School[];
  zones: FeatureCollection<MultiPolygon, ZoneProperties>;
  county?: FeatureCollection;
  context?: FeatureCollection;
  units?: FeatureCollection;
  /** The road network and the barriers, to draw under the zones. */
  roads?: FeatureCollection;
  barriers?: FeatureCollection;
  rowsRead: number;
  pupilsLoaded: number;
  rejected: RejectedRow[];
  warnings: RejectedRow[];
  /** Rows of the imported tables not read as data: totals (合计, 小计 …), header copies, pupils no longer on the roll (学籍状态 转出 …). */
  skipped: RejectedRow[];
  loadMs: number;
}

/** The outcome of a load: the summary with the validation report, or the one problem that stopped it. */
export type LoadOutcome = { ok: true; summary: LoadSummary; report: ValidationReport } | LoadFailure;

/** A simulation with its compute time in ms (assignment and aggregation, index build included). */
export interface TimedResult {
  result: SimulationResult;
  standards: StandardsResult;
  computeMs: number;
}
