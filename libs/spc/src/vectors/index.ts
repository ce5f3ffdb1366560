import { handmadeChartVectors, handmadeScreeningVectors } from './handmade-chart.vectors';
import { handmadeGainsVectors } from './handmade-gains.vectors';
import { nhspyChartVectors, nhspyLimitsVectors, nhspyShiftVectors, nhspyTrendVectors, nhspyTwoInThreeVectors } from './nhspy-plotthedots.vectors';
import { nhsrAssuranceVectors, nhsrChartVectors } from './nhsr-plotthedots-chart.vectors';
import { nhsrShiftVectors, nhsrTrendVectors, nhsrTwoInThreeVectors } from './nhsr-plotthedots-rules.vectors';
import { powerbiAssuranceVectors, powerbiLimitsVectors } from './powerbi-spc-limits.vectors';
import { powerbiAstronomicalVectors, powerbiShiftVectors, powerbiTrendVectors, powerbiTwoInThreeVectors } from './powerbi-spc-rules.vectors';
import type { SpcVector } from './vector-types';

export type { SpcVector } from './vector-types';

/** Every vector, published ones first, each naming its source. */
export const spcVectors: SpcVector[] = [
  ...nhsrShiftVectors,
  ...nhsrTrendVectors,
  ...nhsrTwoInThreeVectors,
  ...nhsrChartVectors,
  ...nhsrAssuranceVectors,
  ...nhspyLimitsVectors,
  ...nhspyTrendVectors,
  ...nhspyShiftVectors,
  ...nhspyTwoInThreeVectors,
  ...nhspyChartVectors,
  ...powerbiTrendVectors,
  ...powerbiShiftVectors,
  ...powerbiTwoInThreeVectors,
  ...powerbiAstronomicalVectors,
  ...powerbiLimitsVectors,
  ...powerbiAssuranceVectors,
  ...handmadeChartVectors,
  ...handmadeScreeningVectors,
  ...handmadeGainsVectors,
];
