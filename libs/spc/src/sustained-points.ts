/** Twelve points on the improved side make a gain sustained (SPEC), on either chart. */
export const SUSTAINED_POINTS = 12;
