import * as Comlink from 'comlink';
import type { DotsRequest } from '../src/core/pupilView';
import { holdLifeLock } from './lifeLock';
import { createEngineApi, type EngineApi, type InjectedFault, type WorkerApi } from './engineApi';
import { prefetchUrlOf } from './engineWorkerName';

const api = createEngineApi();
// The page learns at once when this worker ends without an error event (see lifeLock).
holdLifeLock(self.name);
// The embedded dataset is fetched at once: the call asking for it reaches this worker only when
// the page's thread is free, after its first render and map frame (half a second and more).
const prefetchUrl = prefetchUrlOf(self.name);
if (prefetchUrl) api.prefetchSnapshot(prefetchUrl);

/**
 * The engine's methods, each answering its errors as rejections; when an error has left the
 * editing session in a state it could not undo, the worker also crashes (an uncaught error the
 * page hears as the worker's `error` event), so that the page replaces it.
 */
const guarded = Object.fromEntries(
  Object.entries(api).map(([name, method]) => [
    name,
    (...args: unknown[]) => {
      const crashIfBroken = (e: unknown) => {
        const broken = api.brokenBy();
        if (broken) {
          setTimeout(() => {
            throw broken;
          });
        }
        throw e;
      };
      try {
        const answer = (method as (...a: unknown[]) => unknown).apply(api, args);
        return answer instanceof Promise ? answer.catch(crashIfBroken) : answer;
      } catch (e) {
        return crashIfBroken(e);
      }
    },
  ]),
) as EngineApi;

/** The worker-side API with transfers: results that carry big arrays hand their buffers over. */
const exposed = {
  ...guarded,
  pupilDensity() {
    const d = guarded.pupilDensity();
    return Comlink.transfer(d, [d.lonLat.buffer, d.count.buffer]);
  },
  async openSnapshotFrom(url: string) {
    const opened = await guarded.openSnapshotFrom(url);
    const d = opened.first?.density;
    return d ? Comlink.transfer(opened, [d.lonLat.buffer, d.count.buffer]) : opened;
  },
  pupilDots(req: DotsRequest) {
    const d = guarded.pupilDots(req);
    return Comlink.transfer(d, [d.lonLat.buffer, d.outside.buffer]);
  },
  /** Test-only: injects a fault; hang, crash and exit happen just after this call has answered. */
  __injectFault(fault: InjectedFault): void {
    if (fault === 'throwInEdit') return api.__armEditFault();
    setTimeout(() => {
      if (fault === 'exit') self.close();
      else if (fault === 'crash') throw new Error('injected crash (test hook)');
      else for (;;);
    });
  },
} satisfies WorkerApi;

Comlink.expose(exposed, self);
