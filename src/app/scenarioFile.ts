import type { StandardsProfile } from '../core/standards';
import { SCENARIO_VERSION } from '../io/parseScenario';
import type { ScenarioDoc } from '../store/store';

/** A scenario as a scenario file (versioned JSON, what 导入方案 reads) with the standards profile. */
export function scenarioFileJson(doc: ScenarioDoc, profile: StandardsProfile): string {
  return JSON.stringify({ version: SCENARIO_VERSION, name: doc.name, edits: doc.edits, rules: doc.rules, projection: doc.projection, profile }, null, 2) + '\n';
}
