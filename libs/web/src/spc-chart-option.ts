import type { Measure } from '@spiral/event-catalogue';
import type { SpcChart } from '@spiral/spc';
import { join } from 'node:path';
import { webAssetsDir } from './web-assets';

/** What the SPC chart is drawn from: the fields of GET /spirals/:id it reads, whoever builds them. */
export interface SpcChartSource {
  readonly title: string;
  readonly measure: Measure;
  readonly target: number;
  readonly chart: SpcChart | null;
  readonly gains: readonly { readonly kind: string; readonly rule: string; readonly periods: readonly string[] }[];
  readonly history: readonly { readonly type: string; readonly occurredAt: string }[];
}

/** An ECharts option: plain data, handed to ECharts as it is. */
export type ChartOption = Record<string, unknown>;

interface SharedSpcChart {
  spcChartOption(source: SpcChartSource, size?: { readonly width: number }): ChartOption;
  /** The height that leaves the plot room under the title and the rows of labels. */
  minimumHeight(option: ChartOption): number;
  describeSpcChart(source: SpcChartSource): string;
}

let shared: SharedSpcChart | undefined;

/**
 * The one option builder the page also runs (assets/scripts/spc-chart-option.js, a plain script so
 * the browser loads it unchanged), required here so the server's chart.svg draws the same chart.
 */
export function sharedSpcChart(): SharedSpcChart {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time
  shared ??= require(join(webAssetsDir(), 'scripts', 'spc-chart-option.js')) as SharedSpcChart;
  return shared;
}
