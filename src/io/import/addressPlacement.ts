import type { Feature, Geometry, Position } from 'geojson';
import { createAddressMatcher, matchAddress, unitsFromFeatures, type AddressCandidate } from '../../core/address';
import type { UnplacedUnit } from './unitsTable';

/**
 * Why a pupil row could not be placed by its address (read by parseStudents, see ADDRESS_STATUS_COLUMN):
 * 'unplacedUnit' when it names a compound or village whose own row was not loaded (no position).
 */
export type AddressStatus = 'unmatched' | 'ambiguous' | 'noUnits' | 'unplacedUnit';

/** Columns students.csv carries for rows placed (or not) by address: the status and the candidates' text. */
export const ADDRESS_STATUS_COLUMN = 'address_status';
export const ADDRESS_CANDIDATES_COLUMN = 'address_candidates';

/** Where an address puts a pupil: at a unit, or nowhere with the reason and the nearest candidates. */
export type AddressPlacement =
  | { placed: true; unitId: string; lon: number; lat: number }
  | { placed: false; status: AddressStatus; candidates: string };

/** A function placing one address; build with createAddressPlacer. */
export type AddressPlacer = (address: string) => AddressPlacement;

/** A unit's position: its Point, or the middle of the box of its other geometry; undefined when it has none. */
function placeOf(geometry: Geometry | null | undefined): [number, number] | undefined {
  if (!geometry) return undefined;
  if (geometry.type === 'Point') return [geometry.coordinates[0], geometry.coordinates[1]];
  const points: Position[] = [];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') points.push(c as Position);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  if (geometry.type !== 'GeometryCollection') walk(geometry.coordinates);
  if (points.length === 0) return undefined;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

/** The candidates as one text: `name (id)` joined by commas; empty for none. */
const candidateText = (candidates: AddressCandidate[]) => candidates.map((c) => `${c.name} (${c.unitId})`).join(', ');

/**
 * A placer of addresses on the units of `units.geojson` (WGS84 features; units without a position
 * are left out): an address naming a unit (createAddressMatcher) is placed at that unit; one that
 * names several is 'ambiguous'; one that names none is 'unplacedUnit' when it names one of the
 * `unplaced` units (their rows not loaded: the candidates then name that row's file and line), else
 * 'unmatched' with the 3 most similar units; with no units 'noUnits'.
 */
export function createAddressPlacer(unitFeatures: readonly Feature[] | undefined, unplaced: readonly UnplacedUnit[] = []): AddressPlacer {
  const places = new Map<string, [number, number]>();
  const placeable = (unitFeatures ?? []).filter((f) => {
    const place = placeOf(f?.geometry);
    const id = f?.properties?.id;
    if (place === undefined || (typeof id !== 'string' && typeof id !== 'number')) return false;
    places.set(String(id), place);
    return true;
  });
  const units = unitsFromFeatures(placeable);
  // The rows not loaded, by a key of their own: what an address names among them.
  const rows = new Map(unplaced.map((u, i) => [`#${i}`, u]));
  const unplacedMatcher = rows.size === 0 ? undefined : createAddressMatcher([...rows].map(([id, u]) => ({ id, name: u.name, aliases: u.aliases, town: u.town })));
  const namesUnplaced = (address: string): AddressPlacement | undefined => {
    const m = unplacedMatcher && matchAddress(unplacedMatcher, address);
    if (m?.status !== 'matched') return undefined;
    const u = rows.get(m.unitId)!;
    return { placed: false, status: 'unplacedUnit', candidates: `${u.name} (${u.file} line ${u.line})` };
  };
  if (units.length === 0) return (address) => namesUnplaced(address) ?? { placed: false, status: 'noUnits', candidates: '' };
  const matcher = createAddressMatcher(units);
  return (address) => {
    const m = matchAddress(matcher, address);
    if (m.status === 'matched') {
      const [lon, lat] = places.get(m.unitId)!;
      return { placed: true, unitId: m.unitId, lon, lat };
    }
    return (m.status === 'unmatched' ? namesUnplaced(address) : undefined) ?? { placed: false, status: m.status, candidates: candidateText(m.candidates) };
  };
}
