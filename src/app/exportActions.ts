import { bbox } from '@turf/turf';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import { formatCsv } from '../io/export/csv';
import { formatMovedCsv } from '../io/export/movedCsv';
import { computeProjectionTable } from '../io/export/projectionTables';
import { computeSchoolTable } from '../io/export/schoolTable';
import { computeDistanceTable } from '../io/export/distanceTable';
import { printableMapPng } from '../map/printableMap';
import { useAppStore } from '../store/store';
import type { ProjectionView } from '../../workers/scenarioProjection';
import { downloadFile } from './download';
import { currentEngine } from './engineClient';
import { EngineFault } from './engineCalls';
import { formatDate, translate } from '../i18n/format';
import { activeScenario } from './scenarioActions';

const CSV = 'text/csv;charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The export formats the planner can choose. */
export type ExportKind = 'schoolsCsv' | 'distanceCsv' | 'tablesXlsx' | 'projectionCsv' | 'zonesGeoJson' | 'zonesShp' | 'movedCsv' | 'mapPng' | 'lookupHtml' | 'lettersXlsx' | 'lettersDocx' | 'publicationZip';

const fileStem = () => activeScenario()?.name ?? 'scenario';

/**
 * An engine call for an export: an error of the call, a worker fault met twice, or the engine
 * stopped becomes an error in the planner's language, which the export menu shows; the export is
 * not written.
 */
async function fromEngine<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (e) {
    if (!(e instanceof EngineFault)) throw e;
    const { locale } = useAppStore.getState();
    if (e.reason === 'threw') throw new Error(translate(locale, 'engineCallError', { detail: e.detail }), { cause: e });
    throw new Error(translate(locale, e.reason === 'stopped' ? 'engineStopped' : 'engineCallFailed'), { cause: e });
  }
}

/** The active scenario projected with its rules (computed in the worker when not at hand). */
export async function activeProjection(): Promise<ProjectionView | undefined> {
  const s = useAppStore.getState();
  const doc = activeScenario(s);
  const engine = currentEngine();
  if (!doc || !engine) return undefined;
  const [view] = await fromEngine(engine.remote.project([{ key: doc.id, edits: doc.edits, rules: doc.rules, settings: doc.projection }], s.profile));
  return 'problem' in view ? undefined : view;
}

/** Unit (compound, village) names by id, from the dataset's units file. */
export function unitNames(): Map<string, string> {
  const units = useAppStore.getState().dataset?.units?.features ?? [];
  return new Map(units.map((f) => [String(f.properties?.id), String(f.properties?.name ?? '')]));
}

/**
 * Writes one export of the active scenario as a file: tables with Chinese (or English) headers,
 * zones, the pupils changing school by unit and grade, or the map as drawn. Resolves with the
 * file's name once it is handed to the browser; rejects with a message in the planner's language
 * when there is nothing to export or the engine cannot answer (never silently: a click gives a
 * file or a message).
 */
export async function exportFile(kind: ExportKind): Promise<string> {
  const { result, dataset, locale, distance } = useAppStore.getState();
  const engine = currentEngine();
  if (!result || !dataset) throw new Error(translate(locale, 'exportNoData'));
  if (!engine) throw new Error(translate(locale, 'engineCallFailed'));
  const stem = fileStem();
  const zh = locale === 'zh-CN';
  const save = (name: string, data: string | Blob | Uint8Array, type: string) => {
    downloadFile(name, data, type);
    return name;
  };
  switch (kind) {
    case 'schoolsCsv':
      return save(`${stem}-${zh ? '学校统计' : 'schools'}.csv`, formatCsv(computeSchoolTable(result, locale)), CSV);
    case 'distanceCsv':
      if (!distance) throw new Error(translate(locale, 'exportNoData'));
      return save(`${stem}-${zh ? '就近入学距离' : 'distance-to-school'}.csv`, formatCsv(computeDistanceTable(distance, dataset.schools, locale)), CSV);
    case 'tablesXlsx': {
      const { buildResultsXlsx } = await import('../io/export/workbook');
      const view = await activeProjection();
      const distanceTable = distance && computeDistanceTable(distance, dataset.schools, locale);
      return save(`${stem}-${zh ? '学校统计与预测' : 'schools-and-projection'}.xlsx`, await buildResultsXlsx(result, view?.years, locale, distanceTable), XLSX);
    }
    case 'projectionCsv': {
      const view = await activeProjection();
      if (!view) throw new Error(translate(locale, 'exportNoProjection'));
      return save(`${stem}-${zh ? '逐年预测' : 'projection'}.csv`, formatCsv(computeProjectionTable(view.years, locale)), CSV);
    }
    case 'zonesGeoJson':
      return save(`${stem}-${zh ? '片区' : 'zones'}.geojson`, await fromEngine(engine.remote.zonesGeoJson()), 'application/geo+json');
    case 'zonesShp':
      return save(`${stem}-${zh ? '片区' : 'zones'}.zip`, await fromEngine(engine.remote.zonesShapefile()), 'application/zip');
    case 'movedCsv':
      return save(`${stem}-${zh ? '变更学校学生' : 'pupils-changing-school'}.csv`, formatMovedCsv(await fromEngine(engine.remote.movedByUnit()), dataset.schools, unitNames(), locale), CSV);
    case 'mapPng':
      return save(`${stem}-${zh ? '地图' : 'map'}.png`, await printableMapPng(), 'image/png');
    case 'lookupHtml': {
      const doc = activeScenario();
      if (!doc) throw new Error(translate(locale, 'exportNoData'));
      return save(`${stem}-${zh ? '学区查询' : 'school-lookup'}.html`, await fromEngine(engine.remote.lookupPage(doc.edits, locale)), 'text/html;charset=utf-8');
    }
    case 'lettersXlsx':
    case 'lettersDocx': {
      const doc = activeScenario();
      if (!doc) throw new Error(translate(locale, 'exportNoData'));
      const view = await fromEngine(engine.remote.letters({ edits: doc.edits, rules: doc.rules, projection: doc.projection }, locale, formatDate(locale, Date.now())));
      if (view.table.rows.length === 0) throw new Error(translate(locale, 'lettersNone'));
      if (kind === 'lettersXlsx') {
        const { buildTablesWorkbook } = await import('../io/export/workbook');
        const book = buildTablesWorkbook([{ name: translate(locale, 'lettersSheet'), table: view.table }]);
        return save(`${stem}-${zh ? '致家长信名单' : 'letters-mail-merge'}.xlsx`, new Uint8Array(await book.xlsx.writeBuffer()), XLSX);
      }
      const { buildLettersDocx } = await import('../io/export/docx');
      return save(`${stem}-${zh ? '致家长信' : 'letters'}.docx`, await buildLettersDocx(view.letters), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    }
    case 'publicationZip': {
      const doc = activeScenario();
      if (!doc) throw new Error(translate(locale, 'exportNoData'));
      const files = await fromEngine(engine.remote.publication({ edits: doc.edits, rules: doc.rules, projection: doc.projection }, useAppStore.getState().profile, locale));
      const { default: JSZip } = await import('jszip');
      const zip = new JSZip();
      for (const f of files) zip.file(f.name, f.bytes);
      return save(`${stem}-${zh ? '发布材料' : 'publication'}.zip`, await zip.generateAsync({ type: 'uint8array' }), 'application/zip');
    }
  }
}

/** One map of the report: its caption and its PNG. */
export interface ReportMap {
  caption: string;
  png: Blob;
}

/**
 * The report's maps, drawn one after the other on the map on screen (its view is restored): the
 * whole county, then, when the active scenario changes any zone, its changed areas framed and
 * outlined.
 */
export async function reportMaps(): Promise<ReportMap[]> {
  const s = useAppStore.getState();
  const doc = activeScenario(s);
  const engine = currentEngine();
  const extent = s.dataset?.county ?? s.dataset?.zones;
  const t = (key: 'reportCountyMap' | 'reportChangedMap') => translate(s.locale, key);
  const maps: ReportMap[] = [];
  const county = extent && extent.features.length > 0 ? (bbox(extent) as [number, number, number, number]) : undefined;
  maps.push({ caption: t('reportCountyMap'), png: await printableMapPng({ bounds: county, caption: t('reportCountyMap') }) });
  if (!doc || !engine || doc.edits.length === 0) return maps;
  const changed = await fromEngine(engine.remote.changedAreas(doc.edits));
  const areas: FeatureCollection<MultiPolygon> = { type: 'FeatureCollection', features: changed.features.filter((f) => f.properties?.level === s.level) };
  if (areas.features.length === 0) return maps;
  maps.push({ caption: t('reportChangedMap'), png: await printableMapPng({ bounds: bbox(areas) as [number, number, number, number], caption: t('reportChangedMap'), outline: areas }) });
  return maps;
}
