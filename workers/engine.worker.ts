import * as Comlink from 'comlink';
import { createEngineApi, type EngineApi } from './engineApi';

const api = createEngineApi();

/** The worker-side API with transfers: results that carry big arrays hand their buffers over. */
const exposed: EngineApi = {
  ...api,
  pupilDensity() {
    const d = api.pupilDensity();
    return Comlink.transfer(d, [d.lonLat.buffer, d.count.buffer]);
  },
  pupilDots(req) {
    const d = api.pupilDots(req);
    return Comlink.transfer(d, [d.lonLat.buffer, d.outside.buffer]);
  },
};

Comlink.expose(exposed, self);
