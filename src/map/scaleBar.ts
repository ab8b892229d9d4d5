/** Metres per CSS pixel of a web-Mercator map at a latitude (degrees) and zoom (512 px tiles, as MapLibre). */
export function metresPerPixel(latitude: number, zoom: number): number {
  return (40_075_016.686 * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/**
 * A scale bar no longer than `maxPx`: the longest round length (1, 2 or 5 × a power of ten metres)
 * that fits, its length in pixels and its label ("500 m", "2 km").
 */
export function computeScaleBar(metresPerPx: number, maxPx: number): { metres: number; px: number; label: string } {
  const most = metresPerPx * maxPx;
  const power = 10 ** Math.floor(Math.log10(most));
  const metres = [5, 2, 1].map((k) => k * power).find((m) => m <= most) ?? power;
  return { metres, px: metres / metresPerPx, label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` };
}
