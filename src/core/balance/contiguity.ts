import { teachesLevel } from '../rules';
import type { BalanceState } from './state';

/**
 * Keeps every zone connected to its root unit (the unit nearest the school). A zone is the items
 * of one level whose school is the zone's school; `conn[i]` says whether item i is reached from its
 * zone's root through units of the zone. Items cut off today are exempt while they stay put: a move
 * must keep every connected item connected, never moves a root, and joins a zone only next to one
 * of its connected items (or as the root of an empty zone). Without adjacency nothing is checked.
 */
export class ZoneGraph {
  readonly conn: Uint8Array;
  /** root[levelSlot × S + s]: the item that is school s's root at that level, −1 when none. */
  readonly root: Int32Array;
  private readonly version: Int32Array;
  private readonly leaveVersion: Int32Array;
  private readonly leaveOk: Uint8Array;
  private readonly mark: Int32Array;
  private stamp = 0;
  private readonly queue: Int32Array;

  constructor(private readonly st: BalanceState) {
    const n = st.target.length;
    const L = st.input.levels.length;
    this.conn = new Uint8Array(n);
    this.root = new Int32Array(L * st.S).fill(-1);
    this.version = new Int32Array(L * st.S);
    this.leaveVersion = new Int32Array(n).fill(-1);
    this.leaveOk = new Uint8Array(n);
    this.mark = new Int32Array(n);
    this.queue = new Int32Array(n);
    const best = new Float64Array(L * st.S).fill(Infinity);
    for (let i = 0; i < n; i++) {
      const z = st.itemLevel[i] * st.S + st.home[i];
      const d = st.distance(st.itemUnit[i], st.home[i]);
      if (d < best[z]) {
        best[z] = d;
        this.root[z] = i;
      }
    }
    // An open public school without a zone at a level starts from the unit of that level nearest to it.
    for (let z = 0; z < this.root.length; z++) {
      if (this.root[z] >= 0) continue;
      const k = Math.floor(z / st.S);
      const s = z % st.S;
      const school = st.input.schools[s];
      if (!school.open || !school.public || !teachesLevel(school.level, st.input.levels[k].level)) continue;
      let nearest = Infinity;
      for (let i = 0; i < n; i++) {
        if (st.itemLevel[i] !== k) continue;
        const d = st.distance(st.itemUnit[i], s);
        if (d < nearest) {
          nearest = d;
          this.root[z] = i;
        }
      }
    }
    for (let k = 0; k < L; k++) for (let s = 0; s < st.S; s++) this.refresh(k, s);
  }

  /** Whether adjacency is known for the item's level. */
  private checked(i: number): boolean {
    return this.st.input.levels[this.st.itemLevel[i]].adjacency !== undefined;
  }

  /** Whether item i is some zone's root at its own school. */
  isRoot(i: number): boolean {
    const z = this.st.itemLevel[i] * this.st.S + this.st.schoolOf(i);
    return this.root[z] === i;
  }

  /** Whether item i may leave its zone: not its root, and the zone's connected items stay connected. */
  canLeave(i: number): boolean {
    if (!this.checked(i)) return true;
    if (this.isRoot(i)) return false;
    if (this.conn[i] === 0) return true;
    const z = this.st.itemLevel[i] * this.st.S + this.st.schoolOf(i);
    if (this.leaveVersion[i] === this.version[z]) return this.leaveOk[i] === 1;
    const rootItem = this.root[z];
    const reached = this.reach(rootItem, i);
    let connected = 0;
    for (const j of this.st.members[this.st.schoolOf(i)]) if (this.st.itemLevel[j] === this.st.itemLevel[i] && this.conn[j] === 1) connected++;
    const ok = reached === connected - 1;
    this.leaveVersion[i] = this.version[z];
    this.leaveOk[i] = ok ? 1 : 0;
    return ok;
  }

  /** Whether item i may join school t's zone: next to one of its connected items, or as the root of an empty zone. */
  canEnter(i: number, t: number): boolean {
    if (!this.checked(i)) return true;
    const k = this.st.itemLevel[i];
    const z = k * this.st.S + t;
    if (this.root[z] === i) return true;
    const adj = this.st.input.levels[k].adjacency!;
    const of = this.st.itemOf[k];
    const u = this.st.itemUnit[i];
    for (let a = adj.offsets[u]; a < adj.offsets[u + 1]; a++) {
      const j = of[adj.neighbours[a]];
      if (j >= 0 && j !== i && this.conn[j] === 1 && this.st.schoolOf(j) === t) return true;
    }
    return false;
  }

  /** Recomputes which items of school s's zone at level slot k are connected to its root; call after a move. */
  refresh(k: number, s: number): void {
    const z = k * this.st.S + s;
    this.version[z]++;
    for (const j of this.st.members[s]) if (this.st.itemLevel[j] === k) this.conn[j] = 0;
    const r = this.root[z];
    if (r < 0 || this.st.schoolOf(r) !== s) return;
    if (this.st.input.levels[k].adjacency === undefined) {
      for (const j of this.st.members[s]) if (this.st.itemLevel[j] === k) this.conn[j] = 1;
      return;
    }
    this.reach(r, -1);
    for (const j of this.st.members[s]) if (this.st.itemLevel[j] === k && this.mark[j] === this.stamp) this.conn[j] = 1;
  }

  /** Items of the root's zone reached from it without passing `skip`; marks them with the current stamp. */
  private reach(rootItem: number, skip: number): number {
    const st = this.st;
    const k = st.itemLevel[rootItem];
    const s = st.schoolOf(rootItem);
    const adj = st.input.levels[k].adjacency!;
    const of = st.itemOf[k];
    this.stamp++;
    let head = 0;
    let tail = 0;
    this.queue[tail++] = rootItem;
    this.mark[rootItem] = this.stamp;
    while (head < tail) {
      const u = st.itemUnit[this.queue[head++]];
      for (let a = adj.offsets[u]; a < adj.offsets[u + 1]; a++) {
        const j = of[adj.neighbours[a]];
        if (j < 0 || j === skip || this.mark[j] === this.stamp || st.schoolOf(j) !== s) continue;
        this.mark[j] = this.stamp;
        this.queue[tail++] = j;
      }
    }
    return tail;
  }
}
