// Between a worker's own name and the URL of the dataset it fetches at its start.
const PREFETCH = ' prefetch:';

/**
 * The name an engine worker is started with: `id` (unique; its life lock's name, see lifeLock),
 * and the stored dataset it is to fetch at its start when one is given (see prefetchUrlOf).
 */
export function engineWorkerName(id: string, prefetchUrl?: string): string {
  return prefetchUrl ? `${id}${PREFETCH}${prefetchUrl}` : id;
}

/** The URL of the stored dataset an engine worker named `name` fetches at its start, if any. */
export function prefetchUrlOf(name: string): string | undefined {
  const at = name.indexOf(PREFETCH);
  return at < 0 ? undefined : name.slice(at + PREFETCH.length);
}
