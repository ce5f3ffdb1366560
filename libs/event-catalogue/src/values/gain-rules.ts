/**
 * The rule an SPC gain event cites (SPEC "Statistical process control"): the four special-cause
 * rules of NHS 'Making Data Count', for a gain achieved or lost on an XmR chart; the two Anhøj
 * rules (`longestRun`, `fewCrossings`) for one on a run chart, where the baseline is too short or
 * too skewed for limits; and `sustained12` for twelve consecutive points on the improved side of
 * the baseline centre line after the gain. The two Anhøj rules were added with run charts: every
 * event recorded before still reads as it was, so the schema version stays.
 */
export const GAIN_RULES = ['astronomical', 'trend', 'twoInThree', 'shift', 'longestRun', 'fewCrossings', 'sustained12'] as const;
export type GainRule = (typeof GAIN_RULES)[number];
