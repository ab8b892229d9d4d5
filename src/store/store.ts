import type { FeatureCollection, Geometry, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { ValidationReport } from '../core/validation';
import type { ColumnMapping, Crs, CrsHint, DatasetPart, FileFormat, RepeatedColumn, StatedYear } from '../io/import';
import type { DataProblem } from '../core/dataProblems';
import type { EditProblem } from '../core/editProblems';
import type { MovedGroup } from '../core/moves';
import type { ZoneEdit } from '../core/zoneEdits';
import type { AreaPreview, EditRefusal } from '../../workers/editSession';
import type { EditPreview } from '../core/editPreview';
import { createStore, useStore } from 'zustand';
import { createHeldView } from './heldView';
import type { SimulationResult } from '../core/simulation';
import { NATIONAL_PROFILE, type StandardsProfile, type StandardsResult } from '../core/standards';
import type { DistanceMetrics, MovedDistance, SentPastProps } from '../core/distance';
import { DEFAULT_RULES, type OverlapRule, type ZoneLevel } from '../core/rules';
import { DEFAULT_LIMITS, type Limits } from '../core/limits';
import type { Locale } from '../i18n/messages';
import type { LoadSummary } from '../../workers/loadContract';
import type { ProjectionView } from '../../workers/scenarioProjection';
import type { ProjectionSettings, ScenarioRules } from '../core/scenarioRules';
import type { StorageProblem } from '../app/persistence';
import type { WarningView } from '../../workers/warningRun';
import type { BalancePlan, BalanceProgress } from '../core/balance/types';

export type ColorBy = 'utilization' | 'compliance' | 'warning' | 'distance';
export type PupilMode = 'density' | 'dots' | 'off';
export type LoadStep = 'read' | 'inspect' | 'schools' | 'zones' | 'students' | 'index' | 'validate' | 'compute';

/** A file waiting in the mapping step: what it holds, its coordinate system and column mapping, as the planner sets them. */
export interface ImportDraft {
  name: string;
  format: FileFormat;
  /** Undefined until guessed from the name or chosen. */
  part?: DatasetPart;
  crs: Crs;
  /** Columns or property keys of the file. */
  header: string[];
  /** Contract column → the file's column ('' or absent: not used). */
  mapping: ColumnMapping;
  /** The mapping and CRS came from the planner's last choice for this header. */
  remembered: boolean;
  /** Base years the file's name, sheet or title states (2024秋 …). */
  years?: StatedYear[];
  /** Pupils: cohort grades (2023级 …) among its first rows, and the level the planner says they count from (else the school's, else the one the file's name states). */
  cohorts?: string[];
  cohortLevel?: ZoneLevel;
  /** The level the file's name, sheet or title states. */
  statedLevel?: ZoneLevel;
  /** Zones: the level given to every zone of the file; undefined: read from a column. */
  level?: ZoneLevel;
  /** The coordinate system the file's name or coordinate column names, which `crs` starts from. */
  crsHint?: CrsHint;
  /** The planner says the file's longitude and latitude are swapped. */
  swapLonLat?: boolean;
  /** A table's names its header has more than once, with the names `header` gives their copies. */
  repeated?: RepeatedColumn[];
  /** Contract columns the suggestion would take from a repeated name (`copy`, the name of its first copy): left unset until the planner picks a copy. */
  ambiguous?: { column: string; copy: string }[];
}

/** The state of loading a dataset. */
export type LoadState =
  | { status: 'idle' }
  | { status: 'loading'; step: LoadStep; fraction: number; label: string }
  /** Files whose parts, coordinate systems and columns the planner confirms before they load. */
  | { status: 'mapping'; files: ImportDraft[] }
  /** A dataset parsed in a pending worker, waiting for the planner to load it anyway or cancel. */
  | { status: 'review'; report: ValidationReport; rowsRead: number; loaded: number; rejected: number; skipped: number; zones: FeatureCollection }
  | { status: 'error'; file: string; detail: string; problem?: DataProblem };

/**
 * Pupils prepared for the map (built once per result): the density cells; a new object also tells
 * the map to ask the worker again for the dots of its view.
 */
export interface PupilLayers {
  density: FeatureCollection<Point>;
}

interface DatasetSlice {
  dataset?: LoadSummary;
  load: LoadState;
  /** Increases with every successful load, so views can reset. */
  datasetVersion: number;
  /** The dataset version whose zones the map has drawn (or has stopped waiting for); 0 before any. */
  mapShownVersion: number;
}

interface ResultSlice {
  result?: SimulationResult;
  standards?: StandardsResult;
  /** How far pupils go to school (就近入学) under the current scenario, per school section and county level. */
  distance?: DistanceMetrics;
  /** Pupils at another school than under the dataset's own zoning: distances before and after, per level. */
  movedDistance?: MovedDistance[];
  /** Lines from the compounds sent past a nearer school to that school (shown level), while asked for. */
  sentPastLines?: FeatureCollection<LineString, SentPastProps>;
  computeMs?: number;
  pupilLayers?: PupilLayers;
}

interface ScenarioSlice {
  /** Edits applied, in order (what a scenario file holds), and those undone that can be redone. */
  edits: ZoneEdit[];
  redoEdits: ZoneEdit[];
  /** Pupils that changed school in the last step, and since the dataset's own zoning. */
  moved: MovedGroup[];
  totalMoved: MovedGroup[];
  /** The planner is drawing on the map: an area to give to a school, a lasso around units, or a cut line. */
  drawing: boolean;
  drawPurpose: 'area' | 'units' | 'split';
  /** Clicking a unit (compound, village) on the map gives it to the selected school. */
  unitPicking: boolean;
  /** Zone vertices are shown and can be dragged (moveVertex). */
  vertexMode: boolean;
  /** Schools whose zone is locked against edits, per level. */
  lockedZones: Record<ZoneLevel, string[]>;
  /** A drawn area waiting to be given to a school, with the pupils inside it. */
  pendingArea?: Polygon | MultiPolygon;
  preview?: AreaPreview;
  /**
   * What giving `area` (the drawn area when asked) to `schoolIds` at `level` would do, made against
   * the scenario whose result was `result`; shown before the planner gives it (currentPendingFigures).
   */
  pendingFigures?: { area: Polygon | MultiPolygon; level: ZoneLevel; result?: SimulationResult; schoolIds: string[]; figures: EditPreview | EditRefusal };
  /** Live figures of the edit the planner is dragging or drawing (not applied yet). */
  livePreview?: LivePreview;
  /** Why the last edit was refused (nothing changed). */
  editError?: EditProblem;
  /** Engine time of the last edit, ms. */
  editMs?: number;
}

/** What an edit being dragged, drawn or pointed at would do, and where the pointer is (map pixels), for the overlay. */
export interface LivePreview {
  /** The page's number of the request answered (rises with every pointer move previewed). */
  seq: number;
  figures: EditPreview | EditRefusal;
  point: [number, number];
  /** The pointer is near the map's right or bottom edge: the overlay opens to the left or upwards. */
  flip: { x: boolean; y: boolean };
  /**
   * For an area being drawn or a unit pointed at (unit picking), the school it would go to and the
   * unit's name; a dragged boundary point has none.
   */
  givenTo?: { schoolId: string; unit?: string };
}

/** A named scenario: its edit history and its rules; the active one's history lives in ScenarioSlice. */
export interface ScenarioDoc {
  id: string;
  name: string;
  edits: ZoneEdit[];
  redoEdits: ZoneEdit[];
  rules: ScenarioRules;
  projection: ProjectionSettings;
}

/** Id under which the dataset's own zoning (现状) is compared and projected. */
export const BASELINE_ID = 'baseline';

interface WorkspaceSlice {
  /** Every scenario of the dataset, in the order the planner made them. */
  scenarios: ScenarioDoc[];
  activeScenarioId: string;
  /** The workspace has been restored from (or first saved to) the browser's storage. */
  workspaceReady: boolean;
  /** When the workspace was last saved successfully (ms since 1970). */
  savedAt?: number;
  /** Why the last save failed (autosave shows as off until a save succeeds again). */
  saveError?: StorageProblem;
  /** Why the saved work could not be read at start: autosave stays off until the planner decides. */
  readError?: StorageProblem;
  /** Another tab saved newer work; `blocked` when this tab's save was refused for it (autosave paused). */
  saveConflict?: SaveConflict;
  /** Scenarios saved for another version of this dataset (same name), not open here; see src/app/earlierWork.ts. */
  earlierWork?: EarlierWork;
}

/** Work saved for another version of the dataset, offered to the planner. */
export interface EarlierWork {
  key: string;
  baseYear: number;
  schools: number;
  rowsRead: number;
  /** Its scenarios with edits that this workspace does not hold. */
  scenarios: ScenarioDoc[];
  /** After an import: the scenarios whose edits the current data refused: which edit (from 0; −1: the worker failed) and why. */
  refused?: { name: string; index: number; problem: EditProblem }[];
}

/** Newer work saved by another tab: the scenarios concerned (names) and whether the list or settings changed. */
export interface SaveConflict {
  names: string[];
  settings: boolean;
  blocked: boolean;
}

interface ComparisonSlice {
  compareOpen: boolean;
  /** Scenarios compared (BASELINE_ID for 现状), at most three. */
  compareIds: string[];
  compareYear?: number;
  /** Projections by scenario id, with the fingerprint of what they were computed from. */
  projections: Record<string, { fingerprint: string; view: ProjectionView }>;
  projecting: boolean;
  /** Why a scenario could not be projected. */
  projectionError?: { scenarioId: string; problem: EditProblem; index: number };
  /** Areas whose school the compared scenario changes, for the map. */
  changedAreas?: FeatureCollection<MultiPolygon>;
  /** The scenario the changed areas belong to. */
  changedAreasOf?: string;
  /** The changed areas are drawn on the map. */
  showChangedAreas: boolean;
  /** The school year the map and tables show: undefined for the base year, else a projected one. */
  viewYear?: number;
}

interface WarningSlice {
  /** The 学位预警 drawer is open. */
  warningOpen: boolean;
  /** The active scenario's warning, with the fingerprint of what it was computed from. */
  warning?: { fingerprint: string; view: WarningView };
  /** Share (0..1) of the draws done while a warning is computed; undefined when none is. */
  warningProgress?: number;
  /** Why the last warning could not be computed: an edit of the scenario refused, or the engine failed. */
  warningError?: { problem?: EditProblem; fault?: string };
}

/** A 自动均衡 run and its plan, from start to accept. */
export interface BalanceView {
  /** preparing: the engine builds the problem; running: the balance worker works; done: the plan is final (the best so far when cancelled). */
  status: 'preparing' | 'running' | 'done' | 'error';
  cancelled: boolean;
  progress?: BalanceProgress;
  /** The best plan so far (the final one once done). */
  plan?: BalancePlan;
  /** Indexes of the plan's moves the planner removed. */
  removed: number[];
  /**
   * The engine's figures of the scenario with the kept moves, for the `removed` list it was asked
   * with (undefined while computing): the base year's result, or, for a plan of projected years,
   * each planned year's.
   */
  check?: { removed: number[]; result?: SimulationResult; years?: { year: number; result: SimulationResult }[]; problem?: EditProblem; index?: number };
  /** The scenario the plan was made from: its id and its edits then. */
  baseId: string;
  baseEdits: ZoneEdit[];
  /** For a plan of projected years: those years, and the scenario's rules and projection settings it was projected with. */
  planned?: { years: number[]; rules: ScenarioRules; projection: ProjectionSettings };
  /** Why the run could not be made: a problem of the request (English detail) or of the engine. */
  error?: { detail?: string; problem?: EditProblem };
  /** The scenario the plan became, once accepted. */
  acceptedId?: string;
}

interface BalanceSlice {
  /** The 自动均衡 drawer is open. */
  balanceOpen: boolean;
  balance?: BalanceView;
}

/** What the planner is told about the computing engine after a fault (see engineRecovery); detail in English. */
export interface EngineNotice {
  code: 'engineRestarting' | 'engineRestarted' | 'engineStopped' | 'engineRecoveryFailed';
  detail?: string;
}

interface UiSlice {
  /** The standards profile the app assesses against (a setting; exported with the scenario). */
  profile: StandardsProfile;
  /** Where zones of a level overlap, which one a pupil goes to (a setting saved with the workspace). */
  overlapRule: OverlapRule;
  /** Class caps, school sizes and 大班额 bands the app applies (a setting saved with the workspace). */
  limits: Limits;
  locale: Locale;
  level: ZoneLevel;
  colorBy: ColorBy;
  /** In the distance colouring, draw lines from the compounds sent past a nearer school to it. */
  showSentPast: boolean;
  pupilMode: PupilMode;
  selectedSchoolId?: string;
  /** Asks the map to bring the selected school into view; counts up with every ask. */
  focusRequest: number;
  /** A geometry the planner asked to see on the map (a finding of the validation report). */
  highlight?: Geometry;
  /** The engine's worker failed: it is being or was restarted, or it has stopped. */
  engineNotice?: EngineNotice;
}

export type AppState = DatasetSlice & ResultSlice & ScenarioSlice & WorkspaceSlice & ComparisonSlice & WarningSlice & BalanceSlice & UiSlice;

const initialLocale = (): Locale => {
  try {
    return localStorage.getItem('locale') === 'en' ? 'en' : 'zh-CN';
  } catch {
    // No storage (Node) or site storage blocked: reading `localStorage` itself throws a SecurityError.
    return 'zh-CN';
  }
};

/** The scenario state of a freshly loaded dataset. */
export const EMPTY_SCENARIO: ScenarioSlice = {
  edits: [],
  redoEdits: [],
  moved: [],
  totalMoved: [],
  drawing: false,
  drawPurpose: 'area',
  unitPicking: false,
  vertexMode: false,
  lockedZones: { primary: [], junior: [] },
};

/** Comparison state of a freshly loaded dataset. */
export const EMPTY_COMPARISON: ComparisonSlice & WarningSlice & BalanceSlice = { compareOpen: false, compareIds: [BASELINE_ID], projections: {}, projecting: false, showChangedAreas: false, viewYear: undefined, warningOpen: false, warning: undefined, warningProgress: undefined, warningError: undefined, balanceOpen: false, balance: undefined };

/** The app's one store. Actions that talk to the worker live in src/app, not here. */
const appStore = createStore<AppState>()(() => ({
  load: { status: 'idle' },
  datasetVersion: 0,
  mapShownVersion: 0,
  ...EMPTY_SCENARIO,
  scenarios: [],
  activeScenarioId: '',
  workspaceReady: false,
  ...EMPTY_COMPARISON,
  profile: NATIONAL_PROFILE,
  overlapRule: DEFAULT_RULES.overlapRule,
  limits: DEFAULT_LIMITS,
  locale: initialLocale(),
  level: 'primary',
  colorBy: 'utilization',
  showSentPast: false,
  pupilMode: 'density',
  focusRequest: 0,
}));

// Longer than the map holds an edit's frame (EDIT_FRAME_HOLD_MS): the map lets the panels go first.
const PANELS_HOLD_MAX_MS = 500;

/** What React shows of the store: held back while the map draws an edit, so both change in one frame. */
export const shownState = createHeldView(appStore, PANELS_HOLD_MAX_MS);

/** The store: as a hook, a component's slice of what is shown; its methods reach the store itself. */
export const useAppStore = Object.assign(<T>(selector: (s: AppState) => T): T => useStore(shownState, selector), appStore);

/** Setters for UI choices. */
export const uiActions = {
  setLocale(locale: Locale) {
    try {
      localStorage.setItem('locale', locale);
    } catch {
      // Storage blocked or full: the language applies to this visit only.
    }
    useAppStore.setState({ locale });
  },
  setLevel: (level: ZoneLevel) => useAppStore.setState({ level }),
  setColorBy: (colorBy: ColorBy) => useAppStore.setState({ colorBy }),
  setPupilMode: (pupilMode: PupilMode) => useAppStore.setState({ pupilMode }),
  selectSchool: (selectedSchoolId?: string) => useAppStore.setState({ selectedSchoolId }),
  /** Selects a school and brings it into view on the map (a choice made outside the map). */
  focusSchool: (selectedSchoolId: string) => useAppStore.setState((s) => ({ selectedSchoolId, focusRequest: s.focusRequest + 1 })),
  setHighlight: (highlight?: Geometry) => useAppStore.setState({ highlight }),
};
