import { beforeEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/app/compareActions';
import { activeProjectionFresh, activeRequest } from '../../src/app/viewYearActions';
import { warningFingerprint, warningFresh, warningRequest } from '../../src/app/warningActions';
import { DEFAULT_LIMITS } from '../../src/core/limits';
import { DEFAULT_PROJECTION, NO_RULES } from '../../src/core/scenarioRules';
import { useAppStore, type ScenarioDoc } from '../../src/store/store';

const doc: ScenarioDoc = { id: 's1', name: '方案 1', edits: [], redoEdits: [], rules: NO_RULES, projection: DEFAULT_PROJECTION };
const local = { ...DEFAULT_LIMITS, classCap: { primary: 40, junior: 50 } };

// A projection or a warning computed under one overlap rule or one set of limits is not the
// scenario's under another: both were shown as fresh after the overlap rule changed.
describe('what was computed under other rule settings', () => {
  beforeEach(() => {
    useAppStore.setState({ scenarios: [doc], activeScenarioId: 's1', edits: [], redoEdits: [], overlapRule: 'smallestZone', limits: DEFAULT_LIMITS });
    const s = useAppStore.getState();
    useAppStore.setState({
      projections: { s1: { fingerprint: fingerprint(activeRequest()!, s), view: {} as never } },
      warning: { fingerprint: warningFingerprint(warningRequest(s)!, s), view: {} as never },
    });
  });

  it('is fresh under the settings it was computed with', () => {
    expect([activeProjectionFresh(), warningFresh()]).toEqual([true, true]);
  });

  it('is stale under another overlap rule, and fresh again back under the first', () => {
    useAppStore.setState({ overlapRule: 'fileOrder' });
    expect([activeProjectionFresh(), warningFresh()]).toEqual([false, false]);
    useAppStore.setState({ overlapRule: 'smallestZone' });
    expect([activeProjectionFresh(), warningFresh()]).toEqual([true, true]);
  });

  it('is stale under other limits', () => {
    useAppStore.setState({ limits: local });
    expect([activeProjectionFresh(), warningFresh()]).toEqual([false, false]);
  });
});
