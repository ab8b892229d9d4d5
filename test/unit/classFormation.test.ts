import { describe, expect, it } from 'vitest';
import { computeClassFormation } from '../../src/core/classFormation';
import { DEFAULT_RULES } from '../../src/core/rules';

const grades = (counts: Record<number, number>) => {
  const a = new Array(10).fill(0);
  for (const [g, n] of Object.entries(counts)) a[Number(g)] = n;
  return a;
};

describe('computeClassFormation (DOMAIN.md rule)', () => {
  it('reproduces the worked example: rooms 6, grades 1–3 with 130/100/61', () => {
    const f = computeClassFormation(grades({ 1: 130, 2: 100, 3: 61 }), 6, DEFAULT_RULES);
    expect(f.classes.slice(1, 4)).toEqual([3, 2, 1]);
    expect(f.largestClass.slice(1, 4)).toEqual([44, 50, 61]);
    expect(f.maxClassSize).toBe(61);
    // 44,43,43 are within 45; 50,50 and 61 are over it.
    expect(f.classesOverCap).toBe(3);
    expect(f.largeClasses).toBe(1);
    expect(f.extraLargeClasses).toBe(0);
    expect(f.totalClasses).toBe(6);
    expect(f.roomShortage).toBe(0);
  });

  it('forms ceil(n / cap) classes when rooms are not limited', () => {
    const f = computeClassFormation(grades({ 1: 91, 7: 101, 9: 50 }), undefined, DEFAULT_RULES);
    expect(f.classes[1]).toBe(3); // 91 / 45 → 3 classes of 31,30,30
    expect(f.classes[7]).toBe(3); // junior cap 50: 101 → 3 classes of 34,34,33
    expect(f.classes[9]).toBe(1); // exactly at the cap
    expect(f.maxClassSize).toBe(50);
    expect(f.classesOverCap).toBe(0);
    expect(f.classesNeededAtCap).toBe(7);
  });

  it('stops at the cap even when rooms are left over', () => {
    const f = computeClassFormation(grades({ 1: 90 }), 10, DEFAULT_RULES);
    expect(f.classes[1]).toBe(2);
    expect(f.maxClassSize).toBe(45);
  });

  it('breaks ties toward the lower grade', () => {
    // Both grades start at one class of 100; the one spare room goes to grade 2, not grade 4.
    const f = computeClassFormation(grades({ 2: 100, 4: 100 }), 3, DEFAULT_RULES);
    expect(f.classes[2]).toBe(2);
    expect(f.classes[4]).toBe(1);
    expect(f.largestClass[4]).toBe(100);
    expect(f.extraLargeClasses).toBe(1);
  });

  it('reports a room shortage and still gives each grade with pupils one class', () => {
    const f = computeClassFormation(grades({ 1: 70, 2: 66, 3: 10 }), 2, DEFAULT_RULES);
    expect(f.classes.slice(1, 4)).toEqual([1, 1, 1]);
    expect(f.roomShortage).toBe(1);
    expect(f.maxClassSize).toBe(70);
    expect(f.extraLargeClasses).toBe(2); // 70 and 66
    expect(f.classesOverCap).toBe(2);
  });

  it('counts the bands on uneven classes: 113 pupils in 2 classes are 57 and 56', () => {
    const f = computeClassFormation(grades({ 1: 113 }), 1 + 1, DEFAULT_RULES);
    expect(f.classes[1]).toBe(2);
    expect(f.largeClasses).toBe(2);
    expect(f.classesOverCap).toBe(2);
    // 111 in 2 classes are 56 and 55: one 大班额, two over the cap
    const g = computeClassFormation(grades({ 1: 111 }), 2, DEFAULT_RULES);
    expect(g.largeClasses).toBe(1);
    expect(g.classesOverCap).toBe(2);
  });

  it('ignores grades without pupils', () => {
    const f = computeClassFormation(grades({}), 12, DEFAULT_RULES);
    expect(f.totalClasses).toBe(0);
    expect(f.maxClassSize).toBe(0);
    expect(f.roomShortage).toBe(0);
  });
});
