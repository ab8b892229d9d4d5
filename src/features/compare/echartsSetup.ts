import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only what the compare charts draw is registered, so the lazily loaded chunk stays small.
use([LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

/** Starts an SVG chart in a container (this module is imported only when a chart is shown). */
export function initChart(container: HTMLElement) {
  return init(container, undefined, { renderer: 'svg' });
}
