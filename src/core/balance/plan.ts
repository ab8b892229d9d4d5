import { GRADE_STRIDE } from '../aggregate';
import { computeLimitExcess } from './mustLeave';
import { roomsIn, type BalanceState } from './state';
import type { BalanceFailure, BalanceMove, BalancePlan, MoveReason } from './types';

const REASON_ORDER: MoveReason[] = ['relieve', 'makeRoom', 'fillNew', 'connect'];

/**
 * The plan of the state's current targets: one `assignUnits` edit per moved unit, ordered by level,
 * reason, school left and unit; why each moves (`initialOver`: the schools over their limits before
 * the plan); the objective; and every school still over its limits with by how much.
 */
export function computePlan(st: BalanceState, initialOver: Uint8Array, contiguityChecked: boolean): BalancePlan {
  const { input } = st;
  const received = new Uint8Array(st.S);
  for (let i = 0; i < st.target.length; i++) if (st.target[i] >= 0) received[st.target[i]] = 1;
  const moves: (BalanceMove & { sortKey: number[] })[] = [];
  let pupilsMoved = 0;
  for (let i = 0; i < st.target.length; i++) {
    const t = st.target[i];
    if (t < 0) continue;
    const level = input.levels[st.itemLevel[i]];
    const u = st.itemUnit[i];
    const h = st.home[i];
    const reason: MoveReason = initialOver[h] === 1 ? 'relieve' : st.minPupils[t] > 0 ? 'fillNew' : received[h] === 1 ? 'makeRoom' : 'connect';
    const pupilsByGrade = new Array<number>(GRADE_STRIDE).fill(0);
    const p = level.pupils;
    for (let e = p.offsets[u]; e < p.offsets[u + 1]; e++) if (st.counted(p.year[e], p.grade[e]) && p.school[e] !== t) pupilsByGrade[p.grade[e]] += p.count[e];
    const cost = st.costOf(i, t);
    pupilsMoved += cost.pupils;
    const to = input.schools[t].id;
    moves.push({
      edit: { op: 'assignUnits', level: level.level, schoolId: to, unitIds: [input.unitIds[u]] },
      reason,
      unitId: input.unitIds[u],
      level: level.level,
      from: input.schools[h].id,
      to,
      pupilsByGrade: pupilsByGrade.map(Math.round),
      addedKm: cost.pupils > 0 ? cost.addedKm / cost.pupils : st.distance(u, t) - st.distance(u, h),
      sortKey: [st.itemLevel[i], REASON_ORDER.indexOf(reason), h, u],
    });
  }
  moves.sort((a, b) => {
    for (let k = 0; k < a.sortKey.length; k++) if (a.sortKey[k] !== b.sortKey[k]) return a.sortKey[k] - b.sortKey[k];
    return 0;
  });
  const failures: BalanceFailure[] = [];
  for (let s = 0; s < st.S; s++) {
    for (let y = 0; y < st.Y; y++) {
      if (st.mustLeave[y * st.S + s] === 0) continue;
      const school = input.schools[s];
      const e = computeLimitExcess(st.load, (y * st.S + s) * GRADE_STRIDE, input.gradeCap, roomsIn(school, y), school.maxSize);
      failures.push({ schoolId: school.id, year: input.years[y], pupilsOver: e.pupilsOver, roomsShort: e.roomsShort, mustLeave: e.mustLeave });
      break;
    }
  }
  const o = st.objective;
  const goals = st.minPupils.some((v) => v > 0) || st.maxPupils.some((v) => v !== Infinity);
  return {
    moves: moves.map(({ sortKey: _, ...m }) => m),
    objective: { violation: o.violation, ...(goals && { utilizationGap: o.utilizationGap }), moved: o.moved, addedKm: o.addedKm },
    pupilsMoved: Math.round(pupilsMoved),
    unitsMoved: moves.length,
    limitsMet: o.violation === 0,
    failures,
    contiguityChecked,
  };
}
