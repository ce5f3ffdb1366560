/**
 * Where a spiral stands (SPEC "The spiral"): need recognised, knowledge pulled, options appraised
 * with none adopted, an option adopted, a gain achieved, closed. Shared here so the deciders and
 * every level's views (the regional funnel among them) name the steps alike.
 */
export const SPIRAL_STEPS = ['recognition', 'knowing', 'decision', 'change', 'sustainability', 'closed'] as const;
export type SpiralStep = (typeof SPIRAL_STEPS)[number];
