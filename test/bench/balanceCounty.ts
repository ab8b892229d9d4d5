import type { BalanceInput, BalanceLevelInput, UnitAdjacency } from '../../src/core/balance/types';

/**
 * A county of `copies` × the input's units: the generated Shouguang problem laid side by side
 * `copies` times, each copy shifted east by `shiftKm` (so no unit is near another copy's school)
 * with its own schools, units and adjacency. Every copy has the same over-limit schools, so the
 * optimum of the whole is `copies` × that of one.
 */
export function tileCounty(input: BalanceInput, copies: number, shiftKm = 200): BalanceInput {
  const U = input.unitIds.length;
  const S = input.schools.length;
  const G = 10;
  const tile = <T extends Int32Array | Uint8Array | Float64Array>(a: T, f: (v: number, c: number) => number): T => {
    const out = new (a.constructor as new (n: number) => T)(a.length * copies);
    for (let c = 0; c < copies; c++) for (let k = 0; k < a.length; k++) out[c * a.length + k] = f(a[k], c);
    return out;
  };
  const Y = input.years.length;
  const fixed = new Float64Array(Y * S * copies * G);
  for (let y = 0; y < Y; y++) for (let c = 0; c < copies; c++) for (let s = 0; s < S; s++) for (let g = 0; g < G; g++) fixed[(y * S * copies + c * S + s) * G + g] = input.fixed[(y * S + s) * G + g];
  const adjacency = (a: UnitAdjacency): UnitAdjacency => {
    const offsets = new Int32Array(U * copies + 1);
    for (let c = 0; c < copies; c++) for (let u = 0; u < U; u++) offsets[c * U + u + 1] = c * a.neighbours.length + a.offsets[u + 1];
    return { offsets, neighbours: tile(a.neighbours, (v, c) => v + c * U) };
  };
  const levels: BalanceLevelInput[] = input.levels.map((l) => {
    const p = l.pupils;
    const E = p.school.length;
    const offsets = new Int32Array(U * copies + 1);
    for (let c = 0; c < copies; c++) for (let u = 0; u < U; u++) offsets[c * U + u + 1] = c * E + p.offsets[u + 1];
    return {
      level: l.level,
      home: tile(l.home, (v, c) => (v < 0 ? v : v + c * S)),
      pupils: { offsets, school: tile(p.school, (v, c) => (v < 0 ? v : v + c * S)), year: tile(p.year, (v) => v), grade: tile(p.grade, (v) => v), count: tile(p.count, (v) => v) },
      lockedUnits: tile(l.lockedUnits, (v) => v),
      adjacency: l.adjacency && adjacency(l.adjacency),
    };
  });
  return {
    unitIds: Array.from({ length: copies }, (_, c) => input.unitIds.map((id) => `${id}~${c}`)).flat(),
    unitX: tile(input.unitX, (v, c) => v + c * shiftKm),
    unitY: tile(input.unitY, (v) => v),
    schools: Array.from({ length: copies }, (_, c) => input.schools.map((s) => ({ ...s, id: `${s.id}~${c}`, x: s.x + c * shiftKm }))).flat(),
    gradeCap: input.gradeCap,
    firstJuniorGrade: input.firstJuniorGrade,
    years: input.years,
    fixed,
    levels,
  };
}
