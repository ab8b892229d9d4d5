import { GRADE_STRIDE } from '../aggregate';
import { computeMustLeave } from './mustLeave';
import type { BalanceInput, BalanceObjective, BalanceSchool, BalanceSettings } from './types';

/** Objectives compared in order; true when `a` is strictly better than `b`. */
export function isBetter(a: BalanceObjective & { utilizationGap: number }, b: BalanceObjective & { utilizationGap: number }): boolean {
  const EPS = 1e-9;
  if (a.violation !== b.violation) return a.violation < b.violation;
  if (Math.abs(a.utilizationGap - b.utilizationGap) > EPS) return a.utilizationGap < b.utilizationGap;
  if (Math.abs(a.moved - b.moved) > EPS) return a.moved < b.moved;
  return a.addedKm < b.addedKm - EPS;
}

/** A change of the objective by one move. */
export interface MoveDelta {
  violation: number;
  utilizationGap: number;
  moved: number;
  addedKm: number;
}

/**
 * Objective with the utilization gap, ranked after the limits and before pupils moved: pupils below
 * an opening school's minimum (first year slot) plus pupils above a school's target (every slot).
 */
export type FullObjective = BalanceObjective & { utilizationGap: number };

/**
 * The balancing state: items are (level, unit) pairs with a zone today; each is unmoved (its pupils
 * where they are) or assigned to a school (all its pupils there). Keeps the pupils by year, school
 * and grade, each school's pupils who must leave, and the objective, updated move by move.
 */
export class BalanceState {
  readonly S: number;
  readonly Y: number;
  /** Per item: level slot (index into input.levels), unit, school today. */
  readonly itemLevel: Int32Array;
  readonly itemUnit: Int32Array;
  readonly home: Int32Array;
  /** Per item: target school, −1 = unmoved. */
  readonly target: Int32Array;
  /** Per item, year and grade: all its pupils (item × Y × GRADE_STRIDE). */
  readonly total: Float64Array;
  /** (year × S + school) × GRADE_STRIDE + grade; whole pupils are these rounded (see BalanceInput). */
  readonly load: Float64Array;
  /** Pupils who must leave, per year × S + school (0 for schools whose limits do not count). */
  readonly mustLeave: Int32Array;
  /** Whether a school's limits count: public schools open in the plan or with pupils. */
  readonly limited: Uint8Array;
  /** Per school, pupils an opening school should reach in the first year slot (0: none). */
  readonly minPupils: Float64Array;
  /** Per year slot × S + school, pupils above which the school passes its target utilization (Infinity: no target). */
  readonly maxPupils: Float64Array;
  /** itemOf[levelSlot][unit] = item index or −1. */
  readonly itemOf: Int32Array[];
  readonly gradeWeight: Float64Array;
  objective: FullObjective = { violation: 0, utilizationGap: 0, moved: 0, addedKm: 0 };
  /** Per school, the items whose school (target, else home) it is. */
  readonly members: number[][];
  private readonly memberPos: Int32Array;
  private readonly cap: Float64Array;
  private readonly schoolX: Float64Array;
  private readonly schoolY: Float64Array;

  constructor(
    readonly input: BalanceInput,
    settings: BalanceSettings,
  ) {
    const S = input.schools.length;
    const Y = input.years.length;
    this.S = S;
    this.Y = Y;
    this.schoolX = Float64Array.from(input.schools, (s) => s.x);
    this.schoolY = Float64Array.from(input.schools, (s) => s.y);
    this.cap = Float64Array.from({ length: GRADE_STRIDE }, (_, g) => input.gradeCap[g] ?? 1);
    const lv: number[] = [];
    const un: number[] = [];
    const hm: number[] = [];
    this.itemOf = input.levels.map((l, k) => {
      const of = new Int32Array(input.unitIds.length).fill(-1);
      for (let u = 0; u < input.unitIds.length; u++) {
        if (l.home[u] < 0) continue;
        of[u] = lv.length;
        lv.push(k);
        un.push(u);
        hm.push(l.home[u]);
      }
      return of;
    });
    const n = lv.length;
    this.itemLevel = Int32Array.from(lv);
    this.itemUnit = Int32Array.from(un);
    this.home = Int32Array.from(hm);
    this.target = new Int32Array(n).fill(-1);
    this.total = new Float64Array(n * Y * GRADE_STRIDE);
    this.load = Float64Array.from(input.fixed);
    this.gradeWeight = new Float64Array(GRADE_STRIDE);
    for (let g = 1; g < GRADE_STRIDE; g++) {
      const entrant = g === 1 || g === input.firstJuniorGrade;
      this.gradeWeight[g] = settings.phaseIn ? (entrant ? 1 : 0) : entrant ? settings.entrantWeight : 1;
    }
    for (let i = 0; i < n; i++) {
      const p = input.levels[this.itemLevel[i]].pupils;
      for (let e = p.offsets[this.itemUnit[i]]; e < p.offsets[this.itemUnit[i] + 1]; e++) {
        this.total[(i * Y + p.year[e]) * GRADE_STRIDE + p.grade[e]] += p.count[e];
        if (p.school[e] >= 0) this.load[(p.year[e] * S + p.school[e]) * GRADE_STRIDE + p.grade[e]] += p.count[e];
      }
    }
    this.limited = Uint8Array.from(input.schools, (s) => (s.public ? 1 : 0));
    this.minPupils = Float64Array.from(input.schools, (s) =>
      s.opening && roomsIn(s, 0) !== undefined && settings.minOpeningUtilization > 0 ? settings.minOpeningUtilization * roomsIn(s, 0)! * averageCap(input, s.level) : 0,
    );
    const target = settings.targetUtilization ?? 0;
    this.maxPupils = new Float64Array(Y * S).fill(Infinity);
    if (target > 0) for (let y = 0; y < Y; y++) for (let k = 0; k < S; k++) if (input.schools[k].public) this.maxPupils[y * S + k] = target * seatsOf(input, input.schools[k], y);
    this.mustLeave = new Int32Array(Y * S);
    for (let y = 0; y < Y; y++) for (let s = 0; s < S; s++) this.mustLeave[y * S + s] = this.excessOf(y, s);
    this.members = Array.from({ length: S }, () => []);
    this.memberPos = new Int32Array(n);
    for (let i = 0; i < n; i++) this.addMember(i, this.home[i]);
    this.objective = this.computeObjective();
  }

  /** The school an item's pupils go to (its target, else its school today). */
  schoolOf(i: number): number {
    return this.target[i] >= 0 ? this.target[i] : this.home[i];
  }

  /** Pupils who must leave school s in year slot y under the current loads. */
  excessOf(y: number, s: number): number {
    if (this.limited[s] === 0) return 0;
    const school = this.input.schools[s];
    return computeMustLeave(this.load, (y * this.S + s) * GRADE_STRIDE, this.cap, roomsIn(school, y), school.maxSize);
  }

  /** Whole pupils of school s in year slot y. */
  pupilsIn(y: number, s: number): number {
    let n = 0;
    const base = (y * this.S + s) * GRADE_STRIDE;
    for (let g = 1; g < GRADE_STRIDE; g++) n += Math.round(this.load[base + g]);
    return n;
  }

  /**
   * School s's utilization gap: pupils below its minimum in the first year slot (an opening school)
   * plus, per year slot, pupils above its target utilization.
   */
  utilizationGapOf(s: number): number {
    let gap = this.minPupils[s] > 0 ? Math.max(0, this.minPupils[s] - this.pupilsIn(0, s)) : 0;
    for (let y = 0; y < this.Y; y++) if (this.maxPupils[y * this.S + s] !== Infinity) gap += Math.max(0, this.pupilsIn(y, s) - this.maxPupils[y * this.S + s]);
    return gap;
  }

  /** The objective from scratch (the twin of the deltas). */
  computeObjective(): FullObjective {
    let violation = 0;
    for (let y = 0; y < this.Y; y++) for (let s = 0; s < this.S; s++) violation += this.excessOf(y, s);
    let utilizationGap = 0;
    for (let s = 0; s < this.S; s++) utilizationGap += this.utilizationGapOf(s);
    let moved = 0;
    let addedKm = 0;
    for (let i = 0; i < this.target.length; i++) {
      const c = this.costOf(i, this.target[i]);
      moved += c.moved;
      addedKm += c.addedKm;
    }
    return { violation, utilizationGap, moved, addedKm };
  }

  /** Weighted pupils moved and added pupil·km of item i assigned to school t (−1: unmoved: none); see counted. */
  costOf(i: number, t: number): { moved: number; addedKm: number; pupils: number } {
    if (t < 0) return { moved: 0, addedKm: 0, pupils: 0 };
    const level = this.input.levels[this.itemLevel[i]];
    const u = this.itemUnit[i];
    const p = level.pupils;
    const dt = this.distance(u, t);
    let moved = 0;
    let addedKm = 0;
    let pupils = 0;
    for (let e = p.offsets[u]; e < p.offsets[u + 1]; e++) {
      if (!this.counted(p.year[e], p.grade[e]) || p.school[e] === t) continue;
      moved += p.count[e] * this.gradeWeight[p.grade[e]];
      pupils += p.count[e];
      if (p.school[e] >= 0) addedKm += p.count[e] * (dt - this.distance(u, p.school[e]));
    }
    return { moved, addedKm, pupils };
  }

  /**
   * Whether pupils of `grade` in year slot `y` count as moved when their unit moves: all pupils of
   * the first slot, and the entrants of each later one (each pupil is counted once, in the year the
   * move first reaches them).
   */
  counted(y: number, grade: number): boolean {
    return y === 0 || grade === 1 || grade === this.input.firstJuniorGrade;
  }

  /** Straight-line distance from unit u to school s, km. */
  distance(u: number, s: number): number {
    const dx = this.input.unitX[u] - this.schoolX[s];
    const dy = this.input.unitY[u] - this.schoolY[s];
    return Math.sqrt(dx * dx + dy * dy);
  }

  private readonly touched: number[] = [];

  /** Adds (sign 1) or removes (−1) item i's pupils as assigned to t (−1: where they are today). */
  private place(i: number, t: number, sign: number): void {
    const S = this.S;
    const Y = this.Y;
    if (t >= 0) {
      for (let y = 0; y < Y; y++) {
        const base = (y * S + t) * GRADE_STRIDE;
        const src = (i * Y + y) * GRADE_STRIDE;
        for (let g = 1; g < GRADE_STRIDE; g++) this.load[base + g] += sign * this.total[src + g];
      }
      this.touch(t);
      return;
    }
    const p = this.input.levels[this.itemLevel[i]].pupils;
    const u = this.itemUnit[i];
    for (let e = p.offsets[u]; e < p.offsets[u + 1]; e++) {
      const s = p.school[e];
      if (s < 0) continue;
      this.load[(p.year[e] * S + s) * GRADE_STRIDE + p.grade[e]] += sign * p.count[e];
      this.touch(s);
    }
  }

  private touch(s: number): void {
    if (!this.touched.includes(s)) this.touched.push(s);
  }

  /** The change of the objective if item i went to t (−1: back to unmoved); the state is unchanged afterwards. */
  delta(i: number, t: number): MoveDelta {
    const from = this.target[i];
    this.touched.length = 0;
    this.place(i, from, -1);
    this.place(i, t, 1);
    let violation = 0;
    let utilizationGap = 0;
    for (const s of this.touched) {
      for (let y = 0; y < this.Y; y++) violation += this.excessOf(y, s) - this.mustLeave[y * this.S + s];
      utilizationGap += this.utilizationGapOf(s);
    }
    this.place(i, t, -1);
    this.place(i, from, 1);
    for (const s of this.touched) utilizationGap -= this.utilizationGapOf(s);
    const a = this.costOf(i, t);
    const b = this.costOf(i, from);
    return { violation, utilizationGap, moved: a.moved - b.moved, addedKm: a.addedKm - b.addedKm };
  }

  /** Moves item i to t (−1: back to unmoved) and updates loads, must-leave figures, members and the objective. */
  apply(i: number, t: number): void {
    const d = this.delta(i, t);
    const from = this.target[i];
    this.touched.length = 0;
    this.place(i, from, -1);
    this.place(i, t, 1);
    for (const s of this.touched) for (let y = 0; y < this.Y; y++) this.mustLeave[y * this.S + s] = this.excessOf(y, s);
    this.removeMember(i, this.schoolOf(i));
    this.target[i] = t;
    this.addMember(i, this.schoolOf(i));
    const o = this.objective;
    this.objective = { violation: o.violation + d.violation, utilizationGap: o.utilizationGap + d.utilizationGap, moved: o.moved + d.moved, addedKm: o.addedKm + d.addedKm };
  }

  /** Whether school s must lose pupils in some year slot. */
  isOver(s: number): boolean {
    for (let y = 0; y < this.Y; y++) if (this.mustLeave[y * this.S + s] > 0) return true;
    return false;
  }

  private addMember(i: number, s: number): void {
    this.memberPos[i] = this.members[s].length;
    this.members[s].push(i);
  }

  private removeMember(i: number, s: number): void {
    const list = this.members[s];
    const last = list.pop()!;
    if (last !== i) {
      list[this.memberPos[i]] = last;
      this.memberPos[last] = this.memberPos[i];
    }
  }
}

/**
 * The seats of school s in year slot y: its rooms × the mean class cap of its entry grades, at most
 * its size limit (the size limit when its rooms are not known).
 */
export function seatsOf(input: BalanceInput, school: BalanceSchool, y: number): number {
  const rooms = roomsIn(school, y);
  return rooms === undefined ? school.maxSize : Math.min(school.maxSize, rooms * averageCap(input, school.level));
}

/** School's general classrooms in year slot y (its rooms in that year when they change by year). */
export function roomsIn(school: BalanceSchool, y: number): number | undefined {
  return school.roomsByYear ? school.roomsByYear[y] : school.rooms;
}

function averageCap(input: BalanceInput, level: string): number {
  const grades = level === 'primary' ? [1] : level === 'junior' ? [input.firstJuniorGrade] : [1, input.firstJuniorGrade];
  return grades.reduce((a, g) => a + input.gradeCap[g], 0) / grades.length;
}
