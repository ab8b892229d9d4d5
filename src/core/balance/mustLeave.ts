import { MAX_GRADE } from '../rules';

/** A school's distance from its limits in one year. */
export interface LimitExcess {
  /** Pupils over the size limit. */
  pupilsOver: number;
  /** Rooms missing for every class to be within its cap: Σ_g ceil(n_g / cap_g) − rooms, at least 0. */
  roomsShort: number;
  /** Fewest pupils whose leaving makes both limits hold. */
  mustLeave: number;
}

/**
 * The exact distance of one school from its limits. `counts[offset + g]` are the pupils of grade g
 * (1..9), `cap[g]` the class cap, `rooms` undefined = not limited. Under the class rule a school has
 * no class over the cap iff Σ_g ceil(n_g / cap_g) ≤ rooms; one class fewer in grade g costs first
 * the pupils of its last class, n_g − cap_g·(k_g − 1), then cap_g per further class. The fewest
 * leavers take the cheapest such pieces for the rooms short (the first piece of a grade is never
 * dearer than its later ones), and at least the pupils over the size limit (more leavers never add a
 * class). So `mustLeave` never rises when a pupil leaves.
 */
export function computeLimitExcess(counts: ArrayLike<number>, offset: number, cap: ArrayLike<number>, rooms: number | undefined, maxSize: number): LimitExcess {
  let total = 0;
  let classes = 0;
  for (let g = 1; g <= MAX_GRADE; g++) {
    const n = counts[offset + g];
    total += n;
    if (n > 0) classes += Math.ceil(n / cap[g]);
  }
  const pupilsOver = Math.max(0, total - maxSize);
  const roomsShort = rooms === undefined ? 0 : Math.max(0, classes - rooms);
  if (roomsShort === 0) return { pupilsOver, roomsShort, mustLeave: pupilsOver };
  const pieces: number[] = [];
  for (let g = 1; g <= MAX_GRADE; g++) {
    const n = counts[offset + g];
    if (n > 0) pieces.push(n - cap[g] * (Math.ceil(n / cap[g]) - 1));
  }
  pieces.sort((a, b) => a - b);
  const m = pieces.length;
  // The first pieces of the grades, cheapest first, merged with the full classes (cap each).
  let leave = 0;
  let need = roomsShort;
  let i = 0;
  const fulls: number[] = [];
  for (let g = 1; g <= MAX_GRADE; g++) {
    const n = counts[offset + g];
    if (n <= 0) continue;
    const k = Math.ceil(n / cap[g]);
    for (let j = 1; j < k && j <= roomsShort; j++) fulls.push(cap[g]);
  }
  fulls.sort((a, b) => a - b);
  let f = 0;
  while (need > 0) {
    const a = i < m ? pieces[i] : Infinity;
    const b = f < fulls.length ? fulls[f] : Infinity;
    if (a <= b) {
      leave += a;
      i++;
    } else {
      leave += b;
      f++;
    }
    need--;
  }
  return { pupilsOver, roomsShort, mustLeave: Math.max(leave, pupilsOver) };
}
