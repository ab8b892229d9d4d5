/** A school's distance from its limits in one year. */
export interface LimitExcess {
  /** Pupils over the size limit. */
  pupilsOver: number;
  /** Rooms missing for every class to be within its cap: Σ_g ceil(n_g / cap_g) − rooms, at least 0. */
  roomsShort: number;
  /** Fewest pupils whose leaving makes both limits hold. */
  mustLeave: number;
}

// Grades 1..9 (MAX_GRADE); a local constant because this is the balancer's innermost loop.
const GRADES = 9;
const pieces = new Float64Array(GRADES);
const fullCap = new Float64Array(GRADES);
const fullCount = new Float64Array(GRADES);

/**
 * The exact distance of one school from its limits. `counts[offset + g]` are the pupils of grade g
 * (1..9; fractional projected pupils count as the whole number they round to), `cap[g]` the class
 * cap, `rooms` undefined = not limited. Under the class rule a school has
 * no class over the cap iff Σ_g ceil(n_g / cap_g) ≤ rooms; one class fewer in grade g costs first
 * the pupils of its last class, n_g − cap_g·(k_g − 1), then cap_g per further class. The fewest
 * leavers take the cheapest such pieces for the rooms short (the first piece of a grade is never
 * dearer than its later ones), and at least the pupils over the size limit (more leavers never add a
 * class). So `mustLeave` never rises when a pupil leaves.
 */
export function computeLimitExcess(counts: ArrayLike<number>, offset: number, cap: ArrayLike<number>, rooms: number | undefined, maxSize: number): LimitExcess {
  let total = 0;
  let classes = 0;
  for (let g = 1; g <= GRADES; g++) {
    const n = Math.round(counts[offset + g]);
    total += n;
    if (n > 0) classes += Math.ceil(n / cap[g]);
  }
  const pupilsOver = Math.max(0, total - maxSize);
  const roomsShort = rooms === undefined ? 0 : Math.max(0, classes - rooms);
  return { pupilsOver, roomsShort, mustLeave: roomsShort === 0 ? pupilsOver : Math.max(pupilsOver, roomCost(counts, offset, cap, roomsShort)) };
}

/** computeLimitExcess(...).mustLeave without the object (the search's hot path). */
export function computeMustLeave(counts: ArrayLike<number>, offset: number, cap: ArrayLike<number>, rooms: number | undefined, maxSize: number): number {
  let total = 0;
  let classes = 0;
  for (let g = 1; g <= GRADES; g++) {
    const n = Math.round(counts[offset + g]);
    total += n;
    if (n > 0) classes += Math.ceil(n / cap[g]);
  }
  const pupilsOver = total > maxSize ? total - maxSize : 0;
  const roomsShort = rooms === undefined || classes <= rooms ? 0 : classes - rooms;
  return roomsShort === 0 ? pupilsOver : Math.max(pupilsOver, roomCost(counts, offset, cap, roomsShort));
}

/**
 * The fewest pupils whose leaving frees `short` classes: the cheapest of the grades' last classes
 * and their full classes (cap each), merged cheapest first. Insertion sorts of at most 9 values.
 */
function roomCost(counts: ArrayLike<number>, offset: number, cap: ArrayLike<number>, short: number): number {
  let m = 0;
  let f = 0;
  for (let g = 1; g <= GRADES; g++) {
    const n = Math.round(counts[offset + g]);
    if (n <= 0) continue;
    const c = cap[g];
    const k = Math.ceil(n / c);
    let j = m++;
    const piece = n - c * (k - 1);
    while (j > 0 && pieces[j - 1] > piece) (pieces[j] = pieces[j - 1]), j--;
    pieces[j] = piece;
    if (k > 1) {
      j = f++;
      while (j > 0 && fullCap[j - 1] > c) (fullCap[j] = fullCap[j - 1]), (fullCount[j] = fullCount[j - 1]), j--;
      fullCap[j] = c;
      fullCount[j] = k - 1;
    }
  }
  let leave = 0;
  let i = 0;
  let j = 0;
  let usedOfFull = 0;
  for (let need = short; need > 0; need--) {
    const x = i < m ? pieces[i] : Infinity;
    const y = j < f ? fullCap[j] : Infinity;
    if (x <= y) (leave += x), i++;
    else {
      leave += y;
      if (++usedOfFull === fullCount[j]) (j++), (usedOfFull = 0);
    }
  }
  return leave;
}
