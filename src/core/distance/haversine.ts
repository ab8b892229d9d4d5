/** Mean Earth radius in metres (IUGG R1), used by every distance of the tool. */
export const EARTH_RADIUS_M = 6_371_008.8;

const RAD = Math.PI / 180;

/**
 * Great-circle distance in metres between two longitude/latitude points in degrees, by the
 * haversine formula on a sphere of EARTH_RADIUS_M. Positions are the dataset's (WGS84 after import;
 * a GCJ-02 offset of a few hundred metres changes a distance by well under 0.1%).
 */
export function haversineM(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Metres per degree of longitude and of latitude near latitude `lat` (local equirectangular scale). */
export function metresPerDegree(lat: number): { x: number; y: number } {
  const y = EARTH_RADIUS_M * RAD;
  return { x: y * Math.cos(lat * RAD), y };
}
