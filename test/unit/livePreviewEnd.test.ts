import { describe, expect, it } from 'vitest';
import { endLivePreviewWith, previewLive } from '../../src/app/livePreview';
import type { ZoneEdit } from '../../src/core/zoneEdits';
import { useAppStore, type LivePreview } from '../../src/store/store';

const edit: ZoneEdit = { op: 'assignUnits', level: 'primary', schoolId: 'N02', unitIds: ['U0001'] };

/** The figures of the page's request `seq`, as the overlay shows them. */
const shown = (seq: number): LivePreview => ({ seq, figures: { ok: false, problem: { code: 'unknownSchool', params: {} } }, point: [0, 0], flip: { x: false, y: false } });

/** A promise and its resolve, standing for an edit on its way. */
function editOnItsWay() {
  let done: () => void = () => {};
  const promise = new Promise<void>((resolve) => (done = resolve));
  return { promise, done };
}

describe('live figures closed with the edit made from them', () => {
  it('stay open while the edit is on its way, close when it settles, and leave figures asked for later open', async () => {
    // No engine here: the requests are numbered but nothing is answered, so the figures are set by hand.
    previewLive(edit, [10, 10], [800, 600], '滨河小区');
    useAppStore.setState({ livePreview: shown(1) });
    const dropped = editOnItsWay();
    endLivePreviewWith(dropped.promise);
    expect(useAppStore.getState().livePreview?.seq).toBe(1);
    dropped.done();
    await dropped.promise;
    await Promise.resolve();
    expect(useAppStore.getState().livePreview).toBeUndefined();

    // A second edit; the planner points at the next unit before it is answered.
    previewLive(edit, [10, 10], [800, 600], '滨河小区');
    useAppStore.setState({ livePreview: shown(2) });
    const second = editOnItsWay();
    endLivePreviewWith(second.promise);
    previewLive(edit, [20, 20], [800, 600], '东城小区');
    useAppStore.setState({ livePreview: shown(3) });
    second.done();
    await second.promise;
    await Promise.resolve();
    expect(useAppStore.getState().livePreview?.seq).toBe(3);
  });

  it("close with the edit's numbers, in the store update that brings them, before the edit settles", () => {
    useAppStore.setState({ livePreview: shown(1) });
    const onItsWay = editOnItsWay();
    endLivePreviewWith(onItsWay.promise);
    const seen: (LivePreview | undefined)[] = [];
    const stop = useAppStore.subscribe((s) => seen.push(s.livePreview));
    useAppStore.setState({ result: { ...useAppStore.getState().result } as ReturnType<typeof useAppStore.getState>['result'] });
    stop();
    expect(useAppStore.getState().livePreview).toBeUndefined();
    expect(seen.at(-1)).toBeUndefined();
  });

  it('close when the edit fails too', async () => {
    useAppStore.setState({ livePreview: shown(1) });
    const failed = Promise.reject(new Error('the worker stopped'));
    endLivePreviewWith(failed);
    await failed.catch(() => {});
    await Promise.resolve();
    expect(useAppStore.getState().livePreview).toBeUndefined();
  });
});
