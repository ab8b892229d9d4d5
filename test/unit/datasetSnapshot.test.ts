import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { withLimits, type Limits } from '../../src/core/limits';
import { DEFAULT_RULES, type Rules } from '../../src/core/rules';
import { OPTIONAL_FILES, REQUIRED_FILES } from '../../src/io/readDataset';
import { buildDatasetSnapshot, openDatasetSnapshot } from '../../src/io/snapshot/datasetSnapshot';
import { decodeStructured, encodeStructured } from '../../src/io/snapshot/structuredBytes';
import { createEngineApi } from '../../workers/engineApi';
import type { LoadOutcome } from '../../workers/loadContract';
import { engineWorkerName, prefetchUrlOf } from '../../workers/engineWorkerName';
import type { ZoneEdit } from '../../src/core/zoneEdits';

const root = join(import.meta.dirname, '../..');

describe('structured bytes', () => {
  it('gives back an equal value: special numbers, holes of meaning, Maps, Sets and typed arrays of odd lengths', () => {
    const value = {
      n: [1.5, -0, NaN, Infinity, -Infinity, 2 ** 53, 5e-324],
      s: ['', '学区', '{"$":"o"}'],
      u: [undefined, null, true, false],
      m: new Map<unknown, unknown>([[1, 'a'], ['1', 'b'], [null, new Set([3, 'x'])]]),
      t: [new Uint8Array([1, 2, 3]), new Float64Array([0.1, NaN, -0]), new Int32Array([-1, 2 ** 31 - 1]), new Float32Array([1.25]), new Uint16Array(0)],
      $: { $: 'r', i: 0 },
    };
    const back = decodeStructured(encodeStructured(value)) as typeof value;
    expect(back).toEqual(value);
    expect(Object.is(back.n[1], -0)).toBe(true);
    expect(Object.is((back.t[1] as Float64Array)[2], -0)).toBe(true);
    expect(back.t.map((a) => a.constructor.name)).toEqual(['Uint8Array', 'Float64Array', 'Int32Array', 'Float32Array', 'Uint16Array']);
  });

  it('keeps shared and cyclic references shared, and a "__proto__" key a key', () => {
    const shared = { x: new Float64Array([1, 2]) };
    const cyclic: { self?: unknown; list: unknown[] } = { list: [] };
    cyclic.self = cyclic;
    cyclic.list.push(cyclic, shared.x);
    const hostile = JSON.parse('{"__proto__": {"polluted": 1}}');
    const back = decodeStructured(encodeStructured({ a: shared, b: shared, cyclic, hostile })) as { a: typeof shared; b: typeof shared; cyclic: typeof cyclic; hostile: Record<string, unknown> };
    expect(back.a).toBe(back.b);
    expect(back.cyclic.self).toBe(back.cyclic);
    expect(back.cyclic.list[0]).toBe(back.cyclic);
    expect(back.cyclic.list[1]).toBe(back.a.x);
    expect(Object.getPrototypeOf(back.hostile)).toBe(Object.prototype);
    expect(Object.keys(back.hostile)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads an encoding that starts at an unaligned offset, and refuses what is not one', () => {
    const bytes = encodeStructured({ x: new Float64Array([3.5]) });
    const unaligned = new Uint8Array(bytes.length + 3).subarray(3);
    unaligned.set(bytes);
    expect(decodeStructured(unaligned)).toEqual({ x: new Float64Array([3.5]) });
    expect(() => decodeStructured(new TextEncoder().encode('pupils,lon,lat'))).toThrow('not a snapshot');
    expect(() => decodeStructured(bytes.subarray(0, 20))).toThrow('truncated');
    expect(() => encodeStructured({ d: new Date(0) })).toThrow('Date');
    expect(() => encodeStructured({ f: () => 1 })).toThrow('function');
  });
});

describe('the embedded dataset opened from its snapshot', () => {
  const files = () => [...REQUIRED_FILES, ...OPTIONAL_FILES].map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(root, 'data/shouguang', name))) }));
  let snapshot: Uint8Array;
  beforeAll(async () => {
    snapshot = await buildDatasetSnapshot(files(), DEFAULT_RULES);
  }, 120_000);

  const withoutTime = (o: LoadOutcome) => (o.ok ? { ...o, summary: { ...o.summary, loadMs: 0 } } : o);

  it('is what the engine makes of the files: summary, report and every school’s numbers, under either overlap rule', async () => {
    for (const overlapRule of ['smallestZone', 'fileOrder'] as const) {
      const rules: Rules = { ...DEFAULT_RULES, overlapRule };
      const fromFiles = createEngineApi(rules);
      const fromSnapshot = createEngineApi(rules);
      const read = await fromFiles.load(files().map((f) => ({ name: f.name, bytes: f.bytes.slice().buffer })));
      const opened = fromSnapshot.loadSnapshot(snapshot.slice().buffer);
      expect(read.ok).toBe(true);
      expect(withoutTime(opened)).toEqual(withoutTime(read));
      expect(fromSnapshot.simulate().result).toEqual(fromFiles.simulate().result);
      expect(fromSnapshot.pupilDensity()).toEqual(fromFiles.pupilDensity());
    }
  }, 120_000);

  it('opens under the county’s own limits, set before or after, as the files read under them; the numbers follow the limits', async () => {
    const limits: Limits = { classCap: { primary: 40, junior: 45 }, maxSchoolSize: 1500, maxNineYearSchoolSize: 2000, largeClassMin: 46, extraLargeClassMin: 56 };
    const fromFiles = createEngineApi(withLimits(DEFAULT_RULES, limits));
    await fromFiles.load(files().map((f) => ({ name: f.name, bytes: f.bytes.slice().buffer })));
    const before = createEngineApi();
    before.setRuleSettings({ overlapRule: 'smallestZone', limits });
    expect(before.loadSnapshot(snapshot.slice().buffer).ok).toBe(true);
    const after = createEngineApi();
    after.loadSnapshot(snapshot.slice().buffer);
    const national = after.simulate().result;
    after.setRuleSettings({ overlapRule: 'smallestZone', limits });
    const local = fromFiles.simulate().result;
    expect(before.simulate().result).toEqual(local);
    expect(after.simulate().result).toEqual(local);
    // 圣城小学: the same pupils need more rooms under a cap of 40 than of 45; oversized from 1,500 pupils (nine-year schools from 2,000).
    const p01 = (r: typeof local) => r.schools.find((x) => x.id === 'P01')!;
    expect(p01(local).enrollment).toBe(p01(national).enrollment);
    expect(p01(local).utilization).toBeGreaterThan(p01(national).utilization!);
    for (const school of local.schools) expect(school.oversize).toBe(school.enrollment > (school.level === 'nine_year' ? 2000 : 1500));
    expect(local.summary.oversizeSchools).toBeGreaterThan(national.summary.oversizeSchools);
    expect(local.summary.largeClasses).not.toBe(national.summary.largeClasses);
  }, 120_000);

  it('is fetched by the worker itself from its URL (the app passes the embedded one), stored gzip-compressed or not, and a URL that fails is a load failure naming it', async () => {
    const packed = gzipSync(snapshot);
    const asked: string[] = [];
    const server = createServer((req, res) => {
      asked.push(req.url ?? '');
      if (req.url === '/data/shouguang.snapshot') res.end(snapshot);
      // The stored .gz, sent as it is or with Content-Encoding (then the client unpacks it).
      else if (req.url === '/data/shouguang.snapshot.gz') res.writeHead(200, { 'Content-Type': 'application/gzip' }).end(packed);
      else if (req.url === '/data/encoded.snapshot.gz') res.writeHead(200, { 'Content-Encoding': 'gzip' }).end(packed);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const opened = withoutTime(createEngineApi().loadSnapshot(snapshot.slice().buffer));
      for (const path of ['shouguang.snapshot', 'shouguang.snapshot.gz', 'encoded.snapshot.gz']) {
        expect(withoutTime(await createEngineApi().loadSnapshotFrom(`${base}/data/${path}`))).toEqual(opened);
      }
      const missing = await createEngineApi().loadSnapshotFrom(`${base}/data/missing.snapshot`);
      expect(missing).toMatchObject({ ok: false, detail: expect.stringContaining('missing.snapshot: HTTP 404') });
      // Fetched at the worker's start (the URL in its name), then asked for: one request.
      const url = `${base}/data/shouguang.snapshot.gz`;
      expect(prefetchUrlOf(engineWorkerName('engine-1', url))).toBe(url);
      expect(prefetchUrlOf('engine-2')).toBeUndefined();
      const early = createEngineApi();
      asked.length = 0;
      early.prefetchSnapshot(url);
      expect(withoutTime(await early.loadSnapshotFrom(url))).toEqual(opened);
      expect(asked).toEqual(['/data/shouguang.snapshot.gz']);
      // A failed prefetch is that load's failure; another URL asked for is fetched.
      const failed = createEngineApi();
      failed.prefetchSnapshot(`${base}/data/missing.snapshot`);
      expect(await failed.loadSnapshotFrom(`${base}/data/missing.snapshot`)).toMatchObject({ ok: false, detail: expect.stringContaining('HTTP 404') });
      const other = createEngineApi();
      other.prefetchSnapshot(`${base}/data/missing.snapshot`);
      expect(withoutTime(await other.loadSnapshotFrom(url))).toEqual(opened);
      // Opened with its first result (the app's start-up call): the load's outcome, and the
      // simulation and density of an engine that loaded it; none after a failed load.
      const withFirst = await createEngineApi().openSnapshotFrom(url);
      expect(withoutTime(withFirst.outcome)).toEqual(opened);
      const loaded = createEngineApi();
      loaded.loadSnapshot(snapshot.slice().buffer);
      expect({ ...withFirst.first!.timed, computeMs: 0 }).toEqual({ ...loaded.simulate(), computeMs: 0 });
      expect(withFirst.first!.density).toEqual(loaded.pupilDensity());
      const none = await createEngineApi().openSnapshotFrom(`${base}/data/missing.snapshot`);
      expect(none).toEqual({ outcome: expect.objectContaining({ ok: false }) });
    } finally {
      server.close();
    }
  }, 120_000);

  it('opened or read from the files, prepared for edits or not (distances, the units\' cells and their grounds), gives the same distances and unit edits', async () => {
    const fromFiles = createEngineApi();
    const filesWarm = createEngineApi();
    for (const api of [fromFiles, filesWarm]) await api.load(files().map((f) => ({ name: f.name, bytes: f.bytes.slice().buffer })));
    const cold = createEngineApi();
    const warm = createEngineApi();
    const opened = cold.loadSnapshot(snapshot.slice().buffer);
    warm.loadSnapshot(snapshot.slice().buffer);
    for (const api of [fromFiles, filesWarm, cold, warm]) api.simulate();
    for (const api of [filesWarm, warm]) {
      expect(api.prepareForEdits()).toEqual(fromFiles.distance());
      await api.prepareUnits();
    }
    const units = opened.ok ? opened.summary.units!.features.map((f) => String(f.properties?.id)) : [];
    for (const [k, schoolId] of ['N02', 'P01'].entries()) {
      const edit: ZoneEdit = { op: 'assignUnits', level: 'primary', schoolId, unitIds: [units[k * 97]] };
      const [a, ...others] = [fromFiles, filesWarm, cold, warm].map((api) => ({ ...api.applyEdit(edit), computeMs: 0 }));
      expect(a.ok).toBe(true);
      for (const other of others) expect(other).toEqual(a);
    }
  }, 120_000);

  it('is refused under other rules or another version, so the engine never holds a dataset read differently', () => {
    expect(() => openDatasetSnapshot(snapshot, { ...DEFAULT_RULES, primaryLastGrade: 5 })).toThrow('other rules');
    const api = createEngineApi();
    const refused = api.loadSnapshot(new TextEncoder().encode('not a snapshot').buffer as ArrayBuffer);
    expect(refused.ok).toBe(false);
  });
});
