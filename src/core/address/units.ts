import type { Feature } from 'geojson';

/** A compound (小区) or village (村) an address can name. */
export interface AddressUnit {
  id: string;
  name: string;
  /** Other names the unit goes by. */
  aliases?: readonly string[];
  /** Its town or sub-district (镇, 街道), which tells apart units of the same name. */
  town?: string;
  kind?: string;
}

const LIST_SEPARATORS = /[,，、;；|/]/;

function namesOf(v: unknown): string[] {
  if (typeof v === 'string') return v.split(LIST_SEPARATORS).map((s) => s.trim()).filter((s) => s !== '');
  if (Array.isArray(v)) return v.flatMap(namesOf);
  return [];
}

/**
 * The units of `units.geojson` features: properties `id` and `name` (features lacking either are
 * skipped), `alias` / `aliases` (a string, a list, or names separated by , ， 、 ; ； | /), `town`, `kind`.
 */
export function unitsFromFeatures(features: readonly Feature[]): AddressUnit[] {
  const units: AddressUnit[] = [];
  for (const f of features) {
    const p = (f?.properties ?? {}) as Record<string, unknown>;
    const id = typeof p.id === 'number' ? String(p.id) : p.id;
    if (typeof id !== 'string' || id === '' || typeof p.name !== 'string' || p.name.trim() === '') continue;
    units.push({
      id,
      name: p.name.trim(),
      aliases: [...namesOf(p.alias), ...namesOf(p.aliases)],
      town: typeof p.town === 'string' && p.town !== '' ? p.town : undefined,
      kind: typeof p.kind === 'string' ? p.kind : undefined,
    });
  }
  return units;
}
