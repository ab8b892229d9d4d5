import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLatestOnly } from '../../src/app/latestOnly';
import { createAssignmentWorkspace } from '../../src/core/assignment';
import type { EditPreview } from '../../src/core/editPreview';
import { DEFAULT_RULES } from '../../src/core/rules';
import type { ZoneEdit } from '../../src/core/zoneEdits';
import { readDataset } from '../../src/io/readDataset';
import { createEditSession } from '../../workers/editSession';

/** A computation the test answers by hand. */
function deferred() {
  const calls: { q: number; resolve: (r: string) => void; reject: (e: Error) => void }[] = [];
  const compute = (q: number) => new Promise<string>((resolve, reject) => calls.push({ q, resolve, reject }));
  return { calls, compute };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('live figures: only the latest request is computed', () => {
  it('drops the requests that wait behind a computation, computes the newest, delivers in order', async () => {
    const { calls, compute } = deferred();
    const delivered: [string, number, number][] = [];
    const queue = createLatestOnly(compute, (answer, q, seq) => delivered.push([answer, q, seq]));
    expect(queue.request(10)).toBe(1);
    expect(queue.request(20)).toBe(2);
    expect(queue.request(30)).toBe(3);
    expect(queue.request(40)).toBe(4);
    // One computation at a time: 10 is being computed; 20 and 30 were replaced while waiting.
    expect(calls.map((c) => c.q)).toEqual([10]);
    calls[0].resolve('a10');
    await settle();
    expect(calls.map((c) => c.q)).toEqual([10, 40]);
    calls[1].resolve('a40');
    await settle();
    expect(delivered).toEqual([['a10', 10, 1], ['a40', 40, 4]]);
    expect([queue.computed, queue.dropped]).toEqual([2, 2]);
  });

  it('after cancel (the drop), the answer still coming and the request waiting are dropped; later requests go on', async () => {
    const { calls, compute } = deferred();
    const delivered: number[] = [];
    const queue = createLatestOnly(compute, (_, q) => delivered.push(q));
    queue.request(1);
    queue.request(2);
    queue.cancel();
    calls[0].resolve('late');
    await settle();
    // 2 was never computed, 1's answer was not shown.
    expect(calls.map((c) => c.q)).toEqual([1]);
    expect(delivered).toEqual([]);
    queue.request(3);
    await settle();
    calls[1].resolve('fresh');
    await settle();
    expect(delivered).toEqual([3]);
  });

  it('a failed computation delivers nothing and does not stop the queue', async () => {
    const { calls, compute } = deferred();
    const delivered: number[] = [];
    const queue = createLatestOnly(compute, (_, q) => delivered.push(q));
    const error = console.error;
    console.error = () => {};
    try {
      queue.request(1);
      queue.request(2);
      calls[0].reject(new Error('worker fault'));
      await settle();
      calls[1].resolve('ok');
      await settle();
    } finally {
      console.error = error;
    }
    expect(delivered).toEqual([2]);
  });
});

describe('previewEdit on the tiny county (figures by hand)', () => {
  const dir = join(import.meta.dirname, '../fixtures/tiny');
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const loaded = readDataset({ 'schools.geojson': read('schools.geojson'), 'catchments.geojson': read('catchments.geojson'), 'students.csv': read('students.csv') }, DEFAULT_RULES, 2024);
  // The west half of 西小学 P1's zone south of 36.01 given to 东小学 P2: pupils a1 and a4 (grades 1 and 2) move from P1 to P2.
  const square = { type: 'Polygon' as const, coordinates: [[[118.0, 36.0], [118.005, 36.0], [118.005, 36.01], [118.0, 36.01], [118.0, 36.0]]] };
  const toP2: ZoneEdit = { op: 'assignArea', level: 'primary', schoolId: 'P2', area: square };

  it('says two pupils would move from P1 to P2 and what the two schools would have, and changes nothing', () => {
    const session = createEditSession(loaded, DEFAULT_RULES, createAssignmentWorkspace());
    const before = session.schoolOf().slice();
    const enrolled = (id: string) => session.recompute().schools.find((s) => s.id === id)!.enrollment;
    const [p1, p2] = [enrolled('P1'), enrolled('P2')];
    const preview = session.previewEdit(toP2) as EditPreview;
    expect(preview.moved).toBe(2);
    expect(preview.flows).toEqual([{ from: 'P1', to: 'P2', count: 2 }]);
    expect(preview.schools.map((s) => [s.schoolId, s.pupilsBefore, s.pupils])).toEqual([['P1', p1, p1 - 2], ['P2', p2, p2 + 2]]);
    expect(session.schoolOf()).toEqual(before);
    expect(session.state()).toBe(loaded.dataset.zoneState);
    // A refused edit is answered as the edit itself would be.
    expect(session.previewEdit({ ...toP2, schoolId: 'NOPE' })).toEqual({ ok: false, problem: { code: 'unknownSchool', params: { id: 'NOPE' } } });
  });

  it('lends a projection the state an applied edit made, and makes it afresh once the rules change', () => {
    const session = createEditSession(loaded, DEFAULT_RULES, createAssignmentWorkspace());
    const start = session.state();
    expect(session.apply(toP2).ok).toBe(true);
    expect(session.applyTo(start, toP2)).toBe(session.state());
    session.setRules({ ...DEFAULT_RULES, overlapRule: 'fileOrder' });
    const again = session.applyTo(start, toP2);
    expect(again).not.toBe(session.state());
    expect(again.zones.primary).toEqual(session.state().zones.primary);
  });

  it('commits the state a preview made when dropped where it was previewed, and only from the state it was previewed on', () => {
    const session = createEditSession(loaded, DEFAULT_RULES, createAssignmentWorkspace());
    const plain = createEditSession(loaded, DEFAULT_RULES, createAssignmentWorkspace());
    // Previewed, then dropped there: the committed state is the one the preview computed, the same as computed afresh.
    expect(session.previewEdit(toP2).ok).toBe(true);
    expect(session.apply(toP2).ok).toBe(true);
    expect(plain.apply(toP2).ok).toBe(true);
    expect(session.state().zones.primary).toEqual(plain.state().zones.primary);
    expect(session.schoolOf()).toEqual(plain.schoolOf());
    // A preview made before another edit is not the state after it: the whole south of P1's zone
    // then goes to P2, and the edit previewed earlier, applied after that, keeps it there.
    const south = { type: 'Polygon' as const, coordinates: [[[118.0, 36.0], [118.01, 36.0], [118.01, 36.01], [118.0, 36.01], [118.0, 36.0]]] };
    const southToP2: ZoneEdit = { op: 'assignArea', level: 'primary', schoolId: 'P2', area: south };
    session.undo();
    plain.undo();
    expect(session.previewEdit(toP2).ok).toBe(true);
    const outcomes = [session, plain].map((s) => {
      expect(s.apply(southToP2).ok).toBe(true);
      const o = s.apply(toP2);
      return o.ok ? { ...o, computeMs: 0 } : o;
    });
    expect(outcomes[0]).toEqual(outcomes[1]);
    expect(session.state().zones.primary).toEqual(plain.state().zones.primary);
    expect(session.schoolOf()).toEqual(plain.schoolOf());
  });
});
