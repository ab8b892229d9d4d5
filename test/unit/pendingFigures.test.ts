import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { currentPendingFigures } from '../../src/app/pendingFigures';
import type { EditPreview } from '../../src/core/editPreview';
import { useAppStore, type AppState } from '../../src/store/store';

const square = (r: number): Polygon => ({ type: 'Polygon', coordinates: [[[0, 0], [r, 0], [r, r], [0, 0]]] });
const figures: EditPreview = { ok: true, moved: 3, flows: [{ from: 'P01', to: 'N02', count: 3 }], schools: [], computeMs: 1 };

describe('the pending-area card’s figures', () => {
  it('are shown only for the area, level, schools and scenario they were made for', () => {
    const area = square(1);
    const result = { summary: {} } as unknown as AppState['result'];
    const s: AppState = { ...useAppStore.getState(), pendingArea: area, level: 'primary', result, pendingFigures: { area, level: 'primary', result, schoolIds: ['N02'], figures } };
    expect(currentPendingFigures(s, ['N02'])).toBe(figures);
    expect(currentPendingFigures(s, ['P01'])).toBeUndefined();
    expect(currentPendingFigures(s, ['N02', 'P01'])).toBeUndefined();
    // Another area drawn, the level switched, an undo or another edit: made for something else.
    expect(currentPendingFigures({ ...s, pendingArea: square(1) }, ['N02'])).toBeUndefined();
    expect(currentPendingFigures({ ...s, level: 'junior' }, ['N02'])).toBeUndefined();
    expect(currentPendingFigures({ ...s, result: { ...result } as AppState['result'] }, ['N02'])).toBeUndefined();
    expect(currentPendingFigures({ ...s, pendingFigures: undefined }, ['N02'])).toBeUndefined();
  });
});
