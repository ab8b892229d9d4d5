/**
 * Whether the point (x, y) lies inside a closed ring (degrees), by ray casting: a ray to the east
 * crosses the ring an odd number of times. A point on the ring may go either way.
 */
export function ringContains(ring: [number, number][], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
