import type { FeatureCollection } from 'geojson';
import { union } from 'polyclip-ts';
import { parseProfile, type StandardsProfile } from '../core/standards';
import type { ZoneEdit } from '../core/zoneEdits';
import type { MultiPolygonCoords } from '../core/zoneState';
import { DataError, parseJsonFile } from './dataError';

/** The scenario file versions this build reads. */
export const SCENARIO_VERSION = 1;

/** A scenario: the base dataset plus an ordered list of edits (versioned JSON). */
export interface Scenario {
  version: typeof SCENARIO_VERSION;
  name: string;
  edits: ZoneEdit[];
  /** The standards profile the scenario is assessed against (national when absent). */
  profile?: StandardsProfile;
}

/**
 * Parses a scenario file's structure: `{ "version": 1, "name": "...", "edits": [ {"op": ...}, ... ] }`.
 * The edits themselves are checked when applied (applyZoneEdit). Throws a DataError naming the file.
 */
export function parseScenario(file: string, text: string): Scenario {
  const json = parseJsonFile(file, text) as Record<string, unknown> | null;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new DataError(file, 'notScenario');
  if (json.version !== SCENARIO_VERSION) throw new DataError(file, 'badVersion', { got: JSON.stringify(json.version), version: SCENARIO_VERSION });
  if (!Array.isArray(json.edits)) throw new DataError(file, 'editsNotList');
  json.edits.forEach((edit, i) => {
    if (typeof edit !== 'object' || edit === null || typeof (edit as { op?: unknown }).op !== 'string') {
      throw new DataError(file, 'editNotObject', { n: i + 1 });
    }
  });
  let profile: StandardsProfile | undefined;
  if (json.profile !== undefined) {
    const parsed = parseProfile(json.profile);
    if ('error' in parsed) throw new DataError(file, 'badProfile', { detail: parsed.error });
    profile = parsed.profile;
  }
  return { version: SCENARIO_VERSION, name: typeof json.name === 'string' ? json.name : '', edits: json.edits as ZoneEdit[], profile };
}

/** The county outline as one MultiPolygon, for clipping edits; undefined without polygons. */
export function countyOutline(county: FeatureCollection | undefined): MultiPolygonCoords | undefined {
  const parts = (county?.features ?? []).flatMap((f) => {
    const g = f.geometry;
    if (g?.type === 'Polygon') return [[g.coordinates] as MultiPolygonCoords];
    if (g?.type === 'MultiPolygon') return [g.coordinates as MultiPolygonCoords];
    return [];
  });
  return parts.length === 0 ? undefined : (union(parts[0], ...parts.slice(1)) as MultiPolygonCoords);
}
