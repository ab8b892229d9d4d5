import { write } from '@mapbox/shp-write';
import { rewind } from '@turf/turf';
import type { MultiPolygon } from 'geojson';
import JSZip from 'jszip';
import type { School } from '../../core/dataset';
import { ZONE_LEVELS, type ZoneLevel } from '../../core/rules';
import type { ZoneState } from '../../core/zoneState';
import { computeZoneExport } from './zonesGeoJson';

/** The WGS84 geographic coordinate system in the ESRI WKT that ArcGIS and QGIS read from a .prj. */
const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

/** Bytes of a DBF character field (the `dbf` writer's fixed size). */
const DBF_TEXT_BYTES = 254;

/** One shapefile layer: a DBF row (field names ≤ 10 characters) and a polygon per zone. */
export interface ShapefileLayer {
  level: ZoneLevel;
  rows: { school_id: string; name: string; level: ZoneLevel }[];
  /** MultiPolygon coordinates with outer rings clockwise and holes counter-clockwise, as shapefiles require. */
  polygons: MultiPolygon['coordinates'][];
}

/**
 * Text as a string of its UTF-8 bytes (one char per byte, ≤ maxBytes, whole characters only):
 * the `dbf` writer stores each char code as one byte, so this is how UTF-8 text reaches the file.
 */
function utf8Bytes(text: string, maxBytes: number): string {
  let out = '';
  for (const ch of text) {
    const bytes = encodeURIComponent(ch).replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (out.length + bytes.length > maxBytes) break;
    out += bytes;
  }
  return out;
}

/** The zones of a state as one shapefile layer per level that has zones, primary first. */
export function computeShapefileLayers(state: ZoneState, schools: School[]): ShapefileLayer[] {
  const { features } = computeZoneExport(state, schools);
  return ZONE_LEVELS.map((level) => {
    const ofLevel = features.filter((f) => f.properties.level === level);
    return {
      level,
      rows: ofLevel.map((f) => f.properties),
      // turf's declared return type is the union of every GeoJSON type; a MultiPolygon stays one.
      polygons: ofLevel.map((f) => (rewind(f.geometry, { reverse: true }) as MultiPolygon).coordinates),
    };
  }).filter((layer) => layer.rows.length > 0);
}

/**
 * The zones as a zipped shapefile: per level with zones, `primary` / `junior` .shp, .shx, .dbf
 * (fields school_id, name, level in UTF-8), .prj (WGS84) and .cpg ("UTF-8").
 */
export async function buildZonesShapefileZip(state: ZoneState, schools: School[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const layer of computeShapefileLayers(state, schools)) {
    const rows = layer.rows.map((r) => ({ school_id: utf8Bytes(r.school_id, DBF_TEXT_BYTES), name: utf8Bytes(r.name, DBF_TEXT_BYTES), level: r.level }));
    // shp-write calls back before `write` returns, so the files are in the zip before it is generated.
    write(rows, 'POLYGON', layer.polygons, (_, files) => {
      zip.file(`${layer.level}.shp`, files.shp.buffer);
      zip.file(`${layer.level}.shx`, files.shx.buffer);
      zip.file(`${layer.level}.dbf`, files.dbf.buffer);
    });
    zip.file(`${layer.level}.prj`, WGS84_PRJ);
    zip.file(`${layer.level}.cpg`, 'UTF-8');
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
