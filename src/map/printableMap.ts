import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { formatDate, translate } from '../i18n/format';
import { useAppStore } from '../store/store';
import { legendEntries } from './legendEntries';
import { warningYearOf } from './warningTiers';
import { shownMap } from './mapImage';
import { computeScaleBar, metresPerPixel } from './scaleBar';

/** What a printed map shows beyond the view on screen. */
export interface PrintOptions {
  /** [west, south, east, north] degrees to frame instead of the view on screen (the view is restored after). */
  bounds?: [number, number, number, number];
  /** A line under the title (e.g. "改动区域"). */
  caption?: string;
  /** Areas outlined on this map only (the changed areas of the report). */
  outline?: FeatureCollection;
}

const HEADER = 62;
const FOOTER = 26;
const INK = '#1f2933';

/** The map's canvas copied as drawn, inside a render event (its buffer is not kept between frames). */
function copyCanvas(map: MapLibreMap): Promise<HTMLCanvasElement> {
  return new Promise((resolve) => {
    map.once('render', () => {
      const src = map.getCanvas();
      const copy = Object.assign(document.createElement('canvas'), { width: src.width, height: src.height });
      copy.getContext('2d')!.drawImage(src, 0, 0);
      resolve(copy);
    });
    map.triggerRepaint();
  });
}

/** The view framed on `bounds` once drawn (the tiles of the new view loaded), then the planner's view again. */
async function copyFramed(map: MapLibreMap, { bounds, outline }: PrintOptions): Promise<HTMLCanvasElement> {
  if (!bounds && !outline) return copyCanvas(map);
  const camera = { center: map.getCenter(), zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
  const flash = map.getSource('flash') as GeoJSONSource | undefined;
  const idle = new Promise((resolve) => map.once('idle', resolve));
  if (outline) flash?.setData(outline);
  if (bounds) map.fitBounds(bounds, { padding: 40, maxZoom: 15, animate: false });
  else map.triggerRepaint();
  await idle;
  try {
    return await copyCanvas(map);
  } finally {
    if (outline) flash?.setData({ type: 'FeatureCollection', features: [] });
    map.jumpTo(camera);
  }
}

/** A north arrow at (x, y) (its centre), `size` px tall, turned with the map's bearing (degrees). */
function drawNorthArrow(g: CanvasRenderingContext2D, x: number, y: number, size: number, bearing: number, label: string): void {
  g.save();
  g.translate(x, y);
  g.rotate((-bearing * Math.PI) / 180);
  g.fillStyle = 'rgba(255,255,255,0.9)';
  g.beginPath();
  g.arc(0, 0, size * 0.62, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = INK;
  g.beginPath();
  g.moveTo(0, -size * 0.45);
  g.lineTo(size * 0.2, size * 0.3);
  g.lineTo(0, size * 0.15);
  g.lineTo(-size * 0.2, size * 0.3);
  g.closePath();
  g.fill();
  g.font = `bold ${Math.round(size * 0.3)}px sans-serif`;
  g.textAlign = 'center';
  g.fillText(label, 0, -size * 0.5);
  g.restore();
}

/**
 * The map as a bureau prints it, as a PNG: a title (dataset, level, scenario), the colouring and
 * year shown, the date, "synthetic data" when the dataset is synthetic, and on the map a legend,
 * a scale bar and a north arrow. `bounds` frames another view (the county, the changed area).
 */
export async function printableMapPng(options: PrintOptions = {}): Promise<Blob> {
  const map = shownMap();
  if (!map) throw new Error('no map');
  const s = useAppStore.getState();
  const { locale } = s;
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(locale, key, vars);
  const shot = await copyFramed(map, options);
  const dpr = shot.width / map.getContainer().clientWidth;
  const px = (v: number) => Math.round(v * dpr);
  const out = Object.assign(document.createElement('canvas'), { width: shot.width, height: shot.height + px(HEADER + FOOTER) });
  const g = out.getContext('2d')!;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, out.width, out.height);
  g.drawImage(shot, 0, px(HEADER));
  g.strokeStyle = '#90a4ae';
  g.lineWidth = px(1);
  g.strokeRect(0, px(HEADER), shot.width, shot.height);

  const d = s.dataset;
  const datasetName = d ? (locale === 'en' ? (d.nameEn ?? d.name) : d.name) : '';
  const scenario = s.scenarios.find((x) => x.id === s.activeScenarioId)?.name ?? '';
  const year = s.viewYear ?? d?.baseYear;
  const font = (size: number, bold = false) => `${bold ? 'bold ' : ''}${px(size)}px 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif`;
  g.fillStyle = INK;
  g.textBaseline = 'alphabetic';
  g.font = font(19, true);
  g.fillText(t('mapTitle', { dataset: datasetName, level: t(s.level) }), px(14), px(27));
  g.font = font(12.5);
  const colouring = s.colorBy === 'utilization' ? t('byUtilization') : s.colorBy === 'warning' ? t('byWarning') : s.colorBy === 'distance' ? t('byDistance') : t('byCompliance');
  const sub = [scenario, options.caption, colouring, year !== undefined ? t('mapYear', { year }) : undefined].filter(Boolean).join(' · ');
  g.fillText(sub, px(14), px(50));
  if (d?.synthetic) {
    g.font = font(13, true);
    g.fillStyle = '#d46b08';
    g.textAlign = 'right';
    g.fillText(t('syntheticNote'), out.width - px(14), px(27));
    g.textAlign = 'left';
  }
  g.fillStyle = '#52606d';
  g.font = font(11.5);
  g.fillText(t('mapMade', { date: formatDate(locale, Date.now()) }), px(14), out.height - px(9));

  // Legend, bottom right of the map.
  const entries = legendEntries(s.colorBy, locale, s.profile.warning);
  const title = s.colorBy === 'utilization' ? t('legendUtilShort') : s.colorBy === 'warning' ? t('legendWarning', { year: warningYearOf(s) ?? '' }) : s.colorBy === 'distance' ? t('legendDistance') : t('legendCompliance');
  g.font = font(12);
  const w = Math.max(g.measureText(title).width, ...entries.map((e) => g.measureText(e.label).width + px(20))) + px(16);
  const h = px(22 + entries.length * 17 + 6);
  const lx = out.width - w - px(10);
  const ly = px(HEADER) + shot.height - h - px(10);
  g.fillStyle = 'rgba(255,255,255,0.94)';
  g.fillRect(lx, ly, w, h);
  g.strokeStyle = '#b0bec5';
  g.strokeRect(lx, ly, w, h);
  g.fillStyle = INK;
  g.font = font(12, true);
  g.fillText(title, lx + px(8), ly + px(16));
  g.font = font(12);
  entries.forEach((e, i) => {
    const y = ly + px(24 + i * 17);
    g.fillStyle = e.color;
    g.fillRect(lx + px(8), y, px(12), px(12));
    g.fillStyle = INK;
    g.fillText(e.label, lx + px(26), y + px(11));
  });

  // Scale bar, bottom left; north arrow, top right.
  const bar = computeScaleBar(metresPerPixel(map.getCenter().lat, map.getZoom()), 140);
  const bx = px(16);
  const by = px(HEADER) + shot.height - px(22);
  g.fillStyle = 'rgba(255,255,255,0.9)';
  g.fillRect(bx - px(6), by - px(20), px(bar.px + 12), px(30));
  g.fillStyle = INK;
  g.fillRect(bx, by, px(bar.px), px(4));
  g.fillRect(bx, by - px(5), px(1.5), px(9));
  g.fillRect(bx + px(bar.px) - px(1.5), by - px(5), px(1.5), px(9));
  g.font = font(11.5);
  g.fillText(bar.label, bx, by - px(8));
  drawNorthArrow(g, out.width - px(34), px(HEADER + 38), px(34), map.getBearing(), t('north'));

  return new Promise((resolve, reject) => out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('empty map image'))), 'image/png'));
}
