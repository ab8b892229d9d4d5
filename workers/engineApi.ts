import type { DataProblem } from '../src/core/dataProblems';
import type { RejectedRow, School } from '../src/core/dataset';
import { DEFAULT_RULES, type Rules } from '../src/core/rules';
import { createAssignmentWorkspace } from '../src/core/assignment';
import type { SimulationResult } from '../src/core/simulation';
import type { StandardsProfile, StandardsResult } from '../src/core/standards';
import type { ZoneEdit } from '../src/core/zoneEdits';
import type { ZoneLevel } from '../src/core/rules';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { createEditSession, type AreaPreview, type EditOutcome, type EditRefusal, type EditSession } from './editSession';
import { computeZoneFeatures, type ZoneProperties } from '../src/io/zoneFeatures';
import { formatZonesGeoJson } from '../src/io/export/zonesGeoJson';
import { computeMovedByUnit, type MovedUnitGroup } from '../src/core/moves';
import { computeChangedAreas, projectScenario, type ProjectionRefusal, type ProjectionView, type ScenarioRequest } from './scenarioProjection';
import { DataError } from '../src/io/dataError';
import { readDataset, type DatasetTexts, type LoadedDataset, type LoadProgress } from '../src/io/readDataset';

/** A dataset's files as raw bytes by file name; the buffers are transferred, not copied. */
export type DatasetFiles = Partial<Record<keyof DatasetTexts, ArrayBuffer>>;

/** What the app needs to draw a loaded dataset; pupils stay in the worker. */
export interface LoadSummary {
  name: string;
  nameEn?: string;
  synthetic: boolean;
  baseYear: number;
  schools: School[];
  zones: FeatureCollection<MultiPolygon, ZoneProperties>;
  county?: FeatureCollection;
  context?: FeatureCollection;
  units?: FeatureCollection;
  rowsRead: number;
  pupilsLoaded: number;
  rejected: RejectedRow[];
  warnings: RejectedRow[];
  loadMs: number;
}

/** The outcome of a load: the summary, or the one problem that stopped it. */
export type LoadOutcome = { ok: true; summary: LoadSummary } | { ok: false; file: string; detail: string; problem: DataProblem };

/** A simulation with its compute time in ms (assignment and aggregation, index build included). */
export interface TimedResult {
  result: SimulationResult;
  standards: StandardsResult;
  computeMs: number;
}

/** Pupil homes for display: lon/lat pairs, grade and school index per pupil (−1 unassigned). */
export interface PupilPoints {
  lonLat: Float32Array;
  grade: Uint8Array;
  school: Int32Array;
}

/**
 * The engine behind the worker: keeps one dataset resident and answers small requests about it.
 * Plain functions, so tests can call it directly or through a real worker.
 */
export function createEngineApi(rules: Rules = DEFAULT_RULES) {
  let loaded: LoadedDataset | undefined;
  let session: EditSession | undefined;
  const workspace = createAssignmentWorkspace();
  const decoder = new TextDecoder('utf-8');

  const requireSession = () => {
    if (!loaded || !session) throw new Error('no dataset is loaded');
    return { dataset: loaded.dataset, session };
  };

  return {
    /** Decodes and parses the files, builds the pupil layout and keeps it resident. */
    load(files: DatasetFiles, onProgress?: LoadProgress): LoadOutcome {
      const t0 = performance.now();
      const texts: DatasetTexts = {};
      for (const [name, bytes] of Object.entries(files)) texts[name as keyof DatasetTexts] = decoder.decode(bytes);
      try {
        loaded = readDataset(texts, rules, new Date().getFullYear(), onProgress);
      } catch (e) {
        if (e instanceof DataError) return { ok: false, file: e.file, detail: e.detail, problem: { code: e.code, params: e.params } };
        throw e;
      }
      session = createEditSession(loaded, rules, workspace);
      const d = loaded.dataset;
      return {
        ok: true,
        summary: {
          name: d.name,
          nameEn: d.nameEn,
          synthetic: d.synthetic,
          baseYear: d.baseYear,
          schools: d.schools,
          zones: computeZoneFeatures(d.zoneState, d.schools),
          county: loaded.county,
          context: loaded.context,
          units: loaded.units,
          rowsRead: d.rowsRead,
          pupilsLoaded: d.pupils.count,
          rejected: d.rejected,
          warnings: d.warnings,
          loadMs: performance.now() - t0,
        },
      };
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
    /** Projects scenarios year by year (ten years by default) and assesses each year. */
    project(requests: ScenarioRequest[], profile: StandardsProfile): (ProjectionView | ProjectionRefusal)[] {
      const { dataset, session } = requireSession();
      return requests.map((r) => projectScenario(dataset, r, session.stateAfter, session.baseSchoolOf(), rules, profile));
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
    undo: (): EditOutcome | EditRefusal => requireSession().session.undo(),
    redo: (): EditOutcome | EditRefusal => requireSession().session.redo(),
    /** The quality-balance assessment of the current scenario (asked for after an edit's numbers). */
    standards: (): StandardsResult => requireSession().session.standards(),
    /** Assesses the standards against another profile. */
    setProfile: (profile: StandardsProfile): StandardsResult => requireSession().session.setProfile(profile),
    /** Pupils of a level inside an area being drawn. */
    previewArea: (level: ZoneLevel, area: Polygon | MultiPolygon): AreaPreview => requireSession().session.preview(level, area),

    /** A copy of the pupils' homes with their current school, for the map (caller transfers). */
    pupilPoints(): PupilPoints {
      const { dataset, session } = requireSession();
      const p = dataset.pupils;
      const lonLat = new Float32Array(2 * p.count);
      for (let i = 0; i < p.count; i++) {
        lonLat[2 * i] = p.x[i];
        lonLat[2 * i + 1] = p.y[i];
      }
      return { lonLat, grade: p.grade.slice(), school: session.schoolOf().slice() };
    },
  };
}

/** The typed API of the engine worker. */
export type EngineApi = ReturnType<typeof createEngineApi>;
