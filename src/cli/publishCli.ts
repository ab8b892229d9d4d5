import type { Locale } from '../i18n/messages';
import { say } from './printer';
import type { PublishInput } from '../../workers/publicationSet';
import { writePublication } from './publish';

/** The command line's publication options (parseArgs): --publish DIR and the language of its documents. */
export const PUBLISH_OPTIONS = {
  publish: { type: 'string' },
  'publish-lang': { type: 'string' },
} as const;

export const PUBLISH_USAGE = '[--publish <folder> [--publish-lang zh-CN|en]]';

/** The language of the publication: zh-CN (the default) or en; an error naming the option otherwise. */
export function publishLocale(args: { 'publish-lang'?: string }): { locale: Locale } | { error: string } {
  const value = args['publish-lang'];
  if (value === undefined) return { locale: 'zh-CN' };
  if (value === 'zh-CN' || value === 'zh' || value === 'en') return { locale: value === 'en' ? 'en' : 'zh-CN' };
  return { error: `--publish-lang must be zh-CN or en, got "${value}"` };
}

/** The folder given to --publish cannot be written: printed as one line, exit code 1. */
export class PublishError extends Error {}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

/** Writes the publication set into `dir` and says on standard error what was written, its size and time, and the whole time. */
export async function publishTo(dir: string, input: PublishInput): Promise<void> {
  const t0 = performance.now();
  let files;
  try {
    files = await writePublication(dir, input);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === undefined) throw e;
    throw new PublishError(`--publish ${dir}: cannot be written (${code}); the files made so far are not all there`, { cause: e });
  }
  for (const f of files) say(`  ${f.name}: ${kb(f.bytes.length)}, ${(f.ms / 1000).toFixed(2)} s`);
  say(`published ${files.length} files to ${dir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
