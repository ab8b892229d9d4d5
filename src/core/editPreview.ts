import type { Dataset } from './dataset';
import type { Rules } from './rules';
import { applyZoneState, type ScenarioRun } from './scenarioRun';
import type { ZoneState } from './zoneState';

/** Pupils that would change from one school to another (null: no school), all grades together. */
export interface PreviewFlow {
  from: string | null;
  to: string | null;
  count: number;
}

/** A school an edit would change: its pupils and largest class before and after. */
export interface PreviewSchool {
  schoolId: string;
  pupilsBefore: number;
  pupils: number;
  largestClassBefore: number;
  largestClass: number;
  /** Over the school-size limit after the edit. */
  oversize: boolean;
}

/** What an edit would do, computed without applying it (see computeEditPreview). */
export interface EditPreview {
  ok: true;
  /** Pupils that would change school. */
  moved: number;
  /** Who would move where (the pupils on each side of a boundary), largest first. */
  flows: PreviewFlow[];
  /** The schools the edit would change: those in `flows` in their order, then any other whose result changes. */
  schools: PreviewSchool[];
  /** Engine time of the preview, ms. */
  computeMs: number;
}

/**
 * A copy of a run that shares nothing `applyZoneState` changes (typed arrays, maps, sets and the
 * shared-zone ids are copied; states, schools and results are replaced there, never mutated).
 */
export function copyRun(run: ScenarioRun): ScenarioRun {
  return {
    ...run,
    sharedIds: { schoolCount: run.sharedIds.schoolCount, groups: run.sharedIds.groups.slice(), byKey: new Map(run.sharedIds.byKey) },
    zoneOf: run.zoneOf.slice(),
    zoneSchoolOf: run.zoneSchoolOf.slice(),
    overlaps: new Map(run.overlaps),
    onBoundary: new Set(run.onBoundary),
    schoolOf: run.schoolOf.slice(),
    counts: run.counts.slice(),
    unassignedByLevel: { ...run.unassignedByLevel },
    shared: { ...run.shared },
  };
}

/**
 * The figures of moving `run` to the zone state `next` (an edit not yet committed): pupils moved by
 * from → to, and the changed schools' pupils and largest class before and after. `run` is left
 * exactly as it was: the move is made on a copy (copyRun) by the same incremental path an edit takes,
 * so the preview's figures are those the edit would give.
 */
export function computeEditPreview(run: ScenarioRun, dataset: Dataset, next: ZoneState, rules: Rules): Omit<EditPreview, 'computeMs'> {
  const before = run.result.schools;
  const trial = copyRun(run);
  const moves = applyZoneState(trial, dataset, next, rules);
  const after = trial.result.schools;
  const flows = new Map<string, { from: number; to: number; count: number }>();
  for (const m of moves) {
    const key = `${m.from}|${m.to}`;
    const flow = flows.get(key);
    if (flow) flow.count++;
    else flows.set(key, { from: m.from, to: m.to, count: 1 });
  }
  const ordered = [...flows.values()].sort((a, b) => b.count - a.count || a.from - b.from || a.to - b.to);
  const id = (s: number) => (s >= 0 ? dataset.schools[s].id : null);
  const touched: number[] = [];
  for (const f of ordered) for (const s of [f.from, f.to]) if (s >= 0 && !touched.includes(s)) touched.push(s);
  // Schools changed without pupils moving (their facilities) follow.
  for (let s = 0; s < after.length; s++) if (after[s] !== before[s] && !touched.includes(s)) touched.push(s);
  return {
    ok: true,
    moved: moves.length,
    flows: ordered.map((f) => ({ from: id(f.from), to: id(f.to), count: f.count })),
    schools: touched.map((s) => ({
      schoolId: dataset.schools[s].id,
      pupilsBefore: before[s].enrollment,
      pupils: after[s].enrollment,
      largestClassBefore: before[s].maxClassSize,
      largestClass: after[s].maxClassSize,
      oversize: after[s].oversize,
    })),
  };
}
