import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type ChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export type SalesChartProps = {
  labels: string[];
  now: number[];
  /** The compared period's figure at each place, drawn in grey behind; null without a comparison. */
  earlier: number[] | null;
  names: { now: string; earlier: string };
  /** Minor units to what the axis and the tooltip show. */
  show(value: number): string;
  label: string;
  testId: string;
  /** A bar clicked: its place, to open the orders behind it. */
  onPick?(index: number): void;
};

/**
 * Bars for the period and, behind each, a wider grey bar for the compared period: a day or an hour
 * that fell short shows the grey above it, one that grew shows the grey beside it, so neither hides
 * the other. SVG, which stays sharp when printed.
 */
export default function SalesChart({ labels, now, earlier, names, show, label, testId, onPick }: SalesChartProps) {
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = element.current;
    if (!host) return;
    const chart = init(host, null, { renderer: 'svg' });
    const option: ChartOption = {
      animation: false,
      grid: { left: 8, right: 8, top: 28, bottom: 4, containLabel: true },
      legend: earlier ? { top: 0, right: 0, data: [names.now, names.earlier] } : undefined,
      tooltip: { trigger: 'axis', valueFormatter: (value) => show(Number(value)) },
      // The tooltip names both periods' figures at a place, wherever on it the pointer is.
      axisPointer: { link: [{ xAxisIndex: 'all' }] },
      // Two copies of one axis, the second hidden: each centres its own bars in the place, so the
      // narrower bar of the period stands in the middle of the wider grey one.
      xAxis: [
        { type: 'category', data: labels, axisTick: { alignWithLabel: true } },
        { type: 'category', data: labels, show: false },
      ],
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => show(value) } },
      series: [
        ...(earlier
          ? [
              {
                name: names.earlier,
                type: 'bar' as const,
                data: earlier,
                itemStyle: { color: '#d1d5db' },
                barWidth: '70%',
                barMaxWidth: 44,
              },
            ]
          : []),
        {
          name: names.now,
          type: 'bar' as const,
          data: now,
          xAxisIndex: earlier ? 1 : 0,
          itemStyle: { color: '#0f6cbd' },
          barWidth: earlier ? '40%' : '60%',
          barMaxWidth: 26,
        },
      ],
    };
    chart.setOption(option);
    if (onPick) chart.on('click', (params) => onPick(params.dataIndex));
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(host);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [labels, now, earlier, names, show, onPick]);

  return <div ref={element} className="sales-chart" role="img" aria-label={label} data-testid={testId} />;
}
