import type { EChartsCoreOption } from 'echarts/core';
import type { Series } from './compareModel';

/** Colours of the compared scenarios, in the order chosen (the same in every chart and the legend). */
export const SCENARIO_COLORS = ['#0b6aa2', '#d4380d', '#389e0d'];

/** One small chart of a row: its title and its lines. */
export interface ChartPanel {
  title: string;
  series: Series[];
}

/**
 * An ECharts option drawing panels side by side, sharing the years on their x axes and one legend
 * of scenarios (a scenario keeps its colour in every panel). `format` writes axis and tooltip
 * numbers for the locale.
 */
export function smallMultiplesOption(years: number[], panels: ChartPanel[], format: (n: number) => string): EChartsCoreOption {
  const n = panels.length;
  const gap = 4;
  const width = (100 - 2 - gap * n) / n;
  const left = (i: number) => 2 + gap + i * (width + gap);
  return {
    animation: false,
    color: SCENARIO_COLORS,
    legend: { top: 0, data: panels[0]?.series.map((s) => s.name) ?? [] },
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? format(v) : '—') },
    title: panels.map((p, i) => ({ text: p.title, left: `${left(i)}%`, top: 26, textStyle: { fontSize: 12, fontWeight: 'normal' } })),
    grid: panels.map((_, i) => ({ left: `${left(i)}%`, width: `${width}%`, top: 56, bottom: 24, containLabel: true })),
    xAxis: panels.map((_, i) => ({ type: 'category', gridIndex: i, data: years.map(String), boundaryGap: false })),
    yAxis: panels.map((_, i) => ({ type: 'value', gridIndex: i, minInterval: 1, axisLabel: { formatter: format } })),
    series: panels.flatMap((p, i) =>
      p.series.map((s) => ({ type: 'line', name: s.name, xAxisIndex: i, yAxisIndex: i, data: s.values, symbolSize: 5, connectNulls: false })),
    ),
  };
}
