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
  /**
   * Called once, when the worker has first answered: from then on `onEnded` is to be called as soon
   * as the worker ends without an error event (it closed itself or the browser killed it), so that
   * such a death is a fault at once, not at the next call's deadline.
   */
  watchEnd?(onEnded: () => void): void;
}

/** A worker under supervision. */
export interface SupervisedWorker {
  /** Its API: a call rejects with EngineFault when the worker fails or times out, or the call throws. */
  remote: EngineRemote;
  /** The worker has failed or was stopped; every call rejects at once. */
  readonly dead: boolean;
  /** Terminates the worker without reporting a fault; calls still waiting reject ('stopped'). */
  stop(): void;
  /**
   * A sign of life from the worker (a long call's progress): the call it is running gets its whole
   * budget again from now, so a long load is timed between its progress reports, not as a whole.
   */
  beat(): void;
  /** The API without supervision, for the test-only fault hook. */
  raw: EngineRemote;
}

/**
 * Puts a worker under supervision: every call races the worker's `error` and `messageerror`
 * events and a deadline (the calls queue in the worker, so a call is due its budget after the one
 * before it was due; `beat` postpones it). On the first fault the worker is terminated, every waiting call rejects with
 * EngineFault, and `onFault` is told once. A call that throws in the worker rejects alone ('threw'):
 * the engine's steps are atomic, so its state is as before, and a worker whose state could not be
 * restored crashes itself (see engine.worker.ts), which is a fault.
 */
export function superviseWorker(worker: WorkerLike, supervision: Supervision): SupervisedWorker {
  const raw = Comlink.wrap<WorkerApi>(worker);
  // The calls sent and not yet answered, oldest first (the worker runs them in turn).
  const inFlight = new Map<number, { method: string; budget: number; reject: (fault: EngineFault) => void }>();
  let nextId = 0;
  let dead = false;
  // When the last call in flight is due (performance.now() ms); one watchdog timer for all.
  let dueAt = 0;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let watching = false;
  const watchEnd = () => {
    if (watching || dead) return;
    watching = true;
    supervision.watchEnd?.(() => end(new EngineFault('crashed', 'worker', 'the worker ended'), true));
  };

  const end = (fault: EngineFault, report: boolean) => {
    if (dead) return;
    dead = true;
    clearTimeout(watchdog);
    worker.terminate();
    for (const call of inFlight.values()) call.reject(fault);
    inFlight.clear();
    if (report) supervision.onFault(fault.reason, fault.method);
  };
  const arm = () => {
    clearTimeout(watchdog);
    if (inFlight.size === 0) return;
    watchdog = setTimeout(() => {
      const [oldest] = inFlight.values();
      if (performance.now() >= dueAt - 1 && oldest) end(new EngineFault('timeout', oldest.method), true);
      else arm();
    }, dueAt - performance.now());
  };
  worker.addEventListener('error', (e) => {
    // Handled here: the browser need not log it as uncaught as well.
    e.preventDefault();
    end(new EngineFault('crashed', 'worker', (e as ErrorEvent).message ?? ''), true);
  });
  worker.addEventListener('messageerror', () => end(new EngineFault('crashed', 'worker', 'a message could not be read'), true));

  const call = (method: string, args: unknown[]): Promise<unknown> => {
    if (dead) return Promise.reject(new EngineFault('stopped', method));
    const budget = supervision.budgetMs(method, args);
    dueAt = Math.max(performance.now(), dueAt) + budget;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      inFlight.set(id, { method, budget, reject });
      arm();
      const settle = () => {
        inFlight.delete(id);
        // With nothing queued, the next call's budget starts when it is made.
        if (inFlight.size === 0) dueAt = 0;
        arm();
      };
      (raw[method as keyof WorkerApi] as (...a: unknown[]) => Promise<unknown>)(...args).then(
        (value) => {
          settle();
          watchEnd();
          resolve(value);
        },
        (e: unknown) => {
          settle();
          watchEnd();
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
    beat: () => {
      const [oldest] = inFlight.values();
      if (!oldest || dead) return;
      dueAt = Math.max(dueAt, performance.now() + oldest.budget);
      arm();
    },
  };
}
