import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAssignmentWorkspace } from '../../src/core/assignment';
import { DEFAULT_RULES } from '../../src/core/rules';
import { computeScenarioRun } from '../../src/core/scenarioRun';
import { applyZoneEdit, type ZoneEdit } from '../../src/core/zoneEdits';
import { readDataset } from '../../src/io/readDataset';
import { createEditSession, type EditOutcome } from '../../workers/editSession';
import { createEngineApi } from '../../workers/engineApi';

// A throw injected into the engine's incremental move, after it has changed the run: the worst
// place for an exception, since the run's arrays are half updated.
const fault = vi.hoisted(() => ({ armed: false, rebuildFails: false }));
vi.mock('../../src/core/scenarioRun', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/core/scenarioRun')>();
  return {
    ...real,
    computeScenarioRun: (...args: Parameters<typeof real.computeScenarioRun>) => {
      if (fault.rebuildFails) throw new Error('rebuild failed');
      return real.computeScenarioRun(...args);
    },
    applyZoneState: (...args: Parameters<typeof real.applyZoneState>) => {
      const moves = real.applyZoneState(...args);
      if (fault.armed) {
        fault.armed = false;
        throw new Error('boom');
      }
      return moves;
    },
  };
});

const dir = join(import.meta.dirname, '../fixtures/tiny');
const read = (f: string) => readFileSync(join(dir, f), 'utf8');
const loaded = () => readDataset({ 'schools.geojson': read('schools.geojson'), 'catchments.geojson': read('catchments.geojson'), 'students.csv': read('students.csv') }, DEFAULT_RULES, 2024);

// The west half of 西小学 P1's zone south of 36.01 given to 东小学 P2: pupils a1 and a4 (grades 1
// and 2, at 118.002/118.004 E) move from P1 to P2. Then 6 → 8 classrooms at P1.
const square = { type: 'Polygon' as const, coordinates: [[[118.0, 36.0], [118.005, 36.0], [118.005, 36.01], [118.0, 36.01], [118.0, 36.0]]] };
const toP2: ZoneEdit = { op: 'assignArea', level: 'primary', schoolId: 'P2', area: square };
const rooms: ZoneEdit = { op: 'setFacilities', schoolId: 'P1', facilities: { classrooms: 8 } };

/** The results after `edits`, from scratch (outside the session's incremental path). */
function fromScratch(edits: ZoneEdit[]) {
  const { dataset } = loaded();
  const ctx = { schools: dataset.schools, schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])), unitIndex: new Map(dataset.unitIds.map((u, i) => [u, i])) };
  const state = edits.reduce((s, e) => applyZoneEdit(s, e, ctx), dataset.zoneState);
  return computeScenarioRun(dataset, state, DEFAULT_RULES);
}

/** A step's answer, or what it threw. */
function attempt<T>(step: () => T): T | Error {
  try {
    return step();
  } catch (e) {
    return e as Error;
  }
}

const enrollment = (o: { result: { schools: { id: string; enrollment: number }[] } }, id: string) => o.result.schools.find((s) => s.id === id)!.enrollment;

describe('an edit is applied in the worker as a whole or not at all', () => {
  beforeEach(() => {
    fault.armed = false;
    fault.rebuildFails = false;
  });

  it('a throw midway through an edit leaves the session exactly as before, and the next steps agree with a from-scratch run', () => {
    const session = createEditSession(loaded(), DEFAULT_RULES, createAssignmentWorkspace());
    const first = session.apply(toP2) as EditOutcome;
    expect(first.ok).toBe(true);
    // By hand: a1 and a4 move from P1 to P2.
    expect(first.moved).toEqual([{ from: 'P1', to: 'P2', grade: 1, count: 1 }, { from: 'P1', to: 'P2', grade: 2, count: 1 }]);
    const stateBefore = session.state();
    const schoolOfBefore = session.schoolOf().slice();
    const standardsBefore = session.standards();

    fault.armed = true;
    const failed = attempt(() => session.apply(rooms));
    // Nothing of the failed edit is left: the same state, schools per pupil and assessment.
    expect(session.state()).toBe(stateBefore);
    expect(session.schoolOf()).toEqual(schoolOfBefore);
    expect(session.schoolOf()).toEqual(fromScratch([toP2]).schoolOf);
    expect(session.standards()).toEqual(standardsBefore);
    // And the page hears it as a refusal naming the error, not as an exception.
    expect(failed).toEqual({ ok: false, problem: { code: 'engineError', params: { got: 'boom' } } });

    // The next edit is the one after toP2 (not after the failed one), computed incrementally from a whole run.
    const again = session.apply(rooms) as EditOutcome;
    expect(again.result).toEqual(fromScratch([toP2, rooms]).result);
    expect(again.result.schools.find((s) => s.id === 'P1')!.classrooms).toBe(8);
    expect(again.canUndo).toBe(true);
    // Two steps back reach the dataset's own zoning: the failed edit never entered the history.
    session.undo();
    const base = session.undo() as EditOutcome;
    expect(base.result).toEqual(fromScratch([]).result);
    expect(base.canUndo).toBe(false);
    expect(enrollment(base, 'P2') - enrollment(first, 'P2')).toBe(-2);
  });

  it('a throw midway through undo, redo, opening a scenario or a rule change leaves the session as before', () => {
    const session = createEditSession(loaded(), DEFAULT_RULES, createAssignmentWorkspace());
    session.apply(toP2);
    session.apply(rooms);
    session.undo();
    const state = session.state();
    const expected = fromScratch([toP2]);

    const failed = [() => session.undo(), () => session.redo(), () => session.restore([], []), () => session.setRules({ ...DEFAULT_RULES, overlapRule: 'fileOrder' })].map((step) => {
      fault.armed = true;
      const outcome = attempt(step);
      return { outcome, same: session.state() === state, schoolOf: session.schoolOf().slice() };
    });
    for (const f of failed) {
      expect(f.same).toBe(true);
      expect(f.schoolOf).toEqual(expected.schoolOf);
    }
    // Undo and redo answer a refusal; opening a scenario and a rule change throw (the page restarts the worker).
    expect(failed.map((f) => (f.outcome instanceof Error ? f.outcome.message : f.outcome))).toEqual([
      { ok: false, problem: { code: 'engineError', params: { got: 'boom' } } },
      { ok: false, problem: { code: 'engineError', params: { got: 'boom' } } },
      'boom',
      'boom',
    ]);

    // The history is whole: redo gives back the classrooms, undo twice the dataset's zoning.
    expect((session.redo() as EditOutcome).result).toEqual(fromScratch([toP2, rooms]).result);
    session.undo();
    expect((session.undo() as EditOutcome).result).toEqual(fromScratch([]).result);
  });

  it('a session that cannot be put back after a throw says it is broken and refuses every later step (the worker then crashes itself)', () => {
    const session = createEditSession(loaded(), DEFAULT_RULES, createAssignmentWorkspace());
    fault.armed = true;
    fault.rebuildFails = true;
    const failed = attempt(() => session.apply(rooms));
    fault.rebuildFails = false;
    expect(failed).toEqual(new Error('the editing session could not be restored after an error: rebuild failed'));
    expect(session.brokenBy()).toBe(failed);
    expect(attempt(() => session.undo())).toBe(failed);
    expect(attempt(() => session.apply(toP2))).toBe(failed);
  });

  it('the test-only hook of the engine API makes the next edit throw midway; the refusal changes nothing', async () => {
    const api = createEngineApi();
    const files = ['schools.geojson', 'catchments.geojson', 'students.csv'].map((name) => ({ name, bytes: new TextEncoder().encode(read(name)).buffer as ArrayBuffer }));
    expect((await api.load(files)).ok).toBe(true);
    const before = api.simulate().result;
    api.__armEditFault();
    expect(api.applyEdit(rooms)).toEqual({ ok: false, problem: { code: 'engineError', params: { got: 'injected fault (test hook)' } } });
    expect(api.simulate().result).toEqual(before);
    expect((api.applyEdit(rooms) as EditOutcome).result.schools.find((s) => s.id === 'P1')!.classrooms).toBe(8);
  });
});
