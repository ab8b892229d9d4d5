import * as Comlink from 'comlink';
import { createEngineApi, type InjectedFault, type WorkerApi } from './engineApi';

const api = createEngineApi();

/** The worker-side API with transfers: results that carry big arrays hand their buffers over. */
const exposed = {
  ...api,
  pupilPoints() {
    const p = api.pupilPoints();
    return Comlink.transfer(p, [p.lonLat.buffer, p.grade.buffer, p.school.buffer]);
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
