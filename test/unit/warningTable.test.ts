import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/core/rules';
import { DEFAULT_PROJECTION, NO_RULES } from '../../src/core/scenarioRules';
import { DEFAULT_WARNING } from '../../src/core/warning/settings';
import { computeWarningBase } from '../../src/core/warning/warning';
import { createRangesRun } from '../../src/core/warning/ranges';
import { computeWarningTable, tierText, warningLines } from '../../src/features/warning/warningTable';
import { legendEntries } from '../../src/map/legendEntries';
import type { WarningView } from '../../workers/warningRun';
import { warningCounty } from './warningCounty';

function view(): WarningView {
  const dataset = warningCounty();
  const base = computeWarningBase({ dataset, state: dataset.zoneState, scenario: NO_RULES, settings: DEFAULT_PROJECTION, rules: DEFAULT_RULES }, DEFAULT_WARNING);
  const run = createRangesRun(base, DEFAULT_PROJECTION, dataset.housing ?? [], { entryRate: 0, progression: 0, perHousehold: 0, fillYears: 0 }, 10, 1);
  run.step(10);
  run.finish();
  return { baseYear: 2020, settings: DEFAULT_WARNING, rows: base.rows, historyYears: [], zoneUnits: { primary: {}, junior: {} }, projectMs: 0, drawMs: 0 };
}

describe('the warning as the view shows and exports it', () => {
  it('has a line per school and entry grade with its years, and a tier with its likelihood', () => {
    const v = view();
    const lines = warningLines(v, 'primary');
    expect(lines.map((l) => [l.schoolId, [...l.years.keys()]])).toEqual([['A', [2021, 2022, 2023]], ['B', [2021, 2022, 2023]]]);
    const b2023 = lines[1].years.get(2023)!;
    expect(tierText(b2023, 'zh-CN')).toBe('红色，概率 100%');
    expect(tierText(b2023, 'en')).toBe('Red, likelihood 100%');
  });

  it('exports a row per school, grade and year with the figures of the view, headers in the language', () => {
    const table = computeWarningTable(view(), (i) => ['A校', 'B校', 'J校'][i], 'zh-CN');
    expect(table.header.slice(0, 13)).toEqual(['学校代码', '学校', '学段', '起始年级', '年份', '需求', 'P10', 'P50', 'P90', '学位', '学位来源', '需求/学位', '预警']);
    expect(table.rows.find((r) => r[0] === 'A' && r[4] === 2022)).toEqual(['A', 'A校', '小学', 1, 2022, 85, 85, 85, 85, 90, '教室', 0.944, '黄色', 0, 1, 0, null, null]);
    expect(computeWarningTable(view(), String, 'en').header[12]).toBe('Warning');
  });

  it('has a legend by the profile\'s thresholds', () => {
    expect(legendEntries('warning', 'zh-CN', { ...DEFAULT_WARNING, yellowAt: 0.85 }).map((e) => e.label)).toEqual(['绿色 < 85%', '黄色 85%–100%', '红色 ≥ 100%', '无学位数据']);
  });
});
