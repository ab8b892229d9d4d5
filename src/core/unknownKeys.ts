/** A key of a JSON object that the reader does not know, and the known key nearest to it. */
export interface UnknownKey {
  key: string;
  nearest: string;
}

/** Levenshtein distance between two strings (insertions, deletions and substitutions cost 1). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The known key nearest to `key`: first the keys that contain it or that it contains, ignoring case
 * (`roomArea` finds `roomAreaPerStudent`, `phasein` finds `phaseIn`), then the fewest edits ignoring
 * case, then the fewest edits as written, then the first in `known`. `known` must not be empty.
 */
export function nearestKey(key: string, known: readonly string[]): string {
  const lower = key.toLowerCase();
  const score = (k: string) => {
    const l = k.toLowerCase();
    return [l.includes(lower) || lower.includes(l) ? 0 : 1, editDistance(lower, l), editDistance(key, k)];
  };
  let best = known[0];
  let bestScore = score(best);
  for (const k of known.slice(1)) {
    const s = score(k);
    const i = s.findIndex((v, j) => v !== bestScore[j]);
    if (i >= 0 && s[i] < bestScore[i]) [best, bestScore] = [k, s];
  }
  return best;
}

/**
 * The first key of `json` (in its own order) that is not in `known`, with the nearest known key;
 * undefined when every key is known. A misspelt key would otherwise be ignored without a word.
 */
export function findUnknownKey(json: object, known: readonly string[]): UnknownKey | undefined {
  const key = Object.keys(json).find((k) => !known.includes(k));
  return key === undefined ? undefined : { key, nearest: nearestKey(key, known) };
}
