import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import loadHighs from 'highs';
import type { BoundModel } from '../../src/core/balance/boundModel';

/** A lower bound from HiGHS with how it was found. */
export interface LowerBound {
  bound: number;
  /** The best plan HiGHS found without contiguity (its objective), when it found one. */
  incumbent?: number;
  /** HiGHS' model status code (7 optimal, 13 time limit reached; see statusName). */
  status: string;
  seconds: number;
  /** Where the figure came from this run: solved now, or read from the cache. */
  source: 'solved' | 'cache';
}

const STATUS_NAMES: Record<string, string> = { '7': 'optimal', '8': 'infeasible', '13': 'time limit reached', '14': 'iteration limit reached' };

/** HiGHS' model status code in words. */
export function statusName(code: string): string {
  return STATUS_NAMES[code] ?? `status ${code}`;
}

/** A hash of the model's arrays: the cache key. */
export function hashModel(model: BoundModel): string {
  const h = createHash('sha256');
  h.update(`${model.numCols} ${model.numRows}`);
  for (const a of [model.colCost, model.colLower, model.colUpper, model.rowLower, model.rowUpper, model.matrix.starts, model.matrix.indices, model.matrix.values, model.integrality]) {
    h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  }
  return h.digest('hex');
}

/**
 * The MILP's dual bound (its optimum when solved to the end, else the best proven bound within
 * `timeLimitS`), cached in `cacheFile` by the model's hash unless `recompute`.
 */
export async function lowerBound(model: BoundModel, cacheFile: string, timeLimitS: number, recompute: boolean): Promise<LowerBound> {
  const key = hashModel(model);
  const cache: Record<string, Omit<LowerBound, 'source'>> = existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) : {};
  if (!recompute && cache[key]) return { ...cache[key], source: 'cache' };
  const highs = await loadHighs();
  const inf = highs.infinity;
  const fin = (a: Float64Array) => Float64Array.from(a, (v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
  const t0 = performance.now();
  const m = highs.createModel({
    numCols: model.numCols,
    numRows: model.numRows,
    colCost: model.colCost,
    colLower: fin(model.colLower),
    colUpper: fin(model.colUpper),
    rowLower: fin(model.rowLower),
    rowUpper: fin(model.rowUpper),
    matrix: model.matrix,
    integrality: model.integrality as unknown as Int32Array,
  });
  try {
    m.options.set({ output_flag: false, time_limit: timeLimitS });
    m.run();
    const status = String(m.getModelStatus());
    const info = m.info.get('mip_dual_bound') as number;
    const incumbent = m.getObjectiveValue();
    const result = { bound: Number(info), incumbent, status, seconds: (performance.now() - t0) / 1000 };
    cache[key] = result;
    writeFileSync(cacheFile, `${JSON.stringify(cache, null, 1)}\n`);
    return { ...result, source: 'solved' };
  } finally {
    m.dispose();
  }
}
