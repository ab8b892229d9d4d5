import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePupilLayout } from '../../src/core/pupilLayout';
import { createPackedBuilder, firstOccurrences, packedAt, packedCount, packStrings, permutePacked, unpackStrings } from '../../src/core/packedStrings';
import type { PupilColumns } from '../../src/core/dataset';
import { DEFAULT_RULES } from '../../src/core/rules';

describe('packed strings', () => {
  it('keeps each string by its end in one text: empty strings, non-ASCII and surrogate pairs included', () => {
    const list = ['G1', '', '张三', '', '𠮷野家', 'a,b\n"c"', ''];
    const p = packStrings(list);
    expect(p.text).toBe('G1张三𠮷野家a,b\n"c"');
    // '𠮷' is two UTF-16 code units: ends count code units.
    expect([...p.ends]).toEqual([2, 2, 4, 4, 8, 15, 15]);
    expect(packedCount(p)).toBe(7);
    expect(list.map((_, i) => packedAt(p, i))).toEqual(list);
    expect(unpackStrings(p)).toEqual(list);
  });

  it('packs no strings as an empty text', () => {
    const p = packStrings([]);
    expect(p.text).toBe('');
    expect(p.ends.length).toBe(0);
    expect(unpackStrings(p)).toEqual([]);
  });

  it('round-trips any list of strings, across many pieces, like the plain list', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 6 }), { maxLength: 10_000 }), (list) => {
        const p = packStrings(list);
        expect(p.text).toBe(list.join(''));
        expect(unpackStrings(p)).toEqual(list);
      }),
      { numRuns: 40 },
    );
  });

  it('reads back any string pushed so far, before and after its piece is joined, like the plain list', () => {
    // Over two joined pieces (4,096 strings each) and the open one; empty and non-ASCII strings among them.
    const list = Array.from({ length: 9_000 }, (_, i) => (i % 7 === 0 ? '' : `${'张𠮷'.repeat(i % 3)}${i}`));
    const b = createPackedBuilder(list.length);
    list.forEach((s, i) => {
      b.push(s);
      for (const j of [i, Math.max(0, i - 5), 0]) expect(b.at(j)).toBe(list[j]);
    });
    expect(list.map((_, i) => b.at(i))).toEqual(list);
  });

  it('refuses more strings than the builder was made for, and keeps only those pushed', () => {
    const b = createPackedBuilder(3);
    b.push('x');
    b.push('yz');
    expect(unpackStrings(b.finish())).toEqual(['x', 'yz']);
    const full = createPackedBuilder(1);
    full.push('a');
    expect(() => full.push('b')).toThrow(RangeError);
  });

  it('permutes as indexing a plain list by the order does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 9_000 }).chain((list) =>
          fc.tuple(fc.constant(list), fc.array(fc.nat(list.length - 1), { maxLength: 9_000 })),
        ),
        ([list, order]) => {
          const got = permutePacked(packStrings(list), order.length, (k) => order[k]);
          expect(unpackStrings(got)).toEqual(order.map((i) => list[i]));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('first occurrences of packed strings', () => {
  it('names for each string the first equal one: empty strings, prefixes and non-ASCII told apart', () => {
    const p = packStrings(['G1', 'G12', '', 'G1', '张三', '', '张三', 'G12', 'g1']);
    expect([...firstOccurrences(p)]).toEqual([0, 1, 2, 0, 4, 2, 4, 1, 8]);
  });

  it('agrees with a plain Set over the unpacked list', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('a', 'b', '学', '𠮷'), maxLength: 3 }), { maxLength: 3_000 }), (list) => {
        const firstAt = new Map<string, number>();
        const expected = list.map((s, i) => {
          if (!firstAt.has(s)) firstAt.set(s, i);
          return firstAt.get(s)!;
        });
        expect([...firstOccurrences(packStrings(list))]).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the pupil layout with packed ids and names', () => {
  it('keeps each pupil’s id and name with its row as it reorders the rows', () => {
    // Five pupils: three primary and two junior (grades 7, 8), at distinct corners of a small box.
    const ids = ['P0', 'P1', '', '学3', 'P4'];
    const names = ['赵', '', '孙𠮷', '李', 'Zhou'];
    const cols: PupilColumns = {
      x: Float64Array.of(118.0, 118.1, 118.0, 118.1, 118.05),
      y: Float64Array.of(36.1, 36.0, 36.0, 36.1, 36.05),
      grade: Uint8Array.of(7, 1, 2, 3, 8),
      fixedSchool: Int32Array.of(-1, -1, -1, -1, -1),
      currentSchool: Int32Array.of(-1, -1, -1, -1, -1),
      line: Uint32Array.of(2, 3, 4, 5, 6),
      unit: Int32Array.of(-1, -1, -1, -1, -1),
      id: packStrings(ids),
      name: packStrings(names),
    };
    const t = computePupilLayout(cols, DEFAULT_RULES);
    // Each pupil is found again by its line (line k+2 is input row k), with its own id and name.
    const got = Array.from(t.line, (line, k) => ({ line, id: packedAt(t.id!, k), name: packedAt(t.name!, k) }));
    expect(got.map((g) => g.line).sort()).toEqual([2, 3, 4, 5, 6]);
    for (const g of got) expect([g.id, g.name]).toEqual([ids[g.line - 2], names[g.line - 2]]);
    // Primary pupils (lines 3, 4, 5) come before the junior ones (lines 2, 6).
    expect(new Set(Array.from(t.line.slice(0, 3)))).toEqual(new Set([3, 4, 5]));
  });
});
