import type { AssignUnitsEdit } from '../editTypes';
import type { SchoolLevel, ZoneLevel } from '../rules';
import type { UnitAdjacency } from '../units/unitAdjacency';

/** Unit adjacency of one level in CSR form (unitAdjacency): unit u's neighbours are neighbours[offsets[u] .. offsets[u+1]). */
export type { UnitAdjacency } from '../units/unitAdjacency';

/** A school as the balancer sees it. Coordinates in km on a local plane (see projectKm). */
export interface BalanceSchool {
  id: string;
  level: SchoolLevel;
  /** Public and open in the planned year(s): may receive units. Private or closed schools never receive. */
  open: boolean;
  public: boolean;
  /** General classrooms; undefined = not limited. */
  rooms?: number;
  /** General classrooms per year slot when they change over the planned years (rooms added); overrides `rooms`. */
  roomsByYear?: (number | undefined)[];
  /** Size limit of the school (both levels of a nine-year school together). */
  maxSize: number;
  x: number;
  y: number;
  /** Per level, the school's zone is locked: it neither gives nor receives units. */
  locked: Record<ZoneLevel, boolean>;
  /** Opens in the scenario: held to the minimum utilization when one is asked for. */
  opening: boolean;
}

/**
 * The pupils of one unit at one level where they are now: entry e of unit u (offsets[u] ..
 * offsets[u+1]) is `count[e]` pupils of `grade[e]` in year slot `year[e]` at school `school[e]`
 * (−1: in no school's zone). Projected pupils are fractional (multiples of 2^-20, see ProjectionSink).
 */
export interface UnitPupils {
  offsets: Int32Array;
  school: Int32Array;
  year: Uint8Array;
  grade: Uint8Array;
  count: Float64Array;
}

/** One level of the balancing problem. */
export interface BalanceLevelInput {
  level: ZoneLevel;
  /** The school each unit's zone gives it now (−1: none); units with pupils of the level go by most pupils. */
  home: Int32Array;
  pupils: UnitPupils;
  /** Units that never move (by unit index). */
  lockedUnits: Uint8Array;
  /** Unit adjacency; when absent, contiguity is not checked (the plan says so). */
  adjacency?: UnitAdjacency;
}

/**
 * Everything the balancer needs: units (by dataset unit index) with coordinates in km, schools,
 * per year slot and school the pupils by grade that no balanced unit carries (`fixed`, layout
 * (year × schools + s) × 10 + grade), and the levels to balance. Projected pupils are fractional
 * and exact (multiples of 2^-20): a school's grade holds the whole number they round to, as in the
 * projection.
 */
export interface BalanceInput {
  unitIds: string[];
  unitX: Float64Array;
  unitY: Float64Array;
  schools: BalanceSchool[];
  /** Class cap per grade (index 1..9). */
  gradeCap: number[];
  /** The first junior grade (7 under 六三制): with grade 1, the grades of new entrants. */
  firstJuniorGrade: number;
  /** Calendar years of the year slots: the limits hold in each; moves count the first slot's pupils and later slots' entrants. */
  years: number[];
  fixed: Float64Array;
  levels: BalanceLevelInput[];
}

/** Settings of a run (see parseBalanceSettings for defaults and limits). */
export interface BalanceSettings {
  seed: number;
  /** Iterations of the large-neighbourhood search (deterministic); with timeLimitMs the search stops at whichever comes first. */
  iterations: number;
  timeLimitMs?: number;
  /** Schools a unit may go to: its nearest this many open public schools of its level. */
  nearestSchools: number;
  /** Largest home–school distance of a moved unit, km. */
  maxDistanceKm: number;
  /** Largest added home–school distance per pupil of a moved unit, km. */
  maxAddedKm: number;
  /** Cost of moving a new entrant (an enrolled pupil costs 1). */
  entrantWeight: number;
  /** Phase-in: only entrants count as moved. */
  phaseIn: boolean;
  /** Schools opening in the scenario should reach this share of their rooms (0: no minimum). */
  minOpeningUtilization: number;
  /**
   * Every public school should stay at or below this share of its seats (rooms × class cap, at
   * most the size limit) in every planned year (0 or absent: no target). Like the minimum, a goal
   * ranked after the limits and before pupils moved.
   */
  targetUtilization?: number;
  /** Only these schools (ids) give or receive units; undefined = all. */
  schoolIds?: string[];
}

/**
 * Objective, compared in order: limits broken (pupils who must leave), the utilization gap (pupils
 * below the opening schools' minimum and above the target utilization; present when a goal was
 * set), pupils moved (weighted), added distance (pupil·km).
 */
export interface BalanceObjective {
  violation: number;
  utilizationGap?: number;
  moved: number;
  addedKm: number;
}

/** Why a unit moves. */
export type MoveReason =
  | 'relieve' // its school was over its limits
  | 'makeRoom' // its school received units and needed room
  | 'fillNew' // a school opening in the scenario needed pupils
  | 'connect'; // keeps a zone connected

/** One unit reassignment of a plan with what it moves. */
export interface BalanceMove {
  edit: AssignUnitsEdit;
  reason: MoveReason;
  unitId: string;
  level: ZoneLevel;
  /** School ids, from (its school now; '' when none) and to. */
  from: string;
  to: string;
  /** Pupils that change school, by grade (index 1..9): those of the first year slot and the entrants of later ones. */
  pupilsByGrade: number[];
  /** Added home–school distance per pupil, km. */
  addedKm: number;
}

/** A school still over its limits after the plan. */
export interface BalanceFailure {
  schoolId: string;
  /** First year slot's calendar year in which it fails. */
  year: number;
  /** Pupils over the size limit. */
  pupilsOver: number;
  /** Rooms missing to keep every class within its cap. */
  roomsShort: number;
  /** Pupils who must leave for both limits to hold. */
  mustLeave: number;
}

/** A balancing plan: moves in order, the objective, and what still fails. */
export interface BalancePlan {
  moves: BalanceMove[];
  objective: BalanceObjective;
  /** Pupils (of the first year slot, and entrants of later ones) and units that change school. */
  pupilsMoved: number;
  unitsMoved: number;
  limitsMet: boolean;
  failures: BalanceFailure[];
  /** Whether zones were kept contiguous (false: no adjacency was given). */
  contiguityChecked: boolean;
}

/** What a run reports while it works. */
export interface BalanceProgress {
  phase: 'repair' | 'polish' | 'search' | 'done';
  iteration: number;
  elapsedMs: number;
  best: BalanceObjective;
  /** Milliseconds to the first plan that met every limit, when one was found. */
  firstFeasibleMs?: number;
}
