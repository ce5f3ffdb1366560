/**
 * The rule an SPC gain event cites (SPEC "Statistical process control"): the four special-cause
 * rules of NHS 'Making Data Count', for a gain achieved or lost, and `sustained12` for twelve
 * consecutive points on the improved side of the baseline centre line after the gain.
 */
export const GAIN_RULES = ['astronomical', 'trend', 'twoInThree', 'shift', 'sustained12'] as const;
export type GainRule = (typeof GAIN_RULES)[number];
