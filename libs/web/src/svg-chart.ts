import * as echarts from 'echarts';
import type { ChartOption } from './spc-chart-option';

export interface SvgSize {
  readonly width: number;
  readonly height: number;
}

/** Renders an ECharts option to an SVG document on the server (ECharts server-side rendering, no DOM). */
export function renderSvg(option: ChartOption, size: SvgSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
