import '@vitest/web-worker';
import * as Comlink from 'comlink';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createEngineApi, type EngineApi } from '../../workers/engineApi';
import type { StagedFile } from '../../workers/loadContract';
import { DEFAULT_RULES } from '../../src/core/rules';
import { simulate } from '../../src/core/scenarioRun';
import { readDataset } from '../../src/io/readDataset';

const dir = join(import.meta.dirname, '../fixtures/tiny');
const bytes = (f: string) => {
  const b = readFileSync(join(dir, f));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

describe('engine worker (comlink, real Worker API)', () => {
  const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module' });
  const remote = Comlink.wrap<EngineApi>(worker);
  afterAll(() => worker.terminate());

  it('loads transferred buffers, keeps the dataset resident and simulates like the core', async () => {
    const files: StagedFile[] = ['schools.geojson', 'catchments.geojson', 'students.csv'].map((name) => ({ name, bytes: bytes(name) }));
    const steps: string[] = [];
    const outcome = await remote.load(Comlink.transfer(files, files.map((f) => f.bytes)), [], Comlink.proxy((step: string) => void steps.push(step)));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.summary.rowsRead).toBe(19);
    expect(outcome.summary.pupilsLoaded).toBe(13);
    // The 6 rejected rows are in the validation report, computed in the worker.
    expect(outcome.report.items.filter((i) => i.kind === 'rows' && !i.loaded).reduce((n, i) => n + (i.kind === 'rows' ? i.count : 0), 0)).toBe(6);
    // Progress comes over its own message port, so it may arrive after the answer.
    // Each step may report several fractions (reading reports per file): the steps in order, once each.
    await vi.waitFor(() => expect(steps.filter((s, i) => s !== steps[i - 1])).toEqual(['read', 'schools', 'zones', 'students', 'index', 'validate']));

    const texts = Object.fromEntries(['schools.geojson', 'catchments.geojson', 'students.csv'].map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    const expected = simulate(readDataset(texts, DEFAULT_RULES, new Date().getFullYear()).dataset, DEFAULT_RULES);
    const first = await remote.simulate();
    expect(first.result).toEqual(expected);
    // Resident: a second call needs no data and gives the same answer.
    expect((await remote.simulate()).result).toEqual(expected);

    // 13 pupils are fewer than the cap: every one comes back, whatever the view, 3 outside every zone.
    const dots = await remote.pupilDots({ west: 0, south: 0, east: 1, north: 1, pixelDeg: 1e-5, cap: 100 });
    expect(dots).toMatchObject({ kind: 'all', cellDeg: 0 });
    expect(dots.lonLat).toBeInstanceOf(Float32Array);
    expect(dots.lonLat.length).toBe(26);
    expect([...dots.outside].filter((o) => o === 1)).toHaveLength(3);
    const density = await remote.pupilDensity();
    expect([...density.count].reduce((a, c) => a + c, 0)).toBe(13);
  });

  it('reads picked files itself (off the page\u2019s thread) and loads them as the same bytes; a file that cannot be read is the failure, naming it', async () => {
    const names = ['schools.geojson', 'catchments.geojson', 'students.csv'];
    const picked = names.map((name) => ({ name, blob: new Blob([bytes(name)]) }));
    expect(await remote.stagePicked(picked)).toBeUndefined();
    const fromPicked = await remote.load(undefined);
    const fromBytes = await remote.load(names.map((name) => ({ name, bytes: bytes(name) })));
    expect({ ...fromPicked, summary: { ...(fromPicked as { summary: object }).summary, loadMs: 0 } }).toEqual({ ...fromBytes, summary: { ...(fromBytes as { summary: object }).summary, loadMs: 0 } });
    expect(fromPicked.ok && fromPicked.summary.pupilsLoaded).toBe(13);
    // A picked file gone before it is read (its reading rejects in the worker).
    const gone = { name: 'students.csv', blob: new Blob([bytes('students.csv')]).slice(0, 10, 'text/csv') };
    Object.defineProperty(gone.blob, 'arrayBuffer', { value: () => Promise.reject(new Error('file moved')) });
    expect(await createEngineApi().stagePicked([picked[0], gone])).toEqual({ ok: false, file: 'students.csv', detail: 'file moved' });
  });

  it('answers a bad file with the file and the problem, not an exception', async () => {
    const enc = new TextEncoder();
    const outcome = await remote.load([
      { name: 'schools.geojson', bytes: enc.encode('{"type":"FeatureCollection","features":[').buffer as ArrayBuffer },
      { name: 'catchments.geojson', bytes: bytes('catchments.geojson') },
      { name: 'students.csv', bytes: bytes('students.csv') },
    ]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.file).toBe('schools.geojson');
    // The detail quotes the JSON parser's own words, which differ between Node versions.
    expect(outcome.problem?.code).toBe('badJson');
    expect(outcome.detail).toMatch(/^not valid JSON \(.+\)$/);
  });
});
