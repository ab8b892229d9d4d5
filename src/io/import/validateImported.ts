import type { Feature } from 'geojson';
import type { Rules, ZoneLevel } from '../../core/rules';
import { checkShiftedLayers, computeValidationReport, type LayerSource, type ShiftedLayerItem, type ShiftLayer, type ValidationReport } from '../../core/validation';
import { checkZoneFeatures } from '../../core/validation/zoneFeatures';
import { featuresOf } from '../dataError';
import { describeDataProblem } from '../../core/dataProblems';
import type { LoadedDataset } from '../readDataset';
import type { DatasetPart } from './datasetPart';
import { pupilFileLabels, type ImportedDataset } from './importDataset';

const LAYER_PARTS: Record<ShiftLayer, DatasetPart> = { pupils: 'students', schools: 'schools', units: 'units', zones: 'catchments' };

/** The file and coordinate system each layer was read from, by the import's notes. */
export function layerSources(imported: ImportedDataset): Partial<Record<ShiftLayer, LayerSource>> {
  const out: Partial<Record<ShiftLayer, LayerSource>> = {};
  for (const [layer, part] of Object.entries(LAYER_PARTS) as [ShiftLayer, DatasetPart][]) {
    const note = imported.notes.find((n) => n.part === part);
    if (note) out[layer] = { file: note.file, crs: note.crs };
  }
  return out;
}

/**
 * The file and coordinate system of each of the pupils' files, in the dataset's order
 * (Dataset.pupilFiles), when the pupils came from several: each is checked in its own system.
 */
export function pupilSources(imported: ImportedDataset, loaded: LoadedDataset): LayerSource[] | undefined {
  const notes = imported.notes.filter((n) => n.part === 'students');
  return loaded.dataset.pupilFiles?.map((file) => ({ file, crs: notes.find((n) => pupilFileLabels(n).includes(file))?.crs ?? 'wgs84' }));
}

/**
 * Per level, the zones' file and its coordinate system, when the zones came from several files and
 * one of them gave all of that level's zones (小学片区.zip for primary, 初中范围.kml for junior).
 */
export function zoneSources(imported: ImportedDataset, features: Feature[]): Partial<Record<ZoneLevel, LayerSource>> | undefined {
  const spans = imported.spans['catchments.geojson'];
  if (!spans || spans.length < 2) return undefined;
  const files = new Map<ZoneLevel, Set<string>>();
  let at = 0;
  for (const span of spans) {
    for (let i = at; i < at + span.count; i++) {
      const level = features[i]?.properties?.level;
      if (level !== 'primary' && level !== 'junior') continue;
      const named = files.get(level) ?? new Set<string>();
      files.set(level, named.add(span.file));
    }
    at += span.count;
  }
  const out: Partial<Record<ZoneLevel, LayerSource>> = {};
  for (const [level, named] of files) {
    if (named.size !== 1) continue;
    const file = [...named][0];
    out[level] = { file, crs: imported.notes.find((n) => n.file === file)?.crs ?? 'wgs84' };
  }
  return out;
}

/** The pupils' files that gave no row at all (a header only): no row loaded, rejected or skipped names them. */
export function emptyPupilFiles(imported: ImportedDataset, loaded: LoadedDataset): string[] {
  const d = loaded.dataset;
  const notes = imported.notes.filter((n) => n.part === 'students');
  const withRows = new Set([...(d.pupilFiles ?? (d.pupils.count > 0 ? notes.flatMap(pupilFileLabels) : [])), ...d.rejected.map((r) => r.file), ...(d.skipped ?? []).map((r) => r.file)]);
  return notes.filter((n) => !pupilFileLabels(n).some((label) => withRows.has(label))).map((n) => n.file);
}

/**
 * The validation report of an imported dataset once read: its zones as the files gave them (before
 * the parser merged or dropped any), the pupils, compounds and villages with the file and
 * coordinate system of each layer (for the shift check), the rows rejected or flagged, and the
 * unit rows and optional files the import left out, naming the original files. The app's worker
 * and the CLI both call it.
 */
export function validateImported(imported: ImportedDataset, loaded: LoadedDataset, rules: Rules): ValidationReport {
  const d = loaded.dataset;
  const zones = featuresOf('catchments.geojson', imported.texts['catchments.geojson'] ?? '');
  return computeValidationReport({
    schools: d.schools,
    zones,
    county: loaded.county,
    pupils: d.pupils,
    pupilsFile: imported.sources['students.csv'],
    rejected: d.rejected,
    warnings: d.warnings,
    baseYear: d.baseYear,
    rules,
    units: { x: d.unitX, y: d.unitY },
    sources: layerSources(imported),
    pupilSources: pupilSources(imported, loaded),
    zoneSources: zoneSources(imported, zones),
    importRejected: imported.rejected,
    filesNotUsed: [
      ...imported.notUsed,
      ...emptyPupilFiles(imported, loaded).map((file) => ({ file, reason: describeDataProblem('noPupilRows', {}, 'en'), problem: { code: 'noPupilRows' as const, params: {} } })),
    ],
    fileRemarks: imported.notes.flatMap((n) => {
      if (n.datum === undefined) return [];
      const problem = { code: 'datumNotShifted' as const, params: { value: n.datum } };
      return [{ file: n.file, reason: describeDataProblem(problem.code, problem.params, 'en'), problem }];
    }),
    roads: d.roads,
  });
}

/**
 * Only the shift check of the validation (checkShiftedLayers) on an imported dataset: the layers
 * that look read in the wrong coordinate system. The CLI runs it on every run, so that a wrong
 * system never passes silently.
 */
export function shiftedLayersOfImported(imported: ImportedDataset, loaded: LoadedDataset, rules: Rules): ShiftedLayerItem[] {
  const d = loaded.dataset;
  const features = featuresOf('catchments.geojson', imported.texts['catchments.geojson'] ?? '');
  const zones = checkZoneFeatures(features, d.schools).zones;
  return checkShiftedLayers({ zones, schools: d.schools, pupils: d.pupils, units: { x: d.unitX, y: d.unitY }, sources: layerSources(imported), pupilSources: pupilSources(imported, loaded), zoneSources: zoneSources(imported, features), rules });
}
