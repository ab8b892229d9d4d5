// shpjs ships no types; this declares the one function the tests use (shpjs 6).
declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';
  export type NamedFeatureCollection = FeatureCollection & { fileName: string };
  export function parseZip(zip: ArrayBuffer | Uint8Array): Promise<NamedFeatureCollection | NamedFeatureCollection[]>;
}
