import { describe, expect, it } from 'vitest';
import { coveredAlone } from '../../test/bench/gpuTrace';

describe("the browser benchmark's time waited on the GPU alone", () => {
  it('counts the GPU spans inside the window, less where a page thread ran too', () => {
    // GPU busy 10–50 and 40–70 (overlapping: 10–70); the page ran 20–30 and 60–100; window 0–65.
    expect(coveredAlone([[10, 50], [40, 70]], [[60, 100], [20, 30]], 0, 65)).toBe(10 + 30);
  });

  it('is the whole GPU span when the page was idle, and nothing outside the window', () => {
    expect(coveredAlone([[5, 15]], [], 0, 100)).toBe(10);
    expect(coveredAlone([[5, 15]], [], 20, 100)).toBe(0);
    expect(coveredAlone([[5, 15]], [[0, 100]], 0, 100)).toBe(0);
  });
});
