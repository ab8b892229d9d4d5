import { describe, expect, it } from 'vitest';
import { distanceSettingsOf } from '../../src/core/distance';
import { NATIONAL_PROFILE } from '../../src/core/standards';
import { scenarioFileJson } from '../../src/app/scenarioFile';
import { parseScenario } from '../../src/io/parseScenario';
import { DEFAULT_PROJECTION, NO_RULES } from '../../src/core/scenarioRules';

describe('the service radii travel with the scenario file', () => {
  const radii = { city: { primary: 600, junior: 1200 }, rural: { primary: 3000, junior: 6000 } };

  it('written by the export and read back by the import, radius by radius', () => {
    const text = scenarioFileJson({ id: 's1', name: 'r', edits: [], redoEdits: [], rules: NO_RULES, projection: DEFAULT_PROJECTION }, { ...NATIONAL_PROFILE, serviceRadiusM: radii });
    expect(JSON.parse(text).profile.serviceRadiusM).toEqual(radii);
    const read = parseScenario('r.json', text);
    expect(read.profile?.serviceRadiusM).toEqual(radii);
    expect(distanceSettingsOf(read.profile!).radiusM).toEqual(radii);
  });

  it('a radius left out is the default; none at all leaves the profile without radii', () => {
    const read = parseScenario('r.json', JSON.stringify({ version: 2, name: 'r', edits: [], profile: { serviceRadiusM: { rural: { primary: 3000 } } } }));
    expect(read.profile?.serviceRadiusM).toEqual({ city: { primary: 500, junior: 1000 }, rural: { primary: 3000, junior: 5000 } });
    expect(parseScenario('r.json', JSON.stringify({ version: 2, name: 'r', edits: [], profile: {} })).profile?.serviceRadiusM).toBeUndefined();
  });

  it('a radius that is not a positive number, or a misspelt key, is refused with its path', () => {
    expect(() => parseScenario('r.json', JSON.stringify({ version: 2, name: 'r', edits: [], profile: { serviceRadiusM: { city: { primary: 0 } } } }))).toThrow('serviceRadiusM.city.primary must be a number of metres > 0, got 0');
    expect(() => parseScenario('r.json', JSON.stringify({ version: 2, name: 'r', edits: [], profile: { serviceRadiusM: { urban: {} } } }))).toThrow('unknown key "urban" in profile.serviceRadiusM');
  });
});
