/**
 * Writes the synthetic Shouguang dataset into data/shouguang/ (or the folder given as the first
 * argument), then checks it. Run from the repository root: npx tsx data/generator/generate.ts
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDataset } from './check.ts';
import { generateBirths, HOUSING } from './demand.ts';
import { finishSchools } from './facilities.ts';
import { NameBook } from './names.ts';
import { writeDataset } from './output.ts';
import { generateHistory, planIntake } from './history.ts';
import { generatePupils } from './pupils.ts';
import { streamFor } from './random.ts';
import { planSchools } from './schools.ts';
import { BASE_YEAR, SEED } from './settings.ts';
import { loadOutlines } from './source.ts';
import { placeAreas } from './towns.ts';
import type { Pupil } from './types.ts';
import { placeUnits } from './units.ts';
import { buildBarriers, buildRoads } from './roads.ts';
import { buildZones } from './zones.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT_DIR = process.argv[2] ?? join(HERE, '..', 'shouguang');

const DATASET = {
  name: '寿光市（合成数据）',
  nameEn: 'Shouguang (synthetic)',
  baseYear: BASE_YEAR,
  synthetic: true,
  seed: SEED,
  note:
    'Synthetic data made by data/generator from a fixed seed: school positions, zones, compounds, villages, ' +
    'facilities and every pupil are invented; no published pupil counts or school locations were used. ' +
    'Real: the county and neighbouring outlines (DataV GeoAtlas via tnnevol/gmap, converted from GCJ-02 to ' +
    'WGS84), the names of the sub-districts and towns, and the schools named in Shouguang\'s 2020 plan. ' +
    'The road network, the course of the Mi River (弥河) and of the railway are invented too (roads.geojson, barriers.geojson).',
};

/** Pupils per grade (index 0 = grade 1) of each school under the contract's rule. */
function enrollment(pupils: readonly Pupil[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const p of pupils) {
    let counts = out.get(p.attends);
    if (!counts) {
      counts = [0, 0, 0, 0, 0, 0, 0, 0, 0];
      out.set(p.attends, counts);
    }
    counts[p.grade - 1] = (counts[p.grade - 1] ?? 0) + 1;
  }
  return out;
}

function main(): void {
  const started = performance.now();
  const outlines = loadOutlines(join(HERE, 'source'));
  const areas = placeAreas(outlines.county);
  const names = new NameBook(streamFor(SEED, 'names'));
  const plans = planSchools(SEED, outlines.county, areas, names);
  const zones = buildZones(plans, outlines.county, SEED);
  const units = placeUnits(SEED, outlines.county, areas, plans, zones, names);
  const urban = new Set(areas.filter((a) => a.urban).map((a) => a.name));
  const pupils = generatePupils(SEED, outlines.county, plans, zones, units, urban);
  const schools = finishSchools(SEED, plans, enrollment(pupils));
  // Roads come last, from their own stream: the files written before them do not change.
  const barriers = buildBarriers(streamFor(SEED, 'roads'));
  const roads = buildRoads(outlines.county, areas, units, barriers.river);
  const written = writeDataset(OUT_DIR, {
    dataset: DATASET,
    county: outlines.county.feature,
    context: outlines.context,
    schools,
    zones,
    units,
    pupils,
    births: generateBirths(streamFor(SEED, 'births'), units, pupils),
    housing: HOUSING,
    history: generateHistory(streamFor(SEED, 'history'), plans, pupils),
    intakePlan: planIntake(schools),
    roads,
    barriers: barriers.features,
  });
  console.log(`wrote ${written.length} files to ${OUT_DIR} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (!checkDataset(OUT_DIR)) process.exit(1);
}

main();
