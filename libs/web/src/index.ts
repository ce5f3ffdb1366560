export { WebModule } from './web.module';
export { renderSvg, type SvgSize } from './svg-chart';
export { sharedSpcChart, type SpcChartSource, type ChartOption } from './spc-chart-option';
