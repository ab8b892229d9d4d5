// The message of an imported scenario that is not added: the refused edit counted from 1 with its
// kind, and a failure of the engine (index −1) said as such — it read "第 0 处修改" before.
import { describe, expect, it } from 'vitest';
import { importRefusalText } from '../../src/features/scenarios/importRefusal';
import type { ScenarioDoc } from '../../src/store/store';

const doc = {
  id: 's', name: '方案', edits: [
    { op: 'lockZone', schoolId: 'P1', locked: true },
    { op: 'setZone', schoolId: 'P1', level: 'primary', polygons: [] },
  ], redoEdits: [],
} as unknown as ScenarioDoc;

describe('importRefusalText', () => {
  it('names the refused edit from 1, with its kind', () => {
    expect(importRefusalText('zh-CN', 'plan.json', doc, { index: 1, problem: { code: 'unknownSchool', params: { id: 'P9' } } })).toBe('plan.json：第 2 处修改（setZone）无法应用（没有学校 "P9"），未做任何更改');
    expect(importRefusalText('en', 'plan.json', doc, { index: 0, problem: { code: 'unknownSchool', params: { id: 'P9' } } })).toBe('plan.json: edit 1 (lockZone) cannot be applied (unknown school "P9"); nothing was changed');
  });

  it('says the scenario could not be opened when the engine failed (index −1), naming no edit', () => {
    expect(importRefusalText('zh-CN', 'plan.json', doc, { index: -1, problem: { code: 'faultyEdit', params: {} } })).toBe('plan.json：方案无法打开（此修改已两次导致计算引擎出错，不再执行），未做任何更改');
  });
});
