import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/core/rules';
import { computeValidationReport, type ValidationInput } from '../../src/core/validation';

describe('pupils outside every zone, many of them', () => {
  it('counts them all but carries 5,000 homes for the map, spread evenly over them', () => {
    const n = 12_001;
    // One primary zone [118.00, 118.01]²; every pupil lives east of it, pupil i at 119 + i·1e-6.
    const input: ValidationInput = {
      schools: [{ id: 'P1', name: 'P1校', level: 'primary', ownership: 'public', lon: 118.005, lat: 37.005, facilities: {} }],
      zones: [{ type: 'Feature', properties: { school_id: 'P1', level: 'primary' }, geometry: { type: 'Polygon', coordinates: [[[118, 37], [118.01, 37], [118.01, 37.01], [118, 37.01], [118, 37]]] } }],
      pupils: {
        x: Float64Array.from({ length: n }, (_, i) => 119 + i * 1e-6),
        y: new Float64Array(n).fill(37.005),
        grade: new Uint8Array(n).fill(1),
        currentSchool: new Int32Array(n).fill(-1),
      },
      baseYear: 2024,
      rules: DEFAULT_RULES,
    };
    const outside = computeValidationReport(input).items.find((i) => i.kind === 'pupilsOutside');
    expect(outside?.kind === 'pupilsOutside' && outside.pupils).toBe(n);
    const points = outside?.kind === 'pupilsOutside' ? outside.geometry.coordinates : [];
    expect(points).toHaveLength(5000);
    // Point k is pupil ⌊k · 12,001 / 5,000⌋: pupil 0, 2 (k = 1), …, 11,998 (k = 4,999).
    expect([points[0], points[1], points[4999]]).toEqual([[119, 37.005], [119 + 2e-6, 37.005], [119 + 11_998e-6, 37.005]]);
  });
});
