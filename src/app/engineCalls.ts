import * as Comlink from 'comlink';
import type { WorkerApi } from '../../workers/engineApi';

/**
 * Why the engine did not answer a call: its worker failed (`error` or `messageerror` event) or did
 * not answer within the call's time budget (both faults of the worker, which is replaced), the call
 * threw in the worker (an error of that call only), or the worker had already failed or was stopped.
 */
export type FaultReason = 'crashed' | 'timeout' | 'threw' | 'stopped';

/** A call the engine's worker did not answer: see FaultReason; `detail` is the error's own message, if any. */
export class EngineFault extends Error {
  constructor(
    readonly reason: FaultReason,
    readonly method: string,
    readonly detail = '',
  ) {
    super(`engine ${reason} in ${method}${detail && `: ${detail}`}`);
    this.name = 'EngineFault';
  }
}

/** The worker's API as the page calls it: every method answers a promise. */
export type EngineRemote = Comlink.Remote<WorkerApi>;

/** What a worker offers the supervisor: messages, events and terminate (a Worker, or a port in tests). */
export type WorkerLike = Comlink.Endpoint & { terminate(): void };

/** How a worker is supervised: each call's time budget, and whom to tell when the worker fails. */
export interface Supervision {
  /** The time a call may take, ms, counted from when the calls before it were due. */
  budgetMs(method: string, args: unknown[]): number;
  /** Called once, when the worker is found dead or hung; it has been terminated. */
  onFault(reason: FaultReason, method: string): void;
}

/** A worker under supervision. */
export interface SupervisedWorker {
  /** Its API: a call rejects with EngineFault when the worker fails or times out, or the call throws. */
  remote: EngineRemote;
  /** The worker has failed or was stopped; every call rejects at once. */
  readonly dead: boolean;
  /** Terminates the worker without reporting a fault; calls still waiting reject ('stopped'). */
  stop(): void;
  /** The API without supervision, for the test-only fault hook. */
  raw: EngineRemote;
}

/**
 * Puts a worker under supervision: every call races the worker's `error` and `messageerror`
 * events and a deadline (the calls queue in the worker, so a call is due its budget after the one
 * before it was due). On the first fault the worker is terminated, every waiting call rejects with
 * EngineFault, and `onFault` is told once. A call that throws in the worker rejects alone ('threw'):
 * the engine's steps are atomic, so its state is as before, and a worker whose state could not be
 * restored crashes itself (see engine.worker.ts), which is a fault.
 */
export function superviseWorker(worker: WorkerLike, supervision: Supervision): SupervisedWorker {
  const raw = Comlink.wrap<WorkerApi>(worker);
  const waiting = new Set<(fault: EngineFault) => void>();
  let dead = false;
  let dueAt = 0;
  let inFlight = 0;

  const end = (fault: EngineFault, report: boolean) => {
    if (dead) return;
    dead = true;
    worker.terminate();
    for (const reject of waiting) reject(fault);
    waiting.clear();
    if (report) supervision.onFault(fault.reason, fault.method);
  };
  worker.addEventListener('error', (e) => {
    // Handled here: the browser need not log it as uncaught as well.
    e.preventDefault();
    end(new EngineFault('crashed', 'worker', (e as ErrorEvent).message ?? ''), true);
  });
  worker.addEventListener('messageerror', () => end(new EngineFault('crashed', 'worker', 'a message could not be read'), true));

  const call = (method: string, args: unknown[]): Promise<unknown> => {
    if (dead) return Promise.reject(new EngineFault('stopped', method));
    const now = performance.now();
    dueAt = Math.max(now, dueAt) + supervision.budgetMs(method, args);
    inFlight++;
    return new Promise((resolve, reject) => {
      const settle = () => {
        clearTimeout(timer);
        waiting.delete(reject);
        // With nothing queued, the next call's budget starts when it is made.
        if (--inFlight === 0) dueAt = 0;
      };
      const timer = setTimeout(() => end(new EngineFault('timeout', method), true), dueAt - now);
      waiting.add(reject);
      (raw[method as keyof WorkerApi] as (...a: unknown[]) => Promise<unknown>)(...args).then(
        (value) => {
          settle();
          resolve(value);
        },
        (e: unknown) => {
          settle();
          reject(new EngineFault('threw', method, e instanceof Error ? e.message : String(e)));
        },
      );
    });
  };

  const remote = new Proxy({} as EngineRemote, {
    // Not a thenable: `then` must stay undefined so that the remote can be returned from async code.
    get: (_, name) => (typeof name === 'string' && name !== 'then' ? (...args: unknown[]) => call(name, args) : undefined),
  });
  return {
    remote,
    raw,
    get dead() {
      return dead;
    },
    stop: () => end(new EngineFault('stopped', 'stop'), false),
  };
}
