import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computePupilLayout } from '../../src/core/pupilLayout';
import { DEFAULT_RULES, type Rules } from '../../src/core/rules';
import { OPTIONAL_FILES, readDataset, REQUIRED_FILES, type DatasetTexts, type LoadedDataset } from '../../src/io/readDataset';
import { SHARED_RULES, sharedTexts } from '../unit/sharedFixture';
import { messyCountyTexts } from './messyCounty';
import type { Rng } from './prng';

const root = join(import.meta.dirname, '../..');

/** The datasets edit sequences run on, and how often each is chosen (Shouguang's are slow). */
export const EDIT_DATASETS = { messy: 78, tiny: 6, shared: 6, shouguangSample: 9, shouguang: 1 } as const;
export type EditDatasetName = keyof typeof EDIT_DATASETS;

/** A dataset to edit: loaded as the app loads it, with the rules it is loaded under. */
export interface EditDataset {
  name: EditDatasetName;
  loaded: LoadedDataset;
  rules: Rules;
}

const cache = new Map<string, EditDataset>();

function folderTexts(dir: string, files: readonly string[]): DatasetTexts {
  const out: Record<string, string> = {};
  for (const f of files) {
    try {
      out[f] = readFileSync(join(dir, f), 'utf8');
    } catch {
      // An optional file the folder does not have.
    }
  }
  return out as DatasetTexts;
}

const square = (cx: number, cy: number, r: number): [number, number][] => [[cx - r, cy - r], [cx + r, cy - r], [cx + r, cy + r], [cx - r, cy + r], [cx - r, cy - r]];

/**
 * Shouguang with one pupil row in 60 kept, pupils added at every city zone vertex (the boundary
 * rule), and per level an overlapping part, a nested part, a holed part and zones shared by two
 * and by three schools (多校划片) drawn over the city, as a county's file may have them.
 */
function shouguangSampleTexts(): DatasetTexts {
  const dir = join(root, 'data/shouguang');
  const texts = folderTexts(dir, [...REQUIRED_FILES, ...OPTIONAL_FILES]);
  const schools = JSON.parse(texts['schools.geojson']!).features as { properties: { id: string; level: string; ownership: string } }[];
  const zoned = (level: string) => schools.filter((s) => s.properties.ownership === 'public' && (s.properties.level === level || s.properties.level === 'nine_year')).map((s) => s.properties.id);
  const zones = JSON.parse(texts['catchments.geojson']!);
  const city = (f: { geometry: { coordinates: number[][][] | number[][][][] }; properties: { level: string } }) =>
    JSON.stringify(f.geometry.coordinates).match(/\d+\.\d+,\d+\.\d+/g)!.some((p) => {
      const [x, y] = p.split(',').map(Number);
      return x > 118.68 && x < 118.8 && y > 36.84 && y < 36.92;
    });
  const extra: unknown[] = [];
  for (const level of ['primary', 'junior']) {
    const inCity = zones.features.filter((f: { properties: { level: string } }) => f.properties.level === level && city(f as never)).map((f: { properties: { school_id: string } }) => f.properties.school_id);
    const [a, b, c] = inCity;
    const feature = (id: string, coordinates: [number, number][][]) => ({ type: 'Feature', geometry: { type: 'Polygon', coordinates }, properties: { school_id: id, level } });
    extra.push(feature(a, [square(118.74, 36.88, 0.02)]), feature(b, [square(118.7, 36.86, 0.004)]), feature(c, [square(118.78, 36.9, 0.01), square(118.78, 36.9, 0.003)]));
    const ids = zoned(level);
    extra.push(feature(`${ids[0]}、${ids[1]}`, [square(118.745, 36.87, 0.012)]), feature(`${ids[0]}、${ids[1]}、${ids[2]}`, [square(118.76, 36.89, 0.008)]));
  }
  zones.features.push(...extra);
  const vertices = (zones.features as { geometry: { coordinates: unknown } }[]).flatMap((f) => (JSON.stringify(f.geometry.coordinates).match(/-?\d+(\.\d+)?,-?\d+(\.\d+)?/g) ?? []).map((p) => p.split(',').map(Number)))
    .filter(([x, y]) => x > 118.68 && x < 118.8 && y > 36.84 && y < 36.92);
  const lines = texts['students.csv']!.trimEnd().split('\n');
  const kept = [lines[0], ...lines.slice(1).filter((_, i) => i % 60 === 0)];
  vertices.forEach(([x, y], k) => kept.push(`V${k},${x},${y},${k % 2 === 0 ? 2 : 8},,`));
  // Without the county outline: clipping every edit to it takes most of a case's time; the full Shouguang dataset has it.
  return { ...texts, 'catchments.geojson': JSON.stringify(zones), 'students.csv': kept.join('\n') + '\n', 'births.csv': undefined, 'housing.csv': undefined, 'county.geojson': undefined };
}

function cached(key: string, make: () => EditDataset): EditDataset {
  let d = cache.get(key);
  if (!d) {
    d = make();
    cache.set(key, d);
  }
  return d;
}

/**
 * The pupils laid out again on a coarser raster (a small dataset needs no 512 × 512 grid): the
 * engine's answers do not depend on it, and other sizes exercise other cell boundaries.
 */
function regridded(loaded: LoadedDataset, rules: Rules, size: number): LoadedDataset {
  const p = loaded.dataset.pupils;
  const pupils = computePupilLayout({ x: p.x, y: p.y, grade: p.grade, fixedSchool: p.fixedSchool, currentSchool: p.currentSchool, line: p.line, unit: p.unit }, rules, size);
  return { ...loaded, dataset: { ...loaded.dataset, pupils } };
}

/** The named dataset; `messy` is made from the case's random source, the others are the same every time (and cached). */
export function editDataset(name: EditDatasetName, rng: Rng): EditDataset {
  const size = rng.pick([4, 16, 64, 128]);
  if (name === 'messy') {
    const rules: Rules = { ...DEFAULT_RULES, primaryLastGrade: rng.pick([5, 6]), classCap: { primary: rng.pick([10, 45]), junior: rng.pick([12, 50]) } };
    return { name, rules, loaded: regridded(readDataset(messyCountyTexts(rng), rules, 2024), rules, size) };
  }
  if (name === 'tiny') return cached(`${name}${size}`, () => ({ name, rules: DEFAULT_RULES, loaded: regridded(readDataset(folderTexts(join(root, 'test/fixtures/tiny'), REQUIRED_FILES), DEFAULT_RULES, 2024), DEFAULT_RULES, size) }));
  if (name === 'shared') return cached(`${name}${size}`, () => ({ name, rules: SHARED_RULES, loaded: regridded(readDataset(sharedTexts(), SHARED_RULES, 2024), SHARED_RULES, size) }));
  if (name === 'shouguangSample') return cached(name, () => ({ name, rules: DEFAULT_RULES, loaded: readDataset(shouguangSampleTexts(), DEFAULT_RULES, 2020) }));
  return cached(name, () => ({ name, rules: DEFAULT_RULES, loaded: readDataset(folderTexts(join(root, 'data/shouguang'), [...REQUIRED_FILES, ...OPTIONAL_FILES]), DEFAULT_RULES, 2020) }));
}
