import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPublication, type PublishedFile, type PublishInput } from '../../workers/publicationSet';

/** Writes the publication set into `dir` (made when missing); the files written. */
export async function writePublication(dir: string, input: PublishInput): Promise<PublishedFile[]> {
  const files = await buildPublication(input);
  mkdirSync(dir, { recursive: true });
  for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
  return files;
}
