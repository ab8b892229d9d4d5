import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

/** An ECharts chart of an option; ECharts itself loads only when the first chart mounts. */
export function EChart({ option, height, testId }: { option: EChartsCoreOption; height: number; testId: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType>();
  useEffect(() => {
    let live = true;
    let instance: EChartsType | undefined;
    const observer = new ResizeObserver(() => instance?.resize());
    void import('./echartsSetup').then(({ initChart }) => {
      if (!live || !container.current) return;
      instance = initChart(container.current);
      observer.observe(container.current);
      setChart(instance);
    });
    return () => {
      live = false;
      observer.disconnect();
      instance?.dispose();
    };
  }, []);
  useEffect(() => {
    chart?.setOption(option, true);
  }, [chart, option]);
  return <div ref={container} style={{ height, width: '100%' }} data-testid={testId} />;
}
