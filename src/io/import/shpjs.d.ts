// shpjs 6 ships no types (@types/shpjs describes version 3); this is the part the importer calls.
declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';

  /** A Shapefile's parts: geometry (.shp) and optionally attributes (.dbf), their code page (.cpg text), projection (.prj text). */
  export interface ShapefileParts {
    shp: Uint8Array;
    dbf?: Uint8Array;
    cpg?: string;
    prj?: string;
  }

  /** Reads a Shapefile's parts as GeoJSON, reprojected to WGS84 when the .prj names a projection proj4 knows. */
  export default function getShapefile(parts: ShapefileParts): Promise<FeatureCollection>;
}
