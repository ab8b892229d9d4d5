import type { GeoJSONStoreFeatures, TerraDrawAdapterStyling } from 'terra-draw';
import { px } from './svgLayer';

/** A feature being drawn, with terra-draw's styling of it. */
export interface StyledFeature {
  feature: GeoJSONStoreFeatures;
  style: TerraDrawAdapterStyling;
}

/** One SVG element: its tag and attributes. */
export interface SvgShape {
  tag: 'path' | 'circle';
  attrs: Record<string, string>;
}

type Project = (lngLat: [number, number]) => [number, number];

const KIND_ORDER = { Polygon: 0, LineString: 1, Point: 2 } as const;

/** An SVG path through projected positions, closed (`Z`) for a ring. */
function pathData(positions: number[][], project: Project, closed: boolean): string {
  const d = positions.map((p, i) => {
    const [x, y] = project([p[0], p[1]]);
    return `${i === 0 ? 'M' : 'L'}${px(x)} ${px(y)}`;
  });
  return d.join('') + (closed && d.length > 0 ? 'Z' : '');
}

/**
 * The SVG shapes of the features being drawn, in page pixels of the map (`project`, from
 * longitude/latitude): polygons (fill and outline), lines and points (circles of radius
 * `pointWidth`), drawn in that order, each kind by terra-draw's zIndex — the order the map
 * layers of terra-draw's MapLibre adapter give them.
 */
export function drawShapes(features: StyledFeature[], project: Project): SvgShape[] {
  const kind = (f: StyledFeature) => KIND_ORDER[f.feature.geometry.type as keyof typeof KIND_ORDER] ?? 3;
  const sorted = features.filter((f) => kind(f) < 3).sort((a, b) => kind(a) - kind(b) || a.style.zIndex - b.style.zIndex);
  return sorted.map(({ feature: { geometry: g }, style: s }): SvgShape => {
    if (g.type === 'Polygon') {
      return {
        tag: 'path',
        attrs: {
          d: g.coordinates.map((ring) => pathData(ring, project, true)).join(''),
          'fill-rule': 'evenodd',
          fill: s.polygonFillColor,
          'fill-opacity': String(s.polygonFillOpacity),
          stroke: s.polygonOutlineColor,
          'stroke-width': String(s.polygonOutlineWidth),
          'stroke-opacity': String(s.polygonOutlineOpacity ?? 1),
          'stroke-linejoin': 'round',
        },
      };
    }
    if (g.type === 'LineString') {
      return {
        tag: 'path',
        attrs: {
          d: pathData(g.coordinates, project, false),
          fill: 'none',
          stroke: s.lineStringColor,
          'stroke-width': String(s.lineStringWidth),
          'stroke-opacity': String(s.lineStringOpacity ?? 1),
          'stroke-linejoin': 'round',
          'stroke-linecap': 'round',
          ...(Array.isArray(s.lineStringDash) && { 'stroke-dasharray': s.lineStringDash.join(' ') }),
        },
      };
    }
    const [x, y] = project(g.coordinates as [number, number]);
    return {
      tag: 'circle',
      attrs: {
        cx: px(x),
        cy: px(y),
        r: String(s.pointWidth),
        fill: s.pointColor,
        'fill-opacity': String(s.pointOpacity ?? 1),
        stroke: s.pointOutlineColor,
        'stroke-width': String(s.pointOutlineWidth),
        'stroke-opacity': String(s.pointOutlineOpacity ?? 1),
      },
    };
  });
}
