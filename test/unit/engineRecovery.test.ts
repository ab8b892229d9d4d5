import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadSummary } from '../../workers/loadContract';
import type { ZoneEdit } from '../../src/core/zoneEdits';
import { EngineFault, type SupervisedWorker, type Supervision } from '../../src/app/engineCalls';
import { useAppStore } from '../../src/store/store';

// The workers are stand-ins: each new one the recovery starts is taken from `workers`, in order.
interface Fake {
  engine: SupervisedWorker;
  calls: [string, unknown[]][];
  supervision?: Supervision;
}
const workers = vi.hoisted(() => [] as Fake[]);
const customLimits = { classCap: { primary: 40, junior: 45 }, maxSchoolSize: 1500, maxNineYearSchoolSize: 2000, largeClassMin: 46, extraLargeClassMin: 56 };
vi.mock('../../src/app/engineCalls', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/app/engineCalls')>();
  return {
    ...real,
    superviseWorker: (_worker: unknown, supervision: Supervision) => {
      const next = workers.shift();
      if (!next) throw new Error('the test made no worker for this');
      next.supervision = supervision;
      return next.engine;
    },
  };
});
vi.stubGlobal('Worker', class {});

const { adoptEngine, currentRemote, startSupervisedWorker } = await import('../../src/app/engineRecovery');
const { commitEdit } = await import('../../src/app/editActions');

const summary = { name: '测试县', baseYear: 2024, schools: [], rowsRead: 19, pupilsLoaded: 13, zones: { type: 'FeatureCollection', features: [] } } as unknown as LoadSummary;
const result = (n: number) => ({ schools: [], summary: { n } });
const opened = (n: number) => ({ ok: true, result: result(n), computeMs: 1, zoneChanges: [], moved: [], totalMoved: [], canUndo: false, canRedo: false, locked: { primary: [], junior: [] } });
const e1: ZoneEdit = { op: 'setFacilities', schoolId: 'P1', facilities: { classrooms: 8 } };
const e2: ZoneEdit = { op: 'setFacilities', schoolId: 'P1', facilities: { classrooms: 9 } };

type Answers = Record<string, (...args: unknown[]) => unknown>;

/** A stand-in worker answering with `answers` (an answer that throws is a fault of that call). */
function fake(answers: Answers = {}): Fake {
  const calls: [string, unknown[]][] = [];
  const f: Fake = { calls, engine: undefined as unknown as SupervisedWorker };
  const defaults: Answers = {
    load: () => ({ ok: true, summary, report: { items: [] } }),
    openScenario: () => opened(1),
    pupilDensity: () => ({ lonLat: new Float32Array(0), count: new Uint32Array(0) }),
    standards: () => ({ replayed: true }),
  };
  const remote = new Proxy({}, {
    get: (_, name) =>
      typeof name !== 'string' || name === 'then'
        ? undefined
        : async (...args: unknown[]) => {
            calls.push([name, args]);
            return (answers[name] ?? defaults[name] ?? (() => undefined))(...args);
          },
  });
  f.engine = { remote, raw: remote, dead: false, stop: vi.fn() } as unknown as SupervisedWorker;
  return f;
}

/** A fault of the worker as the supervisor reports it: the call rejects and the fault is told. */
function faultOf(f: () => Fake, method: string) {
  return () => {
    f().supervision!.onFault('crashed', method);
    throw new EngineFault('crashed', method);
  };
}

const choices = [{ name: 'a.csv', crs: 'wgs84' as const }];
// Loads as the picked files do: stages them, then loads them with the planner's choices.
const recipe = {
  choices,
  megabytes: 1,
  load: async (remote: { stage(files: unknown[]): Promise<void>; load(...args: unknown[]): Promise<unknown> }, onProgress: () => void) => {
    await remote.stage([]);
    return remote.load(undefined, choices, onProgress);
  },
};

describe('recovery of the engine worker', () => {
  beforeEach(() => {
    workers.length = 0;
  });

  it('a failed worker is replaced by one that loads the same files and replays the page’s history; the planner is told', async () => {
    let first!: Fake;
    first = fake({ standards: faultOf(() => first, 'standards') });
    const second = fake();
    workers.push(first, second);
    useAppStore.setState({ dataset: summary, edits: [e1], redoEdits: [e2], overlapRule: 'fileOrder', limits: customLimits, engineNotice: undefined });
    // The worker holding the dataset is `first`, started and adopted as a load does.
    adoptEngine(startSupervisedWorker(), recipe as never);
    // A call that meets the fault is answered by the replayed worker (it gives the same answer there).
    expect(await currentRemote.standards()).toEqual({ replayed: true });
    expect(useAppStore.getState().engineNotice).toEqual({ code: 'engineRestarted' });
    expect(second.calls.map(([m]) => m)).toEqual(['setRuleSettings', 'stage', 'load', 'simulate', 'openScenario', 'standards', 'pupilDensity', 'standards']);
    expect(second.calls.find(([m]) => m === 'setRuleSettings')![1]).toEqual([{ overlapRule: 'fileOrder', limits: customLimits }]);
    expect(second.calls.find(([m]) => m === 'load')![1].slice(0, 2)).toEqual([undefined, choices]);
    expect(second.calls.find(([m]) => m === 'openScenario')![1]).toEqual([[e1], [e2]]);
    expect(useAppStore.getState().result).toEqual(result(1));
  });

  it('an edit that met a fault is not applied and not retried; one that did so twice is refused without being sent', async () => {
    const workersMade: Fake[] = [];
    const faulty = (): Fake => {
      const f: Fake = fake({ applyEdit: faultOf(() => f, 'applyEdit') });
      workersMade.push(f);
      return f;
    };
    workers.push(faulty(), faulty(), faulty());
    useAppStore.setState({ dataset: summary, edits: [], redoEdits: [], engineNotice: undefined, editError: undefined });
    adoptEngine(startSupervisedWorker(), recipe as never);
    expect(await commitEdit(e1)).toBe(false);
    expect(useAppStore.getState()).toMatchObject({ edits: [], editError: { code: 'engineFault' } });
    expect(await commitEdit(e1)).toBe(false);
    expect(useAppStore.getState()).toMatchObject({ edits: [], editError: { code: 'faultyEdit' } });
    expect(await commitEdit(e1)).toBe(false);
    expect(useAppStore.getState().editError).toEqual({ code: 'faultyEdit', params: {} });
    // Sent twice in all (once to each of the first two workers), never to the third.
    expect(workersMade.map((w) => w.calls.filter(([m]) => m === 'applyEdit').length)).toEqual([1, 1, 0]);
  });

  it('a worker that fails on every replay is restarted three times, then the engine stops and says so; calls fail at once', async () => {
    let first!: Fake;
    first = fake({ standards: faultOf(() => first, 'standards') });
    const failing = () =>
      fake({
        load: () => {
          throw new EngineFault('timeout', 'load');
        },
      });
    const replays = [failing(), failing(), failing(), failing()];
    workers.push(first, ...replays);
    useAppStore.setState({ dataset: summary, edits: [e1], redoEdits: [], engineNotice: undefined });
    adoptEngine(startSupervisedWorker(), recipe as never);
    await expect(currentRemote.standards()).rejects.toMatchObject({ reason: 'stopped' });
    expect(useAppStore.getState().engineNotice).toEqual({ code: 'engineStopped' });
    expect(replays.map((r) => r.calls.some(([m]) => m === 'load'))).toEqual([true, true, true, false]);
    await expect(currentRemote.applyEdit(e1)).rejects.toMatchObject({ reason: 'stopped' });
    // The page's history is untouched.
    expect(useAppStore.getState().edits).toEqual([e1]);
  });

  it('files that no longer give the same dataset stop the recovery, naming why', async () => {
    let first!: Fake;
    first = fake({ standards: faultOf(() => first, 'standards') });
    const changed = fake({ load: () => ({ ok: true, summary: { ...summary, rowsRead: 20 }, report: { items: [] } }) });
    workers.push(first, changed);
    useAppStore.setState({ dataset: summary, edits: [], redoEdits: [], engineNotice: undefined });
    adoptEngine(startSupervisedWorker(), recipe as never);
    await expect(currentRemote.standards()).rejects.toMatchObject({ reason: 'stopped' });
    expect(useAppStore.getState().engineNotice).toEqual({ code: 'engineRecoveryFailed', detail: 'the files are no longer the ones loaded' });
    expect(changed.engine.stop).toHaveBeenCalled();
  });
});
