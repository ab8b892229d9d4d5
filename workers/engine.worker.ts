import * as Comlink from 'comlink';
import { createEngineApi, type EngineApi } from './engineApi';

const api = createEngineApi();

/** The worker-side API with transfers: results that carry big arrays hand their buffers over. */
const exposed: EngineApi = {
  ...api,
  pupilPoints() {
    const p = api.pupilPoints();
    return Comlink.transfer(p, [p.lonLat.buffer, p.grade.buffer, p.school.buffer]);
  },
};

Comlink.expose(exposed, self);
