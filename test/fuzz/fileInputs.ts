import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entriesOf, entryFor, parseMappingFile, type DatasetPart, type ImportFile } from '../../src/io/import';
import { CORPUS } from '../fixtures/corpus/manifest';

const root = join(import.meta.dirname, '../..');
const bytes = (path: string) => new Uint8Array(readFileSync(path));

/** A set of valid input files that loads, as the CLI would give them to the reader (parts and choices set). */
export interface InputSet {
  name: string;
  files: ImportFile[];
  /** The mapping file's text, when the set is read with one (--mapping). */
  mapping?: { name: string; text: string };
}

/** The tiny county (test/fixtures/tiny) with one of its parts replaced by a corpus file of another format that loads. */
function tinySets(): InputSet[] {
  const tiny = join(root, 'test/fixtures/tiny');
  const base: ImportFile[] = [
    { name: 'schools.geojson', part: 'schools', bytes: bytes(join(tiny, 'schools.geojson')) },
    { name: 'catchments.geojson', part: 'catchments', bytes: bytes(join(tiny, 'catchments.geojson')) },
    { name: 'students.csv', part: 'students', bytes: bytes(join(tiny, 'students.csv')) },
  ];
  const loading = CORPUS.filter((c) => !('code' in c.expect));
  return [
    { name: 'tiny', files: base },
    ...loading.map((c) => ({
      name: `tiny+${c.file}`,
      files: base.map((f) => (f.part === c.part ? { name: c.file, part: c.part, crs: c.crs, bytes: bytes(join(root, 'test/fixtures/corpus/files', c.file)) } : f)),
    })),
  ];
}

/** The sample county (test/fixtures/sample-county): XLSX, CSV, zipped Shapefile, KML and a county outline, read with its mapping file. */
function sampleCountySet(): InputSet {
  const dir = join(root, 'test/fixtures/sample-county');
  const text = readFileSync(join(dir, 'mapping.json'), 'utf8');
  const choices = parseMappingFile('mapping.json', text);
  const files: ImportFile[] = [];
  for (const part of Object.keys(choices) as DatasetPart[]) {
    entriesOf(choices, part).forEach((e, i) => {
      const name = e.file!;
      const entry = entryFor(choices, part, name, i);
      files.push({ name, part, bytes: bytes(join(dir, 'files', name)), mapping: entry?.columns, level: entry?.level, crs: entry?.crs });
    });
  }
  return { name: 'sample-county', files, mapping: { name: 'mapping.json', text } };
}

/**
 * Shouguang (data/shouguang) with every file of the folder, its pupils cut to the first 1,500
 * rows (the whole file takes seconds to read; its first rows are the same kind of file).
 */
function shouguangSet(): InputSet {
  const dir = join(root, 'data/shouguang');
  const parts: [string, DatasetPart][] = [['schools.geojson', 'schools'], ['catchments.geojson', 'catchments'], ['students.csv', 'students'], ['dataset.json', 'dataset'], ['units.geojson', 'units'], ['county.geojson', 'county'], ['context.geojson', 'context'], ['births.csv', 'births'], ['housing.csv', 'housing']];
  const files = parts.map(([name, part]): ImportFile => {
    if (name !== 'students.csv') return { name, part, bytes: bytes(join(dir, name)) };
    const lines = readFileSync(join(dir, name), 'utf8').split('\n').slice(0, 1501);
    return { name, part, bytes: new TextEncoder().encode(lines.join('\n') + '\n') };
  });
  return { name: 'shouguang', files };
}

let sets: { set: InputSet; weight: number }[] | undefined;

/** Every input set, with how often a case picks it (Shouguang's files are large and slower to read). */
export function inputSets(): { set: InputSet; weight: number }[] {
  sets ??= [...tinySets().map((set) => ({ set, weight: 3 })), { set: sampleCountySet(), weight: 8 }, { set: shouguangSet(), weight: 6 }];
  return sets;
}
