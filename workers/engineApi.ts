import { DEFAULT_RULES, type Rules } from '../src/core/rules';
import { withSettings, type RuleSettings } from '../src/core/limits';
import { DEFAULT_SCHOOL_SYSTEM, withSchoolSystem } from '../src/core/schoolSystem';
import { createAssignmentWorkspace } from '../src/core/assignment';
import type { SimulationResult } from '../src/core/simulation';
import type { StandardsProfile, StandardsResult } from '../src/core/standards';
import { EditError, type ZoneEdit } from '../src/core/zoneEdits';
import type { EditProblem } from '../src/core/editProblems';
import type { ZoneLevel } from '../src/core/rules';
import type { FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';
import { createEditSession, type AreaPreview, type EditOutcome, type EditRefusal, type EditSession } from './editSession';
import { computeZoneFeatures } from '../src/io/zoneFeatures';
import { formatZonesGeoJson } from '../src/io/export/zonesGeoJson';
import type { EditPreview } from '../src/core/editPreview';
import { computeMovedByUnit, type MovedUnitGroup } from '../src/core/moves';
import { createProjectionCache } from './projectionCache';
import { yieldToCalls } from './yieldToCalls';
import { computeChangedAreas, type ProjectionRefusal, type ProjectionView, type ScenarioRequest } from './scenarioProjection';
import { asDataError, DataError } from '../src/io/dataError';
import { printable } from '../src/core/printable';
import type { LoadedDataset } from '../src/io/readDataset';
import type { FileInspection, ImportFile } from '../src/io/import';
import type { ValidationReport } from '../src/core/validation';
import { computeSentPastLines, type DistanceMetrics, type SentPastProps } from '../src/core/distance';
import { polylineFeatures } from '../src/io/roadFeatures';
import { openDatasetSnapshot, openDecodedSnapshot, type DecodedSnapshot, type OpenedSnapshot } from '../src/io/snapshot/datasetSnapshot';
import { fetchDatasetSnapshot } from '../src/io/snapshot/fetchSnapshot';
import { runWarning, type WarningOutcome, type WarningRequest } from './warningRun';
import { runZoneNotice, type ZoneNoticeView } from './zoneNoticeRun';
import type { LettersView, PublishRequest } from './publishRun';
import type { PublishedFile } from './publicationSet';
import type { Locale } from '../src/i18n/messages';
import { buildBalanceInput, checkBalanceRequest, type BalanceRequest } from '../src/core/balance/buildInput';
import type { BalanceInput } from '../src/core/balance/types';
import { computeScenarioRun } from '../src/core/scenarioRun';
import { computeDensityCells, computeDots, type DensityCells, type Dots, type DotsRequest } from '../src/core/pupilView';
import type { FileChoice, LoadFailure, LoadOutcome, PickedFile, StagedFile, StagedInspection, StepProgress, TimedResult } from './loadContract';

function failure(e: unknown): LoadFailure {
  // Anything else (a fault met while reading, the file unknown) is "could not be read" with its
  // message: the planner gets no stack trace; the console keeps it.
  if (!(e instanceof DataError)) console.error(e);
  const error = asDataError('', e);
  return { ok: false, file: printable(error.file), detail: error.detail, problem: { code: error.code, params: error.params } };
}

// The importers (Excel, Shapefile, KML, CSV readers) load with the first file the planner opens:
// the default dataset opens from its snapshot without them.
const importer = () => import('../src/io/import');
// The letters and the lookup page load on first use: their texts are not needed before the first map.
const publishing = () => import('./publishRun');

/**
 * What the mapping step shows of a file (inspectFile); undefined for a broken county outline or
 * context file (the load leaves it out with a warning rather than stopping).
 */
async function inspectOptional(file: ImportFile): Promise<FileInspection | undefined> {
  try {
    return await (await importer()).inspectFile(file);
  } catch (e) {
    if (e instanceof DataError && (file.part === 'county' || file.part === 'context')) return undefined;
    throw e;
  }
}

/** How long the units' preparation runs between two looks at the calls waiting (prepareUnits), ms. */
const UNIT_SLICE_MS = 20;

/**
 * The engine behind the worker: keeps one dataset resident and answers small requests about it.
 * Plain functions, so tests can call it directly or through a real worker.
 */
export function createEngineApi(initialRules: Rules = DEFAULT_RULES) {
  let rules = initialRules;
  let loaded: LoadedDataset | undefined;
  let session: EditSession | undefined;
  let projections: ReturnType<typeof createProjectionCache> | undefined;
  const workspace = createAssignmentWorkspace();
  let staged: ImportFile[] = [];
  // The warning being computed: a newer call or cancelWarning moves it on, and the running one stops.
  let warningCall = 0;

  /** Makes a read dataset the resident one and answers its summary and validation report. */
  const resident = (dataset: LoadedDataset, report: ValidationReport, t0: number): LoadOutcome => {
    loaded = dataset;
    rules = withSchoolSystem(rules, dataset.dataset.schoolSystem ?? DEFAULT_SCHOOL_SYSTEM);
    session = createEditSession(loaded, rules, workspace);
    const edited = session;
    projections = createProjectionCache(loaded.dataset, rules, (state, edit) => edited.applyTo(state, edit));
    const d = loaded.dataset;
    return {
      ok: true,
      report,
      summary: {
        name: d.name,
        nameGiven: d.nameGiven,
        nameEn: d.nameEn,
        synthetic: d.synthetic,
        baseYear: d.baseYear,
        schoolSystem: d.schoolSystem ?? DEFAULT_SCHOOL_SYSTEM,
        schools: d.schools,
        zones: computeZoneFeatures(d.zoneState, d.schools),
        county: loaded.county,
        context: loaded.context,
        units: loaded.units,
        ...(d.roads && { roads: polylineFeatures(d.roads, 'roads') }),
        ...(d.barrierLines && { barriers: polylineFeatures(d.barrierLines, 'barriers') }),
        rowsRead: d.rowsRead,
        pupilsLoaded: d.pupils.count,
        rejected: d.rejected,
        warnings: d.warnings,
        skipped: d.skipped ?? [],
        loadMs: performance.now() - t0,
      },
    };
  };

  // A dataset is read under the school system its files state, else the default: not under that of the dataset before it.
  const readingRules = () => withSchoolSystem(rules, DEFAULT_SCHOOL_SYSTEM);

  // The embedded dataset fetched and decoded since the worker started (prefetchSnapshot), by URL.
  let prefetched: { url: string; decoded: Promise<DecodedSnapshot> } | undefined;

  const requireSession = () => {
    if (!loaded || !session) throw new Error('no dataset is loaded');
    const broken = session.brokenBy();
    if (broken) throw broken;
    return { dataset: loaded.dataset, session };
  };

  const api = {
    /** Keeps the user's files until they are loaded (or inspected first). */
    stage(files: StagedFile[]): void {
      staged = files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) }));
    },

    /**
     * Reads the files the planner picked and keeps them as stage does. Read here, not on the page's
     * thread, where a 100 MB file was read in tasks of 0.1–0.3 s. A file that cannot be read (moved
     * or changed since it was picked) is the load's failure, naming it; the files staged before stay.
     */
    async stagePicked(files: PickedFile[]): Promise<LoadFailure | undefined> {
      const read: StagedFile[] = [];
      for (const f of files) {
        try {
          read.push({ name: f.name, bytes: await f.blob.arrayBuffer() });
        } catch (e) {
          return { ok: false, file: f.name, detail: (e as Error).message };
        }
      }
      api.stage(read);
      return undefined;
    },

    /** The format, guessed part and columns of each staged file, or the problem of the first one that cannot be read. */
    async inspect(onProgress?: StepProgress): Promise<{ ok: true; files: StagedInspection[] } | LoadFailure> {
      const files: StagedInspection[] = [];
      try {
        const { detectFormat, guessPart } = await importer();
        for (const [i, f] of staged.entries()) {
          onProgress?.('inspect', i / staged.length, f.name);
          const format = detectFormat(f.name, f.bytes);
          const part = guessPart(f.name, format);
          if (part === 'dataset' || part === 'births' || part === 'housing' || part === 'intakePlan' || part === 'history') files.push({ name: f.name, format, part, header: [] });
          else {
            const { header, years, level, cohorts, repeated } = (await inspectOptional({ ...f, part })) ?? { header: [] };
            files.push({ name: f.name, format, part, header, years, level, cohorts, ...(repeated && { repeated }) });
          }
        }
      } catch (e) {
        return failure(e);
      }
      return { ok: true, files };
    },

    /**
     * Imports the staged files (or `files`) in any supported format with the planner's choices,
     * parses them, builds the pupil layout and keeps it resident, then computes the validation
     * report. A file that stops the load is answered as a LoadFailure naming it.
     */
    async load(files: StagedFile[] | undefined, choices: FileChoice[] = [], onProgress?: StepProgress): Promise<LoadOutcome> {
      const t0 = performance.now();
      if (files) api.stage(files);
      const byName = new Map(choices.map((c) => [c.name, c]));
      let read: LoadedDataset;
      let report: ValidationReport;
      try {
        onProgress?.('read', 0.02);
        const { importDataset, readImportedDataset, validateImported } = await importer();
        const imported = await importDataset(staged.map((f) => ({ ...f, ...byName.get(f.name), name: f.name, bytes: f.bytes })), (f) => onProgress?.('read', 0.02 + f * 0.13));
        staged = [];
        // The import decodes the files and finds their columns; the pupils' rows are converted as they are parsed, most of the work.
        read = readImportedDataset(imported, readingRules(), new Date().getFullYear(), (step, f) => onProgress?.(step, 0.15 + f * 0.75));
        // The pupils' rows hold their file's decoded text (about 150 MB at a million rows): validating needs the rest only.
        delete imported.pupils;
        onProgress?.('validate', 0.92);
        report = validateImported(imported, read, withSchoolSystem(rules, read.dataset.schoolSystem ?? DEFAULT_SCHOOL_SYSTEM));
      } catch (e) {
        return failure(e);
      }
      return resident(read, report, t0);
    },

    /**
     * Opens a dataset stored by buildDatasetSnapshot (the embedded default: read, parsed and
     * validated when the app was built) and keeps it resident, as `load` does with files.
     */
    loadSnapshot(bytes: ArrayBuffer): LoadOutcome {
      const t0 = performance.now();
      let opened: OpenedSnapshot;
      try {
        opened = openDatasetSnapshot(new Uint8Array(bytes), readingRules());
      } catch (e) {
        return failure(e);
      }
      return resident(opened.loaded, opened.report, t0);
    },

    /**
     * Starts fetching and decoding a stored dataset before it is asked for (loadSnapshotFrom with
     * the same URL takes it over): the worker does it at its start, while the page's thread, busy
     * with the first render and the map, has not yet handed over the calls waiting for it.
     */
    prefetchSnapshot(url: string): void {
      const decoded = fetchDatasetSnapshot(url);
      // A failure is answered by loadSnapshotFrom, when the dataset is asked for.
      decoded.catch(() => {});
      prefetched = { url, decoded };
    },

    /**
     * Fetches a stored dataset (the embedded default, by its absolute URL; gzip-compressed or not)
     * and opens it as loadSnapshot does. Fetched here, its arrival does not wait for the page's own
     * thread, which is busy drawing the panels and the map at start-up.
     */
    async loadSnapshotFrom(url: string): Promise<LoadOutcome> {
      const decoded = prefetched?.url === url ? prefetched.decoded : fetchDatasetSnapshot(url);
      prefetched = undefined;
      let opened: OpenedSnapshot;
      let t0: number;
      try {
        const snapshot = await decoded;
        t0 = performance.now();
        opened = openDecodedSnapshot(snapshot, readingRules());
      } catch (e) {
        return failure(e);
      }
      return resident(opened.loaded, opened.report, t0);
    },

    /**
     * loadSnapshotFrom, then, when the dataset loaded without findings, its first simulation and
     * pupil density: one answer for the page's thread, busy at start-up, which took three answers
     * in turn before (asked at once, the later calls ran while the load still awaited its fetch).
     */
    async openSnapshotFrom(url: string): Promise<OpenedWithResult> {
      const outcome = await api.loadSnapshotFrom(url);
      if (!outcome.ok || outcome.report.items.length > 0) return { outcome };
      return { outcome, first: { timed: api.simulate(), density: api.pupilDensity() } };
    },

    /**
     * The planner's rules (where zones overlap, class caps, school sizes, 大班额 bands): recomputes
     * the scenario from scratch (and the next loads use them).
     */
    setRuleSettings(settings: RuleSettings): EditOutcome | undefined {
      rules = withSettings(rules, settings);
      if (loaded && session) {
        const edited = session;
        projections = createProjectionCache(loaded.dataset, rules, (state, edit) => edited.applyTo(state, edit));
      }
      return session?.setRules(rules);
    },

    /** Recomputes every school from scratch and returns the (small) results. */
    simulate(): TimedResult {
      const { session } = requireSession();
      const t0 = performance.now();
      const result = session.recompute();
      const computeMs = performance.now() - t0;
      return { result, standards: session.standards(), computeMs };
    },

    /** Applies an edit incrementally; a refused edit changes nothing. */
    applyEdit: (edit: ZoneEdit): EditOutcome | EditRefusal => requireSession().session.apply(edit),
    /** Opens a saved scenario: its edits applied and its redo list kept; a failing edit changes nothing. */
    openScenario: (edits: ZoneEdit[], redoEdits: ZoneEdit[]) => requireSession().session.restore(edits, redoEdits),
    /**
     * Projects scenarios year by year (ten years by default), assesses each year and measures how far
     * its pupils go (per year, and the moved pupils by compound). Each scenario's projection is kept,
     * so that after an edit only what it changed is projected again; a projection from scratch lets
     * other calls (edits) run between its years.
     */
    async project(requests: ScenarioRequest[], profile: StandardsProfile): Promise<(ProjectionView | ProjectionRefusal)[]> {
      const views: (ProjectionView | ProjectionRefusal)[] = [];
      for (const r of requests) {
        const { session } = requireSession();
        views.push(await projections!.project(r, profile, session.baseSchoolOf(), session.distanceState().prepared));
      }
      return views;
    },
    /**
     * 学位预警 of a scenario with its ranges (seeded draws, progress 0..1 through `onProgress`) and
     * the back-test; stops early, answering `cancelled`, when cancelWarning or another warning call comes.
     */
    async warning(request: WarningRequest, onProgress?: (fraction: number) => void): Promise<WarningOutcome> {
      const { dataset, session } = requireSession();
      const call = ++warningCall;
      return runWarning(dataset, request, session.stateAfter, rules, () => call !== warningCall, onProgress);
    },
    /** The 招生片区 notice of a scenario (its edits from the dataset's own zoning), both levels. */
    zoneNotice(edits: ZoneEdit[]): ZoneNoticeView {
      const { session } = requireSession();
      return runZoneNotice(loaded!, edits, session.stateAfter, rules);
    },
    /** The 学区查询 page of a scenario (its edits from the dataset's own zoning) as one HTML file opening in `locale`. */
    async lookupPage(edits: ZoneEdit[], locale: Locale): Promise<string> {
      const { session } = requireSession();
      const { runLookupPage } = await publishing();
      return runLookupPage(loaded!, edits, session.stateAfter, rules, locale);
    },
    /** The letters to the families a scenario moves (respecting its phase-in), with their mail-merge table, in `locale`, dated `date`. */
    async letters(request: PublishRequest, locale: Locale, date: string): Promise<LettersView> {
      const { session } = requireSession();
      const { runLetters } = await publishing();
      return runLetters(loaded!, request, session.stateAfter, rules, locale, date);
    },
    /**
     * The publication set of a scenario in `locale` (the 招生片区公告 and 学位预警 notices as DOCX, the
     * 学区查询 page, the warning table and the letters' mail-merge list as XLSX, the letters as DOCX),
     * made as `npm run simulate -- --publish` makes it. Its builders load on the first call.
     */
    async publication(request: PublishRequest, profile: StandardsProfile, locale: Locale): Promise<PublishedFile[]> {
      const { session } = requireSession();
      const { buildPublication } = await import('./publicationSet');
      return buildPublication({ loaded: loaded!, state: session.stateAfter(request.edits), scenario: request.rules, projection: request.projection, profile, rules, locale });
    },
    /** Stops the warning being computed (it answers `cancelled`). */
    cancelWarning(): void {
      warningCall++;
    },
    /** Areas whose school the current scenario changes, per level, with from and to. */
    changedAreas: (edits: ZoneEdit[]) => {
      const { dataset, session } = requireSession();
      return computeChangedAreas(dataset, session.stateAfter(edits));
    },
    /** The current scenario's zones as GeoJSON text. */
    zonesGeoJson: (): string => {
      const { dataset, session } = requireSession();
      return formatZonesGeoJson(session.state(), dataset.schools);
    },
    /** The current scenario's zones as a zipped Shapefile (caller transfers). */
    async zonesShapefile(): Promise<Uint8Array> {
      const { dataset, session } = requireSession();
      const { buildZonesShapefileZip } = await import('../src/io/export/shapefile');
      return buildZonesShapefileZip(session.state(), dataset.schools);
    },
    /** Pupils whose school the current scenario changes, by unit, grade, from and to. */
    movedByUnit: (): MovedUnitGroup[] => {
      const { dataset, session } = requireSession();
      return computeMovedByUnit(dataset, session.baseSchoolOf(), session.schoolOf());
    },
    /** The balancing problem of the current scenario for the balance worker (buildBalanceInput), or a message naming an unknown id of the request. */
    balanceInput: (request: BalanceRequest): BalanceInput | { error: string } => {
      const { dataset, session } = requireSession();
      const bad = checkBalanceRequest(dataset, request);
      if (bad) return { error: bad };
      return buildBalanceInput(dataset, computeScenarioRun(dataset, session.state(), rules), rules, request);
    },
    /**
     * The base-year result of `edits` from the dataset's own zoning, without changing the scenario
     * being edited (the 自动均衡 panel checks a plan with some moves removed); a refused edit is
     * answered with its index (from 0) and why.
     */
    checkEdits(edits: ZoneEdit[]): { ok: true; result: SimulationResult } | { ok: false; index: number; problem: EditProblem } {
      const { dataset, session } = requireSession();
      try {
        return { ok: true, result: computeScenarioRun(dataset, session.stateAfter(edits), rules).result };
      } catch (e) {
        if (!(e instanceof EditError)) throw e;
        const index = edits.findIndex((_, i) => {
          try {
            session.stateAfter(edits.slice(0, i + 1));
            return false;
          } catch {
            return true;
          }
        });
        return { ok: false, index, problem: { code: e.code, params: e.params } };
      }
    },
    undo: (): EditOutcome | EditRefusal => requireSession().session.undo(),
    redo: (): EditOutcome | EditRefusal => requireSession().session.redo(),
    /** How far pupils go to school under the current scenario (就近入学; by road when the dataset has roads). */
    distance: (): DistanceMetrics => requireSession().session.distance(),
    /**
     * Prepares, once a load is shown, the road distances the distance panel and the edits need and
     * the load left out, so that the first map did not wait for them; returns them.
     */
    prepareForEdits: (): DistanceMetrics => requireSession().session.prepareForEdits(),
    /**
     * Builds, after prepareForEdits, what the first unit edit needs and the load left out (the
     * units' cells, the grounds their areas are cut from), in slices of about UNIT_SLICE_MS between
     * which the worker answers other calls: an edit asked for meanwhile waits for one slice, not for
     * the whole (0.4 s on Shouguang, seconds at a million pupils). Stops when another dataset loads.
     */
    prepareUnits: async (): Promise<void> => {
      const { session: prepared } = requireSession();
      let sliceStart = performance.now();
      for (const _ of prepared.unitPreparation()) {
        if (performance.now() - sliceStart < UNIT_SLICE_MS) continue;
        await yieldToCalls();
        if (session !== prepared) return;
        sliceStart = performance.now();
      }
    },
    /** Lines from the compounds sent past a nearer school to that school, for a level, under the current state (see computeSentPastLines). */
    sentPastLines: (level: ZoneLevel): FeatureCollection<LineString, SentPastProps> => {
      const { session, dataset } = requireSession();
      return computeSentPastLines(session.distanceState().prepared, session.schoolOf(), level, { unit: dataset.pupils.unit, unitIds: dataset.unitIds });
    },
    /** The distance preparation's time at load, ms (snapping, one shortest-path tree per school, nearest schools). */
    distancePrepareMs: (): number => requireSession().session.distanceState().prepared.prepareMs,
    /** The quality-balance assessment of the current scenario (asked for after an edit's numbers). */
    standards: (): StandardsResult => requireSession().session.standards(),
    /** Assesses the standards against another profile. */
    setProfile: (profile: StandardsProfile): StandardsResult => requireSession().session.setProfile(profile),
    /** What an edit would do (pupils moved, the changed schools' sizes and largest classes), without applying it: for live figures while dragging. */
    previewEdit: (edit: ZoneEdit): EditPreview | EditRefusal => requireSession().session.previewEdit(edit),
    /** Pupils of a level inside an area being drawn. */
    previewArea: (level: ZoneLevel, area: Polygon | MultiPolygon): AreaPreview => requireSession().session.preview(level, area),

    /** Why the editing session can no longer be used (a failed step could not be undone), if so. */
    brokenBy: (): Error | undefined => session?.brokenBy(),
    /** Test-only fault injection: the next edit, undo, redo or scenario opened throws midway (see EditSession.armFault). */
    __armEditFault: (): void => requireSession().session.armFault(),

    /** The pupils counted by density cell, for the map's heatmap (caller transfers). */
    pupilDensity(): DensityCells {
      const { dataset } = requireSession();
      return computeDensityCells(dataset.pupils.x, dataset.pupils.y);
    },
    /** The pupils to draw as dots in a view, at most `req.cap` (see computeDots; caller transfers). */
    pupilDots(req: DotsRequest): Dots {
      const { dataset, session } = requireSession();
      return computeDots(dataset.pupils.x, dataset.pupils.y, session.schoolOf(), req);
    },
  };
  return api;
}

/** A stored dataset's load outcome, with its first simulation and pupil density when it loaded without findings (openSnapshotFrom). */
export interface OpenedWithResult {
  outcome: LoadOutcome;
  first?: { timed: TimedResult; density: DensityCells };
}

/** The typed API of the engine. */
export type EngineApi = ReturnType<typeof createEngineApi>;

/**
 * Faults a test can inject into the worker (never used by the app itself): `hang` spins forever,
 * `crash` throws outside any call (the page gets the worker's `error` event), `exit` closes the
 * worker without a word, `throwInEdit` makes the next edit, undo, redo or scenario opened throw
 * midway through (see EditSession.armFault).
 */
export type InjectedFault = 'hang' | 'crash' | 'exit' | 'throwInEdit';

/** What the worker exposes: the engine, and a test-only hook that injects a fault. */
export type WorkerApi = EngineApi & {
  /** Test-only: injects a fault; hang, crash and exit happen just after this call has answered. */
  __injectFault(fault: InjectedFault): void;
};
