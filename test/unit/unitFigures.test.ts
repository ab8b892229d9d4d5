import type { Map as MapLibreMap } from 'maplibre-gl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUnitFigures } from '../../src/map/unitFigures';
import { useAppStore, type AppState } from '../../src/store/store';

const live = vi.hoisted(() => ({ previewLive: vi.fn(), endLivePreview: vi.fn(), endLivePreviewWith: vi.fn() }));
vi.mock('../../src/app/livePreview', () => live);

const map = { getContainer: () => ({ clientWidth: 800, clientHeight: 600 }) } as unknown as MapLibreMap;
const at = { x: 10, y: 20 };

describe('live figures of the unit pointed at while picking units', () => {
  const made: ReturnType<typeof createUnitFigures>[] = [];
  const createFigures = () => {
    const figures = createUnitFigures(map);
    made.push(figures);
    return figures;
  };
  afterEach(() => made.splice(0).forEach((f) => f.destroy()));
  beforeEach(() => {
    live.previewLive.mockClear();
    live.endLivePreview.mockClear();
    live.endLivePreviewWith.mockClear();
    useAppStore.setState({ unitPicking: true, selectedSchoolId: 'N02', level: 'primary', drawing: false, vertexMode: false, pendingArea: undefined });
  });

  it('asks once per unit pointed at, with the edit a click commits and the unit’s name', () => {
    const figures = createFigures();
    const s = useAppStore.getState();
    expect(figures.pointedAt(s, { id: 'U0001', name: '滨河小区' }, at)).toBe(true);
    expect(figures.pointedAt(s, { id: 'U0001', name: '滨河小区' }, { x: 12, y: 21 })).toBe(true);
    expect(live.previewLive).toHaveBeenCalledTimes(1);
    expect(live.previewLive).toHaveBeenCalledWith({ op: 'assignUnits', level: 'primary', schoolId: 'N02', unitIds: ['U0001'] }, [10, 20], [800, 600], '滨河小区');
    figures.pointedAt(s, { id: 'U0002', name: '东城小区' }, at);
    expect(live.previewLive).toHaveBeenCalledTimes(2);
    // Another school selected: the same unit is asked for again, for that school.
    useAppStore.setState({ selectedSchoolId: 'P01' });
    figures.pointedAt(useAppStore.getState(), { id: 'U0002', name: '东城小区' }, at);
    expect(live.previewLive.mock.calls[2][0]).toMatchObject({ schoolId: 'P01', unitIds: ['U0002'] });
  });

  it('closes the figures off a unit, with the edit a click makes and off the map, and asks again after the click', () => {
    const figures = createFigures();
    const s = useAppStore.getState();
    figures.pointedAt(s, { id: 'U0001', name: '滨河小区' }, at);
    expect(figures.pointedAt(s, undefined, at)).toBe(false);
    expect(live.endLivePreview).toHaveBeenCalledTimes(1);
    // Nothing of its own shown: another tool's figures (a drag) are left alone.
    figures.pointedAt(s, undefined, at);
    figures.left();
    expect(live.endLivePreview).toHaveBeenCalledTimes(1);
    figures.pointedAt(s, { id: 'U0001', name: '滨河小区' }, at);
    const edit = Promise.resolve(true);
    figures.clicked(edit);
    expect(live.endLivePreviewWith).toHaveBeenCalledWith(edit);
    expect(live.endLivePreview).toHaveBeenCalledTimes(1);
    // Clicked again before the pointer moves: nothing of its own is shown.
    figures.clicked(edit);
    expect(live.endLivePreviewWith).toHaveBeenCalledTimes(1);
    figures.pointedAt(s, { id: 'U0001', name: '滨河小区' }, at);
    expect(live.previewLive).toHaveBeenCalledTimes(3);
    figures.left();
    expect(live.endLivePreview).toHaveBeenCalledTimes(2);
  });

  it('shows nothing where a click gives nothing: an area waiting for its school, drawing, moving points', () => {
    const figures = createFigures();
    const unit = { id: 'U0001', name: '滨河小区' };
    const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
    for (const patch of [{ pendingArea: square }, { drawing: true }, { vertexMode: true }]) expect(figures.pointedAt({ ...useAppStore.getState(), ...patch }, unit, at)).toBe(false);
    expect(live.previewLive).not.toHaveBeenCalled();
  });

  it('closes the figures when the scenario changes under the pointer (an undo), and asks again at the next move', () => {
    const figures = createFigures();
    const unit = { id: 'U0001', name: '滨河小区' };
    figures.pointedAt(useAppStore.getState(), unit, at);
    useAppStore.setState({ result: { ...useAppStore.getState().result } as AppState['result'] });
    expect(live.endLivePreview).toHaveBeenCalledTimes(1);
    figures.pointedAt(useAppStore.getState(), unit, at);
    expect(live.previewLive).toHaveBeenCalledTimes(2);
    figures.destroy();
    useAppStore.setState({ result: { ...useAppStore.getState().result } as AppState['result'] });
    expect(live.endLivePreview).toHaveBeenCalledTimes(2);
  });

  it('shows nothing when not picking units or with no school selected', () => {
    const figures = createFigures();
    expect(figures.pointedAt({ ...useAppStore.getState(), unitPicking: false }, { id: 'U0001', name: '滨河小区' }, at)).toBe(false);
    useAppStore.setState({ selectedSchoolId: undefined });
    expect(figures.pointedAt(useAppStore.getState(), { id: 'U0001', name: '滨河小区' }, at)).toBe(false);
    expect(live.previewLive).not.toHaveBeenCalled();
  });
});
