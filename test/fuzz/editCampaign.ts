import { createAssignmentWorkspace } from '../../src/core/assignment';
import type { Dataset } from '../../src/core/dataset';
import { computeMovedGroups } from '../../src/core/moves';
import { gradesTaught, type Rules } from '../../src/core/rules';
import { computeScenarioRun, type ScenarioRun } from '../../src/core/scenarioRun';
import type { SimulationResult } from '../../src/core/simulation';
import { classesBySection, computeNearbyCounts, computeStandards, NATIONAL_PROFILE } from '../../src/core/standards';
import { applyZoneEdit, type EditContext, type ZoneEdit } from '../../src/core/zoneEdits';
import type { ZoneState } from '../../src/core/zoneState';
import { countyOutline } from '../../src/io/countyOutline';
import { unitCellArea } from '../../src/core/units/datasetCells';
import { createEditSession, type EditOutcome, type EditRefusal, type EditSession } from '../../workers/editSession';
import { firstDifference, sortedByJson } from './compare';
import { EDIT_DATASETS, editDataset, type EditDataset } from './editData';
import { randomStep, zonesBox, type Step } from './editSteps';
import { editedOutlineFault } from './outlineCheck';
import { caseSeed, Rng } from './prng';
import type { CaseReport, Failure } from './report';

/** Options of the edit campaign. */
export interface EditOptions {
  /** Inject faults (a dependency of the session throws mid-edit). */
  faults: boolean;
  /** Only this dataset (default: chosen by weight per case). */
  dataset?: keyof typeof EDIT_DATASETS;
  /** Most steps per sequence. */
  maxSteps: number;
}

/** A fault thrown by the test's hook inside the session's dependencies. */
export class InjectedFault extends Error {
  constructor() {
    super('injected fault');
    this.name = 'InjectedFault';
  }
}

/** The fault hook: when `countdown` is above 0, each property read of a watched object counts it down, and the read that reaches 0 throws. */
interface FaultHook {
  countdown: number;
  fired: number;
}

/** The object with every property read watched by the hook (the session's dataset and rules, for faults mid-edit). */
function watched<T extends object>(target: T, hook: FaultHook): T {
  return new Proxy(target, {
    get(t, key, receiver) {
      if (hook.countdown > 0 && --hook.countdown === 0) {
        hook.fired++;
        throw new InjectedFault();
      }
      return Reflect.get(t, key, receiver);
    },
  });
}

/** What the history looked like at one place: the state, its from-scratch result and schools, under which rules. */
interface Snapshot {
  state: ZoneState;
  result: SimulationResult;
  schoolOf: Int32Array;
  rulesVersion: number;
}

/** Counts that must reconcile in any result: rows read, assigned and unassigned pupils, school totals and grades. */
export function reconcile(dataset: Dataset, result: SimulationResult, schoolOf: Int32Array, rules: Rules): string | undefined {
  const s = result.summary;
  const p = dataset.pupils;
  if (dataset.rowsRead !== p.count + dataset.rejected.length) return `rows read ${dataset.rowsRead} ≠ loaded ${p.count} + rejected ${dataset.rejected.length}`;
  if (s.input !== s.assigned + s.unassigned + s.rejected) return `input ${s.input} ≠ assigned ${s.assigned} + unassigned ${s.unassigned} + rejected ${s.rejected}`;
  const enrolled = result.schools.reduce((a, r) => a + r.enrollment, 0);
  if (enrolled !== s.assigned) return `school enrollments sum to ${enrolled}, county assigned ${s.assigned}`;
  const counted = new Map<number, number>();
  const unassigned = { primary: 0, junior: 0 };
  for (let i = 0; i < p.count; i++) {
    const school = schoolOf[i];
    if (school < 0) {
      unassigned[i < p.segmentStart[1] ? 'primary' : 'junior']++;
      continue;
    }
    const key = school * 16 + p.grade[i];
    counted.set(key, (counted.get(key) ?? 0) + 1);
  }
  if (unassigned.primary !== s.unassignedByLevel.primary || unassigned.junior !== s.unassignedByLevel.junior) {
    return `unassigned by level ${JSON.stringify(s.unassignedByLevel)}, pupils without school ${JSON.stringify(unassigned)}`;
  }
  for (const [key, n] of counted) {
    const [school, grade] = [Math.floor(key / 16), key % 16];
    const r = result.schools[school];
    if (!gradesTaught(dataset.schools[school].level, rules).includes(grade)) return `${n} pupil(s) of grade ${grade} at ${r.id}, which does not teach it`;
    if (r.grades[grade] !== n) return `${r.id} grade ${grade}: result ${r.grades[grade]}, pupils placed there ${n}`;
  }
  for (const r of result.schools) {
    for (const [g, n] of Object.entries(r.grades)) if (n > 0 && !counted.has(result.schools.indexOf(r) * 16 + Number(g))) return `${r.id} grade ${g}: result ${n}, no pupil placed there`;
  }
  return undefined;
}

const sameInts = (a: Int32Array, b: Int32Array) => a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

/** A short text naming a step, for failure messages. */
export function describeStep(step: Step): string {
  if ('edit' in step) {
    const e = step.edit as Partial<ZoneEdit> | null;
    return `${step.kind} ${e?.op ?? String(e)} (${step.via})${step.kind === 'fault' ? ` fault after ${step.countdown} reads` : ''}`;
  }
  if (step.kind === 'rules') return `rules ${step.rules.overlapRule}/${step.rules.sharedZoneWeights}/seed ${step.rules.sharedZoneSeed}`;
  if (step.kind === 'splitRefused') return `split refused (${step.code})`;
  if (step.kind === 'restore') return `restore${step.broken ? ' with a broken edit' : ''}`;
  return step.kind;
}

/**
 * Runs edit sequence `k` of a campaign seeded `seed`: a dataset, rules and up to maxSteps steps,
 * all drawn from the case's own seed, through the session the worker uses, in process. After
 * every step: the incremental result equals a from-scratch run of the session's state (and of
 * the edits replayed from the dataset's own zoning), zone outlines an edit made have no
 * repeated points, zero-width spikes or pieces without area, undo and redo give back exactly the state and
 * results they had, a refused edit changes nothing, counts reconcile, the standards agree, and no
 * exception escapes. Stops at the first failure.
 */
export function runEditCase(seed: number, k: number, options: EditOptions): CaseReport {
  const rng = new Rng(caseSeed(seed, 'edits', k));
  const failures: Failure[] = [];
  const datasetName = options.dataset ?? rng.weighted(EDIT_DATASETS);
  let data: EditDataset;
  try {
    data = editDataset(datasetName, rng);
  } catch (e) {
    return { failures: [{ kind: 'dataset', message: `the ${datasetName} dataset did not load: ${(e as Error).message}` }], notes: {} };
  }
  const dataset = data.loaded.dataset;
  let rules: Rules = { ...data.rules, overlapRule: rng.pick(['smallestZone', 'fileOrder'] as const), sharedZoneWeights: rng.pick(['freePlaces', 'equal'] as const) };
  const hook: FaultHook = { countdown: 0, fired: 0 };
  const session: EditSession = createEditSession({ ...data.loaded, dataset: watched(dataset, hook) }, watched(rules, hook), createAssignmentWorkspace());
  const ctx: EditContext = {
    schools: dataset.schools,
    schoolIndex: new Map(dataset.schools.map((s, i) => [s.id, i])),
    unitIndex: new Map(dataset.unitIds.map((u, i) => [u, i])),
    county: countyOutline(data.loaded.county),
    unitArea: (level, u) => unitCellArea(dataset, level, u, rules.overlapRule),
  };
  // On Shouguang's zones (thousands of vertices) every step costs seconds of polygon clipping: shorter sequences, fewer replays.
  const big = datasetName === 'shouguang' || datasetName === 'shouguangSample';
  const steps = rng.int(1, datasetName === 'shouguang' ? Math.min(options.maxSteps, 4) : big ? Math.min(options.maxSteps, 5) : options.maxSteps);
  const stepCtx = { dataset, box: zonesBox(dataset.zoneState), faults: options.faults };

  // The model of the history: every edit kept (those after `at` can be redone), and a snapshot per place.
  let edits: ZoneEdit[] = [];
  let at = 0;
  let rulesVersion = 0;
  const scratchOf = (state: ZoneState): ScenarioRun => computeScenarioRun(dataset, state, rules);
  let base = scratchOf(dataset.zoneState);
  const first = base;
  // The state and results at each place of the history, while they still hold (for the undo and redo checks).
  let snaps: (Snapshot | undefined)[] = [{ state: dataset.zoneState, result: first.result, schoolOf: first.schoolOf, rulesVersion }];
  const notes: Record<string, number> = { [`dataset ${datasetName}`]: 1 };
  const note = (key: string) => (notes[key] = (notes[key] ?? 0) + 1);

  for (let n = 1; n <= steps && failures.length === 0; n++) {
    const state = session.state();
    const step = randomStep(rng, stepCtx, state, rules);
    const fail = (kind: string, message: string): undefined => {
      failures.push({ kind, message: `step ${n} of ${steps} [${describeStep(step)}] on ${datasetName}: ${message}` });
      return undefined;
    };
    const before = snaps[at]!;
    note(step.kind);
    if (process.env.FUZZ_TRACE) console.log(`step ${n}: ${describeStep(step)} at=${at} edits=${edits.length}`);

    /** The checks of an accepted step: incremental = from scratch, counts, standards, history flags; `moved` against the schools before. */
    const checkOutcome = (outcome: EditOutcome, movedFrom: Int32Array | undefined) => {
      const now = session.state();
      const scratch = scratchOf(now);
      const d = firstDifference(outcome.result, scratch.result, 'result');
      if (d) return fail('incremental≠scratch', d);
      if (!sameInts(session.schoolOf(), scratch.schoolOf)) return fail('incremental≠scratch', 'school per pupil differs from a from-scratch run');
      const why = reconcile(dataset, outcome.result, session.schoolOf(), rules);
      if (why) return fail('counts', why);
      const outline = editedOutlineFault(now, dataset.zoneState);
      if (outline) return fail('outline', outline);
      const total = firstDifference(sortedByJson(outcome.totalMoved), sortedByJson(computeMovedGroups(dataset, base.schoolOf, scratch.schoolOf)), 'totalMoved');
      if (total) return fail('moves', total);
      if (movedFrom) {
        const moved = firstDifference(sortedByJson(outcome.moved), sortedByJson(computeMovedGroups(dataset, movedFrom, scratch.schoolOf)), 'moved');
        if (moved) return fail('moves', moved);
      }
      if (outcome.canUndo !== at > 0 || outcome.canRedo !== at < edits.length) return fail('history', `canUndo ${outcome.canUndo} canRedo ${outcome.canRedo}, expected ${at > 0} ${at < edits.length}`);
      const locked = { primary: [...now.locked.primary].map((s) => dataset.schools[s].id), junior: [...now.locked.junior].map((s) => dataset.schools[s].id) };
      const l = firstDifference(outcome.locked, locked, 'locked');
      if (l) return fail('history', l);
      if (datasetName !== 'shouguang') {
        const standards = computeStandards(scratch.schools, scratch.counts, classesBySection(scratch.result.schools, rules), rules, NATIONAL_PROFILE, computeNearbyCounts(dataset.pupils, scratch.zoneSchoolOf));
        const sd = firstDifference(session.standards(), standards, 'standards');
        if (sd) return fail('incremental≠scratch', sd);
      }
      if (n === steps) {
        // The same edits replayed from the dataset's own zoning give the same state (once per sequence: replays cost as much as the sequence).
        let replayed = dataset.zoneState;
        try {
          for (const e of edits.slice(0, at)) replayed = applyZoneEdit(replayed, e, ctx);
        } catch (e) {
          return fail('replay', `replaying the ${at} edits failed: ${(e as Error).message}`);
        }
        const rd = firstDifference(replayed, now, 'state');
        if (rd) return fail('replay', rd);
      }
      return scratch;
    };

    /** A refusal changes nothing: the same state object, the same schools. */
    const checkUnchanged = (what: string) => {
      if (session.state() !== state) return fail('refusal-changed', `${what}: the state changed`);
      if (!sameInts(session.schoolOf(), before.schoolOf) && before.rulesVersion === rulesVersion) return fail('refusal-changed', `${what}: the schools changed`);
      return undefined;
    };

    const record = (scratch: ScenarioRun | undefined) => {
      if (scratch) snaps[at] = { state: scratch.state, result: scratch.result, schoolOf: scratch.schoolOf.slice(), rulesVersion };
    };

    try {
      if (step.kind === 'edit' || step.kind === 'refused' || step.kind === 'fault') {
        if (step.kind === 'fault') hook.countdown = step.countdown;
        let outcome: EditOutcome | EditRefusal;
        try {
          outcome = session.apply(step.edit);
        } catch (e) {
          if (!(e instanceof InjectedFault)) throw e;
          note('fault fired');
          // The failed edit must leave the session as it was (atomic edits).
          if (session.state() !== state) fail('fault-not-atomic', `an edit that failed inside the session (injected fault) left its state changed (history moved on to the failed edit)`);
          else if (!sameInts(session.schoolOf(), before.schoolOf)) fail('fault-not-atomic', 'an edit that failed inside the session left the schools changed');
          // An edit that changes nothing (an area inside the school's own zone) leaves the same
          // state object whether or not the history took it: the rest of the sequence could not
          // tell the model from the session, so the case ends here.
          else if (applyZoneEdit(state, step.edit, ctx) === state) break;
          continue;
        } finally {
          hook.countdown = 0;
        }
        if (!outcome.ok) {
          note(`refused ${outcome.problem.code}`);
          if (step.kind === 'refused' && !step.codes.includes(outcome.problem.code as never)) fail('refusal-code', `refused with ${outcome.problem.code}, expected ${step.codes.join(' or ')}`);
          // A session that turns an unexpected error into a refusal (engineError) still had one: only an injected fault may cause it.
          if (outcome.problem.code === ('engineError' as never) && step.kind !== 'fault') fail('exception', `refused as an engine error: ${JSON.stringify(outcome.problem.params)}`);
          checkUnchanged(`refused ${outcome.problem.code}`);
          continue;
        }
        if (step.kind === 'refused') {
          fail('refusable-accepted', `an edit that must be refused (${step.codes.join(' or ')}) was accepted`);
          continue;
        }
        note('applied');
        edits = [...edits.slice(0, at), step.edit];
        at++;
        snaps = snaps.slice(0, at);
        record(checkOutcome(outcome, before.rulesVersion === rulesVersion ? before.schoolOf : undefined));
      } else if (step.kind === 'splitRefused') {
        note(`split refused ${step.code}`);
      } else if (step.kind === 'undo' || step.kind === 'redo') {
        const outcome = step.kind === 'undo' ? session.undo() : session.redo();
        const possible = step.kind === 'undo' ? at > 0 : at < edits.length;
        if (!outcome.ok) {
          if (possible) fail('history', `${step.kind} refused (${outcome.problem.code}) with ${at} of ${edits.length} edits applied`);
          else checkUnchanged(`${step.kind} with nothing to ${step.kind}`);
          continue;
        }
        if (!possible) {
          fail('history', `${step.kind} accepted with ${at} of ${edits.length} edits applied`);
          continue;
        }
        at += step.kind === 'undo' ? -1 : 1;
        const scratch = checkOutcome(outcome, before.rulesVersion === rulesVersion ? before.schoolOf : undefined);
        if (!scratch) continue;
        // Undo and redo give back exactly the state and results that place had.
        const snap = snaps[at];
        if (snap) {
          const sd = firstDifference(session.state(), snap.state, 'state');
          if (sd) fail('undo-not-exact', sd);
          else if (snap.rulesVersion === rulesVersion) {
            const rd = firstDifference(outcome.result, snap.result, 'result');
            if (rd) fail('undo-not-exact', rd);
            else if (!sameInts(session.schoolOf(), snap.schoolOf)) fail('undo-not-exact', 'school per pupil differs from before');
          }
        }
        record(scratch);
      } else if (step.kind === 'rules') {
        // Another overlap rule gives the units other cells: the session makes its history again, so the states kept for undo no longer hold.
        if (step.rules.overlapRule !== rules.overlapRule) snaps = snaps.map((snap, i) => (i === at ? snap : undefined));
        rules = step.rules;
        rulesVersion++;
        base = scratchOf(dataset.zoneState);
        const outcome = session.setRules(watched(rules, hook));
        record(checkOutcome(outcome, undefined));
      } else if (step.kind === 'restore') {
        const done = edits.slice(0, at);
        const redo = edits.slice(at);
        if (step.broken) {
          // A saved scenario whose edit no longer applies: refused, naming it; nothing changes.
          const bad = { op: 'assignArea', level: 'primary', schoolId: 'GONE', area: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } } as ZoneEdit;
          const place = rng.int(0, done.length + redo.length);
          const all = [...done, ...redo];
          all.splice(place, 0, bad);
          const outcome = session.restore(all.slice(0, done.length), all.slice(done.length));
          if (outcome.ok) fail('refusable-accepted', 'a scenario with an edit naming an unknown school was opened');
          else if (!('index' in outcome) || outcome.index !== place) fail('refusal-code', `the failing edit is named as ${'index' in outcome ? outcome.index : 'nothing'}, it is ${place} (${JSON.stringify(outcome.problem)})`);
          else checkUnchanged('restore refused');
          continue;
        }
        const outcome = session.restore(done, redo);
        if (!outcome.ok) {
          fail('restore', `reopening the scenario's own edits was refused at ${outcome.index}: ${outcome.problem.code}`);
          continue;
        }
        const sd = firstDifference(session.state(), state, 'state');
        if (sd) {
          fail('restore', `reopened state differs: ${sd}`);
          continue;
        }
        record(checkOutcome(outcome, undefined));
      } else if (step.kind === 'preview') {
        const preview = session.preview(step.level, step.area);
        const byGrade = Object.values(preview.byGrade).reduce((a, b) => a + b, 0);
        const bySchool = preview.bySchool.reduce((a, b) => a + b.count, 0);
        if (byGrade !== preview.total || bySchool !== preview.total) fail('preview', `total ${preview.total}, by grade ${byGrade}, by school ${bySchool}`);
        else checkUnchanged('preview');
      }
    } catch (e) {
      const err = e as Error;
      fail('exception', `${err?.name ?? 'thrown'}: ${err?.message ?? String(e)} ${(err?.stack ?? '').split('\n').slice(1, 3).map((l) => l.trim()).join(' ')}`);
    }
  }
  if (hook.fired > 0) notes['faults fired'] = hook.fired;
  return { failures, notes };
}

