import type { Map as MapLibreMap } from 'maplibre-gl';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A pixel position as written into SVG: rounded to a tenth of a pixel. */
export const px = (n: number): string => (Math.round(n * 10) / 10).toString();

/** An SVG element of the namespace SVG needs (`tag`: svg, path, circle …). */
export const svgElement = <K extends keyof SVGElementTagNameMap>(tag: K): SVGElementTagNameMap[K] => document.createElementNS(SVG_NS, tag);

/** An empty SVG layer of CSS class `className`, to lay over the map (see .draw-overlay, .vertex-drag-edges). */
export function createSvgLayer(className: string): SVGSVGElement {
  const svg = svgElement('svg');
  svg.classList.add(className);
  return svg;
}

/** Where a longitude, latitude is on `map`, in pixels of its container: what the SVG layers draw at. */
export function mapPixels(map: MapLibreMap): (lngLat: [number, number]) => [number, number] {
  return (lngLat) => {
    const { x, y } = map.project(lngLat);
    return [x, y];
  };
}
