import type { BalanceInput, BalanceSettings } from '../../src/core/balance/types';

/**
 * Plain reference of "pupils who must leave": over every choice of class counts k_g (0 .. ceil(n_g /
 * cap_g)) that fits the rooms, the pupils beyond k_g full classes, at least the pupils over the size
 * limit; the least of these.
 */
export function referenceMustLeave(n: number[], cap: number[], rooms: number | undefined, maxSize: number): number {
  const total = n.reduce((a, b) => a + b, 0);
  const over = Math.max(0, total - maxSize);
  if (rooms === undefined) return over;
  const grades = n.map((_, g) => g).filter((g) => n[g] > 0);
  let best = Infinity;
  const walk = (j: number, roomsUsed: number, leave: number) => {
    if (roomsUsed > rooms) return;
    if (j === grades.length) {
      best = Math.min(best, Math.max(leave, over));
      return;
    }
    const g = grades[j];
    for (let k = 0; k <= Math.ceil(n[g] / cap[g]); k++) walk(j + 1, roomsUsed + k, leave + Math.max(0, n[g] - cap[g] * k));
  };
  walk(0, 0, 0);
  return best;
}

/** A plan as the school of every (level 0) unit: −1 unmoved. */
export type Targets = number[];

/** The objective of targets computed from scratch; undefined when the targets break contiguity, a lock or a candidate rule. */
export function referenceObjective(input: BalanceInput, settings: BalanceSettings, targets: Targets): { violation: number; moved: number; addedKm: number } | undefined {
  const level = input.levels[0];
  const U = input.unitIds.length;
  const S = input.schools.length;
  const dist = (u: number, s: number) => Math.hypot(input.unitX[u] - input.schools[s].x, input.unitY[u] - input.schools[s].y);
  const p = level.pupils;
  const finalSchool = (u: number) => (targets[u] >= 0 ? targets[u] : level.home[u]);
  for (let u = 0; u < U; u++) {
    const t = targets[u];
    if (t < 0) continue;
    const h = level.home[u];
    if (h < 0 || t === h || level.lockedUnits[u] === 1 || input.schools[h].locked.primary) return undefined;
    const ok = input.schools
      .map((s, k) => ({ s, k, d: dist(u, k) }))
      .filter(({ s, k, d }) => k !== h && s.open && s.public && !s.locked.primary && s.level !== 'junior' && d <= settings.maxDistanceKm && d - dist(u, h) <= settings.maxAddedKm)
      .sort((a, b) => a.d - b.d || a.k - b.k)
      .slice(0, settings.nearestSchools)
      .some((c) => c.k === t);
    if (!ok) return undefined;
  }
  if (level.adjacency && !contiguous(input, targets, finalSchool)) return undefined;
  const Y = input.years.length;
  const load = Array.from({ length: Y * S }, () => new Array<number>(10).fill(0));
  let moved = 0;
  let addedKm = 0;
  for (let u = 0; u < U; u++) {
    for (let e = p.offsets[u]; e < p.offsets[u + 1]; e++) {
      const s = targets[u] >= 0 ? targets[u] : p.school[e];
      if (s >= 0) load[p.year[e] * S + s][p.grade[e]] += p.count[e];
      const entrant = p.grade[e] === 1 || p.grade[e] === input.firstJuniorGrade;
      // Pupils of the first year count, and of later years only the entrants (each pupil once).
      if (targets[u] >= 0 && p.school[e] !== targets[u] && (p.year[e] === 0 || entrant)) {
        moved += p.count[e] * (settings.phaseIn ? (entrant ? 1 : 0) : entrant ? settings.entrantWeight : 1);
        if (p.school[e] >= 0) addedKm += p.count[e] * (dist(u, targets[u]) - dist(u, p.school[e]));
      }
    }
  }
  let violation = 0;
  for (let y = 0; y < Y; y++) {
    input.schools.forEach((s, k) => {
      if (!s.public) return;
      const n = load[y * S + k].map((v, g) => v + input.fixed[(y * S + k) * 10 + g]);
      violation += referenceMustLeave(n, input.gradeCap, s.roomsByYear ? s.roomsByYear[y] : s.rooms, s.maxSize);
    });
  }
  return { violation, moved, addedKm };
}

/**
 * Contiguity of the final zones: each school's root (its unit nearest the school today, or for a
 * school without units the nearest unit) stays, and every unit of a zone is reached from the root
 * within the zone, except units cut off today that stay put.
 */
function contiguous(input: BalanceInput, targets: Targets, finalSchool: (u: number) => number): boolean {
  const level = input.levels[0];
  const adj = level.adjacency!;
  const U = input.unitIds.length;
  const dist = (u: number, s: number) => Math.hypot(input.unitX[u] - input.schools[s].x, input.unitY[u] - input.schools[s].y);
  const reach = (root: number, schoolOf: (u: number) => number) => {
    const seen = new Set([root]);
    const queue = [root];
    while (queue.length) {
      const u = queue.shift()!;
      for (let a = adj.offsets[u]; a < adj.offsets[u + 1]; a++) {
        const v = adj.neighbours[a];
        if (!seen.has(v) && schoolOf(v) === schoolOf(root)) seen.add(v), queue.push(v);
      }
    }
    return seen;
  };
  for (let s = 0; s < input.schools.length; s++) {
    const own = [...Array(U).keys()].filter((u) => level.home[u] === s);
    const all = [...Array(U).keys()].filter((u) => level.home[u] >= 0);
    const pool = own.length > 0 ? own : all;
    if (pool.length === 0) continue;
    const root = pool.reduce((a, b) => (dist(b, s) < dist(a, s) ? b : a));
    const members = [...Array(U).keys()].filter((u) => level.home[u] >= 0 && finalSchool(u) === s);
    if (own.length > 0 && finalSchool(root) !== s) return false;
    if (members.length === 0) continue;
    if (finalSchool(root) !== s) return false;
    const before = own.length > 0 ? reach(root, (u) => level.home[u]) : new Set<number>();
    const after = reach(root, finalSchool);
    for (const u of members) if (!after.has(u) && !(targets[u] < 0 && !before.has(u))) return false;
  }
  return true;
}

/** The best objective over every plan (each unit unmoved or at any school), by brute force. */
export function bruteForceOptimum(input: BalanceInput, settings: BalanceSettings): { violation: number; moved: number; addedKm: number } {
  const U = input.unitIds.length;
  const options = Array.from({ length: U }, (_, u) => (input.levels[0].home[u] < 0 ? [-1] : [-1, ...input.schools.map((_, k) => k).filter((k) => k !== input.levels[0].home[u])]));
  let best: { violation: number; moved: number; addedKm: number } | undefined;
  const targets = new Array<number>(U).fill(-1);
  const walk = (u: number) => {
    if (u === U) {
      const o = referenceObjective(input, settings, targets);
      if (o && (!best || o.violation < best.violation || (o.violation === best.violation && (o.moved < best.moved - 1e-9 || (Math.abs(o.moved - best.moved) <= 1e-9 && o.addedKm < best.addedKm - 1e-9))))) best = o;
      return;
    }
    for (const t of options[u]) {
      targets[u] = t;
      walk(u + 1);
    }
    targets[u] = -1;
  };
  walk(0);
  return best!;
}
